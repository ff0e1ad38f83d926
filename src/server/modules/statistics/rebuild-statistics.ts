/**
 * The rollups recomputed from the raw dossiers and their action logs, in one set-based SQL statement — written
 * independently of the incremental hook (stat-deltas.ts) so that comparing the two (`motcua stats verify`) catches
 * a missed hook, a bulk load that wrote rows the hook would not, or a rule changed on one side only.
 * `rebuildStatistics` replaces the rollups with the recomputation (after a repair or a large import).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { queryRows } from '../../db/client';
import { materializeCheckpoints, resetCheckpoints } from './checkpoints';
import { ROLLUP_LEVELS, type RollupLevel } from './rollup-writer';
import { FLOW_MEASURES, measureColumn } from './stat-deltas';

const TZ = sql.raw(`'Asia/Ho_Chi_Minh'`);
const localDay = (column: string) => sql.raw(`(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`);

/**
 * One row per (day, agency, procedure, field, level, channel) with the flow measures, from dossiers and
 * dossier_actions only. Mirrors stat-deltas.ts rule by rule (see its comment).
 */
export function recomputedDailySql(): SQL {
  const pivot = sql.raw(FLOW_MEASURES.map((m) => `coalesce(sum(x.n) FILTER (WHERE x.measure = '${m}'), 0)::${m === 'resolutionSeconds' ? 'bigint' : 'int'} AS ${measureColumn(m)}`).join(',\n      '));
  return sql`
    WITH d AS (
      SELECT dd.id, dd.competent_agency_id AS agency_id, dd.procedure_id, pv.field_id, dd.procedure->>'level' AS level,
        CASE
          WHEN dd.channel = 'online' THEN
            CASE WHEN dd.procedure->>'onlineScope' = 'full' OR (dd.procedure->>'onlineScope' IS NULL AND (dd.procedure->>'onlineLevel')::int >= 4)
              THEN 'online_full' ELSE 'online_partial' END
          WHEN dd.channel = 'post' THEN 'post'
          ELSE 'in_person'
        END AS channel,
        coalesce(dd.rules->>'statisticsAgainst', 'original') AS against
      FROM dossiers dd JOIN procedure_versions pv ON pv.id = dd.procedure_version_id
    ),
    e AS (
      SELECT a.dossier_id, a.seq, a.action, a.at, a.payload, ${localDay('a.at')} AS day,
        min(a.seq) FILTER (WHERE a.action IN ('receive', 'accept')) OVER w AS received_seq,
        min(a.at) FILTER (WHERE a.action IN ('receive', 'accept')) OVER w AS received_at
      FROM dossier_actions a
      WHERE a.action IN ('receive', 'accept', 'request_supplement', 'provide_supplement', 'apologise_extend', 'issue', 'refuse', 'stop', 'withdraw', 'close_no_supplement')
      WINDOW w AS (PARTITION BY a.dossier_id)
    ),
    -- Segments after receipt: each boundary opens a running segment (with its statistics due date), a waiting one,
    -- or nothing (the end); a segment lasts until the next boundary.
    seg AS (
      SELECT e.dossier_id, e.day,
        CASE WHEN e.action = 'request_supplement' THEN 'waiting'
             WHEN e.action IN ('receive', 'accept', 'provide_supplement', 'apologise_extend') THEN 'running'
             ELSE 'end' END AS kind,
        CASE WHEN e.action IN ('receive', 'accept', 'provide_supplement', 'apologise_extend') THEN
          ((CASE WHEN d.against = 'current' THEN e.payload->>'dueAt'
                 ELSE coalesce(e.payload->>'originalDueAt', e.payload->>'dueAt') END)::timestamptz AT TIME ZONE ${TZ})::date
        END AS due_day,
        lead(e.day) OVER (PARTITION BY e.dossier_id ORDER BY e.seq) AS end_day
      FROM e JOIN d ON d.id = e.dossier_id
      WHERE e.received_seq IS NOT NULL AND e.seq >= e.received_seq AND (e.action <> 'apologise_extend' OR d.against = 'current')
    ),
    x AS (
      SELECT dossier_id, day, 'received' AS measure, 1::bigint AS n FROM e WHERE seq = received_seq
      UNION ALL
      SELECT dossier_id, day,
        CASE
          WHEN received_seq IS NOT NULL AND seq > received_seq THEN
            CASE WHEN action IN ('issue', 'refuse') THEN
                   CASE coalesce(payload->>'outcome', 'on_time') WHEN 'early' THEN 'resolvedEarly' WHEN 'late' THEN 'resolvedLate' ELSE 'resolvedOnTime' END
                 WHEN action = 'close_no_supplement' THEN 'closed'
                 ELSE 'stopped' END
          WHEN action = 'refuse' THEN 'refusedUnreceived'
          WHEN action = 'close_no_supplement' THEN 'closedUnreceived'
          ELSE 'withdrawn'
        END, 1
      FROM e WHERE action IN ('issue', 'refuse', 'stop', 'withdraw', 'close_no_supplement')
      UNION ALL
      SELECT dossier_id, day, 'refused', 1 FROM e WHERE action = 'refuse' AND received_seq IS NOT NULL AND seq > received_seq
      UNION ALL
      SELECT dossier_id, day, 'resolutionSeconds', round(extract(epoch FROM (at - received_at)))::bigint
      FROM e WHERE action IN ('issue', 'refuse') AND received_seq IS NOT NULL AND seq > received_seq
      UNION ALL
      SELECT dossier_id, greatest(day, due_day + 1), 'overdueDelta', 1 FROM seg WHERE kind = 'running' AND due_day IS NOT NULL
      UNION ALL
      SELECT dossier_id, greatest(end_day, due_day + 1), 'overdueDelta', -1 FROM seg WHERE kind = 'running' AND due_day IS NOT NULL AND end_day IS NOT NULL
      UNION ALL
      SELECT dossier_id, day, 'waitingDelta', 1 FROM seg WHERE kind = 'waiting'
      UNION ALL
      SELECT dossier_id, end_day, 'waitingDelta', -1 FROM seg WHERE kind = 'waiting' AND end_day IS NOT NULL
    )
    SELECT x.day, d.agency_id, d.procedure_id, d.field_id, d.level, d.channel,
      ${pivot}
    FROM x JOIN d ON d.id = x.dossier_id
    GROUP BY x.day, d.agency_id, d.procedure_id, d.field_id, d.level, d.channel`;
}

