/**
 * Unit periodic reform reports (báo cáo CCHC định kỳ của đơn vị), as DHIS2 does with data sets: a versioned template
 * per period type (numeric indicators per reform area, narrative sections), reporting rounds (kỳ báo cáo) with
 * cut-off and due dates, one report per expected unit, completeness and timeliness.
 */
import { z } from 'zod';
import { PERIOD_PRESETS } from '../periods';
import { REFORM_AREAS, type ReformArea } from '../reform-areas';
import {
  UNIT_REPORT_ACTIONS,
  UNIT_REPORT_STATUSES,
  type Timeliness,
} from '../workflow/unit-report-workflow';
import { IsoDate, Paginated, RequiredText, Text, Uuid } from './common';

export const REPORT_PERIOD_TYPES = ['quarter', 'half_year', 'year', 'custom'] as const;
export type ReportPeriodType = (typeof REPORT_PERIOD_TYPES)[number];
export const reportPeriodTypeLabels: Record<ReportPeriodType, string> = {
  quarter: 'Báo cáo quý',
  half_year: 'Báo cáo 6 tháng',
  year: 'Báo cáo năm',
  custom: 'Báo cáo theo kỳ tùy chọn',
};

/** Narrative sections of a unit report, in the seed's outline (I direction; II results per area; III; IV). */
export const NARRATIVE_SECTION_KINDS = ['direction', 'area_results', 'strengths', 'limitations', 'proposals', 'next_tasks'] as const;
export type NarrativeSectionKind = (typeof NARRATIVE_SECTION_KINDS)[number];

const Code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.]{1,63}$/, 'Mã chỉ tiêu chỉ gồm chữ thường không dấu, số, dấu chấm và gạch dưới (2–64 ký tự)');
const Area = z.enum(REFORM_AREAS as [ReformArea, ...ReformArea[]], { message: 'Lĩnh vực cải cách hành chính không hợp lệ' });

export const ReportIndicator = z.object({
  code: Code,
  area: Area,
  label: RequiredText(300, 'Tên chỉ tiêu'),
  /** Đơn vị tính: văn bản, thủ tục, hồ sơ, người, đơn vị, % ... */
  unit: RequiredText(40, 'Đơn vị tính'),
  /** Key of a prefill source (server registry); the figure is computed from the system and marked as such. */
  prefill: z.string().max(64).nullable().default(null),
  /** Percentages and ratios may carry decimals; counts may not. */
  decimals: z.number().int().min(0).max(2).default(0),
  help: Text(500).nullable().default(null),
});
export type ReportIndicator = z.infer<typeof ReportIndicator>;

export const ReportSection = z.object({
  code: Code,
  kind: z.enum(NARRATIVE_SECTION_KINDS),
  /** For `area_results`: which reform area the text reports on. */
  area: Area.nullable().default(null),
  title: RequiredText(300, 'Tiêu đề mục'),
  guidance: Text(1000).nullable().default(null),
  required: z.boolean().default(false),
});
export type ReportSection = z.infer<typeof ReportSection>;

export const ReportTemplateContent = z
  .object({
    indicators: z.array(ReportIndicator).min(1, 'Mẫu báo cáo phải có ít nhất một chỉ tiêu').max(300),
    sections: z.array(ReportSection).min(1, 'Mẫu báo cáo phải có ít nhất một mục nội dung').max(60),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    for (const [i, code] of [...c.indicators.map((x) => x.code), ...c.sections.map((x) => x.code)].entries()) {
      if (seen.has(code)) ctx.addIssue({ code: 'custom', path: [i < c.indicators.length ? 'indicators' : 'sections'], message: `Mã "${code}" bị trùng` });
      seen.add(code);
    }
  });
export type ReportTemplateContent = z.infer<typeof ReportTemplateContent>;

export const ReportTemplateInput = z.object({
  /** A template family; saving an existing code adds a new version (rounds keep the version they were opened with). */
  code: Code,
  name: RequiredText(300, 'Tên mẫu báo cáo'),
  periodType: z.enum(REPORT_PERIOD_TYPES),
  content: ReportTemplateContent,
});
export type ReportTemplateInput = z.infer<typeof ReportTemplateInput>;

