/**
 * Contracts of the `statistics` domain: periods and slices of dossier statistics (thống kê tình hình, kết quả giải
 * quyết TTHC), the statutory report forms (Biểu 07a/07b of TT 09/2026/TT-BTP, Biểu II.06a of TT 01/2020/TT-VPCP for
 * earlier periods), catalog statistics, the Decision 766 indicators, the leader's dashboard, the dossier drill-down
 * list and the public figures. Shared by the server routes and the web app.
 */
import { z } from 'zod';
import { PERIOD_PRESETS, PeriodError, resolvePeriod, type PeriodSpec } from '../periods';
import { IsoDate, Pagination, Uuid } from './common';

// ---------------------------------------------------------------------------------------------------------------
// Periods and slices

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** A period as query parameters: a preset with its year/month/quarter/half, or custom from/to dates. */
export const PeriodQueryFields = {
  preset: z.enum(PERIOD_PRESETS).default('custom'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  year: int(2000, 2100).optional(),
  month: int(1, 12).optional(),
  quarter: int(1, 4).optional(),
  half: int(1, 2).optional(),
};

/** Checks the period parts together (e.g. statutory months 1, 2, 4, 5, 7, 8, 10, 11 only) with the field at fault. */
export function refinePeriod(q: PeriodSpec, ctx: z.RefinementCtx) {
  try {
    resolvePeriod(q);
  } catch (err) {
    if (!(err instanceof PeriodError)) throw err;
    ctx.addIssue({ code: 'custom', path: [err.field], message: err.message });
  }
}

export const PeriodSchema = z.object({ preset: z.enum(PERIOD_PRESETS), from: z.string(), to: z.string(), label: z.string(), reportDueOn: z.string().nullable() });
export type PeriodView = z.infer<typeof PeriodSchema>;

export const StatChannelSchema = z.enum(['online_full', 'online_partial', 'post', 'in_person']);
export type StatChannelValue = z.infer<typeof StatChannelSchema>;
export const statChannelLabels: Record<StatChannelValue, string> = {
  online_full: 'Trực tuyến toàn trình',
  online_partial: 'Trực tuyến một phần',
  post: 'Qua dịch vụ bưu chính',
  in_person: 'Trực tiếp',
};
export const LevelSchema = z.enum(['province', 'district', 'commune']);
export const levelLabels: Record<z.infer<typeof LevelSchema>, string> = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' };

export const GROUP_BY = ['agency', 'field', 'procedure', 'channel', 'level', 'month', 'none'] as const;
export const GroupBySchema = z.enum(GROUP_BY);
export type GroupBy = z.infer<typeof GroupBySchema>;
export const groupByLabels: Record<GroupBy, string> = {
  agency: 'Cơ quan giải quyết',
  field: 'Lĩnh vực',
  procedure: 'Thủ tục hành chính',
  channel: 'Hình thức tiếp nhận',
  level: 'Cấp thực hiện',
  month: 'Tháng',
  none: 'Tổng hợp',
};

/** Slices: the agency subtree (within the caller's scope), an administrative unit and its subtree, and the catalog. */
export const SliceQueryFields = {
  agencyId: Uuid.optional(),
  /** The agency alone, not the units under it: a by-agency table's row (each row counts its own agency). */
  agencyOnly: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Several levels, comma-separated (section I of Biểu 07b: `province,district`). */
  levels: z
    .string()
    .regex(/^(province|district|commune)(,(province|district|commune))*$/, 'Cấp thực hiện: province, district, commune, cách nhau bằng dấu phẩy')
    .transform((v) => v.split(',') as ('province' | 'district' | 'commune')[])
    .optional(),
  unitId: Uuid.optional(),
  level: LevelSchema.optional(),
  fieldId: Uuid.optional(),
  procedureId: Uuid.optional(),
  /** A channel, or `online` for both online channels. */
  channel: z.enum(['online_full', 'online_partial', 'post', 'in_person', 'online']).optional(),
};

export const DossierStatisticsQuery = z
  .object({ ...PeriodQueryFields, ...SliceQueryFields, groupBy: GroupBySchema.default('agency') })
  .superRefine(refinePeriod);
export type DossierStatisticsQuery = z.infer<typeof DossierStatisticsQuery>;

// ---------------------------------------------------------------------------------------------------------------
// Dossier figures

export const DossierFigures = z.object({
  received: z.object({
    /** (3) = carried over + new in the period. */
    total: z.number().int(),
    carriedOver: z.number().int(),
    newTotal: z.number().int(),
    onlineFull: z.number().int(),
    onlinePartial: z.number().int(),
    post: z.number().int(),
    inPerson: z.number().int(),
  }),
  resolved: z.object({
    total: z.number().int(),
    early: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    /** Of the resolved: refusals after receipt. */
    refused: z.number().int(),
    /** (early + on time) / resolved × 100, one decimal; null when nothing was resolved. */
    onTimeRate: z.number().nullable(),
  }),
  pending: z.object({
    total: z.number().int(),
    withinDeadline: z.number().int(),
    overdue: z.number().int(),
    /** Of those within the deadline: waiting for a supplement (the clock does not run). */
    waitingForSupplement: z.number().int(),
  }),
  stopped: z.number().int(),
  closedNoSupplement: z.number().int(),
  /** Online dossiers that ended before being received (not part of the received figures). */
  notReceived: z.object({ withdrawn: z.number().int(), refused: z.number().int(), closedNoSupplement: z.number().int() }),
  /** New online dossiers / new dossiers × 100. */
  onlineRate: z.number().nullable(),
  /** Average time from receipt to resolution, in calendar days (one decimal). */
  averageResolutionDays: z.number().nullable(),
});
export type DossierFigures = z.infer<typeof DossierFigures>;

export const DossierStatisticsRow = z.object({
  /** Agency, field or procedure id; channel, level or month value; 'all'. */
  key: z.string(),
  label: z.string(),
  /** Procedure or field code, agency identifier. */
  code: z.string().nullable(),
  /** Procedures: legal processing time as text, e.g. "5 ngày làm việc". */
  legalTime: z.string().nullable(),
  figures: DossierFigures,
});
export type DossierStatisticsRow = z.infer<typeof DossierStatisticsRow>;

export const AppliedFilters = z.object({
  scope: z.string(),
  lines: z.array(z.string()),
});

export const DossierStatistics = z.object({
  period: PeriodSchema,
  groupBy: GroupBySchema,
  filters: AppliedFilters,
  rows: z.array(DossierStatisticsRow),
  total: DossierFigures,
  formulas: z.record(z.string(), z.string()),
});
export type DossierStatistics = z.infer<typeof DossierStatistics>;

export const DOSSIER_FORMULAS: Record<string, string> = {
  received:
    'Tổng số tiếp nhận (3) = Từ kỳ trước chuyển sang + Mới tiếp nhận trong kỳ (trực tuyến toàn trình, trực tuyến một phần, qua bưu chính, trực tiếp). Hồ sơ trực tuyến được tính khi Bộ phận Một cửa tiếp nhận',
  carriedOver: 'Từ kỳ trước: hồ sơ đã tiếp nhận trước ngày đầu kỳ, chưa giải quyết xong, chưa dừng hay đóng tại ngày đầu kỳ (bằng số đang giải quyết cuối kỳ trước)',
  resolved:
    'Đã giải quyết: hồ sơ có kết quả được phát hành hoặc bị từ chối sau khi tiếp nhận, trong kỳ; trước hạn/đúng hạn/quá hạn so sánh ngày hoàn thành với ngày hẹn trả ban đầu (không tính gia hạn, trừ khi quy tắc chọn hạn hiện hành)',
  onTimeRate: 'Tỷ lệ đúng hạn = (Trước hạn + Đúng hạn) / Đã giải quyết × 100',
  pending:
    'Đang giải quyết tại ngày cuối kỳ: quá hạn khi ngày hẹn trả (ban đầu) trước ngày cuối kỳ, còn lại trong hạn; hồ sơ chờ bổ sung (thời hạn không chạy) tính trong hạn',
  onlineRate: 'Tỷ lệ trực tuyến = Hồ sơ trực tuyến (toàn trình + một phần) mới tiếp nhận / Hồ sơ mới tiếp nhận × 100',
  averageResolutionDays: 'Thời gian giải quyết bình quân = Tổng thời gian từ tiếp nhận đến khi có kết quả / Số hồ sơ đã giải quyết, tính theo ngày lịch',
  interAgency: 'Hồ sơ liên thông chỉ tính một lần, tại cơ quan có thẩm quyền giải quyết (cơ quan chủ trì)',
};

// ---------------------------------------------------------------------------------------------------------------
// Statutory report forms

export const ReportFormQuery = z.object({ ...PeriodQueryFields, agencyId: Uuid.optional() }).superRefine(refinePeriod);
export type ReportFormQuery = z.infer<typeof ReportFormQuery>;

export const ReportFormCode = z.enum(['07a', '07b', 'II.06a']);
export type ReportFormCode = z.infer<typeof ReportFormCode>;

export const ReportFormSection = z.object({
  title: z.string().nullable(),
  /** The levels the section's rows count (null: every level), for the drill-down to its dossiers. */
  levels: z.array(LevelSchema).nullable(),
  rows: z.array(DossierStatisticsRow),
});
export const ReportForm = z.object({
  form: ReportFormCode,
  /** e.g. "Biểu số 07a/BTP/KSTT". */
  formNumber: z.string(),
  title: z.string(),
  legalBasis: z.string(),
  period: PeriodSchema,
  reportingAgency: z.string(),
  receivingAgency: z.string(),
  sections: z.array(ReportFormSection),
  total: DossierFigures,
  /** Figures the form has no column for (stopped, closed, withdrawn), written under the table. */
  notes: z.array(z.string()),
});
export type ReportForm = z.infer<typeof ReportForm>;

// ---------------------------------------------------------------------------------------------------------------
// Dashboard and drill-down

export const DashboardQuery = z.object({ ...PeriodQueryFields, agencyId: Uuid.optional() }).superRefine(refinePeriod);
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const Dashboard = z.object({
  period: PeriodSchema,
  filters: AppliedFilters,
  kpis: z.object({
    received: z.number().int(),
    resolved: z.number().int(),
    onTimeRate: z.number().nullable(),
    onlineRate: z.number().nullable(),
    pending: z.number().int(),
    overdue: z.number().int(),
    averageResolutionDays: z.number().nullable(),
  }),
  /** Twelve months ending with the period's last month. */
  trend: z.array(z.object({ month: z.string(), received: z.number().int(), resolved: z.number().int(), onTimeRate: z.number().nullable(), onlineRate: z.number().nullable() })),
  overdueByAgency: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), pending: z.number().int(), overdue: z.number().int() })),
  channels: z.array(z.object({ channel: StatChannelSchema, label: z.string(), received: z.number().int() })),
  topLateProcedures: z.array(
    z.object({ procedureId: z.string(), code: z.string(), name: z.string(), resolved: z.number().int(), late: z.number().int(), lateRate: z.number().nullable() }),
  ),
  formulas: z.record(z.string(), z.string()),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DRILL_CATEGORIES = ['received', 'resolved', 'resolved_early', 'resolved_on_time', 'resolved_late', 'pending', 'pending_overdue', 'waiting', 'stopped', 'closed'] as const;
