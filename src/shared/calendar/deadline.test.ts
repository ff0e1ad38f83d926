import { describe, expect, it } from 'vitest';
import { fromLocal, localDateTime } from './local-time.js';
import type { Duration } from './types.js';
import { createWorkCalendar } from './work-calendar.js';

/**
 * Default hours 07:00–11:30 (4.5 h) and 13:30–17:00 (3.5 h): 8 working hours a day.
 * Rule of thumb used below: N working days from a start at clock time T inside working hours end
 * at T on the N-th working day after the start day.
 */
const cal = createWorkCalendar();
const at = (date: string, time: string) => fromLocal(date, time);
const show = (d: Date) => {
  const { date, time } = localDateTime(d);
  return `${date} ${time}`;
};
const days = (value: number): Duration => ({ value, unit: 'working_days' });
const hours = (value: number): Duration => ({ value, unit: 'working_hours' });
const calendarDays = (value: number): Duration => ({ value, unit: 'calendar_days' });
const due = (date: string, time: string, duration: Duration, cutOff?: string) =>
  show(cal.computeDueAt(at(date, time), duration, cutOff === undefined ? {} : { cutOff }));

describe('processingStart: receipt moved forward to the next opening', () => {
  it.each([
    ['inside hours (Mon 09:00)', '2021-03-01', '09:00', '2021-03-01 09:00'],
    ['before opening (Mon 06:30) → that day 07:00', '2021-03-01', '06:30', '2021-03-01 07:00'],
    ['at opening', '2021-03-01', '07:00', '2021-03-01 07:00'],
    ['at the morning closing 11:30 → 13:30', '2021-03-01', '11:30', '2021-03-01 13:30'],
    ['during lunch (12:15) → 13:30', '2021-03-01', '12:15', '2021-03-01 13:30'],
    ['one minute before closing', '2021-03-01', '16:59', '2021-03-01 16:59'],
    ['at closing 17:00 → next working day 07:00', '2021-03-01', '17:00', '2021-03-02 07:00'],
    ['evening (Fri 20:00) → Mon 07:00', '2021-03-05', '20:00', '2021-03-08 07:00'],
    ['Saturday → Monday', '2021-03-06', '10:00', '2021-03-08 07:00'],
    ['Sunday → Monday', '2021-03-07', '10:00', '2021-03-08 07:00'],
    ['Tết 2021 (Thu 11 Feb) → Wed 17 Feb', '2021-02-11', '09:00', '2021-02-17 07:00'],
    ['extra working Saturday 10 Jan 2026 stays', '2026-01-10', '08:00', '2026-01-10 08:00'],
    ['swapped-off Friday 2 Jan 2026 → Mon 5 Jan', '2026-01-02', '08:00', '2026-01-05 07:00'],
  ])('%s', (_label, date, time, expected) => {
    expect(show(cal.processingStart(at(date, time)))).toBe(expected);
  });

  it('keeps seconds of a receipt inside hours', () => {
    expect(cal.processingStart(fromLocal('2021-03-01', '09:00:42')).toISOString()).toBe('2021-03-01T02:00:42.000Z');
  });
});

describe('working-day durations over the 2021 holidays', () => {
  it('Tết 2021: 5 working days from Mon 8 Feb 09:00 → Mon 22 Feb 09:00', () => {
    // Mon 8: 09:00–17:00 = 6 h (2.5 + 3.5), 34 h left; Tue 9: 8 h, 26 left; Wed 10 – Tue 16 off;
    // Wed 17, Thu 18, Fri 19: 24 h, 2 left; Sat/Sun; Mon 22: 07:00 + 2 h = 09:00.
    expect(due('2021-02-08', '09:00', days(5))).toBe('2021-02-22 09:00');
  });

  it('Tết 2021: received on the last day before the break, 1 working day → first day after', () => {
    // Tue 9 Feb 15:00: 2 h left Tue, 6 h from Wed 17 Feb 07:00: 4.5 h to 11:30, 1.5 h from 13:30 → 15:00.
    expect(due('2021-02-09', '15:00', days(1))).toBe('2021-02-17 15:00');
  });

  it('Giỗ Tổ Wed 21 Apr 2021: 3 working days from Tue 20 Apr 10:00 → Mon 26 Apr 10:00', () => {
    // Working days after Tue 20: Thu 22 (1), Fri 23 (2), Mon 26 (3).
    expect(due('2021-04-20', '10:00', days(3))).toBe('2021-04-26 10:00');
  });

  it('30/4–1/5/2021 with Mon 3 May in lieu: 2 working days from Thu 29 Apr 14:00 → Wed 5 May 14:00', () => {
    // Fri 30, Sat 1, Sun 2, Mon 3 off; Tue 4 (1), Wed 5 (2).
    expect(due('2021-04-29', '14:00', days(2))).toBe('2021-05-05 14:00');
  });

  it('2/9/2021 and its extra day 3/9: 1 working day from Wed 1 Sep 16:00 → Mon 6 Sep 16:00', () => {
    // Wed 16:00–17:00 = 1 h, 7 h left; Thu 2, Fri 3 off, weekend; Mon 6: 4.5 h to 11:30, 2.5 h from 13:30 → 16:00.
    expect(due('2021-09-01', '16:00', days(1))).toBe('2021-09-06 16:00');
  });
});

