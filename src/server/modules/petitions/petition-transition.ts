/**
 * Runs one workflow action on a petition: lock → authorize (404 / 403) → replay check (action id) → workflow
 * table (409 listing the allowed actions) → preconditions → change → action log → audit, all in the caller's
 * transaction.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { petitionActions, petitions } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize, can } from '../../policies';
import { petitionActionBlocker } from '../../policies/petitions.policy';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import {
  PETITION_ACTIONS,
  findPetitionTransition,
  type PetitionAction,
  type PetitionStatus,
} from '../../../shared/workflow/petition-workflow';
import { petitionSubject, type LoadedPetition } from './petitions.queries';

const auditActionOf: Record<PetitionAction, string> = {
  classify: AuditAction.PETITION_CLASSIFIED,
  assign: AuditAction.PETITION_ASSIGNED,
  forward: AuditAction.PETITION_FORWARDED,
  reject: AuditAction.PETITION_REJECTED,
  answer: AuditAction.PETITION_ANSWERED,
  publish: AuditAction.PETITION_PUBLISHED,
  unpublish: AuditAction.PETITION_UNPUBLISHED,
  withdraw: AuditAction.PETITION_WITHDRAWN,
  set_publish_consent: AuditAction.PETITION_CONSENT_CHANGED,
  rate_answer: AuditAction.PETITION_ANSWER_RATED,
};

/** Label of a petitioner who acts with the code and tracking token, in the log and the audit. */
export const TRACKED_PETITIONER_LABEL = 'Người phản ánh, kiến nghị (mã tra cứu)';

export interface PetitionChange {
  /** Overrides the table's target status (forwarding outside the system, consent withdrawn from a published answer). */
  to?: PetitionStatus;
  set?: Partial<typeof petitions.$inferInsert>;
  note?: string | null;
  /** Facts kept in the action log (statistics read forwarding lateness from here). */
  payload?: Record<string, unknown>;
  /** Extra audit facts; never personal data. */
  audit?: Record<string, unknown>;
  /** Runs after the change is recorded (notifications), never on a replayed action. */
  after?: () => Promise<void>;
}

export interface PetitionActionRequest {
  action: PetitionAction;
  actionId?: string | undefined;
  viaTrackingToken?: boolean;
}

/** What the actor may do now on this petition: the workflow table, the policy and the preconditions. */
export function petitionAbilities(actor: Actor, petition: LoadedPetition, viaTrackingToken = false): Record<PetitionAction, boolean> {
  const subject = petitionSubject(petition, viaTrackingToken);
  return Object.fromEntries(
    PETITION_ACTIONS.map((action) => [
      action,
      !!findPetitionTransition(subject.status, action) && can(actor, action, 'petition', subject) && !petitionActionBlocker(action, subject),
    ]),
  ) as Record<PetitionAction, boolean>;
}

export async function runPetitionAction(
  tx: Tx,
  actor: Actor,
  load: () => Promise<LoadedPetition | undefined>,
  request: PetitionActionRequest,
  apply: (petition: LoadedPetition) => PetitionChange | Promise<PetitionChange>,
): Promise<LoadedPetition> {
  const petition = await load();
  const subject = authorize(actor, request.action, 'petition', petition ? petitionSubject(petition, request.viaTrackingToken) : undefined);
  const p = petition!;

  if (request.actionId) {
    const [earlier] = await tx
      .select({ petitionId: petitionActions.petitionId, action: petitionActions.action })
      .from(petitionActions)
      .where(eq(petitionActions.actionId, request.actionId));
    if (earlier) {
      if (earlier.petitionId === p.row.id && earlier.action === request.action) return p;
      throw new AppError('IDEMPOTENCY_KEY_REUSED');
    }
  }

  const transition = findPetitionTransition(subject.status, request.action);
  if (!transition) {
    const abilities = petitionAbilities(actor, p, request.viaTrackingToken);
    throw new AppError('ACTION_NOT_ALLOWED', {
      details: { status: subject.status, allowedActions: PETITION_ACTIONS.filter((a) => abilities[a]) },
    });
  }
  const blocker = petitionActionBlocker(request.action, subject);
  if (blocker) throw new AppError(blocker);

  const change = await apply(p);
  const to = change.to ?? transition.to ?? subject.status;
  const now = new Date();
  await tx
    .update(petitions)
    .set({ ...change.set, status: to, updatedAt: now })
    .where(eq(petitions.id, p.row.id));

  const tracked = request.viaTrackingToken === true;
  const actorLabel = tracked ? TRACKED_PETITIONER_LABEL : actor.fullName;
  await tx.insert(petitionActions).values({
    petitionId: p.row.id,
    action: request.action,
    fromStatus: subject.status,
    toStatus: to,
    actorId: tracked ? null : actor.userId,
    actorRole: transition.by.kind === 'staff' ? 'staff' : tracked ? 'anonymous_petitioner' : 'petitioner',
    actorLabel,
    agencyId: p.row.agencyId,
    note: change.note ?? null,
    payload: change.payload ?? null,
    actionId: request.actionId ?? null,
    at: now,
  });
  await recordAudit(tx, tracked ? { ...actor, fullName: actorLabel } : actor, {
    action: auditActionOf[request.action],
    subjectType: 'petition',
    subjectId: p.row.id,
    summary: { code: p.row.code, from: subject.status, to, ...change.audit },
  });
  await change.after?.();
  return p;
}
