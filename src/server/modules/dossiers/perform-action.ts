/**
 * One entry point for every workflow action: lock the dossier, recognise a retried action id, check access and
 * the workflow table (409 ACTION_NOT_ALLOWED listing the allowed actions), let the action's handler compute what
 * it records, then append to the log, update the projection, audit and notify — all in the caller's transaction.
 */
import { eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { maskIdNumber } from '../../../shared/text';
import {
  allowedActions,
  auditActionOf,
  findTransition,
  targetStatus,
  type ActorRole,
  type DossierAction,
  type DossierStatus,
  type WorkflowActor,
} from '../../../shared/workflow/dossier-workflow';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import type { Executor } from '../../db/client';
import { agencies, dossierActions } from '../../db/schema';
import { authorize, can } from '../../policies';
import { isApplicantOf, type DossierSubject } from '../../policies/dossiers.policy';
import { loadWorkCalendar } from '../calendar/calendar.queries';
import type { ActionHandler, AnyActionInput } from './action-context';
import { actionActorOf } from './create-dossier';
import { insertDocuments } from './dossier-documents';
import { notifyApplicant, statusChangedMessage } from './dossier-notifications';
import { appendAction, lockDossier, stateOfRow, type DossierRow } from './dossier-records';
import { apologiseExtend, markDueSoon, markOverdue, refuse, stop, withdraw } from './ending-actions';
import { requestHash } from './idempotency';
import { accept, closeNoSupplement, provideSupplement, requestSupplement } from './intake-actions';
import { acknowledgeResult, approve, issue, returnResult, sign } from './result-actions';
import { assign, forward, receiveFromAgency, sendToAgency } from './routing-actions';

type Handlers = { [A in AnyActionInput['action']]: ActionHandler<A> };

const HANDLERS: Handlers = {
  accept,
  request_supplement: requestSupplement,
  provide_supplement: provideSupplement,
  forward,
  assign,
  send_to_agency: sendToAgency,
  receive_from_agency: receiveFromAgency,
  approve,
  sign,
  issue,
  return_result: returnResult,
  acknowledge_result: acknowledgeResult,
  refuse,
  stop,
  withdraw,
  apologise_extend: apologiseExtend,
  close_no_supplement: closeNoSupplement,
  mark_due_soon: markDueSoon,
  mark_overdue: markOverdue,
};

/** The policy subject of a dossier row: the paths of the agencies it involves. */
export async function subjectOf(executor: Executor, row: DossierRow): Promise<DossierSubject> {
  const ids = [...new Set([...row.agencyIds, row.currentAgencyId, row.receivingAgencyId, row.competentAgencyId])];
  const rows = await executor.select({ id: agencies.id, path: agencies.path }).from(agencies).where(inArray(agencies.id, ids));
  const path = new Map(rows.map((r) => [r.id, r.path]));
  return {
    id: row.id,
    applicantUserId: row.applicantUserId,
    agencyPaths: row.agencyIds.map((id) => path.get(id)).filter((p): p is string => !!p),
    currentAgencyPath: path.get(row.currentAgencyId) ?? '',
    receivingAgencyPath: path.get(row.receivingAgencyId) ?? '',
    competentAgencyPath: path.get(row.competentAgencyId) ?? '',
  };
}

/** How the workflow table sees the actor on this dossier. */
export function workflowActorOf(actor: Actor, subject: DossierSubject): WorkflowActor {
  const role: ActorRole = actor.kind === 'system' ? 'system' : isApplicantOf(actor, subject) ? 'applicant' : 'staff';
  return { role, permissions: actor.permissions };
}

/** Actions the actor may perform now: the workflow table, narrowed by the actor's access to the dossier. */
export function actionsFor(actor: Actor, subject: DossierSubject, status: DossierStatus): DossierAction[] {
  if (actor.kind !== 'system' && !can(actor, 'act', 'dossier', subject)) return [];
  return allowedActions(status, workflowActorOf(actor, subject)).filter((a) => a !== 'mark_due_soon' && a !== 'mark_overdue');
}

export interface ActionResult {
  dossierId: string;
  /** True when this action id had already been recorded: nothing was done again. */
  replayed: boolean;
  status: DossierStatus;
}

export async function performDossierAction(tx: Executor, actor: Actor, dossierId: string, input: AnyActionInput, now: Date = new Date()): Promise<ActionResult> {
  const hash = requestHash({ dossierId, input });
  const row = await lockDossier(tx, dossierId);
  const subject = row ? await subjectOf(tx, row) : undefined;
  if (actor.kind !== 'system') authorize(actor, 'read', 'dossier', subject);
  if (!row || !subject) throw new AppError('NOT_FOUND');

  // Checked under the row lock, so a retry racing its original waits for it and then sees it.
  const [prior] = await tx
    .select({ dossierId: dossierActions.dossierId, requestHash: dossierActions.requestHash })
    .from(dossierActions)
    .where(eq(dossierActions.actionId, input.actionId));
  if (prior) {
    if (prior.dossierId !== dossierId || prior.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED', { message: 'Mã thao tác (actionId) đã được dùng cho một thao tác khác' });
    return { dossierId, replayed: true, status: row.status as DossierStatus };
  }
  if (actor.kind !== 'system' && !can(actor, 'act', 'dossier', subject)) throw new AppError('FORBIDDEN');

  const state = stateOfRow(row);
  const wfActor = workflowActorOf(actor, subject);
  const rule = findTransition(state.status, input.action, wfActor);
  if (!rule) {
    throw new AppError('ACTION_NOT_ALLOWED', {
      details: { status: state.status, action: input.action, allowedActions: actionsFor(actor, subject, state.status) },
    });
  }
  let calendar: ReturnType<typeof loadWorkCalendar> | undefined;
  const handler = HANDLERS[input.action] as ActionHandler<typeof input.action>;
  const plan = await handler(
    { tx, actor, role: wfActor.role, row, state, now, calendar: () => (calendar ??= loadWorkCalendar(tx, row.competentAgencyId)) },
    input as never,
  );
  const toStatus = targetStatus(rule, state.status, state.resumeStatus);
  const after = await appendAction(
    tx,
    row,
    {
      actionId: input.actionId,
      action: input.action,
      at: now,
      actor: actionActorOf(actor, wfActor.role),
      toStatus,
      comment: plan.comment ?? input.comment ?? null,
      payload: plan.payload,
      requestHash: hash,
    },
    plan.extra,
  );
  await insertDocuments(tx, row.id, plan.documents ?? [], actor.userId, input.actionId);
  await plan.after?.(after);
  await recordAudit(tx, actor, {
    action: auditActionOf(input.action),
    subjectType: 'dossier',
    subjectId: row.id,
    summary: {
      code: row.code,
      from: state.status,
      to: after.status,
      actionId: input.actionId,
      step: after.currentStep,
      applicantIdNumber: maskIdNumber(row.applicantIdNumber),
    },
  });
  const message = plan.notify === undefined ? (after.status !== state.status ? statusChangedMessage(after.status) : null) : plan.notify;
  if (message) await notifyApplicant(tx, row, message);
  return { dossierId, replayed: false, status: after.status };
}
