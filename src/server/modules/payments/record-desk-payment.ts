import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import type { Executor } from '../../db/client';
import { payments } from '../../db/schema';
import { AppError, errorMessages } from '../../../shared/errors';
import { PaymentAuditAction, type PaymentCreateInput } from '../../../shared/schemas/payments';
import { chargedItems, lockDossierFor, type PaymentResult } from './create-online-payment';
import { summarisePayments, syncDossierPaymentState } from './payment-state';
import { listDossierPayments } from './payments.queries';

const receiptTaken = () =>
  new AppError('RECEIPT_NUMBER_TAKEN', { details: { fields: [{ path: 'body.receiptNumber', message: errorMessages.RECEIPT_NUMBER_TAKEN }] } });

/**
 * Thu phí, lệ phí tại Bộ phận Một cửa: cash at the counter, recorded as paid with the receipt number (biên lai)
 * handed to the applicant. Refused while an online payment is pending, so the fee cannot be collected twice.
 */
export async function recordDeskPayment(tx: Executor, actor: Actor, input: Extract<PaymentCreateInput, { method: 'desk' }>): Promise<PaymentResult> {
  const dossier = await lockDossierFor(tx, actor, input.dossierId, 'record_desk');
  const rows = await listDossierPayments(tx, dossier.id);
  if (rows.some((p) => p.status === 'pending')) throw new AppError('PAYMENT_PENDING_ONLINE');
  const { balance } = summarisePayments(dossier, rows);
  if (balance <= 0) throw new AppError('PAYMENT_NOT_DUE');
  const [taken] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.agencyId, dossier.receivingAgencyId), eq(payments.receiptNumber, input.receiptNumber)));
  if (taken) throw receiptTaken();

  let payment;
  try {
    [payment] = await tx
      .insert(payments)
      .values({
        dossierId: dossier.id,
        agencyId: dossier.receivingAgencyId,
        amount: balance,
        items: chargedItems(dossier, balance),
        method: 'desk',
        status: 'paid',
        paidAt: new Date(),
        receiptNumber: input.receiptNumber,
        payerName: input.payerName ?? null,
        createdById: actor.userId,
      })
      .returning();
  } catch (error) {
    // Another counter used the same receipt number at the same moment: the unique index decides.
    const cause = (error as { cause?: { code?: string; constraint?: string } }).cause ?? (error as { code?: string; constraint?: string });
    if (cause?.code === '23505' && cause.constraint === 'payments_agency_receipt_uq') throw receiptTaken();
    throw error;
  }
  await recordAudit(tx, actor, {
    action: PaymentAuditAction.DESK_RECORDED,
    subjectType: 'payment',
    subjectId: payment!.id,
    summary: { dossierId: dossier.id, dossierCode: dossier.code, amount: balance, receiptNumber: input.receiptNumber },
  });
  await syncDossierPaymentState(tx, dossier);
  return { payment: payment!, dossier, created: true };
}
