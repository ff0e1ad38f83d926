import { Permission } from '../../shared/permissions';
import { PETITION_ACTIONS, petitionWorkflow, type PetitionAction, type PetitionStatus } from '../../shared/workflow/petition-workflow';
import type { Actor } from '../auth/actor';
import { allow, inAgencyScope } from './policy';

export interface PetitionSubject {
  status: PetitionStatus;
  petitionerUserId: string | null;
  /** Path of the agency now responsible. */
  agencyPath: string;
  /** Path of the agency that forwarded it here, which keeps read access. */
  forwardedFromAgencyPath: string | null;
  publishConsent: boolean;
  /** The request proved it comes from the petitioner with the code and tracking token (no account). */
  viaTrackingToken?: boolean;
}

const isPetitioner = (actor: Actor, p: PetitionSubject) =>
  p.viaTrackingToken === true || (!!actor.userId && actor.userId === p.petitionerUserId);
const handlesInScope = (actor: Actor, path: string | null) =>
  actor.userKind === 'staff' && actor.permissions.has(Permission.PETITION_HANDLE) && inAgencyScope(actor, path);

// A petitioner sees only their own petitions; staff who handle petitions see those of their agency subtree,
// and the ones they forwarded elsewhere.
allow<PetitionSubject>('petition', 'read', (actor, p) =>
  isPetitioner(actor, p) || handlesInScope(actor, p.agencyPath) || handlesInScope(actor, p.forwardedFromAgencyPath),
);

// Every workflow action: who takes it comes from the workflow table; the status check is the use case's.
for (const action of PETITION_ACTIONS) {
  const by = Object.values(petitionWorkflow)
    .flat()
    .find((tr) => tr.action === action)!.by;
  allow<PetitionSubject>('petition', action, (actor, p) =>
    by.kind === 'petitioner'
      ? isPetitioner(actor, p)
      : actor.userKind === 'staff' && actor.permissions.has(by.permission) && inAgencyScope(actor, p.agencyPath),
  );
}

/** Preconditions beyond status and role, shared by the abilities and the use cases. */
export function petitionActionBlocker(action: PetitionAction, p: PetitionSubject): 'PETITION_PUBLISH_CONSENT_MISSING' | null {
  if (action === 'publish' && !p.publishConsent) return 'PETITION_PUBLISH_CONSENT_MISSING';
  return null;
}
