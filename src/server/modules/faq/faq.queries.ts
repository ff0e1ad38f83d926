/** Reads of FAQ entries: one entry with its links, the public list (search ignoring diacritics), staff and own lists. */
import { and, count, desc, eq, isNull, like, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies, faqEntries, procedureFields } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import type { FaqSubject } from '../../policies/faq.policy';
import type { FaqListQuery, FaqStatus, PublicFaqQuery } from '../../../shared/schemas/faq';
import { foldedSearch } from './folded-search';

const columns = {
  entry: faqEntries,
  agencyName: agencies.name,
  agencyPath: agencies.path,
  fieldName: procedureFields.name,
};

function select(executor: Executor) {
  return executor
    .select(columns)
    .from(faqEntries)
    .leftJoin(agencies, eq(agencies.id, faqEntries.agencyId))
    .leftJoin(procedureFields, eq(procedureFields.id, faqEntries.fieldId));
}

export type FaqRecord = Awaited<ReturnType<typeof findFaq>> & {};

export async function findFaq(executor: Executor, id: string, options: { lock?: boolean } = {}) {
  const query = select(executor).where(eq(faqEntries.id, id));
  const [row] = options.lock ? await query.for('update', { of: faqEntries }) : await query;
  return row;
}

export function faqSubject(r: NonNullable<FaqRecord>): FaqSubject {
  return { status: r.entry.status as FaqStatus, agencyPath: r.agencyPath, askedByUserId: r.entry.askedByUserId };
}

function filters(query: PublicFaqQuery): (SQL | undefined)[] {
  return [
    query.procedureId ? eq(faqEntries.procedureId, query.procedureId) : undefined,
    query.fieldId ? eq(faqEntries.fieldId, query.fieldId) : undefined,
    query.agencyId ? eq(faqEntries.agencyId, query.agencyId) : undefined,
  ];
}

async function page(executor: Executor, where: SQL, query: { q?: string | undefined; page: number; pageSize: number }, rank: SQL | undefined) {
  const [total] = await executor
    .select({ n: count() })
    .from(faqEntries)
    .leftJoin(agencies, eq(agencies.id, faqEntries.agencyId))
    .where(where);
  const items = await select(executor)
    .where(where)
    .orderBy(...(rank ? [desc(rank)] : []), desc(faqEntries.publishedAt), desc(faqEntries.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items, total: total!.n };
}

/** Published entries, best match first when `q` is given. */
export function listPublishedFaq(executor: Executor, query: PublicFaqQuery) {
  const search = foldedSearch(faqEntries.folded, query.q);
  return page(executor, and(eq(faqEntries.status, 'published'), ...filters(query), search?.where)!, query, search?.rank);
}

/** Entries an FAQ officer keeps: their agency subtree and the unassigned questions. */
export function listFaqForStaff(executor: Executor, actor: Actor, query: FaqListQuery) {
  const search = foldedSearch(faqEntries.folded, query.q);
  const scope = or(isNull(faqEntries.agencyId), like(agencies.path, `${actor.agencyPath ?? '\u0000'}%`));
  return page(executor, and(scope, query.status ? eq(faqEntries.status, query.status) : undefined, ...filters(query), search?.where)!, query, search?.rank);
}

export function listOwnFaqQuestions(executor: Executor, actor: Actor) {
  return executor.select().from(faqEntries).where(eq(faqEntries.askedByUserId, actor.userId!)).orderBy(desc(faqEntries.askedAt)).limit(200);
}
