/**
 * What a statistics request covers: the agency subtree (asked for, within the caller's scope — 403 outside it — or by
 * default the caller's own), an administrative unit and its subtree, a level, a field, a procedure, channels; as SQL
 * for the rollup queries and as Vietnamese lines written above exported tables.
 */
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { levelLabels, statChannelLabels } from '../../../shared/schemas/statistics';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { adminUnits, agencies, procedureFields, procedureVersions, procedures } from '../../db/schema';
import { can } from '../../policies';
import type { StatFilter } from './statistics.queries';
import { STAT_CHANNELS, type StatChannel } from './stat-deltas';

export interface SliceInput {
  agencyId?: string | undefined;
  /** The agency alone, without its subunits. */
  agencyOnly?: boolean | undefined;
  unitId?: string | undefined;
  level?: 'province' | 'district' | 'commune' | undefined;
  levels?: readonly ('province' | 'district' | 'commune')[] | undefined;
  fieldId?: string | undefined;
  procedureId?: string | undefined;
  channel?: StatChannel | 'online' | undefined;
}

export interface StatScope {
  /** Root of the agency subtree, or null for the whole province. */
  agencyId: string | null;
  agencyPath: string | null;
  /** "Toàn tỉnh" or the agency's name. */
  label: string;
  filter: StatFilter;
  /** Lines written above tables: scope and every filter. */
  lines: string[];
}

const inSubtree = (path: string) => sql`agency_id IN (SELECT id FROM agencies WHERE path LIKE ${`${path}%`})`;

/** Agencies of an administrative unit (every version with its key) and of the units under it. */
const inUnit = (unitId: string) => sql`agency_id IN (
  SELECT a.id FROM agencies a WHERE a.unit_id IN (
    WITH RECURSIVE u AS (
      SELECT id FROM admin_units WHERE key = (SELECT key FROM admin_units WHERE id = ${unitId}::uuid)
      UNION SELECT c.id FROM admin_units c JOIN u ON c.parent_id = u.id
    ) SELECT id FROM u))`;

/** The agency subtree the actor asks for, checked against their scope (no agency asked: their own, or the province). */
export async function resolveAgencyScope(executor: Executor, actor: Actor, agencyId: string | undefined): Promise<{ id: string | null; path: string | null; name: string }> {
  let target: { id: string | null; path: string | null; name: string };
  if (agencyId) {
    const [agency] = await executor.select({ id: agencies.id, path: agencies.path, name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId));
    if (!agency) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy cơ quan' });
    target = agency;
  } else if (actor.agencyId && actor.agencyPath) {
    const [agency] = await executor.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, actor.agencyId));
    target = { id: actor.agencyId, path: actor.agencyPath, name: agency?.name ?? '' };
  } else {
    target = { id: null, path: null, name: 'Toàn tỉnh' };
  }
  if (!can(actor, 'read', 'statistics', { agencyPath: target.path })) {
    throw new AppError('FORBIDDEN', { message: 'Chỉ xem được số liệu của cơ quan mình và các cơ quan trực thuộc' });
  }
  return target;
}

