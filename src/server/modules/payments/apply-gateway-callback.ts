/**
 * A verified gateway callback, applied once. Every new event is stored with its signature (payment_events, unique
 * per gateway and event id), so a redelivered event is recognised and changes nothing. Results are final in one
 * direction: "paid" wins over "failed" (money did move), so a "failed" arriving after "paid" is stored and ignored,
 * while a "paid" after a cancellation is recorded and shows as an amount to refund if the fee was paid elsewhere.
 */
import { eq, sql } from 'drizzle-orm';
import { systemActor, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { queryRows, type Executor } from '../../db/client';
import { payments } from '../../db/schema';
import { PaymentAuditAction, type PaymentStatus } from '../../../shared/schemas/payments';
import type { GatewayCallback } from './gateway/payment-gateway';
import { syncDossierPaymentState } from './payment-state';
import { findDossierForPayments, findPayment, type PaymentRow } from './payments.queries';

export type CallbackOutcome = 'applied' | 'ignored' | 'unknown_transaction' | 'amount_mismatch';

export interface CallbackResult {
  result: 'applied' | 'ignored' | 'duplicate';
  outcome: CallbackOutcome | null;
  paymentStatus: PaymentStatus | null;
  paymentId: string | null;
}

function decide(payment: PaymentRow | undefined, event: GatewayCallback): CallbackOutcome {
  if (!payment) return 'unknown_transaction';
  if (event.status === 'paid') {
    if (event.amount !== null && event.amount !== payment.amount) return 'amount_mismatch';
    return payment.status === 'pending' || payment.status === 'failed' ? 'applied' : 'ignored';
  }
  return payment.status === 'pending' ? 'applied' : 'ignored';
}

export async function applyGatewayCallback(tx: Executor, gatewayId: string, event: GatewayCallback, actor: Actor = systemActor(`Cổng thanh toán ${gatewayId}`)): Promise<CallbackResult> {
  const known = await tx.select({ id: payments.id, dossierId: payments.dossierId, gateway: payments.gateway }).from(payments).where(eq(payments.gatewayTransactionId, event.gatewayTransactionId));
  const target = known[0]?.gateway === gatewayId ? known[0] : undefined;
  // Lock order as in every payment change: the dossier, then the payment.
  const dossier = target ? await findDossierForPayments(tx, target.dossierId, { lock: true }) : undefined;
  const payment = target ? await findPayment(tx, target.id, { lock: true }) : undefined;
  const outcome = decide(payment, event);

  const inserted = await queryRows<{ id: number }>(
    tx,
    sql`INSERT INTO payment_events (gateway, event_id, payment_id, gateway_transaction_id, status, amount, outcome, payload, signature)
        VALUES (${gatewayId}, ${event.eventId}, ${payment?.id ?? null}, ${event.gatewayTransactionId}, ${event.status}, ${event.amount},
                ${outcome}, ${JSON.stringify(event.payload)}::jsonb, ${event.signature})
        ON CONFLICT (gateway, event_id) DO NOTHING RETURNING id`,
  );
  if (inserted.length === 0) {
    return { result: 'duplicate', outcome: null, paymentStatus: (payment?.status as PaymentStatus | undefined) ?? null, paymentId: payment?.id ?? null };
  }

  if (outcome !== 'applied' || !payment || !dossier) {
    await recordAudit(tx, actor, {
      action: PaymentAuditAction.CALLBACK_IGNORED,
      subjectType: 'payment_event',
      subjectId: String(inserted[0]!.id),
      summary: { gateway: gatewayId, eventId: event.eventId, transactionId: event.gatewayTransactionId, reported: event.status, outcome, paymentId: payment?.id ?? null, paymentStatus: payment?.status ?? null },
    });
    return { result: 'ignored', outcome, paymentStatus: (payment?.status as PaymentStatus | undefined) ?? null, paymentId: payment?.id ?? null };
  }

  const paid = event.status === 'paid';
  const [updated] = await tx
    .update(payments)
    .set(
      paid
        ? { status: 'paid', paidAt: event.paidAt ?? new Date(), receiptNumber: event.receiptNumber ?? payment.receiptNumber, failureReason: null, updatedAt: sql`now()` }
        : { status: 'failed', failureReason: event.failureReason ?? 'Giao dịch không thành công', updatedAt: sql`now()` },
    )
    .where(eq(payments.id, payment.id))
    .returning();
  await recordAudit(tx, actor, {
    action: paid ? PaymentAuditAction.PAID : PaymentAuditAction.FAILED,
    subjectType: 'payment',
    subjectId: payment.id,
    summary: { dossierId: dossier.id, dossierCode: dossier.code, amount: payment.amount, gateway: gatewayId, eventId: event.eventId, transactionId: event.gatewayTransactionId, from: payment.status },
  });
  if (paid) await syncDossierPaymentState(tx, dossier);
  return { result: 'applied', outcome, paymentStatus: updated!.status as PaymentStatus, paymentId: payment.id };
}
