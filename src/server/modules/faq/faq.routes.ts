import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { requireUser } from '../../auth/plugin';
import { enforceRateLimit } from '../../http/rate-limit';
import { authorize } from '../../policies';
import { managesFaq } from '../../policies/faq.policy';
import { AppError } from '../../../shared/errors';
import { ErrorResponse, Uuid } from '../../../shared/schemas/common';
import {
  FaqAnswerInput,
  FaqAskInput,
  FaqAsked,
  FaqCreateInput,
  FaqDeclineInput,
  FaqEntry,
  FaqEntryList,
  FaqListQuery,
  FaqUpdateInput,
  OwnFaqQuestionList,
  PublicFaq,
  PublicFaqList,
  PublicFaqQuery,
  faqStatusLabels,
  type FaqStatus,
} from '../../../shared/schemas/faq';
import { answerFaq, declineFaq, publishFaq, unpublishFaq } from './faq-actions';
import { faqSubject, findFaq, listFaqForStaff, listOwnFaqQuestions, listPublishedFaq } from './faq.queries';
import { presentFaqEntry, presentPublicFaq } from './faq.presenter';
import { askFaqQuestion, createFaqEntry, updateFaqEntry } from './save-faq-entry';

const tags = ['Câu hỏi thường gặp'];
const IdParams = z.object({ id: Uuid });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const QUESTIONS_PER_HOUR = 10;

/** Officers who keep the FAQ (catalog managers, petition handlers); checked before validation. */
async function requireFaqOfficer(request: { actor: Actor }) {
  if (!request.actor.userId) throw new AppError('UNAUTHENTICATED');
  if (!managesFaq(request.actor)) throw new AppError('FORBIDDEN');
}

export default async function faqRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.ctx;
  const entry = async (tx: Tx, actor: Actor, id: string) => presentFaqEntry(tx, actor, (await findFaq(tx, id))!);

  r.get(
    '/api/public/faq',
    { schema: { tags, summary: 'Câu hỏi thường gặp đã công khai (tìm không dấu)', querystring: PublicFaqQuery, response: { 200: PublicFaqList, 400: ErrorResponse } } },
    async (request) => {
      const { items, total } = await listPublishedFaq(database.db, request.query);
      return { items: await Promise.all(items.map((i) => presentPublicFaq(database.db, i))), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  r.get(
    '/api/public/faq/:id',
    { schema: { tags, summary: 'Một câu hỏi thường gặp', params: IdParams, response: { 200: PublicFaq, 400: ErrorResponse, 404: ErrorResponse } } },
    async (request) => {
      const found = await findFaq(database.db, request.params.id);
      if (!found || found.entry.status !== 'published') throw new AppError('NOT_FOUND');
      return presentPublicFaq(database.db, found);
    },
  );

  r.post(
    '/api/public/faq',
    { schema: { tags, summary: 'Gửi câu hỏi', body: FaqAskInput, response: { 201: FaqAsked, 400: ErrorResponse, 429: ErrorResponse } } },
    async (request, reply) => {
      await enforceRateLimit(database.db, `faq-ask:${request.actor.userId ?? request.ip}`, QUESTIONS_PER_HOUR, 3600);
      const id = await database.db.transaction((tx) => askFaqQuestion(tx, request.actor, request.body));
      reply.status(201);
      return { id, status: 'asked' as const };
    },
  );

  r.get(
    '/api/faq/mine',
    { preValidation: requireUser, schema: { tags, summary: 'Câu hỏi tôi đã gửi', response: { 200: OwnFaqQuestionList, 401: ErrorResponse } } },
    async (request) => {
      const rows = await listOwnFaqQuestions(database.db, request.actor);
      return rows.map((e) => ({
        id: e.id,
        status: e.status as FaqStatus,
        statusLabel: faqStatusLabels[e.status as FaqStatus],
        question: e.question,
        answer: e.status === 'answered' || e.status === 'published' ? e.answer : null,
        askedAt: e.askedAt!.toISOString(),
        answeredAt: e.answeredAt?.toISOString() ?? null,
        declineReason: e.declineReason,
      }));
    },
  );

  r.get(
    '/api/faq',
    { preValidation: requireFaqOfficer, schema: { tags, summary: 'Câu hỏi thường gặp (quản lý)', querystring: FaqListQuery, response: { 200: FaqEntryList, ...errors } } },
    async (request) => {
      const { items, total } = await listFaqForStaff(database.db, request.actor, request.query);
      return {
        items: await Promise.all(items.map((i) => presentFaqEntry(database.db, request.actor, i))),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  r.post(
    '/api/faq',
    { preValidation: requireFaqOfficer, schema: { tags, summary: 'Thêm câu hỏi thường gặp', body: FaqCreateInput, response: { 201: FaqEntry, ...errors } } },
    async (request, reply) => {
      const result = await database.db.transaction(async (tx) => entry(tx, request.actor, await createFaqEntry(tx, request.actor, request.body)));
      reply.status(201);
      return result;
    },
  );

  r.get(
    '/api/faq/:id',
    { preValidation: requireFaqOfficer, schema: { tags, summary: 'Chi tiết câu hỏi', params: IdParams, response: { 200: FaqEntry, ...errors } } },
    async (request) => {
      const found = await findFaq(database.db, request.params.id);
      authorize(request.actor, 'update', 'faq', found ? faqSubject(found) : undefined);
      return presentFaqEntry(database.db, request.actor, found!);
    },
  );

  r.put(
    '/api/faq/:id',
    { preValidation: requireFaqOfficer, schema: { tags, summary: 'Sửa câu hỏi, câu trả lời', params: IdParams, body: FaqUpdateInput, response: { 200: FaqEntry, ...errors } } },
    async (request) =>
      database.db.transaction(async (tx) => {
        await updateFaqEntry(tx, request.actor, request.params.id, request.body);
        return entry(tx, request.actor, request.params.id);
      }),
  );

  r.post(
    '/api/faq/:id/answer',
    { preValidation: requireFaqOfficer, schema: { tags, summary: 'Trả lời câu hỏi', params: IdParams, body: FaqAnswerInput, response: { 200: FaqEntry, ...errors } } },
    async (request) =>
      database.db.transaction(async (tx) => {
        await answerFaq(tx, request.actor, request.params.id, request.body);
        return entry(tx, request.actor, request.params.id);
      }),
  );

  r.post(
    '/api/faq/:id/decline',
    { preValidation: requireFaqOfficer, schema: { tags, summary: 'Không trả lời câu hỏi', params: IdParams, body: FaqDeclineInput, response: { 200: FaqEntry, ...errors } } },
    async (request) =>
      database.db.transaction(async (tx) => {
        await declineFaq(tx, request.actor, request.params.id, request.body);
        return entry(tx, request.actor, request.params.id);
      }),
  );

  for (const [path, run, summary] of [
    ['publish', publishFaq, 'Công khai trên Cổng'],
    ['unpublish', unpublishFaq, 'Gỡ khỏi Cổng'],
  ] as const) {
    r.post(
      `/api/faq/:id/${path}`,
      { preValidation: requireFaqOfficer, schema: { tags, summary, params: IdParams, response: { 200: FaqEntry, ...errors } } },
      async (request) =>
        database.db.transaction(async (tx) => {
          await run(tx, request.actor, request.params.id);
          return entry(tx, request.actor, request.params.id);
        }),
    );
  }
}
