import { randomUUID } from 'node:crypto';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import type { Executor } from '../../db/client';
import { payments } from '../../db/schema';
import { authorize } from '../../policies';
import { AppError } from '../../../shared/errors';
import { PaymentAuditAction, type PaymentCreateInput } from '../../../shared/schemas/payments';
import type { PaymentGateway } from './gateway/payment-gateway';
import { summarisePayments } from './payment-state';
import { findDossierForPayments, listDossierPayments, type DossierForPayments, type PaymentRow } from './payments.queries';

export interface PaymentResult {
  payment: PaymentRow;
  dossier: DossierForPayments;
  /** False when an existing payment was returned (a pending online one). */
  created: boolean;
}

/** The fee lines charged: the catalog lines when they add up to the amount, otherwise one line for the amount. */
export function chargedItems(dossier: DossierForPayments, amount: number): { name: string; amount: number }[] {
  const lines = dossier.fees.filter((f) => f.amount > 0);
  if (lines.length > 0 && lines.reduce((s, f) => s + f.amount, 0) === amount) return lines;
  return [{ name: `Phí, lệ phí hồ sơ ${dossier.code}`, amount }];
}

/** The dossier under its row lock (payments of one dossier are serialised), authorised for `action`. */
export async function lockDossierFor(tx: Executor, actor: Actor, dossierId: string, action: 'pay_online' | 'record_desk' | 'cancel'): Promise<DossierForPayments> {
  const dossier = await findDossierForPayments(tx, dossierId, { lock: true });
  return authorize(actor, action, 'dossier_payments', dossier);
}

/**
 * Starts an online payment of what the dossier still owes and returns the gateway page to send the payer to. While
 * one is pending, asking again returns it instead of opening a second transaction that could be paid twice.
 */
export async function createOnlinePayment(
  tx: Executor,
  actor: Actor,
  input: Extract<PaymentCreateInput, { method: 'online' }>,
  gateway: PaymentGateway | null,
): Promise<PaymentResult> {
  const dossier = await lockDossierFor(tx, actor, input.dossierId, 'pay_online');
  if (!gateway) throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE');
  const rows = await listDossierPayments(tx, dossier.id);
  const pending = rows.find((p) => p.status === 'pending');
  if (pending) return { payment: pending, dossier, created: false };
  const { balance } = summarisePayments(dossier, rows);
  if (balance <= 0) throw new AppError('PAYMENT_NOT_DUE');

  const id = randomUUID();
  const started = await gateway.createPayment({ paymentId: id, amount: balance, description: `Phí, lệ phí hồ sơ ${dossier.code}` });
  const [payment] = await tx
    .insert(payments)
    .values({
      id,
      dossierId: dossier.id,
      agencyId: dossier.receivingAgencyId,
      amount: balance,
      items: chargedItems(dossier, balance),
      method: 'online',
      status: 'pending',
      gateway: gateway.id,
      gatewayTransactionId: started.gatewayTransactionId,
      gatewayRedirectUrl: started.redirectUrl,
      returnPath: input.returnPath ?? null,
      payerName: actor.fullName,
      createdById: actor.userId,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: PaymentAuditAction.CREATED,
    subjectType: 'payment',
    subjectId: id,
    summary: { dossierId: dossier.id, dossierCode: dossier.code, amount: balance, method: 'online', gateway: gateway.id, transactionId: started.gatewayTransactionId },
  });
  return { payment: payment!, dossier, created: true };
}
