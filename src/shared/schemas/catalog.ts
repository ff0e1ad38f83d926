/**
 * Procedure catalog contracts (danh mục TTHC): the content of a procedure as NĐ 63/2010/NĐ-CP Điều 8 lists it,
 * publication decisions, internal processes, search and statistics. Shared by the server, the import and the web app.
 */
import { z } from 'zod';
import { IsoDate, Pagination, RequiredText, Text, Uuid } from './common';

export const PROCEDURE_LEVELS = ['province', 'district', 'commune'] as const;
export const ProcedureLevel = z.enum(PROCEDURE_LEVELS, { message: 'Cấp thực hiện phải là tỉnh, huyện hoặc xã' });
export type ProcedureLevel = z.infer<typeof ProcedureLevel>;
export const procedureLevelLabels: Record<ProcedureLevel, string> = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' };

export const TIME_UNITS = ['working_days', 'working_hours', 'calendar_days'] as const;
export const TimeUnit = z.enum(TIME_UNITS, { message: 'Đơn vị thời hạn phải là ngày làm việc, giờ làm việc hoặc ngày' });
export type TimeUnit = z.infer<typeof TimeUnit>;
export const timeUnitLabels: Record<TimeUnit, string> = { working_days: 'ngày làm việc', working_hours: 'giờ làm việc', calendar_days: 'ngày' };

/** NĐ 42/2022/NĐ-CP: dịch vụ công trực tuyến toàn trình / một phần. */
export const ONLINE_SCOPES = ['full', 'partial'] as const;
export const OnlineScope = z.enum(ONLINE_SCOPES, { message: 'Phạm vi trực tuyến phải là toàn trình hoặc một phần' });
export type OnlineScope = z.infer<typeof OnlineScope>;
export const onlineScopeLabels: Record<OnlineScope, string> = { full: 'Toàn trình', partial: 'Một phần' };

export const SUBMISSION_METHODS = ['in_person', 'online', 'post'] as const;
export const SubmissionMethod = z.enum(SUBMISSION_METHODS, { message: 'Cách thức phải là trực tiếp, trực tuyến hoặc bưu chính' });
export type SubmissionMethod = z.infer<typeof SubmissionMethod>;
export const submissionMethodLabels: Record<SubmissionMethod, string> = { in_person: 'Trực tiếp', online: 'Trực tuyến', post: 'Dịch vụ bưu chính' };

export const APPLICANT_KINDS = ['individual', 'organisation'] as const;
export const ApplicantKind = z.enum(APPLICANT_KINDS, { message: 'Đối tượng phải là cá nhân hoặc tổ chức' });
export type ApplicantKind = z.infer<typeof ApplicantKind>;
export const applicantKindLabels: Record<ApplicantKind, string> = { individual: 'Cá nhân', organisation: 'Tổ chức' };

export const PROCESS_ROLES = ['desk', 'specialist', 'department_head', 'leader', 'clerk', 'other_agency'] as const;
export const ProcessRole = z.enum(PROCESS_ROLES, { message: 'Vai trò thực hiện bước không hợp lệ' });
export type ProcessRole = z.infer<typeof ProcessRole>;
export const processRoleLabels: Record<ProcessRole, string> = {
  desk: 'Bộ phận Một cửa',
  specialist: 'Chuyên viên xử lý',
  department_head: 'Lãnh đạo phòng',
  leader: 'Lãnh đạo cơ quan',
  clerk: 'Văn thư',
  other_agency: 'Cơ quan phối hợp',
};

/** What a publication decision does to a procedure. */
export const DECISION_ACTIONS = ['add', 'amend', 'replace', 'abolish'] as const;
export const DecisionAction = z.enum(DECISION_ACTIONS, { message: 'Nội dung công bố phải là công bố mới, sửa đổi, thay thế hoặc bãi bỏ' });
export type DecisionAction = z.infer<typeof DecisionAction>;
export const decisionActionLabels: Record<DecisionAction, string> = {
  add: 'Thủ tục mới ban hành',
  amend: 'Thủ tục được sửa đổi, bổ sung',
  replace: 'Thủ tục thay thế',
  abolish: 'Thủ tục bị bãi bỏ',
};

export const DecisionStatus = z.enum(['draft', 'applied']);
export type DecisionStatus = z.infer<typeof DecisionStatus>;
export const decisionStatusLabels: Record<DecisionStatus, string> = { draft: 'Dự thảo', applied: 'Đã áp dụng' };

