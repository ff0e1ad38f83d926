import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { openDatabase, queryRows, type Database } from '../db/client';
import { testConfig } from '../env';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { defineJob } from './define-job';
import { enqueueJob } from './enqueue-job';
import { createJobRunner, PermanentJobError, retryDelaySeconds } from './runner';

let database: TestDatabase;
/** A second connection pool on PostgreSQL (a second instance); the same handle on PGlite. */
let second: Database;
const config = testConfig();

beforeAll(async () => {
  database = await createTestDatabase();
  second = database.url ? await openDatabase({ databaseUrl: database.url, poolSize: 5 }) : database;
});
afterAll(async () => {
  if (second !== database) await second.close();
  await database.close();
});

const handled: number[] = [];
const failuresLeft = new Map<string, number>();
let gate: Promise<void> | undefined;

const recordJob = defineJob({
  kind: 'test.record',
  version: 1,
  payload: z.object({ n: z.number().int() }),
  async handler(ctx, payload) {
    if (gate) await gate;
    // Yield so that concurrent runners really interleave.
    await new Promise((resolve) => setTimeout(resolve, 2));
    handled.push(payload.n);
    expect(ctx.job.kind).toBe('test.record');
  },
});

const flakyJob = defineJob({
  kind: 'test.flaky',
  version: 1,
  payload: z.object({ name: z.string() }),
  async handler(_ctx, payload) {
    const left = failuresLeft.get(payload.name) ?? 0;
    if (left > 0) {
      failuresLeft.set(payload.name, left - 1);
      throw new Error(`simulated failure, ${left - 1} left`);
    }
    handled.push(-1);
  },
});

const brokenJob = defineJob({
  kind: 'test.broken',
  version: 1,
  payload: z.object({}),
  async handler() {
    throw new PermanentJobError('cannot ever work');
  },
});

const versionedJob = defineJob({
  kind: 'test.versioned',
  version: 2,
  payload: z.object({ amount: z.number() }),
  upgrade: (payload, fromVersion) => (fromVersion === 1 ? { amount: (payload as { value: number }).value } : payload),
  async handler(_ctx, payload) {
    handled.push(payload.amount);
  },
});

interface JobRow {
  id: number;
  status: string;
  attempts: number;
  last_error: string | null;
  finished_at: string | null;
  due_in_seconds: number;
}

async function jobRow(id: number): Promise<JobRow> {
  const [row] = await queryRows<JobRow>(
    database.db,
    sql`SELECT id, status, attempts, last_error, finished_at, extract(epoch FROM run_at - now())::float8 AS due_in_seconds FROM jobs WHERE id = ${id}`,
  );
  return row!;
}

async function makeDue(id: number) {
  await database.db.execute(sql`UPDATE jobs SET run_at = now() WHERE id = ${id}`);
}

beforeEach(async () => {
  handled.length = 0;
  gate = undefined;
  await database.db.execute(sql`DELETE FROM jobs`);
  await database.db.execute(sql`DELETE FROM job_schedules`);
});

describe('enqueueJob', () => {
  it('validates the payload against the definition and refuses unknown kinds', async () => {
    await expect(enqueueJob(database.db, recordJob, { n: 'one' as unknown as number })).rejects.toThrow();
    await expect(enqueueJob(database.db, 'test.nope', {})).rejects.toThrow(/Unknown job kind/);
    const [{ count }] = await queryRows<{ count: number }>(database.db, sql`SELECT count(*)::int AS count FROM jobs`);
    expect(count).toBe(0);
  });

  it('is part of the caller transaction: a rollback leaves no job', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueJob(tx, recordJob, { n: 1 });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const [{ count }] = await queryRows<{ count: number }>(database.db, sql`SELECT count(*)::int AS count FROM jobs`);
    expect(count).toBe(0);
  });

  it('keeps one pending job per unique key, and accepts the key again once the job is done', async () => {
    const first = await enqueueJob(database.db, recordJob, { n: 1 }, { uniqueKey: 'k1' });
    const duplicate = await enqueueJob(database.db, recordJob, { n: 2 }, { uniqueKey: 'k1' });
    expect(first).toBeTypeOf('number');
    expect(duplicate).toBeNull();
    await createJobRunner({ database, config }).drain();
    expect(handled).toEqual([1]);
    expect(await enqueueJob(database.db, recordJob, { n: 3 }, { uniqueKey: 'k1' })).toBeTypeOf('number');
  });

  it('does not run a job before its runAt', async () => {
    const id = (await enqueueJob(database.db, recordJob, { n: 7 }, { runAt: new Date(Date.now() + 3600_000) }))!;
    expect(await createJobRunner({ database, config }).drain()).toBe(0);
    expect((await jobRow(id)).status).toBe('pending');
  });
});

