/**
 * The petition deadline sweep (job, hourly, on any instance): for open petitions whose answer is due within a
 * working day, or overdue, records one alert in the petition's log and tells the assigned officer (else the
 * agency's petition handlers) by e-mail. The alert's action id is derived from the petition, the kind and the due
 * day, so a re-run or a second instance records it once; a petition forwarded inside the system gets new alerts
 * for its new deadline. Capped batches, earliest deadline first, one transaction per petition.
 */
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '../../db/client';
import { petitionActions, users } from '../../db/schema';
import { systemActor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { AuditAction } from '../../../shared/audit-actions';
import { Permission, permissionsOf } from '../../../shared/permissions';
import { formatDate } from '../../../shared/text';
import { toLocalDate } from '../../../shared/calendar';
import { PETITION_STATUSES, isOpenPetitionStatus } from '../../../shared/workflow/petition-workflow';
import { createCalendarSource } from '../calendar/calendar.queries';
import { derivedActionId } from '../dossiers/sweep-deadlines';
import { enqueueNotification } from '../notifications/enqueue-notification';

/** An answer due within this many working days raises the due-soon alert. */
export const PETITION_DUE_SOON_WORKING_DAYS = 1;

export const PetitionAlert = { DUE_SOON: 'mark_due_soon', OVERDUE: 'mark_overdue' } as const;
export type PetitionAlert = (typeof PetitionAlert)[keyof typeof PetitionAlert];
export const petitionAlertLabels: Record<PetitionAlert, string> = {
  mark_due_soon: 'Cảnh báo sắp đến hạn trả lời',
  mark_overdue: 'Cảnh báo quá hạn trả lời',
};

const sweeper = systemActor('Hệ thống (kiểm tra hạn trả lời phản ánh, kiến nghị)');
const OPEN = PETITION_STATUSES.filter(isOpenPetitionStatus);

interface Candidate {
  id: string;
  code: string;
  title: string;
  status: string;
  agencyId: string;
  assignedToId: string | null;
  answerDueOn: string;
  alert: PetitionAlert;
}

async function recipients(executor: Executor, c: Candidate) {
  const rows = await executor
    .select({ id: users.id, email: users.email, roles: users.roles })
    .from(users)
    .where(c.assignedToId ? eq(users.id, c.assignedToId) : and(eq(users.agencyId, c.agencyId), eq(users.kind, 'staff'), eq(users.status, 'active')));
  return rows.filter((u) => c.assignedToId || permissionsOf(u.roles).has(Permission.PETITION_HANDLE)).slice(0, 20);
}

export async function sweepPetitionDeadlines(db: Db, now: Date, options: { batchSize?: number } = {}) {
  const calendar = (await createCalendarSource(db)).defaultCalendar;
  const today = toLocalDate(now);
  const soon = calendar.addWorkingDays(today, PETITION_DUE_SOON_WORKING_DAYS);
  const statuses = sql.join(OPEN.map((s) => sql`${s}`), sql`, `);
  const candidates = await queryRows<Candidate>(
    db,
    sql`SELECT * FROM (
        SELECT p.id, p.code, p.title, p.status, p.agency_id AS "agencyId", p.assigned_to_id AS "assignedToId",
          p.answer_due_on::text AS "answerDueOn", p.agency_received_at,
          CASE WHEN p.answer_due_on < ${today}::date THEN ${PetitionAlert.OVERDUE} ELSE ${PetitionAlert.DUE_SOON} END AS alert
        FROM petitions p
        WHERE p.status IN (${statuses}) AND p.answer_due_on <= ${soon}::date) c
      WHERE NOT EXISTS (SELECT 1 FROM petition_actions a WHERE a.petition_id = c.id AND a.action = c.alert AND a.at >= c.agency_received_at)
      ORDER BY c."answerDueOn", c.id
      LIMIT ${options.batchSize ?? 500}`,
  );
  const result = { dueSoon: 0, overdue: 0 };
  for (const c of candidates) {
    const recorded = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(petitionActions)
        .values({
          petitionId: c.id,
          action: c.alert,
          fromStatus: c.status,
          toStatus: c.status,
          actorRole: 'system',
          actorLabel: sweeper.fullName,
          agencyId: c.agencyId,
          payload: { dueOn: c.answerDueOn },
          actionId: derivedActionId('petition', c.id, c.alert, c.answerDueOn),
          at: now,
        })
        .onConflictDoNothing({ target: petitionActions.actionId })
        .returning({ id: petitionActions.id });
      if (!inserted) return false;
      const overdue = c.alert === PetitionAlert.OVERDUE;
      for (const user of await recipients(tx, c)) {
        if (!user.email) continue;
        await enqueueNotification(tx, {
          channel: 'email',
          recipient: user.email,
          userId: user.id,
          subject: `${overdue ? 'Quá hạn' : 'Sắp đến hạn'} trả lời phản ánh, kiến nghị ${c.code}`,
          body: `Phản ánh, kiến nghị ${c.code} "${c.title}" ${overdue ? 'đã quá' : 'sắp đến'} hạn trả lời (${formatDate(c.answerDueOn)}).`,
          template: `petition.${c.alert}`,
          relatedType: 'petition',
          relatedId: c.id,
        });
      }
      await recordAudit(tx, sweeper, { action: AuditAction.PETITION_DEADLINE_ALERTED, subjectType: 'petition', subjectId: c.id, summary: { code: c.code, alert: c.alert, dueOn: c.answerDueOn } });
      return true;
    });
    if (recorded) result[c.alert === PetitionAlert.OVERDUE ? 'overdue' : 'dueSoon']++;
  }
  return result;
}
