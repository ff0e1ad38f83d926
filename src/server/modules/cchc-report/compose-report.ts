/**
 * Composes the provincial report from its inputs, with the seed's outline: I direction (plan, guidance, inspection,
 * communication); II results in the six areas; III strengths and limitations; IV tasks for the next period. Every
 * number is a figure from the inputs (FigureBook: value, printed text, source); sentences are templates with the
 * figures inserted; documents issued in the period become footnotes, grouped as the seed groups them; narrative
 * sections come from the officer's edits, the units' reports or a neutral draft. Pure: no database.
 */
import {
  type Footnote,
  type HeaderSettings,
  type Paragraph,
  type Part,
  type ReportDocument,
  type Section,
} from '../../../shared/schemas/cchc-report';
import { formatDocumentCitation, formatLongDate as vnLongDate } from '../../../shared/document-citation';
import { formatPeriodDate } from '../../../shared/periods';
import { CATALOG_FORMULAS } from '../statistics/catalog-statistics';
import { FigureBook, type FigureSpec } from './figure-book';
import type { CitedDocument } from './reform-inputs';
import type { ReportInputs } from './report-inputs';
import { NARRATIVES, resolveNarrative } from './report-narratives';

export interface ComposeSettings {
  header: HeaderSettings;
  /** Name of the issuing agency as written in sentences ("Sở Nội vụ"). */
  agencyName: string;
  reportDate: string;
  /** "123/BC-SNV" once issued. */
  numberText: string | null;
  narratives: Record<string, string>;
}

const SOURCES = {
  catalog: (asOf: string) => `Danh mục TTHC (thủ tục còn hiệu lực ngày ${formatPeriodDate(asOf)})`,
  decisions: (from: string, to: string) => `Danh mục TTHC — quyết định công bố ký từ ${formatPeriodDate(from)} đến ${formatPeriodDate(to)}`,
  processes: (from: string, to: string) => `Danh mục TTHC — quy trình nội bộ phê duyệt từ ${formatPeriodDate(from)} đến ${formatPeriodDate(to)}`,
  dossiers: (from: string, to: string) => `Thống kê hồ sơ TTHC (Biểu 07a) từ ${formatPeriodDate(from)} đến ${formatPeriodDate(to)}`,
  petitions: (from: string, to: string) => `Phản ánh, kiến nghị tiếp nhận từ ${formatPeriodDate(from)} đến ${formatPeriodDate(to)}`,
  registry: (from: string, to: string) => `Sổ văn bản — văn bản ban hành từ ${formatPeriodDate(from)} đến ${formatPeriodDate(to)}`,
  effects: (from: string, to: string) => `Sổ văn bản — hiệu lực văn bản QPPL thay đổi từ ${formatPeriodDate(from)} đến ${formatPeriodDate(to)}`,
  reviews: (from: string, to: string) => `Sổ văn bản — kiểm tra, rà soát văn bản từ ${formatPeriodDate(from)} đến ${formatPeriodDate(to)}`,
  plans: (year: number) => `Kế hoạch CCHC năm ${year} và tiến độ nhiệm vụ`,
  inspections: (from: string, to: string) => `Kiểm tra CCHC — cuộc kiểm tra từ ${formatPeriodDate(from)} đến ${formatPeriodDate(to)}`,
  quotas: (year: number) => `Biên chế — giao biên chế năm ${year}`,
  staff: (asOf: string | null) => `Biên chế — số lượng, trình độ cán bộ, công chức, viên chức${asOf ? ` ngày ${formatPeriodDate(asOf)}` : ''}`,
  changes: (from: string, to: string) => `Biên chế — biến động nhân sự từ ${formatPeriodDate(from)} đến ${formatPeriodDate(to)}`,
  schemes: (from: string, to: string) => `Tổ chức bộ máy — đề án phê duyệt từ ${formatPeriodDate(from)} đến ${formatPeriodDate(to)}`,
  autonomy: (to: string) => `Tài chính công — cơ chế tự chủ tại ngày ${formatPeriodDate(to)}`,
  unitReports: (key: string) => `Báo cáo định kỳ của các đơn vị — kỳ ${key}`,
};

export const MISSING_SOURCE_LABELS: Record<'registry' | 'plans' | 'staffing' | 'inspections' | 'unitReports', string> = {
  registry: 'Sổ văn bản (văn bản ban hành, hiệu lực, kiểm tra, rà soát văn bản)',
  plans: 'Kế hoạch cải cách hành chính và tiến độ nhiệm vụ',
  staffing: 'Tổ chức bộ máy, biên chế, nhân sự và cơ chế tự chủ',
  inspections: 'Kiểm tra cải cách hành chính',
  unitReports: 'Báo cáo định kỳ của các sở, ban, ngành, UBND cấp huyện',
};

