/**
 * The job runner: claims due jobs with `FOR UPDATE SKIP LOCKED` in small batches, so any number of instances on
 * one PostgreSQL share the work and no job runs twice at once. A claimed job carries a lease (`locked_until`)
 * that the runner extends while the handler works; a lease that expires (the instance died) is reclaimed.
 * Failures retry with exponential backoff up to max_attempts. Scheduled jobs are `job_schedules` rows: the
 * instance that claims a due row enqueues one run and advances `next_run_at`, so each tick enqueues once.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '../db/client';
import type { AppConfig } from '../env';
import { findJobDefinition, getJobDefinition, registeredJobs, type JobContext } from './define-job';
import { enqueueJob } from './enqueue-job';

/** Throw from a handler when retrying cannot help (bad data): the job is marked failed at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface ScheduleDefinition {
  /** Stable name, the primary key of job_schedules. */
  name: string;
  kind: string;
  intervalSeconds: number;
}

type Logger = JobContext['log'];

export interface JobRunnerOptions {
  database: Database;
  config: AppConfig;
  log?: Logger;
  instanceId?: string;
  /** Pause between polls when there was nothing (or less than a batch) to do. */
  pollIntervalMs?: number;
  batchSize?: number;
  leaseSeconds?: number;
  /** Delay before the first retry; doubled for each further attempt, capped at backoffMaxSeconds. */
  backoffBaseSeconds?: number;
  backoffMaxSeconds?: number;
  schedules?: ScheduleDefinition[];
}

export interface JobRunner {
  readonly instanceId: string;
  /** Registers the schedules and starts polling. */
  start(): Promise<void>;
  /** Stops polling and waits for the jobs in flight to finish. */
  stop(): Promise<void>;
  /** One poll: reclaim expired leases, tick schedules, claim and run one batch. Returns the jobs handled. */
  runOnce(): Promise<number>;
  /** Polls until no due job is left. Returns the jobs handled. */
  drain(): Promise<number>;
  /** Enqueues the runs of due schedules; returns the names of the schedules that ticked. */
  tickSchedules(): Promise<string[]>;
  ensureSchedules(): Promise<void>;
}

interface ClaimedJob {
  id: number;
  kind: string;
  payload: unknown;
  payload_version: number;
  attempts: number;
  max_attempts: number;
}

const noopLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

