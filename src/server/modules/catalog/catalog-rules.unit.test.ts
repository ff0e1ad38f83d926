import { describe, expect, it } from 'vitest';
import { checkInternalProcess, contentHash, formatProcessingTime, legalMinutes, publicationTimeliness } from './catalog-rules';
import { procedureContent } from './catalog.test-support';
import { ProcedureContent } from '../../../shared/schemas/catalog';

describe('5-day rule (NĐ 63/2010 Điều 15: at least 5 working days before the legal document takes effect)', () => {
  it('accepts a decision signed exactly 5 working days before and flags one signed a day later', () => {
    // The document takes effect on Monday 12/07/2021: Tue 6 … Mon 12 is five working days after Monday 5.
    const onTime = publicationTimeliness('2021-07-05', '2021-07-12');
    expect(onTime).toMatchObject({ late: false, deadline: '2021-07-05', workingDaysBefore: 5, requiredWorkingDays: 5 });
    const late = publicationTimeliness('2021-07-06', '2021-07-12');
    expect(late).toMatchObject({ late: true, deadline: '2021-07-05', workingDaysBefore: 4 });
  });

  it('counts working days, so holidays and weekends push the deadline earlier', () => {
    // Monday 06/09/2021 is preceded by the National Day holiday (Thu 2 and Fri 3 September 2021).
    const r = publicationTimeliness('2021-08-27', '2021-09-06');
    expect(r.deadline).toBe('2021-08-26');
    expect(r.late).toBe(true);
    // Ten calendar days ahead is not enough when the period holds a weekend and two days off.
    expect(r.workingDaysBefore).toBe(4);
    expect(publicationTimeliness('2021-08-26', '2021-09-06').late).toBe(false);
  });

  it('does not apply when the decision names no legal document, and flags a decision signed after it took effect', () => {
    expect(publicationTimeliness('2021-07-06', null)).toMatchObject({ late: null, deadline: null, workingDaysBefore: null });
    expect(publicationTimeliness('2021-07-20', '2021-07-12')).toMatchObject({ late: true });
  });
});

describe('legal time and internal processes', () => {
  it('converts working days to 8 working hours, keeps hours, and compares calendar days as days × 8 hours', () => {
    expect(legalMinutes({ value: 5, unit: 'working_days' })).toBe(5 * 8 * 60);
    expect(legalMinutes({ value: 4, unit: 'working_hours' })).toBe(4 * 60);
    expect(legalMinutes({ value: 0.5, unit: 'working_days' })).toBe(4 * 60);
    expect(legalMinutes({ value: 15, unit: 'calendar_days' })).toBe(15 * 8 * 60);
  });

  it('accepts a process within the legal time and computes its time cut', () => {
    const check = checkInternalProcess([60, 600, 240, 180], { value: 3, unit: 'working_days' });
    expect(check).toEqual({ totalMinutes: 1080, legalMinutes: 1440, withinLegalTime: true, cutPercent: 25 });
    expect(checkInternalProcess([1440], { value: 3, unit: 'working_days' })).toMatchObject({ withinLegalTime: true, cutPercent: 0 });
  });

  it('rejects a process one quarter hour over the legal time, with a negative cut', () => {
    const check = checkInternalProcess([225, 30], { value: 4, unit: 'working_hours' });
    expect(check.withinLegalTime).toBe(false);
    expect(check.cutPercent).toBe(-6.3);
  });

  it('writes processing times as procedures do', () => {
    expect(formatProcessingTime({ value: 5, unit: 'working_days' })).toBe('05 ngày làm việc');
    expect(formatProcessingTime({ value: 0.5, unit: 'working_days' })).toBe('0,5 ngày làm việc');
    expect(formatProcessingTime({ value: 30, unit: 'calendar_days' })).toBe('30 ngày');
  });
});

describe('content hash', () => {
  const content = ProcedureContent.parse(procedureContent());

  it('ignores key order, absent versus empty optional values and the order of agencies', () => {
    const { agencyIds: _a, ...base } = content;
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as typeof base;
    expect(contentHash({ ...reordered, conditions: null, cutoffTime: '' as never }, ['b', 'a'])).toBe(contentHash(base, ['a', 'b']));
  });

  it('changes with any published component or agency', () => {
    const { agencyIds: _a, ...base } = content;
    const hash = contentHash(base, ['a']);
    expect(contentHash({ ...base, time: { ...base.time, value: 2 } }, ['a'])).not.toBe(hash);
    expect(contentHash({ ...base, fees: [{ name: 'Lệ phí', amount: 8000 }] }, ['a'])).not.toBe(hash);
    expect(contentHash(base, ['a', 'c'])).not.toBe(hash);
  });
});
