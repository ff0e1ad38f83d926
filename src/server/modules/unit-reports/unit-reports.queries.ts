/**
 * Reads of unit periodic reform reports.
 *
 * For the provincial report composer (src/server/modules/cchc-report), stable signatures:
 *
 *   findRoundsForPeriod(executor: Executor, period: { from: string; to: string }): Promise<RoundSummary[]>
 *     Rounds whose data cut-off lies within [from, to] (a round of 15/12/2020–14/06/2021 answers a 2021-H1 report
 *     asked for 15/12/2020–14/06/2021 or 01/12/2020–30/06/2021), latest due day first.
 *
 *   getRoundReportsForComposer(executor: Executor, roundId: string, options?: { include?: 'accepted' | 'latest_submitted' }):
 *     Promise<ComposerUnitReport[]>
 *     'accepted' (default): the accepted reports only. 'latest_submitted': every report submitted at least once, with
 *     the content as last submitted (accepted, awaiting review, or returned and not yet sent again). Figures carry
 *     their template area, label, unit and source ('system' | 'unit'); narrative sections carry kind, area, title,
 *     text; `byArea` groups both by reform area (shared/reform-areas.ts). Ordered departments first, then districts,
 *     by name.
 *
 *   sumRoundFigures(executor: Executor, roundId: string, options?: { include?: 'accepted' | 'latest_submitted' }):
 *     Promise<RoundFigureTotal[]>
 *     Per template indicator: the sum over the included reports and how many reported a value. Percentages are
 *     averaged (not summed), see `aggregation`.
 *
 *   getRoundCompleteness(executor: Executor, roundId: string, today?: string): Promise<{ round: RoundSummary;
 *     counts: CompletenessCounts; units: RoundUnitRow[] } | undefined>
 *     Completeness and timeliness: expected, submitted, on time, late, missing (past the due day), not yet due,
 *     accepted, awaiting review, returned; rates in %. `today` is a local date (default: today in Vietnam).
 *
 *   roundCounts(executor: Executor, roundIds: string[], today: string): Promise<Map<string, CompletenessCounts>>
 *     The same counts for several rounds at once (one query). `todayLocal(now?: Date): string` gives today in Vietnam.
 *
 *   unitHistory(executor: Executor, agencyId: string, today: string): Promise<{ rounds: UnitHistoryRow[]; counts }>
 *     One unit over every round it was expected in, latest first.
 *
 * Timeliness follows shared/workflow/unit-report-workflow.ts `timelinessOf` (first submission against the due day).
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies, reformReportRounds, reformReportTemplates, reformUnitReportActions, reformUnitReports, users } from '../../db/schema';
import { alias } from 'drizzle-orm/pg-core';
import { toLocalDate } from '../../../shared/calendar';
import { REFORM_AREAS, type ReformArea } from '../../../shared/reform-areas';
import {
  ReportTemplateContent,
  type CompletenessCounts,
  type ReportFigure,
  type ReportPeriodType,
  type ReportTemplate,
  type RoundUnitRow,
} from '../../../shared/schemas/unit-reports';
import { timelinessOf, type Timeliness, type UnitReportStatus } from '../../../shared/workflow/unit-report-workflow';
import type { UnitReportSubject } from '../../policies/unit-reports.policy';

export type StoredFigures = NonNullable<(typeof reformUnitReports.$inferSelect)['figures']>;

export const todayLocal = (now: Date = new Date()) => toLocalDate(now);

// ---------------------------------------------------------------------------------------------------------------
// Templates

type TemplateRow = typeof reformReportTemplates.$inferSelect;

export function templateOf(row: TemplateRow, latestVersion: number): ReportTemplate {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    periodType: row.periodType as ReportPeriodType,
    version: row.version,
    isLatest: row.version === latestVersion,
    content: ReportTemplateContent.parse(row.content),
    createdAt: row.createdAt.toISOString(),
  };
}

async function latestVersions(executor: Executor, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await executor
    .select({ code: reformReportTemplates.code, v: sql<number>`max(${reformReportTemplates.version})::int` })
    .from(reformReportTemplates)
    .where(inArray(reformReportTemplates.code, codes))
    .groupBy(reformReportTemplates.code);
  return new Map(rows.map((r) => [r.code, r.v]));
}

export async function findTemplate(executor: Executor, id: string): Promise<ReportTemplate | undefined> {
  const [row] = await executor.select().from(reformReportTemplates).where(eq(reformReportTemplates.id, id));
  if (!row) return undefined;
  return templateOf(row, (await latestVersions(executor, [row.code])).get(row.code) ?? row.version);
}

/** Latest version of every template family, or every version of one family. */
export async function listTemplates(executor: Executor, options: { code?: string | undefined } = {}): Promise<ReportTemplate[]> {
  const rows = await executor
    .select()
    .from(reformReportTemplates)
    .where(options.code ? eq(reformReportTemplates.code, options.code) : undefined)
    .orderBy(asc(reformReportTemplates.code), desc(reformReportTemplates.version));
  const latest = await latestVersions(executor, [...new Set(rows.map((r) => r.code))]);
  const all = rows.map((r) => templateOf(r, latest.get(r.code)!));
  return options.code ? all : all.filter((t) => t.isLatest);
}

