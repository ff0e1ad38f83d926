import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows, type Executor } from '../db/client';
import { getJobDefinition, type JobDefinition } from './define-job';

export interface EnqueueOptions {
  /** Not before this instant (default: now). */
  runAt?: Date;
  /** At most one pending or running job per key: a second enqueue with the same key is a no-op. */
  uniqueKey?: string;
  maxAttempts?: number;
}

/**
 * Adds a job in the caller's transaction, so it exists only if the change that asked for it commits.
 * Returns the job id, or null when a pending or running job with the same uniqueKey already exists.
 */
export async function enqueueJob<S extends z.ZodType>(
  tx: Executor,
  kind: string | JobDefinition<S>,
  payload: z.input<S>,
  options: EnqueueOptions = {},
): Promise<number | null> {
  const definition = typeof kind === 'string' ? getJobDefinition(kind) : getJobDefinition(kind.kind);
  const parsed = definition.payload.parse(payload) as Record<string, unknown>;
  const maxAttempts = options.maxAttempts ?? definition.maxAttempts ?? 5;
  const runAt = sql`${options.runAt ? options.runAt.toISOString() : null}::timestamptz`;
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`INSERT INTO jobs (kind, payload, payload_version, run_at, max_attempts, unique_key)
        VALUES (${definition.kind}, ${JSON.stringify(parsed)}::jsonb, ${definition.version}, coalesce(${runAt}, now()),
                ${maxAttempts}, ${options.uniqueKey ?? null})
        ON CONFLICT (unique_key) WHERE status IN ('pending', 'running') DO NOTHING
        RETURNING id`,
  );
  return rows[0] ? Number(rows[0].id) : null;
}