const lowerFirst = (s: string) => (s ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const stripEnd = (s: string) => s.trim().replace(/[.;,\s]+$/, '');

/** "Kế hoạch số 20/KH-UBND ngày 29 tháng 01 năm 2021 của Ủy ban nhân dân tỉnh Hậu Giang về ..." */
export function citeDocument(doc: CitedDocument): string {
  return formatDocumentCitation({ ...doc, subject: stripEnd(doc.subject) });
}

/** Footnote text of a list of documents: each cited, "; " between, "." at the end (the seed's form). */
export function footnoteText(docs: CitedDocument[]): string {
  return `${docs.map((d) => citeDocument(d)).join('; ')}.`;
}

const byDate = (a: CitedDocument, b: CitedDocument) => (a.issuedOn === b.issuedOn ? a.numberSymbol.localeCompare(b.numberSymbol, 'vi') : a.issuedOn < b.issuedOn ? -1 : 1);

/** Tags whose documents the report lists under I.2 as one dash item each, with what the item says. */
export const GUIDANCE_TAGS: Record<string, string> = {
  online_services: 'Ban hành các văn bản về danh mục dịch vụ công trực tuyến và đẩy mạnh tiếp nhận hồ sơ trực tuyến',
  covid: 'Ban hành nhiều văn bản triển khai thực hiện các biện pháp phòng, chống dịch Covid-19',
};
/** Tags with their own place in the report (not in the general footnote of I.1). */
const PLACED_TAGS = new Set([...Object.keys(GUIDANCE_TAGS), 'communication', 'law_monitoring', 'inspection', 'reform_plan']);

/** Groups of the registry documents as the report cites them; a document sits in one group only. */
export function groupDocuments(docs: CitedDocument[], plan: CitedDocument | null, inspectionPlan: CitedDocument | null) {
  const sorted = [...docs].sort(byDate);
  const used = new Set<string>();
  const key = (d: CitedDocument) => `${d.numberSymbol}|${d.issuerName}|${d.issuedOn}`;
  if (plan) used.add(key(plan));
  if (inspectionPlan) used.add(key(inspectionPlan));
  const take = (pred: (d: CitedDocument) => boolean) => {
    const out = sorted.filter((d) => !used.has(key(d)) && pred(d));
    for (const d of out) used.add(key(d));
    return out;
  };
  const councilResolutions = take((d) => d.isLegal && d.issuerLevel === 'provincial_council');
  const committeeLegal = take((d) => d.isLegal && d.issuerLevel === 'provincial');
  const guidance = Object.fromEntries(Object.keys(GUIDANCE_TAGS).map((tag) => [tag, take((d) => d.tags.includes(tag))])) as Record<string, CitedDocument[]>;
  const communication = take((d) => d.tags.includes('communication'));
  const lawMonitoring = take((d) => d.tags.includes('law_monitoring'));
  const inspection = take((d) => d.tags.includes('inspection'));
  const directionPlans = take((d) => d.areas.includes('direction') && !d.tags.some((t) => PLACED_TAGS.has(t)) && ['provincial', 'party'].includes(d.issuerLevel));
  const institutions = take((d) => d.areas.includes('institutions') && ['provincial', 'party'].includes(d.issuerLevel));
  const digital = take((d) => d.areas.includes('digital_government'));
  return { councilResolutions, committeeLegal, guidance, communication, lawMonitoring, inspection, directionPlans, institutions, digital };
}

class Composer {
  readonly sections: Section[] = [];
  readonly footnotes: Footnote[] = [];
  readonly book = new FigureBook();
  private current: Section | null = null;

  constructor(
    private readonly inputs: ReportInputs,
    private readonly settings: ComposeSettings,
  ) {}

  section(key: string): this {
    this.current = { key, paragraphs: [], narrative: null };
    this.sections.push(this.current);
    return this;
  }

  p(style: Paragraph['style'], ...parts: (string | Part | null)[]): this {
    if (!this.current) throw new Error('paragraph outside a section');
    const out: Part[] = [];
    for (const part of parts) {
      if (part === null || part === '') continue;
      out.push(typeof part === 'string' ? { kind: 'text', text: part } : part);
    }
    this.current.paragraphs.push({ style, parts: out });
    return this;
  }

  heading(level: 1 | 2 | 3, text: string): this {
    return this.p(level === 1 ? 'heading1' : level === 2 ? 'heading2' : 'heading3', text);
  }

  narrative(key: keyof typeof NARRATIVES): this {
    if (!this.current) throw new Error('narrative outside a section');
    const def = NARRATIVES[key]!;
    const n = resolveNarrative(def, this.settings.narratives, this.inputs.unitReports, { period: this.inputs.period, agencyName: this.settings.agencyName });
    this.current.narrative = n;
    return this;
  }

  fig(key: string, value: number | null | undefined, spec: FigureSpec): Part {
    return this.book.put(key, value, spec);
  }

  /** A footnote listing documents; null (no reference) when the list is empty. */
  footnote(group: string, docs: CitedDocument[]): Part | null {
    if (docs.length === 0) return null;
    const n = this.footnotes.length + 1;
    this.footnotes.push({ n, group, text: footnoteText(docs) });
    return { kind: 'footnote', n };
  }

  /** A footnote of plain names ("Sở Tư pháp, Sở Y tế."). */
  footnoteNames(group: string, names: string[]): Part | null {
    if (names.length === 0) return null;
    const n = this.footnotes.length + 1;
    this.footnotes.push({ n, group, text: `${names.join(', ')}.` });
    return { kind: 'footnote', n };
  }
}

const pctOf = (part: number | null | undefined, whole: number | null | undefined): number | null =>
  part === null || part === undefined || whole === null || whole === undefined || whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

export function composeReport(inputs: ReportInputs, settings: ComposeSettings): ReportDocument {
  const { period, cutOffs, catalog, dossiers, petitions, registry, plans, staffing, inspections, unitReports } = inputs;
  const c = new Composer(inputs, settings);
  const spec = (label: string, source: string, format: FigureSpec['format'] = 'count', formula: string | null = null): FigureSpec => ({ label, source, format, formula });

  const regSrc = SOURCES.registry(period.from, period.to);
  const groups = groupDocuments(registry?.issued ?? [], plans?.document ?? null, inspections?.plan ?? null);

  // --- Opening
  c.section('intro').narrative('intro');

  // --- I. Direction
  c.section('direction.heading').heading(1, `I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH`);
  c.section('direction.plan').heading(3, 'a) Về xây dựng kế hoạch cải cách hành chính (CCHC)');
  const planSrc = SOURCES.plans(period.year);
  if (plans) {
    const planText = plans.document ? `${citeDocument(plans.document)}` : `Kế hoạch ${lowerFirst(plans.title)}`;
    c.p(
      'body',
      `Tỉnh đã ban hành ${planText}, xác định `,
      c.fig('plan.tasks', plans.tasks.total, spec('Số nhiệm vụ của kế hoạch CCHC năm', planSrc)),
      ` nhiệm vụ thuộc 06 nội dung cải cách: cải cách thể chế; cải cách thủ tục hành chính (TTHC); cải cách tổ chức bộ máy hành chính nhà nước; cải cách chế độ công vụ; cải cách tài chính công; xây dựng và phát triển Chính phủ điện tử, Chính phủ số. Đến ngày ${formatPeriodDate(period.to)}, đã hoàn thành `,
      c.fig('plan.done', plans.tasks.done, spec('Nhiệm vụ đã hoàn thành', planSrc)),
      ' nhiệm vụ, đang thực hiện ',
      c.fig('plan.inProgress', plans.tasks.inProgress, spec('Nhiệm vụ đang thực hiện', planSrc)),
      ' nhiệm vụ, chậm tiến độ ',
      c.fig('plan.overdue', plans.tasks.overdue, spec('Nhiệm vụ quá hạn chưa hoàn thành', planSrc)),
      ' nhiệm vụ.',
    );
  } else {
    c.p('body', `Tỉnh đã ban hành Kế hoạch cải cách hành chính nhà nước năm ${period.year}, xác định `, c.fig('plan.tasks', null, spec('Số nhiệm vụ của kế hoạch CCHC năm', planSrc)), ' nhiệm vụ.');
  }
  if (registry) {
    const fn = c.footnote('Văn bản chỉ đạo, triển khai nhiệm vụ CCHC', groups.directionPlans);
    if (fn) c.p('body', 'Bên cạnh đó, tỉnh đã ban hành ', c.fig('docs.direction', groups.directionPlans.length, spec('Văn bản chỉ đạo, triển khai nhiệm vụ CCHC ban hành trong kỳ', regSrc)), ' văn bản cụ thể thực hiện các nhiệm vụ CCHC trong năm', fn, '.');
  }

  c.section('direction.guidance').heading(3, 'b) Về tổ chức, chỉ đạo, điều hành CCHC');
  for (const [tag, sentence] of Object.entries(GUIDANCE_TAGS)) {
    const docs = groups.guidance[tag] ?? [];
    const fn = c.footnote(sentence, docs);
    if (fn) c.p('dash', `${sentence} (`, c.fig(`docs.guidance.${tag}`, docs.length, spec(sentence, regSrc)), ' văn bản)', fn, '.');
  }
  c.narrative('direction');

  c.section('direction.inspection').heading(3, 'c) Về công tác kiểm tra CCHC');
  const inspSrc = SOURCES.inspections(period.from, period.to);
  if (inspections) {
    const province = [...new Set(inspections.inspected.filter((i) => i.level === 'province').map((i) => i.agencyName))];
    const district = [...new Set(inspections.inspected.filter((i) => i.level === 'district').map((i) => i.agencyName))];
    const commune = [...new Set(inspections.inspected.filter((i) => i.level === 'commune').map((i) => i.agencyName))];
    const planPart = inspections.plan ? `Tỉnh ban hành ${citeDocument(inspections.plan)}. Trên cơ sở đó, ` : 'Trong kỳ, ';
    const fnP = c.footnoteNames('Đơn vị cấp tỉnh được kiểm tra', province);
    c.p(
      'body',
      `${planPart}tỉnh đã tiến hành kiểm tra `,
      c.fig('inspections.province', province.length, spec('Đơn vị cấp tỉnh được kiểm tra', inspSrc)),
      ' đơn vị cấp tỉnh',
      fnP,
      ' và ',
      c.fig('inspections.district', district.length, spec('Đơn vị cấp huyện được kiểm tra', inspSrc)),
      ' đơn vị cấp huyện',
      c.footnoteNames('Đơn vị cấp huyện được kiểm tra', district),
      commune.length > 0 ? ', ' : '',
      commune.length > 0 ? c.fig('inspections.commune', commune.length, spec('Đơn vị cấp xã được kiểm tra', inspSrc)) : null,
      commune.length > 0 ? ' đơn vị cấp xã' : '',
      '.',
    );
  } else {
    c.p('body', 'Trong kỳ, tỉnh đã tiến hành kiểm tra ', c.fig('inspections.province', null, spec('Đơn vị cấp tỉnh được kiểm tra', inspSrc)), ' đơn vị cấp tỉnh và ', c.fig('inspections.district', null, spec('Đơn vị cấp huyện được kiểm tra', inspSrc)), ' đơn vị cấp huyện.');
  }

  c.section('direction.communication').heading(3, 'd) Công tác tuyên truyền về CCHC');
  if (registry) {
    const fn = c.footnote('Văn bản về tuyên truyền CCHC', groups.communication);
    if (fn) c.p('body', 'Tỉnh đã ban hành ', c.fig('docs.communication', groups.communication.length, spec('Văn bản về tuyên truyền CCHC', regSrc)), ' văn bản về tuyên truyền cải cách hành chính', fn, '.');
  }
  c.narrative('communication');

  // --- II. Results
  c.section('results.heading').heading(1, 'II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC');
  c.section('institutions.heading').heading(2, '1. Cải cách thể chế').heading(3, 'a) Công tác xây dựng, ban hành văn bản quy phạm pháp luật (QPPL)');
  const resolutions = registry ? groups.councilResolutions.length : null;
  const legal = registry ? groups.committeeLegal.length : null;
  c.p(
    'body',
    `Trong ${period.name}, tỉnh đã ban hành `,
    c.fig('docs.councilResolutions', resolutions, spec('Nghị quyết QPPL của HĐND tỉnh ban hành trong kỳ', regSrc)),
    ' Nghị quyết của HĐND tỉnh',
    c.footnote('Nghị quyết của HĐND tỉnh', groups.councilResolutions),
    ' và ',
    c.fig('docs.committeeLegal', legal, spec('Văn bản QPPL của UBND tỉnh ban hành trong kỳ', regSrc)),
    ' văn bản QPPL của UBND tỉnh',
    c.footnote('Văn bản QPPL của UBND tỉnh', groups.committeeLegal),
    '.',
  );
  if (registry && groups.institutions.length > 0) {
    c.p('body', 'Đồng thời ban hành ', c.fig('docs.institutions', groups.institutions.length, spec('Văn bản chỉ đạo về xây dựng, thi hành thể chế', regSrc)), ' văn bản chỉ đạo về xây dựng và thực thi thể chế', c.footnote('Văn bản chỉ đạo về thể chế', groups.institutions), '.');
  }

  c.section('institutions.review').heading(3, 'b) Công tác kiểm tra, rà soát, hệ thống hóa văn bản QPPL');
  const effSrc = SOURCES.effects(period.from, period.to);
  const revSrc = SOURCES.reviews(period.from, period.to);
  const r = registry;
  // The seed: "Quyết định số 150/QĐ-UBND ... công bố Danh mục văn bản QPPL ... hết hiệu lực ... năm 2020 (26 quyết
  // định của UBND tỉnh, 22 nghị quyết của HĐND tỉnh hết hiệu lực toàn bộ và 18 quyết định ..., 02 nghị quyết ... một phần)".
  (r?.effectLists ?? []).forEach((l, i) => {
    const key = (name: string) => `legal.effectList${i + 1}.${name}`;
    const listSrc = `Sổ văn bản — văn bản hết hiệu lực, ngưng hiệu lực theo ${l.list.numberSymbol}`;
    c.p(
      'body',
      `${citeDocument(l.list)} (`,
      c.fig(key('expiredWhole.committee'), l.expiredWhole.committee, spec('Quyết định của UBND tỉnh hết hiệu lực toàn bộ theo danh mục', listSrc)),
      ' quyết định của UBND tỉnh, ',
      c.fig(key('expiredWhole.council'), l.expiredWhole.council, spec('Nghị quyết của HĐND tỉnh hết hiệu lực toàn bộ theo danh mục', listSrc)),
      ' nghị quyết của HĐND tỉnh hết hiệu lực toàn bộ và ',
      c.fig(key('expiredPart.committee'), l.expiredPart.committee, spec('Quyết định của UBND tỉnh hết hiệu lực một phần theo danh mục', listSrc)),
      ' quyết định của UBND tỉnh, ',
      c.fig(key('expiredPart.council'), l.expiredPart.council, spec('Nghị quyết của HĐND tỉnh hết hiệu lực một phần theo danh mục', listSrc)),
      ' nghị quyết của HĐND tỉnh hết hiệu lực một phần',
      ...(l.suspended > 0 ? ['; ', c.fig(key('suspended'), l.suspended, spec('Văn bản QPPL ngưng hiệu lực theo danh mục', listSrc)), ' văn bản ngưng hiệu lực'] : []),
      ').',
    );
  });
  c.p(
    'body',
    `Trong kỳ, có `,
    c.fig('legal.expiredWhole.committee', r?.expiredWhole.committee, spec('Quyết định của UBND tỉnh hết hiệu lực toàn bộ', effSrc)),
    ' quyết định của UBND tỉnh, ',
    c.fig('legal.expiredWhole.council', r?.expiredWhole.council, spec('Nghị quyết của HĐND tỉnh hết hiệu lực toàn bộ', effSrc)),
    ' nghị quyết của HĐND tỉnh hết hiệu lực toàn bộ; ',
    c.fig('legal.expiredPart.committee', r?.expiredPart.committee, spec('Quyết định của UBND tỉnh hết hiệu lực một phần', effSrc)),
    ' quyết định của UBND tỉnh, ',
    c.fig('legal.expiredPart.council', r?.expiredPart.council, spec('Nghị quyết của HĐND tỉnh hết hiệu lực một phần', effSrc)),
    ' nghị quyết của HĐND tỉnh hết hiệu lực một phần; ',
    c.fig('legal.suspended', r?.suspended, spec('Văn bản QPPL ngưng hiệu lực', effSrc)),
    ' văn bản ngưng hiệu lực. Tự kiểm tra ',
    c.fig('reviews.self', r?.reviews.selfInspection, spec('Văn bản được tự kiểm tra', revSrc)),
    ' văn bản; kiểm tra theo thẩm quyền ',
    c.fig('reviews.authority', r?.reviews.authorityInspection, spec('Văn bản được kiểm tra theo thẩm quyền', revSrc)),
    ' văn bản, phát hiện ',
    c.fig('reviews.unlawful', r?.reviews.unlawfulSigns, spec('Văn bản có dấu hiệu trái pháp luật', revSrc)),
    ' văn bản có dấu hiệu trái pháp luật; rà soát, hệ thống hóa ',
    c.fig('reviews.review', r?.reviews.review, spec('Văn bản được rà soát, hệ thống hóa', revSrc)),
    ' văn bản; cập nhật ',
    c.fig('reviews.nationalDatabase', r?.reviews.nationalDatabase, spec('Văn bản cập nhật lên Cơ sở dữ liệu quốc gia về pháp luật', revSrc)),
    ' văn bản QPPL lên Cơ sở dữ liệu quốc gia về pháp luật.',
  );

  c.section('institutions.monitoring').heading(3, 'c) Công tác theo dõi thi hành pháp luật');
  if (registry && groups.lawMonitoring.length > 0) {
    const central = groups.lawMonitoring.filter((d) => d.issuerLevel === 'central').length;
    c.p(
      'body',
      'Tỉnh đã triển khai ',
      c.fig('docs.lawMonitoring.central', central, spec('Văn bản của Trung ương về theo dõi thi hành pháp luật', regSrc)),
      ' văn bản của Trung ương và ',
      c.fig('docs.lawMonitoring.province', groups.lawMonitoring.length - central, spec('Văn bản của tỉnh về theo dõi thi hành pháp luật', regSrc)),
      ' văn bản của tỉnh trong lĩnh vực theo dõi thi hành pháp luật',
      c.footnote('Văn bản về theo dõi thi hành pháp luật', groups.lawMonitoring),
      ' đến các cơ quan, đơn vị có liên quan.',
    );
  }
  c.narrative('institutions');

  // 2. Procedures
  const catSrc = SOURCES.catalog(catalog.asOf);
  const processSrc = SOURCES.processes(catalog.period.from, catalog.period.to);
  const online = (key: string) => catalog.procedures.byOnlineLevel.find((l) => l.key === key)?.procedures ?? 0;
  const l3 = online('3');
  const l4 = online('4');
  // "1.895 (giảm 02 TTHC so với Quý I năm 2021)": the change since the end of the previous quarter.
  const quarterChange = (): (string | Part)[] => {
    const prev = inputs.catalogPreviousQuarter;
    const change = catalog.procedures.total - prev.procedures;
    const quarter = prev.name;
    if (change === 0) return [` (không thay đổi so với ${quarter})`];
    return [
      ` (${change > 0 ? 'tăng' : 'giảm'} `,
      c.fig('catalog.changeSincePreviousQuarter', Math.abs(change), spec(`TTHC ${change > 0 ? 'tăng' : 'giảm'} so với ${quarter}`, SOURCES.catalog(prev.asOf), 'count', `TTHC đang thực hiện ngày ${formatPeriodDate(catalog.asOf)} − TTHC đang thực hiện ngày ${formatPeriodDate(prev.asOf)} (${prev.procedures})`)),
      ` TTHC so với ${quarter})`,
    ];
  };
  c.section('procedures.overview').heading(2, '2. Cải cách thủ tục hành chính (TTHC)');
  c.p(
    'dash',
    `Tính đến ${vnLongDate(cutOffs.catalogAsOf)}, Chủ tịch UBND tỉnh đã ban hành `,
    c.fig('catalog.processDecisions', catalog.internalProcesses.decisions, spec('Quyết định phê duyệt quy trình nội bộ trong kỳ', processSrc)),
    ' quyết định phê duyệt quy trình nội bộ giải quyết TTHC với ',
    c.fig('catalog.processProcedures', catalog.internalProcesses.procedures, spec('TTHC có quy trình nội bộ được phê duyệt trong kỳ', processSrc, 'number')),
    ' TTHC.',
  );
  c.p(
    'dash',
    'Số lượng TTHC đang thực hiện: ',
    c.fig('catalog.procedures', catalog.procedures.total, spec('TTHC đang thực hiện', catSrc, 'number', 'Số thủ tục có phiên bản còn hiệu lực, do ít nhất một cơ quan thực hiện')),
    ...quarterChange(),
    '. Trong đó, ',
    c.fig('catalog.onTheSpot', catalog.procedures.onTheSpot, spec('TTHC thực hiện "5 tại chỗ"', catSrc, 'number')),
    ' TTHC thực hiện "5 tại chỗ"; ',
    c.fig('catalog.online3', l3, spec('TTHC trực tuyến một phần (mức độ 3)', catSrc, 'number')),
    ' TTHC thực hiện trực tuyến một phần (mức độ 3); ',
    c.fig('catalog.online4', l4, spec('TTHC trực tuyến toàn trình (mức độ 4)', catSrc, 'number')),
    ' TTHC thực hiện trực tuyến toàn trình (mức độ 4); còn lại ',
    c.fig('catalog.onlineOther', catalog.procedures.total - l3 - l4, spec('TTHC còn lại (mức độ 2)', catSrc, 'number', 'TTHC đang thực hiện − mức độ 3 − mức độ 4')),
    ' TTHC mức độ 2.',
  );

  const pd = catalog.publicationDecisions;
  const decSrc = SOURCES.decisions(catalog.period.from, catalog.period.to);
  c.section('procedures.publication').heading(3, 'a) Về công bố, công khai TTHC');
  c.p(
    'dash',
    `Trong ${period.name}, Chủ tịch UBND tỉnh đã ban hành `,
    c.fig('catalog.decisions', pd.total, spec('Quyết định công bố TTHC', decSrc)),
    ' Quyết định công bố TTHC (công bố mới ',
    c.fig('catalog.items.add', pd.items.add, spec('TTHC công bố mới', decSrc, 'number')),
    ', sửa đổi, bổ sung ',
    c.fig('catalog.items.amend', pd.items.amend, spec('TTHC sửa đổi, bổ sung', decSrc, 'number')),
    ', thay thế ',
    c.fig('catalog.items.replace', pd.items.replace, spec('TTHC thay thế', decSrc, 'number')),
    ', bãi bỏ ',
    c.fig('catalog.items.abolish', pd.items.abolish, spec('TTHC bãi bỏ', decSrc, 'number')),
    ' TTHC); ',
    c.fig('catalog.decisionsOnTime', pd.onTime, spec('Quyết định công bố đúng hạn', decSrc, 'count', 'Ký chậm nhất 05 ngày làm việc trước ngày văn bản QPPL có hiệu lực (NĐ 63/2010 Điều 15)')),
    ' quyết định ban hành đúng thời hạn quy định.',
  );
  c.narrative('procedures');

  const dSrc = SOURCES.dossiers(cutOffs.dossiersFrom, cutOffs.dossiersTo);
  const fromStart = cutOffs.dossiersFrom.endsWith('-01-01') && cutOffs.dossiersFrom.slice(0, 4) === cutOffs.dossiersTo.slice(0, 4);
  const since = fromStart ? `Tính từ đầu năm đến ${vnLongDate(cutOffs.dossiersTo)}` : `Từ ${vnLongDate(cutOffs.dossiersFrom)} đến ${vnLongDate(cutOffs.dossiersTo)}`;
  const onTime = dossiers.resolved.early + dossiers.resolved.onTime;
  c.section('procedures.dossiers').heading(3, 'b) Về tình hình, kết quả giải quyết TTHC');
  c.p(
    'body',
    `${since}, tổng số hồ sơ TTHC tiếp nhận trên địa bàn tỉnh là `,
    c.fig('dossiers.received', dossiers.received.total, spec('Hồ sơ tiếp nhận', dSrc, 'number', 'Tồn kỳ trước chuyển sang + tiếp nhận mới trong kỳ (Biểu 07a)')),
    ' hồ sơ (trực tuyến ',
    c.fig('dossiers.receivedOnline', dossiers.received.onlineFull + dossiers.received.onlinePartial, spec('Hồ sơ tiếp nhận trực tuyến', dSrc, 'number')),
    ' hồ sơ); đã giải quyết ',
    c.fig('dossiers.resolved', dossiers.resolved.total, spec('Hồ sơ đã giải quyết', dSrc, 'number')),
    ' hồ sơ, trong đó đúng hạn ',
    c.fig('dossiers.onTime', onTime, spec('Hồ sơ giải quyết đúng hạn (kể cả trước hạn)', dSrc, 'number')),
    ' hồ sơ (đạt ',
    c.fig('dossiers.onTimeRate', dossiers.resolved.onTimeRate, spec('Tỷ lệ giải quyết đúng hạn', dSrc, 'percent0', '(Trước hạn + đúng hạn) / Đã giải quyết × 100')),
    '), trễ hạn ',
    c.fig('dossiers.late', dossiers.resolved.late, spec('Hồ sơ giải quyết trễ hạn', dSrc, 'number')),
    ' hồ sơ; đang giải quyết ',
    c.fig('dossiers.pending', dossiers.pending.total, spec('Hồ sơ đang giải quyết cuối kỳ', dSrc, 'number')),
    ' hồ sơ, trong đó trong hạn ',
    c.fig('dossiers.pendingWithin', dossiers.pending.withinDeadline, spec('Hồ sơ đang giải quyết trong hạn', dSrc, 'number')),
    ', quá hạn ',
    c.fig('dossiers.pendingOverdue', dossiers.pending.overdue, spec('Hồ sơ đang giải quyết quá hạn', dSrc, 'number')),
    ' hồ sơ.',
  );

  const pSrc = SOURCES.petitions(period.from, period.to);
  c.section('procedures.petitions').heading(3, 'c) Về tiếp nhận và xử lý phản ánh, kiến nghị về TTHC');
  const recv = c.fig('petitions.received', petitions.received, spec('Phản ánh, kiến nghị tiếp nhận', pSrc));
  if (petitions.received === 0 && petitions.answered === 0 && petitions.pendingWithinDeadline + petitions.pendingOverdue === 0) {
    c.p('body', `Trong ${period.name}, các cơ quan, đơn vị trên địa bàn tỉnh chưa nhận được phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính (`, recv, ' phản ánh, kiến nghị).');
  } else {
    c.p(
      'body',
      `Trong ${period.name}, các cơ quan, đơn vị trên địa bàn tỉnh tiếp nhận `,
      recv,
      ' phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính (trực tuyến ',
      c.fig('petitions.receivedOnline', petitions.receivedOnline, spec('Phản ánh, kiến nghị tiếp nhận trực tuyến', pSrc)),
      '); đã trả lời ',
      c.fig('petitions.answered', petitions.answered, spec('Phản ánh, kiến nghị đã trả lời', pSrc)),
      ', trong đó đúng hạn ',
      c.fig('petitions.answeredOnTime', petitions.answeredOnTime, spec('Trả lời đúng hạn', pSrc)),
      '; chuyển cơ quan có thẩm quyền ',
      c.fig('petitions.forwarded', petitions.forwarded, spec('Chuyển cơ quan có thẩm quyền', pSrc)),
      '; đang xử lý ',
      c.fig('petitions.pending', petitions.pendingWithinDeadline + petitions.pendingOverdue, spec('Đang xử lý cuối kỳ', pSrc)),
      ', trong đó quá hạn ',
      c.fig('petitions.pendingOverdue', petitions.pendingOverdue, spec('Đang xử lý quá hạn', pSrc)),
      '.',
    );
  }

  const tc = catalog.timeCuts;
  c.section('procedures.simplification').heading(3, 'd) Về rà soát, đơn giản hóa TTHC');
  c.narrative('simplification');
  c.p(
    'dash',
    'Trong ',
    c.fig('catalog.processesMeasured', tc.measured, spec('Quy trình nội bộ đang áp dụng (tính theo ngày, giờ làm việc)', catSrc, 'number')),
    ' quy trình nội bộ đang áp dụng, có ',
    c.fig('catalog.processesWithCut', tc.withCut, spec('Quy trình cắt giảm thời gian so với quy định', catSrc, 'number')),
    ' quy trình cắt giảm thời gian giải quyết so với quy định, ',
    c.fig('catalog.processesCut30', tc.atLeast30Percent, spec('Quy trình cắt giảm từ 30% trở lên', catSrc, 'number')),
    ' quy trình cắt giảm từ 30% trở lên; tỷ lệ cắt giảm bình quân đạt ',
    c.fig('catalog.averageCut', tc.averageCutPercent, spec('Tỷ lệ cắt giảm bình quân', catSrc, 'percent', CATALOG_FORMULAS.timeCut ?? null)),
    ', cao nhất ',
    c.fig('catalog.maxCut', tc.maxCutPercent, spec('Tỷ lệ cắt giảm cao nhất', catSrc, 'percent')),
    '.',
  );

  c.section('procedures.inspection').heading(3, 'e) Về công tác kiểm tra việc thực hiện công tác kiểm soát TTHC');
  if (inspections) {
    c.p('body', 'Trong kỳ, tỉnh đã kiểm tra ', c.fig('inspections.total', new Set(inspections.inspected.map((i) => i.agencyName)).size, spec('Cơ quan, đơn vị được kiểm tra', inspSrc)), ' cơ quan, đơn vị, trong đó có nội dung kiểm soát TTHC.');
  }
  c.narrative('procedureInspection');

  // 3. Organisation
  const yr = period.year;
  c.section('organisation.structure').heading(2, '3. Cải cách tổ chức bộ máy hành chính nhà nước').heading(3, 'a) Tổ chức bộ máy');
  const schSrc = SOURCES.schemes(period.from, period.to);
  c.p(
    'body',
    'Thực hiện Nghị quyết số 19-NQ/TW, nhằm nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập, tỉnh đã phê duyệt ',
    c.fig('schemes.count', staffing?.schemes.count, spec('Đề án sắp xếp, kiện toàn tổ chức được phê duyệt', schSrc)),
    ' đề án',
    staffing && staffing.schemes.agencies.length > 0 ? ` của các đơn vị trực thuộc: ${staffing.schemes.agencies.join(', ')}` : '',
    '.',
  );
  c.narrative('organisation');

  const qSrc = SOURCES.quotas(yr);
  const q = staffing?.quotas;
  c.section('organisation.quotas').heading(3, `b) Quản lý, sử dụng biên chế công chức, viên chức năm ${yr}`);
  c.p(
    'body',
    `Giao biên chế, số lượng người làm việc năm ${yr}: `,
    c.fig('quotas.civilServant', q?.civilServant, spec('Biên chế công chức', qSrc, 'number')),
    ' biên chế công chức; ',
    c.fig('quotas.publicEmployee', q?.publicEmployee, spec('Biên chế sự nghiệp (số lượng người làm việc)', qSrc, 'number')),
    ' biên chế sự nghiệp; hợp đồng theo Nghị định số 68/2000/NĐ-CP: trong cơ quan hành chính là ',
    c.fig('quotas.contract68Admin', q?.contract68Admin, spec('Hợp đồng 68 trong cơ quan hành chính', qSrc, 'number')),
    ', trong đơn vị sự nghiệp là ',
    c.fig('quotas.contract68ServiceUnit', q?.contract68ServiceUnit, spec('Hợp đồng 68 trong đơn vị sự nghiệp', qSrc, 'number')),
    ', trong các tổ chức hội có tính chất đặc thù là ',
    c.fig('quotas.contract68Association', q?.contract68Association, spec('Hợp đồng 68 trong tổ chức hội đặc thù', qSrc, 'number')),
    '.',
  );

  const chSrc = SOURCES.changes(period.from, period.to);
  const ch = (kind: string) => (staffing ? (staffing.changes[kind] ?? 0) : null);
  c.section('organisation.personnel').heading(3, 'c) Lĩnh vực công chức, viên chức');
  c.p(
    'body',
    `Trong ${period.name}, đã giải quyết nghỉ hưu `,
    c.fig('changes.retirement', ch('retirement'), spec('Nghỉ hưu', chSrc)),
    ' trường hợp; thôi việc ',
    c.fig('changes.resignation', ch('resignation'), spec('Thôi việc', chSrc)),
    ' trường hợp; bổ nhiệm, bổ nhiệm lại ',
    c.fig('changes.appointment', ch('appointment'), spec('Bổ nhiệm, bổ nhiệm lại', chSrc)),
    ' trường hợp; công nhận kết quả tuyển dụng ',
    c.fig('changes.recruitment', ch('recruitment'), spec('Tuyển dụng', chSrc)),
    ' trường hợp; cử dự thi nâng ngạch, thăng hạng ',
    c.fig('changes.promotionExam', ch('promotion_exam'), spec('Cử dự thi nâng ngạch, thăng hạng', chSrc)),
    ' trường hợp.',
  );

  // 4. Civil service
  const s = staffing?.staff;
  const stSrc = SOURCES.staff(s?.asOf ?? null);
  const share = (key: string, part: number | undefined, label: string) =>
    c.fig(key, pctOf(part, s?.total), spec(label, stSrc, 'percent', 'Số người / Tổng số cán bộ, công chức, viên chức × 100'));
  c.section('civilService').heading(2, '4. Cải cách chế độ công vụ');
  c.p(
    'dash',
    'Tổng số cán bộ, công chức, viên chức hiện nay là ',
    c.fig('staff.total', s?.total, spec('Tổng số cán bộ, công chức, viên chức', stSrc, 'number')),
    ' người; trong đó, công chức, viên chức ngành giáo dục và y tế là ',
    c.fig('staff.educationHealth', s?.educationHealth, spec('Công chức, viên chức ngành giáo dục và y tế', stSrc, 'number')),
    ' người, chiếm tỷ lệ ',
    share('staff.educationHealthShare', s?.educationHealth, 'Tỷ lệ ngành giáo dục và y tế'),
    '.',
  );
  c.p(
    'dash',
    'Về trình độ chuyên môn: sau đại học có ',
    c.fig('staff.postgraduate', s?.postgraduate, spec('Trình độ sau đại học', stSrc, 'number')),
    ' người, chiếm tỷ lệ ',
    share('staff.postgraduateShare', s?.postgraduate, 'Tỷ lệ sau đại học'),
    '; đại học có ',
    c.fig('staff.university', s?.university, spec('Trình độ đại học', stSrc, 'number')),
    ' người, chiếm tỷ lệ ',
    share('staff.universityShare', s?.university, 'Tỷ lệ đại học'),
    '; cao đẳng trở xuống có ',
    c.fig('staff.collegeOrBelow', s?.collegeOrBelow, spec('Trình độ cao đẳng trở xuống', stSrc, 'number')),
    ' người, chiếm tỷ lệ ',
    share('staff.collegeOrBelowShare', s?.collegeOrBelow, 'Tỷ lệ cao đẳng trở xuống'),
    '.',
  );
  c.p(
    'dash',
    'Về trình độ lý luận chính trị: cao cấp, cử nhân có ',
    c.fig('staff.theorySenior', s?.theorySenior, spec('Lý luận chính trị cao cấp, cử nhân', stSrc, 'number')),
    ' người, chiếm tỷ lệ ',
    share('staff.theorySeniorShare', s?.theorySenior, 'Tỷ lệ lý luận chính trị cao cấp, cử nhân'),
    '; trung cấp có ',
    c.fig('staff.theoryIntermediate', s?.theoryIntermediate, spec('Lý luận chính trị trung cấp', stSrc, 'number')),
    ' người, chiếm tỷ lệ ',
    share('staff.theoryIntermediateShare', s?.theoryIntermediate, 'Tỷ lệ lý luận chính trị trung cấp'),
    '.',
  );
  c.narrative('civilService');

  // 5. Public finance
  const a = staffing?.autonomy;
  const auSrc = SOURCES.autonomy(period.to);
  c.section('publicFinance').heading(2, '5. Cải cách tài chính công');
  c.narrative('publicFinance');
  c.section('publicFinance.autonomy');
  c.p('body', 'Đến nay, các cơ quan hành chính và đơn vị sự nghiệp công lập thuộc diện bắt buộc trên địa bàn tỉnh thực hiện cơ chế tự chủ như sau:');
  c.p(
    'dash',
    'Cơ quan hành chính: ',
    c.fig('autonomy.bodiesApplying', a?.bodiesApplying, spec('Cơ quan hành chính thuộc diện bắt buộc đã thực hiện tự chủ', auSrc, 'number')),
    ' đơn vị/',
    c.fig('autonomy.bodiesMandatory', a?.bodiesMandatory, spec('Cơ quan hành chính thuộc diện bắt buộc', auSrc, 'number')),
    ' đơn vị. Ngoài ra, có ',
    c.fig('autonomy.bodiesVoluntary', a?.bodiesVoluntary, spec('Đơn vị không thuộc diện bắt buộc đã thực hiện tự chủ', auSrc, 'number')),
    ' đơn vị không thuộc diện bắt buộc đã thực hiện cơ chế tự chủ.',
  );
  c.p(
    'dash',
    'Đơn vị sự nghiệp công lập: ',
    c.fig('autonomy.unitsApplying', a?.unitsApplying, spec('Đơn vị sự nghiệp đã thực hiện tự chủ', auSrc, 'number')),
    ' đơn vị/',
    c.fig('autonomy.unitsMandatory', a?.unitsMandatory, spec('Đơn vị sự nghiệp công lập thuộc diện bắt buộc', auSrc, 'number')),
    ' đơn vị.',
  );
  c.p('plus', 'Tự bảo đảm chi thường xuyên: ', c.fig('autonomy.selfFinancing', a?.selfFinancing, spec('Tự bảo đảm chi thường xuyên', auSrc, 'number')), ' đơn vị.');
  c.p('plus', 'Tự bảo đảm một phần chi thường xuyên: ', c.fig('autonomy.partlySelfFinancing', a?.partlySelfFinancing, spec('Tự bảo đảm một phần chi thường xuyên', auSrc, 'number')), ' đơn vị.');
  c.p('plus', 'Ngân sách nhà nước bảo đảm chi thường xuyên: ', c.fig('autonomy.stateFunded', a?.stateFunded, spec('Ngân sách nhà nước bảo đảm chi thường xuyên', auSrc, 'number')), ' đơn vị.');

  // 6. Digital government
  c.section('digitalGovernment').heading(2, '6. Xây dựng và phát triển Chính phủ điện tử, Chính phủ số');
  if (registry && groups.digital.length > 0) {
    c.p('dash', 'Tỉnh đã ban hành ', c.fig('docs.digital', groups.digital.length, spec('Văn bản về Chính quyền điện tử, chuyển đổi số', regSrc)), ' văn bản về xây dựng Chính quyền điện tử, chuyển đổi số', c.footnote('Văn bản về Chính quyền điện tử, chuyển đổi số', groups.digital), '.');
  }
  c.p(
    'dash',
    'Đã cung cấp ',
    c.fig('catalog.onlineServices', l3 + l4, spec('TTHC cung cấp dịch vụ công trực tuyến (mức độ 3, 4)', catSrc, 'number')),
    ' dịch vụ công trực tuyến một phần và toàn trình; tỷ lệ hồ sơ tiếp nhận trực tuyến đạt ',
    c.fig('dossiers.onlineRate', dossiers.onlineRate, spec('Tỷ lệ hồ sơ tiếp nhận trực tuyến', dSrc, 'percent', 'Hồ sơ tiếp nhận trực tuyến (toàn trình + một phần) / Hồ sơ tiếp nhận mới × 100')),
    '.',
  );
  c.narrative('digitalGovernment');

  // --- III. Assessment
  c.section('assessment.strengths').heading(1, 'III. ĐÁNH GIÁ').heading(2, '1. Ưu điểm').narrative('strengths');
  c.section('assessment.limitations').heading(2, '2. Hạn chế').narrative('limitations');
  const urSrc = SOURCES.unitReports(period.key);
  c.section('assessment.unitReports');
  c.p(
    'dash',
    'Về chế độ báo cáo định kỳ: trong kỳ có ',
    c.fig('unitReports.expected', unitReports?.expected, spec('Báo cáo định kỳ phải gửi', urSrc)),
    ' báo cáo của các sở, ban, ngành tỉnh và UBND cấp huyện phải gửi; đã gửi ',
    c.fig('unitReports.submitted', unitReports?.submitted, spec('Báo cáo đã gửi', urSrc)),
    ' báo cáo (đúng hạn ',
    c.fig('unitReports.onTime', unitReports?.onTime, spec('Báo cáo gửi đúng hạn', urSrc)),
    ', trễ hạn ',
    c.fig('unitReports.late', unitReports?.late, spec('Báo cáo gửi trễ hạn', urSrc)),
    '); chưa gửi ',
    c.fig('unitReports.missing', unitReports?.missing, spec('Báo cáo chưa gửi', urSrc)),
    ' báo cáo.',
  );

  // --- IV. Tasks
  c.section('tasks').heading(1, `IV. PHƯƠNG HƯỚNG, NHIỆM VỤ ${period.nextName.toUpperCase()}`).narrative('tasks');

  const subjectTail = `${period.name} và phương hướng, nhiệm vụ ${period.nextName}`;
  const missingSources = (Object.keys(MISSING_SOURCE_LABELS) as (keyof typeof MISSING_SOURCE_LABELS)[]).filter((k) => inputs[k] === null).map((k) => MISSING_SOURCE_LABELS[k]);
  return {
    period,
    cutOffs,
    header: settings.header,
    numberText: settings.numberText ?? `       /${settings.header.symbol}`,
    placeDate: `${settings.header.place}, ${vnLongDate(settings.reportDate)}`,
    title: 'BÁO CÁO',
    subject: `Kết quả thực hiện công tác cải cách hành chính nhà nước ${subjectTail}`,
    sections: c.sections,
    figures: c.book.all(),
    footnotes: c.footnotes,
    closing: `Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính nhà nước ${subjectTail}./.`,
    missingSources,
  };
}
