import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditAction } from '../../../shared/audit-actions';
import { AppError } from '../../../shared/errors';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse, Pagination } from '../../../shared/schemas/common';
import {
  ApplicantLookup,
  ApplicantLookupQuery,
  DeskIntakeInput,
  DocumentUpdateInput,
  DossierActionInput,
  DossierDetail,
  DossierDocument,
  DossierDocumentParams,
  DossierList,
  DossierListQuery,
  DossierParams,
  IntakeResponse,
  OnlineSubmissionInput,
  QueueSummary,
  ReusableDocumentList,
  ReusableDocumentsQuery,
  TrackingSecretResponse,
} from '../../../shared/schemas/dossiers';
import { maskIdNumber } from '../../../shared/text';
import type { Actor } from '../../auth/actor';
import { requirePermission, requireUser } from '../../auth/plugin';
import { recordAudit } from '../../audit/record-audit';
import type { Executor } from '../../db/client';
import { dossierDocuments, dossiers, files } from '../../db/schema';
import { authorize, can } from '../../policies';
import { fileStorageFor } from '../files/file-storage';
import { sendStoredFile } from '../files/send-file';
import { receiveDossierAtDesk, submitDossierOnline, type IntakeResult } from './create-dossier';
import type { DossierRow } from './dossier-records';
import { presentDossierDetail, presentListItem } from './dossiers.presenter';
import { listApplicantDossiers, listDossiers, listReusableDocuments, lookupApplicant, queueCounts } from './dossiers.queries';
import { idempotencyKeyOf } from './idempotency';
import { performDossierAction, subjectOf } from './perform-action';
import { reissueTrackingSecret } from './reissue-tracking-secret';
import { setDocumentReusable } from './update-document';

const tags = ['Hồ sơ'];

/** Loads a dossier the actor may read (404 otherwise, so existence is not revealed). */
async function readableDossier(executor: Executor, actor: Actor, id: string): Promise<{ row: DossierRow; subject: Awaited<ReturnType<typeof subjectOf>> }> {
  const [row] = await executor.select().from(dossiers).where(eq(dossiers.id, id));
  const subject = row ? await subjectOf(executor, row) : undefined;
  authorize(actor, 'read', 'dossier', subject);
  return { row: row!, subject: subject! };
}

/**
 * The detail. Opening a dossier (GET) as staff with the full ID number is audited as a personal-data view; the
 * answers to intake and actions, which show what the actor just entered or acted on, are not.
 */
async function detailFor(executor: Executor, actor: Actor, id: string, options: { auditView?: boolean } = {}) {
  const { row, subject } = await readableDossier(executor, actor, id);
  const reveal = can(actor, 'read_personal_data', 'dossier', subject);
  if (options.auditView && reveal && actor.userId !== row.applicantUserId && row.applicantIdNumber) {
    await recordAudit(executor, actor, { action: AuditAction.PERSONAL_DATA_VIEWED, subjectType: 'dossier', subjectId: row.id, summary: { code: row.code } });
  }
  return presentDossierDetail(executor, actor, row, subject, { revealPersonalData: reveal });
}

