/**
 * Dossier statistics read from the rollups (see db/schema/statistics.ts): flows over a period sum whole months from
 * the monthly table and the leftover days from the daily table; a balance at the end of a day reads the latest
 * checkpoint before it plus the flows since. Three small queries per statistic, whatever the number of dossiers.
 */
import { sql, type SQL } from 'drizzle-orm';
import { addCalendarDays, toLocalDate } from '../../../shared/calendar';
import { MIN_PERIOD_DATE, splitByMonths } from '../../../shared/periods';
import type { Executor } from '../../db/client';
import { queryRows } from '../../db/client';
import { findCheckpointAtOrBefore } from './checkpoints';
import { ROLLUP_LEVELS, type DimColumn } from './rollup-writer';
import type { StatChannel } from './stat-deltas';

export type StatGroup = 'agency' | 'field' | 'procedure' | 'channel' | 'level' | 'month' | 'none';

/** Which rollup rows count: agencies (a subtree, a unit's agencies), level, field, procedure, channels. */
export interface StatFilter {
  /** SQL condition on `agency_id` (e.g. a subtree), or null for every agency. */
  agencies?: SQL | null;
  level?: string | undefined;
  /** Several levels (e.g. province and district for section I of Biểu 07b). */
  levels?: readonly string[] | undefined;
  fieldId?: string | undefined;
  procedureId?: string | undefined;
  channels?: readonly StatChannel[] | undefined;
}

/** Sums of the flow measures over a period for one group. */
export interface FlowSums {
  received: Record<StatChannel, number>;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  refused: number;
  resolutionSeconds: number;
  stopped: number;
  closed: number;
  withdrawn: number;
  refusedUnreceived: number;
  closedUnreceived: number;
}

export interface Balance {
  pending: number;
  overdue: number;
  waiting: number;
}

export interface GroupSums {
  flows: FlowSums;
  carried: Balance;
  end: Balance;
}

export const emptyFlows = (): FlowSums => ({
  received: { online_full: 0, online_partial: 0, post: 0, in_person: 0 },
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  refused: 0,
  resolutionSeconds: 0,
  stopped: 0,
  closed: 0,
  withdrawn: 0,
  refusedUnreceived: 0,
  closedUnreceived: 0,
});
export const emptyBalance = (): Balance => ({ pending: 0, overdue: 0, waiting: 0 });
export const emptyGroup = (): GroupSums => ({ flows: emptyFlows(), carried: emptyBalance(), end: emptyBalance() });

type Table = 'daily' | 'monthly' | 'balances';

function groupKey(group: StatGroup, table: Table): SQL {
  switch (group) {
    case 'agency':
      return sql`agency_id::text`;
    case 'field':
      return sql`field_id::text`;
    case 'procedure':
      return sql`procedure_id::text`;
    case 'channel':
      return sql`channel`;
    case 'level':
      return sql`level`;
    case 'month':
      return table === 'daily' ? sql`to_char(day, 'YYYY-MM')` : table === 'monthly' ? sql`to_char(month, 'YYYY-MM')` : sql`to_char(as_of, 'YYYY-MM')`;
    case 'none':
      return sql`'all'`;
    default: {
      const unknown: never = group;
      throw new Error(`unknown group ${String(unknown)}`);
    }
  }
}

export function filterSql(f: StatFilter): SQL {
  const parts: SQL[] = [];
  if (f.agencies) parts.push(f.agencies);
  if (f.level) parts.push(sql`level = ${f.level}`);
  if (f.levels && f.levels.length > 0) parts.push(sql`level IN (${sql.join(f.levels.map((l) => sql`${l}`), sql`, `)})`);
  if (f.fieldId) parts.push(sql`field_id = ${f.fieldId}::uuid`);
  if (f.procedureId) parts.push(sql`procedure_id = ${f.procedureId}::uuid`);
  if (f.channels && f.channels.length > 0) parts.push(sql`channel IN (${sql.join(f.channels.map((c) => sql`${c}`), sql`, `)})`);
  return parts.length > 0 ? sql.join(parts, sql` AND `) : sql`TRUE`;
}