/** The same content as read back (no input transforms, so it can shape responses). */
export const ReportTemplateContentView = z.object({
  indicators: z.array(
    z.object({ code: z.string(), area: z.enum(REFORM_AREAS as [ReformArea, ...ReformArea[]]), label: z.string(), unit: z.string(), prefill: z.string().nullable(), decimals: z.number().int(), help: z.string().nullable() }),
  ),
  sections: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(NARRATIVE_SECTION_KINDS),
      area: z.enum(REFORM_AREAS as [ReformArea, ...ReformArea[]]).nullable(),
      title: z.string(),
      guidance: z.string().nullable(),
      required: z.boolean(),
    }),
  ),
});

export const ReportTemplate = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  periodType: z.enum(REPORT_PERIOD_TYPES),
  version: z.number().int(),
  isLatest: z.boolean(),
  content: ReportTemplateContentView,
  createdAt: z.string(),
});
export type ReportTemplate = z.infer<typeof ReportTemplate>;

/** Prefill sources known to the server, for the template editor. */
export const PrefillSourceInfo = z.object({ key: z.string(), label: z.string(), unit: z.string(), description: z.string() });
export type PrefillSourceInfo = z.infer<typeof PrefillSourceInfo>;

export const ReportRoundOpenInput = z.object({
  templateId: Uuid,
  /** A reform period (reform_q1, reform_h1, reform_q3, reform_year: cut-offs of 581/BNV-CCHC) or custom dates. */
  period: z.object({
    preset: z.enum(PERIOD_PRESETS),
    year: z.coerce.number().int().optional(),
    quarter: z.coerce.number().int().optional(),
    half: z.coerce.number().int().optional(),
    month: z.coerce.number().int().optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  }),
  /** Due date; defaults to the 20th of the period's last month (the preset's), required for custom periods. */
  dueOn: IsoDate.optional(),
  /** Custom name of the round; defaults to the period's label. */
  title: Text(300).optional(),
  /** Expected units; defaults to the departments and district committees of the organiser's province. */
  agencyIds: z.array(Uuid).max(500).optional(),
  /** The Department of Home Affairs (organiser) agency; defaults to the actor's agency. */
  organizerAgencyId: Uuid.optional(),
});
export type ReportRoundOpenInput = z.infer<typeof ReportRoundOpenInput>;

export const CompletenessCounts = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  /** Not submitted and past the due day. */
  missing: z.number().int(),
  /** Not submitted, still before or on the due day. */
  notDue: z.number().int(),
  accepted: z.number().int(),
  awaitingReview: z.number().int(),
  /** Currently returned to the unit, waiting to be sent again. */
  returned: z.number().int(),
  /** submitted / expected, %, one decimal. */
  completenessRate: z.number().nullable(),
  /** onTime / expected, %, one decimal. */
  timelinessRate: z.number().nullable(),
});
export type CompletenessCounts = z.infer<typeof CompletenessCounts>;

const TIMELINESS = ['on_time', 'late', 'missing', 'not_due'] as const satisfies readonly Timeliness[];

export const ReportRound = z.object({
  id: z.string(),
  title: z.string(),
  periodPreset: z.string(),
  periodLabel: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'closed']),
  template: z.object({ id: z.string(), code: z.string(), name: z.string(), version: z.number().int(), periodType: z.enum(REPORT_PERIOD_TYPES) }),
  organizer: z.object({ id: z.string(), name: z.string() }),
  openedAt: z.string(),
  counts: CompletenessCounts,
  abilities: z.object({ manage: z.boolean() }),
});
export type ReportRound = z.infer<typeof ReportRound>;
export const ReportRoundList = z.array(ReportRound);

export const RoundUnitRow = z.object({
  reportId: z.string(),
  agency: z.object({ id: z.string(), name: z.string(), shortName: z.string(), kind: z.string() }),
  status: z.enum(UNIT_REPORT_STATUSES),
  timeliness: z.enum(TIMELINESS),
  firstSubmittedAt: z.string().nullable(),
  /** Local day of the first submission (timeliness is judged on it). */
  firstSubmittedOn: z.string().nullable(),
  lastSubmittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  /** Days after the due day of the first submission (late ones), or since the due day (missing ones). */
  daysLate: z.number().int().nullable(),
  returnCount: z.number().int(),
  remindersSent: z.number().int(),
});
export type RoundUnitRow = z.infer<typeof RoundUnitRow>;

export const RoundCompleteness = z.object({ round: ReportRound, units: z.array(RoundUnitRow) });
export type RoundCompleteness = z.infer<typeof RoundCompleteness>;

