/**
 * Unit periodic reform reports: templates, rounds with completeness and timeliness, and the reports themselves.
 * Units (REFORM_REPORT_UNIT) see their own subtree's reports; the organiser (REFORM_MANAGE over the round's
 * organiser agency, i.e. Sở Nội vụ) sees and reviews every report of its rounds.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import { requirePermission } from '../../auth/plugin';
import { authorize, can } from '../../policies';
import { agencies } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse, Uuid } from '../../../shared/schemas/common';
import {
  PrefillSourceInfo,
  ReportRound,
  ReportRoundList,
  ReportRoundOpenInput,
  ReportTemplate,
  ReportTemplateInput,
  RoundCompleteness,
  UnitHistory,
  UnitHistoryQuery,
  UnitReportAcceptInput,
  UnitReportDetail,
  UnitReportDraftInput,
  UnitReportList,
  UnitReportListQuery,
  UnitReportReturnInput,
} from '../../../shared/schemas/unit-reports';
import { prefillSourceInfos } from './prefill-sources';
import { saveReportTemplate } from './save-report-template';
import { closeReportRound, openReportRound } from './open-report-round';
import { acceptUnitReport, returnUnitReport, saveUnitReportDraft, submitUnitReport } from './unit-report-actions';
import {
  completenessOf,
  findRound,
  findTemplate,
  findUnitReport,
  listRoundUnits,
  listRounds,
  listTemplates,
  listVisibleReports,
  roundCounts,
  todayLocal,
  unitHistory,
  unitReportSubject,
} from './unit-reports.queries';
import { presentReportListItem, presentRound, presentUnitReport } from './unit-reports.presenter';

const tags = ['Báo cáo CCHC định kỳ của đơn vị'];
const IdParams = z.object({ id: Uuid });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

/** The subtrees the actor reads: as organiser (managers) and as a reporting unit. */
function scopeOf(actor: Actor) {
  return {
    managedPath: actor.permissions.has(Permission.REFORM_MANAGE) ? actor.agencyPath : null,
    unitPath: actor.permissions.has(Permission.REFORM_REPORT_UNIT) ? actor.agencyPath : null,
  };
}

