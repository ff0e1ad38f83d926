/**
 * A local gateway that behaves like PayGov for development, demos and tests: transactions are created locally, the
 * payer sees a page of this server (GET /api/payments/simulator/:id) with "Thanh toán" and "Hủy", and the result
 * arrives as a JSON callback signed with HMAC-SHA256 under `config.paymentGatewaySecret`, exactly as a real
 * gateway's server-to-server notification would.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { CreateGatewayPaymentInput, GatewayCallback, GatewayPaymentCreated, PaymentGateway } from './payment-gateway';

export const SIGNATURE_HEADER = 'x-payment-signature';

/** The callback body the simulated gateway sends. */
export const SimulatedCallbackBody = z.object({
  eventId: z.string().min(8).max(100),
  transactionId: z.string().min(4).max(100),
  merchantRef: z.string().max(100).optional(),
  status: z.enum(['success', 'failed']),
  amount: z.number().int().min(0),
  paidAt: z.iso.datetime({ offset: true }).optional(),
  receiptNo: z.string().max(60).optional(),
  reason: z.string().max(500).optional(),
});
export type SimulatedCallbackBody = z.infer<typeof SimulatedCallbackBody>;

export interface SignedCallback {
  body: string;
  signature: string;
  headers: Record<string, string>;
}

export class SimulatedGateway implements PaymentGateway {
  readonly id = 'simulated';

  constructor(
    private readonly secret: string,
    private readonly publicUrl: string,
  ) {}

  async createPayment(input: CreateGatewayPaymentInput): Promise<GatewayPaymentCreated> {
    return {
      gatewayTransactionId: `SIM-${randomBytes(10).toString('hex').toUpperCase()}`,
      redirectUrl: `${this.publicUrl}/api/payments/simulator/${input.paymentId}`,
    };
  }

  sign(body: string): string {
    return `sha256=${createHmac('sha256', this.secret).update(body, 'utf8').digest('hex')}`;
  }

  /** The callback the gateway would send for a transaction's outcome, with a fresh event id unless given. */
  buildCallback(input: {
    transactionId: string;
    paymentId: string;
    amount: number;
    outcome: 'success' | 'failed';
    eventId?: string;
    at?: Date;
  }): SignedCallback {
    const at = input.at ?? new Date();
    const body: SimulatedCallbackBody = {
      eventId: input.eventId ?? `EVT-${randomBytes(12).toString('hex')}`,
      transactionId: input.transactionId,
      merchantRef: input.paymentId,
      status: input.outcome,
      amount: input.amount,
      ...(input.outcome === 'success'
        ? { paidAt: at.toISOString(), receiptNo: `BLDT-${input.transactionId.slice(4, 14)}` }
        : { reason: 'Người nộp hủy giao dịch' }),
    };
    const raw = JSON.stringify(body);
    const signature = this.sign(raw);
    return { body: raw, signature, headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature } };
  }

  verifyCallback(rawBody: string, headers: Record<string, string | string[] | undefined>): GatewayCallback {
    const header = headers[SIGNATURE_HEADER];
    const signature = Array.isArray(header) ? header[0] : header;
    if (!signature || !sameSignature(signature, this.sign(rawBody))) throw new AppError('PAYMENT_SIGNATURE_INVALID');
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new AppError('VALIDATION_FAILED', { message: 'Thông báo thanh toán không phải JSON hợp lệ' });
    }
    const parsed = SimulatedCallbackBody.safeParse(json);
    if (!parsed.success) {
      throw new AppError('VALIDATION_FAILED', {
        message: 'Thông báo thanh toán thiếu thông tin',
        details: { fields: parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })) },
      });
    }
    const b = parsed.data;
    return {
      eventId: b.eventId,
      gatewayTransactionId: b.transactionId,
      status: b.status === 'success' ? 'paid' : 'failed',
      amount: b.amount,
      paidAt: b.paidAt ? new Date(b.paidAt) : null,
      receiptNumber: b.receiptNo ?? null,
      failureReason: b.reason ?? null,
      payload: b as Record<string, unknown>,
      signature,
    };
  }
}

function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
