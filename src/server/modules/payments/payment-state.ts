/**
 * The dossier's payment state, kept apart from its processing status: what is due (from the catalog fees the
 * dossier kept at receipt), what has been paid, and the resulting state written to `dossiers.payment_state` in the
 * same transaction as each payment change.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { dossiers } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import type { DossierPaymentState } from '../../../shared/schemas/payments';
import { findDossierForPayments, listDossierPayments, type DossierForPayments, type PaymentRow } from './payments.queries';

export type PaymentStateValue = DossierPaymentState['state'];

/**
 * What the dossier must pay: its fee total as fixed at intake (after exemptions), or, when intake left it at 0, the
 * sum of the catalog fees in its procedure snapshot. A dossier marked `not_required` owes nothing.
 */
export function amountDueOf(dossier: Pick<DossierForPayments, 'paymentState' | 'feeTotal' | 'fees'>): number {
  if (dossier.paymentState === 'not_required') return 0;
  if (dossier.feeTotal > 0) return dossier.feeTotal;
  return dossier.fees.reduce((sum, f) => sum + Math.max(0, f.amount), 0);
}

export interface PaymentSummary {
  state: PaymentStateValue;
  amountDue: number;
  amountPaid: number;
  balance: number;
  pendingPaymentId: string | null;
}

export function summarisePayments(dossier: Pick<DossierForPayments, 'paymentState' | 'feeTotal' | 'fees'>, rows: PaymentRow[]): PaymentSummary {
  const amountDue = amountDueOf(dossier);
  const amountPaid = rows.filter((p) => p.status === 'paid').reduce((s, p) => s + p.amount, 0);
  const refunded = rows.some((p) => p.status === 'refunded');
  let state: PaymentStateValue;
  if (amountDue === 0 && amountPaid === 0 && !refunded) state = 'not_required';
  else if (amountPaid > 0 && amountPaid >= amountDue) state = 'paid';
  else if (amountPaid === 0 && refunded) state = 'refunded';
  else state = 'unpaid';
  return { state, amountDue, amountPaid, balance: amountDue - amountPaid, pendingPaymentId: rows.find((p) => p.status === 'pending')?.id ?? null };
}

export interface DossierPayments extends PaymentSummary {
  dossier: DossierForPayments;
  payments: PaymentRow[];
}

/** The dossier's payment state and payments; NOT_FOUND when the dossier does not exist. */
export async function getDossierPaymentState(executor: Executor, dossierId: string): Promise<DossierPayments> {
  const dossier = await findDossierForPayments(executor, dossierId);
  if (!dossier) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy hồ sơ' });
  const rows = await listDossierPayments(executor, dossierId);
  return { ...summarisePayments(dossier, rows), dossier, payments: rows };
}

/** Recomputes the state after a payment change and writes it on the dossier row (same transaction). */
export async function syncDossierPaymentState(tx: Executor, dossier: DossierForPayments): Promise<PaymentSummary> {
  const summary = summarisePayments(dossier, await listDossierPayments(tx, dossier.id));
  // "not_required" was decided at intake (no fee or an exemption); a payment never changes that decision.
  if (dossier.paymentState !== 'not_required' && summary.state !== dossier.paymentState && summary.state !== 'not_required') {
    await tx.update(dossiers).set({ paymentState: summary.state }).where(eq(dossiers.id, dossier.id));
  }
  return summary;
}