describe('working-day durations over the 2026 swaps', () => {
  it('Sat 10 Jan 2026 is worked: 2 working days from Thu 8 Jan 09:00 → Sat 10 Jan 09:00', () => {
    // Fri 9 (1), Sat 10 (2).
    expect(due('2026-01-08', '09:00', days(2))).toBe('2026-01-10 09:00');
  });

  it('Fri 2 Jan 2026 is off: 1 working day from Wed 31 Dec 2025 10:00 (proposed 2025) → Mon 5 Jan 10:00', () => {
    // Thu 1 (holiday), Fri 2 (swapped), Sat 3, Sun 4 off; Mon 5.
    expect(due('2025-12-31', '10:00', days(1))).toBe('2026-01-05 10:00');
  });

  it('Sat 22 Aug 2026 is worked: 1 working day from Fri 21 Aug 15:00 → Sat 22 Aug 15:00', () => {
    expect(due('2026-08-21', '15:00', days(1))).toBe('2026-08-22 15:00');
  });

  it('Mon 31 Aug 2026 is off: 2 working days from Fri 28 Aug 09:00 → Fri 4 Sep 09:00', () => {
    // Sat 29 – Wed 2 Sep off; Thu 3 (1), Fri 4 (2).
    expect(due('2026-08-28', '09:00', days(2))).toBe('2026-09-04 09:00');
  });

  it('Tết 2026 (Sat 14 – Sun 22 Feb): 1 working day from Fri 13 Feb 10:00 → Mon 23 Feb 10:00', () => {
    expect(due('2026-02-13', '10:00', days(1))).toBe('2026-02-23 10:00');
  });

  it('Giỗ Tổ in lieu Mon 27 Apr 2026: 1 working day from Fri 24 Apr 10:00 → Tue 28 Apr 10:00', () => {
    expect(due('2026-04-24', '10:00', days(1))).toBe('2026-04-28 10:00');
  });

  it('30/4–1/5/2026: 1 working day from Wed 29 Apr 09:00 → Mon 4 May 09:00', () => {
    expect(due('2026-04-29', '09:00', days(1))).toBe('2026-05-04 09:00');
  });
});

describe('per-procedure cut-off', () => {
  it('received 15:30 with cut-off 15:00 → counted from the next working day opening', () => {
    // Start Wed 10 Mar 2021 07:00; 4 working hours → 11:00.
    expect(due('2021-03-09', '15:30', hours(4), '15:00')).toBe('2021-03-10 11:00');
    expect(show(cal.processingStart(at('2021-03-09', '15:30'), { cutOff: '15:00' }))).toBe('2021-03-10 07:00');
    // 1 working day from Wed 07:00 → Wed 17:00 (closing time stays on its day).
    expect(due('2021-03-09', '15:30', days(1), '15:00')).toBe('2021-03-10 17:00');
  });

  it('without a cut-off the same receipt counts from 15:30', () => {
    // Tue 15:30–17:00 = 1.5 h, 2.5 h left → Wed 09:30.
    expect(due('2021-03-09', '15:30', hours(4))).toBe('2021-03-10 09:30');
    expect(due('2021-03-09', '15:30', hours(4), undefined)).toBe('2021-03-10 09:30');
    expect(show(cal.computeDueAt(at('2021-03-09', '15:30'), hours(4), { cutOff: null }))).toBe('2021-03-10 09:30');
  });

  it('exactly at the cut-off is not after it', () => {
    // Tue 15:00–17:00 = 2 h, 2 h left → Wed 09:00.
    expect(due('2021-03-09', '15:00', hours(4), '15:00')).toBe('2021-03-10 09:00');
    // One second after: next day.
    expect(show(cal.computeDueAt(fromLocal('2021-03-09', '15:00:01'), hours(4), { cutOff: '15:00' }))).toBe('2021-03-10 11:00');
  });

  it('after the cut-off on a Friday → Monday; before a holiday → after the break', () => {
    // Fri 5 Mar 2021 15:10 → Mon 8 Mar 07:00; 1 working day → Mon 17:00.
    expect(due('2021-03-05', '15:10', days(1), '15:00')).toBe('2021-03-08 17:00');
    // Thu 29 Apr 2021 15:10 → Tue 4 May 07:00; 2 working hours → 09:00.
    expect(due('2021-04-29', '15:10', hours(2), '15:00')).toBe('2021-05-04 09:00');
  });

  it('the cut-off does not touch a receipt before it, nor one on a day off', () => {
    expect(due('2021-03-09', '09:00', hours(1), '15:00')).toBe('2021-03-09 10:00');
    // Sunday 16:00 → Monday 07:00 as always.
    expect(due('2021-03-07', '16:00', hours(1), '15:00')).toBe('2021-03-08 08:00');
  });

  it('rejects a malformed cut-off', () => {
    expect(() => cal.computeDueAt(at('2021-03-09', '09:00'), hours(1), { cutOff: '15h' })).toThrow(/cutOff "15h"/);
  });
});

