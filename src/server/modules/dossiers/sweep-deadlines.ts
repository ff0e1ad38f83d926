/**
 * The deadline sweep (run by the job runner every few minutes, on any instance): marks running dossiers due soon
 * and overdue, marks online dossiers the desk has not answered within its 8 working hours, and closes dossiers
 * whose supplement did not come within the rules' days. Each dossier is handled in its own transaction through
 * the ordinary action path, with an action id derived from the dossier and the due instant, so two instances (or
 * a re-run) record each mark once. Rows are taken in capped batches, oldest deadline first.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/text';
import { isDueSoon } from '../../../shared/workflow/dossier-deadlines';
import { CLOCK_RUNNING_STATUSES, DossierStatus } from '../../../shared/workflow/dossier-workflow';
import { systemActor } from '../../auth/actor';
import { queryRows, type Executor } from '../../db/client';
import { dossiers, users } from '../../db/schema';
import { createCalendarSource } from '../calendar/calendar.queries';
import type { SystemActionInput } from './action-context';
import { notifyStaff, type DossierMessage } from './dossier-notifications';
import type { DossierRow } from './dossier-records';
import { performDossierAction } from './perform-action';

export interface SweepOptions {
  batchSize?: number;
}

export interface SweepResult {
  dueSoon: number;
  overdue: number;
  acceptanceOverdue: number;
  closed: number;
}

/** A UUID derived from its parts: the same mark of the same deadline always gets the same action id. */
export function derivedActionId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const sweeper = systemActor('Hệ thống (kiểm tra hạn xử lý)');

/** Who hears about a dossier's deadline: its assignee, else the staff of the department holding it. */
async function responsibleStaff(executor: Executor, row: Pick<DossierRow, 'assigneeId' | 'currentDepartmentId' | 'currentAgencyId'>): Promise<string[]> {
  if (row.assigneeId) return [row.assigneeId];
  if (!row.currentDepartmentId) return [];
  const rows = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.departmentId, row.currentDepartmentId), eq(users.kind, 'staff'), eq(users.status, 'active')))
    .limit(20);
  return rows.map((r) => r.id);
}

async function deskOfficers(executor: Executor, agencyId: string): Promise<string[]> {
  const rows = await executor
    .select({ id: users.id, roles: users.roles })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), eq(users.kind, 'staff'), eq(users.status, 'active')));
  return rows.filter((u) => u.roles.includes('desk_officer')).map((u) => u.id).slice(0, 20);
}

/** Records one system action on one dossier in its own transaction; false when it no longer applied. */
async function mark(
  db: Executor,
  id: string,
  input: SystemActionInput,
  now: Date,
  alert: (tx: Executor, row: DossierRow) => Promise<void>,
): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      const result = await performDossierAction(tx, sweeper, id, input, now);
      if (result.replayed) return false;
      const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id));
      await alert(tx, row!);
      return true;
    });
  } catch (err) {
    // The dossier moved on since it was selected (another action, another instance): nothing to mark.
    if (err instanceof AppError && (err.code === 'ACTION_NOT_ALLOWED' || err.code === 'CONFLICT' || err.code === 'SUPPLEMENT_NOT_DUE_FOR_CLOSURE')) return false;
    throw err;
  }
}

const staffMessage = (row: DossierRow, subject: string, due: Date | null): DossierMessage => ({
  template: 'dossier.deadline_alert',
  subject,
  body: `Hồ sơ ${row.code} (${row.procedure.name}). ${due ? `Hạn: ${formatDateTime(due)}.` : ''}`,
});