export const DrillCategory = z.enum(DRILL_CATEGORIES);
export const drillCategoryLabels: Record<z.infer<typeof DrillCategory>, string> = {
  received: 'Tiếp nhận trong kỳ',
  resolved: 'Đã giải quyết trong kỳ',
  resolved_early: 'Giải quyết trước hạn',
  resolved_on_time: 'Giải quyết đúng hạn',
  resolved_late: 'Giải quyết quá hạn',
  pending: 'Đang giải quyết cuối kỳ',
  pending_overdue: 'Đang giải quyết, quá hạn cuối kỳ',
  waiting: 'Chờ bổ sung cuối kỳ',
  stopped: 'Dừng giải quyết trong kỳ',
  closed: 'Đóng do không bổ sung trong kỳ',
};

export const DossierDrillQuery = z
  .object({ ...PeriodQueryFields, ...SliceQueryFields, category: DrillCategory.default('received'), ...Pagination.shape })
  .superRefine(refinePeriod);
export type DossierDrillQuery = z.infer<typeof DossierDrillQuery>;

export const DrillDossier = z.object({
  id: z.string(),
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  agencyName: z.string(),
  channel: StatChannelSchema,
  status: z.string(),
  statusLabel: z.string(),
  receivedAt: z.string().nullable(),
  /** The due date statistics count against. */
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  outcome: z.enum(['early', 'on_time', 'late']).nullable(),
});
export const DossierDrillList = z.object({
  period: PeriodSchema,
  category: DrillCategory,
  filters: AppliedFilters,
  items: z.array(DrillDossier),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  note: z.string(),
});
export type DossierDrillList = z.infer<typeof DossierDrillList>;