describe('working-hour durations', () => {
  it('cross lunch: Mon 1 Mar 2021 10:00 + 4 h → 16:00', () => {
    // 10:00–11:30 = 1.5 h, 2.5 h left from 13:30 → 16:00.
    expect(due('2021-03-01', '10:00', hours(4))).toBe('2021-03-01 16:00');
  });

  it('cross the night: Mon 16:00 + 3 h → Tue 09:00', () => {
    // 1 h Mon, 2 h from Tue 07:00.
    expect(due('2021-03-01', '16:00', hours(3))).toBe('2021-03-02 09:00');
  });

  it('cross a weekend: Fri 5 Mar 16:30 + 2 h → Mon 8 Mar 08:30', () => {
    expect(due('2021-03-05', '16:30', hours(2))).toBe('2021-03-08 08:30');
  });

  it('landing exactly at the lunch closing stays at 11:30', () => {
    // 09:00 + 2.5 h = 11:30, not 13:30.
    expect(due('2021-03-01', '09:00', hours(2.5))).toBe('2021-03-01 11:30');
  });

  it('online dossier: accept within 8 working hours of arrival (arrived Fri 20:00 → Mon 17:00)', () => {
    expect(due('2021-03-05', '20:00', hours(8))).toBe('2021-03-08 17:00');
  });

  it('fractions of an hour: Mon 07:00 + 0.25 h → 07:15', () => {
    expect(due('2021-03-01', '07:00', hours(0.25))).toBe('2021-03-01 07:15');
  });
});

describe('closing-time edge and receipts outside hours', () => {
  it('Mon 07:00 + 1 working day = Mon 17:00 (stays on that day)', () => {
    expect(due('2021-03-01', '07:00', days(1))).toBe('2021-03-01 17:00');
  });

  it('Mon 07:00 + 2 working days = Tue 17:00', () => {
    expect(due('2021-03-01', '07:00', days(2))).toBe('2021-03-02 17:00');
  });

  it('received at 17:00 exactly → starts Tue 07:00, 1 working day → Tue 17:00', () => {
    expect(due('2021-03-01', '17:00', days(1))).toBe('2021-03-02 17:00');
  });

  it('received 16:59 → 1 min Mon, 7 h 59 Tue: 4.5 h to 11:30, 3 h 29 from 13:30 → Tue 16:59', () => {
    expect(due('2021-03-01', '16:59', days(1))).toBe('2021-03-02 16:59');
  });

  it('received during lunch (12:15): starts 13:30; 1 working day → Tue 11:30', () => {
    // Mon 13:30–17:00 = 3.5 h, 4.5 h left = Tue 07:00–11:30: lands on the morning closing.
    expect(due('2021-03-01', '12:15', days(1))).toBe('2021-03-02 11:30');
  });

  it('received on a Sunday: 2 working days from Sun 7 Mar 10:00 → Tue 9 Mar 17:00', () => {
    // Start Mon 07:00; 16 h = Mon 07:00–17:00 + Tue 07:00–17:00.
    expect(due('2021-03-07', '10:00', days(2))).toBe('2021-03-09 17:00');
  });

  it('received before opening: Mon 06:00 + 1 h → 08:00', () => {
    expect(due('2021-03-01', '06:00', hours(1))).toBe('2021-03-01 08:00');
  });

  it('a zero duration is due at the start of processing', () => {
    expect(due('2021-03-07', '10:00', days(0))).toBe('2021-03-08 07:00');
    expect(due('2021-03-01', '12:00', hours(0))).toBe('2021-03-01 13:30');
  });

  it('half a working day = 4 working hours: Mon 07:00 → 11:00', () => {
    expect(due('2021-03-01', '07:00', days(0.5))).toBe('2021-03-01 11:00');
  });
});

