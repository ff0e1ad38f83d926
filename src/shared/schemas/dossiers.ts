/**
 * Contracts of the `dossiers` domain (hồ sơ thủ tục hành chính): the procedure snapshot a dossier keeps, the rules
 * in force at receipt, intake and action inputs, and the shapes of lists, details, queues and public tracking.
 * Shared by the server routes and the web app.
 */
import { z } from 'zod';
import { DossierAction, DossierStatus } from '../workflow/dossier-workflow';
import { Email, IdNumber, IsoDate, Pagination, Phone, RequiredText, TaxCode, Text, Uuid } from './common';

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

export const DossierChannel = z.enum(['online', 'in_person', 'post']);
export type DossierChannel = z.infer<typeof DossierChannel>;
export const dossierChannelLabels: Record<DossierChannel, string> = { online: 'Trực tuyến', in_person: 'Trực tiếp', post: 'Dịch vụ bưu chính' };

export const ApplicantKind = z.enum(['individual', 'organisation']);
export type ApplicantKind = z.infer<typeof ApplicantKind>;

/** How the result goes back: at the desk, downloaded online, or by post. */
export const DeliveryMethod = z.enum(['at_desk', 'online', 'post']);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;
export const deliveryMethodLabels: Record<DeliveryMethod, string> = { at_desk: 'Nhận tại Bộ phận Một cửa', online: 'Nhận trực tuyến', post: 'Nhận qua dịch vụ bưu chính' };

/** Separate from the processing status: payment (phí, lệ phí), delivery of the result, sync with the national portal. */
export const PaymentState = z.enum(['not_required', 'unpaid', 'paid', 'refunded']);
export type PaymentState = z.infer<typeof PaymentState>;
export const DeliveryState = z.enum(['not_ready', 'ready', 'delivered']);
export type DeliveryState = z.infer<typeof DeliveryState>;
export const SyncState = z.enum(['pending', 'synced', 'failed', 'not_applicable']);
export type SyncState = z.infer<typeof SyncState>;

export const DossierDocumentKind = z.enum(['application', 'supplement', 'result', 'notice', 'inter_agency', 'attachment']);
export type DossierDocumentKind = z.infer<typeof DossierDocumentKind>;

export const DossierStatusSchema = z.enum(Object.values(DossierStatus) as [DossierStatus, ...DossierStatus[]]);
export const DossierActionSchema = z.enum(Object.values(DossierAction) as [DossierAction, ...DossierAction[]]);
export const OutcomeSchema = z.enum(['early', 'on_time', 'late']);
export const DeadlineAlertSchema = z.enum(['due_soon', 'overdue']);

// ---------------------------------------------------------------------------------------------------------------
// What a dossier keeps from the catalog and the rules in force at receipt

const DurationSchema = z.object({ value: z.number(), unit: z.enum(['working_days', 'working_hours', 'calendar_days']) });

/** One line of the required-documents checklist (thành phần hồ sơ), numbered from 0 in catalog order. */
export const SnapshotDocument = z.object({
  index: z.number().int(),
  name: z.string(),
  originals: z.number().int(),
  copies: z.number().int(),
  /** False for documents marked "(nếu có)" in the catalog. */
  required: z.boolean(),
  formName: z.string().nullable(),
});
export type SnapshotDocument = z.infer<typeof SnapshotDocument>;

/** One step of the internal process of the competent agency (quy trình nội bộ). */
export const SnapshotStep = z.object({
  position: z.number().int(),
  name: z.string(),
  role: z.enum(['desk', 'specialist', 'department_head', 'leader', 'clerk', 'other_agency']),
  departmentId: z.string().nullable(),
  responsibleLabel: z.string(),
  allottedMinutes: z.number().int(),
  interAgency: z.boolean(),
});
export type SnapshotStep = z.infer<typeof SnapshotStep>;

