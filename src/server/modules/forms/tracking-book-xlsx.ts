/** Sổ theo dõi hồ sơ as an Excel workbook: period and agency above the table, Vietnamese headers, real dates. */
import ExcelJS from 'exceljs';
import { FormDataSchemas, type FormDataOf, type FormSet, findFormByKind } from '../../../shared/schemas/forms';
import { VN_UTC_OFFSET_MINUTES } from '../../../shared/calendar';
import { DATE_GROUP_HEADER, TRACKING_BOOK_COLUMNS, periodText } from './templates/tracking-book';
import { shortDate } from './form-text';

/** Excel has no time zones: a cell shows the UTC reading of a date, so shift instants to the Vietnamese wall clock. */
function wallClock(instant: Date): Date {
  return new Date(instant.getTime() + VN_UTC_OFFSET_MINUTES * 60_000);
}

/** Row numbers of the layout, exported for tests and readers. */
export const TRACKING_BOOK_XLSX_LAYOUT = { titleRow: 1, agencyRow: 2, periodRow: 3, groupHeaderRow: 5, headerRow: 6, firstDataRow: 7 } as const;

export async function exportTrackingBookXlsx(set: FormSet, input: FormDataOf<'tracking_book'>): Promise<Buffer> {
  const data = FormDataSchemas.tracking_book.parse(input);
  const form = findFormByKind(set, 'tracking_book')!;
  const L = TRACKING_BOOK_XLSX_LAYOUT;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MotCua';
  workbook.created = data.issuedAt;
  const sheet = workbook.addWorksheet('Sổ theo dõi hồ sơ', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: L.headerRow }],
  });
  const lastCol = TRACKING_BOOK_COLUMNS.length;
  const font = { name: 'Times New Roman', size: 12 };
  const across = (row: number, text: string, style: Partial<ExcelJS.Font> = {}) => {
    sheet.mergeCells(row, 1, row, lastCol);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { ...font, ...style };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  across(L.titleRow, `SỔ THEO DÕI HỒ SƠ (Mẫu số ${form.formNo})`, { bold: true, size: 14 });
  across(L.agencyRow, `Cơ quan: ${[data.agency.name, data.agency.parentName].filter(Boolean).join(' - ')}`, { bold: true });
  across(L.periodRow, `${periodText(data.period)}. Số hồ sơ: ${data.rows.length}. Lập ngày ${shortDate(data.issuedAt)}.`, { italic: true });

  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  const headerStyle = (cell: ExcelJS.Cell) => {
    cell.font = { ...font, bold: true, size: 11 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  };
  const firstDated = TRACKING_BOOK_COLUMNS.findIndex((c) => c.dated) + 1;
  const lastDated = firstDated + TRACKING_BOOK_COLUMNS.filter((c) => c.dated).length - 1;
  TRACKING_BOOK_COLUMNS.forEach((c, i) => {
    const col = i + 1;
    sheet.getColumn(col).width = c.width;
    if (c.dated) {
      sheet.getCell(L.headerRow, col).value = c.header;
    } else {
      sheet.mergeCells(L.groupHeaderRow, col, L.headerRow, col);
      sheet.getCell(L.groupHeaderRow, col).value = c.header;
    }
    headerStyle(sheet.getCell(L.groupHeaderRow, col));
    headerStyle(sheet.getCell(L.headerRow, col));
  });
  sheet.mergeCells(L.groupHeaderRow, firstDated, L.groupHeaderRow, lastDated);
  sheet.getCell(L.groupHeaderRow, firstDated).value = DATE_GROUP_HEADER;
  sheet.getRow(L.headerRow).height = 48;

  data.rows.forEach((r, i) => {
    const row = sheet.getRow(L.firstDataRow + i);
    TRACKING_BOOK_COLUMNS.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      const v = c.value(r, i);
      if (v instanceof Date) {
        cell.value = wallClock(v);
        cell.numFmt = 'hh:mm dd/mm/yyyy';
      } else {
        cell.value = v;
      }
      cell.font = { ...font, size: 11 };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: typeof v === 'number' || v instanceof Date ? 'center' : 'left' };
      cell.border = border;
    });
  });
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
