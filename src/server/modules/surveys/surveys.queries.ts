import { and, asc, count, desc, eq, inArray, like, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies, surveyCampaigns, surveyInvitations, surveyQuestions, surveyResponses } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import type { SurveySubject } from '../../policies/surveys.policy';
import type { SurveyStatus } from '../../../shared/schemas/surveys';

export async function findCampaign(executor: Executor, id: string, options: { lock?: boolean } = {}) {
  const query = executor
    .select({ campaign: surveyCampaigns, organiserName: agencies.name, organiserPath: agencies.path })
    .from(surveyCampaigns)
    .innerJoin(agencies, eq(agencies.id, surveyCampaigns.organiserAgencyId))
    .where(eq(surveyCampaigns.id, id));
  const [row] = options.lock ? await query.for('update', { of: surveyCampaigns }) : await query;
  return row;
}
export type CampaignRecord = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

export const surveySubject = (r: CampaignRecord): SurveySubject => ({ organiserAgencyPath: r.organiserPath });

export async function findCampaignByOpenToken(executor: Executor, token: string) {
  const [row] = await executor.select({ id: surveyCampaigns.id }).from(surveyCampaigns).where(eq(surveyCampaigns.openLinkToken, token));
  return row ? findCampaign(executor, row.id) : undefined;
}

export function listQuestions(executor: Executor, campaignId: string) {
  return executor.select().from(surveyQuestions).where(eq(surveyQuestions.campaignId, campaignId)).orderBy(asc(surveyQuestions.position));
}

export async function agencyRefs(executor: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await executor.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is { id: string; name: string } => !!r);
}

export async function campaignCounts(executor: Executor, campaignId: string) {
  const [invitations] = await executor.select({ n: count() }).from(surveyInvitations).where(eq(surveyInvitations.campaignId, campaignId));
  const [responses] = await executor.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.campaignId, campaignId));
  return { invitations: invitations!.n, responses: responses!.n };
}

/** Campaigns organised in the actor's agency subtree, newest first. */
export function listCampaigns(executor: Executor, actor: Actor, status: SurveyStatus | undefined) {
  const where: SQL[] = [like(agencies.path, `${actor.agencyPath ?? '\u0000'}%`)];
  if (status) where.push(eq(surveyCampaigns.status, status));
  return executor
    .select({ campaign: surveyCampaigns, organiserName: agencies.name, organiserPath: agencies.path })
    .from(surveyCampaigns)
    .innerJoin(agencies, eq(agencies.id, surveyCampaigns.organiserAgencyId))
    .where(and(...where))
    .orderBy(desc(surveyCampaigns.createdAt))
    .limit(500);
}
