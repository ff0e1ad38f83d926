import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/client';
import { AppError } from '../../shared/errors';

/** One limit: at most `limit` hits per `windowSeconds` under `key`. */
export interface RateLimit {
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters in the database, so limits hold across instances: every limit counts this hit in one
 * statement (one round trip, one commit; the table is UNLOGGED, so the commit waits for no disk flush — after a
 * crash the counters start again, which a rate limit can afford). Returns the counts after this hit.
 */
export async function hitRateLimits(db: Executor, limits: readonly RateLimit[]): Promise<{ count: number; retryAfter: number }[]> {
  const now = Date.now();
  const windows = limits.map((l) => {
    const windowMs = l.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
    return { key: l.key, windowStart: windowStart.toISOString(), retryAfter: Math.ceil((windowStart.getTime() + windowMs - now) / 1000) };
  });
  const rows = await queryRows<{ key: string; count: number }>(
    db,
    sql`INSERT INTO rate_limits (key, window_start, count)
        VALUES ${sql.join(windows.map((w) => sql`(${w.key}, ${w.windowStart}, 1)`), sql`, `)}
        ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
        RETURNING key, count`,
  );
  const counts = new Map(rows.map((r) => [r.key, Number(r.count)]));
  return windows.map((w) => ({ count: counts.get(w.key) ?? 1, retryAfter: w.retryAfter }));
}

/** Counts the hit under every limit; refuses (429) when any is exceeded, with the longest wait. */
export async function enforceRateLimits(db: Executor, limits: readonly RateLimit[]): Promise<void> {
  const hits = await hitRateLimits(db, limits);
  const exceeded = hits.filter((h, i) => h.count > limits[i]!.limit);
  if (exceeded.length > 0) throw new AppError('RATE_LIMITED', { details: { retryAfterSeconds: Math.max(...exceeded.map((h) => h.retryAfter)) } });
}

export async function enforceRateLimit(db: Executor, key: string, limit: number, windowSeconds: number): Promise<void> {
  await enforceRateLimits(db, [{ key, limit, windowSeconds }]);
}

export async function pruneRateLimits(db: Executor): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`);
}