/** The procedure version in force at receipt, copied so later catalog changes never alter the dossier. */
export const ProcedureSnapshot = z.object({
  procedureId: z.string(),
  versionId: z.string(),
  versionNo: z.number().int(),
  code: z.string(),
  name: z.string(),
  fieldCode: z.string(),
  fieldName: z.string(),
  level: z.string(),
  time: DurationSchema,
  cutoffTime: z.string().nullable(),
  onlineLevel: z.number().int(),
  onlineScope: z.string().nullable(),
  interAgency: z.boolean(),
  onTheSpot: z.boolean(),
  postalReturn: z.boolean(),
  methods: z.array(z.string()),
  documents: z.array(SnapshotDocument),
  sets: z.number().int(),
  result: z.string(),
  fees: z.array(z.object({ name: z.string(), amount: z.number(), note: z.string().nullable() })),
  /** Internal process approved for the competent agency on the receipt date; empty when none was approved. */
  steps: z.array(SnapshotStep),
  internalProcessId: z.string().nullable(),
});
export type ProcedureSnapshot = z.infer<typeof ProcedureSnapshot>;

/**
 * Processing rules of a regime (NĐ 61/2018, NĐ 118/2025), chosen by receipt date and copied into the dossier.
 * Values are data so a province may configure them (e.g. pause instead of restart after a supplement).
 */
export const DossierRules = z.object({
  ruleSetId: z.string(),
  /** restart (NĐ 118 Điều 19.5) | pause. */
  supplementRule: z.enum(['restart', 'pause']),
  /** A supplement request during appraisal within this many working days of receipt (null: no limit). */
  supplementWindowWorkingDays: z.number().int().nullable(),
  /** Supplement requests allowed per stage (intake at the desk, appraisal), NĐ 118 Điều 11.2c. */
  maxSupplementRequestsPerStage: z.number().int(),
  /** The desk closes a dossier not completed this many days after the request (null: never automatically). */
  closeAfterSupplementDays: z.number().int().nullable(),
  /** Online dossiers: alert the desk within these hours, accept or return within these working hours. */
  onlineAlertHours: z.number(),
  onlineAcceptWorkingHours: z.number(),
  /** Due-soon warning this many working days before the due date. */
  dueSoonWorkingDays: z.number(),
  /** Statistics count against the original due date (default) or the extended one. */
  statisticsAgainst: z.enum(['original', 'current']),
  /** The apology with a new date must be sent at the latest this many days before the due date. */
  apologyDaysBeforeDue: z.number().int(),
  /** How many times the due date may be reset (NĐ 118 Điều 19.6: once). */
  maxExtensions: z.number().int(),
});
export type DossierRules = z.infer<typeof DossierRules>;

// ---------------------------------------------------------------------------------------------------------------
// Intake

export const ApplicantInput = z
  .object({
    kind: ApplicantKind.default('individual'),
    /** A registered citizen found by ID number lookup; the dossier then shows in their account. */
    userId: Uuid.optional(),
    fullName: RequiredText(200, 'Họ và tên'),
    idNumber: IdNumber.optional(),
    phone: Phone.optional(),
    email: Email.optional(),
    address: Text(500).optional(),
    organisationName: Text(300).optional(),
    taxCode: TaxCode.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'organisation') {
      if (!a.organisationName) ctx.addIssue({ code: 'custom', path: ['organisationName'], message: 'Cần tên tổ chức' });
      if (!a.taxCode) ctx.addIssue({ code: 'custom', path: ['taxCode'], message: 'Cần mã số thuế của tổ chức' });
    }
    if (!a.phone && !a.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Cần số điện thoại hoặc thư điện tử để thông báo kết quả' });
  });
export type ApplicantInput = z.infer<typeof ApplicantInput>;

const Count = (label: string) => z.number().int(`${label} phải là số nguyên`).min(0, `${label} không được âm`).max(100, `${label} tối đa 100`);

/** One checklist line as provided: paper originals/copies and/or electronic files, or a reused digitised document. */
export const ProvidedDocumentInput = z.object({
  /** Position in the procedure's checklist; omit for an extra document. */
  index: z.number().int().min(0).optional(),
  name: Text(500).optional(),
  originals: Count('Số bản chính').default(0),
  copies: Count('Số bản sao').default(0),
  fileIds: z.array(Uuid).max(20, 'Tối đa 20 tệp cho một giấy tờ').default([]),
  /** A digitised document from one of the applicant's earlier dossiers (GET /api/dossiers/reusable-documents). */
  reuseDocumentId: Uuid.optional(),
});
export type ProvidedDocumentInput = z.infer<typeof ProvidedDocumentInput>;

