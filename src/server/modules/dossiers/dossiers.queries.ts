/**
 * Reads: staff work queues and search (scoped to the actor's agency subtree), counts for the queue cards, the
 * applicant's own dossiers, reusable digitised documents, applicant lookup by ID number, and a dossier's detail.
 */
import { aliasedTable, and, asc, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DossierListQuery, DossierQueue } from '../../../shared/schemas/dossiers';
import { foldVietnamese } from '../../../shared/text';
import { CLOCK_RUNNING_STATUSES, DossierStatus, PENDING_STATUSES } from '../../../shared/workflow/dossier-workflow';
import type { Actor } from '../../auth/actor';
import { PLAN_PER_CALL, queryRows, type Executor } from '../../db/client';
import { escapeLike } from '../users/users.queries';
import { agencies, dossierActions, dossierAgencyPeriods, dossierDocuments, dossierSteps, dossiers, files, users } from '../../db/schema';

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const OPEN_FOR_STAFF = [...PENDING_STATUSES, DossierStatus.PENDING_ACCEPTANCE, DossierStatus.RESULT_READY];

/** Dossiers that passed through an agency of the actor's subtree (GIN on agency_ids). */
export function staffScope(actor: Actor): SQL {
  if (!actor.agencyPath) return sql`false`;
  return sql`${PLAN_PER_CALL}${dossiers.agencyIds} && ARRAY(${subtreeAgencyIds(actor.agencyPath)})`;
}

/** The ids of the agencies under (and including) the one at `path`. */
function subtreeAgencyIds(path: string): SQL {
  return sql`SELECT a.id FROM agencies a WHERE a.path LIKE ${`${escapeLike(path)}%`}`;
}

export function queueCondition(queue: DossierQueue, actor: Actor, now: Date): SQL | undefined {
  const running = sql`${dossiers.status} IN (${list(CLOCK_RUNNING_STATUSES)})`;
  switch (queue) {
    case 'mine':
      return actor.userId ? and(eq(dossiers.assigneeId, actor.userId), sql`${dossiers.status} IN (${list(OPEN_FOR_STAFF)})`) : sql`false`;
    case 'department':
      return actor.departmentId ? and(eq(dossiers.currentDepartmentId, actor.departmentId), sql`${dossiers.status} IN (${list(OPEN_FOR_STAFF)})`) : sql`false`;
    case 'due_soon':
      return and(running, eq(dossiers.deadlineAlert, 'due_soon'), sql`${dossiers.dueAt} >= ${now.toISOString()}::timestamptz`);
    case 'overdue':
      return and(running, sql`${dossiers.dueAt} < ${now.toISOString()}::timestamptz`);
    case 'waiting_for_supplement':
      return eq(dossiers.status, DossierStatus.WAITING_FOR_SUPPLEMENT);
    case 'pending_acceptance':
      return eq(dossiers.status, DossierStatus.PENDING_ACCEPTANCE);
    case 'result_ready':
      return eq(dossiers.status, DossierStatus.RESULT_READY);
    case 'all':
      return undefined;
    default: {
      const unknown: never = queue;
      throw new Error(`unknown queue ${String(unknown)}`);
    }
  }
}

/** What a staff search asks for: an ID number (exact), a dossier code (or its start), or a name. */
function searchOf(q: string | undefined): { kind: 'id' | 'code' | 'name'; text: string } | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  if (/^\d{9}$|^\d{12}$/.test(text)) return { kind: 'id', text };
  if (/\d/.test(text) && /[-.]/.test(text) && !/\s/.test(text)) return { kind: 'code', text };
  return { kind: 'name', text };
}

/** Code, ID number (exact) or applicant / organisation name ignoring diacritics. */
export function searchCondition(q: string | undefined): SQL | undefined {
  const search = searchOf(q);
  if (!search) return undefined;
  if (search.kind === 'id') return eq(dossiers.applicantIdNumber, search.text);
  if (search.kind === 'code') return sql`(${dossiers.code} = ${search.text} OR ${dossiers.code} LIKE ${`${escapeLike(search.text)}%`})`;
  const folded = namePattern(q)!;
  return sql`(f_unaccent(lower(${dossiers.applicantName})) LIKE ${folded} OR f_unaccent(lower(coalesce(${dossiers.organisationName}, ''))) LIKE ${folded})`;
}