export async function resolveStatScope(executor: Executor, actor: Actor, slice: SliceInput): Promise<StatScope> {
  const agency = await resolveAgencyScope(executor, actor, slice.agencyId);
  const conditions: SQL[] = [];
  const alone = !!(slice.agencyOnly && agency.id);
  const lines: string[] = [
    alone ? `Cơ quan: ${agency.name} (không gồm các đơn vị trực thuộc)` : agency.path ? `Cơ quan: ${agency.name} và các cơ quan, đơn vị trực thuộc` : 'Phạm vi: toàn tỉnh',
  ];
  // A subtree holding every agency (the province's People's Committee in a one-province system) needs no filter,
  // which lets the coarse rollups answer.
  if (alone) {
    conditions.push(sql`agency_id = ${agency.id}::uuid`);
  } else if (agency.path) {
    const [outside] = await executor.select({ id: agencies.id }).from(agencies).where(sql`${agencies.path} NOT LIKE ${`${agency.path}%`}`).limit(1);
    if (outside) conditions.push(inSubtree(agency.path));
  }
  if (slice.unitId) {
    const [unit] = await executor.select({ name: adminUnits.name }).from(adminUnits).where(eq(adminUnits.id, slice.unitId));
    if (!unit) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'querystring.unitId', message: 'Không tìm thấy đơn vị hành chính' }] } });
    conditions.push(inUnit(slice.unitId));
    lines.push(`Địa bàn: ${unit.name} (gồm các đơn vị hành chính trực thuộc)`);
  }
  if (slice.level) lines.push(`Cấp thực hiện: ${levelLabels[slice.level]}`);
  if (slice.levels && slice.levels.length > 0) lines.push(`Cấp thực hiện: ${slice.levels.map((l) => levelLabels[l]).join(', ')}`);
  if (slice.fieldId) {
    const [field] = await executor.select({ code: procedureFields.code, name: procedureFields.name }).from(procedureFields).where(eq(procedureFields.id, slice.fieldId));
    if (!field) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'querystring.fieldId', message: 'Không tìm thấy lĩnh vực' }] } });
    lines.push(`Lĩnh vực: ${field.name}`);
  }
  if (slice.procedureId) {
    const names = await procedureNames(executor, [slice.procedureId], '2100-01-01');
    const p = names.get(slice.procedureId);
    if (!p) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'querystring.procedureId', message: 'Không tìm thấy thủ tục' }] } });
    lines.push(`Thủ tục: ${p.code} – ${p.name}`);
  }
  const channels: StatChannel[] | undefined = slice.channel === 'online' ? ['online_full', 'online_partial'] : slice.channel ? [slice.channel] : undefined;
  if (slice.channel) lines.push(`Hình thức tiếp nhận: ${slice.channel === 'online' ? 'Trực tuyến' : statChannelLabels[slice.channel]}`);
  return {
    agencyId: agency.id,
    agencyPath: agency.path,
    label: agency.name,
    filter: {
      agencies: conditions.length > 0 ? sql.join(conditions, sql` AND `) : null,
      level: slice.level,
      levels: slice.levels,
      fieldId: slice.fieldId,
      procedureId: slice.procedureId,
      channels,
    },
    lines,
  };
}

export interface ProcedureName {
  code: string;
  name: string;
  legalTime: string;
  /** Legal time in days of the calendar (working days × 7/5), for comparisons with average resolution times. */
  legalCalendarDays: number;
}

const TIME_UNITS: Record<string, string> = { working_days: 'ngày làm việc', working_hours: 'giờ làm việc', calendar_days: 'ngày' };

export function legalTimeText(value: number, unit: string): string {
  return `${String(value).replace('.', ',')} ${TIME_UNITS[unit] ?? unit}`;
}

/** Approximate calendar days of a legal time: a working week is five working days in seven (8 working hours a day). */
export function legalCalendarDays(value: number, unit: string): number {
  if (unit === 'calendar_days') return value;
  const workingDays = unit === 'working_hours' ? value / 8 : value;
  return (workingDays * 7) / 5;
}

/** Code, name and legal time of procedures, from the version in force on `date` (or the latest before it). */
export async function procedureNames(executor: Executor, ids: string[], date: string): Promise<Map<string, ProcedureName>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .selectDistinctOn([procedureVersions.procedureId], {
      id: procedureVersions.procedureId,
      code: procedures.code,
      name: procedureVersions.name,
      timeValue: procedureVersions.timeValue,
      timeUnit: procedureVersions.timeUnit,
    })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(inArray(procedureVersions.procedureId, ids))
    .orderBy(procedureVersions.procedureId, sql`(${procedureVersions.validFrom} <= ${date}::date) DESC`, sql`${procedureVersions.validFrom} DESC`);
  return new Map(
    rows.map((r) => [r.id, { code: r.code, name: r.name, legalTime: legalTimeText(r.timeValue, r.timeUnit), legalCalendarDays: legalCalendarDays(r.timeValue, r.timeUnit) }]),
  );
}

export const ALL_STAT_CHANNELS: readonly StatChannel[] = STAT_CHANNELS;
