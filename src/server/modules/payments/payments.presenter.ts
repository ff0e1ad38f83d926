import type { Actor } from '../../auth/actor';
import { abilitiesFor } from '../../policies';
import { DOSSIER_PAYMENT_ACTIONS } from '../../policies/payments.policy';
import { formatMoney } from '../../../shared/text';
import {
  paymentMethodLabels,
  paymentStateLabels,
  paymentStatusLabels,
  type DossierPaymentState,
  type PaymentMethod,
  type PaymentStatus,
  type PaymentView,
} from '../../../shared/schemas/payments';
import type { DossierPayments } from './payment-state';
import type { DossierForPayments, PaymentRow } from './payments.queries';

export function presentPayment(row: PaymentRow, dossier: DossierForPayments, actor: Actor): PaymentView {
  const status = row.status as PaymentStatus;
  const method = row.method as PaymentMethod;
  const abilities = abilitiesFor(actor, 'dossier_payments', dossier, DOSSIER_PAYMENT_ACTIONS);
  return {
    id: row.id,
    dossierId: row.dossierId,
    dossierCode: dossier.code,
    amount: row.amount,
    amountText: formatMoney(row.amount),
    items: row.items,
    method,
    methodLabel: paymentMethodLabels[method],
    status,
    statusLabel: paymentStatusLabels[status],
    gateway: row.gateway,
    gatewayTransactionId: row.gatewayTransactionId,
    receiptNumber: row.receiptNumber,
    payerName: row.payerName,
    paidAt: row.paidAt?.toISOString() ?? null,
    failureReason: row.failureReason,
    createdAt: row.createdAt.toISOString(),
    redirectUrl: status === 'pending' ? row.gatewayRedirectUrl : null,
    abilities: { ...abilities, cancel: abilities.cancel === true && status === 'pending' },
  };
}

export function presentDossierPayments(state: DossierPayments, actor: Actor): DossierPaymentState {
  const abilities = abilitiesFor(actor, 'dossier_payments', state.dossier, DOSSIER_PAYMENT_ACTIONS);
  const owes = state.balance > 0 && !state.pendingPaymentId;
  return {
    dossierId: state.dossier.id,
    state: state.state,
    stateLabel: paymentStateLabels[state.state],
    amountDue: state.amountDue,
    amountPaid: state.amountPaid,
    balance: state.balance,
    pendingPaymentId: state.pendingPaymentId,
    payments: state.payments.map((p) => presentPayment(p, state.dossier, actor)),
    // Buttons the UI may show now, not only what the role allows in general.
    abilities: { ...abilities, pay_online: abilities.pay_online === true && (owes || !!state.pendingPaymentId), record_desk: abilities.record_desk === true && owes },
  };
}
