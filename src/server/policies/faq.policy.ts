import { Permission } from '../../shared/permissions';
import { FAQ_ACTIONS, type FaqStatus } from '../../shared/schemas/faq';
import type { Actor } from '../auth/actor';
import { allow, inAgencyScope } from './policy';

export interface FaqSubject {
  status: FaqStatus;
  /** Responsible agency's path; null while a citizen's question waits for triage. */
  agencyPath: string | null;
  askedByUserId: string | null;
}

/** Officers who keep the FAQ: those who manage the procedure catalog or handle petitions. */
export function managesFaq(actor: Actor): boolean {
  return actor.userKind === 'staff' && (actor.permissions.has(Permission.CATALOG_MANAGE) || actor.permissions.has(Permission.PETITION_HANDLE));
}

// Unassigned questions are visible to every FAQ officer, so someone picks them up.
const managesThis = (actor: Actor, f: FaqSubject) => managesFaq(actor) && (f.agencyPath === null || inAgencyScope(actor, f.agencyPath));

allow<FaqSubject>('faq', 'read', (actor, f) => f.status === 'published' || managesThis(actor, f) || (!!actor.userId && actor.userId === f.askedByUserId));
allow<FaqSubject>('faq', [...FAQ_ACTIONS], managesThis);
allow<unknown>('faq', 'create', (actor) => managesFaq(actor));
