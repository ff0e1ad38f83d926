/**
 * Reads of the staffing, personnel and autonomy records. The «Report queries» are the totals of the provincial
 * CCHC report's sections II.3–II.5; each is a sum over records, never a stored total. List functions take an
 * optional agency scope (materialised path) so a unit sees only its subtree.
 */
import { and, asc, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../../db/client';
import { agencies, autonomyUnits, personnelChanges, restructuringSchemes, staffCounts, staffingQuotas } from '../../db/schema';
import { AUTONOMY_CLASSES, QUOTA_KINDS, type AutonomyClass, type QuotaKind, type StaffingListQuery } from '../../../shared/schemas/staffing';

const inScope = (scopePath: string | null | undefined): SQL | undefined => (scopePath ? sql`${agencies.path} LIKE ${`${scopePath}%`}` : undefined);
/** `agencyColumn` belongs to an agency in the subtree (materialised path); no condition without a scope. */
const agencyInScope = (agencyColumn: SQL | PgColumn, scopePath: string | null | undefined): SQL | undefined =>
  scopePath ? sql`${agencyColumn} IN (SELECT a.id FROM ${agencies} a WHERE a.path LIKE ${`${scopePath}%`})` : undefined;

export async function listQuotas(executor: Executor, query: StaffingListQuery, scopePath: string | null) {
  return executor
    .select({ quota: staffingQuotas, agencyName: agencies.name })
    .from(staffingQuotas)
    .innerJoin(agencies, eq(agencies.id, staffingQuotas.agencyId))
    .where(and(inScope(scopePath), query.year ? eq(staffingQuotas.year, query.year) : undefined, query.agencyId ? eq(staffingQuotas.agencyId, query.agencyId) : undefined))
    .orderBy(desc(staffingQuotas.year), asc(agencies.path), asc(staffingQuotas.kind));
}

/** Each agency's latest staff count on or before `asOf` (or all dates of one agency when `agencyId` is given). */
export async function listStaffCounts(executor: Executor, query: StaffingListQuery, scopePath: string | null, asOf: string) {
  const latest = sql`${staffCounts.asOf} = (SELECT max(c.as_of) FROM ${staffCounts} c WHERE c.agency_id = ${staffCounts.agencyId} AND c.as_of <= ${asOf})`;
  return executor
    .select({ count: staffCounts, agencyName: agencies.name })
    .from(staffCounts)
    .innerJoin(agencies, eq(agencies.id, staffCounts.agencyId))
    .where(and(inScope(scopePath), query.agencyId ? eq(staffCounts.agencyId, query.agencyId) : latest))
    .orderBy(asc(agencies.path), desc(staffCounts.asOf));
}

export async function listPersonnelChanges(executor: Executor, query: StaffingListQuery, scopePath: string | null) {
  return executor
    .select({ change: personnelChanges, agencyName: agencies.name })
    .from(personnelChanges)
    .innerJoin(agencies, eq(agencies.id, personnelChanges.agencyId))
    .where(
      and(
        inScope(scopePath),
        query.agencyId ? eq(personnelChanges.agencyId, query.agencyId) : undefined,
        query.from ? gte(personnelChanges.occurredOn, query.from) : undefined,
        query.to ? lte(personnelChanges.occurredOn, query.to) : undefined,
        query.kind ? eq(personnelChanges.kind, query.kind) : undefined,
      ),
    )
    .orderBy(desc(personnelChanges.occurredOn), asc(agencies.path))
    .limit(1000);
}

export async function listRestructuringSchemes(executor: Executor, query: StaffingListQuery, scopePath: string | null) {
  return executor
    .select({ scheme: restructuringSchemes, agencyName: agencies.name })
    .from(restructuringSchemes)
    .innerJoin(agencies, eq(agencies.id, restructuringSchemes.agencyId))
    .where(
      and(
        inScope(scopePath),
        query.agencyId ? eq(restructuringSchemes.agencyId, query.agencyId) : undefined,
        query.from ? gte(restructuringSchemes.approvedOn, query.from) : undefined,
        query.to ? lte(restructuringSchemes.approvedOn, query.to) : undefined,
      ),
    )
    .orderBy(desc(restructuringSchemes.approvedOn), asc(agencies.path));
}

/** Bodies and units valid on `asOf` (default: all versions), under the scope. */
export async function listAutonomyUnits(executor: Executor, query: StaffingListQuery, scopePath: string | null) {
  return executor
    .select({ unit: autonomyUnits, agencyName: agencies.name, agencyPath: agencies.path })
    .from(autonomyUnits)
    .innerJoin(agencies, eq(agencies.id, autonomyUnits.managingAgencyId))
    .where(
      and(
        inScope(scopePath),
        query.agencyId ? eq(autonomyUnits.managingAgencyId, query.agencyId) : undefined,
        query.kind ? eq(autonomyUnits.kind, query.kind) : undefined,
        query.asOf ? validOn(query.asOf) : undefined,
      ),
    )
    .orderBy(asc(agencies.path), asc(autonomyUnits.kind), asc(autonomyUnits.name))
    .limit(2000);
}

const validOn = (asOf: string) =>
  and(lte(autonomyUnits.validFrom, asOf), or(isNull(autonomyUnits.validTo), gte(autonomyUnits.validTo, asOf)));

export async function findAutonomyUnit(executor: Executor, id: string) {
  const [row] = await executor
    .select({ unit: autonomyUnits, agencyPath: agencies.path })
    .from(autonomyUnits)
    .innerJoin(agencies, eq(agencies.id, autonomyUnits.managingAgencyId))
    .where(eq(autonomyUnits.id, id));
  return row;
}

// ---------------------------------------------------------------------------------------------------------------
// Report queries
// ---------------------------------------------------------------------------------------------------------------

/**
 * Staffing quotas assigned for a year, summed over agencies, by kind (every kind present, 0 when none).
 * `scopePath` (an agency's materialised path) limits every report query here to that agency's subtree, for a
 * unit's own report; omitted, the province.
 */
export async function quotaTotals(executor: Executor, year: number, scopePath?: string | null): Promise<Record<QuotaKind, number>> {
  const rows = await executor
    .select({ kind: staffingQuotas.kind, total: sql<number>`sum(${staffingQuotas.quota})::int` })
    .from(staffingQuotas)
    .where(and(eq(staffingQuotas.year, year), agencyInScope(staffingQuotas.agencyId, scopePath)))
    .groupBy(staffingQuotas.kind);
  return Object.fromEntries(QUOTA_KINDS.map((k) => [k, rows.find((r) => r.kind === k)?.total ?? 0])) as Record<QuotaKind, number>;
}

export interface StaffTotals {
  /** Agencies with a count on or before the date. */
  agencies: number;
  total: number;
  postgraduate: number;
  university: number;
  collegeOrBelow: number;
  theorySenior: number;
  theoryIntermediate: number;
  educationHealth: number;
}

/**
 * Staff of the province as of a date: for each agency its latest count on or before `asOf`, summed. The total is the
 * sum of the three qualification groups (post-graduate, university, college or below).
 */
export async function staffTotalsAsOf(executor: Executor, asOf: string, scopePath?: string | null): Promise<StaffTotals> {
  const [row] = await queryRows<Record<string, number | null>>(
    executor,
    sql`SELECT count(*)::int AS agencies,
        coalesce(sum(postgraduate + university + college_or_below), 0)::int AS total,
        coalesce(sum(postgraduate), 0)::int AS postgraduate, coalesce(sum(university), 0)::int AS university,
        coalesce(sum(college_or_below), 0)::int AS college_or_below, coalesce(sum(theory_senior), 0)::int AS theory_senior,
        coalesce(sum(theory_intermediate), 0)::int AS theory_intermediate, coalesce(sum(education_health), 0)::int AS education_health
      FROM (SELECT DISTINCT ON (agency_id) * FROM ${staffCounts} WHERE as_of <= ${asOf} ${scopePath ? sql`AND ${agencyInScope(sql`agency_id`, scopePath)}` : sql``}
        ORDER BY agency_id, as_of DESC) latest`,
  );
  const n = (k: string) => Number(row?.[k] ?? 0);
  return {
    agencies: n('agencies'),
    total: n('total'),
    postgraduate: n('postgraduate'),
    university: n('university'),
    collegeOrBelow: n('college_or_below'),
    theorySenior: n('theory_senior'),
    theoryIntermediate: n('theory_intermediate'),
    educationHealth: n('education_health'),
  };
}

/** Personnel changes dated in the period: persons and agencies concerned, by kind and staff category. */
export async function personnelChangeTotals(executor: Executor, period: { from: string; to: string }, scopePath?: string | null) {
  return executor
    .select({
      kind: personnelChanges.kind,
      staffCategory: personnelChanges.staffCategory,
      persons: sql<number>`sum(${personnelChanges.personCount})::int`,
      agencies: sql<number>`count(DISTINCT ${personnelChanges.agencyId})::int`,
    })
    .from(personnelChanges)
    .where(and(gte(personnelChanges.occurredOn, period.from), lte(personnelChanges.occurredOn, period.to), agencyInScope(personnelChanges.agencyId, scopePath)))
    .groupBy(personnelChanges.kind, personnelChanges.staffCategory)
    .orderBy(personnelChanges.kind, personnelChanges.staffCategory);
}

/** Restructuring schemes approved in the period (`from` omitted: everything approved up to `to`), with the agencies concerned. */
export async function restructuringSchemeTotals(executor: Executor, period: { from?: string; to: string }, scopePath?: string | null) {
  const rows = await executor
    .select({ agencyName: agencies.name, agencyPath: agencies.path, n: sql<number>`count(*)::int` })
    .from(restructuringSchemes)
    .innerJoin(agencies, eq(agencies.id, restructuringSchemes.agencyId))
    .where(and(period.from ? gte(restructuringSchemes.approvedOn, period.from) : undefined, lte(restructuringSchemes.approvedOn, period.to), inScope(scopePath)))
    .groupBy(agencies.name, agencies.path)
    .orderBy(agencies.path);
  return { count: rows.reduce((s, r) => s + r.n, 0), agencies: rows.map((r) => r.agencyName) };
}

export interface AutonomyFigures {
  administrativeBodies: { mandatory: number; mandatoryApplying: number; voluntaryApplying: number };
  publicServiceUnits: { mandatory: number; mandatoryApplying: number; byClass: Record<AutonomyClass, number> };
}

/**
 * Financial autonomy as of a date (bodies and units valid that day): «Cơ quan hành chính: 214/214, ngoài ra 44
 * không thuộc diện bắt buộc»; «Đơn vị sự nghiệp: 433/433 (18 tự bảo đảm, 37 một phần, 378 NSNN bảo đảm)».
 */
export async function autonomyFigures(executor: Executor, asOf: string, scopePath?: string | null): Promise<AutonomyFigures> {
  const applying = sql`(${autonomyUnits.autonomySince} IS NOT NULL AND ${autonomyUnits.autonomySince} <= ${asOf})`;
  const rows = await executor
    .select({
      kind: autonomyUnits.kind,
      mandatory: autonomyUnits.mandatory,
      autonomyClass: autonomyUnits.autonomyClass,
      total: sql<number>`count(*)::int`,
      applying: sql<number>`count(*) FILTER (WHERE ${applying})::int`,
    })
    .from(autonomyUnits)
    .where(and(validOn(asOf), agencyInScope(autonomyUnits.managingAgencyId, scopePath)))
    .groupBy(autonomyUnits.kind, autonomyUnits.mandatory, autonomyUnits.autonomyClass);
  const sum = (pick: (r: (typeof rows)[number]) => number, where: (r: (typeof rows)[number]) => boolean) => rows.filter(where).reduce((s, r) => s + pick(r), 0);
  const body = (r: (typeof rows)[number]) => r.kind === 'administrative_body';
  const unit = (r: (typeof rows)[number]) => r.kind === 'public_service_unit';
  return {
    administrativeBodies: {
      mandatory: sum((r) => r.total, (r) => body(r) && r.mandatory),
      mandatoryApplying: sum((r) => r.applying, (r) => body(r) && r.mandatory),
      voluntaryApplying: sum((r) => r.applying, (r) => body(r) && !r.mandatory),
    },
    publicServiceUnits: {
      mandatory: sum((r) => r.total, (r) => unit(r) && r.mandatory),
      mandatoryApplying: sum((r) => r.applying, (r) => unit(r) && r.mandatory),
      byClass: Object.fromEntries(AUTONOMY_CLASSES.map((c) => [c, sum((r) => r.applying, (r) => unit(r) && r.autonomyClass === c)])) as Record<AutonomyClass, number>,
    },
  };
}
