/**
 * Statistics at scale on PostgreSQL with 10,000,000 simulated dossiers (× BENCH_SCALE): the half-year statistic by
 * agency and the province dashboard read from the rollups (goal ≤ 200 ms each), next to the same figures computed
 * by plain GROUP BY queries over the raw dossiers in the same run, plus the rollups' storage size. The two sides'
 * received and resolved counts are compared (they must be equal; pending may differ where a dossier was supplemented
 * or extended after the period, which only the rollups — built from the action log — take into account).
 * BENCH_DATABASE_URL: a PostgreSQL server (see bench/simulated-database.ts). BENCH_REPEATS: timed runs (7).
 */
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { addCalendarDays, fromLocal } from '../src/shared/calendar';
import { permissionsOf, Role } from '../src/shared/permissions';
import { resolvePeriod } from '../src/shared/periods';
import type { Actor } from '../src/server/auth/actor';
import { queryRows, type Database } from '../src/server/db/client';
import { agencies } from '../src/server/db/schema';
import { getDashboard } from '../src/server/modules/statistics/dashboard';
import { getDossierStatistics } from '../src/server/modules/statistics/dossier-statistics';
import { benchScale, benchUrl, machine, ms, percentile, simulatedDatabase } from './simulated-database';

const PERIOD = { preset: 'half_year' as const, year: 2024, half: 1 };

async function timed<T>(repeats: number, fn: () => Promise<T>): Promise<{ value: T; p50: number; min: number; max: number }> {
  let value = await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    value = await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { value, p50: percentile(times, 50), min: times[0]!, max: times[times.length - 1]! };
}

/** The by-agency figures as a plain GROUP BY over the dossiers table (current projection). */
function rawByAgency(database: Database, from: string, to: string) {
  const start = fromLocal(from).toISOString();
  const end = fromLocal(addCalendarDays(to, 1)).toISOString();
  return queryRows<Record<string, number | string>>(
    database.db,
    sql`SELECT competent_agency_id AS agency,
          count(*) FILTER (WHERE received_at < ${start}::timestamptz)::int AS carried,
          count(*) FILTER (WHERE received_at >= ${start}::timestamptz AND received_at < ${end}::timestamptz)::int AS received,
          count(*) FILTER (WHERE received_at >= ${start}::timestamptz AND received_at < ${end}::timestamptz AND channel = 'online')::int AS online,
          count(*) FILTER (WHERE finished_at >= ${start}::timestamptz AND finished_at < ${end}::timestamptz AND outcome IS NOT NULL AND received_at IS NOT NULL)::int AS resolved,
          count(*) FILTER (WHERE finished_at >= ${start}::timestamptz AND finished_at < ${end}::timestamptz AND outcome IN ('early', 'on_time') AND received_at IS NOT NULL)::int AS on_time,
          count(*) FILTER (WHERE received_at < ${end}::timestamptz AND (finished_at IS NULL OR finished_at >= ${end}::timestamptz))::int AS pending,
          count(*) FILTER (WHERE received_at < ${end}::timestamptz AND (finished_at IS NULL OR finished_at >= ${end}::timestamptz) AND status <> 'waiting_for_supplement'
                             AND (coalesce(original_due_at, due_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < ${to}::date)::int AS overdue
        FROM dossiers
        WHERE received_at < ${end}::timestamptz AND (finished_at IS NULL OR finished_at >= ${start}::timestamptz)
        GROUP BY competent_agency_id`,
  );
}

