import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { adminUnits, agencies, departments } from '../../db/schema';
import type { AgencyKind, AgencyListQuery, AgencyListResponse, Department } from '../../../shared/schemas/units';
import { foldedContains, likeContains, unitColumns, validOn } from './units.queries';
import { presentAgencySummary } from './agencies.presenter';

export interface AgencyRow {
  id: string;
  key: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  unitId: string;
  parentId: string | null;
  path: string;
  identifierCode: string;
  address: string | null;
  phone: string | null;
  workingHours: { start: string; end: string }[] | null;
  validFrom: string;
  validTo: string | null;
}

export const agencyColumns = {
  id: agencies.id,
  key: agencies.key,
  name: agencies.name,
  shortName: agencies.shortName,
  kind: sql<AgencyKind>`${agencies.kind}`,
  unitId: agencies.unitId,
  parentId: agencies.parentId,
  path: agencies.path,
  identifierCode: agencies.identifierCode,
  address: agencies.address,
  phone: agencies.phone,
  workingHours: agencies.workingHours,
  validFrom: agencies.validFrom,
  validTo: agencies.validTo,
};

export const departmentColumns = {
  id: departments.id,
  agencyId: departments.agencyId,
  key: departments.key,
  name: departments.name,
  isOneStopDesk: departments.isOneStopDesk,
};

export async function findAgency(executor: Executor, id: string, options: { lock?: boolean } = {}): Promise<AgencyRow | undefined> {
  const query = executor.select(agencyColumns).from(agencies).where(eq(agencies.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function listDepartments(executor: Executor, agencyId: string): Promise<Department[]> {
  return executor
    .select(departmentColumns)
    .from(departments)
    .where(eq(departments.agencyId, agencyId))
    // The one-stop desk first, then by name.
    .orderBy(sql`${departments.isOneStopDesk} DESC`, asc(departments.name));
}

export async function findDepartment(executor: Executor, agencyId: string, departmentId: string, options: { lock?: boolean } = {}): Promise<Department | undefined> {
  const query = executor.select(departmentColumns).from(departments).where(and(eq(departments.id, departmentId), eq(departments.agencyId, agencyId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/**
 * Identifier codes read from the province down (`L4.L3.L2.L1`, most significant last): the provincial committee,
 * its departments, then each district committee followed by its communes.
 */
const hierarchyOrder = [4, 3, 2, 1].map((part) => sql`split_part(${agencies.identifierCode}, '.', ${sql.raw(String(part))})`);

/** Agencies by kind, unit (any version), parent, day of operation and name, short name or identifier code. */
export async function listAgencies(executor: Executor, query: AgencyListQuery): Promise<AgencyListResponse> {
  const q = query.q?.trim();
  const sameUnit = alias(adminUnits, 'same_unit');
  const where = and(
    q ? or(foldedContains(agencies.name, q), foldedContains(agencies.shortName, q), ilike(agencies.identifierCode, likeContains(q))) : undefined,
    query.kind ? eq(agencies.kind, query.kind) : undefined,
    query.parentId ? eq(agencies.parentId, query.parentId) : undefined,
    query.unitId
      ? inArray(
          agencies.unitId,
          executor
            .select({ id: adminUnits.id })
            .from(adminUnits)
            .innerJoin(sameUnit, eq(sameUnit.key, adminUnits.key))
            .where(eq(sameUnit.id, query.unitId)),
        )
      : undefined,
    query.asOf ? validOn(agencies, query.asOf) : undefined,
  );
  const rows = await executor
    .select({
      agency: agencyColumns,
      unit: unitColumns,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(agencies)
    .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
    .where(where)
    .orderBy(...hierarchyOrder, asc(agencies.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map((r) => presentAgencySummary(r.agency, r.unit)),
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
