/** Document registry contracts (sổ văn bản CCHC): documents, legal effect history, reviews, search, import. */
import { z } from 'zod';
import { REFORM_AREAS, type ReformArea } from '../reform-areas';
import { IsoDate, Paginated, Pagination, RequiredText, Text, Uuid } from './common';

export const DocumentType = {
  RESOLUTION: 'resolution',
  DECREE: 'decree',
  CIRCULAR: 'circular',
  DECISION: 'decision',
  DIRECTIVE: 'directive',
  PLAN: 'plan',
  PROGRAMME: 'programme',
  OFFICIAL_LETTER: 'official_letter',
  NOTICE: 'notice',
  REPORT: 'report',
  CONCLUSION: 'conclusion',
  GUIDANCE: 'guidance',
  OTHER: 'other',
} as const;
export type DocumentType = (typeof DocumentType)[keyof typeof DocumentType];
export const DOCUMENT_TYPES = Object.values(DocumentType) as [DocumentType, ...DocumentType[]];
export const documentTypeLabels: Record<DocumentType, string> = {
  resolution: 'Nghị quyết',
  decree: 'Nghị định',
  circular: 'Thông tư',
  decision: 'Quyết định',
  directive: 'Chỉ thị',
  plan: 'Kế hoạch',
  programme: 'Chương trình',
  official_letter: 'Công văn',
  notice: 'Thông báo',
  report: 'Báo cáo',
  conclusion: 'Kết luận',
  guidance: 'Hướng dẫn',
  other: 'Văn bản khác',
};

/** Who issued it: central bodies and the Party are cited; the province's own documents are counted. */
export const IssuerLevel = {
  CENTRAL: 'central',
  PARTY: 'party',
  PROVINCIAL_COUNCIL: 'provincial_council',
  PROVINCIAL: 'provincial',
  DISTRICT: 'district',
  COMMUNE: 'commune',
  OTHER: 'other',
} as const;
export type IssuerLevel = (typeof IssuerLevel)[keyof typeof IssuerLevel];
export const ISSUER_LEVELS = Object.values(IssuerLevel) as [IssuerLevel, ...IssuerLevel[]];
export const issuerLevelLabels: Record<IssuerLevel, string> = {
  central: 'Trung ương',
  party: 'Cấp ủy Đảng',
  provincial_council: 'HĐND tỉnh',
  provincial: 'UBND tỉnh và cơ quan cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  other: 'Khác',
};

export const EffectStatus = {
  IN_FORCE: 'in_force',
  EXPIRED_PART: 'expired_part',
  EXPIRED_WHOLE: 'expired_whole',
  SUSPENDED: 'suspended',
} as const;
export type EffectStatus = (typeof EffectStatus)[keyof typeof EffectStatus];
export const EFFECT_STATUSES = Object.values(EffectStatus) as [EffectStatus, ...EffectStatus[]];
export const effectStatusLabels: Record<EffectStatus, string> = {
  in_force: 'Còn hiệu lực',
  expired_part: 'Hết hiệu lực một phần',
  expired_whole: 'Hết hiệu lực toàn bộ',
  suspended: 'Ngưng hiệu lực',
};

export const ReviewKind = {
  SELF_INSPECTION: 'self_inspection',
  AUTHORITY_INSPECTION: 'authority_inspection',
  REVIEW: 'review',
  SYSTEMATISATION: 'systematisation',
  NATIONAL_DATABASE: 'national_database',
} as const;
export type ReviewKind = (typeof ReviewKind)[keyof typeof ReviewKind];
export const REVIEW_KINDS = Object.values(ReviewKind) as [ReviewKind, ...ReviewKind[]];
export const reviewKindLabels: Record<ReviewKind, string> = {
  self_inspection: 'Tự kiểm tra',
  authority_inspection: 'Kiểm tra theo thẩm quyền',
  review: 'Rà soát',
  systematisation: 'Hệ thống hóa',
  national_database: 'Cập nhật Cơ sở dữ liệu quốc gia về pháp luật',
};

