import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TRACKING_BOOK_XLSX_LAYOUT as L, exportTrackingBookXlsx } from './tracking-book-xlsx';
import { sampleForms } from './sample-form-data';

async function open(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('exportTrackingBookXlsx', () => {
  const book = sampleForms({ receivedOn: '2021-03-05' }).trackingBook;

  it('writes the period and the agency above a table with Vietnamese headers, one row per dossier', async () => {
    const sheet = await open(await exportTrackingBookXlsx('2018', book));
    expect(sheet.name).toBe('Sổ theo dõi hồ sơ');
    expect(sheet.getCell(L.titleRow, 1).text).toBe('SỔ THEO DÕI HỒ SƠ (Mẫu số 06)');
    expect(sheet.getCell(L.agencyRow, 1).text).toBe('Cơ quan: Sở Tài nguyên và Môi trường - UBND tỉnh Hậu Giang');
    expect(sheet.getCell(L.periodRow, 1).text).toContain('Từ ngày 01/03/2021 đến ngày 05/03/2021');
    expect(sheet.getCell(L.periodRow, 1).text).toContain('Số hồ sơ: 2');

    const headers = sheet.getRow(L.groupHeaderRow).values as unknown[];
    expect(headers).toEqual(expect.arrayContaining(['TT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Tên cá nhân, tổ chức', 'Ngày, tháng, năm', 'Người nhận kết quả']));
    const dated = (sheet.getRow(L.headerRow).values as unknown[]).filter(Boolean);
    expect(dated).toEqual(expect.arrayContaining(['Nhận hồ sơ', 'Hẹn trả kết quả', 'Trả kết quả cho cá nhân, tổ chức']));
    expect(sheet.getCell(L.groupHeaderRow, 8).isMerged).toBe(true);

    const first = sheet.getRow(L.firstDataRow);
    const second = sheet.getRow(L.firstDataRow + 1);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe(book.rows[0]!.code);
    expect(first.getCell(5).value).toBe('Nguyễn Thị Hồng Nhung');
    expect(second.getCell(2).value).toBe(book.rows[1]!.code);
    expect(second.getCell(5).value).toBe('Công ty TNHH Phát Đạt');
    expect(sheet.getRow(L.firstDataRow + 2).getCell(2).value ?? null).toBeNull();
  });

  it('stores times as dates showing the Vietnamese wall clock (08:15 on 05/03/2021)', async () => {
    const sheet = await open(await exportTrackingBookXlsx('2018', book));
    const received = sheet.getRow(L.firstDataRow).getCell(8);
    expect(received.value).toBeInstanceOf(Date);
    expect((received.value as Date).toISOString()).toBe('2021-03-05T08:15:00.000Z');
    expect(received.numFmt).toBe('hh:mm dd/mm/yyyy');
    expect(sheet.getRow(L.firstDataRow + 1).getCell(12).value ?? null).toBeNull();
  });

  it('numbers the book as the set does (Mẫu số 07 in the 2025 set)', async () => {
    const sheet = await open(await exportTrackingBookXlsx('2025', { ...book, rows: [] }));
    expect(sheet.getCell(L.titleRow, 1).text).toBe('SỔ THEO DÕI HỒ SƠ (Mẫu số 07)');
    expect(sheet.getCell(L.periodRow, 1).text).toContain('Số hồ sơ: 0');
  });
});
