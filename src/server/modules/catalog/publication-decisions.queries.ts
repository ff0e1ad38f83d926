/** Reads of publication decisions (quyết định công bố TTHC) with their publishing agency and items. */
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies, publicationDecisionItems, publicationDecisions } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { Permission } from '../../../shared/permissions';

export type DecisionRow = typeof publicationDecisions.$inferSelect;
export type DecisionItemRow = typeof publicationDecisionItems.$inferSelect;

export interface DecisionRecord extends DecisionRow {
  publishingAgencyPath: string;
  publishingAgencyName: string;
  publishingAgencyShortName: string;
  itemCount: number;
}

function decisionSelect(executor: Executor) {
  return executor
    .select({
      decision: publicationDecisions,
      publishingAgencyPath: agencies.path,
      publishingAgencyName: agencies.name,
      publishingAgencyShortName: agencies.shortName,
      itemCount: sql<number>`(SELECT count(*)::int FROM publication_decision_items i WHERE i.decision_id = ${publicationDecisions.id})`,
    })
    .from(publicationDecisions)
    .innerJoin(agencies, eq(agencies.id, publicationDecisions.publishingAgencyId));
}

function toRecord(r: { decision: DecisionRow; publishingAgencyPath: string; publishingAgencyName: string; publishingAgencyShortName: string; itemCount: number }): DecisionRecord {
  return { ...r.decision, publishingAgencyPath: r.publishingAgencyPath, publishingAgencyName: r.publishingAgencyName, publishingAgencyShortName: r.publishingAgencyShortName, itemCount: Number(r.itemCount) };
}

export async function findDecision(executor: Executor, id: string): Promise<DecisionRecord | undefined> {
  const [row] = await decisionSelect(executor).where(eq(publicationDecisions.id, id));
  return row ? toRecord(row) : undefined;
}

export async function findDecisionItems(executor: Executor, decisionId: string): Promise<DecisionItemRow[]> {
  return executor.select().from(publicationDecisionItems).where(eq(publicationDecisionItems.decisionId, decisionId)).orderBy(asc(publicationDecisionItems.position));
}

/**
 * Applied decisions for everyone; drafts only for catalog managers, and only those of agencies in their subtree
 * (the same rule as the policy, as SQL so a page is one query).
 */
export async function listDecisions(
  executor: Executor,
  actor: Actor,
  query: { page: number; pageSize: number; status?: 'draft' | 'applied' | undefined; year?: number | undefined },
): Promise<{ items: DecisionRecord[]; total: number }> {
  const visible: SQL =
    actor.permissions.has(Permission.CATALOG_MANAGE) && actor.agencyPath
      ? sql`(${publicationDecisions.status} = 'applied' OR ${agencies.path} LIKE ${`${actor.agencyPath}%`})`
      : sql`${publicationDecisions.status} = 'applied'`;
  const conditions = [visible];
  if (query.status) conditions.push(eq(publicationDecisions.status, query.status));
  if (query.year) conditions.push(sql`extract(year FROM ${publicationDecisions.signedOn}) = ${query.year}`);
  const where = and(...conditions);
  const rows = await decisionSelect(executor)
    .where(where)
    .orderBy(desc(publicationDecisions.signedOn), desc(publicationDecisions.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await executor
    .select({ n: count() })
    .from(publicationDecisions)
    .innerJoin(agencies, eq(agencies.id, publicationDecisions.publishingAgencyId))
    .where(where);
  return { items: rows.map(toRecord), total: Number(total?.n ?? 0) };
}