/** The LIKE pattern of a name search (diacritics and case ignored), or undefined when `q` is empty, an ID or a code. */
function namePattern(q: string | undefined): string | undefined {
  const search = searchOf(q);
  return search?.kind === 'name' ? `%${escapeLike(foldVietnamese(search.text))}%` : undefined;
}

function orderOf(queue: DossierQueue): SQL[] {
  switch (queue) {
    case 'pending_acceptance':
      return [asc(dossiers.acceptDueAt), asc(dossiers.submittedAt)];
    case 'waiting_for_supplement':
      return [asc(dossiers.supplementRequestedAt)];
    case 'all':
      return [desc(dossiers.submittedAt), desc(dossiers.id)];
    default:
      return [sql`${dossiers.dueAt} ASC NULLS LAST`, asc(dossiers.submittedAt)];
  }
}

const assignee = aliasedTable(users, 'assignee');

const listColumns = {
  id: dossiers.id,
  code: dossiers.code,
  procedure: dossiers.procedure,
  rules: dossiers.rules,
  applicantName: dossiers.applicantName,
  applicantIdNumber: dossiers.applicantIdNumber,
  channel: dossiers.channel,
  status: dossiers.status,
  submittedAt: dossiers.submittedAt,
  receivedAt: dossiers.receivedAt,
  dueAt: dossiers.dueAt,
  deadlineAlert: dossiers.deadlineAlert,
  acceptAlertAt: dossiers.acceptAlertAt,
  acceptDueAt: dossiers.acceptDueAt,
  supplementRequestedAt: dossiers.supplementRequestedAt,
  currentStep: dossiers.currentStep,
  stepDueAt: dossiers.stepDueAt,
  competentAgencyId: dossiers.competentAgencyId,
  competentAgencyName: agencies.name,
  assigneeId: dossiers.assigneeId,
  assigneeName: assignee.fullName,
};
export type DossierListRow = Awaited<ReturnType<typeof selectList>>[number];

