import { Permission } from '../../shared/permissions';
import type { Actor } from '../auth/actor';
import { allow, inAgencyScope, isStaff } from './policy';

/** A dossier's fees as a subject: who applied, and every agency the dossier passed through (materialised paths). */
export interface DossierPaymentsSubject {
  applicantUserId: string | null;
  agencyPaths: string[];
}

const isApplicant = (actor: Actor, s: DossierPaymentsSubject) => !!actor.userId && actor.userId === s.applicantUserId;
const staffInScope = (actor: Actor, s: DossierPaymentsSubject, permission: Permission) =>
  isStaff(actor) && actor.permissions.has(permission) && s.agencyPaths.some((p) => inAgencyScope(actor, p));

allow<DossierPaymentsSubject>('dossier_payments', 'read', (actor, s) => isApplicant(actor, s) || staffInScope(actor, s, Permission.DOSSIER_READ_AGENCY));
// The applicant pays online; a desk officer may start it for them (e.g. on the counter's card terminal page).
allow<DossierPaymentsSubject>('dossier_payments', ['pay_online', 'cancel'], (actor, s) => isApplicant(actor, s) || staffInScope(actor, s, Permission.DOSSIER_INTAKE));
// Cash at the counter, with a receipt number: desk officers only.
allow<DossierPaymentsSubject>('dossier_payments', 'record_desk', (actor, s) => staffInScope(actor, s, Permission.DOSSIER_INTAKE));

export const DOSSIER_PAYMENT_ACTIONS = ['read', 'pay_online', 'record_desk', 'cancel'] as const;
