/**
 * Writes signed counts into the rollups: the flow tables, daily and monthly (upserts adding to what is there), and, for
 * days before the current month, the balance checkpoints already materialised after them. Live actions only touch
 * today and future days (an overdue +1 lands the day after the due date), so they never reach a checkpoint; the
 * history simulator and clock-given use cases do, under a shared advisory lock that the checkpoint materialiser takes
 * exclusively (see checkpoints.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import { toLocalDate } from '../../../shared/calendar';
import { monthStart } from '../../../shared/periods';
import { queryRows, type Executor } from '../../db/client';
import { FLOW_MEASURES, measureColumn, pendingDeltaOf, type Measures } from './stat-deltas';

/** Advisory lock between balance adjustments (shared) and checkpoint materialisation (exclusive). */
export const CHECKPOINT_LOCK_KEY = 7_261_066;

export interface RollupKey {
  agencyId: string;
  procedureId: string;
  /** A field id, or a SQL expression giving it (the hook reads it from the procedure version). */
  fieldId: string | SQL;
  level: string;
  channel: string;
}

export interface RollupRow {
  key: RollupKey;
  day: string;
  measures: Measures;
}

const DIM_COLUMNS = ['agency_id', 'procedure_id', 'field_id', 'level', 'channel'] as const;
export type DimColumn = (typeof DIM_COLUMNS)[number];
const MEASURE_COLUMNS = FLOW_MEASURES.map(measureColumn);
/** Rows per INSERT … VALUES (19 parameters each, well under PostgreSQL's 65,535). */
const BATCH = 1_500;

/** A flow table: its time bucket and the key columns it sums over. */
export interface RollupLevel {
  table: 'dossier_daily_stats' | 'dossier_monthly_stats' | 'dossier_agency_monthly_stats';
  bucket: 'day' | 'month';
  keys: readonly DimColumn[];
}

/** Every flow table, written in this order by every transaction (with rows in key order: no deadlock). */
export const ROLLUP_LEVELS: readonly RollupLevel[] = [
  { table: 'dossier_daily_stats', bucket: 'day', keys: DIM_COLUMNS },
  { table: 'dossier_monthly_stats', bucket: 'month', keys: DIM_COLUMNS },
  // Keyed by agency, like the intake's code counter: it adds no contention between agencies. (A province-wide level
  // by procedure would make every desk in the province wait for the same row on a busy procedure.)
  { table: 'dossier_agency_monthly_stats', bucket: 'month', keys: ['agency_id', 'channel'] },
];

const valueOf = (k: RollupKey, column: DimColumn): string | SQL =>
  ({ agency_id: k.agencyId, procedure_id: k.procedureId, field_id: k.fieldId, level: k.level, channel: k.channel })[column];
const COLUMN_TYPES: Record<DimColumn, string> = { agency_id: 'uuid', procedure_id: 'uuid', field_id: 'uuid', level: 'text', channel: 'text' };

