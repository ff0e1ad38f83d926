/**
 * The report as a Word document following NĐ 30/2020/NĐ-CP Phụ lục I: A4 portrait, margins top/bottom 20 mm, left
 * 30 mm, right 15 mm; Times New Roman; header blocks (parent body over the bold issuing body with a short rule, the
 * number; the national motto in bold, underlined, and the italic place and date); "BÁO CÁO" and its subject in bold;
 * body 14 pt justified with a 1.27 cm first-line indent, 6 pt between paragraphs, line spacing 1.15; real Word
 * footnotes; page numbers centred in the top margin from page 2; "Nơi nhận" and the signature block.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type IRunOptions,
} from 'docx';
import type { Paragraph as ReportParagraph, ReportDocument } from '../../../shared/schemas/cchc-report';
import { narrativeParagraphs } from './report-narratives';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 1 mm in twentieths of a point (twips). */
const mm = (v: number) => Math.ceil((v * 1440) / 25.4);
export const DOCX_PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
} as const;
const TEXT_WIDTH = DOCX_PAGE.width - DOCX_PAGE.margin.left - DOCX_PAGE.margin.right;
export const FONT = 'Times New Roman';
/** Sizes in points. */
export const SIZES = { body: 14, header: 13, motto: 13, nation: 12, number: 13, placeDate: 14, title: 14, recipientsLabel: 12, recipients: 11, signature: 14, footnote: 10, pageNumber: 13 } as const;
const FIRST_LINE_INDENT = 720; // 1.27 cm
const LINE = 276; // 1.15 lines ("auto" rule: 240 = single)
const SPACING_BEFORE = 120; // 6 pt

const run = (text: string, size: number, options: Omit<IRunOptions, 'text' | 'size' | 'font'> = {}) => new TextRun({ text, font: FONT, size: size * 2, ...options });
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const CELL_NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };

const centred = (children: (TextRun | FootnoteReferenceRun)[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after, line: 240, lineRule: LineRuleType.AUTO }, children });

/** A short centred rule: an empty paragraph with a bottom border, narrowed by indents to `width` twips. */
function rule(cellWidth: number, width: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: CELL_NO_BORDERS, verticalAlign: VerticalAlign.TOP, children });
}

function twoColumns(leftWidth: number, left: Paragraph[], right: Paragraph[]): Table {
  const rightWidth = TEXT_WIDTH - leftWidth;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(leftWidth, left), cell(rightWidth, right)] })],
  });
}

function headerBlocks(doc: ReportDocument): Table {
  const leftWidth = mm(62);
  const h = doc.header;
  return twoColumns(
    leftWidth,
    [
      centred([run(h.parentBody.toUpperCase(), SIZES.header)]),
      centred([run(h.issuingBody.toUpperCase(), SIZES.header, { bold: true })]),
      rule(leftWidth, mm(20)),
      centred([run(`Số: ${doc.numberText}`, SIZES.number)], 0),
    ],
    [
      centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', SIZES.nation, { bold: true })]),
      centred([run('Độc lập - Tự do - Hạnh phúc', SIZES.motto, { bold: true, underline: {} })], 0),
      new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }),
      centred([run(doc.placeDate, SIZES.placeDate, { italics: true })]),
    ],
  );
}

/** A report paragraph: text, figures (plain text in the document) and footnote references. */
function bodyParagraph(p: ReportParagraph): Paragraph {
  const bold = p.style === 'heading1' || p.style === 'heading2' || p.style === 'heading3';
  const italics = p.style === 'heading3';
  const prefix = p.style === 'dash' ? '- ' : p.style === 'plus' ? '+ ' : '';
  const children: (TextRun | FootnoteReferenceRun)[] = [];
  if (prefix) children.push(run(prefix, SIZES.body));
  for (const part of p.parts) {
    if (part.kind === 'footnote') children.push(new FootnoteReferenceRun(part.n));
    else children.push(run(part.text, SIZES.body, { bold, italics }));
  }
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: SPACING_BEFORE, after: 0, line: LINE, lineRule: LineRuleType.AUTO },
    children,
  });
}

function recipientsAndSignature(doc: ReportDocument): Table {
  const h = doc.header;
  const leftWidth = mm(80);
  const entries = [...h.recipients.map((r) => `- ${r.replace(/[.;,\s]+$/, '')};`), `- Lưu: ${h.archive.replace(/[.;,\s]+$/, '')}.`];
  const left = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', SIZES.recipientsLabel, { bold: true, italics: true })] }),
    ...entries.map((e) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(e, SIZES.recipients)] })),
  ];
  const right = [
    ...(h.signerAuthority ? [centred([run(h.signerAuthority.toUpperCase(), SIZES.signature, { bold: true })])] : []),
    centred([run(h.signerTitle.toUpperCase(), SIZES.signature, { bold: true })]),
    ...Array.from({ length: 5 }, () => new Paragraph({ spacing: { before: 0, after: 0 }, children: [] })),
    centred([run(h.signerName, SIZES.signature, { bold: true })]),
  ];
  return twoColumns(leftWidth, left, right);
}

export function buildReportDocx(doc: ReportDocument): Document {
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const f of doc.footnotes) {
    footnotes[String(f.n)] = {
      children: [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 0, after: 0 }, children: [run(f.text, SIZES.footnote)] })],
    };
  }
  const body: (Paragraph | Table)[] = [
    headerBlocks(doc),
    centred([run(doc.title, SIZES.title, { bold: true })]),
    centred([run(doc.subject, SIZES.title, { bold: true })]),
    rule(TEXT_WIDTH, mm(40)),
  ];
  // The title sits one blank line below the header blocks.
  body.splice(1, 0, new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }));
  for (const section of doc.sections) {
    for (const p of section.paragraphs) body.push(bodyParagraph(p));
    if (section.narrative) {
      for (const line of narrativeParagraphs(section.narrative.text)) body.push(bodyParagraph(line));
    }
  }
  body.push(bodyParagraph({ style: 'body', parts: [{ kind: 'text', text: doc.closing }] }));
  body.push(new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }));
  body.push(recipientsAndSignature(doc));

  return new Document({
    creator: doc.header.issuingBody,
    title: `${doc.title} ${doc.subject}`,
    styles: { default: { document: { run: { font: FONT, size: SIZES.body * 2 } } } },
    footnotes,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: DOCX_PAGE.margin,
          },
        },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZES.pageNumber * 2 })] })] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: body,
      },
    ],
  });
}

export async function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocx(doc));
}