/**
 * The monthly table to read: the coarsest whose keys cover the grouping and the filters (agency and channel; the
 * province's procedures), else the full one.
 */
function monthlyTableFor(group: StatGroup, f: StatFilter): string {
  const needed = new Set<DimColumn>();
  const byGroup: Partial<Record<StatGroup, DimColumn>> = { agency: 'agency_id', procedure: 'procedure_id', field: 'field_id', level: 'level', channel: 'channel' };
  if (byGroup[group]) needed.add(byGroup[group]);
  if (f.agencies) needed.add('agency_id');
  if (f.level || (f.levels && f.levels.length > 0)) needed.add('level');
  if (f.fieldId) needed.add('field_id');
  if (f.procedureId) needed.add('procedure_id');
  if (f.channels && f.channels.length > 0) needed.add('channel');
  const level = ROLLUP_LEVELS.filter((l) => l.bucket === 'month').sort((a, b) => a.keys.length - b.keys.length).find((l) => [...needed].every((c) => l.keys.includes(c)));
  return level!.table;
}

/** SELECTs over the rollups covering [from, to]: whole months from a monthly table, the rest from the daily one. */
function rangeSelects(from: string, to: string, select: (table: Table) => SQL, where: SQL, monthlyTable: string): SQL[] {
  if (to < from) return [];
  const split = splitByMonths(from, to);
  const out: SQL[] = [];
  if (split.months) {
    out.push(sql`SELECT ${select('monthly')} FROM ${sql.raw(monthlyTable)} WHERE month BETWEEN ${split.months.from}::date AND ${split.months.to}::date AND ${where}`);
  }
  for (const d of split.days) {
    out.push(sql`SELECT ${select('daily')} FROM dossier_daily_stats WHERE day BETWEEN ${d.from}::date AND ${d.to}::date AND ${where}`);
  }
  return out;
}

const PENDING_DELTA = sql.raw('(received - resolved_early - resolved_on_time - resolved_late - stopped - closed)');

/** Balances at the end of `date`, by group: the latest checkpoint on or before the next day plus the flows since. */
export async function balancesAt(executor: Executor, date: string, group: StatGroup, filter: StatFilter): Promise<Map<string, Balance>> {
  const where = filterSql(filter);
  const next = addCalendarDays(date, 1);
  const checkpoint = await findCheckpointAtOrBefore(executor, next);
  const parts: SQL[] = [];
  if (checkpoint) {
    parts.push(sql`SELECT ${groupKey(group, 'balances')} AS k, pending AS p, overdue AS o, waiting AS w FROM dossier_stat_balances WHERE as_of = ${checkpoint}::date AND ${where}`);
  }
  parts.push(
    ...rangeSelects(checkpoint ?? MIN_PERIOD_DATE, date, (t) => sql`${groupKey(group, t)} AS k, ${PENDING_DELTA} AS p, overdue_delta AS o, waiting_delta AS w`, where, monthlyTableFor(group, filter)),
  );
  const out = new Map<string, Balance>();
  if (parts.length === 0) return out;
  const rows = await queryRows<{ k: string; p: number; o: number; w: number }>(
    executor,
    sql`SELECT k, sum(p)::int AS p, sum(o)::int AS o, sum(w)::int AS w FROM (${sql.join(parts, sql` UNION ALL `)}) x GROUP BY k`,
  );
  for (const r of rows) out.set(r.k, { pending: Number(r.p), overdue: Number(r.o), waiting: Number(r.w) });
  return out;
}