export const ReviewResult = {
  LAWFUL: 'lawful',
  UNLAWFUL_SIGNS: 'unlawful_signs',
  NEEDS_AMENDMENT: 'needs_amendment',
  RECORDED: 'recorded',
} as const;
export type ReviewResult = (typeof ReviewResult)[keyof typeof ReviewResult];
export const REVIEW_RESULTS = Object.values(ReviewResult) as [ReviewResult, ...ReviewResult[]];
export const reviewResultLabels: Record<ReviewResult, string> = {
  lawful: 'Không phát hiện dấu hiệu trái pháp luật',
  unlawful_signs: 'Có dấu hiệu trái pháp luật',
  needs_amendment: 'Cần sửa đổi, bổ sung, thay thế',
  recorded: 'Đã cập nhật',
};

const areaMessage = `Lĩnh vực CCHC phải là một trong: ${REFORM_AREAS.join(', ')}`;
export const ReformAreaCode = z.enum(REFORM_AREAS as [ReformArea, ...ReformArea[]], { message: areaMessage });

/** `1996/KH-UBND`, `01/2021/NQ-HĐND`, `03-NQ/TU`, `1031/VP.UBND-NC`: a number, then a symbol after a slash. */
export const NumberSymbol = z
  .string()
  .transform((v) => v.normalize('NFC').replace(/\s+/g, '').trim())
  .pipe(
    z
      .string()
      .min(1, 'Số, ký hiệu văn bản không được để trống')
      .max(80, 'Số, ký hiệu văn bản quá dài')
      .regex(/^[0-9]+[0-9A-Za-zÀ-ỹĐđ.\-/&]*\/[0-9A-Za-zÀ-ỹĐđ.\-/&]+$/, 'Số, ký hiệu văn bản phải có dạng «1996/KH-UBND» hoặc «01/2021/NQ-HĐND»'),
  );

const DocumentFields = {
  numberSymbol: NumberSymbol,
  docType: z.enum(DOCUMENT_TYPES, { message: 'Loại văn bản không hợp lệ' }),
  issuerName: RequiredText(300, 'Cơ quan ban hành'),
  issuerLevel: z.enum(ISSUER_LEVELS, { message: 'Cấp ban hành không hợp lệ' }),
  issuerAgencyId: Uuid.nullable().optional(),
  issuedOn: IsoDate,
  signerName: Text(200).nullable().optional(),
  signerTitle: Text(200).nullable().optional(),
  subject: RequiredText(2000, 'Trích yếu'),
  areas: z.array(ReformAreaCode).max(7).default([]),
  tags: z.array(z.string().trim().regex(/^[a-z0-9_]{1,40}$/, 'Nhãn chỉ gồm chữ thường không dấu, số và dấu gạch dưới')).max(10).default([]),
  isLegal: z.boolean().default(false),
  effectiveFrom: IsoDate.nullable().optional(),
  fileId: Uuid.nullable().optional(),
  note: Text(2000).nullable().optional(),
};

export const DocumentCreateInput = z.object(DocumentFields);
export type DocumentCreateInput = z.infer<typeof DocumentCreateInput>;
export const DocumentUpdateInput = z.object(DocumentFields);
export type DocumentUpdateInput = z.infer<typeof DocumentUpdateInput>;

