/**
 * One-stop forms (biểu mẫu một cửa): the data each printed form needs, independent of where it comes from.
 * Two versioned sets: TT 01/2018/TT-VPCP (six forms) and TT 03/2025/TT-VPCP Phụ lục I (seven forms). The set is
 * chosen by the dossier's receipt instant (`selectFormSet`), never by today's date, so a reprint of a 2021 receipt
 * looks as it did in 2021.
 */
import { z } from 'zod';

export const FormSet = { TT01_2018: '2018', TT03_2025: '2025' } as const;
export type FormSet = (typeof FormSet)[keyof typeof FormSet];
export const FORM_SETS = Object.values(FormSet);

/**
 * First instant of the TT 03/2025/TT-VPCP set: 00:00 on 15 September 2025, Vietnam time (UTC+7). The circular is
 * dated 15 September 2025 (DOMAIN.md "Dossier"); dossiers received earlier keep the TT 01/2018 forms.
 */
export const FORM_SET_2025_FROM = new Date('2025-09-14T17:00:00.000Z');

/** The set of forms that applies to a dossier received at `receivedAt`. */
export function selectFormSet(receivedAt: Date | string): FormSet {
  const at = typeof receivedAt === 'string' ? new Date(receivedAt) : receivedAt;
  if (Number.isNaN(at.getTime())) throw new RangeError('receivedAt is not a valid instant');
  return at.getTime() >= FORM_SET_2025_FROM.getTime() ? FormSet.TT03_2025 : FormSet.TT01_2018;
}

/** What a form is, whatever its number in a given set. */
export const FormKind = {
  RECEIPT: 'receipt',
  SUPPLEMENT: 'supplement',
  REFUSAL: 'refusal',
  APOLOGY: 'apology',
  STOP_NOTICE: 'stop_notice',
  PROCESS_CONTROL: 'process_control',
  TRACKING_BOOK: 'tracking_book',
} as const;
export type FormKind = (typeof FormKind)[keyof typeof FormKind];

export interface FormDescriptor {
  set: FormSet;
  /** Two digits, as printed: "Mẫu số 01". */
  formNo: string;
  kind: FormKind;
  /** Official title (Vietnamese, as in the annex). */
  title: string;
  pageSize: 'A4' | 'A5';
  orientation: 'portrait' | 'landscape';
}

const d = (set: FormSet, formNo: string, kind: FormKind, title: string, pageSize: 'A4' | 'A5', orientation: 'portrait' | 'landscape' = 'portrait'): FormDescriptor => ({
  set,
  formNo,
  kind,
  title,
  pageSize,
  orientation,
});

/**
 * The two sets. TT 01/2018 forms are printed on A5 except the process control sheet (A4); its tracking book has
 * thirteen columns and is printed A4 landscape. The TT 03/2025 set is printed A4 (NĐ 30/2020 format), the tracking
 * book landscape. Paper sizes of the 2025 annex were not verified: see docs.
 */
