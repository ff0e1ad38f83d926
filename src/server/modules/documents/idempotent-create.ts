/**
 * Creation routes of the reform records accept an Idempotency-Key: a retry with the same key and the same request
 * returns the record the first request created (nothing is added twice); the same key with another request is
 * refused (IDEMPOTENCY_KEY_REUSED). Keys are scoped to the route and the user.
 */
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../../db/client';
import { idempotencyKeyOf, requestHash, withIdempotency } from '../dossiers/idempotency';

export async function idempotentCreate(tx: Executor, request: FastifyRequest, scope: string, run: () => Promise<string>): Promise<string> {
  const key = idempotencyKeyOf(request.headers['idempotency-key']);
  const { result } = await withIdempotency(tx, `${scope}:${request.actor.userId}`, key, requestHash({ url: request.url, body: request.body }), async () => ({ id: await run() }));
  return result.id;
}
