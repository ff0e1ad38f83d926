/**
 * Bench support: a PostgreSQL database holding the demo province and a simulated dossier history of a given size,
 * created on BENCH_DATABASE_URL (a server whose user may CREATE DATABASE) and kept between runs (`motcua_bench_<n>`),
 * since loading millions of dossiers takes minutes. BENCH_FRESH=1 rebuilds it. BENCH_SCALE (default 1) shrinks every
 * size for a quick run. BENCH_LOAD_PROCESSES (default: the number of cores) splits a load of 200,000 dossiers or more
 * over that many processes, months apart (generating the dossiers is CPU-bound in Node).
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, queryRows, type Database } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { seedDemo } from '../src/server/seed/seed-demo';
import { prepareLoad, simulateDossiers, splitByMonths, type SimulateOptions, type SimulateResult } from '../src/server/modules/simulation/simulate-dossiers';
import { workingDaysBetween } from '../src/server/modules/simulation/seed-simulated-history';

export const SIMULATION = { from: '2021-01-01', to: '2025-12-31', horizon: new Date('2026-02-28T00:00:00Z'), seed: 766 } as const;

export function benchScale(): number {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error('BENCH_SCALE must be a positive number');
  return scale;
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`;
}

export function benchUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface SimulatedDatabase {
  database: Database;
  url: string;
  dossiers: number;
  /** Seconds spent loading (0 when reused). */
  loadSeconds: number;
}

export interface SimulatedDatabaseOptions {
  poolSize?: number;
  /** Dossier rows and rollups only (see `SimulateOptions.dossiersOnly`): enough for the statistics bench. */
  dossiersOnly?: boolean;
}

/**
 * A loaded bench database (its marker row written) holding at least `target` dossiers, or undefined. One loaded
 * with dossiers only serves only a request for dossiers only.
 */
