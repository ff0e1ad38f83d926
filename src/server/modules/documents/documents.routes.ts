/**
 * Document registry routes (`/api/reform/documents`): every staff member consults the registry; the Department of
 * Home Affairs' reform officers (reform.manage) add, correct, import, and record effect changes and reviews.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission, requireStaff } from '../../auth/plugin';
import { authorize } from '../../policies';
import { AppError } from '../../../shared/errors';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse, Uuid } from '../../../shared/schemas/common';
import {
  DocumentCreateInput,
  DocumentDetail,
  DocumentEffectInput,
  DocumentFigures,
  DocumentImportQuery,
  DocumentImportResult,
  DocumentList,
  DocumentListQuery,
  DocumentReviewInput,
  DocumentReviewView,
  DocumentUpdateInput,
  PeriodQuery,
  ReviewList,
  ReviewListQuery,
} from '../../../shared/schemas/documents';
import { todayInVietnam } from '../catalog/catalog-rules';
import { countDocumentReviews, countDocumentsIssued, findDocument, legalDocumentFigures, listDocumentReviews, listDocuments } from './documents.queries';
import { presentDocumentDetail, presentDocumentSummaries, presentReview } from './documents.presenter';
import { exportDocuments, importDocuments } from './import-documents';
import { idempotentCreate } from './idempotent-create';
import { importFormat } from './import-sheet';
import { recordDocumentEffect, recordDocumentReview } from './record-document-effect';
import { createDocument, updateDocument } from './save-document';

const tags = ['CCHC: Sổ văn bản'];
const IdParams = z.object({ id: Uuid });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An uploaded import file: multipart/form-data (field `file`) or the raw body (text/csv, XLSX type). */
export async function readUploadedFile(request: FastifyRequest): Promise<{ file: Buffer; fileName: string; contentType: string }> {
  let file: Buffer;
  let fileName = '';
  let contentType = request.headers['content-type'] ?? '';
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.file', message: 'Chưa chọn tệp' }] } });
    file = await part.toBuffer();
    fileName = part.filename;
    contentType = part.mimetype;
  } else file = request.body as Buffer;
  if (!Buffer.isBuffer(file) || file.length === 0) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body', message: 'Tệp rỗng' }] } });
  return { file, fileName, contentType };
}

/** Registers raw-body parsers for import files in the calling plugin's scope. */
export function acceptImportFiles(app: FastifyInstance) {
  const limit = app.ctx.config.maxUploadBytes;
  for (const type of ['text/csv', XLSX_TYPE, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) => done(null, body));
  }
  // A CSV may also come as text/plain or with no content type (a script, a curl call): taken as bytes, in this
  // plugin's scope only; JSON bodies keep the JSON parser.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) => done(null, body));
}

