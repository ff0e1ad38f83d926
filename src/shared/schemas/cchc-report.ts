/**
 * Contracts of the provincial administrative-reform report (báo cáo kết quả thực hiện công tác CCHC): its period and
 * per-section cut-offs, the composed document (sections of paragraphs whose parts are text, computed figures and
 * footnote references), the figures with their sources, the footnotes, the workflow and the header/signature
 * settings. Shared by the server (routes, DOCX/PDF rendering, CLI) and the web screen.
 */
import { z } from 'zod';
import { formatPeriodDate, isValidPeriodDate, resolvePeriod, type PeriodPreset } from '../periods';
import { CCHC_REPORT_ACTIONS, CCHC_REPORT_STATUSES } from '../workflow/cchc-report-workflow';
import { IsoDate, Uuid } from './common';

// ---------------------------------------------------------------------------------------------------------------
// Periods

/** `2021-Q1`, `2021-H1`, `2021-Q3`, `2021-Y` (581/BNV-CCHC cut-offs) or `custom` with from/to. */
export const REPORT_PERIOD_KEY = /^(\d{4})-(Q1|H1|Q3|Y)$/;

export interface ReportPeriod {
  key: string;
  /** First and last day of the reform period (documents, plans, inspections, personnel changes). */
  from: string;
  to: string;
  /** "6 tháng đầu năm 2021" — as the title says it. */
  name: string;
  /** "6 tháng cuối năm 2021" — the period the tasks (part IV) are for. */
  nextName: string;
  year: number;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Resolves a report period key (or custom dates); throws a Vietnamese Error when impossible. */
export function resolveReportPeriod(key: string, custom: { from?: string | undefined; to?: string | undefined } = {}): ReportPeriod {
  if (key === 'custom') {
    const p = resolvePeriod({ preset: 'custom', from: custom.from, to: custom.to });
    const year = Number(p.to.slice(0, 4));
    return { key, from: p.from, to: p.to, name: `từ ngày ${formatPeriodDate(p.from)} đến ngày ${formatPeriodDate(p.to)}`, nextName: 'thời gian tới', year };
  }
  const m = REPORT_PERIOD_KEY.exec(key);
  if (!m) throw new Error('Kỳ báo cáo phải có dạng 2021-Q1, 2021-H1, 2021-Q3, 2021-Y hoặc custom');
  const year = Number(m[1]);
  const kind = m[2] as 'Q1' | 'H1' | 'Q3' | 'Y';
  const preset: PeriodPreset = ({ Q1: 'reform_q1', H1: 'reform_h1', Q3: 'reform_q3', Y: 'reform_year' } as const)[kind];
  const p = resolvePeriod({ preset, year });
  const names = {
    Q1: [`quý ${ROMAN[0]} năm ${year}`, `quý ${ROMAN[1]} năm ${year}`],
    H1: [`6 tháng đầu năm ${year}`, `6 tháng cuối năm ${year}`],
    Q3: [`quý ${ROMAN[2]} năm ${year}`, `quý ${ROMAN[3]} năm ${year}`],
    Y: [`năm ${year}`, `năm ${year + 1}`],
  }[kind];
  return { key, from: p.from, to: p.to, name: names[0]!, nextName: names[1]!, year };
}

/** 89672 → "89.672"; 67.5 → "67,5" (vi-VN grouping and decimal comma). */
export function formatVnNumber(n: number, fractionDigits = 1): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: fractionDigits }).format(n);
}

/** Small counts are written with two digits in Vietnamese reports ("08 Nghị quyết", "02 đơn vị"); none is "0". */
export function formatVnCount(n: number): string {
  return n > 0 && n < 10 ? `0${n}` : formatVnNumber(n, 0);
}

// ---------------------------------------------------------------------------------------------------------------
// The composed document

