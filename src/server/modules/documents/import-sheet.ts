/**
 * Reading an import sheet of the reform records (document registry, staffing): finds the columns by their
 * Vietnamese headers (diacritics and case ignored), returns each data row by column key, and collects problems as a
 * row/column report. Any problem rejects the whole file (IMPORT_REJECTED, 422) and nothing is written, as the catalog
 * import does; the file formats are those of catalog-file.ts (XLSX first sheet, or CSV with ',' or ';').
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { foldVietnamese } from '../../../shared/text';
import type { ImportIssue } from '../../../shared/schemas/catalog';
import { MAX_IMPORT_ROWS, columnLetter, readCsv, readXlsx } from '../catalog/catalog-file';

export interface SheetColumn<K extends string> {
  key: K;
  header: string;
  required: boolean;
}

export interface SheetRow<K extends string> {
  row: number;
  cells: Record<K, string>;
}

export class ImportReport<K extends string> {
  issues: ImportIssue[] = [];
  constructor(
    private readonly columns: readonly SheetColumn<K>[],
    private readonly positions: Map<K, number>,
  ) {}
  add(row: number, key: K | null, message: string) {
    const index = key ? this.positions.get(key) : undefined;
    this.issues.push({
      row,
      column: index === undefined ? null : columnLetter(index),
      header: key ? (this.columns.find((c) => c.key === key)?.header ?? null) : null,
      message,
    });
  }
}

export function rejectImport(issues: ImportIssue[], rows: number): never {
  const sorted = [...issues].sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
  throw new AppError('IMPORT_REJECTED', {
    message: `Tệp nhập có ${sorted.length} lỗi, không có dữ liệu nào được ghi`,
    details: { rows, errors: sorted, lines: sorted.map((i) => `Dòng ${i.row}${i.header ? `, cột ${i.column ? `${i.column} ` : ''}«${i.header}»` : ''}: ${i.message}`) },
  });
}

/** Reads the sheet; missing required headers or unreadable files reject at once. Empty rows are skipped. */
export async function readImportSheet<K extends string>(file: Buffer, format: 'xlsx' | 'csv', columns: readonly SheetColumn<K>[]) {
  let grid: string[][];
  try {
    grid = format === 'xlsx' ? await readXlsx(file) : readCsv(file);
  } catch {
    throw new AppError('IMPORT_REJECTED', {
      message: 'Không đọc được tệp; hãy lưu lại dưới dạng .xlsx hoặc .csv (UTF-8)',
      details: { rows: 0, errors: [{ row: 0, column: null, header: null, message: 'Tệp hỏng hoặc sai định dạng' }] },
    });
  }
  const header = (grid[0] ?? []).map((h) => foldVietnamese(h));
  const positions = new Map<K, number>();
  for (const c of columns) {
    const at = header.indexOf(foldVietnamese(c.header));
    if (at >= 0) positions.set(c.key, at);
  }
  const report = new ImportReport(columns, positions);
  const missing = columns.filter((c) => c.required && !positions.has(c.key));
  if (missing.length > 0) {
    rejectImport(missing.map((c) => ({ row: 1, column: null, header: c.header, message: `Thiếu cột «${c.header}»` })), 0);
  }
  const rows: SheetRow<K>[] = [];
  for (let i = 1; i < grid.length; i++) {
    const line = grid[i] ?? [];
    if (line.every((v) => (v ?? '').trim() === '')) continue;
    const cells = {} as Record<K, string>;
    for (const c of columns) {
      const at = positions.get(c.key);
      cells[c.key] = at === undefined ? '' : (line[at] ?? '').normalize('NFC').trim();
    }
    rows.push({ row: i + 1, cells });
  }
  if (rows.length > MAX_IMPORT_ROWS) rejectImport([{ row: 0, column: null, header: null, message: `Tệp có quá ${MAX_IMPORT_ROWS} dòng; hãy chia nhỏ` }], rows.length);
  for (const r of rows) for (const c of columns) if (c.required && r.cells[c.key] === '') report.add(r.row, c.key, 'Không được để trống');
  return { rows, report };
}

/** Detects the format from the content type, the file name or the ZIP signature of XLSX. */
export function importFormat(explicit: 'xlsx' | 'csv' | undefined, contentType: string, fileName: string, file: Buffer): 'xlsx' | 'csv' {
  if (explicit) return explicit;
  return contentType.includes('spreadsheetml') || /\.xlsx$/i.test(fileName) || file.subarray(0, 2).toString() === 'PK' ? 'xlsx' : 'csv';
}

/** One-sheet XLSX with the import's headers, all cells as text, so an export can be edited and imported back. */
export async function writeImportSheet(sheetName: string, columns: readonly SheetColumn<string>[], rows: string[][], wide: readonly string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MotCua';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(columns.map((c) => c.header));
  for (const r of rows) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = wide.includes(c.key) ? 70 : 20;
    col.alignment = { wrapText: true, vertical: 'top' };
    col.numFmt = '@';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