const IntakeCommon = {
  procedureId: Uuid,
  /** Required when the procedure version is applied by several agencies (e.g. every commune). */
  competentAgencyId: Uuid.optional(),
  /** Trích yếu: what is requested, for the tracking book. */
  summary: Text(500).optional(),
  documents: z.array(ProvidedDocumentInput).max(100),
  deliveryMethod: DeliveryMethod.optional(),
  deliveryAddress: Text(500).optional(),
};

/** Tiếp nhận hồ sơ tại Bộ phận Một cửa (in person, or a dossier that arrived by post). */
export const DeskIntakeInput = z.object({
  ...IntakeCommon,
  channel: z.enum(['in_person', 'post']).default('in_person'),
  /** Defaults to the officer's agency: any desk in the province may receive (NĐ 118 Điều 20). */
  receivingAgencyId: Uuid.optional(),
  /** Where the applicant was helped, when not at the receiving desk (e.g. a commune's digital support point). */
  helpedAtAgencyId: Uuid.optional(),
  applicant: ApplicantInput,
  note: Text(1000).optional(),
});
export type DeskIntakeInput = z.infer<typeof DeskIntakeInput>;

/** Nộp hồ sơ trực tuyến by a signed-in citizen; the desk then accepts it or asks for a supplement. */
export const OnlineSubmissionInput = z.object({
  ...IntakeCommon,
  contact: z.object({ phone: Phone.optional(), email: Email.optional(), address: Text(500).optional() }).optional(),
});
export type OnlineSubmissionInput = z.infer<typeof OnlineSubmissionInput>;

// ---------------------------------------------------------------------------------------------------------------
// Actions

const MissingItem = z.object({
  /** Checklist position when the missing item is a listed document. */
  index: z.number().int().min(0).optional(),
  name: RequiredText(500, 'Tên giấy tờ cần bổ sung'),
  reason: RequiredText(1000, 'Lý do, nội dung cần bổ sung'),
});

const base = {
  /** Chosen by the client (a UUID); a retry with the same id returns the earlier result. */
  actionId: Uuid,
  comment: Text(2000).optional(),
  /** Uploads attached to this action (notices, scans, results). */
  fileIds: z.array(Uuid).max(20).default([]),
};

export const DossierActionInput = z.discriminatedUnion('action', [
  z.object({ ...base, action: z.literal('accept') }),
  z.object({
    ...base,
    action: z.literal('request_supplement'),
    /** Everything missing, listed at once (NĐ 118 Điều 16.3). */
    items: z.array(MissingItem).min(1, 'Cần liệt kê đầy đủ các nội dung cần bổ sung').max(100),
  }),
  z.object({ ...base, action: z.literal('provide_supplement'), documents: z.array(ProvidedDocumentInput).min(1, 'Cần ít nhất một giấy tờ bổ sung').max(100) }),
  z.object({ ...base, action: z.literal('forward'), toStep: z.number().int().min(0).optional(), assigneeId: Uuid.optional(), departmentId: Uuid.optional() }),
  z.object({ ...base, action: z.literal('assign'), assigneeId: Uuid, departmentId: Uuid.optional() }),
  z
    .object({
      ...base,
      action: z.literal('send_to_agency'),
      agencyId: Uuid.optional(),
      /** A participating body outside the system (e.g. the tax office). */
      externalAgencyName: Text(300).optional(),
      /** The agency's own time share; default the step's allotted time. */
      dueDate: IsoDate.optional(),
    })
    .refine((v) => !!v.agencyId !== !!v.externalAgencyName, { path: ['agencyId'], message: 'Chọn một cơ quan phối hợp trong hệ thống hoặc ghi tên cơ quan ngoài hệ thống' }),
  z.object({ ...base, action: z.literal('receive_from_agency') }),
  z.object({ ...base, action: z.literal('approve') }),
  z.object({ ...base, action: z.literal('sign') }),
  z.object({ ...base, action: z.literal('issue'), documentNumber: RequiredText(60, 'Số văn bản kết quả'), resultName: Text(500).optional() }),
  z.object({
    ...base,
    action: z.literal('return_result'),
    method: z.enum(['at_desk', 'post']).default('at_desk'),
    receiverName: Text(200).optional(),
    postalTrackingNumber: Text(60).optional(),
  }),
  z.object({ ...base, action: z.literal('acknowledge_result') }),
  z.object({ ...base, action: z.literal('refuse'), reason: RequiredText(2000, 'Lý do từ chối') }),
  z.object({ ...base, action: z.literal('stop'), reason: RequiredText(2000, 'Lý do dừng giải quyết') }),
  z.object({ ...base, action: z.literal('withdraw'), reason: Text(2000).optional() }),
  z.object({ ...base, action: z.literal('apologise_extend'), newDueDate: IsoDate, reason: RequiredText(2000, 'Lý do quá hạn') }),
  z.object({ ...base, action: z.literal('close_no_supplement') }),
]);
export type DossierActionInput = z.infer<typeof DossierActionInput>;
export type DossierActionInputOf<A extends DossierActionInput['action']> = Extract<DossierActionInput, { action: A }>;

