/** Answering a questionnaire through the campaign's open link or a sampled dossier's personal invitation. */
import { eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { surveyAnswers, surveyInvitations, surveyResponses } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { SurveyResponseInput } from '../../../shared/schemas/surveys';
import { todayInVietnam } from '../units/units.queries';
import { isSurveyInvitationToken } from './survey-links';
import { agencyRefs, findCampaign, findCampaignByOpenToken, listQuestions, type CampaignRecord } from './surveys.queries';

export type SurveyTarget = { openToken: string } | { invitationId: string; token: string };

interface FieldIssue {
  path: string;
  message: string;
}

/** The campaign, its questions and the agency the answers will be about, for a link. */
export async function loadSurveyForm(executor: Executor, secret: string, target: SurveyTarget, options: { lock?: boolean } = {}) {
  let record: CampaignRecord | undefined;
  let invitation: typeof surveyInvitations.$inferSelect | undefined;
  if ('openToken' in target) {
    record = await findCampaignByOpenToken(executor, target.openToken);
  } else if (isSurveyInvitationToken(secret, target.invitationId, target.token)) {
    const query = executor.select().from(surveyInvitations).where(eq(surveyInvitations.id, target.invitationId));
    [invitation] = options.lock ? await query.for('update') : await query;
    record = invitation ? await findCampaign(executor, invitation.campaignId) : undefined;
  }
  if (!record || record.campaign.status === 'draft') throw new AppError('SURVEY_LINK_INVALID');
  const questions = await listQuestions(executor, record.campaign.id);
  const agencies = await agencyRefs(executor, invitation ? [invitation.agencyId] : record.campaign.targetAgencyIds);
  return { record, questions, invitation, agencies, fixedAgency: invitation ? (agencies[0] ?? null) : null };
}

function isOpen(record: CampaignRecord): boolean {
  const today = todayInVietnam();
  return record.campaign.status === 'open' && record.campaign.opensOn <= today && today <= record.campaign.closesOn;
}

export async function submitSurveyResponse(tx: Tx, actor: Actor, secret: string, target: SurveyTarget, input: SurveyResponseInput): Promise<string> {
  if (input.submissionKey) {
    const [earlier] = await tx.select({ id: surveyResponses.id }).from(surveyResponses).where(eq(surveyResponses.submissionKey, input.submissionKey));
    if (earlier) return earlier.id;
  }
  const form = await loadSurveyForm(tx, secret, target, { lock: true });
  if (!isOpen(form.record)) throw new AppError('SURVEY_NOT_OPEN');
  if (form.invitation?.respondedAt) throw new AppError('SURVEY_ALREADY_ANSWERED');

  const agencyId = form.invitation?.agencyId ?? input.agencyId;
  if (!agencyId || !form.record.campaign.targetAgencyIds.includes(agencyId)) {
    throw new AppError('SURVEY_AGENCY_INVALID', { details: { fields: [{ path: 'body.agencyId', message: 'Chọn cơ quan đã giải quyết hồ sơ của bạn' }] } });
  }

  const issues: FieldIssue[] = [];
  const byId = new Map(form.questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  input.answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    const at = (field: string) => `body.answers.${i}.${field}`;
    if (!q) return issues.push({ path: at('questionId'), message: 'Câu hỏi không thuộc bảng hỏi này' });
    if (seen.has(a.questionId)) return issues.push({ path: at('questionId'), message: 'Câu hỏi được trả lời hai lần' });
    seen.add(a.questionId);
    if (q.kind === 'scale') {
      if (a.text) issues.push({ path: at('text'), message: 'Câu hỏi này chỉ chọn mức đánh giá' });
      if (a.score !== undefined && a.score > q.scale!) issues.push({ path: at('score'), message: `Mức đánh giá từ 1 đến ${q.scale}` });
    } else if (a.score !== undefined) {
      issues.push({ path: at('score'), message: 'Câu hỏi này trả lời bằng lời' });
    }
    return undefined;
  });
  const answered = (id: string) => input.answers.some((a) => a.questionId === id && (a.score !== undefined || !!a.text));
  for (const q of form.questions) {
    if (q.required && !answered(q.id)) issues.push({ path: 'body.answers', message: `Câu hỏi số ${q.position + 1} chưa được trả lời` });
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: { fields: issues } });

  const now = new Date();
  const channel = form.invitation ? 'sample' : 'open_link';
  const [response] = await tx
    .insert(surveyResponses)
    .values({ campaignId: form.record.campaign.id, invitationId: form.invitation?.id ?? null, agencyId, channel, submissionKey: input.submissionKey ?? null, submittedAt: now })
    .returning({ id: surveyResponses.id });
  const rows = input.answers
    .filter((a) => a.score !== undefined || a.text)
    .map((a) => ({ responseId: response!.id, questionId: a.questionId, score: a.score ?? null, text: a.text || null }));
  if (rows.length > 0) await tx.insert(surveyAnswers).values(rows);
  if (form.invitation) await tx.update(surveyInvitations).set({ respondedAt: now }).where(eq(surveyInvitations.id, form.invitation.id));
  await recordAudit(tx, actor, {
    action: AuditAction.SURVEY_RESPONDED,
    subjectType: 'survey',
    subjectId: form.record.campaign.id,
    summary: { responseId: response!.id, agencyId, channel },
  });
  return response!.id;
}