export function retryDelaySeconds(attempt: number, baseSeconds: number, maxSeconds: number): number {
  return Math.min(baseSeconds * 2 ** Math.max(0, attempt - 1), maxSeconds);
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
  return text.slice(0, 2000);
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { database, config } = options;
  const log = options.log ?? noopLog;
  const instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const batchSize = options.batchSize ?? 5;
  const leaseSeconds = options.leaseSeconds ?? 300;
  const backoffBase = options.backoffBaseSeconds ?? 15;
  const backoffMax = options.backoffMaxSeconds ?? 3600;
  const schedules = options.schedules ?? [];
  const db = database.db;

  let stopping = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  /** Only kinds (and payload versions) this instance knows, so a newer instance's jobs wait for it in a rolling deploy. */
  function knownKinds(): SQL | undefined {
    const definitions = registeredJobs();
    if (definitions.length === 0) return undefined;
    return sql.join(
      definitions.map((d) => sql`(kind = ${d.kind} AND payload_version <= ${d.version})`),
      sql` OR `,
    );
  }

  async function reclaimExpiredLeases(): Promise<void> {
    await db.execute(sql`
      UPDATE jobs
         SET status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
             finished_at = CASE WHEN attempts >= max_attempts THEN now() ELSE NULL END,
             run_at = now(), locked_by = NULL, locked_until = NULL,
             last_error = 'Lease expired: the instance running this job stopped before finishing it'
       WHERE status = 'running' AND locked_until < now()`);
  }

  async function claim(): Promise<ClaimedJob[]> {
    const kinds = knownKinds();
    if (!kinds) return [];
    return queryRows<ClaimedJob>(
      db,
      sql`UPDATE jobs
             SET status = 'running', locked_by = ${instanceId}, attempts = attempts + 1,
                 locked_until = now() + make_interval(secs => ${leaseSeconds}::double precision)
           WHERE id IN (SELECT id FROM jobs
                         WHERE status = 'pending' AND run_at <= now() AND (${kinds})
                         ORDER BY run_at, id
                         LIMIT ${batchSize}
                         FOR UPDATE SKIP LOCKED)
       RETURNING id, kind, payload, payload_version, attempts, max_attempts`,
    );
  }

  async function finish(job: ClaimedJob): Promise<void> {
    await db.execute(sql`
      UPDATE jobs SET status = 'done', finished_at = now(), locked_by = NULL, locked_until = NULL
       WHERE id = ${job.id} AND locked_by = ${instanceId}`);
  }

  async function fail(job: ClaimedJob, err: unknown, permanent: boolean): Promise<void> {
    const giveUp = permanent || job.attempts >= job.max_attempts;
    const delay = retryDelaySeconds(job.attempts, backoffBase, backoffMax);
    await db.execute(sql`
      UPDATE jobs
         SET status = ${giveUp ? 'failed' : 'pending'},
             finished_at = ${giveUp ? sql`now()` : sql`NULL`},
             run_at = ${giveUp ? sql`run_at` : sql`now() + make_interval(secs => ${delay}::double precision)`},
             last_error = ${errorText(err)}, locked_by = NULL, locked_until = NULL
       WHERE id = ${job.id} AND locked_by = ${instanceId}`);
    log.warn(
      { job: job.id, kind: job.kind, attempt: job.attempts, err: errorText(err), retryInSeconds: giveUp ? null : delay },
      giveUp ? 'job failed' : 'job failed, will retry',
    );
  }

  async function handle(job: ClaimedJob): Promise<void> {
    const definition = findJobDefinition(job.kind);
    if (!definition) return fail(job, new Error(`Unknown job kind ${job.kind}`), true);
    const heartbeat = setInterval(() => {
      db.execute(sql`UPDATE jobs SET locked_until = now() + make_interval(secs => ${leaseSeconds}::double precision)
                      WHERE id = ${job.id} AND locked_by = ${instanceId}`).catch(() => undefined);
    }, Math.max(1000, (leaseSeconds * 1000) / 3));
    heartbeat.unref();
    try {
      const stored = job.payload_version < definition.version && definition.upgrade ? definition.upgrade(job.payload, job.payload_version) : job.payload;
      const parsed = definition.payload.safeParse(stored);
      if (!parsed.success) throw new PermanentJobError(`Invalid payload for ${job.kind} v${job.payload_version}: ${parsed.error.message}`);
      const ctx: JobContext = {
        database,
        config,
        log,
        job: { id: job.id, kind: job.kind, attempt: job.attempts, maxAttempts: job.max_attempts },
      };
      await definition.handler(ctx, parsed.data);
      await finish(job);
    } catch (err) {
      await fail(job, err, err instanceof PermanentJobError);
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function ensureSchedules(): Promise<void> {
    for (const s of schedules) {
      getJobDefinition(s.kind).payload.parse({});
      await db.execute(sql`
        INSERT INTO job_schedules (name, kind, interval_seconds, next_run_at) VALUES (${s.name}, ${s.kind}, ${s.intervalSeconds}, now())
        ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, interval_seconds = excluded.interval_seconds`);
    }
  }

  async function tickSchedules(): Promise<string[]> {
    if (schedules.length === 0) return [];
    const names = sql.join(
      schedules.map((s) => sql`${s.name}`),
      sql`, `,
    );
    return db.transaction(async (tx) => {
      const due = await queryRows<{ name: string; kind: string }>(
        tx,
        sql`UPDATE job_schedules s
               SET last_run_at = now(), next_run_at = now() + make_interval(secs => s.interval_seconds::double precision)
             WHERE s.name IN (SELECT name FROM job_schedules
                               WHERE next_run_at <= now() AND name IN (${names})
                               FOR UPDATE SKIP LOCKED)
         RETURNING s.name, s.kind`,
      );
      // A run still pending or running keeps its uniqueKey, so a slow job is not queued twice.
      for (const row of due) await enqueueJob(tx, row.kind, {}, { uniqueKey: `schedule:${row.name}` });
      return due.map((row) => row.name);
    });
  }

  async function runOnce(): Promise<number> {
    await reclaimExpiredLeases();
    await tickSchedules();
    const claimed = await claim();
    await Promise.all(claimed.map(handle));
    return claimed.length;
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await runOnce();
      total += handled;
      if (handled === 0) return total;
    }
  }

  async function pollLoop(): Promise<void> {
    while (!stopping) {
      let handled = 0;
      try {
        handled = await runOnce();
      } catch (err) {
        log.error({ err: errorText(err) }, 'job runner poll failed');
      }
      if (stopping || handled >= batchSize) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  return {
    instanceId,
    ensureSchedules,
    tickSchedules,
    runOnce,
    drain,
    async start() {
      if (loop) return;
      stopping = false;
      await ensureSchedules();
      loop = pollLoop();
      log.info({ instanceId, schedules: schedules.map((s) => s.name) }, 'job runner started');
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = undefined;
    },
  };
}