describe('job runner', () => {
  it('runs a job once and marks it done', async () => {
    const id = (await enqueueJob(database.db, recordJob, { n: 42 }))!;
    const runner = createJobRunner({ database, config });
    expect(await runner.drain()).toBe(1);
    expect(handled).toEqual([42]);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'done', attempts: 1, last_error: null });
    expect(row.finished_at).not.toBeNull();
  });

  it('retries a failing job with exponential backoff, then succeeds', async () => {
    failuresLeft.set('twice', 2);
    const base = 600;
    const runner = createJobRunner({ database, config, backoffBaseSeconds: base, backoffMaxSeconds: 100_000 });
    const id = (await enqueueJob(database.db, flakyJob, { name: 'twice' }))!;

    expect(await runner.drain()).toBe(1);
    let row = await jobRow(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'simulated failure, 1 left' });
    expect(row.due_in_seconds).toBeGreaterThan(base - 60);
    expect(row.due_in_seconds).toBeLessThanOrEqual(base);
    // Not due yet: nothing runs.
    expect(await runner.drain()).toBe(0);

    await makeDue(id);
    expect(await runner.drain()).toBe(1);
    row = await jobRow(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2, last_error: 'simulated failure, 0 left' });
    expect(row.due_in_seconds).toBeGreaterThan(2 * base - 60);
    expect(row.due_in_seconds).toBeLessThanOrEqual(2 * base);

    await makeDue(id);
    await runner.drain();
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 3 });
    expect(handled).toEqual([-1]);
  });

  it('marks a job failed after maxAttempts, keeping the last error', async () => {
    failuresLeft.set('always', 100);
    const runner = createJobRunner({ database, config, backoffBaseSeconds: 1 });
    const id = (await enqueueJob(database.db, flakyJob, { name: 'always' }, { maxAttempts: 2 }))!;
    await runner.drain();
    await makeDue(id);
    await runner.drain();
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row.last_error).toMatch(/simulated failure/);
    expect(row.finished_at).not.toBeNull();
    await makeDue(id);
    expect(await runner.drain()).toBe(0);
  });

  it('fails at once on a PermanentJobError', async () => {
    const id = (await enqueueJob(database.db, brokenJob, {}))!;
    await createJobRunner({ database, config }).drain();
    expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'PermanentJobError: cannot ever work' });
  });

  it('upgrades payloads stored with an older version', async () => {
    await database.db.execute(sql`INSERT INTO jobs (kind, payload, payload_version) VALUES (${versionedJob.kind}, '{"value": 1500000}'::jsonb, 1)`);
    await createJobRunner({ database, config }).drain();
    expect(handled).toEqual([1500000]);
  });

  it('leaves jobs of a newer payload version for an instance that knows it', async () => {
    await database.db.execute(sql`INSERT INTO jobs (kind, payload, payload_version) VALUES (${versionedJob.kind}, '{"amount": 1}'::jsonb, 3)`);
    expect(await createJobRunner({ database, config }).drain()).toBe(0);
  });

  it('reclaims a job whose lease expired (its instance died) and runs it', async () => {
    const [{ id }] = await queryRows<{ id: number }>(
      database.db,
      sql`INSERT INTO jobs (kind, payload, status, attempts, locked_by, locked_until)
          VALUES (${recordJob.kind}, '{"n": 5}'::jsonb, 'running', 1, 'dead-instance', now() - interval '1 minute') RETURNING id`,
    );
    await createJobRunner({ database, config }).drain();
    expect(handled).toEqual([5]);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('does not take a job whose lease is still held by another instance', async () => {
    await database.db.execute(sql`INSERT INTO jobs (kind, payload, status, attempts, locked_by, locked_until)
          VALUES (${recordJob.kind}, '{"n": 6}'::jsonb, 'running', 1, 'live-instance', now() + interval '5 minutes')`);
    expect(await createJobRunner({ database, config }).drain()).toBe(0);
    expect(handled).toEqual([]);
  });

  it('handles every job exactly once when two runners poll concurrently', async () => {
    const count = 40;
    await database.db.transaction(async (tx) => {
      for (let n = 0; n < count; n++) await enqueueJob(tx, recordJob, { n });
    });
    const a = createJobRunner({ database, config, instanceId: 'a', batchSize: 3 });
    const b = createJobRunner({ database: second, config, instanceId: 'b', batchSize: 3 });
    const [byA, byB] = await Promise.all([a.drain(), b.drain()]);
    expect(byA + byB).toBe(count);
    expect([...handled].sort((x, y) => x - y)).toEqual(Array.from({ length: count }, (_, n) => n));
    const [{ done, attempts }] = await queryRows<{ done: number; attempts: number }>(
      database.db,
      sql`SELECT count(*) FILTER (WHERE status = 'done')::int AS done, sum(attempts)::int AS attempts FROM jobs`,
    );
    expect(done).toBe(count);
    expect(attempts).toBe(count);
  });

  it('stop() waits for the jobs in flight', async () => {
    let release!: () => void;
    gate = new Promise<void>((resolve) => (release = resolve));
    const id = (await enqueueJob(database.db, recordJob, { n: 9 }))!;
    const runner = createJobRunner({ database, config, pollIntervalMs: 10 });
    await runner.start();
    while ((await jobRow(id)).status !== 'running') await new Promise((resolve) => setTimeout(resolve, 5));
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(handled).toEqual([9]);
    expect((await jobRow(id)).status).toBe('done');
  });
});