export default async function unitReportsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.ctx;
  const manages = requirePermission(Permission.REFORM_MANAGE);
  const reads = requirePermission(Permission.REFORM_MANAGE, Permission.REFORM_REPORT_UNIT);

  r.get(
    '/api/unit-reports/prefill-sources',
    { preValidation: manages, schema: { tags, summary: 'Nguồn số liệu hệ thống dùng để điền sẵn chỉ tiêu', response: { 200: z.array(PrefillSourceInfo), ...errors } } },
    async () => prefillSourceInfos(),
  );

  r.get(
    '/api/unit-reports/templates',
    { preValidation: reads, schema: { tags, summary: 'Mẫu báo cáo (phiên bản mới nhất của mỗi mẫu, hoặc mọi phiên bản của một mẫu)', querystring: z.object({ code: z.string().max(64).optional() }), response: { 200: z.array(ReportTemplate), ...errors } } },
    async (request) => listTemplates(database.db, { code: request.query.code }),
  );

  r.post(
    '/api/unit-reports/templates',
    { preValidation: manages, schema: { tags, summary: 'Lưu mẫu báo cáo (mã mới: phiên bản 1; mã đã có: phiên bản kế tiếp)', body: ReportTemplateInput, response: { 201: ReportTemplate, ...errors } } },
    async (request, reply) => {
      const id = await database.db.transaction((tx) => saveReportTemplate(tx, request.actor, request.body));
      reply.status(201);
      return (await findTemplate(database.db, id))!;
    },
  );

  r.get(
    '/api/unit-reports/rounds',
    { preValidation: reads, schema: { tags, summary: 'Các kỳ báo cáo, với số đơn vị đã gửi, đúng hạn, trễ hạn, chưa gửi', response: { 200: ReportRoundList, ...errors } } },
    async (request) => {
      const rounds = await listRounds(database.db, scopeOf(request.actor));
      const counts = await roundCounts(database.db, rounds.map((x) => x.id), todayLocal());
      return rounds.map((x) => presentRound(request.actor, x, counts.get(x.id)!));
    },
  );

  r.post(
    '/api/unit-reports/rounds',
    { preValidation: manages, schema: { tags, summary: 'Mở kỳ báo cáo: tạo báo cáo phải nộp cho từng đơn vị', body: ReportRoundOpenInput, response: { 201: ReportRound, ...errors } } },
    async (request, reply) => {
      const id = await database.db.transaction((tx) => openReportRound(tx, request.actor, request.body));
      const round = (await findRound(database.db, id))!;
      reply.status(201);
      return presentRound(request.actor, round, (await roundCounts(database.db, [id], todayLocal())).get(id)!);
    },
  );

  r.get(
    '/api/unit-reports/rounds/:id',
    {
      preValidation: reads,
      schema: { tags, summary: 'Tình hình gửi báo cáo của kỳ: từng đơn vị, đầy đủ và đúng hạn', params: IdParams, response: { 200: RoundCompleteness, ...errors } },
    },
    async (request) => {
      const round = await findRound(database.db, request.params.id);
      if (!round) throw new AppError('NOT_FOUND');
      const manager = can(request.actor, 'manage', 'report_round', { organizerPath: round.organizer.path });
      // A unit sees the round with its own rows only.
      const unitPath = manager ? null : scopeOf(request.actor).unitPath;
      if (!manager && !unitPath) throw new AppError('NOT_FOUND');
      const today = todayLocal();
      const units = await listRoundUnits(database.db, round.id, round.dueOn, today, { agencyPath: unitPath });
      if (!manager && units.length === 0) throw new AppError('NOT_FOUND');
      const counts = completenessOf(units.map((u) => ({ status: u.status, firstSubmittedOn: u.firstSubmittedOn, dueOn: round.dueOn })), today);
      return { round: presentRound(request.actor, round, counts), units };
    },
  );

  r.post(
    '/api/unit-reports/rounds/:id/close',
    { preValidation: manages, schema: { tags, summary: 'Khóa kỳ báo cáo: không thay đổi, gửi hay xem xét báo cáo được nữa, dừng nhắc báo cáo', params: IdParams, response: { 200: ReportRound, ...errors } } },
    async (request) => {
      await database.db.transaction((tx) => closeReportRound(tx, request.actor, request.params.id));
      const round = (await findRound(database.db, request.params.id))!;
      return presentRound(request.actor, round, (await roundCounts(database.db, [round.id], todayLocal())).get(round.id)!);
    },
  );

  r.get(
    '/api/unit-reports/unit-history',
    {
      preValidation: reads,
      schema: { tags, summary: 'Tình hình gửi báo cáo của một đơn vị qua các kỳ', querystring: UnitHistoryQuery, response: { 200: UnitHistory, ...errors } },
    },
    async (request) => {
      const agencyId = request.query.agencyId ?? request.actor.agencyId;
      const [agency] = agencyId ? await database.db.select({ id: agencies.id, name: agencies.name, path: agencies.path }).from(agencies).where(eq(agencies.id, agencyId)) : [];
      if (!agency) throw new AppError('NOT_FOUND');
      const scope = scopeOf(request.actor);
      const visible = [scope.managedPath, scope.unitPath].some((p) => p && agency.path.startsWith(p));
      // Managers of a Sở Nội vụ see every unit of the province that is expected in their rounds.
      const history = await unitHistory(database.db, agency.id, todayLocal());
      if (!visible && !(await organisesAny(request.actor, history.rounds.map((x) => x.roundId)))) throw new AppError('NOT_FOUND');
      return { agency: { id: agency.id, name: agency.name }, ...history };
    },
  );

  async function organisesAny(actor: Actor, roundIds: string[]) {
    for (const id of new Set(roundIds)) {
      const round = await findRound(database.db, id);
      if (round && can(actor, 'manage', 'report_round', { organizerPath: round.organizer.path })) return true;
    }
    return false;
  }

  r.get(
    '/api/unit-reports',
    { preValidation: reads, schema: { tags, summary: 'Báo cáo của đơn vị mình, hoặc các báo cáo của kỳ do mình tổ chức', querystring: UnitReportListQuery, response: { 200: UnitReportList, ...errors } } },
    async (request) => {
      const scope = scopeOf(request.actor);
      const { items, total } = await listVisibleReports(database.db, request.query.mine === 'true' ? { ...scope, managedPath: null } : scope, request.query);
      return { items: items.map(presentReportListItem), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  r.get(
    '/api/unit-reports/:id',
    { preValidation: reads, schema: { tags, summary: 'Chi tiết báo cáo: số liệu (điền sẵn từ hệ thống), nội dung, lịch sử xử lý', params: IdParams, response: { 200: UnitReportDetail, ...errors } } },
    async (request) => {
      const report = await findUnitReport(database.db, request.params.id);
      authorize(request.actor, 'read', 'unit_report', report ? unitReportSubject(report) : undefined);
      return presentUnitReport(database.db, request.actor, report!);
    },
  );

  /** One workflow action: run the use case in a transaction, answer with the report as the actor now sees it. */
  function action<S extends z.ZodType>(
    method: 'PUT' | 'POST',
    path: string,
    summary: string,
    permission: Permission,
    body: S,
    run: (tx: Tx, actor: Actor, id: string, input: z.output<S>) => Promise<void>,
  ) {
    r.route({
      method,
      url: `/api/unit-reports/:id/${path}`,
      preValidation: requirePermission(permission),
      schema: { tags, summary, params: IdParams, body, response: { 200: UnitReportDetail, ...errors } },
      handler: async (request) => {
        const { id } = request.params as { id: string };
        await database.db.transaction((tx) => run(tx, request.actor, id, request.body as z.output<S>));
        return presentUnitReport(database.db, request.actor, (await findUnitReport(database.db, id))!);
      },
    });
  }

  action('PUT', 'draft', 'Lưu nháp báo cáo (kèm số phiên bản đã tải; sửa số liệu hệ thống phải có lý do)', Permission.REFORM_REPORT_UNIT, UnitReportDraftInput, saveUnitReportDraft);
  action('POST', 'submit', 'Gửi báo cáo cho Sở Nội vụ (có thể kèm nội dung sửa lần cuối)', Permission.REFORM_REPORT_UNIT, UnitReportDraftInput, (tx, actor, id, input) => submitUnitReport(tx, actor, id, input));
  action('POST', 'return', 'Trả lại báo cáo để đơn vị chỉnh sửa, bổ sung (kèm ý kiến)', Permission.REFORM_MANAGE, UnitReportReturnInput, returnUnitReport);
  action('POST', 'accept', 'Tiếp nhận báo cáo', Permission.REFORM_MANAGE, UnitReportAcceptInput, acceptUnitReport);
}