// ---------------------------------------------------------------------------------------------------------------
// Rounds and completeness

export interface RoundSummary {
  id: string;
  title: string;
  periodPreset: string;
  periodLabel: string;
  periodFrom: string;
  periodTo: string;
  dueOn: string;
  status: 'open' | 'closed';
  template: { id: string; code: string; name: string; version: number; periodType: ReportPeriodType };
  organizer: { id: string; name: string; path: string };
  openedAt: string;
}

const organizer = alias(agencies, 'organizer');

async function selectRounds(executor: Executor, where: SQL | undefined): Promise<RoundSummary[]> {
  const rows = await executor
    .select({ r: reformReportRounds, t: { id: reformReportTemplates.id, code: reformReportTemplates.code, name: reformReportTemplates.name, version: reformReportTemplates.version, periodType: reformReportTemplates.periodType }, o: { id: organizer.id, name: organizer.name, path: organizer.path } })
    .from(reformReportRounds)
    .innerJoin(reformReportTemplates, eq(reformReportTemplates.id, reformReportRounds.templateId))
    .innerJoin(organizer, eq(organizer.id, reformReportRounds.organizerAgencyId))
    .where(where)
    .orderBy(desc(reformReportRounds.dueOn), asc(reformReportRounds.title));
  return rows.map(({ r, t, o }) => ({
    id: r.id,
    title: r.title,
    periodPreset: r.periodPreset,
    periodLabel: r.periodLabel,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    dueOn: r.dueOn,
    status: r.status as 'open' | 'closed',
    template: { ...t, periodType: t.periodType as ReportPeriodType },
    organizer: o,
    openedAt: r.openedAt.toISOString(),
  }));
}

export async function findRound(executor: Executor, id: string): Promise<RoundSummary | undefined> {
  const [round] = await selectRounds(executor, eq(reformReportRounds.id, id));
  return round;
}

/** Rounds the actor may see: those they organise (managers), or those with a report of their subtree (units). */
export async function listRounds(executor: Executor, scope: { managedPath: string | null; unitPath: string | null }): Promise<RoundSummary[]> {
  const parts: SQL[] = [];
  if (scope.managedPath) parts.push(sql`${organizer.path} LIKE ${`${scope.managedPath}%`}`);
  if (scope.unitPath) {
    parts.push(sql`EXISTS (SELECT 1 FROM reform_unit_reports ur JOIN agencies ua ON ua.id = ur.agency_id
      WHERE ur.round_id = ${reformReportRounds.id} AND ua.path LIKE ${`${scope.unitPath}%`})`);
  }
  if (parts.length === 0) return [];
  return selectRounds(executor, sql`(${sql.join(parts, sql` OR `)})`);
}

export async function findRoundsForPeriod(executor: Executor, period: { from: string; to: string }): Promise<RoundSummary[]> {
  return selectRounds(executor, and(sql`${reformReportRounds.periodFrom} >= ${period.from}::date`, sql`${reformReportRounds.periodTo} <= ${period.to}::date`));
}

