/**
 * Statistical tables as Excel workbooks: a title, the period and filters written above the table, a header of up to
 * three levels (merged like the printed forms), optional column numbers "(1) (2) …", data rows, a total row and notes
 * under the table. Times New Roman, as official documents are.
 */
import ExcelJS from 'exceljs';

export interface XlsxColumn<T> {
  /** Header path from the top level down, e.g. ['Số lượng hồ sơ tiếp nhận', 'Trong kỳ', 'Trực tiếp']. */
  header: string[];
  width?: number;
  /** Excel number format, e.g. '0.0' for rates. */
  numFmt?: string;
  value: (row: T, index: number) => string | number | null;
}

export interface XlsxSheet<T> {
  name: string;
  title: string;
  /** Written under the title: form number, period, scope, filters. */
  lines: string[];
  columns: XlsxColumn<T>[];
  rows: T[];
  /** Section headings inserted before the row with that index (Biểu 07b parts I and II). */
  sections?: { before: number; title: string }[];
  total?: T;
  /** "(1)", "(2)", "(3)=(4)+…" under the header, as on the statutory forms. */
  columnNumbers?: string[];
  notes?: string[];
}

const FONT = { name: 'Times New Roman', size: 12 } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

function addSheet<T>(workbook: ExcelJS.Workbook, spec: XlsxSheet<T>) {
  const sheet = workbook.addWorksheet(spec.name.slice(0, 31), { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const lastCol = spec.columns.length;
  let r = 1;
  const across = (text: string, style: Partial<ExcelJS.Font> = {}, align: 'center' | 'left' = 'center') => {
    sheet.mergeCells(r, 1, r, lastCol);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    cell.font = { ...FONT, ...style };
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
    r++;
  };
  across(spec.title, { bold: true, size: 14 });
  for (const line of spec.lines) across(line, { italic: true });
  r++;

  // Header: each level is a row; equal labels side by side merge across, a path that ends early merges down.
  const depth = Math.max(...spec.columns.map((c) => c.header.length));
  const top = r;
  for (let level = 0; level < depth; level++) {
    for (let c = 0; c < lastCol; c++) {
      const path = spec.columns[c]!.header;
      if (level >= path.length) continue;
      const label = path[level]!;
      const prefix = path.slice(0, level + 1).join('\u0000');
      const prevSame = c > 0 && spec.columns[c - 1]!.header.length > level && spec.columns[c - 1]!.header.slice(0, level + 1).join('\u0000') === prefix;
      if (prevSame) continue;
      let end = c;
      while (end + 1 < lastCol && spec.columns[end + 1]!.header.length > level && spec.columns[end + 1]!.header.slice(0, level + 1).join('\u0000') === prefix) end++;
      const bottom = level === path.length - 1 ? top + depth - 1 : top + level;
      if (end > c || bottom > top + level) sheet.mergeCells(top + level, c + 1, bottom, end + 1);
      sheet.getCell(top + level, c + 1).value = label;
    }
  }
  for (let level = 0; level < depth; level++) {
    for (let c = 1; c <= lastCol; c++) {
      const cell = sheet.getCell(top + level, c);
      cell.font = { ...FONT, bold: true, size: 11 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    }
  }
  r = top + depth;
  if (spec.columnNumbers) {
    spec.columnNumbers.forEach((n, i) => {
      const cell = sheet.getCell(r, i + 1);
      cell.value = n;
      cell.font = { ...FONT, italic: true, size: 10 };
      cell.alignment = { horizontal: 'center' };
      cell.border = BORDER;
    });
    r++;
  }
  spec.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width ?? 12));
  sheet.views = [{ state: 'frozen', ySplit: r - 1 }];

  const write = (row: T, index: number, bold: boolean) => {
    spec.columns.forEach((c, i) => {
      const cell = sheet.getCell(r, i + 1);
      const v = c.value(row, index);
      cell.value = v;
      if (c.numFmt && typeof v === 'number') cell.numFmt = c.numFmt;
      cell.font = { ...FONT, size: 11, bold };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: typeof v === 'number' ? 'right' : 'left' };
      cell.border = BORDER;
    });
    r++;
  };
  spec.rows.forEach((row, i) => {
    for (const s of spec.sections ?? []) {
      if (s.before !== i) continue;
      sheet.mergeCells(r, 1, r, lastCol);
      const cell = sheet.getCell(r, 1);
      cell.value = s.title;
      cell.font = { ...FONT, bold: true, size: 11 };
      cell.border = BORDER;
      r++;
    }
    write(row, i, false);
  });
  for (const s of spec.sections ?? []) {
    if (s.before < spec.rows.length) continue;
    sheet.mergeCells(r, 1, r, lastCol);
    sheet.getCell(r, 1).value = s.title;
    sheet.getCell(r, 1).font = { ...FONT, bold: true, size: 11 };
    r++;
  }
  if (spec.total) write(spec.total, -1, true);
  if (spec.notes?.length) {
    r++;
    for (const note of spec.notes) across(note, { size: 11 }, 'left');
  }
}

/** A sheet of any row type, ready to be added to a workbook. */
export interface SheetBox {
  name: string;
  add(workbook: ExcelJS.Workbook): void;
}

export function sheet<T>(spec: XlsxSheet<T>): SheetBox {
  return { name: spec.name, add: (workbook) => addSheet(workbook, spec) };
}

export async function workbookOf(sheets: SheetBox[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MotCua';
  for (const s of sheets) s.add(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
