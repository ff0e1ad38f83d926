/**
 * Statistics routes: dossier statistics by any slice, the statutory report form, the leader's dashboard and its
 * dossier drill-down, catalog statistics, Decision 766 indicators and their weights — each also as XLSX — and the
 * public figures. Staff see their agency's subtree (403 outside it); the public routes return aggregates only.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse } from '../../../shared/schemas/common';
import {
  CatalogStatistics,
  CatalogStatisticsQuery,
  Dashboard,
  DashboardQuery,
  DEFAULT_INDICATOR_WEIGHTS,
  DossierDrillList,
  DossierDrillQuery,
  DossierStatistics,
  DossierStatisticsQuery,
  Indicators,
  IndicatorsQuery,
  IndicatorWeights,
  IndicatorWeightsView,
  PublicStatistics,
  PublicStatisticsQuery,
  ReportForm,
  ReportFormQuery,
} from '../../../shared/schemas/statistics';
import type { Actor } from '../../auth/actor';
import { requirePermission } from '../../auth/plugin';
import type { Database, Tx } from '../../db/client';
import { can } from '../../policies';
import { getCatalogStatistics } from './catalog-statistics';
import { getDashboard } from './dashboard';
import { listDrillDossiers } from './dossier-drill';
import { getDossierStatistics } from './dossier-statistics';
import { getIndicators, loadIndicatorWeights, saveIndicatorWeights } from './indicators';
import { getPublicStatistics } from './public-statistics';
import { getReportForm } from './report-form';
import { catalogWorkbook, dashboardWorkbook, dossierStatisticsWorkbook, drillWorkbook, indicatorsWorkbook, publicWorkbook, reportFormWorkbook } from './statistics-xlsx';
import { XLSX_TYPE } from './xlsx-table';

const tags = ['Thống kê'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const XlsxFile = z.any().describe('Tệp Excel (.xlsx)');

/** Reads in one snapshot, so flows and balances agree with each other. */
function snapshot<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(fn, { isolationLevel: 'repeatable read' });
}

function sendXlsx(reply: FastifyReply, body: Buffer, name: string, period: { from: string; to: string }) {
  reply.header('content-type', XLSX_TYPE);
  reply.header('content-disposition', `attachment; filename="${name}_${period.from}_${period.to}.xlsx"`);
  return reply.send(body);
}