/** The dashboard's four tables as plain GROUP BY queries over the dossiers table. */
async function rawDashboard(database: Database, from: string, to: string) {
  const trendStart = fromLocal(`${Number(to.slice(0, 4)) - 1}-${to.slice(5, 7)}-01`).toISOString();
  const start = fromLocal(from).toISOString();
  const end = fromLocal(addCalendarDays(to, 1)).toISOString();
  const day = (c: string) => sql.raw(`date_trunc('month', ${c} AT TIME ZONE 'Asia/Ho_Chi_Minh')`);
  const trend = await queryRows(
    database.db,
    sql`SELECT m, sum(received)::int AS received, sum(resolved)::int AS resolved, sum(on_time)::int AS on_time FROM (
          SELECT ${day('received_at')} AS m, 1 AS received, 0 AS resolved, 0 AS on_time FROM dossiers WHERE received_at >= ${trendStart}::timestamptz AND received_at < ${end}::timestamptz
          UNION ALL
          SELECT ${day('finished_at')}, 0, 1, (outcome IN ('early', 'on_time'))::int FROM dossiers
          WHERE finished_at >= ${trendStart}::timestamptz AND finished_at < ${end}::timestamptz AND outcome IS NOT NULL AND received_at IS NOT NULL) x GROUP BY m ORDER BY m`,
  );
  const overdue = await queryRows(
    database.db,
    sql`SELECT competent_agency_id, count(*)::int AS pending,
          count(*) FILTER (WHERE (coalesce(original_due_at, due_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < ${to}::date AND status <> 'waiting_for_supplement')::int AS overdue
        FROM dossiers WHERE received_at < ${end}::timestamptz AND (finished_at IS NULL OR finished_at >= ${end}::timestamptz)
        GROUP BY competent_agency_id ORDER BY overdue DESC LIMIT 20`,
  );
  const channels = await queryRows(database.db, sql`SELECT channel, count(*)::int FROM dossiers WHERE received_at >= ${start}::timestamptz AND received_at < ${end}::timestamptz GROUP BY channel`);
  const late = await queryRows(
    database.db,
    sql`SELECT procedure_id, count(*)::int AS resolved, count(*) FILTER (WHERE outcome = 'late')::int AS late FROM dossiers
        WHERE finished_at >= ${start}::timestamptz AND finished_at < ${end}::timestamptz AND outcome IS NOT NULL AND received_at IS NOT NULL
        GROUP BY procedure_id ORDER BY late DESC LIMIT 10`,
  );
  return { trend, overdue, channels, late };
}

