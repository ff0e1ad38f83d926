/**
 * Load generation for the HTTP benches.
 * - `load`: closed loop, `concurrency` clients each sending its next request when the last one answered: the most
 *   the server gives (throughput at saturation; latencies there are mostly queueing).
 * - `loadAtRate`: open loop, requests started on a fixed schedule whatever the answers, latency counted from the
 *   scheduled start (no coordinated omission): latency at a given traffic.
 * Both report the CPU the server process(es) and PostgreSQL spent per request, where this machine lets us read it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { percentile, ms } from './simulated-database';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<number, number>;
  /** Server process CPU per request (ms), when measured. */
  appCpuMs?: number;
  /** PostgreSQL CPU per request (ms), when /proc shows its processes. */
  dbCpuMs?: number;
}

type Request = (i: number) => Promise<Response>;
type Ok = (status: number) => boolean;
const defaultOk: Ok = (s) => s < 400;

/** CPU meters read before and after a load. */
export interface CpuMeters {
  app?: () => Promise<number>;
  db?: () => number | undefined;
}

/** CPU time (ms) of the `postgres` processes this user may read in /proc, ended ones included; undefined when none is visible. */
export function postgresCpuMs(): number | undefined {
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  let total = 0;
  let seen = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      // utime, stime, and cutime, cstime (fields 14 to 17 of stat): the postmaster's children that ended (a pool
      // closing idle connections) keep counting there.
      total += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      seen++;
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return seen > 0 ? total / ticksPerMs : undefined;
}

async function metered(meters: CpuMeters, run: () => Promise<Omit<LoadResult, 'appCpuMs' | 'dbCpuMs'>>): Promise<LoadResult> {
  const app0 = await meters.app?.();
  const db0 = meters.db?.();
  const result = await run();
  const app1 = await meters.app?.();
  const db1 = meters.db?.();
  return {
    ...result,
    ...(app0 !== undefined && app1 !== undefined && result.requests > 0 ? { appCpuMs: (app1 - app0) / result.requests } : {}),
    ...(db0 !== undefined && db1 !== undefined && result.requests > 0 ? { dbCpuMs: (db1 - db0) / result.requests } : {}),
  };
}

function summary(latencies: number[], statuses: Record<number, number>, errors: number, seconds: number) {
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, seconds, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), statuses };
}

async function send(request: Request, i: number, ok: Ok, statuses: Record<number, number>): Promise<boolean> {
  try {
    const res = await request(i);
    await res.arrayBuffer();
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    return ok(res.status);
  } catch {
    return false;
  }
}

/** Closed loop: `concurrency` clients for `seconds`. */
export function load(seconds: number, concurrency: number, request: Request, ok: Ok = defaultOk, meters: CpuMeters = {}): Promise<LoadResult> {
  return metered(meters, async () => {
    const latencies: number[] = [];
    const statuses: Record<number, number> = {};
    let errors = 0;
    let n = 0;
    const started = performance.now();
    const end = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) {
          const i = n++;
          const t = performance.now();
          if (!(await send(request, i, ok, statuses))) errors++;
          latencies.push(performance.now() - t);
        }
      }),
    );
    return summary(latencies, statuses, errors, (performance.now() - started) / 1000);
  });
}

/** Open loop: `rate` requests per second for `seconds`, each timed from its scheduled start. */
export function loadAtRate(seconds: number, rate: number, request: Request, ok: Ok = defaultOk, meters: CpuMeters = {}): Promise<LoadResult> {
  return metered(meters, async () => {
    const latencies: number[] = [];
    const statuses: Record<number, number> = {};
    const inflight: Promise<void>[] = [];
    let errors = 0;
    const total = Math.max(1, Math.round(seconds * rate));
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      inflight.push(
        send(request, i, ok, statuses).then((good) => {
          if (!good) errors++;
          latencies.push(performance.now() - due);
        }),
      );
    }
    await Promise.all(inflight);
    return summary(latencies, statuses, errors, (performance.now() - started) / 1000);
  });
}

export const formatLoad = (label: string, r: LoadResult) =>
  `  ${label.padEnd(38)} ${r.perSecond.toFixed(0).padStart(6)} req/s   p50 ${ms(r.p50).padStart(9)}   p95 ${ms(r.p95).padStart(9)}   p99 ${ms(r.p99).padStart(9)}` +
  `${r.appCpuMs !== undefined ? `   app CPU ${ms(r.appCpuMs)}/req` : ''}${r.dbCpuMs !== undefined ? `   PostgreSQL CPU ${ms(r.dbCpuMs)}/req` : ''}` +
  `   (${r.requests} requests, ${r.errors} errors, statuses ${JSON.stringify(r.statuses)})`;
