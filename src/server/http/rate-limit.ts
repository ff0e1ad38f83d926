import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/client';
import { AppError } from '../../shared/errors';

/**
 * Fixed-window counter in the database, so limits hold across instances. Returns the count after this hit.
 */
export async function hitRateLimit(db: Executor, key: string, windowSeconds: number): Promise<{ count: number; retryAfter: number }> {
  const now = Date.now();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const rows = await queryRows<{ count: number }>(
    db,
    sql`INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${windowStart.toISOString()}, 1)
        ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
        RETURNING count`,
  );
  return { count: Number(rows[0]!.count), retryAfter: Math.ceil((windowStart.getTime() + windowMs - now) / 1000) };
}

export async function enforceRateLimit(db: Executor, key: string, limit: number, windowSeconds: number): Promise<void> {
  const { count, retryAfter } = await hitRateLimit(db, key, windowSeconds);
  if (count > limit) throw new AppError('RATE_LIMITED', { details: { retryAfterSeconds: retryAfter } });
}

export async function pruneRateLimits(db: Executor): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`);
}
