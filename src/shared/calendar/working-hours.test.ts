import { describe, expect, it } from 'vitest';
import { CalendarConfigError } from './types.js';
import { DEFAULT_WORKING_HOURS, compileWorkingHours, dailyWorkingMs, parseCutOff } from './working-hours.js';

const H = 3_600_000;
const M = 60_000;

describe('working hours configuration', () => {
  it('defaults to 07:00–11:30 and 13:30–17:00, 8 working hours (4.5 + 3.5)', () => {
    const compiled = compileWorkingHours(DEFAULT_WORKING_HOURS);
    expect(compiled).toEqual([
      { open: 7 * H, close: 11 * H + 30 * M },
      { open: 13 * H + 30 * M, close: 17 * H },
    ]);
    expect(dailyWorkingMs(compiled)).toBe(8 * H);
  });

  it('merges periods that touch', () => {
    expect(
      compileWorkingHours([
        { start: '07:00', end: '11:00' },
        { start: '11:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ]),
    ).toEqual([
      { open: 7 * H, close: 12 * H },
      { open: 13 * H, close: 17 * H },
    ]);
  });

  it.each([
    ['empty list', [], /at least one period/],
    ['start after end', [{ start: '11:30', end: '07:00' }], /must start before it ends/],
    ['empty period', [{ start: '07:00', end: '07:00' }], /must start before it ends/],
    ['unsorted', [{ start: '13:30', end: '17:00' }, { start: '07:00', end: '11:30' }], /out of order/],
    ['overlapping', [{ start: '07:00', end: '12:00' }, { start: '11:30', end: '17:00' }], /overlaps the previous period ending at 12:00/],
    ['bad format', [{ start: '7:00', end: '11:30' }], /Working period #1 start "7:00"/],
    ['24:00', [{ start: '13:30', end: '24:00' }], /Working period #1 end "24:00"/],
  ])('rejects %s', (_label, periods, message) => {
    expect(() => compileWorkingHours(periods)).toThrow(CalendarConfigError);
    expect(() => compileWorkingHours(periods)).toThrow(message);
  });

  it('parses the optional cut-off', () => {
    expect(parseCutOff(undefined)).toBeNull();
    expect(parseCutOff(null)).toBeNull();
    expect(parseCutOff('15:00')).toBe(15 * H);
    expect(() => parseCutOff('3pm')).toThrow(/cutOff "3pm"/);
  });
});
