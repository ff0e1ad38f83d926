import { describe, expect, it } from 'vitest';
import { formatVnCount, formatVnNumber, resolveReportPeriod } from './cchc-report';

describe('report periods', () => {
  it('uses the 581/BNV-CCHC cut-offs and names the next period', () => {
    expect(resolveReportPeriod('2021-H1')).toEqual({ key: '2021-H1', from: '2020-12-15', to: '2021-06-14', name: '6 tháng đầu năm 2021', nextName: '6 tháng cuối năm 2021', year: 2021 });
    expect(resolveReportPeriod('2021-Q1')).toMatchObject({ from: '2020-12-15', to: '2021-03-14', name: 'quý I năm 2021', nextName: 'quý II năm 2021' });
    expect(resolveReportPeriod('2021-Q3')).toMatchObject({ from: '2021-06-15', to: '2021-09-14', name: 'quý III năm 2021', nextName: 'quý IV năm 2021' });
    expect(resolveReportPeriod('2021-Y')).toMatchObject({ from: '2020-12-15', to: '2021-12-14', name: 'năm 2021', nextName: 'năm 2022' });
  });

  it('takes custom dates and refuses anything else', () => {
    expect(resolveReportPeriod('custom', { from: '2021-01-01', to: '2021-06-18' })).toMatchObject({ from: '2021-01-01', to: '2021-06-18', name: 'từ ngày 01/01/2021 đến ngày 18/06/2021', year: 2021 });
    expect(() => resolveReportPeriod('2021-H3')).toThrow(/Kỳ báo cáo/);
    expect(() => resolveReportPeriod('custom', { from: '2021-06-18', to: '2021-01-01' })).toThrow();
  });
});

describe('numbers in the report', () => {
  it('formats as vi-VN, small counts with two digits', () => {
    expect(formatVnNumber(89672)).toBe('89.672');
    expect(formatVnNumber(67.49)).toBe('67,5');
    expect(formatVnCount(8)).toBe('08');
    expect(formatVnCount(0)).toBe('0');
    expect(formatVnCount(1895)).toBe('1.895');
  });
});
