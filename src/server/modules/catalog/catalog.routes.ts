/**
 * /api/catalog: the public catalog (list, search, detail, versions, statistics, decisions, internal processes) and
 * its administration (catalog.manage: decisions, fields, agencies, internal processes, import and export).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission, requireStaff } from '../../auth/plugin';
import { authorize } from '../../policies';
import type { ProcedureSubject } from '../../policies/catalog.policy';
import { AppError } from '../../../shared/errors';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse, OkResponse } from '../../../shared/schemas/common';
import {
  AsOfQuery,
  CatalogStats,
  CodeParams,
  DecisionApplyResponse,
  DecisionInput,
  DecisionListQuery,
  DecisionListResponse,
  DecisionView,
  ExportQuery,
  FieldInput,
  FieldListResponse,
  FieldUpdateInput,
  FieldView,
  IdParams,
  ImportQuery,
  ImportResult,
  InternalProcessInput,
  InternalProcessListQuery,
  InternalProcessListResponse,
  InternalProcessView,
  ProcedureDetail,
  ProcedureListQuery,
  ProcedureListResponse,
  SetAgenciesInput,
  SetAgenciesResponse,
  StatsQuery,
  VersionHistoryResponse,
} from '../../../shared/schemas/catalog';
import { applyPublicationDecision } from './apply-publication-decision';
import { approveInternalProcess } from './approve-internal-process';
import { todayInVietnam } from './catalog-rules';
import { presentDecision, presentInternalProcess, presentListItem, presentProcedureDetail, presentProcessSummary, presentTime } from './catalog.presenter';
import { catalogStats, findProcedureIdentity, findProcedureVersionAsOfByCode, listFields, listProcedures, versionHistory } from './catalog.queries';
import { exportCatalog } from './export-catalog';
import { importCatalog } from './import-catalog';
import { findInternalProcess, listInternalProcesses } from './internal-processes.queries';
import { findDecision, findDecisionItems, listDecisions } from './publication-decisions.queries';
import { createPublicationDecision, deletePublicationDecision, updatePublicationDecision } from './save-publication-decision';
import { createField, updateField } from './save-field';
import { setProcedureAgencies } from './set-procedure-agencies';

const tags = ['Danh mục thủ tục hành chính'];
const manage = requirePermission(Permission.CATALOG_MANAGE);
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** Decisions scanned when filtering by lateness (a province issues a few hundred a year). */
const MAX_DECISIONS_FILTERED = 20_000;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default async function catalogRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;
  const db = database.db;

  // Import files may be sent raw (Content-Type text/csv or the XLSX type) as well as multipart/form-data.
  for (const type of ['text/csv', XLSX_TYPE, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: config.maxUploadBytes }, (_req, body, done) => done(null, body));
  }

  // ---- Public catalog ----

  r.get(
    '/api/catalog/procedures',
    { schema: { tags, summary: 'Tra cứu thủ tục hành chính (lọc, tìm kiếm không dấu, theo ngày)', querystring: ProcedureListQuery, response: { 200: ProcedureListResponse, 400: ErrorResponse } } },
    async (request) => {
      const q = request.query;
      const { items, total, asOf, mode } = await listProcedures(db, q);
      return { items: items.map(presentListItem), total, page: q.page, pageSize: q.pageSize, asOf, searchMode: mode };
    },
  );

  r.get(
    '/api/catalog/procedures/by-code/:code',
    { schema: { tags, summary: 'Thủ tục theo mã, phiên bản có hiệu lực vào ngày', params: CodeParams, querystring: AsOfQuery, response: { 200: ProcedureDetail, ...errors } } },
    async (request) => {
      const asOf = request.query.asOf ?? todayInVietnam();
      const version = await findProcedureVersionAsOfByCode(db, request.params.code, asOf);
      if (!version) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy thủ tục có hiệu lực vào ngày đã chọn' });
      return presentProcedureDetail(db, request.actor, version.procedureId, asOf);
    },
  );

  r.get(
    '/api/catalog/procedures/:id',
    { schema: { tags, summary: 'Chi tiết thủ tục hành chính', params: IdParams, querystring: AsOfQuery, response: { 200: ProcedureDetail, ...errors } } },
    async (request) => presentProcedureDetail(db, request.actor, request.params.id, request.query.asOf),
  );

  r.get(
    '/api/catalog/procedures/:id/versions',
    { schema: { tags, summary: 'Các phiên bản của thủ tục', params: IdParams, response: { 200: VersionHistoryResponse, ...errors } } },
    async (request) => {
      const identity = await findProcedureIdentity(db, { id: request.params.id });
      authorize<ProcedureSubject>(request.actor, 'read', 'procedure', identity && { id: identity.id, publishingAgencyPath: identity.publishingAgencyPath });
      const history = await versionHistory(db, identity!.id);
      return {
        procedureId: identity!.id,
        code: identity!.code,
        versions: history.map(({ version: v, decision, agencyCount }) => ({
          id: v.id,
          versionNo: v.versionNo,
          validFrom: v.validFrom,
          validTo: v.validTo,
          origin: v.origin,
          name: v.name,
          time: presentTime({ value: v.timeValue, unit: v.timeUnit as never, note: v.timeNote }),
          decision,
          agencyCount,
        })),
      };
    },
  );

  r.get(
    '/api/catalog/procedures/:id/internal-processes',
    { schema: { tags, summary: 'Quy trình nội bộ của thủ tục tại các cơ quan', params: IdParams, querystring: InternalProcessListQuery, response: { 200: InternalProcessListResponse, ...errors } } },
    async (request) => {
      const identity = await findProcedureIdentity(db, { id: request.params.id });
      authorize<ProcedureSubject>(request.actor, 'read', 'procedure', identity && { id: identity.id, publishingAgencyPath: identity.publishingAgencyPath });
      const items = await listInternalProcesses(db, identity!.id, request.query.asOf ?? todayInVietnam(), request.query.agencyId);
      return { items: items.map(presentProcessSummary) };
    },
  );

  r.get(
    '/api/catalog/internal-processes/:id',
    { schema: { tags, summary: 'Chi tiết quy trình nội bộ', params: IdParams, response: { 200: InternalProcessView, ...errors } } },
    async (request) => {
      const process = await findInternalProcess(db, request.params.id);
      authorize(request.actor, 'read', 'internal_process', process);
      return presentInternalProcess(request.actor, process!);
    },
  );

  r.get(
    '/api/catalog/fields',
    { schema: { tags, summary: 'Lĩnh vực thủ tục hành chính', querystring: AsOfQuery, response: { 200: FieldListResponse, 400: ErrorResponse } } },
    async (request) => {
      const asOf = request.query.asOf ?? todayInVietnam();
      const rows = await listFields(db, asOf);
      return { asOf, items: rows.map((f) => ({ id: f.id, code: f.code, name: f.name, procedureCount: Number(f.procedure_count) })) };
    },
  );

  r.get(
    '/api/catalog/stats',
    { schema: { tags, summary: 'Số thủ tục theo cấp và mức độ trực tuyến tại một ngày', querystring: StatsQuery, response: { 200: CatalogStats, 400: ErrorResponse } } },
    async (request) => catalogStats(db, request.query),
  );

  r.get(
    '/api/catalog/decisions',
    { schema: { tags, summary: 'Quyết định công bố thủ tục hành chính', querystring: DecisionListQuery, response: { 200: DecisionListResponse, 400: ErrorResponse } } },
    async (request) => {
      const q = request.query;
      if (q.late === undefined) {
        const { items, total } = await listDecisions(db, request.actor, q);
        return { items: items.map((d) => presentDecision(request.actor, d)), total, page: q.page, pageSize: q.pageSize };
      }
      // Lateness is computed on the working-day calendar, not in SQL: filter the province's decisions, then page.
      const { items } = await listDecisions(db, request.actor, { ...q, page: 1, pageSize: MAX_DECISIONS_FILTERED });
      const late = items.map((d) => presentDecision(request.actor, d)).filter((v) => v.timeliness.late === q.late);
      return { items: late.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: late.length, page: q.page, pageSize: q.pageSize };
    },
  );

  r.get(
    '/api/catalog/decisions/:id',
    { schema: { tags, summary: 'Chi tiết quyết định công bố', params: IdParams, response: { 200: DecisionView, ...errors } } },
    async (request) => {
      const decision = await findDecision(db, request.params.id);
      authorize(request.actor, 'read', 'publication_decision', decision && { id: decision.id, status: decision.status, publishingAgencyPath: decision.publishingAgencyPath });
      return presentDecision(request.actor, decision!, await findDecisionItems(db, decision!.id));
    },
  );

  // ---- Administration ----

  r.post(
    '/api/catalog/fields',
    { preValidation: manage, schema: { tags, summary: 'Thêm lĩnh vực', body: FieldInput, response: { 201: FieldView, ...errors, 409: ErrorResponse } } },
    async (request, reply) => {
      const field = await db.transaction((tx) => createField(tx, request.actor, request.body));
      reply.status(201);
      return { id: field.id, code: field.code, name: field.name, procedureCount: 0 };
    },
  );

  r.patch(
    '/api/catalog/fields/:id',
    { preValidation: manage, schema: { tags, summary: 'Đổi tên lĩnh vực', params: IdParams, body: FieldUpdateInput, response: { 200: FieldView, ...errors } } },
    async (request) => {
      const field = await db.transaction((tx) => updateField(tx, request.actor, request.params.id, request.body));
      const [count] = (await listFields(db, todayInVietnam())).filter((f) => f.id === field.id);
      return { id: field.id, code: field.code, name: field.name, procedureCount: Number(count?.procedure_count ?? 0) };
    },
  );

  r.post(
    '/api/catalog/decisions',
    { preValidation: manage, schema: { tags, summary: 'Soạn quyết định công bố thủ tục', body: DecisionInput, response: { 201: DecisionView, ...errors, 409: ErrorResponse } } },
    async (request, reply) => {
      const id = await db.transaction((tx) => createPublicationDecision(tx, request.actor, request.body));
      reply.status(201);
      return presentDecision(request.actor, (await findDecision(db, id))!, await findDecisionItems(db, id));
    },
  );

  r.put(
    '/api/catalog/decisions/:id',
    { preValidation: manage, schema: { tags, summary: 'Sửa dự thảo quyết định công bố', params: IdParams, body: DecisionInput, response: { 200: DecisionView, ...errors, 409: ErrorResponse } } },
    async (request) => {
      await db.transaction((tx) => updatePublicationDecision(tx, request.actor, request.params.id, request.body));
      return presentDecision(request.actor, (await findDecision(db, request.params.id))!, await findDecisionItems(db, request.params.id));
    },
  );

  r.delete(
    '/api/catalog/decisions/:id',
    { preValidation: manage, schema: { tags, summary: 'Xóa dự thảo quyết định công bố', params: IdParams, response: { 200: OkResponse, ...errors, 409: ErrorResponse } } },
    async (request) => {
      await db.transaction((tx) => deletePublicationDecision(tx, request.actor, request.params.id));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/catalog/decisions/:id/apply',
    {
      preValidation: manage,
      schema: { tags, summary: 'Áp dụng quyết định công bố (tạo các phiên bản thủ tục)', params: IdParams, response: { 200: DecisionApplyResponse, ...errors, 409: ErrorResponse, 422: ErrorResponse } },
    },
    async (request) => {
      const result = await db.transaction((tx) => applyPublicationDecision(tx, request.actor, request.params.id));
      const decision = (await findDecision(db, request.params.id))!;
      return { decision: presentDecision(request.actor, decision, await findDecisionItems(db, decision.id)), result };
    },
  );

  r.put(
    '/api/catalog/procedures/:id/agencies',
    { preValidation: manage, schema: { tags, summary: 'Cơ quan thực hiện một phiên bản thủ tục', params: IdParams, body: SetAgenciesInput, response: { 200: SetAgenciesResponse, ...errors, 422: ErrorResponse } } },
    async (request) => {
      const versionId = await db.transaction((tx) => setProcedureAgencies(tx, request.actor, request.params.id, request.body));
      return { versionId, agencyCount: request.body.agencyIds.length === 0 ? 0 : new Set(request.body.agencyIds).size };
    },
  );

  r.post(
    '/api/catalog/internal-processes',
    { preValidation: manage, schema: { tags, summary: 'Phê duyệt quy trình nội bộ', body: InternalProcessInput, response: { 201: InternalProcessView, ...errors, 422: ErrorResponse } } },
    async (request, reply) => {
      const id = await db.transaction((tx) => approveInternalProcess(tx, request.actor, request.body));
      reply.status(201);
      return presentInternalProcess(request.actor, (await findInternalProcess(db, id))!);
    },
  );

  r.post(
    '/api/catalog/import',
    {
      preValidation: manage,
      schema: {
        tags,
        summary: 'Nhập danh mục từ tệp XLSX hoặc CSV (tệp lỗi bị từ chối toàn bộ, kèm báo cáo từng dòng, từng cột)',
        querystring: ImportQuery,
        response: { 200: ImportResult, ...errors, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request) => {
      let file: Buffer;
      let filename = '';
      let type = request.headers['content-type'] ?? '';
      if (request.isMultipart()) {
        const part = await request.file();
        if (!part) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.file', message: 'Chưa chọn tệp' }] } });
        file = await part.toBuffer();
        filename = part.filename;
        type = part.mimetype;
      } else {
        file = request.body as Buffer;
      }
      if (!Buffer.isBuffer(file) || file.length === 0) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body', message: 'Tệp rỗng' }] } });
      const format = request.query.format ?? (type.includes('spreadsheetml') || /\.xlsx$/i.test(filename) || file.subarray(0, 2).toString() === 'PK' ? 'xlsx' : 'csv');
      return db.transaction((tx) =>
        importCatalog(tx, request.actor, { file, format, dryRun: request.query.dryRun ?? false, publishingAgencyId: request.query.publishingAgencyId }),
      );
    },
  );

  r.get(
    '/api/catalog/export',
    { preValidation: requireStaff, schema: { tags, summary: 'Xuất danh mục ra tệp XLSX hoặc CSV (cùng định dạng với tệp nhập)', querystring: ExportQuery, response: { 200: z.any(), 401: ErrorResponse, 403: ErrorResponse } } },
    async (request, reply) => {
      const file = await exportCatalog(db, request.query);
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      return reply.send(file.body);
    },
  );
}