export const DocumentListQuery = Pagination.extend({
  q: z.string().max(200).optional(),
  docType: z.enum(DOCUMENT_TYPES).optional(),
  area: ReformAreaCode.optional(),
  issuerLevel: z.enum(ISSUER_LEVELS).optional(),
  isLegal: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** With `isLegal`: only documents with this effect status as of `asOf` (default today). */
  effectStatus: z.enum(EFFECT_STATUSES).optional(),
  asOf: IsoDate.optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;

export const DocumentEffectInput = z.object({
  status: z.enum(EFFECT_STATUSES, { message: 'Tình trạng hiệu lực không hợp lệ' }),
  effectiveOn: IsoDate,
  basisDocumentId: Uuid.nullable().optional(),
  basisText: Text(500).nullable().optional(),
  note: Text(1000).nullable().optional(),
});
export type DocumentEffectInput = z.infer<typeof DocumentEffectInput>;

export const DocumentReviewInput = z
  .object({
    documentId: Uuid.nullable().optional(),
    subjectText: Text(500).nullable().optional(),
    kind: z.enum(REVIEW_KINDS, { message: 'Loại kiểm tra, rà soát không hợp lệ' }),
    reviewedOn: IsoDate,
    reviewerAgencyId: Uuid.nullable().optional(),
    result: z.enum(REVIEW_RESULTS, { message: 'Kết quả kiểm tra không hợp lệ' }),
    basisDocumentId: Uuid.nullable().optional(),
    note: Text(2000).nullable().optional(),
  })
  .refine((v) => !!v.documentId || !!v.subjectText, { message: 'Chọn văn bản trong sổ hoặc ghi tên văn bản được kiểm tra', path: ['subjectText'] });
export type DocumentReviewInput = z.infer<typeof DocumentReviewInput>;

export const DocumentEffectView = z.object({
  id: z.string(),
  status: z.enum(EFFECT_STATUSES),
  statusLabel: z.string(),
  effectiveOn: z.string(),
  basisDocumentId: z.string().nullable(),
  basisLabel: z.string().nullable(),
  note: z.string().nullable(),
});

export const DocumentReviewView = z.object({
  id: z.string(),
  documentId: z.string().nullable(),
  subject: z.string(),
  kind: z.enum(REVIEW_KINDS),
  kindLabel: z.string(),
  reviewedOn: z.string(),
  reviewerAgencyId: z.string().nullable(),
  reviewerAgencyName: z.string().nullable(),
  result: z.enum(REVIEW_RESULTS),
  resultLabel: z.string(),
  note: z.string().nullable(),
});
export type DocumentReviewView = z.infer<typeof DocumentReviewView>;

export const DocumentSummary = z.object({
  id: z.string(),
  numberSymbol: z.string(),
  docType: z.enum(DOCUMENT_TYPES),
  docTypeLabel: z.string(),
  issuerName: z.string(),
  issuerLevel: z.enum(ISSUER_LEVELS),
  issuedOn: z.string(),
  subject: z.string(),
  areas: z.array(z.string()),
  tags: z.array(z.string()),
  isLegal: z.boolean(),
  /** Effect status today (legal documents), else null. */
  effectStatus: z.enum(EFFECT_STATUSES).nullable(),
  /** The citation as the report writes it: «Kế hoạch số 1996/KH-UBND ngày 30 tháng 12 năm 2020 của ... về ...». */
  citation: z.string(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export const DocumentList = Paginated(DocumentSummary);

export const DocumentDetail = DocumentSummary.extend({
  issuerAgencyId: z.string().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  fileId: z.string().nullable(),
  fileName: z.string().nullable(),
  note: z.string().nullable(),
  effects: z.array(DocumentEffectView),
  reviews: z.array(DocumentReviewView),
  abilities: z.record(z.string(), z.boolean()),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const ReviewListQuery = Pagination.extend({
  kind: z.enum(REVIEW_KINDS).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const ReviewList = Paginated(DocumentReviewView);

export const PeriodQuery = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((v) => v.from <= v.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['to'] });

/** Figures of the report's institutions section for a period (see documents.queries.ts legalDocumentFigures). */
export const DocumentFigures = z.object({
  from: z.string(),
  to: z.string(),
  issuedByType: z.array(z.object({ docType: z.string(), issuerLevel: z.string(), count: z.number() })),
  legal: z.object({
    issuedResolutions: z.number(),
    issuedDecisions: z.number(),
    expiredWhole: z.number(),
    expiredPart: z.number(),
    suspended: z.number(),
  }),
  reviews: z.array(z.object({ kind: z.string(), result: z.string(), count: z.number() })),
});
export type DocumentFigures = z.infer<typeof DocumentFigures>;

export const DocumentImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  format: z.enum(['xlsx', 'csv']).optional(),
});
export const DocumentImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** One line per data row: what happened to it. */
  report: z.array(z.object({ row: z.number(), numberSymbol: z.string(), outcome: z.enum(['created', 'updated', 'unchanged']) })),
});
export type DocumentImportResult = z.infer<typeof DocumentImportResult>;
