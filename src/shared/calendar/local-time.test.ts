import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  formatDayNumber,
  formatReceiptTime,
  fromLocal,
  localDateTime,
  parseIsoDate,
  parseTimeOfDay,
  toLocalDate,
  weekdayOf,
} from './local-time.js';

describe('local-time: Vietnam wall clock (UTC+7) without the host time zone', () => {
  it('fromLocal converts a Vietnamese wall-clock time to the UTC instant (minus 7 h)', () => {
    // 09:00 in Vietnam = 02:00 UTC the same day.
    expect(fromLocal('2021-02-08', '09:00').toISOString()).toBe('2021-02-08T02:00:00.000Z');
    // 06:59 in Vietnam = 23:59 UTC the previous day.
    expect(fromLocal('2021-02-08', '06:59').toISOString()).toBe('2021-02-07T23:59:00.000Z');
    // Default time is local midnight = 17:00 UTC the previous day.
    expect(fromLocal('2021-01-01').toISOString()).toBe('2020-12-31T17:00:00.000Z');
    // Seconds are accepted.
    expect(fromLocal('2021-01-01', '07:00:30').toISOString()).toBe('2021-01-01T00:00:30.000Z');
  });

  it('toLocalDate switches date at 17:00 UTC (local midnight)', () => {
    // 16:59:59.999 UTC = 23:59:59.999 local, still the 21st.
    expect(toLocalDate(new Date('2021-02-21T16:59:59.999Z'))).toBe('2021-02-21');
    // 17:00 UTC = 00:00 local on the 22nd.
    expect(toLocalDate(new Date('2021-02-21T17:00:00.000Z'))).toBe('2021-02-22');
    // New Year: 31 Dec 2025 17:00 UTC is 1 Jan 2026 00:00 local.
    expect(toLocalDate(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });

  it('localDateTime reads date, HH:MM, seconds and weekday', () => {
    // 2021-02-08T02:00:45Z = Mon 8 Feb 2021 09:00:45 local.
    expect(localDateTime(new Date('2021-02-08T02:00:45.500Z'))).toEqual({
      date: '2021-02-08',
      time: '09:00',
      seconds: 45,
      weekday: 1,
    });
    // 2021-02-06T23:30Z = Sun 7 Feb 06:30 local.
    expect(localDateTime(new Date('2021-02-06T23:30:00Z'))).toEqual({ date: '2021-02-07', time: '06:30', seconds: 0, weekday: 0 });
  });

  it('round-trips fromLocal → localDateTime', () => {
    for (const [date, time] of [
      ['2021-02-10', '00:00'],
      ['2024-02-29', '23:59'],
      ['2026-08-22', '13:30'],
      ['1999-12-31', '17:00'],
    ] as const) {
      const back = localDateTime(fromLocal(date, time));
      expect(`${back.date} ${back.time}`).toBe(`${date} ${time}`);
    }
  });

  it('formatReceiptTime prints hh:mm dd/mm/yyyy as on the receipt', () => {
    expect(formatReceiptTime(fromLocal('2021-02-08', '09:05'))).toBe('09:05 08/02/2021');
  });

  it('weekdays: 1970-01-01 was a Thursday; 2021-02-08 a Monday; 2026-01-10 a Saturday', () => {
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(parseIsoDate('2021-02-08'))).toBe(1);
    expect(weekdayOf(parseIsoDate('2026-01-10'))).toBe(6);
    // Before the epoch: 1969-12-31 was a Wednesday.
    expect(weekdayOf(-1)).toBe(3);
  });

  it('parseIsoDate / formatDayNumber round-trip and reject invalid dates', () => {
    expect(formatDayNumber(parseIsoDate('2024-02-29'))).toBe('2024-02-29');
    expect(parseIsoDate('1970-01-02')).toBe(1);
    for (const bad of ['2021-2-8', '2021-02-30', '2021-13-01', '2023-02-29', 'abc', '', '0999-01-01']) {
      expect(() => parseIsoDate(bad), bad).toThrow(RangeError);
    }
    expect(() => parseIsoDate(20210208 as unknown as string)).toThrow(RangeError);
  });

  it('parseTimeOfDay accepts HH:MM (and HH:MM:SS when asked), rejects the rest', () => {
    expect(parseTimeOfDay('07:00')).toBe(7 * 3_600_000);
    expect(parseTimeOfDay('23:59')).toBe((23 * 60 + 59) * 60_000);
    expect(parseTimeOfDay('07:00:30', 't', true)).toBe(7 * 3_600_000 + 30_000);
    for (const bad of ['7:00', '24:00', '09:60', '0900', '07:00:30', '']) {
      expect(() => parseTimeOfDay(bad), bad).toThrow(RangeError);
    }
  });

  it('fromLocal rejects invalid input with a clear error', () => {
    expect(() => fromLocal('2021-02-30', '09:00')).toThrow(/2021-02-30/);
    expect(() => fromLocal('2021-02-08', '25:00')).toThrow(/25:00/);
  });

  it('toLocalDate rejects invalid dates', () => {
    expect(() => toLocalDate(new Date('nope'))).toThrow(TypeError);
  });

  it('addCalendarDays crosses months, leap days and years', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(() => addCalendarDays('2026-01-01', 1.5)).toThrow(RangeError);
  });
});
