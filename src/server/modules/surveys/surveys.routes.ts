import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { requirePermission } from '../../auth/plugin';
import { enforceRateLimit } from '../../http/rate-limit';
import { authorize } from '../../policies';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse, Uuid } from '../../../shared/schemas/common';
import {
  SurveyCampaignInput,
  SurveyCampaignList,
  SurveyCampaignView,
  SurveyForm,
  SurveyListQuery,
  SurveyResponseInput,
  SurveyResults,
  SurveySampleInput,
  SurveySampleResult,
  SurveySubmitted,
} from '../../../shared/schemas/surveys';
import { idempotencyKeyOf } from '../dossiers/idempotency';
import { sampleSurveyDossiers } from './sample-survey-dossiers';
import { closeSurveyCampaign, createSurveyCampaign, openSurveyCampaign, updateSurveyCampaign } from './save-survey-campaign';
import { loadSurveyForm, submitSurveyResponse, type SurveyTarget } from './submit-survey-response';
import { surveyResults } from './survey-results';
import { findCampaign, listCampaigns, surveySubject } from './surveys.queries';
import { presentCampaign, presentCampaignSummary, presentQuestion } from './surveys.presenter';

const tags = ['Khảo sát sự hài lòng'];
const IdParams = z.object({ id: Uuid });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
/** Public answers per IP per hour (a desk kiosk answers for many people). */
const RESPONSES_PER_HOUR = 120;

