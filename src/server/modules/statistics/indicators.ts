/**
 * Chỉ số đánh giá chất lượng phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg, 100 points in five groups) for
 * an agency subtree and a period. No official text with the exact formulas was found (DOMAIN.md "Indicators"), so
 * every figure carries the formula this project uses and the data behind it, and the point weights are a setting.
 * Points of an indicator = its weight × its rate / 100; an indicator without data (no denominator) earns no points
 * and is left out of the points available.
 */
import { eq, sql } from 'drizzle-orm';
import { addCalendarDays, fromLocal } from '../../../shared/calendar';
import { AuditAction } from '../../../shared/audit-actions';
import { resolvePeriod, type PeriodSpec } from '../../../shared/periods';
import { ratePercent } from '../../../shared/schemas/ratings';
import {
  DEFAULT_INDICATOR_WEIGHTS,
  INDICATOR_GROUPS,
  INDICATOR_GROUP_OF,
  INDICATOR_KEYS,
  IndicatorWeights,
  indicatorGroupLabels,
  type Indicator,
  type IndicatorKey,
  type Indicators,
} from '../../../shared/schemas/statistics';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import type { Executor } from '../../db/client';
import { queryRows } from '../../db/client';
import { statisticsSettings } from '../../db/schema';
import { petitionFigures } from '../petitions/petition-figures';
import { ratingFigures } from '../ratings/rating-figures';
import { getCatalogStatistics } from './catalog-statistics';
import { figuresOf } from './dossier-statistics';
import { emptyGroup, flowsBetween, groupSums } from './statistics.queries';
import { procedureNames, resolveStatScope } from './statistics-scope';

export const WEIGHTS_KEY = 'indicators.766.weights';

const LABELS: Record<IndicatorKey, string> = {
  publishedOnTime: 'Công bố thủ tục hành chính đúng hạn',
  publishedComplete: 'Thủ tục được công khai đầy đủ các bộ phận',
  syncedToPortal: 'Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia',
  onTimeRate: 'Hồ sơ giải quyết trước hạn, đúng hạn',
  resolutionWithinLegalTime: 'Thủ tục có thời gian giải quyết bình quân trong thời hạn quy định',
  digitisedDossiers: 'Hồ sơ có thành phần được số hóa',
  reusedDocuments: 'Hồ sơ tái sử dụng giấy tờ đã số hóa',
  digitisedResults: 'Kết quả giải quyết được số hóa',
  onlineProcedures: 'Thủ tục cung cấp dịch vụ công trực tuyến',
  onlineServicesUsed: 'Dịch vụ công trực tuyến có phát sinh hồ sơ',
  onlineDossiers: 'Hồ sơ nộp trực tuyến',
  onlinePayments: 'Thanh toán trực tuyến',
  petitionsOnTime: 'Phản ánh, kiến nghị được xử lý đúng hạn',
  petitionSatisfaction: 'Hài lòng với việc xử lý phản ánh, kiến nghị',
  dossierSatisfaction: 'Hài lòng với việc giải quyết hồ sơ',
};