export default async function statisticsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.ctx;
  const read = requirePermission(Permission.STATISTICS_READ);

  /** A JSON route and its `.xlsx` twin over the same use case. */
  function pair<Q extends z.ZodType, R extends z.ZodType, V extends z.output<R>>(
    url: string,
    summary: string,
    querystring: Q,
    response: R,
    load: (tx: Tx, actor: Actor, query: z.output<Q>) => Promise<V>,
    workbook: (value: V) => Promise<Buffer>,
    fileName: string,
  ) {
    // Registered without the type provider: TypeScript cannot resolve a generic schema's reply type; the Zod
    // validator and serializer still apply to these routes.
    app.get<{ Querystring: z.output<Q> }>(url, { preValidation: read, schema: { tags, summary, querystring, response: { 200: response, ...errors } } }, async (request) =>
      snapshot(database, (tx) => load(tx, request.actor, request.query as z.output<Q>)),
    );
    app.get<{ Querystring: z.output<Q> }>(
      `${url}.xlsx`,
      { preValidation: read, schema: { tags, summary: `${summary} (Excel)`, querystring, response: { 200: XlsxFile, ...errors } } },
      async (request, reply) => {
        const value = await snapshot(database, (tx) => load(tx, request.actor, request.query as z.output<Q>));
        return sendXlsx(reply, await workbook(value), fileName, (value as { period: { from: string; to: string } }).period);
      },
    );
  }

  pair(
    '/api/statistics/dossiers',
    'Thống kê tình hình, kết quả giải quyết hồ sơ theo kỳ, nhóm theo cơ quan, lĩnh vực, thủ tục, hình thức, cấp hoặc tháng',
    DossierStatisticsQuery,
    DossierStatistics,
    (tx, actor, q) => getDossierStatistics(tx, actor, q),
    dossierStatisticsWorkbook,
    'thong-ke-ho-so',
  );
  pair(
    '/api/statistics/report-form',
    'Biểu số liệu tình hình, kết quả giải quyết TTHC theo lĩnh vực (Biểu 07a/07b TT 09/2026/TT-BTP; Biểu II.06a cho kỳ trước 01/8/2026)',
    ReportFormQuery,
    ReportForm,
    (tx, actor, q) => getReportForm(tx, actor, q),
    reportFormWorkbook,
    'bieu-tinh-hinh-giai-quyet-tthc',
  );
  pair(
    '/api/statistics/dashboard',
    'Màn hình điều hành: tỷ lệ đúng hạn theo tháng, quá hạn theo cơ quan, tỷ lệ trực tuyến, thủ tục trễ hạn nhiều',
    DashboardQuery,
    Dashboard,
    (tx, actor, q) => getDashboard(tx, actor, q),
    dashboardWorkbook,
    'man-hinh-dieu-hanh',
  );
  pair(
    '/api/statistics/dossiers/list',
    'Danh sách hồ sơ của một số liệu thống kê (xem chi tiết từ tỉnh đến cơ quan, thủ tục, hồ sơ)',
    DossierDrillQuery,
    DossierDrillList,
    (tx, actor, q) => listDrillDossiers(tx, actor, q),
    drillWorkbook,
    'danh-sach-ho-so',
  );
  pair(
    '/api/statistics/catalog',
    'Thống kê thủ tục hành chính: theo cấp, mức độ trực tuyến, lĩnh vực, cơ quan; quyết định công bố; quy trình nội bộ; cắt giảm thời gian',
    CatalogStatisticsQuery,
    CatalogStatistics,
    (tx, actor, q) => getCatalogStatistics(tx, actor, q),
    catalogWorkbook,
    'thong-ke-thu-tuc',
  );
  pair(
    '/api/statistics/indicators',
    'Chỉ số đánh giá chất lượng phục vụ (Quyết định 766/QĐ-TTg) của cơ quan trong kỳ, kèm công thức và số liệu',
    IndicatorsQuery,
    Indicators,
    (tx, actor, q) => getIndicators(tx, actor, q),
    indicatorsWorkbook,
    'chi-so-qd-766',
  );

  r.get(
    '/api/statistics/indicators/weights',
    { preValidation: read, schema: { tags, summary: 'Điểm tối đa của từng chỉ số (cấu hình)', response: { 200: IndicatorWeightsView, ...errors } } },
    async () => {
      const { weights, updatedAt } = await loadIndicatorWeights(database.db);
      return { weights, defaults: DEFAULT_INDICATOR_WEIGHTS, updatedAt: updatedAt?.toISOString() ?? null };
    },
  );

  r.put(
    '/api/statistics/indicators/weights',
    {
      preValidation: requirePermission(Permission.REFORM_MANAGE),
      schema: { tags, summary: 'Cấu hình điểm tối đa của từng chỉ số (tổng 100 điểm)', body: IndicatorWeights, response: { 200: IndicatorWeightsView, ...errors } },
    },
    async (request) => {
      if (!can(request.actor, 'configure', 'statistics', { agencyPath: null })) throw new AppError('FORBIDDEN');
      return database.db.transaction(async (tx) => {
        await saveIndicatorWeights(tx, request.actor, request.body);
        const { weights, updatedAt } = await loadIndicatorWeights(tx);
        return { weights, defaults: DEFAULT_INDICATOR_WEIGHTS, updatedAt: updatedAt?.toISOString() ?? null };
      });
    },
  );

  // Public figures: aggregates only, no sign-in.
  r.get(
    '/api/public/statistics',
    { schema: { tags, summary: 'Công khai kết quả giải quyết TTHC: tỷ lệ đúng hạn và tỷ lệ trực tuyến của tỉnh và từng cơ quan', querystring: PublicStatisticsQuery, response: { 200: PublicStatistics, 400: ErrorResponse } } },
    async (request) => snapshot(database, (tx) => getPublicStatistics(tx, request.query)),
  );
  r.get(
    '/api/public/statistics.xlsx',
    { schema: { tags, summary: 'Công khai kết quả giải quyết TTHC (Excel)', querystring: PublicStatisticsQuery, response: { 200: XlsxFile, 400: ErrorResponse } } },
    async (request, reply) => {
      const value = await snapshot(database, (tx) => getPublicStatistics(tx, request.query));
      return sendXlsx(reply, await publicWorkbook(value), 'ket-qua-giai-quyet-tthc', value.period);
    },
  );
}
