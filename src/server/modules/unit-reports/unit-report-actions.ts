/**
 * Workflow actions on a unit report: save a draft, submit (the unit), return with comments or accept (Sở Nội vụ).
 * Each runs lock → authorize (404 / 403) → replay check (action id) → round open → workflow table (409 listing the
 * allowed actions) → version check (drafts and submissions) → change → action log → audit, in the caller's
 * transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { reformUnitReportActions, reformUnitReports, users } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize, can } from '../../policies';
import { AppError } from '../../../shared/errors';
import { Permission, permissionsOf } from '../../../shared/permissions';
import { toLocalDate } from '../../../shared/calendar';
import { formatDate } from '../../../shared/text';
import {
  UNIT_REPORT_ACTIONS,
  findUnitReportTransition,
  unitReportActionLabels,
  type UnitReportAction,
  type UnitReportStatus,
} from '../../../shared/workflow/unit-report-workflow';
import { enqueueNotification } from '../notifications/enqueue-notification';
import { mergeFigures, missingContent, systemFiguresOf, type FigureEntry } from './report-figures';
import { findUnitReport, unitReportSubject, type LoadedReport } from './unit-reports.queries';

export interface ReportChange {
  set?: Partial<typeof reformUnitReports.$inferInsert>;
  note?: string | null;
  payload?: Record<string, unknown>;
  audit?: Record<string, unknown>;
  after?: () => Promise<void>;
}

/** What the actor may do now: the workflow table, the policy, and an open round. */
export function unitReportAbilities(actor: Actor, report: LoadedReport): Record<UnitReportAction, boolean> {
  const subject = unitReportSubject(report);
  return Object.fromEntries(
    UNIT_REPORT_ACTIONS.map((a) => [a, report.round.status === 'open' && !!findUnitReportTransition(subject.status, a) && can(actor, a, 'unit_report', subject)]),
  ) as Record<UnitReportAction, boolean>;
}

async function runReportAction(
  tx: Tx,
  actor: Actor,
  reportId: string,
  request: { action: UnitReportAction; actionId?: string | undefined; version?: number | undefined; now?: Date | undefined },
  apply: (report: LoadedReport) => Promise<ReportChange>,
): Promise<void> {
  const report = await findUnitReport(tx, reportId, { forUpdate: true });
  const subject = authorize(actor, request.action, 'unit_report', report ? unitReportSubject(report) : undefined);
  const r = report!;

  if (request.actionId) {
    const [earlier] = await tx
      .select({ reportId: reformUnitReportActions.reportId, action: reformUnitReportActions.action })
      .from(reformUnitReportActions)
      .where(eq(reformUnitReportActions.actionId, request.actionId));
    if (earlier) {
      if (earlier.reportId === r.row.id && earlier.action === request.action) return;
      throw new AppError('IDEMPOTENCY_KEY_REUSED');
    }
  }
  if (r.round.status !== 'open') throw new AppError('REPORT_ROUND_CLOSED');
  const transition = findUnitReportTransition(subject.status, request.action);
  if (!transition) {
    const abilities = unitReportAbilities(actor, r);
    throw new AppError('ACTION_NOT_ALLOWED', { details: { status: subject.status, allowedActions: UNIT_REPORT_ACTIONS.filter((a) => abilities[a]) } });
  }
  if (request.version !== undefined && request.version !== r.row.version) {
    throw new AppError('UNIT_REPORT_VERSION_CONFLICT', { details: { currentVersion: r.row.version, updatedAt: r.row.updatedAt.toISOString(), updatedBy: r.updatedByLabel } });
  }

  const change = await apply(r);
  await recordReportAction(tx, actor, r, { action: request.action, from: subject.status, to: transition.to ?? subject.status, by: transition.by.kind, change, actionId: request.actionId, at: request.now });
  await change.after?.();
}

/**
 * Writes one action: the report row (status, version + 1), the log entry and the audit entry. The use cases call it
 * after their checks; the demo seeder calls it to write the history the use cases would have written in 2021.
 */
