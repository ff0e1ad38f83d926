import type { Executor } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { scaleLevels, type RatingScale } from '../../../shared/schemas/ratings';
import { surveyElementLabels, surveyStatusLabels, type SurveyCampaignView, type SurveyElement, type SurveyStatus } from '../../../shared/schemas/surveys';
import { surveyAbilities } from './save-survey-campaign';
import { openLinkUrl } from './survey-links';
import { agencyRefs, campaignCounts, listQuestions, type CampaignRecord } from './surveys.queries';

type QuestionRow = Awaited<ReturnType<typeof listQuestions>>[number];

export function presentQuestion(q: QuestionRow) {
  const scale = q.scale as RatingScale | null;
  return {
    id: q.id,
    element: q.element as SurveyElement,
    elementLabel: surveyElementLabels[q.element as SurveyElement],
    position: q.position,
    text: q.text,
    kind: q.kind as 'scale' | 'text',
    scale,
    levels: scale ? scaleLevels(scale) : [],
    required: q.required,
  };
}

export async function presentCampaignSummary(executor: Executor, publicUrl: string, r: CampaignRecord) {
  const c = r.campaign;
  return {
    id: c.id,
    title: c.title,
    organiser: { id: c.organiserAgencyId, name: r.organiserName },
    status: c.status as SurveyStatus,
    statusLabel: surveyStatusLabels[c.status as SurveyStatus],
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    openLink: c.openLinkToken ? { token: c.openLinkToken, url: openLinkUrl(publicUrl, c.openLinkToken) } : null,
    counts: await campaignCounts(executor, c.id),
  };
}

export async function presentCampaign(executor: Executor, actor: Actor, publicUrl: string, r: CampaignRecord): Promise<SurveyCampaignView> {
  return {
    ...(await presentCampaignSummary(executor, publicUrl, r)),
    description: r.campaign.description,
    targetAgencies: await agencyRefs(executor, r.campaign.targetAgencyIds),
    questions: (await listQuestions(executor, r.campaign.id)).map(presentQuestion),
    abilities: surveyAbilities(actor, r),
  };
}