/** Mã thủ tục of the national database: 1.000948.H38, 2.000635, 1.001193.000.00.00.H33. */
export const ProcedureCode = z
  .string()
  .trim()
  .regex(/^\d\.\d{6}(\.[0-9A-Z]+)*$/, 'Mã thủ tục phải theo mẫu của Cơ sở dữ liệu quốc gia, ví dụ 1.000948.H38 hoặc 2.000635');

/** Short stable code of a field (lĩnh vực), uppercase ASCII: HOTICH, DATDAI. */
export const FieldCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9_]{2,40}$/, 'Mã lĩnh vực chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch dưới (2–40 ký tự)');

const Count = (label: string) => z.number({ message: `${label} phải là số` }).int(`${label} phải là số nguyên`).min(0, `${label} không được âm`).max(100, `${label} tối đa 100`);
const HttpUrl = z.url({ message: 'Đường dẫn phải là địa chỉ http(s) hợp lệ', protocol: /^https?$/ });
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM, ví dụ 15:00');

export const ProcedureDocument = z.object({
  name: RequiredText(1000, 'Tên giấy tờ'),
  originals: Count('Số bản chính'),
  copies: Count('Số bản sao'),
  formName: Text(500).nullish(),
  formUrl: HttpUrl.nullish(),
});
export type ProcedureDocument = z.infer<typeof ProcedureDocument>;

export const ProcedureFee = z.object({
  name: RequiredText(500, 'Tên phí, lệ phí'),
  /** VND, whole đồng. */
  amount: z.number({ message: 'Mức thu phải là số' }).int('Mức thu tính bằng đồng, không có phần lẻ').min(0, 'Mức thu không được âm').max(1e12, 'Mức thu quá lớn'),
  note: Text(1000).nullish(),
});
export type ProcedureFee = z.infer<typeof ProcedureFee>;

