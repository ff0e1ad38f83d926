/**
 * Reminders of unit reports (job, hourly, on any instance): for reports of open rounds not yet submitted, one
 * "due soon" reminder within REMINDER_DAYS_BEFORE_DUE days of the due day and one "overdue" reminder after it, by
 * e-mail through the outbox to the unit's reporters. Each reminder is an entry of the report's action log whose
 * action id is derived from the report and the kind, and a partial unique index (report, kind) backs it: a re-run, a
 * second instance or a changed due day never sends the same kind twice for the same unit and round. Capped batches,
 * one transaction per report.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client';
import { reformUnitReportActions } from '../../db/schema';
import { systemActor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { AuditAction } from '../../../shared/audit-actions';
import { addCalendarDays, toLocalDate } from '../../../shared/calendar';
import { formatDate } from '../../../shared/text';
import { UnitReportReminder, unitReportReminderLabels } from '../../../shared/workflow/unit-report-workflow';
import { derivedActionId } from '../dossiers/sweep-deadlines';
import { enqueueNotification } from '../notifications/enqueue-notification';
import { unitReporters } from './unit-report-actions';

/** The "due soon" reminder goes this many calendar days before the due day (UNVERIFIED practice: a configurable default). */
export const REMINDER_DAYS_BEFORE_DUE = 3;

const reminder = systemActor('Hệ thống (nhắc báo cáo định kỳ CCHC)');

interface Candidate {
  reportId: string;
  status: string;
  agencyId: string;
  agencyName: string;
  roundTitle: string;
  dueOn: string;
  kind: UnitReportReminder;
}

export async function sendReportReminders(db: Db, now: Date, options: { batchSize?: number; daysBefore?: number } = {}) {
  const today = toLocalDate(now);
  const soon = addCalendarDays(today, options.daysBefore ?? REMINDER_DAYS_BEFORE_DUE);
  const candidates = await queryRows<Candidate>(
    db,
    sql`SELECT * FROM (
        SELECT r.id AS "reportId", r.status, a.id AS "agencyId", a.name AS "agencyName", k.title AS "roundTitle", k.due_on::text AS "dueOn",
          CASE WHEN k.due_on < ${today}::date THEN ${UnitReportReminder.OVERDUE} ELSE ${UnitReportReminder.DUE_SOON} END AS kind
        FROM reform_unit_reports r
        JOIN reform_report_rounds k ON k.id = r.round_id
        JOIN agencies a ON a.id = r.agency_id
        WHERE k.status = 'open' AND r.first_submitted_at IS NULL AND k.due_on <= ${soon}::date) c
      WHERE NOT EXISTS (SELECT 1 FROM reform_unit_report_actions x WHERE x.report_id = c."reportId" AND x.action = c.kind)
      ORDER BY c."dueOn", c."reportId"
      LIMIT ${options.batchSize ?? 500}`,
  );
  const result = { dueSoon: 0, overdue: 0 };
  for (const c of candidates) {
    const sent = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(reformUnitReportActions)
        .values({
          reportId: c.reportId,
          action: c.kind,
          fromStatus: c.status,
          toStatus: c.status,
          actorRole: 'system',
          actorLabel: reminder.fullName,
          payload: { dueOn: c.dueOn },
          actionId: derivedActionId('unit_report', c.reportId, c.kind),
          isReminder: true,
          at: now,
        })
        .onConflictDoNothing()
        .returning({ id: reformUnitReportActions.id });
      if (!inserted) return false;
      const overdue = c.kind === UnitReportReminder.OVERDUE;
      for (const user of await unitReporters(tx, c.agencyId)) {
        if (!user.email) continue;
        await enqueueNotification(tx, {
          channel: 'email',
          recipient: user.email,
          userId: user.id,
          subject: `${unitReportReminderLabels[c.kind]}: ${c.roundTitle}`,
          body: overdue
            ? `${c.agencyName} chưa gửi báo cáo "${c.roundTitle}"; hạn gửi là ngày ${formatDate(c.dueOn)}. Đề nghị hoàn thành và gửi báo cáo ngay.`
            : `Báo cáo "${c.roundTitle}" của ${c.agencyName} phải gửi Sở Nội vụ chậm nhất ngày ${formatDate(c.dueOn)}.`,
          template: `unit_report.${c.kind}`,
          relatedType: 'unit_report',
          relatedId: c.reportId,
        });
      }
      await recordAudit(tx, reminder, { action: AuditAction.UNIT_REPORT_REMINDED, subjectType: 'unit_report', subjectId: c.reportId, summary: { kind: c.kind, dueOn: c.dueOn } });
      return true;
    });
    if (sent) result[c.kind === UnitReportReminder.OVERDUE ? 'overdue' : 'dueSoon']++;
  }
  return result;
}