const KEY = ['agency_id', 'procedure_id', 'field_id', 'level', 'channel'];
const MEASURES = FLOW_MEASURES.map(measureColumn);

export interface RollupDifference {
  table: RollupLevel['table'] | 'dossier_stat_balances';
  /** Day, month or checkpoint date. */
  at: string;
  agencyId: string;
  procedureId: string;
  channel: string;
  /** Measure → [stored, recomputed]. */
  measures: Record<string, [number, number]>;
}

export interface VerifyReport {
  dossiers: number;
  dailyRows: number;
  checkpoints: number;
  differences: number;
  /** The first differences (at most 50). */
  sample: RollupDifference[];
}

function differs(a: string, b: string, columns: string[]): SQL {
  return sql.raw(columns.map((c) => `coalesce(${a}.${c}, 0) <> coalesce(${b}.${c}, 0)`).join(' OR '));
}

function pairs(a: string, b: string, columns: string[]): SQL {
  return sql.raw(columns.map((c) => `coalesce(${a}.${c}, 0)::bigint AS "s_${c}", coalesce(${b}.${c}, 0)::bigint AS "r_${c}"`).join(', '));
}

function toDifference(table: RollupDifference['table'], row: Record<string, unknown>, columns: string[]): RollupDifference {
  const measures: Record<string, [number, number]> = {};
  for (const c of columns) {
    const s = Number(row[`s_${c}`]);
    const r = Number(row[`r_${c}`]);
    if (s !== r) measures[c] = [s, r];
  }
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return { table, at: text(row.at), agencyId: text(row.agency_id), procedureId: text(row.procedure_id), channel: text(row.channel), measures };
}

/**
 * Compares the stored rollups with a recomputation from the raw rows: daily rows with the action log, each monthly
 * level with the recomputed days, every checkpoint with the running sums before it. Runs in one REPEATABLE READ snapshot
 * (the hook writes in the dossiers' own transactions), so it needs no lock and sees a consistent state.
 */
