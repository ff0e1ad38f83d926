import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_COLUMNS, cell, columnLetter, joinParts, readCsv, text, writeCsv } from './catalog-file';

describe('catalog file format', () => {
  it('documents every column in docs/catalog-import.md with its letter', () => {
    const doc = readFileSync(new URL('../../../../docs/catalog-import.md', import.meta.url), 'utf8');
    CATALOG_COLUMNS.forEach((c, i) => expect(doc, c.header).toContain(`| ${columnLetter(i)} | ${c.header} |`));
  });

  it('reads back what it writes, quotes, line breaks and semicolons included', () => {
    const rows = [['Mã thủ tục', 'Trình tự'], ['1.000948.H38', 'Bước 1: nộp hồ sơ; "đủ"\nBước 2, trả kết quả']];
    expect(readCsv(writeCsv(rows))).toEqual(rows);
  });

  it('writes cells that parse back to the same values', () => {
    expect(cell.money(text.money(1500000))).toEqual({ ok: true, value: 1500000 });
    expect(cell.number(text.number(0.5), 'Thời hạn')).toEqual({ ok: true, value: 0.5 });
    expect(cell.date(text.date('2021-07-01'), 'Ngày')).toEqual({ ok: true, value: '2021-07-01' });
    expect(cell.level(text.level('district'))).toEqual({ ok: true, value: 'district' });
    expect(cell.unit(text.unit('calendar_days'))).toEqual({ ok: true, value: 'calendar_days' });
    expect(cell.methods(text.methods(['in_person', 'post']))).toEqual({ ok: true, value: ['in_person', 'post'] });
    expect(joinParts(['Giấy chứng sinh', 1, 0, null, null])).toBe('Giấy chứng sinh | 1 | 0');
  });

  it('accepts the ways officers write values, ignoring case and diacritics', () => {
    expect(cell.level('cấp HUYỆN')).toEqual({ ok: true, value: 'district' });
    expect(cell.yesNo('x')).toEqual({ ok: true, value: true });
    expect(cell.money('75.000 đ')).toEqual({ ok: true, value: 75000 });
    expect(cell.date('44378', 'Ngày')).toEqual({ ok: true, value: '2021-07-01' });
    expect(cell.scope('toan trinh')).toEqual({ ok: true, value: 'full' });
    expect(cell.date('31/02/2021', 'Ngày có hiệu lực')).toEqual({ ok: false, message: 'Ngày có hiệu lực «31/02/2021» không phải ngày có thật' });
    expect(cell.money('1,5 triệu').ok).toBe(false);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB']);
  });
});