export default async function surveysRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;
  const links = { secret: config.sessionSecret, publicUrl: config.publicUrl };
  const manages = requirePermission(Permission.REFORM_MANAGE);
  const campaign = async (tx: Tx, actor: Actor, id: string) => presentCampaign(tx, actor, config.publicUrl, (await findCampaign(tx, id))!);

  r.get(
    '/api/surveys',
    { preValidation: manages, schema: { tags, summary: 'Các đợt khảo sát', querystring: SurveyListQuery, response: { 200: SurveyCampaignList, ...errors } } },
    async (request) => {
      const rows = await listCampaigns(database.db, request.actor, request.query.status);
      return Promise.all(rows.map((row) => presentCampaignSummary(database.db, config.publicUrl, row)));
    },
  );

  r.post(
    '/api/surveys',
    { preValidation: manages, schema: { tags, summary: 'Tạo đợt khảo sát và bảng hỏi', body: SurveyCampaignInput, response: { 201: SurveyCampaignView, ...errors } } },
    async (request, reply) => {
      const result = await database.db.transaction(async (tx) => campaign(tx, request.actor, await createSurveyCampaign(tx, request.actor, request.body)));
      reply.status(201);
      return result;
    },
  );

  r.get(
    '/api/surveys/:id',
    { preValidation: manages, schema: { tags, summary: 'Chi tiết đợt khảo sát', params: IdParams, response: { 200: SurveyCampaignView, ...errors } } },
    async (request) => {
      const found = await findCampaign(database.db, request.params.id);
      authorize(request.actor, 'read', 'survey', found ? surveySubject(found) : undefined);
      return presentCampaign(database.db, request.actor, config.publicUrl, found!);
    },
  );

  r.put(
    '/api/surveys/:id',
    { preValidation: manages, schema: { tags, summary: 'Sửa đợt khảo sát (khi chưa mở)', params: IdParams, body: SurveyCampaignInput, response: { 200: SurveyCampaignView, ...errors } } },
    async (request) =>
      database.db.transaction(async (tx) => {
        await updateSurveyCampaign(tx, request.actor, request.params.id, request.body);
        return campaign(tx, request.actor, request.params.id);
      }),
  );

  for (const [path, run, summary] of [
    ['open', openSurveyCampaign, 'Mở đợt khảo sát'],
    ['close', closeSurveyCampaign, 'Kết thúc đợt khảo sát'],
  ] as const) {
    r.post(
      `/api/surveys/:id/${path}`,
      { preValidation: manages, schema: { tags, summary, params: IdParams, response: { 200: SurveyCampaignView, ...errors } } },
      async (request) =>
        database.db.transaction(async (tx) => {
          await run(tx, request.actor, request.params.id);
          return campaign(tx, request.actor, request.params.id);
        }),
    );
  }

  r.post(
    '/api/surveys/:id/sample',
    { preValidation: manages, schema: { tags, summary: 'Chọn mẫu hồ sơ đã trả kết quả và gửi phiếu mời', params: IdParams, body: SurveySampleInput, response: { 200: SurveySampleResult, ...errors } } },
    async (request) => database.db.transaction((tx) => sampleSurveyDossiers(tx, request.actor, links, request.params.id, request.body)),
  );

  r.get(
    '/api/surveys/:id/results',
    { preValidation: manages, schema: { tags, summary: 'Kết quả khảo sát theo yếu tố và cơ quan', params: IdParams, response: { 200: SurveyResults, ...errors } } },
    async (request) => {
      const found = await findCampaign(database.db, request.params.id);
      authorize(request.actor, 'results', 'survey', found ? surveySubject(found) : undefined);
      return surveyResults(database.db, found!.campaign.id, found!.campaign.targetAgencyIds);
    },
  );

  // Respondents: the campaign's open link, or a sampled dossier's personal invitation.
  const form = async (target: SurveyTarget) => {
    const f = await loadSurveyForm(database.db, links.secret, target);
    return {
      campaignId: f.record.campaign.id,
      title: f.record.campaign.title,
      description: f.record.campaign.description,
      closesOn: f.record.campaign.closesOn,
      questions: f.questions.map(presentQuestion),
      agencies: f.agencies,
      agency: f.fixedAgency,
    };
  };
  const submit = async (request: { ip: string; actor: Actor; headers: Record<string, string | string[] | undefined> }, target: SurveyTarget, body: SurveyResponseInput) => {
    await enforceRateLimit(database.db, `survey-response:${request.ip}`, RESPONSES_PER_HOUR, 3600);
    const input = { ...body, submissionKey: body.submissionKey ?? idempotencyKeyOf(request.headers['idempotency-key']) };
    const responseId = await database.db.transaction((tx) => submitSurveyResponse(tx, request.actor, links.secret, target, input));
    return { responseId };
  };
  const TokenParams = z.object({ token: z.string().min(10).max(64) });
  const InvitationQuery = z.object({ token: z.string().min(10).max(64) });

  r.get(
    '/api/public/surveys/:token',
    { schema: { tags, summary: 'Phiếu khảo sát (đường dẫn công khai)', params: TokenParams, response: { 200: SurveyForm, 404: ErrorResponse } } },
    async (request) => form({ openToken: request.params.token }),
  );
  r.post(
    '/api/public/surveys/:token/responses',
    { schema: { tags, summary: 'Gửi phiếu khảo sát (đường dẫn công khai)', params: TokenParams, body: SurveyResponseInput, response: { 201: SurveySubmitted, ...errors, 422: ErrorResponse, 429: ErrorResponse } } },
    async (request, reply) => {
      const result = await submit(request, { openToken: request.params.token }, request.body);
      reply.status(201);
      return result;
    },
  );
  r.get(
    '/api/public/survey-invitations/:id',
    { schema: { tags, summary: 'Phiếu khảo sát theo phiếu mời', params: IdParams, querystring: InvitationQuery, response: { 200: SurveyForm, 400: ErrorResponse, 404: ErrorResponse } } },
    async (request) => form({ invitationId: request.params.id, token: request.query.token }),
  );
  r.post(
    '/api/public/survey-invitations/:id/responses',
    {
      schema: {
        tags,
        summary: 'Gửi phiếu khảo sát theo phiếu mời',
        params: IdParams,
        querystring: InvitationQuery,
        body: SurveyResponseInput,
        response: { 201: SurveySubmitted, ...errors, 422: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await submit(request, { invitationId: request.params.id, token: request.query.token }, request.body);
      reply.status(201);
      return result;
    },
  );
}
