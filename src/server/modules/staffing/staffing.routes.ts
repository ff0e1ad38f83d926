/**
 * Organisation, staffing and finance records (`/api/reform/staffing/...`). The reform office sees and edits the
 * province; a unit with reform.report_unit sees and edits its own agency subtree (staff counts, personnel changes,
 * autonomy register); quotas and restructuring schemes are the reform office's.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { requirePermission } from '../../auth/plugin';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse, Uuid } from '../../../shared/schemas/common';
import { DocumentImportQuery } from '../../../shared/schemas/documents';
import {
  AutonomyUnitInput,
  AutonomyUnitView,
  PersonnelChangeInput,
  PersonnelChangeView,
  QuotaInput,
  QuotaView,
  RestructuringSchemeInput,
  RestructuringSchemeView,
  StaffCountInput,
  StaffCountView,
  StaffingListQuery,
  StaffingSummary,
  StaffingSummaryQuery,
  autonomyClassLabels,
  autonomyUnitKindLabels,
  personnelChangeKindLabels,
  quotaKindLabels,
  staffCategoryLabels,
  type AutonomyClass,
  type AutonomyUnitKind,
  type PersonnelChangeKind,
  type QuotaKind,
  type StaffCategory,
} from '../../../shared/schemas/staffing';
import { todayInVietnam } from '../catalog/catalog-rules';
import { acceptImportFiles, readUploadedFile } from '../documents/documents.routes';
import { importFormat } from '../documents/import-sheet';
import { idempotencyKeyOf } from '../dossiers/idempotency';
import { importStaffCounts } from './import-staff-counts';
import { createAutonomyUnit, recordPersonnelChange, recordRestructuringScheme, setQuota, setStaffCount, updateAutonomyUnit } from './save-staffing';
import {
  autonomyFigures,
  listAutonomyUnits,
  listPersonnelChanges,
  listQuotas,
  listRestructuringSchemes,
  listStaffCounts,
  personnelChangeTotals,
  quotaTotals,
  restructuringSchemeTotals,
  staffTotalsAsOf,
} from './staffing.queries';

const tags = ['CCHC: Tổ chức, biên chế, tài chính'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const IdParams = z.object({ id: Uuid });
const StaffImportResult = z.object({ dryRun: z.boolean(), rows: z.number(), saved: z.number(), total: z.number() });

/** The reform office sees the province (null scope); a unit its own subtree. */
const scopeOf = (actor: Actor) => (actor.permissions.has(Permission.REFORM_MANAGE) ? null : (actor.agencyPath ?? '/none/'));

