import { describe, expect, it } from 'vitest';
import { PeriodError, monthsOf, periodLength, previousPeriod, resolvePeriod, splitByMonths, type PeriodSpec } from './periods';

const dates = (spec: PeriodSpec) => {
  const p = resolvePeriod(spec);
  return [p.from, p.to];
};

function periodError(spec: PeriodSpec): PeriodError {
  try {
    resolvePeriod(spec);
  } catch (err) {
    expect(err).toBeInstanceOf(PeriodError);
    return err as PeriodError;
  }
  throw new Error('expected a PeriodError');
}

describe('calendar presets', () => {
  it('gives whole months, with February of leap and common years', () => {
    expect(dates({ preset: 'month', year: 2021, month: 2 })).toEqual(['2021-02-01', '2021-02-28']);
    expect(dates({ preset: 'month', year: 2024, month: 2 })).toEqual(['2024-02-01', '2024-02-29']);
    expect(dates({ preset: 'month', year: 2021, month: 12 })).toEqual(['2021-12-01', '2021-12-31']);
    expect(resolvePeriod({ preset: 'month', year: 2021, month: 6 }).label).toBe('Tháng 6/2021 (từ 01/06/2021 đến 30/06/2021)');
  });

  it('gives quarters, halves and years', () => {
    expect(dates({ preset: 'quarter', year: 2021, quarter: 1 })).toEqual(['2021-01-01', '2021-03-31']);
    expect(dates({ preset: 'quarter', year: 2021, quarter: 2 })).toEqual(['2021-04-01', '2021-06-30']);
    expect(dates({ preset: 'quarter', year: 2021, quarter: 4 })).toEqual(['2021-10-01', '2021-12-31']);
    expect(resolvePeriod({ preset: 'quarter', year: 2021, quarter: 3 }).label).toMatch(/^Quý III năm 2021/);
    expect(dates({ preset: 'half_year', year: 2021, half: 1 })).toEqual(['2021-01-01', '2021-06-30']);
    expect(dates({ preset: 'half_year', year: 2021, half: 2 })).toEqual(['2021-07-01', '2021-12-31']);
    expect(dates({ preset: 'year', year: 2026 })).toEqual(['2026-01-01', '2026-12-31']);
  });

  it('refuses missing or impossible parts with the field at fault', () => {
    expect(periodError({ preset: 'month', year: 2021, month: 13 }).field).toBe('month');
    expect(periodError({ preset: 'month', month: 3 }).field).toBe('year');
    expect(periodError({ preset: 'quarter', year: 2021, quarter: 5 }).field).toBe('quarter');
    expect(periodError({ preset: 'half_year', year: 2021 }).field).toBe('half');
    expect(periodError({ preset: 'year', year: 1999 }).field).toBe('year');
  });
});

describe('reform-report cut-offs (581/BNV-CCHC)', () => {
  it('start on 15 December of the year before and end on the 14th', () => {
    expect(dates({ preset: 'reform_q1', year: 2021 })).toEqual(['2020-12-15', '2021-03-14']);
    expect(dates({ preset: 'reform_h1', year: 2021 })).toEqual(['2020-12-15', '2021-06-14']);
    expect(dates({ preset: 'reform_year', year: 2021 })).toEqual(['2020-12-15', '2021-12-14']);
  });

  it('Q3 runs from 15 June to 14 September of the same year', () => {
    expect(dates({ preset: 'reform_q3', year: 2021 })).toEqual(['2021-06-15', '2021-09-14']);
    expect(resolvePeriod({ preset: 'reform_q3', year: 2021 }).label).toBe('Kỳ báo cáo cải cách hành chính quý III năm 2021 (từ 15/06/2021 đến 14/09/2021)');
  });
});

