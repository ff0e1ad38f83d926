/**
 * The dossier row as a projection of its action log: conversions between the row and the shared DossierState,
 * loading a dossier under a row lock, and appending an action together with the projection update.
 */
import { eq, sql } from 'drizzle-orm';
import type { Outcome } from '../../../shared/calendar';
import type { DossierAction, DossierStatus } from '../../../shared/workflow/dossier-workflow';
import { reduceDossier, type DeadlineAlert, type DossierEvent, type DossierState } from '../../../shared/workflow/dossier-state';
import { queryRows, type Executor } from '../../db/client';
import { dossierActions, dossiers } from '../../db/schema';
import { recordDossierStatistics } from '../statistics/record-dossier-statistics';

export type DossierRow = typeof dossiers.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const date = (s: string | null | undefined) => (s ? new Date(s) : null);

export function stateOfRow(row: DossierRow): DossierState {
  return {
    status: row.status as DossierStatus,
    resumeStatus: (row.resumeStatus as DossierStatus | null) ?? null,
    currentStep: row.currentStep,
    currentAgencyId: row.currentAgencyId,
    currentDepartmentId: row.currentDepartmentId,
    assigneeId: row.assigneeId,
    receivedAt: iso(row.receivedAt),
    processingStartedAt: iso(row.processingStartedAt),
    dueAt: iso(row.dueAt),
    originalDueAt: iso(row.originalDueAt),
    stepDueAt: iso(row.stepDueAt),
    extendedAt: iso(row.extendedAt),
    acceptAlertAt: iso(row.acceptAlertAt),
    acceptDueAt: iso(row.acceptDueAt),
    suspensions: row.suspensions,
    supplementRequestedAt: iso(row.supplementRequestedAt),
    supplementRequests: row.supplementRequests,
    deadlineAlert: (row.deadlineAlert as DeadlineAlert | null) ?? null,
    finishedAt: iso(row.finishedAt),
    outcome: (row.outcome as Outcome | null) ?? null,
    documentNumber: row.documentNumber,
  };
}

/** The projection columns of a state. */
export function columnsOfState(state: DossierState) {
  return {
    status: state.status,
    resumeStatus: state.resumeStatus,
    currentStep: state.currentStep,
    currentAgencyId: state.currentAgencyId,
    currentDepartmentId: state.currentDepartmentId,
    assigneeId: state.assigneeId,
    receivedAt: date(state.receivedAt),
    processingStartedAt: date(state.processingStartedAt),
    dueAt: date(state.dueAt),
    originalDueAt: date(state.originalDueAt),
    stepDueAt: date(state.stepDueAt),
    extendedAt: date(state.extendedAt),
    acceptAlertAt: date(state.acceptAlertAt),
    acceptDueAt: date(state.acceptDueAt),
    suspensions: [...state.suspensions],
    supplementRequestedAt: date(state.supplementRequestedAt),
    supplementRequests: { ...state.supplementRequests },
    deadlineAlert: state.deadlineAlert,
    finishedAt: date(state.finishedAt),
    outcome: state.outcome,
    documentNumber: state.documentNumber,
  };
}

/** The dossier row, locked until the transaction ends (serialises actions on one dossier). */
export async function lockDossier(tx: Executor, dossierId: string): Promise<DossierRow | undefined> {
  const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, dossierId)).for('update');
  return row;
}

export interface ActionActor {
  role: 'applicant' | 'staff' | 'system';
  userId: string | null;
  name: string | null;
  agencyId: string | null;
}

export interface AppendActionInput {
  actionId: string;
  action: DossierAction;
  at: Date;
  actor: ActionActor;
  toStatus: DossierStatus;
  comment?: string | null;
  payload: Record<string, unknown>;
  requestHash: string;
}

/** Appends an action to an existing dossier's log and updates the projection; returns the new state. */
export async function appendAction(tx: Executor, row: DossierRow, input: AppendActionInput, extra: Partial<DossierRow> = {}): Promise<DossierState> {
  const before = stateOfRow(row);
  const event: DossierEvent = { action: input.action, at: input.at.toISOString(), fromStatus: before.status, toStatus: input.toStatus, payload: input.payload };
  const after = reduceDossier(before, event);
  const seq = row.lastSeq + 1;
  await tx.insert(dossierActions).values({
    actionId: input.actionId,
    dossierId: row.id,
    seq,
    action: input.action,
    at: input.at,
    actorId: input.actor.userId,
    actorRole: input.actor.role,
    actorName: input.actor.name,
    actorAgencyId: input.actor.agencyId,
    fromStatus: before.status,
    toStatus: after.status,
    fromStep: before.currentStep,
    toStep: after.currentStep,
    comment: input.comment ?? null,
    payload: input.payload,
    requestHash: input.requestHash,
  });
  await tx
    .update(dossiers)
    .set({ ...columnsOfState(after), ...extra, lastSeq: seq, updatedAt: sql`now()` })
    .where(eq(dossiers.id, row.id));
  await recordDossierStatistics(tx, row, before, after, { action: input.action, at: input.at });
  return after;
}

/** The log of a dossier as events, oldest first (for replay and the timeline). */
export async function loadEvents(executor: Executor, dossierId: string): Promise<DossierEvent[]> {
  const rows = await queryRows<{ action: string; at: Date | string; from_status: string | null; to_status: string; payload: Record<string, unknown> }>(
    executor,
    sql`SELECT action, at, from_status, to_status, payload FROM dossier_actions WHERE dossier_id = ${dossierId} ORDER BY seq`,
  );
  return rows.map((r) => ({
    action: r.action as DossierAction,
    at: new Date(r.at).toISOString(),
    fromStatus: r.from_status as DossierStatus | null,
    toStatus: r.to_status as DossierStatus,
    payload: r.payload,
  }));
}