export default async function staffingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const guard = requirePermission(Permission.REFORM_MANAGE, Permission.REFORM_REPORT_UNIT);
  acceptImportFiles(app);

  const quotas = async (actor: Actor, query: z.infer<typeof StaffingListQuery>) =>
    (await listQuotas(db, query, scopeOf(actor))).map(({ quota: q, agencyName }) => ({
      id: q.id,
      agencyId: q.agencyId,
      agencyName,
      year: q.year,
      kind: q.kind as QuotaKind,
      kindLabel: quotaKindLabels[q.kind as QuotaKind],
      quota: q.quota,
      documentId: q.documentId,
      note: q.note,
    }));
  r.get('/api/reform/staffing/quotas', { preValidation: guard, schema: { tags, summary: 'Biên chế được giao', querystring: StaffingListQuery, response: { 200: z.array(QuotaView), ...errors } } }, async (request) =>
    quotas(request.actor, request.query),
  );
  r.put('/api/reform/staffing/quotas', { preValidation: guard, schema: { tags, summary: 'Giao biên chế cho cơ quan theo năm', body: QuotaInput, response: { 200: QuotaView, ...errors } } }, async (request) => {
    const id = await db.transaction((tx) => setQuota(tx, request.actor, request.body));
    return (await quotas(request.actor, { agencyId: request.body.agencyId, year: request.body.year })).find((q) => q.id === id)!;
  });

  const counts = async (actor: Actor, query: z.infer<typeof StaffingListQuery>) =>
    (await listStaffCounts(db, query, scopeOf(actor), query.asOf ?? todayInVietnam())).map(({ count: c, agencyName }) => ({
      id: c.id,
      agencyId: c.agencyId,
      agencyName,
      asOf: c.asOf,
      total: c.postgraduate + c.university + c.collegeOrBelow,
      postgraduate: c.postgraduate,
      university: c.university,
      collegeOrBelow: c.collegeOrBelow,
      theorySenior: c.theorySenior,
      theoryIntermediate: c.theoryIntermediate,
      educationHealth: c.educationHealth,
      note: c.note,
    }));
  r.get(
    '/api/reform/staffing/counts',
    { preValidation: guard, schema: { tags, summary: 'Số lượng CBCCVC theo trình độ (số liệu mới nhất đến ngày)', querystring: StaffingListQuery, response: { 200: z.array(StaffCountView), ...errors } } },
    async (request) => counts(request.actor, request.query),
  );
  r.put('/api/reform/staffing/counts', { preValidation: guard, schema: { tags, summary: 'Cập nhật số lượng CBCCVC của cơ quan tại một ngày', body: StaffCountInput, response: { 200: StaffCountView, ...errors } } }, async (request) => {
    const id = await db.transaction((tx) => setStaffCount(tx, request.actor, request.body));
    return (await counts(request.actor, { agencyId: request.body.agencyId })).find((c) => c.id === id)!;
  });
  r.post(
    '/api/reform/staffing/counts/import',
    { preValidation: guard, schema: { tags, summary: 'Nhập số lượng CBCCVC từ tệp XLSX hoặc CSV', querystring: DocumentImportQuery, response: { 200: StaffImportResult, ...errors, 413: ErrorResponse, 415: ErrorResponse } } },
    async (request) => {
      const upload = await readUploadedFile(request);
      const format = importFormat(request.query.format, upload.contentType, upload.fileName, upload.file);
      return db.transaction((tx) => importStaffCounts(tx, request.actor, { file: upload.file, format, dryRun: request.query.dryRun ?? false }));
    },
  );

  const changes = async (actor: Actor, query: z.infer<typeof StaffingListQuery>) =>
    (await listPersonnelChanges(db, query, scopeOf(actor))).map(({ change: c, agencyName }) => ({
      id: c.id,
      agencyId: c.agencyId,
      agencyName,
      kind: c.kind as PersonnelChangeKind,
      kindLabel: personnelChangeKindLabels[c.kind as PersonnelChangeKind],
      staffCategory: c.staffCategory as StaffCategory,
      staffCategoryLabel: staffCategoryLabels[c.staffCategory as StaffCategory],
      occurredOn: c.occurredOn,
      personCount: c.personCount,
      decisionNumber: c.decisionNumber,
      note: c.note,
    }));
  r.get('/api/reform/staffing/personnel-changes', { preValidation: guard, schema: { tags, summary: 'Biến động nhân sự', querystring: StaffingListQuery, response: { 200: z.array(PersonnelChangeView), ...errors } } }, async (request) =>
    changes(request.actor, request.query),
  );
  r.post(
    '/api/reform/staffing/personnel-changes',
    { preValidation: guard, schema: { tags, summary: 'Ghi nhận biến động nhân sự (nghỉ hưu, thôi việc, bổ nhiệm, tuyển dụng, thi nâng ngạch)', body: PersonnelChangeInput, response: { 201: PersonnelChangeView, 200: PersonnelChangeView, ...errors } } },
    async (request, reply) => {
      // An Idempotency-Key stands for the source key when the entry form sends none.
      const sourceKey = request.body.sourceKey ?? idempotencyKeyOf(request.headers['idempotency-key']) ?? null;
      const result = await db.transaction((tx) => recordPersonnelChange(tx, request.actor, { ...request.body, sourceKey }));
      reply.status(result.created ? 201 : 200);
      return (await changes(request.actor, { agencyId: request.body.agencyId })).find((c) => c.id === result.id)!;
    },
  );

  const schemes = async (actor: Actor, query: z.infer<typeof StaffingListQuery>) =>
    (await listRestructuringSchemes(db, query, scopeOf(actor))).map(({ scheme: s, agencyName }) => ({
      id: s.id,
      agencyId: s.agencyId,
      agencyName,
      title: s.title,
      approvedOn: s.approvedOn,
      decisionNumber: s.decisionNumber,
      note: s.note,
    }));
  r.get('/api/reform/staffing/restructuring-schemes', { preValidation: guard, schema: { tags, summary: 'Đề án sắp xếp, kiện toàn tổ chức đã phê duyệt', querystring: StaffingListQuery, response: { 200: z.array(RestructuringSchemeView), ...errors } } }, async (request) =>
    schemes(request.actor, request.query),
  );
  r.post(
    '/api/reform/staffing/restructuring-schemes',
    { preValidation: guard, schema: { tags, summary: 'Ghi nhận đề án được phê duyệt', body: RestructuringSchemeInput, response: { 201: RestructuringSchemeView, ...errors } } },
    async (request, reply) => {
      const id = await db.transaction((tx) => recordRestructuringScheme(tx, request.actor, request.body));
      reply.status(201);
      return (await schemes(request.actor, { agencyId: request.body.agencyId })).find((s) => s.id === id)!;
    },
  );

  const units = async (actor: Actor, query: z.infer<typeof StaffingListQuery>) =>
    (await listAutonomyUnits(db, query, scopeOf(actor))).map(({ unit: u, agencyName }) => ({
      id: u.id,
      managingAgencyId: u.managingAgencyId,
      managingAgencyName: agencyName,
      name: u.name,
      kind: u.kind as AutonomyUnitKind,
      kindLabel: autonomyUnitKindLabels[u.kind as AutonomyUnitKind],
      mandatory: u.mandatory,
      autonomyClass: u.autonomyClass as AutonomyClass | null,
      autonomyClassLabel: u.autonomyClass ? autonomyClassLabels[u.autonomyClass as AutonomyClass] : null,
      autonomySince: u.autonomySince,
      legalBasis: u.legalBasis,
      validFrom: u.validFrom,
      validTo: u.validTo,
    }));
  r.get('/api/reform/staffing/autonomy-units', { preValidation: guard, schema: { tags, summary: 'Cơ quan, đơn vị thực hiện cơ chế tự chủ', querystring: StaffingListQuery, response: { 200: z.array(AutonomyUnitView), ...errors } } }, async (request) =>
    units(request.actor, request.query),
  );
  r.post('/api/reform/staffing/autonomy-units', { preValidation: guard, schema: { tags, summary: 'Thêm cơ quan, đơn vị vào danh sách tự chủ', body: AutonomyUnitInput, response: { 201: AutonomyUnitView, ...errors } } }, async (request, reply) => {
    const id = await db.transaction((tx) => createAutonomyUnit(tx, request.actor, request.body));
    reply.status(201);
    return (await units(request.actor, { agencyId: request.body.managingAgencyId })).find((u) => u.id === id)!;
  });
  r.put(
    '/api/reform/staffing/autonomy-units/:id',
    { preValidation: guard, schema: { tags, summary: 'Sửa mức tự chủ, thời gian hiệu lực', params: IdParams, body: AutonomyUnitInput, response: { 200: AutonomyUnitView, ...errors } } },
    async (request) => {
      await db.transaction((tx) => updateAutonomyUnit(tx, request.actor, request.params.id, request.body));
      return (await units(request.actor, { agencyId: request.body.managingAgencyId })).find((u) => u.id === request.params.id)!;
    },
  );

  r.get(
    '/api/reform/staffing/summary',
    { preValidation: requirePermission(Permission.REFORM_MANAGE), schema: { tags, summary: 'Tổng hợp toàn tỉnh cho báo cáo CCHC', querystring: StaffingSummaryQuery, response: { 200: StaffingSummary, ...errors } } },
    async (request) => {
      const { from, to } = request.query;
      const year = request.query.year ?? Number(to.slice(0, 4));
      const asOf = request.query.asOf ?? to;
      return {
        year,
        asOf,
        from,
        to,
        quotas: await quotaTotals(db, year),
        staff: await staffTotalsAsOf(db, asOf),
        personnelChanges: await personnelChangeTotals(db, { from, to }),
        restructuringSchemes: await restructuringSchemeTotals(db, { from, to }),
        autonomy: await autonomyFigures(db, asOf),
      };
    },
  );
}