describe('calendar-day durations', () => {
  it('landing on Tết 2021 moves to the next working day, same clock time', () => {
    // Fri 5 Feb 09:00 + 7 days = Fri 12 Feb 09:00 (Tết) → Wed 17 Feb 09:00.
    expect(due('2021-02-05', '09:00', calendarDays(7))).toBe('2021-02-17 09:00');
  });

  it('landing on Giỗ Tổ 2021: Wed 14 Apr 14:00 + 7 days = Wed 21 Apr → Thu 22 Apr 14:00', () => {
    expect(due('2021-04-14', '14:00', calendarDays(7))).toBe('2021-04-22 14:00');
  });

  it('landing on Mon 3 May 2021 (in lieu): Mon 26 Apr 10:00 + 7 → Tue 4 May 10:00', () => {
    expect(due('2021-04-26', '10:00', calendarDays(7))).toBe('2021-05-04 10:00');
  });

  it('landing on a Sunday: Mon 1 Mar 10:00 + 6 → Sun 7 → Mon 8 Mar 10:00', () => {
    expect(due('2021-03-01', '10:00', calendarDays(6))).toBe('2021-03-08 10:00');
  });

  it('landing on a working day stays, including the extra working Saturday 10 Jan 2026', () => {
    expect(due('2021-03-01', '10:00', calendarDays(15))).toBe('2021-03-16 10:00');
    expect(due('2026-01-07', '10:00', calendarDays(3))).toBe('2026-01-10 10:00');
  });

  it('count from the start of processing: Fri 5 Mar 18:00 + 10 → start Mon 8 Mar 07:00 → Thu 18 Mar 07:00', () => {
    expect(due('2021-03-05', '18:00', calendarDays(10))).toBe('2021-03-18 07:00');
  });

  it('cut-off applies too: Tue 9 Mar 15:30 (cut-off 15:00) + 1 → start Wed 07:00 → Thu 11 Mar 07:00', () => {
    expect(due('2021-03-09', '15:30', calendarDays(1), '15:00')).toBe('2021-03-11 07:00');
  });
});

describe('duration validation', () => {
  it.each([
    [{ value: -1, unit: 'working_days' }, /finite number >= 0/],
    [{ value: Number.NaN, unit: 'working_days' }, /finite number >= 0/],
    [{ value: Number.POSITIVE_INFINITY, unit: 'working_hours' }, /finite number >= 0/],
    [{ value: 1, unit: 'weeks' }, /unit "weeks"/],
    [{ value: 1.5, unit: 'calendar_days' }, /whole number/],
  ])('rejects %o', (duration, message) => {
    expect(() => cal.computeDueAt(at('2021-03-01', '09:00'), duration as Duration)).toThrow(message);
  });

  it('rejects an invalid receipt instant', () => {
    expect(() => cal.computeDueAt(new Date(Number.NaN), days(1))).toThrow(/receivedAt is an invalid Date/);
  });
});

describe('hoursPerWorkingDay and custom hours', () => {
  it('a single period 08:00–16:00: 1 working day from 08:00 → 16:00 the same day', () => {
    const c = createWorkCalendar({ hours: [{ start: '08:00', end: '16:00' }] });
    expect(show(c.computeDueAt(at('2021-03-01', '08:00'), days(1)))).toBe('2021-03-01 16:00');
    expect(show(c.computeDueAt(at('2021-03-01', '16:30'), hours(1)))).toBe('2021-03-02 09:00');
  });

  it('7.5 h days with the 8 h convention: Mon 07:00 + 1 working day → Tue 07:30', () => {
    // Hours 07:00–11:00 (4 h) + 13:00–16:30 (3.5 h) = 7.5 h; 8 h needed → 0.5 h on Tue.
    const c = createWorkCalendar({
      hours: [
        { start: '07:00', end: '11:00' },
        { start: '13:00', end: '16:30' },
      ],
    });
    expect(c.config.dailyWorkingHours).toBe(7.5);
    expect(show(c.computeDueAt(at('2021-03-01', '07:00'), days(1)))).toBe('2021-03-02 07:30');
  });

  it('hoursPerWorkingDay 4: 1 working day = 4 working hours', () => {
    const c = createWorkCalendar({ hoursPerWorkingDay: 4 });
    expect(show(c.computeDueAt(at('2021-03-01', '07:00'), days(1)))).toBe('2021-03-01 11:00');
  });
});