function selectList(executor: Executor, where: SQL | undefined, order: SQL[], limit: number, offset: number) {
  return executor
    .select(listColumns)
    .from(dossiers)
    .innerJoin(agencies, eq(agencies.id, dossiers.competentAgencyId))
    .leftJoin(assignee, eq(assignee.id, dossiers.assigneeId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
}

async function countWhere(executor: Executor, where: SQL | undefined): Promise<number> {
  const [row] = await executor.select({ n: sql<number>`count(*)::int` }).from(dossiers).where(where);
  return Number(row?.n ?? 0);
}

/** Queues that are a status alone: counted from the queue index (dossier_scopes) without reading dossier rows. */
const STATUS_QUEUES: Partial<Record<DossierQueue, DossierStatus>> = {
  waiting_for_supplement: DossierStatus.WAITING_FOR_SUPPLEMENT,
  pending_acceptance: DossierStatus.PENDING_ACCEPTANCE,
  result_ready: DossierStatus.RESULT_READY,
};

/**
 * Most desks belong to an agency with no units under it (a commune): there a dossier has one row in the queue index,
 * counted and paged straight from it, with no de-duplication.
 */
async function indexScopeOf(executor: Executor, path: string, id: string | null) {
  const [{ alone } = { alone: false }] = id
    ? await queryRows<{ alone: boolean }>(executor, sql`SELECT NOT EXISTS (${subtreeAgencyIds(path)} AND a.id <> ${id}) AS alone`)
    : [];
  return { path, id, alone };
}

/**
 * Rows of the queue index in the actor's subtree — or, for an agency with no units under it, of that agency alone,
 * where each dossier has one row — of one status and matching a name pattern when given.
 */
function scopeIndexWhere(agency: { path: string; id: string | null; alone: boolean }, status: DossierStatus | undefined, name: string | undefined): SQL {
  const agencies = agency.alone && agency.id ? sql`s.agency_id = ${agency.id}` : sql`s.agency_id IN (${subtreeAgencyIds(agency.path)})`;
  return sql`${PLAN_PER_CALL}${agencies}${status ? sql` AND s.status = ${status}` : sql``}${name ? sql` AND s.search_text LIKE ${name}` : sql``}`;
}

export async function listDossiers(executor: Executor, actor: Actor, query: DossierListQuery, now: Date) {
  const where = and(staffScope(actor), queueCondition(query.queue, actor, now), searchCondition(query.q), query.status ? eq(dossiers.status, query.status) : undefined);
  const offset = (query.page - 1) * query.pageSize;
  const name = namePattern(query.q);
  const indexed = (!query.q?.trim() || name) && !query.status && (query.queue === 'all' || (STATUS_QUEUES[query.queue] && !name));
  if (!indexed || !actor.agencyPath) {
    const [rows, total] = await Promise.all([selectList(executor, where, orderOf(query.queue), query.pageSize, offset), countWhere(executor, where)]);
    return { rows, total };
  }
  // The desk's everyday views: the count (and for "all", searched by name or not, the page's ids, newest first) from
  // the queue index.
  const agency = await indexScopeOf(executor, actor.agencyPath, actor.agencyId);
  const scope = scopeIndexWhere(agency, STATUS_QUEUES[query.queue], name);
  const distinct = agency.alone ? sql`` : sql`DISTINCT `;
  const count = queryRows<{ n: number }>(executor, sql`SELECT count(${distinct}s.dossier_id)::int AS n FROM dossier_scopes s WHERE ${scope}`);
  const page =
    query.queue === 'all'
      ? selectList(
          executor,
          sql`${dossiers.id} IN (SELECT p.dossier_id FROM (SELECT ${distinct}s.submitted_at, s.dossier_id FROM dossier_scopes s WHERE ${scope}
                ORDER BY s.submitted_at DESC, s.dossier_id DESC LIMIT ${query.pageSize} OFFSET ${offset}) p)`,
          orderOf(query.queue),
          query.pageSize,
          0,
        )
      : selectList(executor, where, orderOf(query.queue), query.pageSize, offset);
  const [rows, [counted]] = await Promise.all([page, count]);
  return { rows, total: Number(counted?.n ?? 0) };
}

export const QUEUES_COUNTED: readonly DossierQueue[] = ['mine', 'department', 'due_soon', 'overdue', 'waiting_for_supplement', 'pending_acceptance', 'result_ready'];

/**
 * Counts for the queue cards in one statement: every counted queue holds open dossiers only, so the queue index
 * picks the scope's open dossiers (a few hundred of a commune's thousands) and only those rows are read; "all"
 * is counted in the index alone.
 */
export async function queueCounts(executor: Executor, actor: Actor, now: Date): Promise<Record<DossierQueue, number>> {
  const empty = Object.fromEntries([...QUEUES_COUNTED, 'all'].map((q) => [q, 0])) as Record<DossierQueue, number>;
  if (!actor.agencyPath) return empty;
  const agency = await indexScopeOf(executor, actor.agencyPath, actor.agencyId);
  const scope = scopeIndexWhere(agency, undefined, undefined);
  const distinct = agency.alone ? sql`` : sql`DISTINCT `;
  const columns = Object.fromEntries(QUEUES_COUNTED.map((q) => [q, sql<number>`count(*) FILTER (WHERE ${queueCondition(q, actor, now)})::int`]));
  const [row] = await executor
    .select({ ...columns, all: sql<number>`(SELECT count(${distinct}s.dossier_id)::int FROM dossier_scopes s WHERE ${scope})` })
    .from(dossiers)
    .where(sql`${dossiers.id} IN (SELECT s.dossier_id FROM dossier_scopes s WHERE ${scope} AND s.status IN (${list(OPEN_FOR_STAFF)}))`);
  return { ...empty, ...Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)])) } as Record<DossierQueue, number>;
}

export async function listApplicantDossiers(executor: Executor, userId: string, page: number, pageSize: number) {
  const where = eq(dossiers.applicantUserId, userId);
  const [rows, total] = await Promise.all([
    selectList(executor, where, [desc(dossiers.submittedAt), desc(dossiers.id)], pageSize, (page - 1) * pageSize),
    countWhere(executor, where),
  ]);
  return { rows, total };
}