export const FigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  /** As printed: "89.672", "97%". */
  text: z.string(),
  /** Where the number comes from: module, table and cut-off. */
  source: z.string(),
  formula: z.string().nullable(),
  /** The data source is not (yet) in the system: the figure is shown as missing, never invented. */
  missing: z.boolean(),
});
export type Figure = z.infer<typeof FigureSchema>;

export const PartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('figure'), key: z.string(), text: z.string() }),
  z.object({ kind: z.literal('footnote'), n: z.number().int() }),
]);
export type Part = z.infer<typeof PartSchema>;

export const ParagraphSchema = z.object({
  /** heading1 "I. ...", heading2 "1. ...", heading3 "a) ...", body, dash "- ...", plus "+ ...". */
  style: z.enum(['heading1', 'heading2', 'heading3', 'body', 'dash', 'plus']),
  parts: z.array(PartSchema),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const NarrativeOrigin = z.enum(['default', 'unit_reports', 'edited']);
export type NarrativeOrigin = z.infer<typeof NarrativeOrigin>;

export const SectionSchema = z.object({
  key: z.string(),
  paragraphs: z.array(ParagraphSchema),
  /** Editable narrative of the section (plain text, one paragraph per line, "- " for a dash item). */
  narrative: z
    .object({ key: z.string(), label: z.string(), text: z.string(), origin: NarrativeOrigin, sources: z.array(z.string()) })
    .nullable(),
});
export type Section = z.infer<typeof SectionSchema>;

export const FootnoteSchema = z.object({
  n: z.number().int(),
  /** Which list it is: "Văn bản chỉ đạo CCHC", "Nghị quyết của HĐND tỉnh", ... */
  group: z.string(),
  text: z.string(),
});
export type Footnote = z.infer<typeof FootnoteSchema>;

export const HeaderSettings = z.object({
  /** "UBND TỈNH HẬU GIANG" */
  parentBody: z.string().trim().min(1).max(120),
  /** "SỞ NỘI VỤ" */
  issuingBody: z.string().trim().min(1).max(120),
  /** "BC-SNV" (the number is "<n>/BC-SNV"). */
  symbol: z.string().trim().min(1).max(40),
  /** "Hậu Giang" */
  place: z.string().trim().min(1).max(80),
  /** "KT. GIÁM ĐỐC" (empty when the head signs). */
  signerAuthority: z.string().trim().max(80),
  /** "PHÓ GIÁM ĐỐC" */
  signerTitle: z.string().trim().min(1).max(80),
  signerName: z.string().trim().min(1).max(120),
  /** "- Bộ Nội vụ;" entries without the dash and the final punctuation. */
  recipients: z.array(z.string().trim().min(1).max(200)).min(1).max(30),
  /** "VT, CCHC&VTLT" for "- Lưu: VT, CCHC&VTLT." */
  archive: z.string().trim().min(1).max(80),
});
export type HeaderSettings = z.infer<typeof HeaderSettings>;

export const CutOffs = z.object({
  /** Dossier results: "tính từ đầu năm đến ngày 18 tháng 6". */
  dossiersFrom: IsoDate,
  dossiersTo: IsoDate,
  /** Catalog figures: procedures in force on this day ("tính đến ngày 15 tháng 6"). */
  catalogAsOf: IsoDate,
});
export type CutOffs = z.infer<typeof CutOffs>;

export const ReportDocumentSchema = z.object({
  period: z.object({ key: z.string(), from: z.string(), to: z.string(), name: z.string(), nextName: z.string(), year: z.number() }),
  cutOffs: CutOffs,
  header: HeaderSettings,
  /** "123/BC-SNV", or "     /BC-SNV" before issue. */
  numberText: z.string(),
  /** "Hậu Giang, ngày 18 tháng 6 năm 2021" */
  placeDate: z.string(),
  title: z.string(),
  subject: z.string(),
  sections: z.array(SectionSchema),
  figures: z.array(FigureSchema),
  footnotes: z.array(FootnoteSchema),
  /** Closing sentence: "Trên đây là báo cáo ... /." */
  closing: z.string(),
  /** Data sources that are not in the system yet (their figures are marked missing). */
  missingSources: z.array(z.string()),
});
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;

// ---------------------------------------------------------------------------------------------------------------
// API

const refineCutOffs = (v: { dossiersFrom?: string | undefined; dossiersTo?: string | undefined; catalogAsOf?: string | undefined }, ctx: z.RefinementCtx) => {
  for (const k of ['dossiersFrom', 'dossiersTo', 'catalogAsOf'] as const) {
    const d = v[k];
    if (d !== undefined && !isValidPeriodDate(d)) ctx.addIssue({ code: 'custom', path: [k], message: 'Ngày không hợp lệ' });
  }
  if (v.dossiersFrom && v.dossiersTo && v.dossiersTo < v.dossiersFrom) ctx.addIssue({ code: 'custom', path: ['dossiersTo'], message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi' });
};

export const CreateCchcReportBody = z
  .object({
    period: z.string().trim().min(1).max(20),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    dossiersFrom: IsoDate.optional(),
    dossiersTo: IsoDate.optional(),
    catalogAsOf: IsoDate.optional(),
    reportDate: IsoDate.optional(),
  })
  .superRefine((v, ctx) => {
    try {
      resolveReportPeriod(v.period, v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', path: ['period'], message: (err as Error).message });
    }
    refineCutOffs(v, ctx);
  });
export type CreateCchcReportBody = z.infer<typeof CreateCchcReportBody>;

export const UpdateCchcReportBody = z
  .object({
    /** The version read; a stale one is refused (CONFLICT) so two editors never overwrite each other. */
    version: z.number().int().min(1),
    narratives: z.record(z.string().max(60), z.string().max(20_000)).optional(),
    /** Section keys whose edited narrative goes back to the drafted one. */
    resetNarratives: z.array(z.string().max(60)).max(60).optional(),
    header: HeaderSettings.partial().optional(),
    dossiersFrom: IsoDate.optional(),
    dossiersTo: IsoDate.optional(),
    catalogAsOf: IsoDate.optional(),
    reportDate: IsoDate.optional(),
  })
  .superRefine(refineCutOffs);
export type UpdateCchcReportBody = z.infer<typeof UpdateCchcReportBody>;

export const CchcReportActionBody = z.object({
  action: z.enum(CCHC_REPORT_ACTIONS),
  /** Client-generated id: a retried action is applied once. */
  actionId: Uuid,
  note: z.string().trim().max(2000).optional(),
  /** For `issue`: the register number (e.g. 123 → "123/BC-SNV") and the issue date. */
  number: z.coerce.number().int().min(1).max(999_999).optional(),
  issuedOn: IsoDate.optional(),
});
export type CchcReportActionBody = z.infer<typeof CchcReportActionBody>;

export const CchcReportHistoryEntry = z.object({
  action: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const StoredFileRef = z.object({ fileId: z.string(), sha256: z.string(), size: z.number(), fileName: z.string() });

export const CchcReportSummary = z.object({
  id: z.string(),
  periodKey: z.string(),
  periodName: z.string(),
  status: z.enum(CCHC_REPORT_STATUSES),
  numberText: z.string().nullable(),
  reportDate: z.string(),
  updatedAt: z.string(),
});
export type CchcReportSummary = z.infer<typeof CchcReportSummary>;

export const CchcReportView = CchcReportSummary.extend({
  version: z.number(),
  document: ReportDocumentSchema,
  /** True when served from the stored, issued content (never recomputed). */
  frozen: z.boolean(),
  docx: StoredFileRef.nullable(),
  pdf: StoredFileRef.nullable(),
  history: z.array(CchcReportHistoryEntry),
  abilities: z.object({ edit: z.boolean(), actions: z.array(z.enum(CCHC_REPORT_ACTIONS)) }),
});
export type CchcReportView = z.infer<typeof CchcReportView>;

export const CchcReportList = z.object({ items: z.array(CchcReportSummary) });
export const CchcReportIdParams = z.object({ id: Uuid });