async function findLoaded(adminUrl: string, target: number, poolSize: number, dossiersOnly: boolean): Promise<SimulatedDatabase | undefined> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let names: string[];
  try {
    names = (await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'motcua_bench_%'`)).rows.map((r) => r.datname);
  } finally {
    await admin.end();
  }
  const sizes = names.map((n) => ({ name: n, size: Number(n.slice('motcua_bench_'.length).replace(/_d$/, '')) })).filter((n) => n.size >= target * 0.98).sort((a, b) => a.size - b.size);
  for (const { name } of sizes) {
    const url = withDatabaseName(adminUrl, name);
    const database = await openDatabase({ databaseUrl: url, poolSize });
    const [loaded] = await queryRows<{ n: number; partial: number }>(
      database.db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE summary->>'dossiersOnly' = 'true')::int AS partial
          FROM audit_log WHERE action = 'statistics.history_simulated' AND subject_id LIKE 'bench:%'`,
    ).catch(() => [{ n: 0, partial: 0 }]);
    if (loaded && Number(loaded.n) > 0 && (dossiersOnly || Number(loaded.partial) === 0)) {
      await migrate(database);
      // What autovacuum does on a live system after a bulk write (a new migration's backfill): visibility maps set,
      // so index-only scans skip the heap.
      await database.db.execute(sql`VACUUM (ANALYZE)`);
      const [count] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM dossiers`);
      console.log(`Reusing ${name}: ${Number(count!.n).toLocaleString('en')} dossiers (BENCH_FRESH=1 to rebuild).`);
      return { database, url, dossiers: Number(count!.n), loadSeconds: 0 };
    }
    await database.close();
  }
  return undefined;
}

/** Opens a loaded database with at least about `target` simulated dossiers, creating and loading one when needed. */
export async function simulatedDatabase(target: number, options: SimulatedDatabaseOptions = {}): Promise<SimulatedDatabase> {
  const poolSize = options.poolSize ?? 20;
  const dossiersOnly = options.dossiersOnly ?? false;
  const adminUrl = benchUrl();
  if (!adminUrl) throw new Error('BENCH_DATABASE_URL is not set: these benches need a PostgreSQL server');
  if (process.env.BENCH_FRESH !== '1') {
    const found = await findLoaded(adminUrl, target, poolSize, dossiersOnly);
    if (found) return found;
  }
  const name = `motcua_bench_${Math.round(target)}${dossiersOnly ? '_d' : ''}`;
  const url = withDatabaseName(adminUrl, name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: url, poolSize });
  await migrate(database);
  await seedDemo(database);
  const workingDays = await workingDaysBetween(database.db, SIMULATION.from, SIMULATION.to);
  const perDay = target / workingDays;
  console.log(`Loading ${name}${dossiersOnly ? ' (dossier rows and rollups only)' : ''}: about ${Math.round(target).toLocaleString('en')} dossiers (${perDay.toFixed(0)} per working day, ${SIMULATION.from} → ${SIMULATION.to})...`);
  const base: SimulateOptions = { from: SIMULATION.from, to: SIMULATION.to, perDay, seed: SIMULATION.seed, horizon: SIMULATION.horizon, chunkSize: 5_000, dossiersOnly };
  const processes = Number(process.env.BENCH_LOAD_PROCESSES ?? os.cpus().length);
  const result =
    processes > 1 && target >= 200_000
      ? await splitLoad(database, url, base, processes)
      : await simulateDossiers(database, {
          ...base,
          deferIndexes: true,
          onProgress: (p) => {
            if (p.dossiers % 100_000 < 5_000) console.log(`  ${p.day}: ${p.dossiers.toLocaleString('en')} dossiers, ${p.actions.toLocaleString('en')} actions, ${p.seconds.toFixed(0)} s`);
          },
        });
  await database.db.execute(sql`VACUUM (ANALYZE)`);
  await database.db.execute(
    sql`INSERT INTO audit_log (actor_kind, action, subject_type, subject_id, summary) VALUES ('system', 'statistics.history_simulated', 'bench', ${`bench:${name}`}, ${JSON.stringify({ ...result, dossiersOnly })}::jsonb)`,
  );
  console.log(
    `Loaded ${result.dossiers.toLocaleString('en')} dossiers (${result.actions.toLocaleString('en')} actions, ${result.rows.toLocaleString('en')} rows) in ${result.seconds.toFixed(0)} s: ` +
      `${Math.round(result.dossiers / result.seconds).toLocaleString('en')} dossiers/s (writing ${result.writeSeconds.toFixed(0)} s).`,
  );
  return { database, url, dossiers: result.dossiers, loadSeconds: result.seconds };
}

/** The load in `processes` child processes (bench/load-part.ts), each writing its own months. */
async function splitLoad(database: Database, url: string, base: SimulateOptions, processes: number): Promise<SimulateResult> {
  const started = Date.now();
  const finish = await prepareLoad(database.db, base.from, true);
  const ranges = splitByMonths(base.from, base.to, processes);
  console.log(`  in ${ranges.length} processes: ${ranges.map((r) => `${r.from} → ${r.to}`).join(', ')}`);
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-part.ts');
  const parts = await Promise.all(
    ranges.map(
      (range) =>
        new Promise<SimulateResult>((resolve, reject) => {
          const args = { url, from: base.from, to: base.to, emitFrom: range.from, emitTo: range.to, perDay: base.perDay, seed: base.seed, horizon: base.horizon!.toISOString(), dossiersOnly: base.dossiersOnly ?? false };
          const child = fork(script, [JSON.stringify(args)], { execArgv: ['--import', 'tsx', '--max-semi-space-size=64'] });
          let result: SimulateResult | undefined;
          child.on('message', (m) => (result = m as SimulateResult));
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`load part ${range.from} → ${range.to} exited with ${code}`))));
        }),
    ),
  );
  const indexStarted = Date.now();
  const checkpoints = await finish();
  console.log(`  indexes, queue index and checkpoints built in ${((Date.now() - indexStarted) / 1000).toFixed(0)} s`);
  const sum = (f: (r: SimulateResult) => number) => parts.reduce((s, r) => s + f(r), 0);
  const byChannel: Record<string, number> = {};
  for (const r of parts) for (const [k, v] of Object.entries(r.byChannel)) byChannel[k] = (byChannel[k] ?? 0) + v;
  return {
    from: base.from,
    to: base.to,
    day: base.to,
    dossiers: sum((r) => r.dossiers),
    actions: sum((r) => r.actions),
    rows: sum((r) => r.rows),
    writeSeconds: sum((r) => r.writeSeconds),
    checkpoints,
    complete: parts.every((r) => r.complete),
    byChannel,
    seconds: (Date.now() - started) / 1000,
  };
}

/** p-th percentile (0–100) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