/** Merges rows with the same bucket and key of a level, so one INSERT never touches a row twice; sorted by key. */
function merge(rows: RollupRow[], level: RollupLevel): RollupRow[] {
  const out = new Map<string, RollupRow>();
  const bucket = level.bucket === 'day' ? (d: string) => d : monthStart;
  for (const r of rows) {
    const b = bucket(r.day);
    const id = `${b}|${level.keys.map((c) => { const v = valueOf(r.key, c); return typeof v === 'string' ? v : 'sql'; }).join('|')}`;
    const existing = out.get(id);
    if (!existing) {
      out.set(id, { key: r.key, day: b, measures: { ...r.measures } });
      continue;
    }
    for (const [m, v] of Object.entries(r.measures) as [keyof Measures, number][]) existing.measures[m] = (existing.measures[m] ?? 0) + v;
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

const asSql = (v: string | SQL, type: string) => (typeof v === 'string' ? sql`${v}::${sql.raw(type)}` : v);

async function upsertFlows(executor: Executor, level: RollupLevel, rows: RollupRow[]) {
  const { table, bucket, keys } = level;
  const columns = sql.raw([bucket, ...keys, ...MEASURE_COLUMNS].join(', '));
  const conflict = sql.raw([bucket, ...keys].join(', '));
  const updates = sql.raw(MEASURE_COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '));
  if (rows.every((r) => keys.every((c) => typeof valueOf(r.key, c) === 'string'))) {
    // Bulk loads: one array parameter per column (unnest), much cheaper than thousands of VALUES parameters.
    for (let i = 0; i < rows.length; i += 10 * BATCH) {
      const slice = rows.slice(i, i + 10 * BATCH);
      const arrays = [
        sql`${sql.param(slice.map((r) => r.day))}::date[]`,
        ...keys.map((c) => sql`${sql.param(slice.map((r) => valueOf(r.key, c) as string))}::${sql.raw(COLUMN_TYPES[c])}[]`),
        ...FLOW_MEASURES.map((m) => sql`${sql.param(slice.map((r) => r.measures[m] ?? 0))}::${sql.raw(m === 'resolutionSeconds' ? 'bigint' : 'int')}[]`),
      ];
      await executor.execute(
        sql`INSERT INTO ${sql.raw(table)} (${columns}) SELECT * FROM unnest(${sql.join(arrays, sql`, `)}) ON CONFLICT (${conflict}) DO UPDATE SET ${updates}`,
      );
    }
    return;
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map(
      (r) =>
        sql`(${r.day}::date, ${sql.join(
          keys.map((c) => asSql(valueOf(r.key, c), COLUMN_TYPES[c])),
          sql`, `,
        )}, ${sql.join(
          FLOW_MEASURES.map((m) => sql`${r.measures[m] ?? 0}`),
          sql`, `,
        )})`,
    );
    await executor.execute(sql`INSERT INTO ${sql.raw(table)} (${columns}) VALUES ${sql.join(values, sql`, `)} ON CONFLICT (${conflict}) DO UPDATE SET ${updates}`);
  }
}

/**
 * Adds balance changes of days before the current month to the checkpoints after them. Returns how many rows were
 * candidates (0 for live actions).
 */
async function adjustCheckpoints(executor: Executor, rows: RollupRow[], realToday: string): Promise<number> {
  const cutoff = monthStart(realToday);
  const past = rows
    .filter((r) => r.day < cutoff)
    .map((r) => ({ r, pending: pendingDeltaOf(r.measures), overdue: r.measures.overdueDelta ?? 0, waiting: r.measures.waitingDelta ?? 0 }))
    .filter((x) => x.pending !== 0 || x.overdue !== 0 || x.waiting !== 0);
  if (past.length === 0) return 0;
  await executor.execute(sql`SELECT pg_advisory_xact_lock_shared(${CHECKPOINT_LOCK_KEY})`);
  const first = past.reduce((min, x) => (x.r.day < min ? x.r.day : min), past[0]!.r.day);
  const [after] = await queryRows<{ n: number }>(executor, sql`SELECT count(*)::int AS n FROM dossier_stat_checkpoints WHERE as_of > ${first}::date`);
  if (!after || Number(after.n) === 0) return 0;
  for (let i = 0; i < past.length; i += BATCH) {
    const values = past
      .slice(i, i + BATCH)
      .map(
        ({ r, pending, overdue, waiting }) =>
          sql`(${r.day}::date, ${r.key.agencyId}::uuid, ${r.key.procedureId}::uuid, ${asSql(r.key.fieldId, 'uuid')}, ${r.key.level}, ${r.key.channel}, ${pending}::int, ${overdue}::int, ${waiting}::int)`,
      );
    await executor.execute(sql`
      INSERT INTO dossier_stat_balances (as_of, agency_id, procedure_id, field_id, level, channel, pending, overdue, waiting)
      SELECT c.as_of, v.agency_id, v.procedure_id, v.field_id, v.level, v.channel, sum(v.pending), sum(v.overdue), sum(v.waiting)
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(day, agency_id, procedure_id, field_id, level, channel, pending, overdue, waiting)
      JOIN dossier_stat_checkpoints c ON c.as_of > v.day
      GROUP BY c.as_of, v.agency_id, v.procedure_id, v.field_id, v.level, v.channel
      ORDER BY c.as_of, v.agency_id, v.procedure_id, v.field_id, v.level, v.channel
      ON CONFLICT (as_of, agency_id, procedure_id, field_id, level, channel) DO UPDATE SET
        pending = dossier_stat_balances.pending + excluded.pending,
        overdue = dossier_stat_balances.overdue + excluded.overdue,
        waiting = dossier_stat_balances.waiting + excluded.waiting`);
  }
  return past.length;
}

/** Adds the rows to the daily and monthly rollups and to the checkpoints they precede, in the caller's transaction. */
export async function addToRollups(executor: Executor, rows: RollupRow[], realNow: Date = new Date()): Promise<void> {
  const nonEmpty = rows.filter((r) => Object.values(r.measures).some((v) => v !== 0));
  if (nonEmpty.length === 0) return;
  for (const level of ROLLUP_LEVELS) await upsertFlows(executor, level, merge(nonEmpty, level));
  await adjustCheckpoints(executor, merge(nonEmpty, ROLLUP_LEVELS[0]!), toLocalDate(realNow));
}
