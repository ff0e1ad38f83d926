/**
 * The demo's dossier history: the first half of 2021 of the seed's province, planned so that its figures are the
 * seed's exactly (89,672 dossiers received from 1 January to 18 June 2021; 71,744 of the 73,906 resolved on time).
 * The demo loads it a month at a time in the background after the first start (several minutes on PGlite, in short
 * transactions so the server keeps answering); `motcua seed simulate --scale 0.1` loads a tenth (the seed's figures
 * divided by ten) where a lighter database is wanted.
 */
import { and, eq } from 'drizzle-orm';
import { addCalendarDays } from '../../../shared/calendar';
import { AuditAction } from '../../../shared/audit-actions';
import type { Executor } from '../../db/client';
import { auditLog, jobs } from '../../db/schema';
import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { enqueueJob } from '../../jobs/enqueue-job';
import type { DemoSeeder } from '../../seed/seed-demo';
import { loadWorkCalendar } from '../calendar/calendar.queries';
import { simulateDossiers, type SimulateResult } from './simulate-dossiers';
import type { HistoryTargets } from './plan-history';

/**
 * The seed's report: from 1 January to 18 June 2021, 89,672 dossiers received; 71,744 of the 73,906 resolved were
 * resolved on time (97 %); the rest still within their deadline.
 */
export const SEED_HISTORY = { from: '2021-01-01', to: '2021-06-18', received: 89_672, resolved: 73_906, resolvedOnTime: 71_744 } as const;
/** The first pass draws this many more dossiers than the target, so the plan has some to drop (plan-history.ts). */
const SURPLUS = 1.04;

/** The seed's figures at a scale (1: the seed's own), as the targets of a planned history. */
export function seedTargets(scale: number): HistoryTargets {
  return {
    periodEnd: SEED_HISTORY.to,
    received: Math.round(SEED_HISTORY.received * scale),
    resolved: Math.round(SEED_HISTORY.resolved * scale),
    resolvedOnTime: Math.round(SEED_HISTORY.resolvedOnTime * scale),
  };
}
export const DEMO_HISTORY_SEED = 20_210_618;
/** Job kind of a month of the demo history (simulation.jobs.ts). */
export const DEMO_HISTORY_JOB = 'simulation.demo_history';

/** Working days of the province's calendar in [from, to]. */
export async function workingDaysBetween(executor: Executor, from: string, to: string): Promise<number> {
  const calendar = await loadWorkCalendar(executor, null);
  let n = 0;
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
  return n;
}

/** New dossiers per working day at the seed's rate (about 790), times `scale`. */
export async function seedRatePerDay(executor: Executor, scale: number): Promise<number> {
  return (SEED_HISTORY.received / (await workingDaysBetween(executor, SEED_HISTORY.from, SEED_HISTORY.to))) * scale;
}

/** The seed's history at a scale, reproducing its figures (at that scale) exactly. */
export async function loadSeedHistory(executor: Executor, scale: number, options: { sampleFileId?: string | null; onProgress?: Parameters<typeof simulateDossiers>[1]['onProgress'] } = {}): Promise<SimulateResult> {
  return simulateDossiers({ db: executor }, { ...(await seedHistoryOptions(executor, scale)), ...options });
}

/** Options of the seed's planned history at a scale. */
export async function seedHistoryOptions(executor: Executor, scale: number) {
  return {
    from: SEED_HISTORY.from,
    to: SEED_HISTORY.to,
    perDay: (await seedRatePerDay(executor, scale)) * SURPLUS,
    seed: DEMO_HISTORY_SEED,
    targets: seedTargets(scale),
  };
}

/** The month slices of the demo history, in order ('YYYY-MM'). */
export function demoHistoryMonths(): string[] {
  const months: string[] = [];
  for (let m = SEED_HISTORY.from.slice(0, 7); `${m}-01` <= SEED_HISTORY.to; ) {
    months.push(m);
    const [y, n] = m.split('-').map(Number) as [number, number];
    m = n === 12 ? `${y + 1}-01` : `${y}-${String(n + 1).padStart(2, '0')}`;
  }
  return months;
}

/**
 * Loads one month of the demo history in the background: short transactions (the embedded database answers other
 * requests in between), resumable (a job cut short starts again where it stopped: same dossier ids and codes, the
 * chunks already written are skipped); null when the month was loaded before.
 */
export async function loadDemoHistoryMonth(executor: Executor, month: string, scale: number, maxDossiers?: number): Promise<SimulateResult | null> {
  const from = `${month}-01` < SEED_HISTORY.from ? SEED_HISTORY.from : `${month}-01`;
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const to = last > SEED_HISTORY.to ? SEED_HISTORY.to : last;
  const [done] = await executor
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.action, AuditAction.STATISTICS_HISTORY_SIMULATED), eq(auditLog.subjectId, `${from}..${to}`)))
    .limit(1);
  if (done) return null;
  return simulateDossiers({ db: executor }, { ...(await seedHistoryOptions(executor, scale)), emitFrom: from, emitTo: to, resumable: true, chunkSize: 250, maxDossiers });
}

/**
 * The demo seeder does not load the history itself (about half a minute on PGlite even as a sample): it queues the
 * first month for the job runner, which loads the months one after another in the background once the server runs.
 */
/** One month of the demo's dossier history; queues the next month when done. */
/** Dossiers one run of the job writes (then it queues the rest of the month): scheduled jobs are not held up long. */
const DOSSIERS_PER_RUN = 3_000;

/** A share of one month of the demo's dossier history; queues the rest of the month, then the next month. */
export const demoHistoryJob = defineJob({
  kind: DEMO_HISTORY_JOB,
  version: 2,
  payload: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), part: z.number().int().min(0).default(0) }),
  upgrade: (payload) => ({ part: 0, ...(payload as object) }),
  maxAttempts: 10,
  async handler(ctx, payload) {
    const result = await loadDemoHistoryMonth(ctx.database.db, payload.month, ctx.config.demoHistoryScale, DOSSIERS_PER_RUN);
    if (result) ctx.log.info({ month: payload.month, part: payload.part, dossiers: result.dossiers, complete: result.complete, seconds: result.seconds }, 'demo dossier history loaded');
    const months = demoHistoryMonths();
    const next = result && !result.complete ? { month: payload.month, part: payload.part + 1 } : { month: months[months.indexOf(payload.month) + 1], part: 0 };
    if (next.month) await ctx.database.db.transaction((tx) => enqueueJob(tx, demoHistoryJob, { month: next.month!, part: next.part }, { uniqueKey: `${DEMO_HISTORY_JOB}:${next.month}:${next.part}` }));
  },
});

export const historySeeder: DemoSeeder = {
  name: 'history',
  async run(tx) {
    const [queued] = await tx.select({ id: jobs.id }).from(jobs).where(eq(jobs.kind, DEMO_HISTORY_JOB)).limit(1);
    const [done] = await tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, AuditAction.STATISTICS_HISTORY_SIMULATED)).limit(1);
    if (queued || done) return 0;
    const id = await enqueueJob(tx, demoHistoryJob, { month: demoHistoryMonths()[0]! }, { uniqueKey: `${DEMO_HISTORY_JOB}:first` });
    return id === null ? 0 : 1;
  },
};