describe('scheduled jobs', () => {
  const schedules = [{ name: 'test.every-hour', kind: recordJob.kind, intervalSeconds: 3600 }];
  const recordEmpty = defineJob({ kind: 'test.tick', version: 1, payload: z.object({}), handler: async () => void handled.push(0) });
  const tickSchedules = [{ name: 'test.tick', kind: recordEmpty.kind, intervalSeconds: 3600 }];

  it('refuses a schedule whose job cannot take an empty payload', async () => {
    await expect(createJobRunner({ database, config, schedules }).ensureSchedules()).rejects.toThrow();
  });

  it('enqueues one run per tick when two instances tick together, and advances next_run_at', async () => {
    const a = createJobRunner({ database, config, schedules: tickSchedules, instanceId: 'a' });
    const b = createJobRunner({ database: second, config, schedules: tickSchedules, instanceId: 'b' });
    await Promise.all([a.ensureSchedules(), b.ensureSchedules()]);
    const [tickedA, tickedB] = await Promise.all([a.tickSchedules(), b.tickSchedules()]);
    expect([...tickedA, ...tickedB]).toEqual(['test.tick']);
    // Not due again before an hour has passed.
    expect(await a.tickSchedules()).toEqual([]);
    const [schedule] = await queryRows<{ due_in_seconds: number; ran: boolean }>(
      database.db,
      sql`SELECT extract(epoch FROM next_run_at - now())::float8 AS due_in_seconds, last_run_at IS NOT NULL AS ran FROM job_schedules WHERE name = 'test.tick'`,
    );
    expect(schedule!.ran).toBe(true);
    expect(schedule!.due_in_seconds).toBeGreaterThan(3500);
    const jobs = await queryRows<{ kind: string; unique_key: string }>(database.db, sql`SELECT kind, unique_key FROM jobs`);
    expect(jobs).toEqual([{ kind: 'test.tick', unique_key: 'schedule:test.tick' }]);
    await Promise.all([a.drain(), b.drain()]);
    expect(handled).toEqual([0]);
  });

  it('does not queue a second run while the previous one is still pending', async () => {
    const runner = createJobRunner({ database, config, schedules: tickSchedules });
    await runner.ensureSchedules();
    await runner.tickSchedules();
    await database.db.execute(sql`UPDATE job_schedules SET next_run_at = now()`);
    expect(await runner.tickSchedules()).toEqual(['test.tick']);
    const [{ count }] = await queryRows<{ count: number }>(database.db, sql`SELECT count(*)::int AS count FROM jobs`);
    expect(count).toBe(1);
  });
});

describe('retryDelaySeconds', () => {
  it('doubles per attempt and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, 10, 50))).toEqual([10, 20, 40, 50]);
  });
});