// ---------------------------------------------------------------------------------------------------------------
// Public figures (no personal data, no sign-in)

/** Without parameters: the current year so far. */
export const PublicStatisticsQuery = z
  .object({ ...PeriodQueryFields, preset: z.enum(PERIOD_PRESETS).default('year'), year: int(2000, 2100).default(() => new Date().getFullYear()) })
  .superRefine(refinePeriod);
export type PublicStatisticsQuery = z.infer<typeof PublicStatisticsQuery>;
export const PublicFiguresRow = z.object({
  agencyId: z.string().nullable(),
  agencyName: z.string(),
  received: z.number().int(),
  resolved: z.number().int(),
  resolvedOnTime: z.number().int(),
  onTimeRate: z.number().nullable(),
  receivedOnline: z.number().int(),
  onlineRate: z.number().nullable(),
});
export const PublicStatistics = z.object({ period: PeriodSchema, province: PublicFiguresRow, byAgency: z.array(PublicFiguresRow), formulas: z.record(z.string(), z.string()) });
export type PublicStatistics = z.infer<typeof PublicStatistics>;

// ---------------------------------------------------------------------------------------------------------------
// Catalog statistics

export const CatalogStatisticsQuery = z
  .object({ ...PeriodQueryFields, agencyId: Uuid.optional(), asOf: IsoDate.optional() })
  .superRefine(refinePeriod);