const FORMULAS: Record<IndicatorKey, string> = {
  publishedOnTime: 'Số quyết định công bố ký trong kỳ đúng hạn (chậm nhất 05 ngày làm việc trước ngày văn bản QPPL có hiệu lực) / Số quyết định công bố trong kỳ có căn cứ văn bản QPPL × 100',
  publishedComplete:
    'Số thủ tục còn hiệu lực có đủ các bộ phận theo NĐ 63/2010 Điều 8 (tên, trình tự, cách thức, thành phần hồ sơ, thời hạn, đối tượng, kết quả, căn cứ pháp lý) / Số thủ tục còn hiệu lực × 100',
  syncedToPortal: 'Số hồ sơ tiếp nhận trong kỳ đã đồng bộ lên Cổng DVCQG / Số hồ sơ tiếp nhận trong kỳ thuộc diện đồng bộ × 100',
  onTimeRate: '(Số hồ sơ giải quyết trước hạn + đúng hạn) / Số hồ sơ đã giải quyết trong kỳ × 100',
  resolutionWithinLegalTime:
    'Số thủ tục có thời gian giải quyết bình quân trong kỳ (ngày lịch) không vượt thời hạn quy định (quy đổi 5 ngày làm việc = 7 ngày lịch) / Số thủ tục có hồ sơ giải quyết trong kỳ × 100',
  digitisedDossiers: 'Số hồ sơ tiếp nhận trong kỳ có ít nhất một thành phần hồ sơ được số hóa (có tệp) / Số hồ sơ tiếp nhận trong kỳ × 100',
  reusedDocuments: 'Số hồ sơ tiếp nhận trong kỳ có giấy tờ tái sử dụng từ hồ sơ trước / Số hồ sơ tiếp nhận trong kỳ × 100',
  digitisedResults: 'Số hồ sơ có kết quả phát hành trong kỳ kèm bản điện tử của kết quả / Số hồ sơ có kết quả phát hành trong kỳ × 100',
  onlineProcedures: 'Số thủ tục còn hiệu lực cung cấp trực tuyến (toàn trình hoặc một phần) / Số thủ tục còn hiệu lực × 100',
  onlineServicesUsed: 'Số thủ tục trực tuyến có ít nhất một hồ sơ trực tuyến được tiếp nhận trong kỳ / Số thủ tục trực tuyến còn hiệu lực × 100',
  onlineDossiers: 'Số hồ sơ trực tuyến mới tiếp nhận trong kỳ / Số hồ sơ mới tiếp nhận trong kỳ × 100',
  onlinePayments: 'Số khoản phí, lệ phí nộp trực tuyến trong kỳ / Số khoản phí, lệ phí đã nộp trong kỳ × 100',
  petitionsOnTime: '(Số PAKN trả lời đúng hạn + số lần chuyển đúng hạn) / (Số PAKN đã trả lời + số lần chuyển) trong kỳ × 100',
  petitionSatisfaction: 'Số đánh giá kết quả trả lời PAKN từ mức "Hài lòng" trở lên / Tổng số đánh giá trong kỳ × 100',
  dossierSatisfaction: 'Số hồ sơ được đánh giá từ mức "Hài lòng" trở lên / Tổng số hồ sơ được đánh giá trong kỳ × 100',
};

const NOTE =
  'Quyết định 766/QĐ-TTg quy định 5 nhóm chỉ số (18, 20, 22, 22, 18 điểm). Không tìm thấy văn bản chính thức quy định công thức chi tiết của từng chỉ số thành phần: hệ thống dùng công thức ghi kèm từng chỉ số và cách chia điểm có thể cấu hình. Chỉ số không có dữ liệu trong kỳ không được tính điểm.';

export async function loadIndicatorWeights(executor: Executor): Promise<{ weights: IndicatorWeights; updatedAt: Date | null }> {
  const [row] = await executor.select().from(statisticsSettings).where(eq(statisticsSettings.key, WEIGHTS_KEY));
  const parsed = row ? IndicatorWeights.safeParse(row.value) : null;
  return parsed?.success ? { weights: parsed.data, updatedAt: row!.updatedAt } : { weights: { ...DEFAULT_INDICATOR_WEIGHTS }, updatedAt: null };
}

export async function saveIndicatorWeights(executor: Executor, actor: Actor, weights: IndicatorWeights): Promise<void> {
  const before = await loadIndicatorWeights(executor);
  await executor
    .insert(statisticsSettings)
    .values({ key: WEIGHTS_KEY, value: weights, updatedById: actor.userId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: statisticsSettings.key, set: { value: weights, updatedById: actor.userId, updatedAt: new Date() } });
  await recordAudit(executor, actor, {
    action: AuditAction.STATISTICS_WEIGHTS_UPDATED,
    subjectType: 'statistics_settings',
    subjectId: WEIGHTS_KEY,
    summary: { before: before.weights, after: weights },
  });
}