export const LegalBasis = z.object({
  number: RequiredText(100, 'Số hiệu văn bản'),
  title: RequiredText(1000, 'Trích yếu văn bản'),
  issuedOn: IsoDate.nullish(),
  url: HttpUrl.nullish(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const ProcessingTime = z.object({
  value: z.number({ message: 'Thời hạn giải quyết phải là số' }).positive('Thời hạn giải quyết phải lớn hơn 0').max(3650, 'Thời hạn giải quyết quá dài'),
  unit: TimeUnit,
  note: Text(1000).nullish(),
});
export type ProcessingTime = z.infer<typeof ProcessingTime>;

const ProcedureContentShape = z.object({
  // The national database has names of over 500 characters (some land registrations).
  name: RequiredText(1000, 'Tên thủ tục'),
  fieldCode: FieldCode,
  level: ProcedureLevel,
  departmentKey: z.string().trim().regex(/^[A-Z0-9_]{1,40}$/, 'Mã phòng chuyên môn chỉ gồm chữ in hoa không dấu và chữ số').nullish(),
  time: ProcessingTime,
  onlineLevel: z.number().int().min(1, 'Mức độ trực tuyến từ 1 đến 4').max(4, 'Mức độ trực tuyến từ 1 đến 4'),
  onlineScope: OnlineScope.nullable(),
  onTheSpot: z.boolean(),
  interAgency: z.boolean(),
  postalReturn: z.boolean(),
  cutoffTime: TimeOfDay.nullish(),
  methods: z.array(SubmissionMethod).min(1, 'Cần ít nhất một cách thức thực hiện').max(3),
  subjects: z.array(ApplicantKind).min(1, 'Cần ít nhất một đối tượng thực hiện').max(2),
  steps: z.array(RequiredText(4000, 'Bước thực hiện')).min(1, 'Cần ít nhất một bước trong trình tự thực hiện').max(50),
  documents: z.array(ProcedureDocument).max(100),
  sets: z.number().int('Số bộ hồ sơ phải là số nguyên').min(0, 'Số bộ hồ sơ không được âm').max(20, 'Số bộ hồ sơ tối đa 20'),
  result: RequiredText(2000, 'Kết quả thực hiện'),
  conditions: Text(8000).nullish(),
  fees: z.array(ProcedureFee).max(50),
  feeExemptions: Text(4000).nullish(),
  legalBasis: z.array(LegalBasis).min(1, 'Cần ít nhất một căn cứ pháp lý').max(100),
});

/** The consistency rules between the online level, its 2022 scope and the methods. Used by the API and the import. */
function checkContent(c: z.infer<typeof ProcedureContentShape>, ctx: z.RefinementCtx) {
  if (c.onlineLevel <= 2 && c.onlineScope !== null) {
    ctx.addIssue({ code: 'custom', path: ['onlineScope'], message: 'Mức độ 1–2 không phải dịch vụ công trực tuyến toàn trình hay một phần; để trống phạm vi' });
  }
  if (c.onlineLevel >= 3 && c.onlineScope === null) {
    ctx.addIssue({ code: 'custom', path: ['onlineScope'], message: 'Mức độ 3–4 cần ghi phạm vi trực tuyến: toàn trình hoặc một phần' });
  }
  if (c.onlineLevel >= 3 && !c.methods.includes('online')) {
    ctx.addIssue({ code: 'custom', path: ['methods'], message: 'Thủ tục mức độ 3–4 phải có cách thức nộp trực tuyến' });
  }
  if (new Set(c.methods).size !== c.methods.length) ctx.addIssue({ code: 'custom', path: ['methods'], message: 'Cách thức thực hiện bị lặp' });
  if (new Set(c.subjects).size !== c.subjects.length) ctx.addIssue({ code: 'custom', path: ['subjects'], message: 'Đối tượng thực hiện bị lặp' });
  if (c.documents.length > 0 && c.sets < 1) ctx.addIssue({ code: 'custom', path: ['sets'], message: 'Có thành phần hồ sơ thì số bộ hồ sơ ít nhất là 1' });
}

/**
 * The published content of a procedure (what one version holds), without its code. `agencyIds` lists the agencies
 * that apply it; when omitted a district- or commune-level procedure applies in every district or commune committee
 * of the publishing province, and an amendment keeps the agencies of the version it amends.
 */
export const ProcedureContent = ProcedureContentShape.extend({ agencyIds: z.array(Uuid).max(5000).optional() }).superRefine(checkContent);
export type ProcedureContent = z.infer<typeof ProcedureContent>;
export type ProcedureContentInput = z.input<typeof ProcedureContent>;

/** One line of a publication decision. */
export const DecisionItemInput = z
  .object({
    action: DecisionAction,
    /** The procedure concerned; for `replace`, the procedure being replaced. */
    procedureCode: ProcedureCode,
    /** For `replace`: the code of the new procedure. */
    newProcedureCode: ProcedureCode.optional(),
    content: ProcedureContent.optional(),
  })
  .superRefine((item, ctx) => {
    if (item.action === 'abolish') {
      if (item.content) ctx.addIssue({ code: 'custom', path: ['content'], message: 'Thủ tục bị bãi bỏ không kèm nội dung' });
    } else if (!item.content) {
      ctx.addIssue({ code: 'custom', path: ['content'], message: 'Cần nội dung thủ tục' });
    }
    if (item.action === 'replace' && !item.newProcedureCode) {
      ctx.addIssue({ code: 'custom', path: ['newProcedureCode'], message: 'Cần mã của thủ tục thay thế' });
    }
    if (item.action !== 'replace' && item.newProcedureCode) {
      ctx.addIssue({ code: 'custom', path: ['newProcedureCode'], message: 'Chỉ thủ tục thay thế mới có mã thủ tục mới' });
    }
  });
export type DecisionItemInput = z.infer<typeof DecisionItemInput>;

export const DecisionInput = z
  .object({
    /** Defaults to the actor's agency. */
    publishingAgencyId: Uuid.optional(),
    number: RequiredText(60, 'Số quyết định'),
    title: RequiredText(1000, 'Trích yếu'),
    signedOn: IsoDate,
    signerName: RequiredText(120, 'Người ký'),
    signerTitle: RequiredText(120, 'Chức vụ người ký'),
    effectiveFrom: IsoDate,
    legalDocumentNumber: Text(100).nullish(),
    legalDocumentTitle: Text(1000).nullish(),
    legalDocumentEffectiveFrom: IsoDate.nullish(),
    items: z.array(DecisionItemInput).min(1, 'Quyết định cần ít nhất một thủ tục').max(1000),
  })
  .superRefine((d, ctx) => {
    if (d.effectiveFrom < d.signedOn) ctx.addIssue({ code: 'custom', path: ['effectiveFrom'], message: 'Ngày có hiệu lực không được trước ngày ký' });
    if (!!d.legalDocumentNumber !== !!d.legalDocumentEffectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['legalDocumentEffectiveFrom'], message: 'Ghi cả số hiệu và ngày có hiệu lực của văn bản quy phạm pháp luật, hoặc để trống cả hai' });
    }
    const seen = new Set<string>();
    d.items.forEach((item, i) => {
      for (const code of [item.procedureCode, item.newProcedureCode].filter((c): c is string => !!c)) {
        if (seen.has(code)) ctx.addIssue({ code: 'custom', path: ['items', i, 'procedureCode'], message: `Thủ tục ${code} xuất hiện nhiều lần trong quyết định` });
        seen.add(code);
      }
    });
  });
export type DecisionInput = z.infer<typeof DecisionInput>;

export const FieldInput = z.object({ code: FieldCode, name: RequiredText(200, 'Tên lĩnh vực') });
export type FieldInput = z.infer<typeof FieldInput>;
export const FieldUpdateInput = z.object({ name: RequiredText(200, 'Tên lĩnh vực') });

export const InternalProcessStepInput = z.object({
  name: RequiredText(500, 'Tên bước'),
  responsibleRole: ProcessRole,
  /** A department of the agency (phòng); or a free label for another agency. */
  departmentId: Uuid.nullish(),
  responsibleLabel: Text(300).nullish(),
  /** Working hours, in quarter hours (0.25 = 15 minutes). */
  hours: z
    .number({ message: 'Thời gian phải là số giờ làm việc' })
    .positive('Thời gian mỗi bước phải lớn hơn 0')
    .max(8 * 365, 'Thời gian quá dài')
    .refine((h) => Number.isInteger(h * 4), 'Thời gian tính theo bội số của 0,25 giờ (15 phút)'),
  interAgency: z.boolean().default(false),
});
export type InternalProcessStepInput = z.infer<typeof InternalProcessStepInput>;

export const InternalProcessInput = z.object({
  procedureId: Uuid,
  agencyId: Uuid,
  approvalDecisionNumber: RequiredText(60, 'Số quyết định phê duyệt'),
  approvalDecisionDate: IsoDate,
  /** Defaults to the approval date. */
  validFrom: IsoDate.optional(),
  steps: z.array(InternalProcessStepInput).min(1, 'Quy trình cần ít nhất một bước').max(50),
});
export type InternalProcessInput = z.infer<typeof InternalProcessInput>;

export const SetAgenciesInput = z.object({
  /** Defaults to the version in force today. */
  versionId: Uuid.optional(),
  agencyIds: z.array(Uuid).min(1, 'Cần ít nhất một cơ quan thực hiện').max(5000),
});
export type SetAgenciesInput = z.infer<typeof SetAgenciesInput>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ProcedureListQuery = Pagination.extend({
  q: z.string().trim().max(200).optional(),
  fieldId: Uuid.optional(),
  level: ProcedureLevel.optional(),
  agencyId: Uuid.optional(),
  onlineLevel: z.coerce.number().int().min(1).max(4).optional(),
  onlineScope: z.enum(['full', 'partial', 'none']).optional(),
  onTheSpot: booleanQuery.optional(),
  /** The catalog as of this date (default today, Vietnam time). */
  asOf: IsoDate.optional(),
  /** Restrict to one publishing province (its UBND tỉnh). */
  publishingAgencyId: Uuid.optional(),
});
export type ProcedureListQuery = z.infer<typeof ProcedureListQuery>;

export const AsOfQuery = z.object({ asOf: IsoDate.optional() });
export const StatsQuery = z.object({ asOf: IsoDate.optional(), publishingAgencyId: Uuid.optional(), agencyId: Uuid.optional() });
export const IdParams = z.object({ id: Uuid });
export const CodeParams = z.object({ code: ProcedureCode });

// ---- Responses ----

const Named = z.object({ id: z.string(), name: z.string() });
const AgencyRef = z.object({ id: z.string(), name: z.string(), shortName: z.string() });

export const ProcessingTimeView = z.object({
  value: z.number(),
  unit: TimeUnit,
  note: z.string().nullable(),
  /** "05 ngày làm việc". */
  label: z.string(),
  /** The legal time in working minutes (the budget of internal processes). */
  legalMinutes: z.number(),
});

export const ProcedureListItem = z.object({
  id: z.string(),
  versionId: z.string(),
  code: z.string(),
  name: z.string(),
  field: Named.extend({ code: z.string() }),
  level: ProcedureLevel,
  levelLabel: z.string(),
  time: ProcessingTimeView,
  onlineLevel: z.number(),
  onlineScope: OnlineScope.nullable(),
  onTheSpot: z.boolean(),
  interAgency: z.boolean(),
  /** Number of agencies applying this version. */
  agencyCount: z.number(),
  /** Whether a fee or charge applies. */
  hasFee: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type ProcedureListItem = z.infer<typeof ProcedureListItem>;

export const ProcedureListResponse = z.object({
  items: z.array(ProcedureListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  asOf: z.string(),
  /**
   * How the query matched (null without a query): strict (every word), typo (a misspelt word), partial (most words),
   * similar (trigram similarity of the whole query). Anything but strict lets the UI say the results are approximate.
   */
  searchMode: z.enum(['strict', 'typo', 'partial', 'similar']).nullable(),
});
export type ProcedureListResponse = z.infer<typeof ProcedureListResponse>;

export const InternalProcessSummary = z.object({
  id: z.string(),
  agency: AgencyRef,
  approvalDecisionNumber: z.string(),
  approvalDecisionDate: z.string(),
  validFrom: z.string(),
  stepCount: z.number(),
  totalHours: z.number(),
  legalHours: z.number(),
  /** (legal − total) / legal, in percent with one decimal; negative when the process exceeds the legal time. */
  cutPercent: z.number(),
  withinLegalTime: z.boolean(),
});
export type InternalProcessSummary = z.infer<typeof InternalProcessSummary>;

export const ProcedureDetail = z.object({
  id: z.string(),
  code: z.string(),
  publishingAgency: AgencyRef,
  replacesProcedure: z.object({ id: z.string(), code: z.string() }).nullable(),
  version: z.object({
    id: z.string(),
    versionNo: z.number(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    origin: z.string(),
    decision: z.object({ id: z.string(), number: z.string(), signedOn: z.string() }).nullable(),
  }),
  name: z.string(),
  field: Named.extend({ code: z.string() }),
  level: ProcedureLevel,
  levelLabel: z.string(),
  departmentKey: z.string().nullable(),
  time: ProcessingTimeView,
  onlineLevel: z.number(),
  onlineScope: OnlineScope.nullable(),
  onlineScopeLabel: z.string().nullable(),
  onTheSpot: z.boolean(),
  interAgency: z.boolean(),
  postalReturn: z.boolean(),
  cutoffTime: z.string().nullable(),
  methods: z.array(z.object({ code: SubmissionMethod, label: z.string() })),
  subjects: z.array(z.object({ code: ApplicantKind, label: z.string() })),
  steps: z.array(z.string()),
  documents: z.array(
    z.object({ name: z.string(), originals: z.number(), copies: z.number(), formName: z.string().nullable(), formUrl: z.string().nullable() }),
  ),
  sets: z.number(),
  result: z.string(),
  conditions: z.string().nullable(),
  fees: z.array(z.object({ name: z.string(), amount: z.number(), amountFormatted: z.string(), note: z.string().nullable() })),
  feeExemptions: z.string().nullable(),
  legalBasis: z.array(z.object({ number: z.string(), title: z.string(), issuedOn: z.string().nullable(), url: z.string().nullable() })),
  agencies: z.array(AgencyRef.extend({ kind: z.string() })),
  internalProcesses: z.array(InternalProcessSummary),
  abilities: z.record(z.string(), z.boolean()),
});
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;

export const VersionHistoryItem = z.object({
  id: z.string(),
  versionNo: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  origin: z.string(),
  name: z.string(),
  time: ProcessingTimeView,
  decision: z.object({ id: z.string(), number: z.string(), signedOn: z.string() }).nullable(),
  agencyCount: z.number(),
});
export const VersionHistoryResponse = z.object({ procedureId: z.string(), code: z.string(), versions: z.array(VersionHistoryItem) });

/** The 5-day rule (NĐ 63/2010 Điều 15 as amended by NĐ 48/2013): see catalog-rules.ts for the exact comparison. */
export const PublicationTimeliness = z.object({
  /** null when the decision names no underlying legal document. */
  late: z.boolean().nullable(),
  /** The last day the decision could be signed on time. */
  deadline: z.string().nullable(),
  /** Working days from the signature (exclusive) to the legal document's effective date (inclusive). */
  workingDaysBefore: z.number().nullable(),
  requiredWorkingDays: z.number(),
});

export const DecisionItemView = z.object({
  id: z.string(),
  position: z.number(),
  action: DecisionAction,
  actionLabel: z.string(),
  procedureCode: z.string(),
  newProcedureCode: z.string().nullable(),
  name: z.string().nullable(),
  /** The procedure content as the decision states it (ProcedureContent's shape), so a draft can be edited; null for abolish. */
  content: z.record(z.string(), z.unknown()).nullable(),
  resultProcedureId: z.string().nullable(),
  resultVersionId: z.string().nullable(),
});

export const DecisionView = z.object({
  id: z.string(),
  publishingAgency: AgencyRef,
  number: z.string(),
  title: z.string(),
  signedOn: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  effectiveFrom: z.string(),
  legalDocumentNumber: z.string().nullable(),
  legalDocumentTitle: z.string().nullable(),
  legalDocumentEffectiveFrom: z.string().nullable(),
  status: DecisionStatus,
  statusLabel: z.string(),
  appliedAt: z.string().nullable(),
  timeliness: PublicationTimeliness,
  itemCount: z.number(),
  items: z.array(DecisionItemView).optional(),
  abilities: z.record(z.string(), z.boolean()),
});
export type DecisionView = z.infer<typeof DecisionView>;
export const DecisionListQuery = Pagination.extend({
  status: DecisionStatus.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  late: booleanQuery.optional(),
});
export const DecisionListResponse = z.object({ items: z.array(DecisionView), total: z.number(), page: z.number(), pageSize: z.number() });

export const FieldView = z.object({ id: z.string(), code: z.string(), name: z.string(), procedureCount: z.number() });
export const FieldListResponse = z.object({ items: z.array(FieldView), asOf: z.string() });

export const InternalProcessView = InternalProcessSummary.extend({
  procedure: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  validTo: z.string().nullable(),
  steps: z.array(
    z.object({
      position: z.number(),
      name: z.string(),
      responsibleRole: ProcessRole,
      responsibleRoleLabel: z.string(),
      responsibleLabel: z.string(),
      departmentId: z.string().nullable(),
      hours: z.number(),
      interAgency: z.boolean(),
    }),
  ),
  abilities: z.record(z.string(), z.boolean()),
});
export type InternalProcessView = z.infer<typeof InternalProcessView>;
export const InternalProcessListQuery = z.object({ agencyId: Uuid.optional(), asOf: IsoDate.optional() });
export const InternalProcessListResponse = z.object({ items: z.array(InternalProcessSummary) });

export const CatalogStats = z.object({
  asOf: z.string(),
  total: z.number(),
  byLevel: z.record(ProcedureLevel, z.number()),
  /** Keys '1'–'4'. */
  byOnlineLevel: z.record(z.string(), z.number()),
  byOnlineScope: z.object({ full: z.number(), partial: z.number(), none: z.number() }),
  onTheSpot: z.number(),
  interAgency: z.number(),
  postalReturn: z.number(),
});
export type CatalogStats = z.infer<typeof CatalogStats>;

export const ImportQuery = z.object({
  format: z.enum(['xlsx', 'csv']).optional(),
  /** Validate and report without writing. */
  dryRun: booleanQuery.optional(),
  publishingAgencyId: Uuid.optional(),
});
export const ExportQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), asOf: IsoDate.optional(), publishingAgencyId: Uuid.optional() });

/** One problem in an import file: spreadsheet row number (1 = header), column letter and header. */
export const ImportIssue = z.object({ row: z.number(), column: z.string().nullable(), header: z.string().nullable(), message: z.string() });
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  created: z.number(),
  amended: z.number(),
  corrected: z.number(),
  unchanged: z.number(),
  fieldsCreated: z.number(),
  /** One entry per data row: what happened to it. */
  outcomes: z.array(z.object({ row: z.number(), code: z.string(), outcome: z.enum(['created', 'amended', 'corrected', 'unchanged']) })),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const DecisionApplyResponse = z.object({
  decision: DecisionView,
  result: z.object({ alreadyApplied: z.boolean(), created: z.number(), amended: z.number(), replaced: z.number(), abolished: z.number() }),
});
export const SetAgenciesResponse = z.object({ versionId: z.string(), agencyCount: z.number() });