interface TimelinessRow {
  status: UnitReportStatus;
  firstSubmittedOn: string | null;
  dueOn: string;
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** Completeness and timeliness of a set of expected reports (one round, or one unit over several rounds). */
export function completenessOf(rows: readonly TimelinessRow[], today: string): CompletenessCounts {
  const c = { expected: rows.length, submitted: 0, onTime: 0, late: 0, missing: 0, notDue: 0, accepted: 0, awaitingReview: 0, returned: 0 };
  for (const r of rows) {
    const t = timelinessOf(r.firstSubmittedOn, r.dueOn, today);
    if (t === 'on_time') c.onTime++;
    else if (t === 'late') c.late++;
    else if (t === 'missing') c.missing++;
    else c.notDue++;
    if (r.firstSubmittedOn) c.submitted++;
    if (r.status === 'accepted') c.accepted++;
    if (r.status === 'submitted') c.awaitingReview++;
    if (r.status === 'returned') c.returned++;
  }
  return { ...c, completenessRate: rate(c.submitted, c.expected), timelinessRate: rate(c.onTime, c.expected) };
}

/** Days between two local dates (b − a). */
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

export async function roundCounts(executor: Executor, roundIds: string[], today: string): Promise<Map<string, CompletenessCounts>> {
  const out = new Map<string, CompletenessCounts>();
  if (roundIds.length === 0) return out;
  const rows = await executor
    .select({ roundId: reformUnitReports.roundId, status: reformUnitReports.status, firstSubmittedOn: reformUnitReports.firstSubmittedOn, dueOn: reformReportRounds.dueOn })
    .from(reformUnitReports)
    .innerJoin(reformReportRounds, eq(reformReportRounds.id, reformUnitReports.roundId))
    .where(inArray(reformUnitReports.roundId, roundIds));
  for (const id of roundIds) out.set(id, completenessOf(rows.filter((r) => r.roundId === id) as TimelinessRow[], today));
  return out;
}

/** Departments first, then district committees, then the rest; by name (Vietnamese collation is not needed for this order). */
const unitOrder = sql`CASE ${agencies.kind} WHEN 'department' THEN 0 WHEN 'district_committee' THEN 1 ELSE 2 END`;

export async function listRoundUnits(executor: Executor, roundId: string, dueOn: string, today: string, options: { agencyPath?: string | null } = {}): Promise<RoundUnitRow[]> {
  const rows = await executor
    .select({
      reportId: reformUnitReports.id,
      agency: { id: agencies.id, name: agencies.name, shortName: agencies.shortName, kind: agencies.kind },
      status: reformUnitReports.status,
      firstSubmittedAt: reformUnitReports.firstSubmittedAt,
      firstSubmittedOn: reformUnitReports.firstSubmittedOn,
      lastSubmittedAt: reformUnitReports.lastSubmittedAt,
      acceptedAt: reformUnitReports.acceptedAt,
      returnCount: reformUnitReports.returnCount,
      remindersSent: sql<number>`(SELECT count(*)::int FROM reform_unit_report_actions a WHERE a.report_id = ${reformUnitReports.id} AND a.is_reminder)`,
    })
    .from(reformUnitReports)
    .innerJoin(agencies, eq(agencies.id, reformUnitReports.agencyId))
    .where(and(eq(reformUnitReports.roundId, roundId), options.agencyPath ? sql`${agencies.path} LIKE ${`${options.agencyPath}%`}` : undefined))
    .orderBy(unitOrder, asc(agencies.name));
  return rows.map((r) => {
    const timeliness = timelinessOf(r.firstSubmittedOn, dueOn, today);
    return {
      reportId: r.reportId,
      agency: r.agency,
      status: r.status as UnitReportStatus,
      timeliness,
      firstSubmittedAt: r.firstSubmittedAt?.toISOString() ?? null,
      firstSubmittedOn: r.firstSubmittedOn,
      lastSubmittedAt: r.lastSubmittedAt?.toISOString() ?? null,
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
      daysLate: timeliness === 'late' ? daysBetween(dueOn, r.firstSubmittedOn!) : timeliness === 'missing' ? daysBetween(dueOn, today) : null,
      returnCount: r.returnCount,
      remindersSent: r.remindersSent,
    };
  });
}

export async function getRoundCompleteness(executor: Executor, roundId: string, today: string = todayLocal()) {
  const round = await findRound(executor, roundId);
  if (!round) return undefined;
  const units = await listRoundUnits(executor, roundId, round.dueOn, today);
  const counts = completenessOf(units.map((u) => ({ status: u.status, firstSubmittedOn: u.firstSubmittedOn, dueOn: round.dueOn })), today);
  return { round, counts, units };
}

/** One unit over every round it was expected in (latest first). */
export async function unitHistory(executor: Executor, agencyId: string, today: string) {
  const rows = await executor
    .select({
      roundId: reformReportRounds.id,
      roundTitle: reformReportRounds.title,
      periodLabel: reformReportRounds.periodLabel,
      dueOn: reformReportRounds.dueOn,
      reportId: reformUnitReports.id,
      status: reformUnitReports.status,
      firstSubmittedAt: reformUnitReports.firstSubmittedAt,
      firstSubmittedOn: reformUnitReports.firstSubmittedOn,
    })
    .from(reformUnitReports)
    .innerJoin(reformReportRounds, eq(reformReportRounds.id, reformUnitReports.roundId))
    .where(eq(reformUnitReports.agencyId, agencyId))
    .orderBy(desc(reformReportRounds.dueOn));
  const rounds = rows.map((r) => {
    const timeliness = timelinessOf(r.firstSubmittedOn, r.dueOn, today);
    return {
      roundId: r.roundId,
      roundTitle: r.roundTitle,
      periodLabel: r.periodLabel,
      dueOn: r.dueOn,
      reportId: r.reportId,
      status: r.status as UnitReportStatus,
      timeliness,
      firstSubmittedAt: r.firstSubmittedAt?.toISOString() ?? null,
      daysLate: timeliness === 'late' ? daysBetween(r.dueOn, r.firstSubmittedOn!) : timeliness === 'missing' ? daysBetween(r.dueOn, today) : null,
    };
  });
  return { rounds, counts: completenessOf(rows as TimelinessRow[], today) };
}

// ---------------------------------------------------------------------------------------------------------------
// One report

export interface LoadedReport {
  row: typeof reformUnitReports.$inferSelect;
  agency: { id: string; name: string; shortName: string; kind: string; path: string };
  round: RoundSummary;
  template: ReportTemplate;
  updatedByLabel: string | null;
}

const updater = alias(users, 'updater');

export async function findUnitReport(executor: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<LoadedReport | undefined> {
  const base = executor
    .select({ row: reformUnitReports, agency: { id: agencies.id, name: agencies.name, shortName: agencies.shortName, kind: agencies.kind, path: agencies.path }, updatedByLabel: updater.fullName })
    .from(reformUnitReports)
    .innerJoin(agencies, eq(agencies.id, reformUnitReports.agencyId))
    .leftJoin(updater, eq(updater.id, reformUnitReports.updatedById))
    .where(eq(reformUnitReports.id, id));
  const [found] = options.forUpdate ? await base.for('update', { of: reformUnitReports }) : await base;
  if (!found) return undefined;
  const round = (await findRound(executor, found.row.roundId))!;
  const template = (await findTemplate(executor, round.template.id))!;
  return { ...found, round, template };
}

export function unitReportSubject(r: LoadedReport): UnitReportSubject {
  return { status: r.row.status as UnitReportStatus, agencyPath: r.agency.path, organizerPath: r.round.organizer.path };
}

export async function listReportActions(executor: Executor, reportId: string) {
  return executor.select().from(reformUnitReportActions).where(eq(reformUnitReportActions.reportId, reportId)).orderBy(asc(reformUnitReportActions.at), asc(reformUnitReportActions.id));
}

/** Reports the actor may see: of their own subtree (units) or of the rounds they organise (managers). */
export async function listVisibleReports(
  executor: Executor,
  scope: { managedPath: string | null; unitPath: string | null },
  query: { roundId?: string | undefined; status?: string | undefined; page: number; pageSize: number },
) {
  const visible: SQL[] = [];
  if (scope.unitPath) visible.push(sql`${agencies.path} LIKE ${`${scope.unitPath}%`}`);
  if (scope.managedPath) visible.push(sql`${organizer.path} LIKE ${`${scope.managedPath}%`}`);
  if (visible.length === 0) return { items: [], total: 0 };
  const where = and(
    sql`(${sql.join(visible, sql` OR `)})`,
    query.roundId ? eq(reformUnitReports.roundId, query.roundId) : undefined,
    query.status ? eq(reformUnitReports.status, query.status) : undefined,
  );
  const from = () =>
    executor
      .select({
        id: reformUnitReports.id,
        status: reformUnitReports.status,
        firstSubmittedOn: reformUnitReports.firstSubmittedOn,
        firstSubmittedAt: reformUnitReports.firstSubmittedAt,
        updatedAt: reformUnitReports.updatedAt,
        agency: { id: agencies.id, name: agencies.name },
        round: { id: reformReportRounds.id, title: reformReportRounds.title, dueOn: reformReportRounds.dueOn },
        total: sql<number>`count(*) OVER ()::int`,
      })
      .from(reformUnitReports)
      .innerJoin(agencies, eq(agencies.id, reformUnitReports.agencyId))
      .innerJoin(reformReportRounds, eq(reformReportRounds.id, reformUnitReports.roundId))
      .innerJoin(organizer, eq(organizer.id, reformReportRounds.organizerAgencyId))
      .where(where);
  const rows = await from()
    .orderBy(desc(reformReportRounds.dueOn), unitOrder, asc(agencies.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows, total: rows[0]?.total ?? 0 };
}

// ---------------------------------------------------------------------------------------------------------------
// For the provincial report composer

export interface ComposerFigure {
  code: string;
  area: ReformArea;
  label: string;
  unit: string;
  value: number | null;
  source: 'system' | 'unit';
}

export interface ComposerSection {
  code: string;
  kind: string;
  area: ReformArea | null;
  title: string;
  text: string;
}

export interface ComposerUnitReport {
  reportId: string;
  agency: { id: string; name: string; shortName: string; kind: string };
  status: UnitReportStatus;
  timeliness: Timeliness;
  lastSubmittedAt: string | null;
  acceptedAt: string | null;
  figures: ComposerFigure[];
  narrative: ComposerSection[];
  byArea: Record<ReformArea, { figures: ComposerFigure[]; narrative: ComposerSection[] }>;
}

export type ComposerInclude = 'accepted' | 'latest_submitted';

export async function getRoundReportsForComposer(executor: Executor, roundId: string, options: { include?: ComposerInclude } = {}): Promise<ComposerUnitReport[]> {
  const round = await findRound(executor, roundId);
  if (!round) return [];
  const template = (await findTemplate(executor, round.template.id))!;
  const include = options.include ?? 'accepted';
  const rows = await executor
    .select({ row: reformUnitReports, agency: { id: agencies.id, name: agencies.name, shortName: agencies.shortName, kind: agencies.kind } })
    .from(reformUnitReports)
    .innerJoin(agencies, eq(agencies.id, reformUnitReports.agencyId))
    .where(
      and(
        eq(reformUnitReports.roundId, roundId),
        include === 'accepted' ? eq(reformUnitReports.status, 'accepted') : sql`${reformUnitReports.submittedContent} IS NOT NULL`,
      ),
    )
    .orderBy(unitOrder, asc(agencies.name));
  const today = todayLocal();
  return rows.map(({ row, agency }) => {
    const content = row.submittedContent ?? { figures: {}, narrative: {} };
    const figures: ComposerFigure[] = template.content.indicators.map((i) => {
      const f = content.figures[i.code];
      return { code: i.code, area: i.area, label: i.label, unit: i.unit, value: f?.value ?? null, source: f?.source ?? 'unit' };
    });
    const narrative: ComposerSection[] = template.content.sections.map((s) => ({
      code: s.code,
      kind: s.kind,
      area: s.area,
      title: s.title,
      text: content.narrative[s.code] ?? '',
    }));
    const byArea = Object.fromEntries(
      REFORM_AREAS.map((a) => [a, { figures: figures.filter((f) => f.area === a), narrative: narrative.filter((n) => n.area === a) }]),
    ) as ComposerUnitReport['byArea'];
    return {
      reportId: row.id,
      agency,
      status: row.status as UnitReportStatus,
      timeliness: timelinessOf(row.firstSubmittedOn, round.dueOn, today),
      lastSubmittedAt: row.lastSubmittedAt?.toISOString() ?? null,
      acceptedAt: row.acceptedAt?.toISOString() ?? null,
      figures,
      narrative,
      byArea,
    };
  });
}

export interface RoundFigureTotal {
  code: string;
  area: ReformArea;
  label: string;
  unit: string;
  /** sum for counts; mean for percentages (unit '%'). */
  aggregation: 'sum' | 'mean';
  value: number | null;
  reportingUnits: number;
}

export async function sumRoundFigures(executor: Executor, roundId: string, options: { include?: ComposerInclude } = {}): Promise<RoundFigureTotal[]> {
  const reports = await getRoundReportsForComposer(executor, roundId, options);
  const round = await findRound(executor, roundId);
  if (!round) return [];
  const template = (await findTemplate(executor, round.template.id))!;
  return template.content.indicators.map((i) => {
    const values = reports.map((r) => r.figures.find((f) => f.code === i.code)?.value).filter((v): v is number => typeof v === 'number');
    const mean = i.unit === '%';
    const total = values.reduce((a, b) => a + b, 0);
    return {
      code: i.code,
      area: i.area,
      label: i.label,
      unit: i.unit,
      aggregation: mean ? 'mean' : 'sum',
      value: values.length === 0 ? null : mean ? Math.round((total / values.length) * 10) / 10 : total,
      reportingUnits: values.length,
    };
  });
}

/** The report's figures in template order (stored ones; the presenter overlays live system values while editable). */
export function figuresInOrder(template: ReportTemplate, stored: StoredFigures): ReportFigure[] {
  return template.content.indicators.map((i) => {
    const f = stored[i.code];
    return { code: i.code, value: f?.value ?? null, source: f?.source ?? (i.prefill ? 'system' : 'unit'), systemValue: f?.systemValue ?? null, overrideReason: f?.overrideReason ?? null };
  });
}