export type CatalogStatisticsQuery = z.infer<typeof CatalogStatisticsQuery>;

const Count = z.object({ key: z.string(), label: z.string(), procedures: z.number().int() });
export const CatalogStatistics = z.object({
  period: PeriodSchema,
  asOf: z.string(),
  filters: AppliedFilters,
  procedures: z.object({
    total: z.number().int(),
    byLevel: z.array(Count),
    byOnlineLevel: z.array(Count),
    onTheSpot: z.number().int(),
    interAgency: z.number().int(),
    byField: z.array(Count),
    byAgency: z.array(Count),
  }),
  publicationDecisions: z.object({
    total: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    withoutLegalDocumentDate: z.number().int(),
    items: z.object({ add: z.number().int(), amend: z.number().int(), replace: z.number().int(), abolish: z.number().int() }),
    list: z.array(z.object({ number: z.string(), title: z.string(), signedOn: z.string(), effectiveFrom: z.string(), items: z.number().int(), onTime: z.boolean().nullable() })),
  }),
  internalProcesses: z.object({
    /** Approval decisions (distinct numbers) dated in the period, and the processes they approved. */
    decisions: z.number().int(),
    processes: z.number().int(),
    procedures: z.number().int(),
    /** Processes in force on `asOf`. */
    inForce: z.number().int(),
  }),
  timeCuts: z.object({
    /** Processes in force whose steps total less than the legal time (working-day and working-hour procedures). */
    measured: z.number().int(),
    withCut: z.number().int(),
    atLeast30Percent: z.number().int(),
    averageCutPercent: z.number().nullable(),
    maxCutPercent: z.number().nullable(),
    byAgency: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), measured: z.number().int(), withCut: z.number().int(), averageCutPercent: z.number().nullable() })),
  }),
  formulas: z.record(z.string(), z.string()),
});
export type CatalogStatistics = z.infer<typeof CatalogStatistics>;

// ---------------------------------------------------------------------------------------------------------------
// Decision 766/QĐ-TTg indicators

export const INDICATOR_GROUPS = ['publicity', 'progress', 'digitisation', 'online', 'satisfaction'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];
export const indicatorGroupLabels: Record<IndicatorGroup, string> = {
  publicity: 'Công khai, minh bạch',
  progress: 'Tiến độ, kết quả giải quyết',
  digitisation: 'Số hóa hồ sơ',
  online: 'Cung cấp dịch vụ trực tuyến',
  satisfaction: 'Mức độ hài lòng',
};

