/**
 * Phí, lệ phí: payment contracts shared by the server and the web app. Amounts are whole đồng (VND) and come from
 * the dossier's catalog snapshot, never from the client.
 */
import { z } from 'zod';
import { RequiredText, Text, Uuid } from './common';

export const PaymentMethod = { DESK: 'desk', ONLINE: 'online' } as const;
export type PaymentMethod = (typeof PaymentMethod)[keyof typeof PaymentMethod];

export const PaymentStatus = { PENDING: 'pending', PAID: 'paid', FAILED: 'failed', REFUNDED: 'refunded' } as const;
export type PaymentStatus = (typeof PaymentStatus)[keyof typeof PaymentStatus];

export const paymentStatusLabels: Record<PaymentStatus, string> = {
  pending: 'Chờ thanh toán',
  paid: 'Đã thanh toán',
  failed: 'Không thành công',
  refunded: 'Đã hoàn tiền',
};
export const paymentMethodLabels: Record<PaymentMethod, string> = { desk: 'Nộp tại Bộ phận Một cửa', online: 'Thanh toán trực tuyến' };

/** What a gateway callback reports. */
export const GatewayEventStatus = { PAID: 'paid', FAILED: 'failed' } as const;
export type GatewayEventStatus = (typeof GatewayEventStatus)[keyof typeof GatewayEventStatus];

/** Audit action codes of the payments domain. */
export const PaymentAuditAction = {
  CREATED: 'payment.created',
  PAID: 'payment.paid',
  FAILED: 'payment.failed',
  DESK_RECORDED: 'payment.desk_recorded',
  CALLBACK_IGNORED: 'payment.callback_ignored',
} as const;

/** A web-app path to come back to after the gateway: same origin only, so it cannot be turned into an open redirect. */
const ReturnPath = z
  .string()
  .max(500)
  .regex(/^\/(?!\/)[^\s\\]*$/, 'Đường dẫn quay lại phải là một đường dẫn trong hệ thống, bắt đầu bằng /');

export const PaymentCreateInput = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('online'),
    dossierId: Uuid,
    returnPath: ReturnPath.optional(),
  }),
  z.object({
    method: z.literal('desk'),
    dossierId: Uuid,
    /** Số biên lai thu phí, lệ phí (e.g. 0001234, AA/21E-0001234). */
    receiptNumber: RequiredText(40, 'Số biên lai').pipe(z.string().regex(/^[\p{L}\d./-]+$/u, 'Số biên lai chỉ gồm chữ, số và các ký tự . / -')),
    payerName: Text(200).optional(),
  }),
]);
export type PaymentCreateInput = z.infer<typeof PaymentCreateInput>;

export const PaymentParams = z.object({ id: Uuid });
export const DossierPaymentParams = z.object({ id: Uuid });

export const PaymentView = z.object({
  id: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  amount: z.number(),
  amountText: z.string(),
  items: z.array(z.object({ name: z.string(), amount: z.number() })),
  method: z.enum(['desk', 'online']),
  methodLabel: z.string(),
  status: z.enum(['pending', 'paid', 'failed', 'refunded']),
  statusLabel: z.string(),
  gateway: z.string().nullable(),
  gatewayTransactionId: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  payerName: z.string().nullable(),
  paidAt: z.string().nullable(),
  failureReason: z.string().nullable(),
  createdAt: z.string(),
  /** The gateway page to send the applicant to while the payment is pending. */
  redirectUrl: z.string().nullable(),
  abilities: z.record(z.string(), z.boolean()),
});
export type PaymentView = z.infer<typeof PaymentView>;

/** The dossier's payment state, separate from its processing status. */
export const DossierPaymentState = z.object({
  dossierId: z.string(),
  /** not_required | unpaid | paid | refunded (the dossier's payment_state vocabulary). */
  state: z.enum(['not_required', 'unpaid', 'paid', 'refunded']),
  stateLabel: z.string(),
  amountDue: z.number(),
  amountPaid: z.number(),
  /** amountDue − amountPaid: positive still to pay, negative paid twice (to refund). */
  balance: z.number(),
  pendingPaymentId: z.string().nullable(),
  payments: z.array(PaymentView),
  abilities: z.record(z.string(), z.boolean()),
});
export type DossierPaymentState = z.infer<typeof DossierPaymentState>;

export const paymentStateLabels: Record<DossierPaymentState['state'], string> = {
  not_required: 'Không thu phí, lệ phí',
  unpaid: 'Chưa thanh toán',
  paid: 'Đã thanh toán',
  refunded: 'Đã hoàn tiền',
};

export const PaymentCallbackResponse = z.object({
  ok: z.literal(true),
  /** applied | ignored | duplicate */
  result: z.enum(['applied', 'ignored', 'duplicate']),
  paymentStatus: z.enum(['pending', 'paid', 'failed', 'refunded']).nullable(),
});