export async function sweepDossierDeadlines(db: Executor, now: Date = new Date(), options: SweepOptions = {}): Promise<SweepResult> {
  const batch = options.batchSize ?? 500;
  const result: SweepResult = { dueSoon: 0, overdue: 0, acceptanceOverdue: 0, closed: 0 };
  const at = now.toISOString();
  const running = list(CLOCK_RUNNING_STATUSES);

  const overdue = await queryRows<{ id: string; due_at: Date }>(
    db,
    sql`SELECT id, due_at FROM dossiers WHERE status IN (${running}) AND due_at < ${at}::timestamptz
        AND deadline_alert IS DISTINCT FROM 'overdue' ORDER BY due_at LIMIT ${batch}`,
  );
  for (const d of overdue) {
    const input: SystemActionInput = { actionId: derivedActionId(d.id, 'overdue', new Date(d.due_at).toISOString()), action: 'mark_overdue', fileIds: [] };
    if (await mark(db, d.id, input, now, async (tx, row) => void (await notifyStaff(tx, await responsibleStaff(tx, row), row, staffMessage(row, 'Hồ sơ đã quá hạn giải quyết', row.dueAt))))) {
      result.overdue += 1;
    }
  }

  // Candidates: due within the longest due-soon warning any regime configures (plus a day of slack for agencies
  // with other working hours); each is then checked exactly with its own agency's calendar and rules.
  const calendars = await createCalendarSource(db);
  const [longest] = await queryRows<{ days: number | null }>(db, sql`SELECT max((rules->>'dueSoonWorkingDays')::float) AS days FROM dossier_rule_sets`);
  const warnDays = Math.max(1, Number(longest?.days ?? 1));
  const horizon = new Date(calendars.defaultCalendar.addWorkingMinutes(now, warnDays * calendars.defaultCalendar.config.hoursPerWorkingDay * 60).getTime() + 86_400_000);
  const soon = await queryRows<{ id: string; due_at: Date; competent_agency_id: string; rules: { dueSoonWorkingDays: number } }>(
    db,
    sql`SELECT id, due_at, competent_agency_id, rules FROM dossiers WHERE status IN (${running}) AND deadline_alert IS NULL
        AND due_at >= ${at}::timestamptz AND due_at <= ${horizon.toISOString()}::timestamptz ORDER BY due_at LIMIT ${batch}`,
  );
  for (const d of soon) {
    const calendar = await calendars.forAgency(d.competent_agency_id);
    if (!isDueSoon(calendar, d.rules, new Date(d.due_at), now)) continue;
    const input: SystemActionInput = { actionId: derivedActionId(d.id, 'due_soon', new Date(d.due_at).toISOString()), action: 'mark_due_soon', fileIds: [] };
    if (await mark(db, d.id, input, now, async (tx, row) => void (await notifyStaff(tx, await responsibleStaff(tx, row), row, staffMessage(row, 'Hồ sơ sắp đến hạn giải quyết', row.dueAt))))) {
      result.dueSoon += 1;
    }
  }

  const unanswered = await queryRows<{ id: string; accept_due_at: Date }>(
    db,
    sql`SELECT id, accept_due_at FROM dossiers WHERE status = ${DossierStatus.PENDING_ACCEPTANCE} AND accept_due_at < ${at}::timestamptz
        AND deadline_alert IS NULL ORDER BY accept_due_at LIMIT ${batch}`,
  );
  for (const d of unanswered) {
    const input: SystemActionInput = { actionId: derivedActionId(d.id, 'acceptance', new Date(d.accept_due_at).toISOString()), action: 'mark_overdue', fileIds: [] };
    const alert = async (tx: Executor, row: DossierRow) =>
      void (await notifyStaff(tx, await deskOfficers(tx, row.receivingAgencyId), row, staffMessage(row, 'Hồ sơ trực tuyến quá hạn tiếp nhận (08 giờ làm việc)', row.acceptDueAt)));
    if (await mark(db, d.id, input, now, alert)) result.acceptanceOverdue += 1;
  }

  const expired = await queryRows<{ id: string; supplement_requested_at: Date }>(
    db,
    sql`SELECT id, supplement_requested_at FROM dossiers WHERE status = ${DossierStatus.WAITING_FOR_SUPPLEMENT}
        AND rules->>'closeAfterSupplementDays' IS NOT NULL
        AND supplement_requested_at + make_interval(days => (rules->>'closeAfterSupplementDays')::int) <= ${at}::timestamptz
        ORDER BY supplement_requested_at LIMIT ${batch}`,
  );
  for (const d of expired) {
    const input: SystemActionInput = { actionId: derivedActionId(d.id, 'close', new Date(d.supplement_requested_at).toISOString()), action: 'close_no_supplement', fileIds: [] };
    if (await mark(db, d.id, input, now, async () => undefined)) result.closed += 1;
  }
  return result;
}

