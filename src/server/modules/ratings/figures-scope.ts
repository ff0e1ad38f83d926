import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { inAgencyScope } from '../../policies';
import { AppError } from '../../../shared/errors';

/**
 * The agency subtree a figures request covers: the one asked for when it lies in the actor's scope, otherwise the
 * actor's own subtree. Integration accounts without an agency see the whole province.
 */
export async function resolveFiguresScope(executor: Executor, actor: Actor, agencyId: string | undefined): Promise<string | null> {
  if (!agencyId) return actor.agencyPath;
  const [agency] = await executor.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw new AppError('NOT_FOUND');
  if (actor.agencyPath && !inAgencyScope(actor, agency.path)) throw new AppError('FORBIDDEN');
  return agency.path;
}
