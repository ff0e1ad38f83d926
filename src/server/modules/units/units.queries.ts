/**
 * Reads of administrative units. A unit is identified across time by its `key`; each row is one version valid
 * from `validFrom` to `validTo` (inclusive). A row's `parentId` names a version of the parent, and the parent of a
 * unit on a given day is the version of that parent's key valid on that day, so renaming a parent (a new version)
 * does not require new versions of all its children.
 */
import { and, asc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../../db/client';
import { adminUnits, agencies } from '../../db/schema';
import { addCalendarDays, toLocalDate } from '../../../shared/calendar';
import type { UnitKind, UnitLevel, UnitRef, UnitSearchQuery, UnitSearchResponse, UnitTreeNode, UnitTreeResponse } from '../../../shared/schemas/units';
import { committeeLevel } from '../../../shared/schemas/units';
import type { AdminUnitSubject } from '../../policies/units.policy';

export type UnitRow = Omit<UnitTreeNode, 'children'> & { parentId: string | null; predecessorIds: string[] };

export const unitColumns = {
  id: adminUnits.id,
  key: adminUnits.key,
  code: adminUnits.code,
  name: adminUnits.name,
  kind: sql<UnitKind>`${adminUnits.kind}`,
  level: sql<UnitLevel>`${adminUnits.level}`,
  parentId: adminUnits.parentId,
  validFrom: adminUnits.validFrom,
  validTo: adminUnits.validTo,
  predecessorIds: adminUnits.predecessorIds,
};

/** Today's date in Vietnam (UTC+7), whatever the server's time zone. */
export function todayInVietnam(): string {
  return toLocalDate(new Date());
}

export const dayBefore = (date: string) => addCalendarDays(date, -1);
export const dayAfter = (date: string) => addCalendarDays(date, 1);

/** Rows (units or agencies) valid on `date`: validFrom <= date <= validTo, an open validTo meaning still valid. */
export function validOn(table: { validFrom: PgColumn; validTo: PgColumn }, date: string): SQL {
  return and(lte(table.validFrom, date), or(isNull(table.validTo), gte(table.validTo, date)))!;
}

/** True when [from, to] (to null = open) contains `date`. */
export function coversDate(row: { validFrom: string; validTo: string | null }, date: string): boolean {
  return row.validFrom <= date && (row.validTo === null || row.validTo >= date);
}

export function toUnitRef(row: Pick<UnitRow, 'id' | 'key' | 'code' | 'name' | 'level' | 'validFrom' | 'validTo'>): UnitRef {
  return { id: row.id, key: row.key, code: row.code, name: row.name, level: row.level, validFrom: row.validFrom, validTo: row.validTo };
}

/** One version by id; `lock` takes a row lock for a change. */
export async function findUnitVersion(executor: Executor, id: string, options: { lock?: boolean } = {}): Promise<UnitRow | undefined> {
  const query = executor.select(unitColumns).from(adminUnits).where(eq(adminUnits.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** Every version of a unit, oldest first; `lock` locks them all (a change re-dates versions). */
export async function listUnitVersions(executor: Executor, key: string, options: { lock?: boolean } = {}): Promise<UnitRow[]> {
  const query = executor.select(unitColumns).from(adminUnits).where(eq(adminUnits.key, key)).orderBy(asc(adminUnits.validFrom));
  return options.lock ? query.for('update') : query;
}

/** The version of the unit (given any of its versions' ids) valid on `date`. */
export async function findUnitOn(executor: Executor, anyVersionId: string, date: string): Promise<UnitRow | undefined> {
  const any = alias(adminUnits, 'any_version');
  const [row] = await executor
    .select(unitColumns)
    .from(adminUnits)
    .innerJoin(any, eq(any.key, adminUnits.key))
    .where(and(eq(any.id, anyVersionId), validOn(adminUnits, date)));
  return row;
}

export async function unitKeyExists(executor: Executor, key: string): Promise<boolean> {
  return (await executor.$count(adminUnits, eq(adminUnits.key, key))) > 0;
}

/** Another unit (different key) using `code` at some time within [from, to]. */
export async function findCodeClash(executor: Executor, code: string, from: string, to: string | null, exceptKey: string | null): Promise<UnitRow | undefined> {
  const [row] = await executor
    .select(unitColumns)
    .from(adminUnits)
    .where(
      and(
        eq(adminUnits.code, code),
        exceptKey ? ne(adminUnits.key, exceptKey) : undefined,
        or(isNull(adminUnits.validTo), gte(adminUnits.validTo, from)),
        to === null ? undefined : lte(adminUnits.validFrom, to),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Versions of units whose parent is one of `parentKeys` and that still exist on or after `date`: the rows to move
 * when those parents end the day before.
 */
export async function findChildrenLivingFrom(executor: Executor, parentKeys: string[], date: string): Promise<UnitRow[]> {
  if (parentKeys.length === 0) return [];
  const parent = alias(adminUnits, 'parent');
  return executor
    .select(unitColumns)
    .from(adminUnits)
    .innerJoin(parent, eq(parent.id, adminUnits.parentId))
    .where(and(inArray(parent.key, parentKeys), or(isNull(adminUnits.validTo), gte(adminUnits.validTo, date))))
    .orderBy(asc(adminUnits.code), asc(adminUnits.validFrom))
    .for('update', { of: adminUnits });
}

/**
 * For each (version id, date), the version of that unit valid on the date; falls back to the version itself when
 * the unit did not exist that day (history shows what the row pointed to).
 */
export async function resolveUnitsOn(executor: Executor, requests: { id: string; date: string }[]): Promise<Map<string, UnitRow>> {
  const out = new Map<string, UnitRow>();
  if (requests.length === 0) return out;
  const ids = [...new Set(requests.map((r) => r.id))];
  const any = alias(adminUnits, 'any_version');
  const rows = await executor
    .select({ ...unitColumns, anyId: any.id })
    .from(adminUnits)
    .innerJoin(any, eq(any.key, adminUnits.key))
    .where(inArray(any.id, ids));
  for (const request of requests) {
    const candidates = rows.filter((r) => r.anyId === request.id);
    const match = candidates.find((r) => coversDate(r, request.date)) ?? candidates.find((r) => r.id === request.id);
    if (match) out.set(`${request.id}@${request.date}`, match);
  }
  return out;
}

/** The tree of units valid on `asOf`, children ordered by code; `rootId` (any version) limits it to a subtree. */
export async function getUnitTree(executor: Executor, asOf: string, rootId?: string): Promise<UnitTreeResponse | undefined> {
  const parent = alias(adminUnits, 'parent');
  const rows = await executor
    .select({ ...unitColumns, parentKey: parent.key })
    .from(adminUnits)
    .leftJoin(parent, eq(parent.id, adminUnits.parentId))
    .where(validOn(adminUnits, asOf))
    .orderBy(asc(adminUnits.code));

  const nodes = new Map<string, UnitTreeNode & { parentKey: string | null }>();
  for (const row of rows) {
    nodes.set(row.key, {
      id: row.id,
      key: row.key,
      code: row.code,
      name: row.name,
      kind: row.kind,
      level: row.level,
      validFrom: row.validFrom,
      validTo: row.validTo,
      parentKey: row.parentKey,
      children: [],
    });
  }
  const roots: UnitTreeNode[] = [];
  for (const node of nodes.values()) {
    const parentNode = node.parentKey ? nodes.get(node.parentKey) : undefined;
    // A unit whose parent did not exist that day is shown as a root rather than hidden.
    (parentNode ? parentNode.children : roots).push(node);
  }

  let selected = roots;
  if (rootId) {
    const root = await findUnitOn(executor, rootId, asOf);
    const node = root ? nodes.get(root.key) : undefined;
    if (!node) return undefined;
    selected = [node];
  }
  const counts = { province: 0, district: 0, commune: 0 };
  const strip = (node: UnitTreeNode): UnitTreeNode => {
    counts[node.level] += 1;
    return { id: node.id, key: node.key, code: node.code, name: node.name, kind: node.kind, level: node.level, validFrom: node.validFrom, validTo: node.validTo, children: node.children.map(strip) };
  };
  return { asOf, counts, roots: selected.map(strip) };
}

/** Escapes LIKE wildcards in user input. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Diacritics-insensitive match of a column against user input (uses the f_unaccent trigram indexes). */
export function foldedContains(column: PgColumn, text: string): SQL {
  return sql`f_unaccent(lower(${column})) LIKE f_unaccent(lower(${likeContains(text)}))`;
}

/** Units by name (ignoring diacritics) or code; with `asOf`, only those valid that day. */
export async function searchUnits(executor: Executor, query: UnitSearchQuery): Promise<UnitSearchResponse> {
  const q = query.q?.trim();
  const where = and(
    q ? or(foldedContains(adminUnits.name, q), eq(adminUnits.code, q)) : undefined,
    query.level ? eq(adminUnits.level, query.level) : undefined,
    query.asOf ? validOn(adminUnits, query.asOf) : undefined,
  );
  const rows = await executor
    .select({ ...unitColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(adminUnits)
    .where(where)
    .orderBy(asc(adminUnits.code), asc(adminUnits.validFrom))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const parents = await resolveUnitsOn(
    executor,
    rows.filter((r) => r.parentId).map((r) => ({ id: r.parentId!, date: query.asOf ?? r.validFrom })),
  );
  return {
    items: rows.map((r) => {
      const parentRow = r.parentId ? parents.get(`${r.parentId}@${query.asOf ?? r.validFrom}`) : undefined;
      return { ...toUnitRef(r), kind: r.kind, parent: parentRow ? toUnitRef(parentRow) : null };
    }),
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

const GOVERNING_KINDS = Object.keys(committeeLevel);

/**
 * Who governs a unit, for scoping changes: the People's Committees of the unit itself or, when it has none (a unit
 * just formed), of its nearest ancestor that has one. No committee anywhere up the chain means none (top-level
 * administrators then decide, see units.policy.ts).
 */
export async function loadUnitSubject(executor: Executor, unitVersionId: string): Promise<AdminUnitSubject> {
  const rows = await queryRows<{ depth: number; path: string }>(
    executor,
    sql`
    WITH RECURSIVE chain (id, key, parent_id, depth) AS (
      SELECT id, key, parent_id, 0 FROM ${adminUnits} WHERE id = ${unitVersionId}
      UNION ALL
      SELECT p.id, p.key, p.parent_id, c.depth + 1 FROM ${adminUnits} p JOIN chain c ON p.id = c.parent_id WHERE c.depth < 8
    )
    SELECT c.depth AS depth, a.path AS path
    FROM chain c
    JOIN ${adminUnits} v ON v.key = c.key
    JOIN ${agencies} a ON a.unit_id = v.id AND a.kind IN (${sql.join(GOVERNING_KINDS.map((k) => sql`${k}`), sql`, `)})
    ORDER BY c.depth
  `,
  );
  const nearest = rows[0]?.depth;
  return {
    id: unitVersionId,
    governingAgencyPaths: rows.filter((r) => r.depth === nearest).map((r) => r.path),
  };
}
