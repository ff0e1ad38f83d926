/**
 * /api/cchc-reports: the provincial administrative-reform report (reform officers, `reform.manage`): list, create a
 * draft for a period, view (figures with their sources), edit the narrative and settings of a draft, move it
 * through the workflow, download it as DOCX or PDF (an issued report from storage, byte for byte).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions';
import {
  CchcReportActionBody,
  CchcReportIdParams,
  CchcReportList,
  CchcReportView,
  CreateCchcReportBody,
  UpdateCchcReportBody,
  type ReportDocument,
} from '../../../shared/schemas/cchc-report';
import { ErrorResponse } from '../../../shared/schemas/common';
import { AppError } from '../../../shared/errors';
import { requirePermission } from '../../auth/plugin';
import { idempotencyKeyOf } from '../dossiers/idempotency';
import { fileStorageFor } from '../files/file-storage';
import { contentDisposition, sendStoredFile } from '../files/send-file';
import { actOnCchcReport, createCchcReport, updateCchcReport } from './cchc-report-use-cases';
import { findReport, listReports, storedFiles } from './cchc-report.queries';
import { presentReport, presentSummary, reportDocument } from './cchc-report.presenter';
import { DOCX_TYPE, renderReportDocx } from './report-docx';
import { renderReportPdf } from './report-pdf';

const tags = ['Báo cáo cải cách hành chính'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export default async function cchcReportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;
  const storage = fileStorageFor(config);
  const manages = requirePermission(Permission.REFORM_MANAGE);

  r.get('/api/cchc-reports', { preValidation: manages, schema: { tags, summary: 'Danh sách báo cáo kết quả thực hiện công tác CCHC', response: { 200: CchcReportList, ...errors } } }, async (request) => ({
    items: (await listReports(database.db, request.actor)).map(presentSummary),
  }));

  r.post(
    '/api/cchc-reports',
    {
      preValidation: manages,
      schema: { tags, summary: 'Lập dự thảo báo cáo CCHC cho một kỳ (2021-Q1, 2021-H1, 2021-Q3, 2021-Y hoặc tùy chọn); hỗ trợ Idempotency-Key', body: CreateCchcReportBody, response: { 201: CchcReportView, ...errors } },
    },
    async (request, reply) => {
      const creationKey = idempotencyKeyOf(request.headers['idempotency-key']);
      const view = await database.db.transaction(async (tx) => {
        const id = await createCchcReport(tx, request.actor, { ...request.body, creationKey });
        return presentReport(tx, request.actor, await findReport(tx, request.actor, id));
      });
      reply.status(201);
      return view;
    },
  );

  r.get(
    '/api/cchc-reports/:id',
    { preValidation: manages, schema: { tags, summary: 'Xem báo cáo CCHC: số liệu kèm nguồn, chú thích, lịch sử xử lý', params: CchcReportIdParams, response: { 200: CchcReportView, ...errors } } },
    async (request) => presentReport(database.db, request.actor, await findReport(database.db, request.actor, request.params.id)),
  );

  r.patch(
    '/api/cchc-reports/:id',
    {
      preValidation: manages,
      schema: { tags, summary: 'Sửa dự thảo: nội dung đánh giá, thời điểm chốt số liệu, nơi nhận, người ký', params: CchcReportIdParams, body: UpdateCchcReportBody, response: { 200: CchcReportView, ...errors } },
    },
    async (request) =>
      database.db.transaction(async (tx) => {
        await updateCchcReport(tx, request.actor, request.params.id, request.body);
        return presentReport(tx, request.actor, await findReport(tx, request.actor, request.params.id));
      }),
  );

  r.post(
    '/api/cchc-reports/:id/actions',
    {
      preValidation: manages,
      schema: { tags, summary: 'Trình, trả lại, duyệt, cấp số và ban hành báo cáo (actionId chống trùng khi gửi lại)', params: CchcReportIdParams, body: CchcReportActionBody, response: { 200: CchcReportView, ...errors, 422: ErrorResponse } },
    },
    async (request) =>
      database.db.transaction(async (tx) => {
        await actOnCchcReport(tx, request.actor, storage, request.params.id, request.body);
        return presentReport(tx, request.actor, await findReport(tx, request.actor, request.params.id));
      }),
  );

  const download = async (reply: FastifyReply, id: string, kind: 'docx' | 'pdf', actor: Parameters<typeof findReport>[1]) => {
    const loaded = await findReport(database.db, actor, id);
    const fileId = kind === 'docx' ? loaded.row.docxFileId : loaded.row.pdfFileId;
    if (loaded.row.status === 'issued') {
      const file = fileId ? (await storedFiles(database.db, [fileId])).get(fileId) : undefined;
      if (!file) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy tệp báo cáo đã ban hành' });
      return sendStoredFile(reply, storage, file);
    }
    const { document } = await reportDocument(database.db, actor, loaded);
    const bytes = await render(document, kind);
    reply.header('content-type', kind === 'docx' ? DOCX_TYPE : 'application/pdf');
    reply.header('content-disposition', contentDisposition(`du-thao-bao-cao-cchc-${loaded.row.periodKey}.${kind}`));
    reply.header('cache-control', 'private, no-store');
    return reply.send(bytes);
  };

  r.get(
    '/api/cchc-reports/:id/report.docx',
    { preValidation: manages, schema: { tags, summary: 'Tải báo cáo dạng DOCX (bản đã ban hành: tệp đã lưu)', params: CchcReportIdParams, response: errors } },
    async (request, reply) => download(reply, request.params.id, 'docx', request.actor),
  );
  r.get(
    '/api/cchc-reports/:id/report.pdf',
    { preValidation: manages, schema: { tags, summary: 'Tải báo cáo dạng PDF (bản đã ban hành: tệp đã lưu)', params: CchcReportIdParams, response: errors } },
    async (request, reply) => download(reply, request.params.id, 'pdf', request.actor),
  );
}

function render(document: ReportDocument, kind: 'docx' | 'pdf'): Promise<Buffer> {
  return kind === 'docx' ? renderReportDocx(document) : renderReportPdf(document);
}