// ---------------------------------------------------------------------------------------------------------------
// Queries and responses

export const DossierQueue = z.enum(['mine', 'department', 'due_soon', 'overdue', 'waiting_for_supplement', 'pending_acceptance', 'result_ready', 'all']);
export type DossierQueue = z.infer<typeof DossierQueue>;
export const dossierQueueLabels: Record<DossierQueue, string> = {
  mine: 'Hồ sơ tôi đang xử lý',
  department: 'Hồ sơ của phòng',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  waiting_for_supplement: 'Chờ bổ sung',
  pending_acceptance: 'Chờ tiếp nhận trực tuyến',
  result_ready: 'Chờ trả kết quả',
  all: 'Tất cả hồ sơ',
};

export const DossierListQuery = Pagination.extend({
  queue: DossierQueue.default('all'),
  /** Dossier code, applicant name (diacritics ignored) or ID number. */
  q: Text(200).optional(),
  status: DossierStatusSchema.optional(),
});
export type DossierListQuery = z.infer<typeof DossierListQuery>;

const Ref = z.object({ id: z.string(), name: z.string() });

export const DossierListItem = z.object({
  id: z.string(),
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  applicantIdNumberMasked: z.string().nullable(),
  channel: DossierChannel,
  status: DossierStatusSchema,
  statusLabel: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  deadlineAlert: DeadlineAlertSchema.nullable(),
  acceptAlertAt: z.string().nullable(),
  acceptDueAt: z.string().nullable(),
  /** When a dossier waiting for a supplement will be closed. */
  supplementDeadline: z.string().nullable(),
  currentStep: z.number().int().nullable(),
  currentStepName: z.string().nullable(),
  stepDueAt: z.string().nullable(),
  competentAgency: Ref,
  assignee: Ref.nullable(),
});
export type DossierListItem = z.infer<typeof DossierListItem>;

