/**
 * Building blocks of the printed forms: page geometry per paper size, the national heading (NĐ 30/2020 Phụ lục I),
 * titles, labelled lines, tables and signature blocks. Every template composes these, so the two sets look alike.
 */
import type { Column, Content, ContentTable, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { FormAgency, FormDescriptor, FormSigner } from '../../../../shared/schemas/forms';
import { BLANK, placeDate } from '../form-text';

export interface PageGeometry {
  pageSize: 'A4' | 'A5';
  pageOrientation: 'portrait' | 'landscape';
  /** [left, top, right, bottom] in points. */
  pageMargins: [number, number, number, number];
  /** Width between the margins, in points. */
  contentWidth: number;
  /** Body text size; titles derive from it. */
  fontSize: number;
  /**
   * Size of the national heading. NĐ 30/2020 asks 12–13 pt Times New Roman; Noto Serif is about 15% wider, so the
   * same line lengths need a smaller size to keep "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line.
   */
  headingSize: number;
}

const MM = 72 / 25.4;
const PAPER = { A4: [595.28, 841.89], A5: [419.53, 595.28] } as const;

/** Margins follow NĐ 30/2020 on A4 portrait (left 30 mm, right 15 mm, top and bottom 20 mm), narrower on A5. */
export function pageGeometry(form: Pick<FormDescriptor, 'pageSize' | 'orientation'>): PageGeometry {
  const [w, h] = PAPER[form.pageSize];
  const width = form.orientation === 'landscape' ? h : w;
  let margins: [number, number, number, number];
  let fontSize: number;
  let headingSize: number;
  if (form.pageSize === 'A5') {
    margins = [12 * MM, 10 * MM, 10 * MM, 10 * MM];
    fontSize = 8;
    headingSize = 7.5;
  } else if (form.orientation === 'landscape') {
    margins = [15 * MM, 12 * MM, 12 * MM, 12 * MM];
    fontSize = 7.5;
    headingSize = 9;
  } else {
    margins = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
    fontSize = 11;
    headingSize = 10;
  }
  return {
    pageSize: form.pageSize,
    pageOrientation: form.orientation,
    pageMargins: margins,
    contentWidth: width - margins[0] - margins[2],
    fontSize,
    headingSize,
  };
}

/** A short centred rule of `length` points inside a column `width` points wide. */
function rule(width: number, length: number): Content {
  const x1 = Math.max(0, (width - length) / 2);
  return { canvas: [{ type: 'line', x1, y1: 0, x2: x1 + length, y2: 0, lineWidth: 0.6 }], margin: [0, 1, 0, 2] };
}

export interface HeadingOptions {
  /** "BỘ PHẬN MỘT CỬA" printed under the agency on desk forms. */
  deskName?: string | null;
  documentNumber?: string | null;
  /** Place-and-date line under the motto; omitted when undefined. */
  dated?: Date;
}

/**
 * The heading: parent body and issuing body at the left with a short rule under them, the national title and
 * motto (underlined full length) at the right, then "Số: …" at the left and the italic place-and-date at the right.
 */
export function nationalHeading(g: PageGeometry, agency: FormAgency, options: HeadingOptions = {}): Content {
  const leftWidth = g.contentWidth * 0.44;
  const rightWidth = g.contentWidth - leftWidth;
  const size = g.headingSize;
  const left: Content[] = [];
  if (agency.parentName) left.push({ text: agency.parentName.toLocaleUpperCase('vi') });
  left.push({ text: agency.name.toLocaleUpperCase('vi'), bold: true });
  if (options.deskName) left.push({ text: options.deskName.toLocaleUpperCase('vi'), bold: true });
  left.push(rule(leftWidth, leftWidth * 0.4));
  if (options.documentNumber) left.push({ text: `Số: ${options.documentNumber}`, fontSize: size + 0.5, margin: [0, 2, 0, 0] });
  const right: Content[] = [
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
    { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: size + 0.5, decoration: 'underline' },
  ];
  if (options.dated) right.push({ text: placeDate(agency.place, options.dated), italics: true, fontSize: size + 0.5, margin: [0, 6, 0, 0] });
  return {
    columns: [
      { width: leftWidth, stack: left, alignment: 'center' },
      { width: rightWidth, stack: right, alignment: 'center' },
    ],
    columnGap: 0,
    fontSize: size,
    lineHeight: 1.1,
  };
}

/** "Mẫu số 01" with the circular it comes from, small and right-aligned above the heading. */
export function formNumberLine(g: PageGeometry, form: FormDescriptor): Content {
  const circular = form.set === '2018' ? 'Thông tư số 01/2018/TT-VPCP' : 'Thông tư số 03/2025/TT-VPCP';
  return {
    text: [{ text: `Mẫu số ${form.formNo}`, bold: true }, { text: ` (${circular})`, italics: true }],
    fontSize: Math.max(g.fontSize - 2, 7),
    alignment: 'right',
    margin: [0, 0, 0, 4],
  };
}

export function title(g: PageGeometry, text: string, subtitle?: string | null): Content {
  const stack: Content[] = [{ text: text.toLocaleUpperCase('vi'), bold: true, fontSize: g.fontSize + 2 }];
  if (subtitle) stack.push({ text: subtitle, bold: true, fontSize: g.fontSize, margin: [0, 2, 0, 0] });
  return { stack, alignment: 'center', margin: [0, g.fontSize * 1.2, 0, g.fontSize * 0.8] };
}

/** "Label: value", with a dotted leader when the value is missing. */
export function labelled(label: string, value: string | null | undefined, options: { boldValue?: boolean } = {}): Content {
  return { text: [`${label}: `, { text: value || BLANK, bold: !!value && options.boldValue }], margin: [0, 1, 0, 1] };
}

/** Several "Label: value" pairs on one line. */
export function labelledRow(pairs: [string, string | null | undefined][]): Content {
  const text = pairs.flatMap(([label, value], i) => [i > 0 ? `;  ${label}: ` : `${label}: `, value || BLANK]);
  return { text, margin: [0, 1, 0, 1] };
}

export function paragraph(text: Content, options: { indent?: boolean } = {}): Content {
  const content = typeof text === 'string' ? { text } : text;
  return { ...(content as object), alignment: 'justify', margin: [0, 2, 0, 2], leadingIndent: options.indent ? 18 : 0 } as Content;
}

/** A bordered table with a bold, centred header row that repeats on each page. */
export function grid(g: PageGeometry, header: TableCell[][], rows: TableCell[][], widths: (number | string)[]): ContentTable {
  return {
    table: {
      headerRows: header.length,
      widths,
      dontBreakRows: true,
      body: [
        ...header.map((row) => row.map((cell) => (typeof cell === 'object' && cell && 'text' in cell ? cell : { text: cell as string, bold: true, alignment: 'center' as const }))),
        ...rows,
      ],
    },
    layout: { paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => (g.pageSize === 'A5' ? 1 : 2), paddingBottom: () => (g.pageSize === 'A5' ? 1 : 2) },
    fontSize: g.fontSize - 1,
    margin: [0, 3, 0, 5],
  };
}

export interface SignatureBlock extends FormSigner {
  /** e.g. "(Ký và ghi rõ họ tên)" or "(Ký, ghi rõ họ tên và đóng dấu)". */
  hint?: string;
}

/** Signature columns side by side: title, hint, room to sign, name. */
export function signatures(g: PageGeometry, blocks: SignatureBlock[], options: { leftNote?: Content } = {}): Content {
  const columns: Column[] = [];
  if (options.leftNote) columns.push({ width: '*', stack: [options.leftNote] });
  for (const b of blocks) {
    columns.push({
      width: '*',
      alignment: 'center',
      stack: [
        { text: b.title.toLocaleUpperCase('vi'), bold: true },
        { text: b.hint ?? '(Ký và ghi rõ họ tên)', italics: true, fontSize: g.fontSize - 1 },
        { text: ' ', margin: [0, 0, 0, g.fontSize * (g.pageSize === 'A5' ? 2.4 : 3.2)] },
        { text: b.name ?? '', bold: true },
      ],
    });
  }
  return { columns, columnGap: 8, margin: [0, g.fontSize * (g.pageSize === 'A5' ? 0.5 : 1), 0, 0], unbreakable: true };
}

/** "Nơi nhận:" block at the bottom left of letters (NĐ 30/2020): entries 1 pt smaller, the last "- Lưu: VT." */
export function recipientsNote(g: PageGeometry, recipients: string[]): Content {
  const entries = [...recipients.map((r) => `- ${r};`), '- Lưu: VT.'];
  return {
    stack: [{ text: 'Nơi nhận:', bold: true, italics: true, fontSize: g.fontSize - 0.5 }, ...entries.map((e) => ({ text: e, fontSize: g.fontSize - 2 }))],
  };
}

/** The document definition around a form's content: paper, margins, font and PDF metadata. */
export function formDocument(
  g: PageGeometry,
  form: FormDescriptor,
  subject: string,
  content: Content[],
  options: { note?: string } = {},
): TDocumentDefinitions {
  const [left, , right] = g.pageMargins;
  return {
    pageSize: g.pageSize,
    pageOrientation: g.pageOrientation,
    pageMargins: g.pageMargins,
    info: { title: `${form.title} (Mẫu số ${form.formNo})`, subject, creator: 'MotCua', producer: 'MotCua' },
    language: 'vi-VN',
    defaultStyle: { fontSize: g.fontSize, lineHeight: g.pageSize === 'A5' ? 1.05 : 1.15 },
    content,
    // NĐ 30/2020: page numbers centred in the top margin, none on the first page.
    header: (currentPage: number) =>
      currentPage > 1 ? { text: String(currentPage), alignment: 'center', fontSize: g.fontSize, margin: [0, g.pageMargins[1] / 2, 0, 0] } : null,
    // A note for the holder, in the bottom margin of the first page so it never pushes the signatures over.
    footer: (currentPage: number) =>
      currentPage === 1 && options.note ? { text: options.note, italics: true, fontSize: g.fontSize - 2, margin: [left, 4, right, 0] } : null,
  } as TDocumentDefinitions;
}