export async function verifyStatistics(database: Database): Promise<VerifyReport> {
  return database.db.transaction(
    async (tx) => {
      await tx.execute(sql`CREATE TEMP TABLE stat_recomputed ON COMMIT DROP AS ${recomputedDailySql()}`);
      const using = sql.raw(KEY.join(', '));
      const daily = await queryRows<Record<string, unknown>>(
        tx,
        sql`SELECT coalesce(s.day, r.day)::text AS at, ${using}, ${pairs('s', 'r', MEASURES)}
            FROM dossier_daily_stats s FULL JOIN stat_recomputed r USING (day, ${using})
            WHERE ${differs('s', 'r', MEASURES)}
            ORDER BY 1 LIMIT 1000`,
      );
      const monthly: { table: RollupDifference['table']; rows: Record<string, unknown>[] }[] = [];
      for (const level of ROLLUP_LEVELS.filter((l) => l.bucket === 'month')) {
        const keys = sql.raw(level.keys.join(', '));
        monthly.push({
          table: level.table,
          rows: await queryRows<Record<string, unknown>>(
            tx,
            sql`WITH r AS (
                  SELECT date_trunc('month', day)::date AS month, ${keys}, ${sql.raw(MEASURES.map((c) => `sum(${c}) AS ${c}`).join(', '))}
                  FROM stat_recomputed GROUP BY 1, ${keys})
                SELECT coalesce(s.month, r.month)::text AS at, ${keys}, ${pairs('s', 'r', MEASURES)}
                FROM ${sql.raw(level.table)} s FULL JOIN r USING (month, ${keys})
                WHERE ${differs('s', 'r', MEASURES)}
                ORDER BY 1 LIMIT 1000`,
          ),
        });
      }
      const balanceColumns = ['pending', 'overdue', 'waiting'];
      const balances = await queryRows<Record<string, unknown>>(
        tx,
        sql`WITH r AS (
              SELECT c.as_of, ${sql.raw(KEY.map((k) => `x.${k}`).join(', '))},
                sum(x.received - x.resolved_early - x.resolved_on_time - x.resolved_late - x.stopped - x.closed) AS pending,
                sum(x.overdue_delta) AS overdue, sum(x.waiting_delta) AS waiting
              FROM dossier_stat_checkpoints c JOIN stat_recomputed x ON x.day < c.as_of
              GROUP BY c.as_of, ${sql.raw(KEY.map((k) => `x.${k}`).join(', '))})
            SELECT coalesce(s.as_of, r.as_of)::text AS at, ${using}, ${pairs('s', 'r', balanceColumns)}
            FROM dossier_stat_balances s FULL JOIN r USING (as_of, ${using})
            WHERE ${differs('s', 'r', balanceColumns)}
            ORDER BY 1 LIMIT 1000`,
      );
      const [counts] = await queryRows<{ dossiers: number; daily: number; checkpoints: number }>(
        tx,
        sql`SELECT (SELECT count(*) FROM dossiers)::int AS dossiers, (SELECT count(*) FROM dossier_daily_stats)::int AS daily,
              (SELECT count(*) FROM dossier_stat_checkpoints)::int AS checkpoints`,
      );
      const sample = [
        ...daily.map((r) => toDifference('dossier_daily_stats', r, MEASURES)),
        ...monthly.flatMap((m) => m.rows.map((r) => toDifference(m.table, r, MEASURES))),
        ...balances.map((r) => toDifference('dossier_stat_balances', r, balanceColumns)),
      ];
      return { dossiers: counts!.dossiers, dailyRows: counts!.daily, checkpoints: counts!.checkpoints, differences: sample.length, sample: sample.slice(0, 50) };
    },
    { isolationLevel: 'repeatable read' },
  );
}

/** Replaces the rollups with the recomputation and materialises the checkpoints again. Blocks dossier writes meanwhile. */
export async function rebuildStatistics(database: Database, options: { now?: Date } = {}): Promise<{ dailyRows: number; monthlyRows: number; checkpoints: number }> {
  const counts = await database.db.transaction(async (tx) => {
    // Writers (the hook) take ROW EXCLUSIVE on these tables: EXCLUSIVE waits for them and holds new ones back, and
    // the recomputation below reads after the lock, so no action is lost or counted twice.
    const tables = ROLLUP_LEVELS.map((l) => l.table);
    await tx.execute(sql.raw(`LOCK TABLE ${tables.join(', ')}, dossier_stat_balances IN EXCLUSIVE MODE`));
    for (const table of tables) await tx.execute(sql.raw(`DELETE FROM ${table}`));
    await resetCheckpoints(tx, null);
    const columns = sql.raw(['day', ...KEY, ...MEASURES].join(', '));
    await tx.execute(sql`INSERT INTO dossier_daily_stats (${columns}) SELECT ${columns} FROM (${recomputedDailySql()}) r`);
    await insertMonthlyFromDaily(tx);
    const [c] = await queryRows<{ daily: number; monthly: number }>(
      tx,
      sql`SELECT (SELECT count(*) FROM dossier_daily_stats)::int AS daily, (SELECT count(*) FROM dossier_monthly_stats)::int AS monthly`,
    );
    return c!;
  });
  const checkpoints = await materializeCheckpoints(database.db, options.now);
  return { dailyRows: counts.daily, monthlyRows: counts.monthly, checkpoints };
}

/** Every monthly level as sums of the daily rows (after a rebuild). */
export async function insertMonthlyFromDaily(executor: Executor): Promise<void> {
  for (const level of ROLLUP_LEVELS.filter((l) => l.bucket === 'month')) {
    const key = sql.raw(level.keys.join(', '));
    await executor.execute(sql`
      INSERT INTO ${sql.raw(level.table)} (month, ${key}, ${sql.raw(MEASURES.join(', '))})
      SELECT date_trunc('month', day)::date, ${key}, ${sql.raw(MEASURES.map((c) => `sum(${c})`).join(', '))}
      FROM dossier_daily_stats GROUP BY 1, ${key}`);
  }
}
