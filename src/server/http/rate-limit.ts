import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/client';
import { AppError } from '../../shared/errors';

/** One limit: at most `limit` hits per `windowSeconds` under `key`. */
export interface RateLimit {
  key: string;
  limit: number;
  windowSeconds: number;
}

interface RateWindow {
  key: string;
  windowStart: string;
  retryAfter: number;
}

function windowsOf(limits: readonly RateLimit[], now: number): RateWindow[] {
  return limits.map((l) => {
    const windowMs = l.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
    return { key: l.key, windowStart: windowStart.toISOString(), retryAfter: Math.ceil((windowStart.getTime() + windowMs - now) / 1000) };
  });
}

/**
 * Counts a hit under every limit in one statement, which a read can ride on (one round trip for both: see
 * `rateLimited`). Fixed-window counters in the database, so limits hold across instances; the table is UNLOGGED, so
 * the commit waits for no disk flush — after a crash the counters start again, which a rate limit can afford.
 * `hits` is the CTE name; its rows are (key, count) after this hit.
 */
export function rateLimitHits(limits: readonly RateLimit[], now = Date.now()) {
  const windows = windowsOf(limits, now);
  const cte = sql`hits AS (
      INSERT INTO rate_limits (key, window_start, count)
      VALUES ${sql.join(windows.map((w) => sql`(${w.key}, ${w.windowStart}, 1)`), sql`, `)}
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
      RETURNING key, count)`;
  /** Refuses (429) when any limit is exceeded, with the longest wait. */
  const check = (rows: readonly { key: string; count: number | string }[]) => {
    const counts = new Map(rows.map((r) => [r.key, Number(r.count)]));
    const exceeded = windows.filter((w, i) => (counts.get(w.key) ?? 1) > limits[i]!.limit);
    if (exceeded.length > 0) throw new AppError('RATE_LIMITED', { details: { retryAfterSeconds: Math.max(...exceeded.map((w) => w.retryAfter)) } });
  };
  return { cte, check };
}

/** Counts the hit under every limit; refuses (429) when any is exceeded, with the longest wait. */
export async function enforceRateLimits(db: Executor, limits: readonly RateLimit[]): Promise<void> {
  const { cte, check } = rateLimitHits(limits);
  check(await queryRows<{ key: string; count: number }>(db, sql`WITH ${cte} SELECT key, count FROM hits`));
}

/**
 * Counts the hit and runs `select` (which may read the CTE `hits`, or not) in the same statement; refuses (429) when
 * a limit is exceeded — the read's rows are then dropped unseen.
 */
export async function rateLimited<T extends Record<string, unknown>>(db: Executor, limits: readonly RateLimit[], select: SQL): Promise<T[]> {
  const { cte, check } = rateLimitHits(limits);
  const rows = await queryRows<T & { rate_limit_hits: { key: string; count: number }[] }>(
    db,
    sql`WITH ${cte} SELECT (SELECT json_agg(json_build_object('key', h.key, 'count', h.count)) FROM hits h) AS rate_limit_hits, r.*
        FROM (SELECT 1) AS one LEFT JOIN LATERAL (${select}) AS r ON true`,
  );
  check(rows[0]?.rate_limit_hits ?? []);
  return rows.filter((r) => Object.entries(r).some(([k, v]) => k !== 'rate_limit_hits' && v !== null)).map(({ rate_limit_hits: _, ...r }) => r as unknown as T);
}

export async function enforceRateLimit(db: Executor, key: string, limit: number, windowSeconds: number): Promise<void> {
  await enforceRateLimits(db, [{ key, limit, windowSeconds }]);
}

export async function pruneRateLimits(db: Executor): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`);
}