export async function recordReportAction(
  tx: Executor,
  actor: Actor,
  r: LoadedReport,
  entry: { action: UnitReportAction; from: UnitReportStatus; to: UnitReportStatus; by: 'unit' | 'manager'; change: ReportChange; actionId?: string | undefined; at?: Date | undefined; actorLabel?: string | undefined },
): Promise<void> {
  const now = entry.at ?? new Date();
  await tx
    .update(reformUnitReports)
    .set({ ...entry.change.set, status: entry.to, version: r.row.version + 1, updatedAt: now, updatedById: actor.userId })
    .where(eq(reformUnitReports.id, r.row.id));
  await tx.insert(reformUnitReportActions).values({
    reportId: r.row.id,
    action: entry.action,
    fromStatus: entry.from,
    toStatus: entry.to,
    actorId: actor.userId,
    actorRole: entry.by,
    actorLabel: entry.actorLabel ?? actor.fullName,
    note: entry.change.note ?? null,
    payload: entry.change.payload ?? null,
    actionId: entry.actionId ?? null,
    at: now,
  });
  await recordAudit(tx, actor, {
    action: `unit_report.${entry.action}`,
    subjectType: 'unit_report',
    subjectId: r.row.id,
    summary: { roundId: r.round.id, agencyId: r.agency.id, from: entry.from, to: entry.to, version: r.row.version + 1, ...entry.change.audit },
  });
}

export interface DraftContent {
  figures?: readonly FigureEntry[] | undefined;
  narrative?: Record<string, string> | undefined;
}

/** Figures and narrative after applying what was sent; checks the narrative's section codes. */
async function contentAfter(tx: Tx, r: LoadedReport, input: DraftContent) {
  const sections = new Set(r.template.content.sections.map((s) => s.code));
  for (const code of Object.keys(input.narrative ?? {})) {
    if (!sections.has(code)) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: `narrative.${code}`, message: 'Mục nội dung không có trong mẫu báo cáo' }] } });
  }
  const system = await systemFiguresOf(tx, r);
  const figures = mergeFigures(r.template, r.row.figures, input.figures ?? [], system);
  const narrative = { ...r.row.narrative, ...(input.narrative ?? {}) };
  return { figures, narrative };
}

const overridesOf = (figures: Record<string, { source: string; overrideReason: string | null; value: number | null; systemValue: number | null }>) =>
  Object.entries(figures)
    .filter(([, f]) => f.source === 'unit' && f.systemValue !== null)
    .map(([code, f]) => ({ code, value: f.value, systemValue: f.systemValue, reason: f.overrideReason }));

export async function saveUnitReportDraft(tx: Tx, actor: Actor, reportId: string, input: DraftContent & { version: number; actionId?: string | undefined }) {
  await runReportAction(tx, actor, reportId, { action: 'save_draft', actionId: input.actionId, version: input.version }, async (r) => {
    const { figures, narrative } = await contentAfter(tx, r, input);
    const overrides = overridesOf(figures);
    return { set: { figures, narrative, figuresComputedAt: new Date() }, payload: overrides.length > 0 ? { overrides } : undefined, audit: { overrides: overrides.length } };
  });
}

export async function submitUnitReport(tx: Tx, actor: Actor, reportId: string, input: DraftContent & { version: number; actionId?: string | undefined }, now: Date = new Date()) {
  await runReportAction(tx, actor, reportId, { action: 'submit', actionId: input.actionId, version: input.version, now }, async (r) => {
    const { figures, narrative } = await contentAfter(tx, r, input);
    const missing = missingContent(r.template, figures, narrative);
    if (missing.figures.length + missing.sections.length > 0) throw new AppError('UNIT_REPORT_INCOMPLETE', { details: missing });
    const first = r.row.firstSubmittedAt === null;
    const submittedOn = toLocalDate(now);
    const overrides = overridesOf(figures);
    return {
      set: {
        figures,
        narrative,
        figuresComputedAt: now,
        submittedContent: { figures, narrative },
        lastSubmittedAt: now,
        submittedById: actor.userId,
        ...(first ? { firstSubmittedAt: now, firstSubmittedOn: submittedOn } : {}),
      },
      payload: { submittedOn, late: submittedOn > r.round.dueOn, resubmission: !first, ...(overrides.length > 0 ? { overrides } : {}) },
      audit: { late: submittedOn > r.round.dueOn, resubmission: !first },
      after: () => notifyManagers(tx, r),
    };
  });
}