describe('workingMinutesBetween and addWorkingMinutes', () => {
  it.each([
    ['a full day', ['2021-03-01', '07:00'], ['2021-03-01', '17:00'], 480],
    ['Mon 10:00 → Tue 10:00 (1.5 + 3.5 + 3 h)', ['2021-03-01', '10:00'], ['2021-03-02', '10:00'], 480],
    ['Fri 16:00 → Mon 08:00 over a weekend', ['2021-03-05', '16:00'], ['2021-03-08', '08:00'], 120],
    ['inside lunch only', ['2021-03-01', '12:00'], ['2021-03-01', '13:00'], 0],
    ['across lunch 11:00 → 14:00', ['2021-03-01', '11:00'], ['2021-03-01', '14:00'], 60],
    ['over Tết 2021 (only Tue 9 counts)', ['2021-02-09', '07:00'], ['2021-02-17', '07:00'], 480],
    ['a whole working week', ['2021-03-01', '00:00'], ['2021-03-08', '00:00'], 5 * 480],
    ['the worked Saturday 22 Aug 2026', ['2026-08-22', '00:00'], ['2026-08-23', '00:00'], 480],
    ['the same instant', ['2021-03-01', '09:00'], ['2021-03-01', '09:00'], 0],
  ] as const)('%s', (_label, [da, ta], [db, tb], expected) => {
    expect(cal.workingMinutesBetween(at(da, ta), at(db, tb))).toBe(expected);
  });

  it('is negative when b is before a, and fractional with seconds', () => {
    expect(cal.workingMinutesBetween(at('2021-03-01', '17:00'), at('2021-03-01', '07:00'))).toBe(-480);
    expect(cal.workingMinutesBetween(fromLocal('2021-03-01', '07:00:00'), fromLocal('2021-03-01', '07:00:30'))).toBe(0.5);
  });

  it('2021: 250 working days × 480 minutes', () => {
    expect(cal.workingMinutesBetween(at('2021-01-01', '00:00'), at('2022-01-01', '00:00'))).toBe(250 * 480);
  });

  it('addWorkingMinutes counts from the instant itself, skipping non-working time', () => {
    expect(show(cal.addWorkingMinutes(at('2021-03-01', '11:00'), 60))).toBe('2021-03-01 14:00');
    expect(show(cal.addWorkingMinutes(at('2021-03-06', '15:00'), 30))).toBe('2021-03-08 07:30'); // from a Saturday
    expect(show(cal.addWorkingMinutes(at('2021-03-01', '12:00'), 0))).toBe('2021-03-01 12:00'); // 0: unchanged
    expect(() => cal.addWorkingMinutes(at('2021-03-01', '12:00'), -1)).toThrow(RangeError);
  });

  it('isWorkingTime: closing times and lunch are outside', () => {
    const cases: [string, string, boolean][] = [
      ['2021-03-01', '06:59', false],
      ['2021-03-01', '07:00', true],
      ['2021-03-01', '11:29', true],
      ['2021-03-01', '11:30', false],
      ['2021-03-01', '13:30', true],
      ['2021-03-01', '17:00', false],
      ['2021-03-07', '10:00', false],
      ['2026-01-10', '10:00', true],
    ];
    for (const [d, t, expected] of cases) expect(cal.isWorkingTime(at(d, t)), `${d} ${t}`).toBe(expected);
  });

  it('property: working time from the start to the due instant is exactly N × 480 minutes', () => {
    // Deterministic pseudo-random receipts across 2021–2026 (fallback years included).
    let seed = 20210208;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const base = at('2021-01-01', '00:00').getTime();
    const span = at('2026-12-01', '00:00').getTime() - base;
    for (let i = 0; i < 300; i += 1) {
      const receivedAt = new Date(base + Math.floor(random() * span / 60_000) * 60_000);
      const n = 1 + Math.floor(random() * 20);
      const start = cal.processingStart(receivedAt);
      const dueAt = cal.computeDueAt(receivedAt, days(n));
      expect(cal.workingMinutesBetween(start, dueAt)).toBe(n * 480);
      expect(cal.isWorkingDay(cal.toLocalDate(dueAt))).toBe(true);
      // Inverse: adding the same working time back from the start lands on the due instant.
      expect(cal.addWorkingMinutes(start, n * 480).getTime()).toBe(dueAt.getTime());
    }
  });
});
