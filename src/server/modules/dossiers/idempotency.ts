/**
 * Idempotency-Key handling: the first request with a key stores its result in `idempotency_keys` in the same
 * transaction as the change; a retry with the same key and the same request returns that result; the same key
 * with a different request is refused. Concurrent retries wait on the key's row until the first commits.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { queryRows, type Executor } from '../../db/client';

export function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** Validates an Idempotency-Key header value (8–128 safe characters); undefined when absent. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !KEY.test(value)) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'Idempotency-Key không hợp lệ (8–128 ký tự: chữ, số, . _ : -)',
      details: { fields: [{ path: 'headers.idempotency-key', message: 'Idempotency-Key không hợp lệ' }] },
    });
  }
  return value;
}

export interface Idempotent<T> {
  result: T;
  /** True when the result is the one stored by an earlier request with the same key. */
  replayed: boolean;
}

export async function withIdempotency<T>(
  tx: Executor,
  scope: string,
  key: string | undefined,
  hash: string,
  run: () => Promise<T>,
): Promise<Idempotent<T>> {
  if (!key) return { result: await run(), replayed: false };
  const claimed = await queryRows<{ key: string }>(
    tx,
    sql`INSERT INTO idempotency_keys (scope, key, request_hash) VALUES (${scope}, ${key}, ${hash})
        ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
  );
  if (claimed.length === 0) {
    const [row] = await queryRows<{ request_hash: string; response: T | null }>(
      tx,
      sql`SELECT request_hash, response FROM idempotency_keys WHERE scope = ${scope} AND key = ${key}`,
    );
    if (!row || row.request_hash !== hash || row.response === null) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return { result: row.response, replayed: true };
  }
  const result = await run();
  await tx.execute(
    sql`UPDATE idempotency_keys SET status_code = 201, response = ${JSON.stringify(result)}::jsonb WHERE scope = ${scope} AND key = ${key}`,
  );
  return { result, replayed: false };
}

/**
 * A retry comes within minutes; the stored answers (which hold a receipt's tracking secret) are kept a week, then
 * removed: a request repeated after that is a new request.
 */
export const IDEMPOTENCY_RETENTION_DAYS = 7;

export async function pruneIdempotencyKeys(db: Executor): Promise<void> {
  await db.execute(sql`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(days => ${IDEMPOTENCY_RETENTION_DAYS})`);
}