/** Digitised documents of the applicant's earlier dossiers that staff marked reusable. */
export async function listReusableDocuments(executor: Executor, userId: string, q?: string) {
  const folded = q ? `%${escapeLike(foldVietnamese(q))}%` : null;
  return executor
    .select({
      id: dossierDocuments.id,
      name: dossierDocuments.name,
      kind: dossierDocuments.kind,
      createdAt: dossierDocuments.createdAt,
      dossierCode: dossiers.code,
      procedure: dossiers.procedure,
      fileId: files.id,
      fileName: files.fileName,
      size: files.size,
      mimeType: files.mimeType,
    })
    .from(dossierDocuments)
    .innerJoin(dossiers, eq(dossiers.id, dossierDocuments.dossierId))
    .innerJoin(files, eq(files.id, dossierDocuments.fileId))
    .where(
      and(
        eq(dossiers.applicantUserId, userId),
        eq(dossierDocuments.reusable, true),
        isNotNull(dossierDocuments.fileId),
        folded ? sql`f_unaccent(lower(${dossierDocuments.name})) LIKE ${folded}` : undefined,
      ),
    )
    .orderBy(desc(dossierDocuments.createdAt))
    .limit(200);
}

/** A registered citizen, else the latest dossier of that ID number, to prefill the desk's intake form. */
export async function lookupApplicant(executor: Executor, idNumber: string) {
  const [user] = await executor
    .select({ userId: users.id, fullName: users.fullName, phone: users.phone, email: users.email, address: users.address, organisationName: users.organisationName, taxCode: users.taxCode })
    .from(users)
    .where(and(eq(users.idNumber, idNumber), eq(users.kind, 'citizen')));
  if (user) return user;
  const [last] = await executor
    .select({
      fullName: dossiers.applicantName,
      phone: dossiers.applicantPhone,
      email: dossiers.applicantEmail,
      address: dossiers.applicantAddress,
      organisationName: dossiers.organisationName,
      taxCode: dossiers.organisationTaxCode,
    })
    .from(dossiers)
    .where(eq(dossiers.applicantIdNumber, idNumber))
    .orderBy(desc(dossiers.submittedAt))
    .limit(1);
  return last ? { userId: null, ...last } : undefined;
}

/** Everything the detail view shows besides the row itself. */
export async function loadDossierParts(executor: Executor, row: typeof dossiers.$inferSelect) {
  const [actions, documents, steps, periods] = await Promise.all([
    executor.select().from(dossierActions).where(eq(dossierActions.dossierId, row.id)).orderBy(asc(dossierActions.seq)),
    executor
      .select({ document: dossierDocuments, file: { id: files.id, fileName: files.fileName, size: files.size, mimeType: files.mimeType } })
      .from(dossierDocuments)
      .leftJoin(files, eq(files.id, dossierDocuments.fileId))
      .where(eq(dossierDocuments.dossierId, row.id))
      .orderBy(asc(dossierDocuments.createdAt), asc(dossierDocuments.checklistIndex)),
    executor.select().from(dossierSteps).where(eq(dossierSteps.dossierId, row.id)).orderBy(asc(dossierSteps.position)),
    executor.select().from(dossierAgencyPeriods).where(eq(dossierAgencyPeriods.dossierId, row.id)).orderBy(asc(dossierAgencyPeriods.id)),
  ]);
  const agencyIds = [...new Set([...row.agencyIds, row.currentAgencyId, ...periods.map((p) => p.agencyId).filter((x): x is string => !!x)])];
  const departmentIds = [...new Set([row.currentDepartmentId, ...row.procedure.steps.map((s) => s.departmentId)].filter((x): x is string => !!x))];
  const userIds = [...new Set([row.assigneeId].filter((x): x is string => !!x))];
  // The names the page shows, of agencies, departments and the assignee, in one round trip.
  const names = await queryRows<{ kind: 'agency' | 'department' | 'user'; id: string; name: string }>(
    executor,
    sql`SELECT 'agency' AS kind, id, name FROM agencies WHERE id = ANY(${sql.param(agencyIds)}::uuid[])
        UNION ALL SELECT 'department', id, name FROM departments WHERE id = ANY(${sql.param(departmentIds)}::uuid[])
        UNION ALL SELECT 'user', id, full_name FROM users WHERE id = ANY(${sql.param(userIds)}::uuid[])`,
  );
  const byKind = (kind: 'agency' | 'department' | 'user') => new Map(names.filter((n) => n.kind === kind).map((n) => [n.id, n.name]));
  return {
    actions,
    documents,
    steps,
    periods,
    names: { agency: byKind('agency'), department: byKind('department'), user: byKind('user') },
  };
}