export const DossierList = z.object({ items: z.array(DossierListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const QueueSummary = z.object({ counts: z.record(DossierQueue, z.number().int()) });

export const DossierDocument = z.object({
  id: z.string(),
  kind: DossierDocumentKind,
  index: z.number().int().nullable(),
  name: z.string(),
  originals: z.number().int(),
  copies: z.number().int(),
  file: z.object({ id: z.string(), fileName: z.string(), size: z.number(), mimeType: z.string() }).nullable(),
  digitised: z.boolean(),
  reusable: z.boolean(),
  reusedFromDocumentId: z.string().nullable(),
  documentNumber: z.string().nullable(),
  actionId: z.string().nullable(),
  createdAt: z.string(),
});
export type DossierDocument = z.infer<typeof DossierDocument>;

export const DossierStep = z.object({
  position: z.number().int(),
  name: z.string(),
  role: z.string(),
  responsibleLabel: z.string(),
  allottedMinutes: z.number().int(),
  interAgency: z.boolean(),
  department: Ref.nullable(),
  plannedDueAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  current: z.boolean(),
});

export const TimelineEntry = z.object({
  seq: z.number().int(),
  action: DossierActionSchema,
  actionLabel: z.string(),
  at: z.string(),
  actor: z.object({ kind: z.string(), name: z.string().nullable() }),
  fromStatus: DossierStatusSchema.nullable(),
  toStatus: DossierStatusSchema,
  comment: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});

export const AgencyPeriod = z.object({
  agency: Ref.nullable(),
  externalAgencyName: z.string().nullable(),
  role: z.enum(['competent', 'participating']),
  startedAt: z.string(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  outcome: OutcomeSchema.nullable(),
});

export const DossierDetail = DossierListItem.extend({
  procedureVersionId: z.string(),
  procedure: ProcedureSnapshot,
  summary: z.string().nullable(),
  applicant: z.object({
    kind: ApplicantKind,
    userId: z.string().nullable(),
    fullName: z.string(),
    /** Full only for the applicant and staff allowed to read personal data (the view is audited). */
    idNumber: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    organisationName: z.string().nullable(),
    taxCode: z.string().nullable(),
  }),
  helpedAtAgency: Ref.nullable(),
  receivingAgency: Ref,
  currentAgency: Ref,
  currentDepartment: Ref.nullable(),
  processingStartedAt: z.string().nullable(),
  originalDueAt: z.string().nullable(),
  extendedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  outcome: OutcomeSchema.nullable(),
  documentNumber: z.string().nullable(),
  suspensions: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
  paymentState: PaymentState,
  feeTotal: z.number(),
  deliveryMethod: DeliveryMethod,
  deliveryState: DeliveryState,
  syncState: SyncState,
  documents: z.array(DossierDocument),
  steps: z.array(DossierStep),
  agencyPeriods: z.array(AgencyPeriod),
  timeline: z.array(TimelineEntry),
  allowedActions: z.array(DossierActionSchema),
  abilities: z.record(z.string(), z.boolean()),
});
export type DossierDetail = z.infer<typeof DossierDetail>;

/** The intake answer: the dossier and, once, the tracking secret printed on the receipt. */
export const IntakeResponse = z.object({ dossier: DossierDetail, trackingSecret: z.string().nullable() });

export const DossierParams = z.object({ id: Uuid });
export const DossierDocumentParams = z.object({ id: Uuid, documentId: Uuid });

export const DocumentUpdateInput = z.object({
  /** Marks a digitised document as reusable in the applicant's next dossiers (NĐ 118 Điều 22.1). */
  reusable: z.boolean(),
});

export const ReusableDocumentsQuery = z.object({ q: Text(200).optional() });
export const ReusableDocument = z.object({
  id: z.string(),
  name: z.string(),
  kind: DossierDocumentKind,
  dossierCode: z.string(),
  procedureName: z.string(),
  file: z.object({ id: z.string(), fileName: z.string(), size: z.number(), mimeType: z.string() }),
  createdAt: z.string(),
});
export const ReusableDocumentList = z.object({ items: z.array(ReusableDocument) });

export const ApplicantLookupQuery = z.object({ idNumber: IdNumber });
export const ApplicantLookup = z.object({
  found: z.boolean(),
  applicant: z
    .object({
      userId: z.string().nullable(),
      fullName: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      address: z.string().nullable(),
      organisationName: z.string().nullable(),
      taxCode: z.string().nullable(),
    })
    .nullable(),
});

export const TrackingParams = z.object({ code: z.string().trim().min(5).max(80) });
export const TrackingQuery = z
  .object({ secret: z.string().trim().max(40).optional(), phone: z.string().trim().max(20).optional() })
  .refine((v) => !!v.secret || !!v.phone, { path: ['secret'], message: 'Cần mã tra cứu in trên Giấy tiếp nhận hoặc số điện thoại của người nộp' });

/** Public tracking: status, timeline and due date, no personal data. */
export const TrackingResponse = z.object({
  code: z.string(),
  procedureName: z.string(),
  competentAgencyName: z.string(),
  channel: DossierChannel,
  status: DossierStatusSchema,
  statusLabel: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), action: DossierActionSchema, actionLabel: z.string(), status: DossierStatusSchema, statusLabel: z.string() })),
});

export const TrackingSecretResponse = z.object({ trackingSecret: z.string() });
