/**
 * Phí, lệ phí: online payment through the gateway adapter, desk payment with a receipt number, the gateway's signed
 * callback, and the simulated gateway's page.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { ErrorResponse } from '../../../shared/schemas/common';
import {
  DossierPaymentParams,
  DossierPaymentState,
  PaymentCallbackResponse,
  PaymentCreateInput,
  PaymentParams,
  PaymentView,
} from '../../../shared/schemas/payments';
import { requireUser } from '../../auth/plugin';
import { authorize } from '../../policies';
import { idempotencyKeyOf, requestHash, withIdempotency } from '../dossiers/idempotency';
import { applyGatewayCallback } from './apply-gateway-callback';
import { cancelPayment } from './cancel-payment';
import { createOnlinePayment } from './create-online-payment';
import { paymentGatewayFor, simulatedGatewayFor } from './gateway/gateways';
import { getDossierPaymentState } from './payment-state';
import { findDossierForPayments, findPayment } from './payments.queries';
import { presentDossierPayments, presentPayment } from './payments.presenter';
import { recordDeskPayment } from './record-desk-payment';
import { renderSimulatorPage } from './simulator-page';

const tags = ['Phí, lệ phí'];

export default async function paymentsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;

  r.post(
    '/api/payments',
    {
      preValidation: requireUser,
      schema: {
        tags,
        summary: 'Tạo khoản thanh toán phí, lệ phí của hồ sơ (trực tuyến qua cổng thanh toán, hoặc thu tại Bộ phận Một cửa)',
        description:
          'Số tiền lấy từ phí, lệ phí của thủ tục mà hồ sơ đã lưu khi tiếp nhận. Trực tuyến: trả về redirectUrl của cổng thanh toán; nếu đang có giao dịch chờ thì trả lại giao dịch đó. Tại quầy: cần quyền dossier.intake và số biên lai. Hỗ trợ tiêu đề Idempotency-Key.',
        headers: z.object({ 'idempotency-key': z.string().optional() }).loose(),
        body: PaymentCreateInput,
        response: { 201: PaymentView, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      const key = idempotencyKeyOf(request.headers['idempotency-key']);
      const actor = request.actor;
      const { result } = await database.db.transaction((tx) =>
        withIdempotency(tx, `payments.create:${actor.userId}`, key, requestHash(request.body), async () => {
          const body = request.body;
          const done = body.method === 'online' ? await createOnlinePayment(tx, actor, body, paymentGatewayFor(config)) : await recordDeskPayment(tx, actor, body);
          return presentPayment(done.payment, done.dossier, actor);
        }),
      );
      reply.status(201);
      return result;
    },
  );

  r.get(
    '/api/payments/:id',
    { preValidation: requireUser, schema: { tags, summary: 'Xem một khoản thanh toán', params: PaymentParams, response: { 200: PaymentView, 404: ErrorResponse } } },
    async (request) => {
      const payment = await findPayment(database.db, request.params.id);
      const dossier = payment ? await findDossierForPayments(database.db, payment.dossierId) : undefined;
      authorize(request.actor, 'read', 'dossier_payments', dossier);
      return presentPayment(payment!, dossier!, request.actor);
    },
  );

  r.post(
    '/api/payments/:id/cancel',
    {
      preValidation: requireUser,
      schema: { tags, summary: 'Hủy giao dịch thanh toán trực tuyến đang chờ', params: PaymentParams, response: { 200: PaymentView, 404: ErrorResponse, 409: ErrorResponse } },
    },
    async (request) => {
      const done = await database.db.transaction((tx) => cancelPayment(tx, request.actor, request.params.id));
      return presentPayment(done.payment, done.dossier, request.actor);
    },
  );

  r.get(
    '/api/dossiers/:id/payments',
    {
      preValidation: requireUser,
      schema: { tags, summary: 'Tình trạng thanh toán phí, lệ phí của hồ sơ', params: DossierPaymentParams, response: { 200: DossierPaymentState, 404: ErrorResponse } },
    },
    async (request) => {
      const dossier = await findDossierForPayments(database.db, request.params.id);
      authorize(request.actor, 'read', 'dossier_payments', dossier);
      return presentDossierPayments(await getDossierPaymentState(database.db, request.params.id), request.actor);
    },
  );

  r.get(
    '/api/payments/simulator/:id',
    { schema: { tags, summary: 'Trang thanh toán của cổng thanh toán mô phỏng (chỉ ngoài môi trường production)', params: PaymentParams } },
    async (request, reply) => {
      const gateway = simulatedGatewayFor(config);
      const payment = gateway ? await findPayment(database.db, request.params.id) : undefined;
      if (!gateway || !payment || payment.gateway !== gateway.id || !payment.gatewayTransactionId) throw new AppError('NOT_FOUND');
      const dossier = await findDossierForPayments(database.db, payment.dossierId);
      const base = { transactionId: payment.gatewayTransactionId, paymentId: payment.id, amount: payment.amount };
      const callbacks =
        payment.status === 'pending' ? { pay: gateway.buildCallback({ ...base, outcome: 'success' }), cancel: gateway.buildCallback({ ...base, outcome: 'failed' }) } : null;
      reply.type('text/html; charset=utf-8');
      return renderSimulatorPage({ payment, dossierCode: dossier!.code, callbacks, returnPath: payment.returnPath ?? '/' });
    },
  );

  // The gateway's notification: public, authenticated by its signature over the exact bytes, hence a raw parser.
  await app.register(async (child) => {
    child.removeContentTypeParser('application/json');
    child.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
    child.withTypeProvider<ZodTypeProvider>().post(
      '/api/payments/callback',
      {
        schema: {
          tags,
          summary: 'Thông báo kết quả giao dịch từ cổng thanh toán (có chữ ký HMAC-SHA256)',
          description: 'Thân là JSON do cổng thanh toán ký; chữ ký trong tiêu đề x-payment-signature (sha256=<hex>). Sự kiện trùng được ghi nhận một lần.',
          response: { 200: PaymentCallbackResponse, 400: ErrorResponse, 503: ErrorResponse },
        },
      },
      async (request) => {
        const gateway = paymentGatewayFor(config);
        if (!gateway) throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE');
        if (typeof request.body !== 'string') throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const event = gateway.verifyCallback(request.body, request.headers);
        const done = await database.db.transaction((tx) => applyGatewayCallback(tx, gateway.id, event));
        return { ok: true as const, result: done.result, paymentStatus: done.paymentStatus };
      },
    );
  });
}
