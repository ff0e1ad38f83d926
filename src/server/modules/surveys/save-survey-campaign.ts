/** Creating a campaign and its questionnaire, editing it while in draft, opening and closing it. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { agencies, surveyCampaigns, surveyQuestions } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize, can } from '../../policies';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import { SURVEY_ACTIONS, surveyWorkflow, type SurveyAction, type SurveyCampaignInput, type SurveyStatus } from '../../../shared/schemas/surveys';
import { todayInVietnam, validOn } from '../units/units.queries';
import { newOpenLinkToken } from './survey-links';
import { findCampaign, surveySubject, type CampaignRecord } from './surveys.queries';

async function checkTargets(tx: Tx, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const found = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(inArray(agencies.id, unique), validOn(agencies, todayInVietnam())));
  const have = new Set(found.map((f) => f.id));
  const missing = unique.filter((id) => !have.has(id));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      details: { fields: missing.map((id) => ({ path: 'body.targetAgencyIds', message: `Cơ quan ${id} không tồn tại hoặc không còn hoạt động` })) },
    });
  }
  return unique;
}

async function insertQuestions(tx: Tx, campaignId: string, questions: SurveyCampaignInput['questions']) {
  await tx.insert(surveyQuestions).values(
    questions.map((q, position) => ({ campaignId, position, element: q.element, text: q.text, kind: q.kind, scale: q.scale, required: q.required })),
  );
}

export async function createSurveyCampaign(tx: Tx, actor: Actor, input: SurveyCampaignInput): Promise<string> {
  authorize(actor, 'create', 'survey', {});
  const targetAgencyIds = await checkTargets(tx, input.targetAgencyIds);
  const [row] = await tx
    .insert(surveyCampaigns)
    .values({
      title: input.title,
      description: input.description ?? null,
      organiserAgencyId: actor.agencyId!,
      targetAgencyIds,
      status: 'draft',
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      openLinkToken: input.openLink ? newOpenLinkToken() : null,
      createdById: actor.userId,
    })
    .returning({ id: surveyCampaigns.id });
  await insertQuestions(tx, row!.id, input.questions);
  await recordAudit(tx, actor, {
    action: AuditAction.SURVEY_CREATED,
    subjectType: 'survey',
    subjectId: row!.id,
    summary: { title: input.title, agencies: targetAgencyIds.length, questions: input.questions.length },
  });
  return row!.id;
}

export function surveyAbilities(actor: Actor, record: CampaignRecord): Record<SurveyAction, boolean> {
  const status = record.campaign.status as SurveyStatus;
  return Object.fromEntries(
    SURVEY_ACTIONS.map((a) => [a, surveyWorkflow[status][a] !== undefined && can(actor, a, 'survey', surveySubject(record))]),
  ) as Record<SurveyAction, boolean>;
}

const auditOf: Record<SurveyAction, string> = {
  update: AuditAction.SURVEY_UPDATED,
  open: AuditAction.SURVEY_OPENED,
  close: AuditAction.SURVEY_CLOSED,
  sample: AuditAction.SURVEY_SAMPLED,
};

/** Authorizes, checks the workflow table, applies, records the status and the audit row. */
export async function runSurveyAction<R extends Record<string, unknown>>(
  tx: Tx,
  actor: Actor,
  id: string,
  action: SurveyAction,
  apply: (record: CampaignRecord) => Promise<{ set?: Partial<typeof surveyCampaigns.$inferInsert>; audit?: R }>,
) {
  const record = await findCampaign(tx, id, { lock: true });
  authorize(actor, action, 'survey', record ? surveySubject(record) : undefined);
  const status = record!.campaign.status as SurveyStatus;
  const next = surveyWorkflow[status][action];
  if (next === undefined) {
    const abilities = surveyAbilities(actor, record!);
    throw new AppError(action === 'update' ? 'SURVEY_NOT_EDITABLE' : 'ACTION_NOT_ALLOWED', {
      details: { status, allowedActions: SURVEY_ACTIONS.filter((a) => abilities[a]) },
    });
  }
  const change = await apply(record!);
  const to = next ?? status;
  await tx
    .update(surveyCampaigns)
    .set({ ...change.set, status: to, updatedAt: new Date() })
    .where(eq(surveyCampaigns.id, id));
  await recordAudit(tx, actor, { action: auditOf[action], subjectType: 'survey', subjectId: id, summary: { from: status, to, ...change.audit } });
  return change.audit;
}

/** Replaces the questionnaire and the settings while the campaign is still a draft. */
export function updateSurveyCampaign(tx: Tx, actor: Actor, id: string, input: SurveyCampaignInput) {
  return runSurveyAction(tx, actor, id, 'update', async (record) => {
    const targetAgencyIds = await checkTargets(tx, input.targetAgencyIds);
    await tx.delete(surveyQuestions).where(eq(surveyQuestions.campaignId, id));
    await insertQuestions(tx, id, input.questions);
    const keepToken = record.campaign.openLinkToken;
    return {
      set: {
        title: input.title,
        description: input.description ?? null,
        targetAgencyIds,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        openLinkToken: input.openLink ? (keepToken ?? newOpenLinkToken()) : null,
      },
      audit: { questions: input.questions.length, agencies: targetAgencyIds.length },
    };
  });
}

export function openSurveyCampaign(tx: Tx, actor: Actor, id: string) {
  return runSurveyAction(tx, actor, id, 'open', async () => ({ set: { openedAt: new Date() } }));
}

export function closeSurveyCampaign(tx: Tx, actor: Actor, id: string) {
  return runSurveyAction(tx, actor, id, 'close', async () => ({ set: { closedAt: new Date() } }));
}
