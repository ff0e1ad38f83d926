/** Reads of petitions: one petition for an action or a view, staff and petitioner lists, published answers. */
import { and, asc, count, desc, eq, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { agencies, petitionActions, petitions, users } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import type { PetitionSubject } from '../../policies/petitions.policy';
import { findLatestVersion } from '../catalog/catalog.queries';
import { todayInVietnam, validOn } from '../units/units.queries';
import { foldedSearch } from '../faq/folded-search';
import type { PetitionListQuery, PublishedPetitionQuery } from '../../../shared/schemas/petitions';
import { PetitionStatus, isOpenPetitionStatus, type PetitionStatus as Status } from '../../../shared/workflow/petition-workflow';

export type PetitionRow = typeof petitions.$inferSelect;

export interface LoadedPetition {
  row: PetitionRow;
  agencyPath: string;
  forwardedFromAgencyPath: string | null;
}

const fromAgency = alias(agencies, 'from_agency');

async function selectLoaded(executor: Executor, where: SQL, lock: boolean): Promise<LoadedPetition | undefined> {
  const query = executor
    .select({ row: petitions, agencyPath: agencies.path, forwardedFromAgencyPath: fromAgency.path })
    .from(petitions)
    .innerJoin(agencies, eq(agencies.id, petitions.agencyId))
    .leftJoin(fromAgency, eq(fromAgency.id, petitions.forwardedFromAgencyId))
    .where(where);
  const [found] = lock ? await query.for('update', { of: petitions }) : await query;
  return found;
}

/** A petition by id; `lock` takes the row lock an action needs. */
export function findPetition(executor: Executor, id: string, options: { lock?: boolean } = {}) {
  return selectLoaded(executor, eq(petitions.id, id), options.lock ?? false);
}

export function findPetitionByCode(executor: Executor, code: string, options: { lock?: boolean } = {}) {
  return selectLoaded(executor, eq(petitions.code, code), options.lock ?? false);
}

export function petitionSubject(p: LoadedPetition, viaTrackingToken = false): PetitionSubject {
  return {
    status: p.row.status as Status,
    petitionerUserId: p.row.petitionerUserId,
    agencyPath: p.agencyPath,
    forwardedFromAgencyPath: p.forwardedFromAgencyPath,
    publishConsent: p.row.publishConsent,
    viaTrackingToken,
  };
}

/** An agency in operation today, or undefined. */
export async function findActiveAgency(executor: Executor, id: string) {
  const [row] = await executor
    .select({ id: agencies.id, name: agencies.name, path: agencies.path })
    .from(agencies)
    .where(and(eq(agencies.id, id), validOn(agencies, todayInVietnam())));
  return row;
}

export async function findProcedureRef(executor: Executor, procedureId: string | null) {
  if (!procedureId) return null;
  const version = await findLatestVersion(executor, procedureId);
  return version ? { id: procedureId, code: version.code, name: version.name } : null;
}

export async function listPetitionHistory(executor: Executor, petitionId: string) {
  return executor
    .select({
      action: petitionActions.action,
      fromStatus: petitionActions.fromStatus,
      toStatus: petitionActions.toStatus,
      actorLabel: petitionActions.actorLabel,
      agencyName: agencies.name,
      note: petitionActions.note,
      at: petitionActions.at,
    })
    .from(petitionActions)
    .innerJoin(agencies, eq(agencies.id, petitionActions.agencyId))
    .where(eq(petitionActions.petitionId, petitionId))
    .orderBy(asc(petitionActions.id));
}

export async function findUserNames(executor: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await executor.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

export async function findAgencyNames(executor: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await executor.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const assignee = alias(users, 'assignee');
const listColumns = {
  id: petitions.id,
  code: petitions.code,
  title: petitions.title,
  channel: petitions.channel,
  status: petitions.status,
  category: petitions.category,
  agencyId: petitions.agencyId,
  agencyName: agencies.name,
  petitionerName: petitions.petitionerName,
  receivedAt: petitions.receivedAt,
  forwardDueOn: petitions.forwardDueOn,
  answerDueOn: petitions.answerDueOn,
  answeredLate: petitions.answeredLate,
  assignedToId: petitions.assignedToId,
  assignedToName: assignee.fullName,
};

function listFilters(query: PetitionListQuery, actor: Actor): SQL[] {
  const where: SQL[] = [];
  if (query.status) where.push(eq(petitions.status, query.status));
  if (query.category) where.push(eq(petitions.category, query.category));
  if (query.assignedToMe && actor.userId) where.push(eq(petitions.assignedToId, actor.userId));
  if (query.overdue !== undefined) {
    const open = inArray(petitions.status, Object.values(PetitionStatus).filter(isOpenPetitionStatus));
    const late = lt(petitions.answerDueOn, todayInVietnam());
    where.push(query.overdue ? and(open, late)! : sql`NOT (${and(open, late)})`);
  }
  if (query.q) {
    const q = query.q.trim();
    const folded = sql`f_unaccent(lower(${petitions.title} || ' ' || ${petitions.petitionerName}))`;
    where.push(or(eq(petitions.code, q.toUpperCase()), sql`${folded} LIKE '%' || f_unaccent(lower(${q})) || '%'`)!);
  }
  return where;
}

async function selectPage(executor: Executor, where: SQL, query: { page: number; pageSize: number }) {
  const [total] = await executor
    .select({ n: count() })
    .from(petitions)
    .innerJoin(agencies, eq(agencies.id, petitions.agencyId))
    .leftJoin(fromAgency, eq(fromAgency.id, petitions.forwardedFromAgencyId))
    .where(where);
  const items = await executor
    .select(listColumns)
    .from(petitions)
    .innerJoin(agencies, eq(agencies.id, petitions.agencyId))
    .leftJoin(fromAgency, eq(fromAgency.id, petitions.forwardedFromAgencyId))
    .leftJoin(assignee, eq(assignee.id, petitions.assignedToId))
    .where(where)
    .orderBy(desc(petitions.receivedAt), desc(petitions.code))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items, total: total!.n };
}

export type PetitionListRow = Awaited<ReturnType<typeof selectPage>>['items'][number];

/** Petitions of the staff member's agency subtree, and those it forwarded elsewhere. */
export function listAgencyPetitions(executor: Executor, actor: Actor, query: PetitionListQuery) {
  const scope = `${actor.agencyPath ?? '\u0000'}%`;
  const inScope = or(like(agencies.path, scope), like(fromAgency.path, scope))!;
  return selectPage(executor, and(inScope, ...listFilters(query, actor))!, query);
}

/** A signed-in petitioner's own petitions. */
export function listOwnPetitions(executor: Executor, actor: Actor, query: PetitionListQuery) {
  return selectPage(executor, and(eq(petitions.petitionerUserId, actor.userId!), ...listFilters(query, actor))!, query);
}

const publishedColumns = {
  id: petitions.id,
  code: petitions.code,
  title: petitions.publicTitle,
  question: petitions.publicQuestion,
  answer: petitions.publicAnswer,
  category: petitions.category,
  agencyId: petitions.agencyId,
  agencyName: agencies.name,
  procedureId: petitions.procedureId,
  receivedAt: petitions.receivedAt,
  answeredAt: petitions.answeredAt,
  publishedAt: petitions.publishedAt,
};

/** Published answers, newest first or by relevance to `q` (diacritics ignored). Never reads petitioner columns. */
export async function listPublishedPetitions(executor: Executor, query: PublishedPetitionQuery) {
  const search = foldedSearch(petitions.publicFolded, query.q);
  const where = and(
    eq(petitions.status, PetitionStatus.PUBLISHED),
    query.category ? eq(petitions.category, query.category) : undefined,
    query.agencyId ? eq(petitions.agencyId, query.agencyId) : undefined,
    query.procedureId ? eq(petitions.procedureId, query.procedureId) : undefined,
    search?.where,
  )!;
  const [total] = await executor.select({ n: count() }).from(petitions).where(where);
  const items = await executor
    .select(publishedColumns)
    .from(petitions)
    .innerJoin(agencies, eq(agencies.id, petitions.agencyId))
    .where(where)
    .orderBy(...(search ? [desc(search.rank)] : []), desc(petitions.publishedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items, total: total!.n };
}

export async function findPublishedPetition(executor: Executor, id: string) {
  const [row] = await executor
    .select(publishedColumns)
    .from(petitions)
    .innerJoin(agencies, eq(agencies.id, petitions.agencyId))
    .where(and(eq(petitions.id, id), eq(petitions.status, PetitionStatus.PUBLISHED)));
  return row;
}

export type PublishedPetitionRow = NonNullable<Awaited<ReturnType<typeof findPublishedPetition>>>;

/** Staff of an agency subtree who may handle petitions (assignment candidates). */
export async function listPetitionHandlers(executor: Executor, agencyPath: string) {
  return executor
    .select({ id: users.id, fullName: users.fullName, roles: users.roles, agencyPath: agencies.path })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.kind, 'staff'), eq(users.status, 'active'), like(agencies.path, `${agencyPath}%`)));
}
