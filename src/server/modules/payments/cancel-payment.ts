import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import type { Executor } from '../../db/client';
import { payments } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { PaymentAuditAction } from '../../../shared/schemas/payments';
import { lockDossierFor, type PaymentResult } from './create-online-payment';
import { findPayment } from './payments.queries';

/**
 * Gives up a pending online payment (the payer left the gateway), so another attempt or the desk can collect. Should
 * the gateway still report it paid later, that report wins and the dossier shows the amount to refund.
 */
export async function cancelPayment(tx: Executor, actor: Actor, paymentId: string): Promise<PaymentResult> {
  const found = await findPayment(tx, paymentId);
  if (!found) throw new AppError('NOT_FOUND');
  const dossier = await lockDossierFor(tx, actor, found.dossierId, 'cancel');
  const payment = await findPayment(tx, paymentId, { lock: true });
  if (payment!.status !== 'pending') throw new AppError('PAYMENT_NOT_PENDING');
  const [updated] = await tx
    .update(payments)
    .set({ status: 'failed', failureReason: 'Đã hủy giao dịch', updatedAt: sql`now()` })
    .where(eq(payments.id, paymentId))
    .returning();
  await recordAudit(tx, actor, {
    action: PaymentAuditAction.FAILED,
    subjectType: 'payment',
    subjectId: paymentId,
    summary: { dossierId: dossier.id, dossierCode: dossier.code, reason: 'cancelled', transactionId: payment!.gatewayTransactionId },
  });
  return { payment: updated!, dossier, created: false };
}
