import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { requirePermission, requireUser } from '../../auth/plugin';
import { enforceRateLimit } from '../../http/rate-limit';
import { authorize } from '../../policies';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse, Uuid } from '../../../shared/schemas/common';
import {
  DeskRatingInput,
  DossierRatingInput,
  DossierRatingStatus,
  DossierReceiptProof,
  FeedbackSettings,
  FeedbackSettingsView,
  FiguresQuery,
  PublicDossierRatingInput,
  RatingFigures,
  RatingList,
  RatingListQuery,
  scaleLevels,
} from '../../../shared/schemas/ratings';
import { subjectOf } from '../dossiers/perform-action';
import { resolveFiguresScope } from './figures-scope';
import { getFeedbackSettings, updateFeedbackSettings } from './feedback-settings';
import { loadRatedDossier, rateDossier, type RatingAuthor } from './rate-dossier';
import { ratingFigures } from './rating-figures';
import { findDossierForRating, listRatings } from './ratings.queries';
import { presentRating, presentRatingStatus } from './ratings.presenter';

const tags = ['Đánh giá sự hài lòng'];
const DossierParams = z.object({ dossierId: Uuid });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const RECEIPT_LOOKUPS_PER_HOUR = 60;

export default async function ratingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.ctx;

  /** The status page of a signed-in viewer: the applicant, or staff who may read the dossier. */
  const statusFor = async (tx: Tx, actor: Actor, dossierId: string) => {
    const found = await findDossierForRating(tx, { id: dossierId });
    const subject = found ? await subjectOf(tx, found.dossier) : undefined;
    authorize(actor, 'read', 'dossier_rating', subject);
    return presentRatingStatus(tx, actor, found!, { asApplicant: !!actor.userId && actor.userId === found!.dossier.applicantUserId && actor.userKind === 'citizen', subject: subject! });
  };
  const statusByReceipt = async (tx: Tx, actor: Actor, proof: { code: string; secret: string }) => {
    const found = await loadRatedDossier(tx, actor, { kind: 'receipt', ...proof });
    return presentRatingStatus(tx, actor, found, { asApplicant: true });
  };
  const rate = (actor: Actor, author: RatingAuthor, input: DossierRatingInput) =>
    database.db.transaction(async (tx) => {
      await rateDossier(tx, actor, author, input);
      return author.kind === 'receipt' ? statusByReceipt(tx, actor, author) : statusFor(tx, actor, author.dossierId);
    });

  r.get(
    '/api/ratings/dossiers/:dossierId',
    { preValidation: requireUser, schema: { tags, summary: 'Đánh giá của một hồ sơ', params: DossierParams, response: { 200: DossierRatingStatus, ...errors } } },
    async (request) => database.db.transaction((tx) => statusFor(tx, request.actor, request.params.dossierId)),
  );

  r.put(
    '/api/ratings/dossiers/:dossierId',
    { preValidation: requireUser, schema: { tags, summary: 'Người nộp đánh giá hồ sơ đã trả kết quả', params: DossierParams, body: DossierRatingInput, response: { 200: DossierRatingStatus, ...errors } } },
    async (request) => rate(request.actor, { kind: 'applicant', dossierId: request.params.dossierId }, request.body),
  );

  r.put(
    '/api/ratings/dossiers/:dossierId/desk',
    {
      preValidation: requirePermission(Permission.DOSSIER_RETURN),
      schema: { tags, summary: 'Cán bộ Một cửa nhập đánh giá của người nộp (máy tính bảng, phiếu giấy)', params: DossierParams, body: DeskRatingInput, response: { 200: DossierRatingStatus, ...errors } },
    },
    async (request) => {
      const { channel, ...input } = request.body;
      return rate(request.actor, { kind: 'desk', dossierId: request.params.dossierId, channel }, input);
    },
  );

  r.post(
    '/api/public/ratings/lookup',
    { schema: { tags, summary: 'Đánh giá hồ sơ bằng mã hồ sơ và mã tra cứu trên Giấy tiếp nhận', body: DossierReceiptProof, response: { 200: DossierRatingStatus, ...errors, 429: ErrorResponse } } },
    async (request) => {
      await enforceRateLimit(database.db, `rating-receipt:${request.ip}`, RECEIPT_LOOKUPS_PER_HOUR, 3600);
      return database.db.transaction((tx) => statusByReceipt(tx, request.actor, request.body));
    },
  );

  r.put(
    '/api/public/ratings',
    { schema: { tags, summary: 'Gửi đánh giá bằng mã hồ sơ và mã tra cứu', body: PublicDossierRatingInput, response: { 200: DossierRatingStatus, ...errors, 429: ErrorResponse } } },
    async (request) => {
      await enforceRateLimit(database.db, `rating-receipt:${request.ip}`, RECEIPT_LOOKUPS_PER_HOUR, 3600);
      const { code, secret, ...input } = request.body;
      return rate(request.actor, { kind: 'receipt', code, secret }, input);
    },
  );

  r.get(
    '/api/ratings',
    { preValidation: requirePermission(Permission.STATISTICS_READ), schema: { tags, summary: 'Danh sách đánh giá trong kỳ', querystring: RatingListQuery, response: { 200: RatingList, ...errors } } },
    async (request) => {
      const agencyPath = await resolveFiguresScope(database.db, request.actor, request.query.agencyId);
      const { items, total } = await listRatings(database.db, agencyPath, request.query);
      return {
        items: items.map((i) => ({
          ...presentRating(i),
          dossierCode: i.dossierCode,
          procedureName: i.procedure.name,
          agency: { id: i.rating.agencyId, name: i.agencyName },
        })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  r.get(
    '/api/ratings/figures',
    { preValidation: requirePermission(Permission.STATISTICS_READ), schema: { tags, summary: 'Tỷ lệ hài lòng theo cơ quan và kỳ', querystring: FiguresQuery, response: { 200: RatingFigures, ...errors } } },
    async (request) => {
      const agencyPath = await resolveFiguresScope(database.db, request.actor, request.query.agencyId);
      return ratingFigures(database.db, { from: request.query.from, to: request.query.to, agencyPath });
    },
  );

  const settingsView = async () => {
    const s = await getFeedbackSettings(database.db);
    return { ...s, levels: scaleLevels(s.ratingScale), updatedAt: s.updatedAt?.toISOString() ?? null };
  };
  r.get(
    '/api/feedback-settings',
    { schema: { tags, summary: 'Thang đánh giá, thời hạn trả lời phản ánh, kiến nghị', response: { 200: FeedbackSettingsView } } },
    settingsView,
  );
  r.put(
    '/api/feedback-settings',
    {
      preValidation: requirePermission(Permission.REFORM_MANAGE),
      schema: { tags, summary: 'Cấu hình thang đánh giá và thời hạn', body: FeedbackSettings, response: { 200: FeedbackSettingsView, ...errors } },
    },
    async (request) => {
      await database.db.transaction((tx) => updateFeedbackSettings(tx, request.actor, request.body));
      return settingsView();
    },
  );
}