describe('statutory periods of TT 09/2026/TT-BTP', () => {
  it('monthly reports exist for months 1, 2, 4, 5, 7, 8, 10 and 11 only, from the 15th to the 14th', () => {
    expect(dates({ preset: 'statutory_month', year: 2027, month: 1 })).toEqual(['2026-12-15', '2027-01-14']);
    expect(dates({ preset: 'statutory_month', year: 2026, month: 8 })).toEqual(['2026-07-15', '2026-08-14']);
    for (const month of [3, 6, 9, 12]) expect(periodError({ preset: 'statutory_month', year: 2026, month }).field).toBe('month');
  });

  it('quarterly reports exist for quarters I and III only; half-year and year from 15 December', () => {
    expect(dates({ preset: 'statutory_quarter', year: 2027, quarter: 1 })).toEqual(['2026-12-15', '2027-03-14']);
    expect(dates({ preset: 'statutory_quarter', year: 2026, quarter: 3 })).toEqual(['2026-06-15', '2026-09-14']);
    expect(periodError({ preset: 'statutory_quarter', year: 2026, quarter: 2 }).field).toBe('quarter');
    expect(dates({ preset: 'statutory_half_year', year: 2027 })).toEqual(['2026-12-15', '2027-06-14']);
    expect(dates({ preset: 'statutory_year', year: 2026 })).toEqual(['2025-12-15', '2026-12-14']);
  });

  it('are due on the 20th of the period’s last month', () => {
    expect(resolvePeriod({ preset: 'statutory_month', year: 2026, month: 8 }).reportDueOn).toBe('2026-08-20');
    expect(resolvePeriod({ preset: 'statutory_year', year: 2026 }).reportDueOn).toBe('2026-12-20');
    expect(resolvePeriod({ preset: 'year', year: 2026 }).reportDueOn).toBeNull();
  });
});

describe('custom periods', () => {
  it('accept any two real dates in order, both included', () => {
    const p = resolvePeriod({ preset: 'custom', from: '2021-01-01', to: '2021-06-18' });
    expect([p.from, p.to, p.label]).toEqual(['2021-01-01', '2021-06-18', 'Từ ngày 01/01/2021 đến ngày 18/06/2021']);
    expect(periodLength('2021-01-01', '2021-06-18')).toBe(169);
  });

  it('refuse reversed, impossible or over-long ranges', () => {
    expect(periodError({ preset: 'custom', from: '2021-06-18', to: '2021-01-01' }).field).toBe('to');
    expect(periodError({ preset: 'custom', from: '2021-02-30', to: '2021-03-01' }).field).toBe('from');
    expect(periodError({ preset: 'custom', from: '2021-01-01' }).field).toBe('to');
    expect(periodError({ preset: 'custom', from: '2001-01-01', to: '2021-01-01' }).field).toBe('to');
  });
});

describe('helpers for rollup queries', () => {
  it('lists the months a period touches and the period before it', () => {
    expect(monthsOf('2020-12-15', '2021-03-14')).toEqual(['2020-12-01', '2021-01-01', '2021-02-01', '2021-03-01']);
    expect(previousPeriod({ from: '2021-04-01', to: '2021-06-30' })).toEqual({ from: '2020-12-31', to: '2021-03-31' });
  });

  it('splits a period into whole months and leftover days', () => {
    expect(splitByMonths('2020-12-15', '2021-06-14')).toEqual({
      months: { from: '2021-01-01', to: '2021-05-01' },
      days: [
        { from: '2020-12-15', to: '2020-12-31' },
        { from: '2021-06-01', to: '2021-06-14' },
      ],
    });
    expect(splitByMonths('2021-01-01', '2021-06-30')).toEqual({ months: { from: '2021-01-01', to: '2021-06-01' }, days: [] });
    expect(splitByMonths('2021-03-03', '2021-03-20')).toEqual({ months: null, days: [{ from: '2021-03-03', to: '2021-03-20' }] });
    expect(splitByMonths('2021-02-15', '2021-03-14')).toEqual({ months: null, days: [{ from: '2021-02-15', to: '2021-03-14' }] });
  });
});