export default async function dossiersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;
  const storage = fileStorageFor(config);

  const intakeReply = async (actor: Actor, result: { result: IntakeResult; replayed: boolean }) => ({
    dossier: await detailFor(database.db, actor, result.result.dossierId),
    trackingSecret: result.result.trackingSecret,
  });

  r.post(
    '/api/dossiers',
    {
      preValidation: requirePermission(Permission.DOSSIER_INTAKE),
      schema: {
        tags,
        summary: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa (trực tiếp, bưu chính); hỗ trợ Idempotency-Key',
        body: DeskIntakeInput,
        response: { 201: IntakeResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request, reply) => {
      const key = idempotencyKeyOf(request.headers['idempotency-key']);
      const result = await database.db.transaction((tx) => receiveDossierAtDesk(tx, request.actor, request.body, new Date(), { idempotencyKey: key }));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      reply.status(201);
      return intakeReply(request.actor, result);
    },
  );

  r.post(
    '/api/dossiers/online',
    {
      preValidation: requirePermission(Permission.DOSSIER_SUBMIT_OWN),
      schema: {
        tags,
        summary: 'Nộp hồ sơ trực tuyến (công dân đã đăng nhập); hỗ trợ Idempotency-Key',
        body: OnlineSubmissionInput,
        response: { 201: IntakeResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request, reply) => {
      const key = idempotencyKeyOf(request.headers['idempotency-key']);
      const result = await database.db.transaction((tx) => submitDossierOnline(tx, request.actor, request.body, new Date(), { idempotencyKey: key }));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      reply.status(201);
      return intakeReply(request.actor, result);
    },
  );

  r.get(
    '/api/dossiers',
    {
      preValidation: requirePermission(Permission.DOSSIER_READ_AGENCY),
      schema: { tags, summary: 'Hàng đợi công việc và tra cứu hồ sơ (mã, tên, số định danh)', querystring: DossierListQuery, response: { 200: DossierList, 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request) => {
      const { rows, total } = await listDossiers(database.db, request.actor, request.query, new Date());
      return { items: rows.map(presentListItem), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  r.get(
    '/api/dossiers/queues/summary',
    {
      preValidation: requirePermission(Permission.DOSSIER_READ_AGENCY),
      schema: { tags, summary: 'Số hồ sơ theo từng hàng đợi', response: { 200: QueueSummary, 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request) => ({ counts: await queueCounts(database.db, request.actor, new Date()) }),
  );

  r.get(
    '/api/dossiers/mine',
    {
      preValidation: requirePermission(Permission.DOSSIER_SUBMIT_OWN),
      schema: { tags, summary: 'Hồ sơ của tôi', querystring: Pagination, response: { 200: DossierList, 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request) => {
      const { rows, total } = await listApplicantDossiers(database.db, request.actor.userId!, request.query.page, request.query.pageSize);
      return { items: rows.map(presentListItem), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  r.get(
    '/api/dossiers/reusable-documents',
    {
      preValidation: requirePermission(Permission.DOSSIER_SUBMIT_OWN),
      schema: { tags, summary: 'Giấy tờ đã số hóa có thể dùng lại', querystring: ReusableDocumentsQuery, response: { 200: ReusableDocumentList, 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request) => {
      const rows = await listReusableDocuments(database.db, request.actor.userId!, request.query.q);
      return {
        items: rows.map((d) => ({
          id: d.id,
          name: d.name,
          kind: d.kind as 'application',
          dossierCode: d.dossierCode,
          procedureName: d.procedure.name,
          file: { id: d.fileId, fileName: d.fileName, size: d.size, mimeType: d.mimeType },
          createdAt: d.createdAt.toISOString(),
        })),
      };
    },
  );

  r.get(
    '/api/dossiers/applicants',
    {
      preValidation: requirePermission(Permission.DOSSIER_INTAKE),
      schema: { tags, summary: 'Tìm người nộp theo số định danh cá nhân (điền sẵn thông tin khi tiếp nhận)', querystring: ApplicantLookupQuery, response: { 200: ApplicantLookup, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request) => {
      const found = await lookupApplicant(database.db, request.query.idNumber);
      await recordAudit(database.db, request.actor, {
        action: AuditAction.PERSONAL_DATA_VIEWED,
        subjectType: 'applicant',
        subjectId: null,
        summary: { idNumber: maskIdNumber(request.query.idNumber), found: !!found },
      });
      return { found: !!found, applicant: found ?? null };
    },
  );

  r.get(
    '/api/dossiers/:id',
    {
      preValidation: requireUser,
      schema: { tags, summary: 'Chi tiết hồ sơ: tiến trình, giấy tờ, các bước, thao tác được phép', params: DossierParams, response: { 200: DossierDetail, 401: ErrorResponse, 404: ErrorResponse } },
    },
    async (request) => detailFor(database.db, request.actor, request.params.id, { auditView: true }),
  );

  r.post(
    '/api/dossiers/:id/actions',
    {
      preValidation: requireUser,
      schema: {
        tags,
        summary: 'Thực hiện một thao tác xử lý hồ sơ (actionId do máy khách tạo; gửi lại cùng actionId không thực hiện lần hai)',
        params: DossierParams,
        body: DossierActionInput,
        response: { 200: DossierDetail, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await database.db.transaction((tx) => performDossierAction(tx, request.actor, request.params.id, request.body));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return detailFor(database.db, request.actor, request.params.id);
    },
  );

  r.get(
    '/api/dossiers/:id/documents/:documentId/content',
    { preValidation: requireUser, schema: { tags, summary: 'Tải về tệp của một giấy tờ trong hồ sơ', params: DossierDocumentParams, response: { 401: ErrorResponse, 404: ErrorResponse } } },
    async (request, reply) => {
      await readableDossier(database.db, request.actor, request.params.id);
      const [doc] = await database.db
        .select({ sha256: files.sha256, size: files.size, mimeType: files.mimeType, fileName: files.fileName })
        .from(dossierDocuments)
        .innerJoin(files, eq(files.id, dossierDocuments.fileId))
        .where(and(eq(dossierDocuments.id, request.params.documentId), eq(dossierDocuments.dossierId, request.params.id)));
      if (!doc) throw new AppError('NOT_FOUND');
      return sendStoredFile(reply, storage, doc);
    },
  );

  r.patch(
    '/api/dossiers/:id/documents/:documentId',
    {
      preValidation: requirePermission(Permission.DOSSIER_INTAKE, Permission.DOSSIER_PROCESS),
      schema: {
        tags,
        summary: 'Đánh dấu giấy tờ đã số hóa được tái sử dụng',
        params: DossierDocumentParams,
        body: DocumentUpdateInput,
        response: { 200: DossierDocument, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      await database.db.transaction((tx) => setDocumentReusable(tx, request.actor, request.params.id, request.params.documentId, request.body.reusable));
      const { row, subject } = await readableDossier(database.db, request.actor, request.params.id);
      const detail = await presentDossierDetail(database.db, request.actor, row, subject, { revealPersonalData: false });
      return detail.documents.find((d) => d.id === request.params.documentId)!;
    },
  );

  r.post(
    '/api/dossiers/:id/tracking-secret',
    {
      preValidation: requireUser,
      schema: { tags, summary: 'Cấp lại mã tra cứu (mã cũ hết hiệu lực)', params: DossierParams, response: { 200: TrackingSecretResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (request) => ({ trackingSecret: await database.db.transaction((tx) => reissueTrackingSecret(tx, request.actor, request.params.id)) }),
  );
}