export default async function documentsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const manage = requirePermission(Permission.REFORM_MANAGE);
  acceptImportFiles(app);

  r.get(
    '/api/reform/documents',
    { preValidation: requireStaff, schema: { tags, summary: 'Tra cứu sổ văn bản (tìm không dấu theo số, ký hiệu, trích yếu, cơ quan ban hành)', querystring: DocumentListQuery, response: { 200: DocumentList, ...errors } } },
    async (request) => {
      const today = todayInVietnam();
      const { items, total } = await listDocuments(db, request.query, today);
      return { items: await presentDocumentSummaries(db, items, request.query.asOf ?? today), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  r.post(
    '/api/reform/documents',
    { preValidation: manage, schema: { tags, summary: 'Thêm văn bản vào sổ', body: DocumentCreateInput, response: { 201: DocumentDetail, ...errors } } },
    async (request, reply) => {
      const result = await db.transaction(async (tx) => {
        const id = await idempotentCreate(tx, request, 'reform.document', async () => (await createDocument(tx, request.actor, request.body)).id);
        return presentDocumentDetail(tx, request.actor, (await findDocument(tx, id))!, todayInVietnam());
      });
      reply.status(201);
      return result;
    },
  );

  r.get(
    '/api/reform/documents/figures',
    { preValidation: requireStaff, schema: { tags, summary: 'Số liệu văn bản trong kỳ (ban hành, hết hiệu lực, kiểm tra, rà soát)', querystring: PeriodQuery, response: { 200: DocumentFigures, ...errors } } },
    async (request) => {
      const period = request.query;
      return {
        ...period,
        issuedByType: await countDocumentsIssued(db, period),
        legal: await legalDocumentFigures(db, period),
        reviews: await countDocumentReviews(db, period),
      };
    },
  );

  r.post(
    '/api/reform/documents/import',
    {
      preValidation: manage,
      schema: {
        tags,
        summary: 'Nhập sổ văn bản từ tệp XLSX hoặc CSV (tệp có lỗi bị từ chối toàn bộ, kèm báo cáo từng dòng)',
        querystring: DocumentImportQuery,
        response: { 200: DocumentImportResult, ...errors, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request) => {
      const upload = await readUploadedFile(request);
      const format = importFormat(request.query.format, upload.contentType, upload.fileName, upload.file);
      return db.transaction((tx) => importDocuments(tx, request.actor, { file: upload.file, format, dryRun: request.query.dryRun ?? false }));
    },
  );

  r.get(
    '/api/reform/documents/export',
    { preValidation: requireStaff, schema: { tags, summary: 'Xuất sổ văn bản (theo bộ lọc) ra tệp XLSX cùng định dạng tệp nhập', querystring: DocumentListQuery, response: { 200: z.any(), ...errors } } },
    async (request, reply) => {
      const { items } = await listDocuments(db, { ...request.query, page: 1, pageSize: 5000 }, todayInVietnam());
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', 'attachment; filename="so-van-ban-cchc.xlsx"');
      return reply.send(await exportDocuments(items));
    },
  );

  r.get(
    '/api/reform/document-reviews',
    { preValidation: requireStaff, schema: { tags, summary: 'Kết quả kiểm tra, tự kiểm tra, rà soát văn bản', querystring: ReviewListQuery, response: { 200: ReviewList, ...errors } } },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const { items, total } = await listDocumentReviews(db, filter, { page, pageSize });
      return { items: items.map(presentReview), total, page, pageSize };
    },
  );

  r.post(
    '/api/reform/document-reviews',
    { preValidation: manage, schema: { tags, summary: 'Ghi nhận kết quả kiểm tra, rà soát một văn bản', body: DocumentReviewInput, response: { 201: DocumentReviewView, ...errors } } },
    async (request, reply) => {
      const review = await db.transaction(async (tx) => {
        const id = await idempotentCreate(tx, request, 'reform.document_review', () => recordDocumentReview(tx, request.actor, request.body));
        const { items } = await listDocumentReviews(tx, request.body.documentId ? { documentId: request.body.documentId } : { from: request.body.reviewedOn, to: request.body.reviewedOn });
        return items.find((i) => i.review.id === id)!;
      });
      reply.status(201);
      return presentReview(review);
    },
  );

  r.get(
    '/api/reform/documents/:id',
    { preValidation: requireStaff, schema: { tags, summary: 'Chi tiết văn bản, lịch sử hiệu lực và kết quả kiểm tra', params: IdParams, response: { 200: DocumentDetail, ...errors } } },
    async (request) => {
      const doc = authorize(request.actor, 'read', 'reform_document', await findDocument(db, request.params.id));
      return presentDocumentDetail(db, request.actor, doc, todayInVietnam());
    },
  );

  r.put(
    '/api/reform/documents/:id',
    { preValidation: manage, schema: { tags, summary: 'Sửa thông tin văn bản', params: IdParams, body: DocumentUpdateInput, response: { 200: DocumentDetail, ...errors } } },
    async (request) =>
      db.transaction(async (tx) => presentDocumentDetail(tx, request.actor, await updateDocument(tx, request.actor, request.params.id, request.body), todayInVietnam())),
  );

  r.post(
    '/api/reform/documents/:id/effects',
    { preValidation: manage, schema: { tags, summary: 'Ghi nhận thay đổi hiệu lực của văn bản QPPL (hết hiệu lực, ngưng hiệu lực)', params: IdParams, body: DocumentEffectInput, response: { 200: DocumentDetail, ...errors } } },
    async (request) =>
      db.transaction(async (tx) => {
        await recordDocumentEffect(tx, request.actor, request.params.id, request.body);
        return presentDocumentDetail(tx, request.actor, (await findDocument(tx, request.params.id))!, todayInVietnam());
      }),
  );
}
