import { and, count, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies, dossierActions, dossierRatings, dossiers, users } from '../../db/schema';
import { addCalendarDays, fromLocal } from '../../../shared/calendar';
import { DossierAction } from '../../../shared/workflow/dossier-workflow';
import type { RatingListQuery } from '../../../shared/schemas/ratings';

export type DossierRow = typeof dossiers.$inferSelect;
export type RatingRow = typeof dossierRatings.$inferSelect;

export async function findDossierForRating(executor: Executor, where: { id: string } | { code: string }, options: { lock?: boolean } = {}) {
  const query = executor
    .select({ dossier: dossiers, agencyName: agencies.name })
    .from(dossiers)
    .innerJoin(agencies, eq(agencies.id, dossiers.competentAgencyId))
    .where('id' in where ? eq(dossiers.id, where.id) : eq(dossiers.code, where.code));
  const [row] = options.lock ? await query.for('update', { of: dossiers }) : await query;
  return row;
}

/** When the result was handed over (returned at the desk or by post, or acknowledged online). */
export async function findReturnedAt(executor: Executor, dossierId: string): Promise<Date | null> {
  const [row] = await executor
    .select({ at: dossierActions.at })
    .from(dossierActions)
    .where(and(eq(dossierActions.dossierId, dossierId), inArray(dossierActions.action, [DossierAction.RETURN_RESULT, DossierAction.ACKNOWLEDGE_RESULT])))
    .orderBy(desc(dossierActions.seq))
    .limit(1);
  return row?.at ?? null;
}

export async function findRating(executor: Executor, dossierId: string) {
  const [row] = await executor
    .select({ rating: dossierRatings, enteredByName: users.fullName })
    .from(dossierRatings)
    .leftJoin(users, eq(users.id, dossierRatings.enteredById))
    .where(eq(dossierRatings.dossierId, dossierId));
  return row;
}
export type RatingRecord = NonNullable<Awaited<ReturnType<typeof findRating>>>;

export function periodBounds(from: string, to: string) {
  return { start: fromLocal(from).toISOString(), end: fromLocal(addCalendarDays(to, 1)).toISOString() };
}

/** Ratings given in a period in an agency subtree, newest first. */
export async function listRatings(executor: Executor, agencyPath: string | null, query: RatingListQuery) {
  const { start, end } = periodBounds(query.from, query.to);
  const where = and(
    like(agencies.path, `${agencyPath ?? '/'}%`),
    sql`${dossierRatings.ratedAt} >= ${start} AND ${dossierRatings.ratedAt} < ${end}`,
    query.satisfied === undefined ? undefined : eq(dossierRatings.satisfied, query.satisfied),
  );
  const [total] = await executor
    .select({ n: count() })
    .from(dossierRatings)
    .innerJoin(agencies, eq(agencies.id, dossierRatings.agencyId))
    .where(where);
  const items = await executor
    .select({ rating: dossierRatings, enteredByName: users.fullName, dossierCode: dossiers.code, procedure: dossiers.procedure, agencyName: agencies.name })
    .from(dossierRatings)
    .innerJoin(agencies, eq(agencies.id, dossierRatings.agencyId))
    .innerJoin(dossiers, eq(dossiers.id, dossierRatings.dossierId))
    .leftJoin(users, eq(users.id, dossierRatings.enteredById))
    .where(where)
    .orderBy(desc(dossierRatings.ratedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items, total: total!.n };
}