async function sizeOf(database: Database, tables: string[]): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT sum(pg_total_relation_size(c.oid))::bigint AS n FROM pg_class c WHERE c.relname IN (${sql.join(tables.map((t) => sql`${t}`), sql`, `)})`);
  return Number(row?.n ?? 0);
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

export default async function statisticsBench(): Promise<void> {
  if (!benchUrl()) {
    console.log('Skipped: set BENCH_DATABASE_URL to a PostgreSQL server (this bench needs 10,000,000 dossiers × BENCH_SCALE).');
    return;
  }
  const scale = benchScale();
  const repeats = Number(process.env.BENCH_REPEATS ?? 7);
  console.log(`Machine: ${machine()}`);
  const { database, dossiers } = await simulatedDatabase(10_000_000 * scale, { dossiersOnly: true });
  try {
    const [root] = await database.db.select().from(agencies).where(eq(agencies.key, 'UBND_TINH'));
    const actor: Actor = {
      kind: 'user',
      userId: '00000000-0000-4000-8000-000000000000',
      userKind: 'staff',
      fullName: 'Đo kiểm',
      roles: [Role.AGENCY_LEADER],
      permissions: permissionsOf([Role.AGENCY_LEADER]),
      agencyId: root!.id,
      agencyPath: root!.path,
      departmentId: null,
      ip: null,
      requestId: null,
    };
    const period = resolvePeriod(PERIOD);
    const [counts] = await queryRows<{ actions: number; daily: number; monthly: number; coarse: number; balances: number }>(
      database.db,
      sql`SELECT (SELECT count(*) FROM dossier_actions)::int AS actions, (SELECT count(*) FROM dossier_daily_stats)::int AS daily,
            (SELECT count(*) FROM dossier_monthly_stats)::int AS monthly, (SELECT count(*) FROM dossier_stat_balances)::int AS balances,
            (SELECT count(*) FROM dossier_agency_monthly_stats)::int AS coarse`,
    );
    console.log(`Database: ${dossiers.toLocaleString('en')} dossiers, ${counts!.actions === 0 ? 'loaded as dossier rows and rollups only (no action log, which these figures do not read)' : `${counts!.actions.toLocaleString('en')} actions`} (BENCH_SCALE=${scale}); period ${period.label}; ${repeats} timed runs after a warm-up.`);

    const snapshot = <T>(fn: (tx: Database['db']) => Promise<T>) => database.db.transaction((tx) => fn(tx as never), { isolationLevel: 'repeatable read' });
    const byAgency = await timed(repeats, () => snapshot((tx) => getDossierStatistics(tx, actor, { ...PERIOD, groupBy: 'agency' })));
    const rawAgency = await timed(repeats, () => rawByAgency(database, period.from, period.to));
    const dashboard = await timed(repeats, () => snapshot((tx) => getDashboard(tx, actor, PERIOD)));
    const rawDash = await timed(repeats, () => rawDashboard(database, period.from, period.to));

    const row = (label: string, t: { p50: number; min: number; max: number }) => `  ${label.padEnd(48)} p50 ${ms(t.p50).padStart(10)}   min ${ms(t.min).padStart(10)}   max ${ms(t.max).padStart(10)}`;
    console.log('\nHalf-year statistic by agency (received by channel and carried over, resolved by outcome, pending at the end):');
    console.log(row('rollups (GET /api/statistics/dossiers)', byAgency));
    console.log(row('plain GROUP BY over the raw dossiers', rawAgency));
    console.log(`  ratio: the rollups answer ${(rawAgency.p50 / byAgency.p50).toFixed(1)}× faster (goal ≤ 200 ms)`);
    console.log('\nProvince dashboard (12-month trend, overdue by agency, channels, late procedures):');
    console.log(row('rollups (GET /api/statistics/dashboard)', dashboard));
    console.log(row('plain GROUP BY over the raw dossiers', rawDash));
    console.log(`  ratio: the rollups answer ${(rawDash.p50 / dashboard.p50).toFixed(1)}× faster (goal ≤ 200 ms)`);

    // Same figures on both sides?
    const raw = new Map(rawAgency.value.map((r) => [String(r.agency), r]));
    let receivedEqual = 0;
    let resolvedEqual = 0;
    let pendingEqual = 0;
    for (const r of byAgency.value.rows) {
      const x = raw.get(r.key);
      if (Number(x?.received ?? 0) === r.figures.received.newTotal) receivedEqual++;
      if (Number(x?.resolved ?? 0) === r.figures.resolved.total && Number(x?.on_time ?? 0) === r.figures.resolved.early + r.figures.resolved.onTime) resolvedEqual++;
      if (Number(x?.pending ?? 0) === r.figures.pending.total) pendingEqual++;
    }
    const n = byAgency.value.rows.length;
    console.log(`\nAgreement over ${n} agencies: received ${receivedEqual}/${n}, resolved and on time ${resolvedEqual}/${n}, pending at the end ${pendingEqual}/${n}.`);
    console.log(`Province, ${period.label}: received ${byAgency.value.total.received.newTotal.toLocaleString('en')}, resolved ${byAgency.value.total.resolved.total.toLocaleString('en')}, on time ${byAgency.value.total.resolved.onTimeRate} %.`);

    const rollup = await sizeOf(database, ['dossier_daily_stats', 'dossier_monthly_stats', 'dossier_agency_monthly_stats', 'dossier_stat_balances', 'dossier_stat_checkpoints']);
    const raws = await sizeOf(database, ['dossiers', 'dossier_actions']);
    console.log(
      `\nRollup storage: ${mib(rollup)} (daily ${counts!.daily.toLocaleString('en')} rows, monthly ${counts!.monthly.toLocaleString('en')}, coarse monthly ${counts!.coarse.toLocaleString('en')}, checkpoint balances ${counts!.balances.toLocaleString('en')}), ` +
        `${((rollup / raws) * 100).toFixed(1)} % of dossiers + actions (${mib(raws)}).`,
    );
  } finally {
    await database.close();
  }
}