export const INDICATOR_KEYS = [
  'publishedOnTime',
  'publishedComplete',
  'syncedToPortal',
  'onTimeRate',
  'resolutionWithinLegalTime',
  'digitisedDossiers',
  'reusedDocuments',
  'digitisedResults',
  'onlineProcedures',
  'onlineServicesUsed',
  'onlineDossiers',
  'onlinePayments',
  'petitionsOnTime',
  'petitionSatisfaction',
  'dossierSatisfaction',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export const INDICATOR_GROUP_OF: Record<IndicatorKey, IndicatorGroup> = {
  publishedOnTime: 'publicity',
  publishedComplete: 'publicity',
  syncedToPortal: 'publicity',
  onTimeRate: 'progress',
  resolutionWithinLegalTime: 'progress',
  digitisedDossiers: 'digitisation',
  reusedDocuments: 'digitisation',
  digitisedResults: 'digitisation',
  onlineProcedures: 'online',
  onlineServicesUsed: 'online',
  onlineDossiers: 'online',
  onlinePayments: 'online',
  petitionsOnTime: 'satisfaction',
  petitionSatisfaction: 'satisfaction',
  dossierSatisfaction: 'satisfaction',
};

/**
 * Default point weights: the five groups carry 18 / 20 / 22 / 22 / 18 points (Quyết định 766/QĐ-TTg); how a group's
 * points split among its indicators was not found in an official text, so they are split evenly here and an
 * administrator can change every weight.
 */
export const DEFAULT_INDICATOR_WEIGHTS: Record<IndicatorKey, number> = {
  publishedOnTime: 6,
  publishedComplete: 6,
  syncedToPortal: 6,
  onTimeRate: 10,
  resolutionWithinLegalTime: 10,
  digitisedDossiers: 7.5,
  reusedDocuments: 7,
  digitisedResults: 7.5,
  onlineProcedures: 5.5,
  onlineServicesUsed: 5.5,
  onlineDossiers: 5.5,
  onlinePayments: 5.5,
  petitionsOnTime: 6,
  petitionSatisfaction: 6,
  dossierSatisfaction: 6,
};

export const IndicatorWeights = z
  .object(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, z.number().min(0, 'Điểm không được âm').max(100, 'Điểm tối đa 100')])) as Record<IndicatorKey, z.ZodNumber>)
  .superRefine((w, ctx) => {
    const total = Object.values(w).reduce((a, b) => a + b, 0);
    if (Math.abs(total - 100) > 1e-6) ctx.addIssue({ code: 'custom', path: [], message: `Tổng điểm các chỉ số phải bằng 100 (hiện là ${Math.round(total * 100) / 100})` });
  });
export type IndicatorWeights = z.infer<typeof IndicatorWeights>;

export const IndicatorsQuery = z.object({ ...PeriodQueryFields, agencyId: Uuid.optional() }).superRefine(refinePeriod);
export type IndicatorsQuery = z.infer<typeof IndicatorsQuery>;

export const Indicator = z.object({
  key: z.enum(INDICATOR_KEYS),
  group: z.enum(INDICATOR_GROUPS),
  label: z.string(),
  /** The formula used, in words. */
  formula: z.string(),
  /** True when no official formula was found and this is the project's choice. */
  formulaAssumed: z.boolean(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** numerator / denominator × 100, one decimal; null without data. */
  rate: z.number().nullable(),
  weight: z.number(),
  /** weight × rate / 100, two decimals; null without data. */
  points: z.number().nullable(),
  /** Data behind the figure (labels → values). */
  data: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
});
export type Indicator = z.infer<typeof Indicator>;

export const Indicators = z.object({
  period: PeriodSchema,
  filters: AppliedFilters,
  groups: z.array(
    z.object({ group: z.enum(INDICATOR_GROUPS), label: z.string(), weight: z.number(), points: z.number(), pointsAvailable: z.number(), indicators: z.array(Indicator) }),
  ),
  totalPoints: z.number(),
  /** Points of the indicators that had data (the others are shown as "không có dữ liệu"). */
  pointsAvailable: z.number(),
  note: z.string(),
});
export type Indicators = z.infer<typeof Indicators>;

export const IndicatorWeightsView = z.object({ weights: IndicatorWeights, defaults: IndicatorWeights, updatedAt: z.string().nullable() });