export const UnitHistoryQuery = z.object({ agencyId: Uuid.optional() });
export const UnitHistoryRow = z.object({
  roundId: z.string(),
  roundTitle: z.string(),
  periodLabel: z.string(),
  dueOn: z.string(),
  reportId: z.string(),
  status: z.enum(UNIT_REPORT_STATUSES),
  timeliness: z.enum(TIMELINESS),
  firstSubmittedAt: z.string().nullable(),
  daysLate: z.number().int().nullable(),
});
export const UnitHistory = z.object({
  agency: z.object({ id: z.string(), name: z.string() }),
  rounds: z.array(UnitHistoryRow),
  counts: CompletenessCounts,
});
export type UnitHistory = z.infer<typeof UnitHistory>;

export const FIGURE_SOURCES = ['system', 'unit'] as const;
export type FigureSource = (typeof FIGURE_SOURCES)[number];

/** One figure of a report: what the unit reports, where it came from, and the system's figure when there is one. */
export const ReportFigure = z.object({
  code: z.string(),
  value: z.number().nullable(),
  /** `system`: số liệu hệ thống (prefilled, unchanged); `unit`: entered or overridden by the unit. */
  source: z.enum(FIGURE_SOURCES),
  /** The system's figure (at the last save; live while the report is editable). */
  systemValue: z.number().nullable(),
  overrideReason: z.string().nullable(),
});
export type ReportFigure = z.infer<typeof ReportFigure>;

export const FigureInput = z.object({
  code: Code,
  /** null clears the figure (or, for a prefilled one, keeps the system's figure). */
  value: z.number().finite('Số liệu phải là số').min(0, 'Số liệu không được âm').max(1e12, 'Số liệu quá lớn').nullable(),
  overrideReason: Text(500).nullable().optional(),
});

export const UnitReportDraftInput = z.object({
  /** The version the client loaded (optimistic concurrency): a stale version gives UNIT_REPORT_VERSION_CONFLICT. */
  version: z.number().int().min(0),
  figures: z.array(FigureInput).max(300).default([]),
  narrative: z.record(z.string(), Text(20_000)).default({}),
  actionId: Uuid.optional(),
});
export type UnitReportDraftInput = z.infer<typeof UnitReportDraftInput>;

export const UnitReportSubmitInput = z.object({ version: z.number().int().min(0), actionId: Uuid.optional() });
export const UnitReportReturnInput = z.object({ comment: RequiredText(5000, 'Ý kiến trả lại'), actionId: Uuid.optional() });
export const UnitReportAcceptInput = z.object({ comment: Text(5000).optional(), actionId: Uuid.optional() });

export const UnitReportActionEntry = z.object({
  id: z.number().int(),
  action: z.string(),
  label: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorLabel: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const UnitReportDetail = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(UNIT_REPORT_STATUSES),
  timeliness: z.enum(TIMELINESS),
  agency: z.object({ id: z.string(), name: z.string(), shortName: z.string() }),
  round: z.object({ id: z.string(), title: z.string(), periodLabel: z.string(), periodFrom: z.string(), periodTo: z.string(), dueOn: z.string(), status: z.enum(['open', 'closed']) }),
  template: ReportTemplate,
  figures: z.array(ReportFigure),
  narrative: z.record(z.string(), z.string()),
  reviewComment: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
  lastSubmittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  updatedAt: z.string(),
  updatedByLabel: z.string().nullable(),
  actions: z.array(UnitReportActionEntry),
  abilities: z.record(z.enum(UNIT_REPORT_ACTIONS), z.boolean()),
});
export type UnitReportDetail = z.infer<typeof UnitReportDetail>;

export const UnitReportListQuery = z.object({
  roundId: Uuid.optional(),
  /** 'true': only the reports of the actor's own agency subtree (a Sở Nội vụ officer's own report). */
  mine: z.enum(['true', 'false']).optional(),
  status: z.enum(UNIT_REPORT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const UnitReportListItem = z.object({
  id: z.string(),
  status: z.enum(UNIT_REPORT_STATUSES),
  timeliness: z.enum(TIMELINESS),
  agency: z.object({ id: z.string(), name: z.string() }),
  round: z.object({ id: z.string(), title: z.string(), dueOn: z.string() }),
  firstSubmittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const UnitReportList = Paginated(UnitReportListItem);
export type UnitReportListItem = z.infer<typeof UnitReportListItem>;
export type UnitReportList = z.infer<typeof UnitReportList>;
