/**
 * Opens a reporting round (kỳ báo cáo): a period with its data cut-off (shared/periods.ts: the reform cut-offs of
 * 581/BNV-CCHC or custom dates), a due day (default: the preset's, the 20th of the period's last month), the template
 * version, and the units expected to report — by default the departments (sở, ngành) and district committees of the
 * organiser's province that exist on the period's last day. One expected report per unit is created at once, so
 * completeness can be counted from the first day.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies, reformReportRounds, reformUnitReports } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import { PeriodError, resolvePeriod, type Period } from '../../../shared/periods';
import { addCalendarDays } from '../../../shared/calendar';
import type { ReportRoundOpenInput } from '../../../shared/schemas/unit-reports';
import { findTemplate } from './unit-reports.queries';

/** Agency kinds that report to the Department of Home Affairs. */
export const REPORTING_AGENCY_KINDS = ['department', 'district_committee'] as const;
/** A due day may lie at most this many days after the cut-off. */
export const MAX_DUE_DAYS_AFTER_CUTOFF = 90;

function periodOf(input: ReportRoundOpenInput['period']): Period {
  try {
    return resolvePeriod(input);
  } catch (e) {
    if (e instanceof PeriodError) throw new AppError('REPORT_ROUND_PERIOD_INVALID', { message: e.message, details: { fields: [{ path: `period.${e.field}`, message: e.message }] } });
    throw e;
  }
}

const rootPathOf = (path: string) => `/${path.split('/')[1]}/`;
const existsOn = (day: string) => sql`${agencies.validFrom} <= ${day}::date AND (${agencies.validTo} IS NULL OR ${agencies.validTo} >= ${day}::date)`;

export async function openReportRound(tx: Executor, actor: Actor, input: ReportRoundOpenInput): Promise<string> {
  const organizerId = input.organizerAgencyId ?? actor.agencyId;
  const [organizer] = organizerId ? await tx.select({ id: agencies.id, path: agencies.path }).from(agencies).where(eq(agencies.id, organizerId)) : [];
  if (!organizer) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'organizerAgencyId', message: 'Không tìm thấy cơ quan tổ chức kỳ báo cáo' }] } });
  authorize(actor, 'manage', 'report_round', { organizerPath: organizer.path });
  return createReportRound(tx, actor, organizer, input);
}

/** Creates the round and its expected reports for an organiser already checked (the use case, the demo seeder). */
export async function createReportRound(tx: Executor, actor: Actor, organizer: { id: string; path: string }, input: ReportRoundOpenInput): Promise<string> {

  const template = await findTemplate(tx, input.templateId);
  if (!template) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'templateId', message: 'Không tìm thấy mẫu báo cáo' }] } });
  const period = periodOf(input.period);
  const dueOn = input.dueOn ?? period.reportDueOn;
  if (!dueOn) throw new AppError('REPORT_ROUND_DUE_INVALID', { message: 'Kỳ báo cáo tùy chọn phải có hạn gửi báo cáo' });
  if (dueOn <= period.from || dueOn > addCalendarDays(period.to, MAX_DUE_DAYS_AFTER_CUTOFF)) throw new AppError('REPORT_ROUND_DUE_INVALID');

  const province = rootPathOf(organizer.path);
  const candidates = and(
    sql`${agencies.path} LIKE ${`${province}%`}`,
    inArray(agencies.kind, [...REPORTING_AGENCY_KINDS]),
    existsOn(period.to),
  );
  let units: { id: string }[];
  if (input.agencyIds && input.agencyIds.length > 0) {
    const wanted = [...new Set(input.agencyIds)];
    units = await tx.select({ id: agencies.id }).from(agencies).where(and(candidates, inArray(agencies.id, wanted)));
    if (units.length !== wanted.length) {
      const ok = new Set(units.map((u) => u.id));
      throw new AppError('REPORT_ROUND_UNITS_INVALID', { details: { invalidAgencyIds: wanted.filter((id) => !ok.has(id)) } });
    }
  } else {
    units = await tx.select({ id: agencies.id }).from(agencies).where(candidates);
    if (units.length === 0) throw new AppError('REPORT_ROUND_UNITS_INVALID', { message: 'Không có sở, ngành hoặc UBND cấp huyện nào để giao báo cáo trong kỳ này' });
  }

  const [round] = await tx
    .insert(reformReportRounds)
    .values({
      templateId: template.id,
      title: input.title || `Báo cáo kết quả thực hiện công tác cải cách hành chính ${period.label.replace(/^Kỳ báo cáo cải cách hành chính /, '').replace(/ \(từ .*\)$/, '')}`,
      periodPreset: period.preset,
      periodLabel: period.label,
      periodFrom: period.from,
      periodTo: period.to,
      dueOn,
      organizerAgencyId: organizer.id,
      openedById: actor.userId,
    })
    .onConflictDoNothing()
    .returning({ id: reformReportRounds.id });
  if (!round) throw new AppError('REPORT_ROUND_EXISTS');
  await tx.insert(reformUnitReports).values(units.map((u) => ({ roundId: round.id, agencyId: u.id })));
  await recordAudit(tx, actor, {
    action: AuditAction.REFORM_REPORT_ROUND_OPENED,
    subjectType: 'report_round',
    subjectId: round.id,
    summary: { templateId: template.id, templateVersion: template.version, from: period.from, to: period.to, dueOn, expectedUnits: units.length },
  });
  return round.id;
}

/**
 * Closes a round (khóa kỳ báo cáo) once the provincial report is done: reports can no longer be changed, sent or
 * reviewed, and reminders stop. Closing a closed round changes nothing.
 */
export async function closeReportRound(tx: Executor, actor: Actor, roundId: string): Promise<void> {
  const [round] = await tx
    .select({ id: reformReportRounds.id, status: reformReportRounds.status, organizerPath: agencies.path })
    .from(reformReportRounds)
    .innerJoin(agencies, eq(agencies.id, reformReportRounds.organizerAgencyId))
    .where(eq(reformReportRounds.id, roundId))
    .for('update', { of: reformReportRounds });
  authorize(actor, 'manage', 'report_round', round ? { organizerPath: round.organizerPath } : undefined);
  if (round!.status === 'closed') return;
  await tx.update(reformReportRounds).set({ status: 'closed', closedAt: new Date() }).where(eq(reformReportRounds.id, roundId));
  await recordAudit(tx, actor, { action: AuditAction.REFORM_REPORT_ROUND_CLOSED, subjectType: 'report_round', subjectId: roundId });
}