type Data = Indicator['data'];
interface Measured {
  numerator: number | null;
  denominator: number | null;
  data: Data;
}
const measured = (numerator: number, denominator: number, data: Data): Measured => ({ numerator, denominator, data });

export async function getIndicators(executor: Executor, actor: Actor, input: PeriodSpec & { agencyId?: string | undefined }): Promise<Indicators> {
  const period = resolvePeriod(input);
  const scope = await resolveStatScope(executor, actor, { agencyId: input.agencyId });
  const scopeLike = `${scope.agencyPath ?? '/'}%`;
  const start = fromLocal(period.from).toISOString();
  const end = fromLocal(addCalendarDays(period.to, 1)).toISOString();
  const catalog = await getCatalogStatistics(executor, actor, { ...input, asOf: period.to });
  const figures = figuresOf((await groupSums(executor, period, 'none', scope.filter)).get('all') ?? emptyGroup());
  const { weights } = await loadIndicatorWeights(executor);
  const m = {} as Record<IndicatorKey, Measured>;

  // Công khai, minh bạch.
  const pd = catalog.publicationDecisions;
  m.publishedOnTime = measured(pd.onTime, pd.onTime + pd.late, { 'Quyết định công bố trong kỳ': pd.total, 'Đúng hạn': pd.onTime, 'Trễ hạn': pd.late, 'Không có ngày hiệu lực của văn bản QPPL': pd.withoutLegalDocumentDate });
  const [complete] = await queryRows<{ total: number; complete: number }>(
    executor,
    sql`SELECT count(DISTINCT pv.procedure_id)::int AS total,
          count(DISTINCT pv.procedure_id) FILTER (WHERE length(pv.name) > 0 AND jsonb_array_length(pv.steps) > 0 AND cardinality(pv.methods) > 0
            AND jsonb_array_length(pv.documents) > 0 AND pv.time_value > 0 AND cardinality(pv.subjects) > 0 AND length(pv.result) > 0
            AND jsonb_array_length(pv.legal_basis) > 0)::int AS complete
        FROM procedure_versions pv
        WHERE pv.valid_from <= ${period.to}::date AND (pv.valid_to IS NULL OR pv.valid_to >= ${period.to}::date)
          AND EXISTS (SELECT 1 FROM procedure_version_agencies pva JOIN agencies a ON a.id = pva.agency_id WHERE pva.version_id = pv.id AND a.path LIKE ${scopeLike})`,
  );
  m.publishedComplete = measured(complete?.complete ?? 0, complete?.total ?? 0, { 'Thủ tục còn hiệu lực': complete?.total ?? 0, 'Đủ các bộ phận': complete?.complete ?? 0 });

  const inScope = sql`d.competent_agency_id IN (SELECT id FROM agencies WHERE path LIKE ${scopeLike})`;
  const [dossierFacts] = await queryRows<Record<string, number>>(
    executor,
    sql`SELECT count(*)::int AS received,
          count(*) FILTER (WHERE d.sync_state <> 'not_applicable')::int AS syncable,
          count(*) FILTER (WHERE d.sync_state = 'synced')::int AS synced,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dossier_documents dd WHERE dd.dossier_id = d.id AND dd.kind IN ('application', 'supplement') AND dd.file_id IS NOT NULL))::int AS digitised,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dossier_documents dd WHERE dd.dossier_id = d.id AND dd.reused_from_document_id IS NOT NULL))::int AS reused
        FROM dossiers d WHERE d.received_at >= ${start}::timestamptz AND d.received_at < ${end}::timestamptz AND ${inScope}`,
  );
  m.syncedToPortal = measured(dossierFacts!.synced!, dossierFacts!.syncable!, { 'Hồ sơ tiếp nhận trong kỳ': dossierFacts!.received!, 'Thuộc diện đồng bộ': dossierFacts!.syncable!, 'Đã đồng bộ': dossierFacts!.synced! });

  // Tiến độ, kết quả giải quyết.
  const r = figures.resolved;
  m.onTimeRate = measured(r.early + r.onTime, r.total, { 'Đã giải quyết': r.total, 'Trước hạn': r.early, 'Đúng hạn': r.onTime, 'Quá hạn': r.late });
  const byProcedure = await flowsBetween(executor, period.from, period.to, 'procedure', scope.filter);
  const resolvedProcedures = [...byProcedure.entries()].filter(([, f]) => f.resolvedEarly + f.resolvedOnTime + f.resolvedLate > 0);
  const names = await procedureNames(executor, resolvedProcedures.map(([id]) => id), period.to);
  let within = 0;
  for (const [id, f] of resolvedProcedures) {
    const n = f.resolvedEarly + f.resolvedOnTime + f.resolvedLate;
    const legal = names.get(id)?.legalCalendarDays;
    if (legal !== undefined && f.resolutionSeconds / n / 86_400 <= legal) within++;
  }
  m.resolutionWithinLegalTime = measured(within, resolvedProcedures.length, {
    'Thủ tục có hồ sơ giải quyết trong kỳ': resolvedProcedures.length,
    'Bình quân trong thời hạn': within,
    'Thời gian giải quyết bình quân chung (ngày)': figures.averageResolutionDays,
  });

  // Số hóa hồ sơ.
  m.digitisedDossiers = measured(dossierFacts!.digitised!, dossierFacts!.received!, { 'Hồ sơ tiếp nhận trong kỳ': dossierFacts!.received!, 'Có thành phần số hóa': dossierFacts!.digitised! });
  m.reusedDocuments = measured(dossierFacts!.reused!, dossierFacts!.received!, { 'Hồ sơ tiếp nhận trong kỳ': dossierFacts!.received!, 'Có giấy tờ tái sử dụng': dossierFacts!.reused! });
  const [results] = await queryRows<{ issued: number; digitised: number }>(
    executor,
    sql`SELECT count(*)::int AS issued,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dossier_documents dd WHERE dd.dossier_id = d.id AND dd.kind = 'result' AND dd.file_id IS NOT NULL))::int AS digitised
        FROM dossiers d
        WHERE d.document_number IS NOT NULL AND d.finished_at >= ${start}::timestamptz AND d.finished_at < ${end}::timestamptz AND ${inScope}`,
  );
  m.digitisedResults = measured(results!.digitised, results!.issued, { 'Có kết quả phát hành trong kỳ': results!.issued, 'Có bản điện tử của kết quả': results!.digitised });

  // Cung cấp dịch vụ trực tuyến.
  const onlineLevels = catalog.procedures.byOnlineLevel.filter((l) => Number(l.key) >= 3).reduce((s, l) => s + l.procedures, 0);
  m.onlineProcedures = measured(onlineLevels, catalog.procedures.total, { 'Thủ tục còn hiệu lực': catalog.procedures.total, 'Trực tuyến toàn trình hoặc một phần': onlineLevels });
  const [services] = await queryRows<{ online: number; used: number }>(
    executor,
    sql`WITH online AS (
          SELECT DISTINCT pv.procedure_id FROM procedure_versions pv
          WHERE pv.online_level >= 3 AND pv.valid_from <= ${period.to}::date AND (pv.valid_to IS NULL OR pv.valid_to >= ${period.to}::date)
            AND EXISTS (SELECT 1 FROM procedure_version_agencies pva JOIN agencies a ON a.id = pva.agency_id WHERE pva.version_id = pv.id AND a.path LIKE ${scopeLike}))
        SELECT (SELECT count(*) FROM online)::int AS online,
          (SELECT count(*) FROM online o WHERE o.procedure_id IN (${
            [...byProcedure.entries()].filter(([, f]) => f.received.online_full + f.received.online_partial > 0).length
              ? sql.join(
                  [...byProcedure.entries()].filter(([, f]) => f.received.online_full + f.received.online_partial > 0).map(([id]) => sql`${id}::uuid`),
                  sql`, `,
                )
              : sql`NULL`
          }))::int AS used`,
  );
  m.onlineServicesUsed = measured(services!.used, services!.online, { 'Thủ tục trực tuyến còn hiệu lực': services!.online, 'Có hồ sơ trực tuyến trong kỳ': services!.used });
  const online = figures.received.onlineFull + figures.received.onlinePartial;
  m.onlineDossiers = measured(online, figures.received.newTotal, { 'Hồ sơ mới tiếp nhận': figures.received.newTotal, 'Trực tuyến toàn trình': figures.received.onlineFull, 'Trực tuyến một phần': figures.received.onlinePartial });
  const [payments] = await queryRows<{ paid: number; online: number }>(
    executor,
    sql`SELECT count(*)::int AS paid, count(*) FILTER (WHERE p.method = 'online')::int AS online
        FROM payments p JOIN dossiers d ON d.id = p.dossier_id
        WHERE p.status IN ('paid', 'refunded') AND p.paid_at >= ${start}::timestamptz AND p.paid_at < ${end}::timestamptz AND ${inScope}`,
  );
  m.onlinePayments = measured(payments!.online, payments!.paid, { 'Khoản đã nộp trong kỳ': payments!.paid, 'Nộp trực tuyến': payments!.online });

  // Mức độ hài lòng.
  const petitions = (await petitionFigures(executor, { from: period.from, to: period.to, agencyPath: scope.agencyPath })).total;
  const handled = petitions.answered + petitions.forwarded;
  const handledOnTime = petitions.answeredOnTime + petitions.forwarded - petitions.forwardedLate;
  m.petitionsOnTime = measured(handledOnTime, handled, { 'PAKN tiếp nhận': petitions.received, 'Đã trả lời': petitions.answered, 'Trả lời đúng hạn': petitions.answeredOnTime, 'Lần chuyển': petitions.forwarded, 'Chuyển trễ': petitions.forwardedLate });
  m.petitionSatisfaction = measured(petitions.satisfied, petitions.rated, { 'Đánh giá': petitions.rated, 'Hài lòng trở lên': petitions.satisfied });
  const ratings = (await ratingFigures(executor, { from: period.from, to: period.to, agencyPath: scope.agencyPath })).total;
  m.dossierSatisfaction = measured(ratings.satisfied, ratings.rated, { 'Hồ sơ được đánh giá': ratings.rated, 'Hài lòng trở lên': ratings.satisfied });

  const groups = INDICATOR_GROUPS.map((group) => {
    const indicators: Indicator[] = INDICATOR_KEYS.filter((k) => INDICATOR_GROUP_OF[k] === group).map((key) => {
      const x = m[key];
      const rate = x.numerator !== null && x.denominator !== null ? ratePercent(x.numerator, x.denominator) : null;
      const weight = weights[key];
      return {
        key,
        group,
        label: LABELS[key],
        formula: FORMULAS[key],
        formulaAssumed: true,
        numerator: x.numerator,
        denominator: x.denominator,
        rate,
        weight,
        points: rate === null ? null : Math.round(weight * rate) / 100,
        data: x.data,
      };
    });
    const round2 = (n: number) => Math.round(n * 100) / 100;
    return {
      group,
      label: indicatorGroupLabels[group],
      weight: round2(indicators.reduce((s, i) => s + i.weight, 0)),
      points: round2(indicators.reduce((s, i) => s + (i.points ?? 0), 0)),
      pointsAvailable: round2(indicators.filter((i) => i.points !== null).reduce((s, i) => s + i.weight, 0)),
      indicators,
    };
  });
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return {
    period,
    filters: { scope: scope.label, lines: scope.lines },
    groups,
    totalPoints: round2(groups.reduce((s, g) => s + g.points, 0)),
    pointsAvailable: round2(groups.reduce((s, g) => s + g.pointsAvailable, 0)),
    note: NOTE,
  };
}
