import { describe, expect, it } from 'vitest';
import { formatCount, formatDays, formatMonth, formatNumber, formatPercent, formatPoints, shortAgencyName } from './format';

describe('Vietnamese number formats', () => {
  it('groups thousands with dots and writes decimals after a comma', () => {
    expect(formatNumber(89672)).toBe('89.672');
    expect(formatNumber(1234567.891, 2)).toBe('1.234.567,89');
    expect(formatNumber(-1500)).toBe('-1.500');
    expect(formatNumber(0)).toBe('0');
  });

  it('drops trailing zero decimals', () => {
    expect(formatNumber(97, 1)).toBe('97');
    expect(formatNumber(5.5, 2)).toBe('5,5');
  });

  it('writes rates, days and points; a dash when there is no figure', () => {
    expect(formatPercent(97.3)).toBe('97,3%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(null)).toBe('–');
    expect(formatCount(71744)).toBe('71.744');
    expect(formatCount(undefined)).toBe('–');
    expect(formatDays(3.46)).toBe('3,5 ngày');
    expect(formatPoints(8.25)).toBe('8,25');
    expect(formatMonth('2021-03')).toBe('T3/2021');
  });

  it('abbreviates Ủy ban nhân dân on chart axes only at the start of a name', () => {
    expect(shortAgencyName('Ủy ban nhân dân huyện Vị Thủy')).toBe('UBND huyện Vị Thủy');
    expect(shortAgencyName('Sở Tư pháp')).toBe('Sở Tư pháp');
  });
});