export async function returnUnitReport(tx: Tx, actor: Actor, reportId: string, input: { comment: string; actionId?: string | undefined }) {
  await runReportAction(tx, actor, reportId, { action: 'return', actionId: input.actionId }, async (r) => ({
    set: { reviewComment: input.comment, returnCount: r.row.returnCount + 1 },
    note: input.comment,
    after: () => notifySubmitter(tx, r, 'return', input.comment),
  }));
}

export async function acceptUnitReport(tx: Tx, actor: Actor, reportId: string, input: { comment?: string | undefined; actionId?: string | undefined }) {
  await runReportAction(tx, actor, reportId, { action: 'accept', actionId: input.actionId }, async (r) => ({
    set: { reviewComment: input.comment || null, acceptedAt: new Date(), acceptedById: actor.userId },
    note: input.comment || null,
    after: () => notifySubmitter(tx, r, 'accept', input.comment ?? null),
  }));
}

/** Tells whoever last submitted the report (else the unit's reporters) that it was returned or accepted. */
async function notifySubmitter(tx: Tx, r: LoadedReport, action: 'return' | 'accept', comment: string | null) {
  const recipients = r.row.submittedById
    ? await tx.select({ id: users.id, email: users.email, roles: users.roles }).from(users).where(eq(users.id, r.row.submittedById))
    : await unitReporters(tx, r.agency.id);
  for (const u of recipients) {
    if (!u.email) continue;
    await enqueueNotification(tx, {
      channel: 'email',
      recipient: u.email,
      userId: u.id,
      subject: `${unitReportActionLabels[action]}: ${r.round.title}`,
      body:
        action === 'return'
          ? `Báo cáo "${r.round.title}" của ${r.agency.name} đã được Sở Nội vụ trả lại để chỉnh sửa, bổ sung.\nÝ kiến: ${comment ?? ''}`
          : `Báo cáo "${r.round.title}" của ${r.agency.name} đã được tiếp nhận.${comment ? `\nÝ kiến: ${comment}` : ''}`,
      template: `unit_report.${action}`,
      relatedType: 'unit_report',
      relatedId: r.row.id,
    });
  }
}

/** Tells the organiser's reform managers that a report arrived. */
async function notifyManagers(tx: Tx, r: LoadedReport) {
  const staff = await tx
    .select({ id: users.id, email: users.email, roles: users.roles })
    .from(users)
    .where(and(eq(users.agencyId, r.round.organizer.id), eq(users.kind, 'staff'), eq(users.status, 'active')));
  for (const u of staff.filter((s) => permissionsOf(s.roles).has(Permission.REFORM_MANAGE)).slice(0, 20)) {
    if (!u.email) continue;
    await enqueueNotification(tx, {
      channel: 'email',
      recipient: u.email,
      userId: u.id,
      subject: `Đơn vị đã gửi báo cáo: ${r.agency.name}`,
      body: `${r.agency.name} đã gửi báo cáo "${r.round.title}" (hạn ${formatDate(r.round.dueOn)}).`,
      template: 'unit_report.submitted',
      relatedType: 'unit_report',
      relatedId: r.row.id,
    });
  }
}

/** Active staff of the agency who report for it (REFORM_REPORT_UNIT), at most 20. */
export async function unitReporters(tx: Tx | Parameters<typeof findUnitReport>[0], agencyId: string) {
  const staff = await tx
    .select({ id: users.id, email: users.email, roles: users.roles })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), eq(users.kind, 'staff'), eq(users.status, 'active')));
  return staff.filter((s) => permissionsOf(s.roles).has(Permission.REFORM_REPORT_UNIT)).slice(0, 20);
}
