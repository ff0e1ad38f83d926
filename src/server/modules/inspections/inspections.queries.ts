/**
 * Reads of inspection plans, inspections and findings. `inspectionFigures` is what the provincial report uses:
 * inspections started in a period, by kind of inspected agency (provincial department, district, commune), with
 * the agencies' names for the footnotes, and the findings' follow-up as of the period's end.
 */
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { agencies, inspectionFindings, inspectionPlans, inspections, registryDocuments } from '../../db/schema';

export async function listInspectionPlans(executor: Executor, year?: number) {
  const inspected = sql<number>`(SELECT count(*)::int FROM ${inspections} i WHERE i.plan_id = ${inspectionPlans.id})`;
  return executor
    .select({ plan: inspectionPlans, agencyName: agencies.name, documentNumberSymbol: registryDocuments.numberSymbol, inspectedCount: inspected })
    .from(inspectionPlans)
    .innerJoin(agencies, eq(agencies.id, inspectionPlans.agencyId))
    .leftJoin(registryDocuments, eq(registryDocuments.id, inspectionPlans.documentId))
    .where(year ? eq(inspectionPlans.year, year) : undefined)
    .orderBy(sql`${inspectionPlans.year} DESC`, asc(inspectionPlans.title));
}

export async function findInspectionPlan(executor: Executor, id: string) {
  const [row] = await executor.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
  return row;
}

export interface InspectionFilter {
  planId?: string;
  from?: string;
  to?: string;
  year?: number;
  /** Only inspections of agencies in this subtree. */
  scopePath?: string | null;
  id?: string;
}

export async function listInspections(executor: Executor, filter: InspectionFilter) {
  return executor
    .select({ inspection: inspections, agencyName: agencies.name, agencyKind: agencies.kind, agencyPath: agencies.path, planTitle: inspectionPlans.title })
    .from(inspections)
    .innerJoin(agencies, eq(agencies.id, inspections.inspectedAgencyId))
    .leftJoin(inspectionPlans, eq(inspectionPlans.id, inspections.planId))
    .where(
      and(
        filter.id ? eq(inspections.id, filter.id) : undefined,
        filter.planId ? eq(inspections.planId, filter.planId) : undefined,
        filter.from ? gte(inspections.startedOn, filter.from) : undefined,
        filter.to ? lte(inspections.startedOn, filter.to) : undefined,
        filter.year ? sql`extract(year from ${inspections.startedOn}) = ${filter.year}` : undefined,
        filter.scopePath ? sql`${agencies.path} LIKE ${`${filter.scopePath}%`}` : undefined,
      ),
    )
    .orderBy(asc(inspections.startedOn), asc(agencies.path));
}

export async function findInspection(executor: Executor, id: string) {
  const [row] = await listInspections(executor, { id });
  return row;
}

export async function listFindings(executor: Executor, inspectionIds: string[]) {
  if (inspectionIds.length === 0) return [];
  return executor
    .select()
    .from(inspectionFindings)
    .where(sql`${inspectionFindings.inspectionId} IN ${inspectionIds}`)
    .orderBy(asc(inspectionFindings.inspectionId), asc(inspectionFindings.position));
}

export async function findFinding(executor: Executor, id: string) {
  const [row] = await executor
    .select({ finding: inspectionFindings, agencyPath: agencies.path })
    .from(inspectionFindings)
    .innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
    .innerJoin(agencies, eq(agencies.id, inspections.inspectedAgencyId))
    .where(eq(inspectionFindings.id, id));
  return row;
}

// ---------------------------------------------------------------------------------------------------------------
// Report queries
// ---------------------------------------------------------------------------------------------------------------

export interface InspectionFigures {
  inspections: number;
  /** By the inspected agency's kind (`department`, `district_committee`, `commune_committee`, ...), names in date order. */
  byAgencyKind: { agencyKind: string; count: number; agencies: string[] }[];
  findings: number;
  /** Findings resolved on or before the period's end. */
  findingsResolved: number;
  findingsOpen: number;
}

/** Inspections started in the period (inclusive ISO dates) and the follow-up of their findings as of its end. */
export async function inspectionFigures(executor: Executor, period: { from: string; to: string }): Promise<InspectionFigures> {
  const rows = await listInspections(executor, period);
  const byKind = new Map<string, string[]>();
  for (const r of rows) byKind.set(r.agencyKind, [...(byKind.get(r.agencyKind) ?? []), r.agencyName]);
  const [f] = await queryRows<{ total: number; resolved: number }>(
    executor,
    sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE f.status = 'resolved' AND f.resolved_on <= ${period.to})::int AS resolved
      FROM ${inspectionFindings} f JOIN ${inspections} i ON i.id = f.inspection_id
      WHERE i.started_on BETWEEN ${period.from} AND ${period.to}`,
  );
  const total = Number(f?.total ?? 0);
  const resolved = Number(f?.resolved ?? 0);
  return {
    inspections: rows.length,
    byAgencyKind: [...byKind.entries()].map(([agencyKind, names]) => ({ agencyKind, count: names.length, agencies: names })),
    findings: total,
    findingsResolved: resolved,
    findingsOpen: total - resolved,
  };
}