/** Flow sums over [from, to], by group. */
export async function flowsBetween(executor: Executor, from: string, to: string, group: StatGroup, filter: StatFilter): Promise<Map<string, FlowSums>> {
  const columns = sql.raw(
    'channel AS c, received, resolved_early, resolved_on_time, resolved_late, refused, resolution_seconds, stopped, closed, withdrawn, refused_unreceived, closed_unreceived',
  );
  const parts = rangeSelects(from, to, (t) => sql`${groupKey(group, t)} AS k, ${columns}`, filterSql(filter), monthlyTableFor(group, filter));
  const out = new Map<string, FlowSums>();
  if (parts.length === 0) return out;
  const rows = await queryRows<Record<string, string | number>>(
    executor,
    sql`SELECT k, c, sum(received)::int AS received, sum(resolved_early)::int AS resolved_early, sum(resolved_on_time)::int AS resolved_on_time,
          sum(resolved_late)::int AS resolved_late, sum(refused)::int AS refused, sum(resolution_seconds)::bigint AS resolution_seconds,
          sum(stopped)::int AS stopped, sum(closed)::int AS closed, sum(withdrawn)::int AS withdrawn,
          sum(refused_unreceived)::int AS refused_unreceived, sum(closed_unreceived)::int AS closed_unreceived
        FROM (${sql.join(parts, sql` UNION ALL `)}) x GROUP BY k, c`,
  );
  for (const r of rows) {
    const k = String(r.k);
    const f = out.get(k) ?? emptyFlows();
    f.received[r.c as StatChannel] += Number(r.received);
    f.resolvedEarly += Number(r.resolved_early);
    f.resolvedOnTime += Number(r.resolved_on_time);
    f.resolvedLate += Number(r.resolved_late);
    f.refused += Number(r.refused);
    f.resolutionSeconds += Number(r.resolution_seconds);
    f.stopped += Number(r.stopped);
    f.closed += Number(r.closed);
    f.withdrawn += Number(r.withdrawn);
    f.refusedUnreceived += Number(r.refused_unreceived);
    f.closedUnreceived += Number(r.closed_unreceived);
    out.set(k, f);
  }
  return out;
}

/** Flows over the period, pending carried over from before it, and balances at its end — by group. */
export async function groupSums(executor: Executor, period: { from: string; to: string }, group: StatGroup, filter: StatFilter): Promise<Map<string, GroupSums>> {
  const flows = await flowsBetween(executor, period.from, period.to, group, filter);
  // "Month" groups have no carried-over or end balance of their own: only flows.
  const carried = group === 'month' ? new Map<string, Balance>() : await balancesAt(executor, addCalendarDays(period.from, -1), group, filter);
  // A period still running ends, for its balances, today: the rollups already hold the future days on which open
  // dossiers would turn overdue, which is a forecast, not a figure.
  const today = toLocalDate(new Date());
  const end = group === 'month' ? new Map<string, Balance>() : await balancesAt(executor, period.to > today ? today : period.to, group, filter);
  const out = new Map<string, GroupSums>();
  const entry = (k: string) => out.get(k) ?? out.set(k, emptyGroup()).get(k)!;
  for (const [k, f] of flows) entry(k).flows = f;
  for (const [k, b] of carried) if (b.pending !== 0 || b.overdue !== 0 || b.waiting !== 0) entry(k).carried = b;
  for (const [k, b] of end) if (b.pending !== 0 || b.overdue !== 0 || b.waiting !== 0) entry(k).end = b;
  return out;
}

export function addGroups(a: GroupSums, b: GroupSums): GroupSums {
  const f = emptyFlows();
  for (const c of Object.keys(f.received) as StatChannel[]) f.received[c] = a.flows.received[c] + b.flows.received[c];
  for (const k of Object.keys(f) as (keyof FlowSums)[]) {
    if (k === 'received') continue;
    f[k] = a.flows[k] + b.flows[k];
  }
  const add = (x: Balance, y: Balance): Balance => ({ pending: x.pending + y.pending, overdue: x.overdue + y.overdue, waiting: x.waiting + y.waiting });
  return { flows: f, carried: add(a.carried, b.carried), end: add(a.end, b.end) };
}
