import type { FastifyInstance, preValidationHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { requirePermission, requireUser } from '../../auth/plugin';
import { enforceRateLimit } from '../../http/rate-limit';
import { authorize } from '../../policies';
import { AppError } from '../../../shared/errors';
import { Permission, permissionsOf } from '../../../shared/permissions';
import { ErrorResponse, Uuid } from '../../../shared/schemas/common';
import { FiguresQuery } from '../../../shared/schemas/ratings';
import {
  AnswerPetitionInput,
  AssignPetitionInput,
  ClassifyPetitionInput,
  ForwardPetitionInput,
  PetitionConsentInput,
  PetitionCreated,
  PetitionDetail,
  PetitionFigures,
  PetitionListQuery,
  PetitionListResponse,
  PetitionRegisterInput,
  PetitionSubmitInput,
  PetitionTrackInput,
  PublishPetitionInput,
  PublishedPetition,
  PublishedPetitionList,
  PublishedPetitionQuery,
  RatePetitionAnswerInput,
  RejectPetitionInput,
  UnpublishPetitionInput,
  WithdrawPetitionInput,
} from '../../../shared/schemas/petitions';
import { resolveFiguresScope } from '../ratings/figures-scope';
import { fileStorageFor } from '../files/file-storage';
import { idempotencyKeyOf } from '../dossiers/idempotency';
import { sendStoredFile } from '../files/send-file';
import { findPetitionAttachment } from './petition-attachments';
import { registerPetition, submitPetition } from './create-petition';
import {
  answerPetition,
  assignPetition,
  classifyPetition,
  forwardPetition,
  publishPetition,
  ratePetitionAnswer,
  rejectPetition,
  setPetitionPublishConsent,
  unpublishPetition,
  withdrawPetition,
  type PetitionRef,
} from './petition-actions';
import { isPetitionTrackingToken, petitionContext, petitionTrackingToken, type PetitionContext } from './petition-context';
import { petitionFigures } from './petition-figures';
import {
  findPetition,
  findPetitionByCode,
  findProcedureRef,
  findPublishedPetition,
  listAgencyPetitions,
  listOwnPetitions,
  listPetitionHandlers,
  listPublishedPetitions,
  petitionSubject,
} from './petitions.queries';
import { presentPetitionDetail, presentPetitionListItem, presentPublishedPetition } from './petitions.presenter';

const tags = ['Phản ánh, kiến nghị'];
const IdParams = z.object({ id: Uuid });
const AttachmentParams = z.object({ id: Uuid, fileId: Uuid });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Anonymous submissions and token look-ups per IP per hour. */
const SUBMISSIONS_PER_HOUR = 10;
const TRACKING_PER_HOUR = 60;

type ActionRun<I> = (tx: Tx, actor: Actor, ctx: PetitionContext, ref: PetitionRef, input: I) => Promise<unknown>;

export default async function petitionsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;
  const ctx = petitionContext(config);
  const storage = fileStorageFor(config);
  const handles = requirePermission(Permission.PETITION_HANDLE);

  const created = async (tx: Tx, actor: Actor, id: string) => {
    const loaded = await findPetition(tx, id);
    return { petition: await presentPetitionDetail(tx, actor, loaded!), trackingToken: petitionTrackingToken(ctx.trackingSecret, id) };
  };

  r.post(
    '/api/petitions',
    { schema: { tags, summary: 'Gửi phản ánh, kiến nghị trực tuyến; hỗ trợ Idempotency-Key', body: PetitionSubmitInput, response: { 201: PetitionCreated, ...errors, 422: ErrorResponse, 429: ErrorResponse } } },
    async (request, reply) => {
      if (!request.actor.userId) await enforceRateLimit(database.db, `petition-submit:${request.ip}`, SUBMISSIONS_PER_HOUR, 3600);
      const body = { ...request.body, submissionKey: request.body.submissionKey ?? idempotencyKeyOf(request.headers['idempotency-key']) };
      const result = await database.db.transaction(async (tx) => created(tx, request.actor, await submitPetition(tx, request.actor, ctx, body)));
      reply.status(201);
      return result;
    },
  );

  r.post(
    '/api/petitions/register',
    {
      preValidation: handles,
      schema: { tags, summary: 'Vào sổ phản ánh, kiến nghị nhận qua văn bản, thư điện tử, điện thoại; hỗ trợ Idempotency-Key', body: PetitionRegisterInput, response: { 201: PetitionCreated, ...errors, 422: ErrorResponse } },
    },
    async (request, reply) => {
      const body = { ...request.body, submissionKey: request.body.submissionKey ?? idempotencyKeyOf(request.headers['idempotency-key']) };
      const result = await database.db.transaction(async (tx) => created(tx, request.actor, await registerPetition(tx, request.actor, ctx, body)));
      reply.status(201);
      return result;
    },
  );

  r.get(
    '/api/petitions',
    { preValidation: handles, schema: { tags, summary: 'Danh sách phản ánh, kiến nghị của cơ quan', querystring: PetitionListQuery, response: { 200: PetitionListResponse, ...errors } } },
    async (request) => {
      const { items, total } = await listAgencyPetitions(database.db, request.actor, request.query);
      return { items: items.map(presentPetitionListItem), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  r.get(
    '/api/petitions/mine',
    { preValidation: requireUser, schema: { tags, summary: 'Phản ánh, kiến nghị của tôi', querystring: PetitionListQuery, response: { 200: PetitionListResponse, ...errors } } },
    async (request) => {
      const { items, total } = await listOwnPetitions(database.db, request.actor, request.query);
      return { items: items.map(presentPetitionListItem), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  r.get(
    '/api/petitions/figures',
    {
      preValidation: requirePermission(Permission.STATISTICS_READ),
      schema: { tags, summary: 'Số liệu tiếp nhận, xử lý phản ánh, kiến nghị theo kỳ', querystring: FiguresQuery, response: { 200: PetitionFigures, ...errors } },
    },
    async (request) => {
      const agencyPath = await resolveFiguresScope(database.db, request.actor, request.query.agencyId);
      return petitionFigures(database.db, { from: request.query.from, to: request.query.to, agencyPath });
    },
  );

  r.get(
    '/api/petitions/:id',
    { preValidation: requireUser, schema: { tags, summary: 'Chi tiết phản ánh, kiến nghị', params: IdParams, response: { 200: PetitionDetail, ...errors } } },
    async (request) => {
      const loaded = await findPetition(database.db, request.params.id);
      authorize(request.actor, 'read', 'petition', loaded ? petitionSubject(loaded) : undefined);
      return presentPetitionDetail(database.db, request.actor, loaded!);
    },
  );

  r.get(
    '/api/petitions/:id/attachments/:fileId',
    { preValidation: requireUser, schema: { tags, summary: 'Tải tệp đính kèm của phản ánh, kiến nghị', params: AttachmentParams, response: errors } },
    async (request, reply) => {
      const loaded = await findPetition(database.db, request.params.id);
      authorize(request.actor, 'read', 'petition', loaded ? petitionSubject(loaded) : undefined);
      const file = await findPetitionAttachment(database.db, request.params.id, request.params.fileId);
      if (!file) throw new AppError('NOT_FOUND');
      return sendStoredFile(reply, storage, file);
    },
  );

  r.get(
    '/api/petitions/:id/handlers',
    {
      preValidation: handles,
      schema: {
        tags,
        summary: 'Cán bộ có thể được giao xử lý',
        params: IdParams,
        response: { 200: z.array(z.object({ id: z.string(), fullName: z.string() })), ...errors },
      },
    },
    async (request) => {
      const loaded = await findPetition(database.db, request.params.id);
      authorize(request.actor, 'assign', 'petition', loaded ? petitionSubject(loaded) : undefined);
      const staff = await listPetitionHandlers(database.db, loaded!.agencyPath);
      return staff.filter((s) => permissionsOf(s.roles).has(Permission.PETITION_HANDLE)).map(({ id, fullName }) => ({ id, fullName }));
    },
  );

  function action<S extends z.ZodType>(path: string, summary: string, guard: preValidationHookHandler, body: S, run: ActionRun<z.output<S>>) {
    r.post(
      `/api/petitions/:id/${path}`,
      { preValidation: guard, schema: { tags, summary, params: IdParams, body, response: { 200: PetitionDetail, ...errors, 422: ErrorResponse } } },
      async (request) =>
        database.db.transaction(async (tx) => {
          await run(tx, request.actor, ctx, { id: request.params.id }, request.body as z.output<S>);
          return presentPetitionDetail(tx, request.actor, (await findPetition(tx, request.params.id))!);
        }),
    );
  }
  action('classify', 'Phân loại phản ánh, kiến nghị', handles, ClassifyPetitionInput, classifyPetition);
  action('assign', 'Giao cán bộ xử lý', handles, AssignPetitionInput, assignPetition);
  action('forward', 'Chuyển cơ quan có thẩm quyền', handles, ForwardPetitionInput, forwardPetition);
  action('reject', 'Từ chối xử lý (không đủ điều kiện)', handles, RejectPetitionInput, rejectPetition);
  action('answer', 'Trả lời phản ánh, kiến nghị', handles, AnswerPetitionInput, answerPetition);
  action('publish', 'Công khai kết quả trả lời trên Cổng', handles, PublishPetitionInput, publishPetition);
  action('unpublish', 'Gỡ công khai kết quả trả lời', handles, UnpublishPetitionInput, unpublishPetition);
  action('withdraw', 'Rút phản ánh, kiến nghị', requireUser, WithdrawPetitionInput, withdrawPetition);
  action('consent', 'Đồng ý hoặc không đồng ý công khai kết quả', requireUser, PetitionConsentInput, setPetitionPublishConsent);
  action('rate', 'Đánh giá kết quả trả lời', requireUser, RatePetitionAnswerInput, ratePetitionAnswer);

  // Petitioners without an account: the code and the tracking token given at submission.
  const tracked = async (tx: Tx, actor: Actor, input: { code: string; token: string }) => {
    const loaded = await findPetitionByCode(tx, input.code);
    if (!loaded || !isPetitionTrackingToken(ctx.trackingSecret, loaded.row.id, input.token)) throw new AppError('PETITION_TRACKING_INVALID');
    return presentPetitionDetail(tx, actor, loaded, true);
  };

  r.post(
    '/api/public/petitions/track',
    { schema: { tags, summary: 'Tra cứu phản ánh, kiến nghị bằng mã và mã tra cứu', body: PetitionTrackInput, response: { 200: PetitionDetail, ...errors, 429: ErrorResponse } } },
    async (request) => {
      await enforceRateLimit(database.db, `petition-track:${request.ip}`, TRACKING_PER_HOUR, 3600);
      return database.db.transaction((tx) => tracked(tx, request.actor, request.body));
    },
  );

  r.get(
    '/api/public/petitions/track/attachments/:fileId',
    {
      schema: {
        tags,
        summary: 'Tải tệp đính kèm (mã tra cứu)',
        params: z.object({ fileId: Uuid }),
        querystring: PetitionTrackInput,
        response: { ...errors, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      await enforceRateLimit(database.db, `petition-track:${request.ip}`, TRACKING_PER_HOUR, 3600);
      const loaded = await findPetitionByCode(database.db, request.query.code);
      if (!loaded || !isPetitionTrackingToken(ctx.trackingSecret, loaded.row.id, request.query.token)) throw new AppError('PETITION_TRACKING_INVALID');
      const file = await findPetitionAttachment(database.db, loaded.row.id, request.params.fileId);
      if (!file) throw new AppError('NOT_FOUND');
      return sendStoredFile(reply, storage, file);
    },
  );

  function trackedAction<S extends z.ZodObject>(path: string, summary: string, body: S, run: ActionRun<z.output<S>>) {
    const schema = PetitionTrackInput.extend(body.shape);
    r.post(
      `/api/public/petitions/track/${path}`,
      { schema: { tags, summary, body: schema, response: { 200: PetitionDetail, ...errors, 429: ErrorResponse } } },
      async (request) => {
        await enforceRateLimit(database.db, `petition-track:${request.ip}`, TRACKING_PER_HOUR, 3600);
        const input = request.body as PetitionTrackInput & z.output<S>;
        return database.db.transaction(async (tx) => {
          await run(tx, request.actor, ctx, { code: input.code, token: input.token }, input);
          return tracked(tx, request.actor, input);
        });
      },
    );
  }
  trackedAction('withdraw', 'Rút phản ánh, kiến nghị (mã tra cứu)', WithdrawPetitionInput, withdrawPetition);
  trackedAction('consent', 'Đồng ý công khai kết quả (mã tra cứu)', PetitionConsentInput, setPetitionPublishConsent);
  trackedAction('rate', 'Đánh giá kết quả trả lời (mã tra cứu)', RatePetitionAnswerInput, ratePetitionAnswer);

  r.get(
    '/api/public/petitions',
    { schema: { tags, summary: 'Kết quả trả lời phản ánh, kiến nghị đã công khai', querystring: PublishedPetitionQuery, response: { 200: PublishedPetitionList, 400: ErrorResponse } } },
    async (request) => {
      const { items, total } = await listPublishedPetitions(database.db, request.query);
      const presented = await Promise.all(items.map(async (row) => presentPublishedPetition(row, await findProcedureRef(database.db, row.procedureId))));
      return { items: presented, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  r.get(
    '/api/public/petitions/:id',
    { schema: { tags, summary: 'Một kết quả trả lời đã công khai', params: IdParams, response: { 200: PublishedPetition, 400: ErrorResponse, 404: ErrorResponse } } },
    async (request) => {
      const row = await findPublishedPetition(database.db, request.params.id);
      if (!row) throw new AppError('NOT_FOUND');
      return presentPublishedPetition(row, await findProcedureRef(database.db, row.procedureId));
    },
  );
}