export const FORM_CATALOG: Record<FormSet, readonly FormDescriptor[]> = {
  '2018': [
    d('2018', '01', 'receipt', 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', 'A5'),
    d('2018', '02', 'supplement', 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', 'A5'),
    d('2018', '03', 'refusal', 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', 'A5'),
    d('2018', '04', 'apology', 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', 'A5'),
    d('2018', '05', 'process_control', 'Phiếu kiểm soát quá trình giải quyết hồ sơ', 'A4'),
    d('2018', '06', 'tracking_book', 'Sổ theo dõi hồ sơ', 'A4', 'landscape'),
  ],
  '2025': [
    d('2025', '01', 'receipt', 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', 'A4'),
    d('2025', '02', 'supplement', 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', 'A4'),
    d('2025', '03', 'refusal', 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', 'A4'),
    d('2025', '04', 'apology', 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết', 'A4'),
    d('2025', '05', 'stop_notice', 'Thông báo dừng giải quyết hồ sơ', 'A4'),
    d('2025', '06', 'process_control', 'Phiếu kiểm soát quá trình giải quyết hồ sơ', 'A4'),
    d('2025', '07', 'tracking_book', 'Sổ theo dõi hồ sơ', 'A4', 'landscape'),
  ],
};

/** The form of a set by its number, or undefined when the set has no such form. */
export function findForm(set: FormSet, formNo: string): FormDescriptor | undefined {
  return FORM_CATALOG[set].find((f) => f.formNo === formNo);
}

/** The form of a set by what it is (e.g. the receipt is 01 in both sets, the tracking book 06 or 07). */
export function findFormByKind(set: FormSet, kind: FormKind): FormDescriptor | undefined {
  return FORM_CATALOG[set].find((f) => f.kind === kind);
}

/** An instant, as a Date or an ISO 8601 string. */
const Instant = z.union([z.date(), z.string()]).transform((v, ctx) => {
  const at = new Date(v);
  if (Number.isNaN(at.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'Thời điểm không hợp lệ' });
    return z.NEVER;
  }
  return at;
});
const Line = z.string().max(2000);

/** The heading block at the top left: parent body over the issuing body (NĐ 30/2020). */
export const FormAgency = z.object({
  /** Cơ quan chủ quản, e.g. "UBND TỈNH HẬU GIANG"; null for the top of the tree. */
  parentName: z.string().max(200).nullable(),
  /** Cơ quan ban hành, e.g. "SỞ TƯ PHÁP" or "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG". */
  name: z.string().min(1).max(200),
  /** The desk inside it, e.g. "Bộ phận Một cửa"; printed under the name on desk forms. */
  deskName: z.string().max(200).nullable().default(null),
  /** Place name for the date line ("Vị Thanh, ngày ..."). */
  place: z.string().min(1).max(100),
  phone: z.string().max(50).nullable().default(null),
});
export type FormAgency = z.infer<typeof FormAgency>;

export const FormApplicant = z.object({
  name: z.string().min(1).max(200),
  /** Organisation the applicant represents, if any. */
  organisation: z.string().max(200).nullable().default(null),
  /** Full ID number: the forms go to the applicant and the dossier file, never to lists. */
  idNumber: z.string().max(20).nullable().default(null),
  address: z.string().max(300).nullable().default(null),
  phone: z.string().max(30).nullable().default(null),
  email: z.string().max(200).nullable().default(null),
});
export type FormApplicant = z.infer<typeof FormApplicant>;

export const FormDuration = z.object({
  value: z.number().positive(),
  unit: z.enum(['working_days', 'working_hours', 'calendar_days']),
});
export type FormDuration = z.infer<typeof FormDuration>;

export const FormSigner = z.object({
  /** "NGƯỜI TIẾP NHẬN HỒ SƠ", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", ... */
  title: z.string().min(1).max(200),
  name: z.string().max(200).nullable().default(null),
});
export type FormSigner = z.infer<typeof FormSigner>;

/** Fields every dossier form carries. */
const DossierFormBase = z.object({
  agency: FormAgency,
  /** Số văn bản, e.g. "15/TNHS"; printed under the agency when given. */
  documentNumber: z.string().max(60).nullable().default(null),
  /** Date printed in the place-and-date line. */
  issuedAt: Instant,
  code: z.string().min(1).max(60),
  applicant: FormApplicant,
  /** Nội dung yêu cầu giải quyết: usually the procedure's name. */
  request: Line.min(1),
});

export const ReceiptDocument = z.object({
  name: z.string().min(1).max(500),
  originals: z.number().int().min(0).default(0),
  copies: z.number().int().min(0).default(0),
  /** e.g. "bản sao có chứng thực", "bản điện tử". */
  note: z.string().max(200).nullable().default(null),
});
export type ReceiptDocument = z.infer<typeof ReceiptDocument>;

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01 of both sets). */
export const ReceiptFormData = DossierFormBase.extend({
  /** Public tracking address encoded in the QR code. */
  trackingUrl: z.url(),
  /** Short secret printed next to the code so the applicant can track without an account. */
  trackingSecret: z.string().max(40).nullable().default(null),
  documents: z.array(ReceiptDocument).max(200),
  sets: z.number().int().min(1).default(1),
  legalTime: FormDuration,
  receivedAt: Instant,
  appointmentAt: Instant,
  /** Phí, lệ phí: null when the procedure has none. */
  fee: z.object({ amount: z.number().min(0), method: z.string().min(1).max(300) }).nullable().default(null),
  /** Nơi nhận kết quả, e.g. "Tại Bộ phận Một cửa Sở Tư pháp" or "Qua dịch vụ bưu chính". */
  resultDelivery: z.string().min(1).max(300),
  /** Sổ theo dõi hồ sơ: book and entry numbers, when kept on paper too. */
  bookEntry: z.object({ book: z.string().max(20), entry: z.string().max(20) }).nullable().default(null),
  receivedBy: FormSigner,
});
export type ReceiptFormData = z.input<typeof ReceiptFormData>;

export const SupplementItem = z.object({
  /** The document or content to supplement. */
  name: z.string().min(1).max(500),
  /** What is missing or wrong with it. */
  requirement: z.string().max(1000).nullable().default(null),
});

/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02): everything missing, listed at once (NĐ 118 Điều 16.3). */
export const SupplementFormData = DossierFormBase.extend({
  receivedAt: Instant.nullable().default(null),
  items: z.array(SupplementItem).min(1).max(100),
  reasons: Line.min(1),
  /** Whom to call while completing the dossier. */
  contact: z.object({ name: z.string().max(200), phone: z.string().max(50).nullable().default(null) }).nullable().default(null),
  officer: FormSigner,
});
export type SupplementFormData = z.input<typeof SupplementFormData>;

/** Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03). */
export const RefusalFormData = DossierFormBase.extend({
  receivedAt: Instant.nullable().default(null),
  reasons: z.array(Line.min(1)).min(1).max(50),
  officer: FormSigner,
});
export type RefusalFormData = z.input<typeof RefusalFormData>;

/** Xin lỗi và hẹn lại ngày trả kết quả (2018 Mẫu 04) / đề nghị gia hạn thời gian giải quyết (2025 Mẫu 04). */
export const ApologyFormData = DossierFormBase.extend({
  /** The agency that is late (competent agency), when it is not the one in the heading. */
  lateAgencyName: z.string().max(200).nullable().default(null),
  receivedAt: Instant,
  originalDueAt: Instant,
  reason: Line.min(1),
  newDueAt: Instant,
  signer: FormSigner,
  recipients: z.array(z.string().max(200)).max(20).default([]),
});
export type ApologyFormData = z.input<typeof ApologyFormData>;

/** Thông báo dừng giải quyết hồ sơ (2025 Mẫu 05; NĐ 118 Điều 21). */
export const StopNoticeFormData = DossierFormBase.extend({
  receivedAt: Instant,
  /** When the applicant asked to stop. */
  requestedAt: Instant,
  reason: Line.min(1),
  /** What is handed back (original papers, fees), per sector law. */
  returned: Line.nullable().default(null),
  signer: FormSigner,
  recipients: z.array(z.string().max(200)).max(20).default([]),
});
export type StopNoticeFormData = z.input<typeof StopNoticeFormData>;

export const HandoffResult = z.enum(['early', 'on_time', 'late']);
export const Handoff = z.object({
  fromName: z.string().min(1).max(200),
  toName: z.string().min(1).max(200),
  at: Instant,
  deliveredBy: z.string().max(200).nullable().default(null),
  receivedBy: z.string().max(200).nullable().default(null),
  /** Result of the step that handed the dossier on, against its own due time. */
  result: HandoffResult.nullable().default(null),
  note: z.string().max(500).nullable().default(null),
});
export type Handoff = z.input<typeof Handoff>;

/** Phiếu kiểm soát quá trình giải quyết hồ sơ (2018 Mẫu 05, 2025 Mẫu 06): one row per hand-off. */
export const ProcessControlFormData = z.object({
  agency: FormAgency,
  code: z.string().min(1).max(60),
  applicant: FormApplicant,
  request: Line.min(1),
  receivedAt: Instant,
  dueAt: Instant.nullable().default(null),
  /** Cơ quan (bộ phận) chủ trì giải quyết. */
  leadAgencyName: z.string().min(1).max(200),
  /** Cơ quan phối hợp giải quyết. */
  coordinatingAgencyNames: z.array(z.string().max(200)).max(20).default([]),
  handoffs: z.array(Handoff).max(200),
  /** Blank rows printed after the recorded ones, for hand-offs still to come. */
  blankRows: z.number().int().min(0).max(10).default(2),
});
export type ProcessControlFormData = z.input<typeof ProcessControlFormData>;

export const TrackingBookRow = z.object({
  code: z.string().min(1).max(60),
  procedureName: z.string().min(1).max(1000),
  sets: z.number().int().min(1).default(1),
  applicantName: z.string().min(1).max(200),
  address: z.string().max(300).nullable().default(null),
  phone: z.string().max(30).nullable().default(null),
  leadAgencyName: z.string().max(200).nullable().default(null),
  receivedAt: Instant,
  dueAt: Instant.nullable().default(null),
  /** Sent to the competent agency. */
  forwardedAt: Instant.nullable().default(null),
  /** Result received back from the competent agency. */
  resultAt: Instant.nullable().default(null),
  /** Returned to the applicant. */
  returnedAt: Instant.nullable().default(null),
  /** Who collected the result (họ tên người nhận). */
  collectedBy: z.string().max(200).nullable().default(null),
  note: z.string().max(500).nullable().default(null),
});
export type TrackingBookRow = z.input<typeof TrackingBookRow>;

/** Sổ theo dõi hồ sơ (2018 Mẫu 06, 2025 Mẫu 07), for a period and an agency. */
export const TrackingBookFormData = z.object({
  agency: FormAgency,
  /** Inclusive local dates, YYYY-MM-DD. */
  period: z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  issuedAt: Instant,
  rows: z.array(TrackingBookRow).max(100_000),
});
export type TrackingBookFormData = z.input<typeof TrackingBookFormData>;

/** The Zod schema of each kind's data; `renderForm` validates with it. */
export const FormDataSchemas = {
  receipt: ReceiptFormData,
  supplement: SupplementFormData,
  refusal: RefusalFormData,
  apology: ApologyFormData,
  stop_notice: StopNoticeFormData,
  process_control: ProcessControlFormData,
  tracking_book: TrackingBookFormData,
} as const satisfies Record<FormKind, z.ZodType>;

/** Input type of each kind's data (dates as Date or ISO string, defaults optional). */
export type FormDataOf<K extends FormKind> = z.input<(typeof FormDataSchemas)[K]>;
/** Parsed type of each kind's data (dates as Date, defaults filled in). */
export type ParsedFormDataOf<K extends FormKind> = z.output<(typeof FormDataSchemas)[K]>;

/** GET /api/dossiers/:id/forms/:formNo.pdf */
export const DossierFormParams = z.object({
  id: z.uuid({ message: 'Mã hồ sơ không hợp lệ' }),
  formNo: z.string().regex(/^0[1-7]$/, 'Số mẫu phải từ 01 đến 07'),
});

/** GET /api/forms/tracking-book.(pdf|xlsx) */
export const TrackingBookQuery = z
  .object({
    agencyId: z.uuid({ message: 'Cơ quan không hợp lệ' }),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD'),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD'),
  })
  .refine((q) => q.from <= q.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['to'] });
export type TrackingBookQuery = z.infer<typeof TrackingBookQuery>;
