import { describe, expect, it, vi } from 'vitest';
import { OFFICIAL_CALENDARS } from './official-calendars.js';
import { CalendarConfigError, type OfficialCalendarYear } from './types.js';
import { createWorkCalendarCore } from './work-calendar-core.js';
import { createWorkCalendar } from './work-calendar.js';

const cal = createWorkCalendar();

describe('createWorkCalendar: configuration', () => {
  it('exposes the validated defaults', () => {
    expect(cal.config).toEqual({
      hours: [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      weekendDays: [6, 0],
      hoursPerWorkingDay: 8,
      dailyWorkingHours: 8,
    });
  });

  it.each([
    ['overlapping hours', { hours: [{ start: '07:00', end: '12:00' }, { start: '11:00', end: '17:00' }] }, /overlaps/],
    ['unsorted hours', { hours: [{ start: '13:30', end: '17:00' }, { start: '07:00', end: '11:30' }] }, /out of order/],
    ['weekend day 7', { weekendDays: [7] }, /weekendDays contains 7/],
    ['duplicate weekend day', { weekendDays: [0, 0] }, /twice/],
    ['whole week off', { weekendDays: [0, 1, 2, 3, 4, 5, 6] }, /whole week/],
    ['hoursPerWorkingDay 0', { hoursPerWorkingDay: 0 }, /hoursPerWorkingDay/],
    ['hoursPerWorkingDay NaN', { hoursPerWorkingDay: Number.NaN }, /hoursPerWorkingDay/],
    ['hoursPerWorkingDay 25', { hoursPerWorkingDay: 25 }, /hoursPerWorkingDay/],
  ] as const)('rejects %s', (_label, options, message) => {
    expect(() => createWorkCalendar(options as never)).toThrow(CalendarConfigError);
    expect(() => createWorkCalendar(options as never)).toThrow(message);
  });

  const year = (patch: Partial<OfficialCalendarYear>): OfficialCalendarYear => ({ year: 2027, daysOff: [], extraWorkingDays: [], ...patch });
  it.each([
    ['a date outside the year', [year({ daysOff: [{ date: '2026-12-31', name: 'X' }] })], /2026-12-31 is not in 2027/],
    ['an impossible date', [year({ daysOff: [{ date: '2027-02-30', name: 'X' }] })], /2027-02-30/],
    ['a date listed twice', [year({ daysOff: [{ date: '2027-01-01', name: 'A' }, { date: '2027-01-01', name: 'B' }] })], /twice/],
    [
      'a date both off and worked',
      [year({ daysOff: [{ date: '2027-01-09', name: 'A' }], extraWorkingDays: [{ date: '2027-01-09', name: 'B' }] })],
      /both as a day off and as an extra working day/,
    ],
    ['an empty name', [year({ daysOff: [{ date: '2027-01-01', name: ' ' }] })], /needs a name/],
    ['a year given twice', [year({}), year({})], /2027 is given twice/],
    ['a fractional year', [year({ year: 2027.5 })], /invalid year/],
  ])('rejects an official calendar with %s', (_label, officialYears, message) => {
    expect(() => createWorkCalendar({ officialYears })).toThrow(CalendarConfigError);
    expect(() => createWorkCalendar({ officialYears })).toThrow(message);
  });
});

describe('date level: official calendars 2021 and 2026', () => {
  it.each([
    ['2021-01-01', false], // Fri, Tết Dương lịch
    ['2021-02-09', true], // Tue before Tết
    ['2021-02-10', false], // Wed, first day of the Tết break
    ['2021-02-16', false], // Tue, in lieu
    ['2021-02-17', true], // Wed, back to work
    ['2021-04-21', false], // Wed, Giỗ Tổ
    ['2021-04-30', false], // Fri
    ['2021-05-01', false], // Sat
    ['2021-05-03', false], // Mon in lieu
    ['2021-05-04', true],
    ['2021-09-02', false], // Thu
    ['2021-09-03', false], // Fri, the second National Day
    ['2021-09-06', true],
    ['2026-01-02', false], // Fri swapped off
    ['2026-01-10', true], // Sat worked in exchange
    ['2026-01-17', false], // an ordinary Saturday
    ['2026-02-23', true], // Mon after Tết
    ['2026-04-27', false], // Mon in lieu of Giỗ Tổ
    ['2026-08-22', true], // Sat worked in exchange
    ['2026-08-31', false], // Mon swapped off
    ['2026-09-03', true],
  ])('isWorkingDay(%s) = %s', (date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });

  it('describeDay gives kind, name and source', () => {
    expect(cal.describeDay('2026-01-10')).toEqual({
      date: '2026-01-10',
      weekday: 6,
      isWorkingDay: true,
      kind: 'extra_working_day',
      name: 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026',
      source: 'official',
    });
    expect(cal.describeDay('2026-01-02')).toMatchObject({ kind: 'day_off', isWorkingDay: false, weekday: 5 });
    expect(cal.describeDay('2026-03-07')).toMatchObject({ kind: 'weekend', name: null, isWorkingDay: false });
    expect(cal.describeDay('2026-03-09')).toMatchObject({ kind: 'working_day', name: null, isWorkingDay: true });
    // 2025 has no official calendar: the proposal decides (Mon 3 Feb in lieu of Sat 1 Feb).
    expect(cal.describeDay('2025-02-03')).toMatchObject({ kind: 'day_off', source: 'proposed' });
  });

  it('nextWorkingDay / previousWorkingDay skip breaks, honour swaps and cross years', () => {
    expect(cal.nextWorkingDay('2021-02-09')).toBe('2021-02-17'); // over the Tết break
    expect(cal.previousWorkingDay('2021-02-17')).toBe('2021-02-09');
    expect(cal.nextWorkingDay('2021-04-29')).toBe('2021-05-04'); // Fri 30, Sat 1, Sun 2, Mon 3 off
    expect(cal.nextWorkingDay('2026-01-09')).toBe('2026-01-10'); // Sat worked in exchange
    expect(cal.nextWorkingDay('2026-08-21')).toBe('2026-08-22');
    expect(cal.nextWorkingDay('2026-08-28')).toBe('2026-09-03'); // Sat 29 – Wed 2 Sep off
    expect(cal.previousWorkingDay('2026-01-05')).toBe('2025-12-31'); // Wed 31 Dec 2025 (proposal: a working day)
    expect(cal.nextWorkingDay('2021-03-07')).toBe('2021-03-08'); // from a Sunday
  });

  it('addWorkingDays counts from the day after (petitions: 5 working days; supplement request: 3 working days)', () => {
    // Mon 8 Feb 2021 + 3: Tue 9 (1), [Tết 10–16], Wed 17 (2), Thu 18 (3).
    expect(cal.addWorkingDays('2021-02-08', 3)).toBe('2021-02-18');
    // Petition forwarded within 5 working days of Thu 29 Apr 2021: Tue 4 (1), Wed 5, Thu 6, Fri 7, Mon 10 (5).
    expect(cal.addWorkingDays('2021-04-29', 5)).toBe('2021-05-10');
    // Supplement request within 3 working days of Fri 28 Aug 2026: Thu 3 Sep (1), Fri 4 (2), Mon 7 (3).
    expect(cal.addWorkingDays('2026-08-28', 3)).toBe('2026-09-07');
    // Thu 8 Jan 2026 + 2: Fri 9 (1), Sat 10 worked (2).
    expect(cal.addWorkingDays('2026-01-08', 2)).toBe('2026-01-10');
    // From a Sunday: Mon is the 1st.
    expect(cal.addWorkingDays('2021-03-07', 1)).toBe('2021-03-08');
    // 0 returns the date itself, even a day off.
    expect(cal.addWorkingDays('2021-02-10', 0)).toBe('2021-02-10');
    // Backwards: Wed 17 Feb 2021 − 1 = Tue 9 Feb.
    expect(cal.addWorkingDays('2021-02-17', -1)).toBe('2021-02-09');
    expect(() => cal.addWorkingDays('2021-02-17', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('17/02/2021', 1)).toThrow(RangeError);
  });

  it('workingDaysBetween counts working days in (from, to]', () => {
    // After Mon 8 Feb 2021 up to Mon 22: Tue 9, Wed 17, Thu 18, Fri 19, Mon 22.
    expect(cal.workingDaysBetween('2021-02-08', '2021-02-22')).toBe(5);
    expect(cal.workingDaysBetween('2021-02-22', '2021-02-08')).toBe(-5);
    expect(cal.workingDaysBetween('2021-02-22', '2021-02-22')).toBe(0);
  });

  it('whole years: 250 working days in 2021 and in 2026', () => {
    // 2021: 261 weekdays − 11 weekdays off (1/1, 10–12/2, 15–16/2, 21/4, 30/4, 3/5, 2–3/9) = 250.
    expect(cal.workingDaysBetween('2020-12-31', '2021-12-31')).toBe(250);
    // 2026: 261 weekdays − 13 weekdays off (1–2/1, 16–20/2, 27/4, 30/4, 1/5, 31/8, 1–2/9) + 2 Saturdays = 250.
    expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250);
  });

  it('calendarYear tells official from proposed years', () => {
    expect(cal.calendarYear(2021).source).toBe('official');
    expect(cal.calendarYear(2026).source).toBe('official');
    expect(cal.calendarYear(2025).source).toBe('proposed');
    expect(cal.calendarYear(2027).source).toBe('proposed');
    expect(cal.calendarYear(2027).daysOff.length).toBeGreaterThan(0);
  });
});

describe('official years, fallback and custom weekends', () => {
  it('officialYears replaces the shipped data; missing years fall back to the proposal', () => {
    const proposalOnly = createWorkCalendar({ officialYears: [] });
    // The proposal starts Tết 2021 on Thu 11 Feb, so Wed 10 is a working day, and Wed 17 is in lieu.
    expect(proposalOnly.isWorkingDay('2021-02-10')).toBe(true);
    expect(proposalOnly.isWorkingDay('2021-02-17')).toBe(false);
    expect(proposalOnly.calendarYear(2021).source).toBe('proposed');
  });

  it('an administrator-entered year overrides the proposal', () => {
    const entered: OfficialCalendarYear = {
      year: 2027,
      daysOff: [{ date: '2027-01-01', name: 'Tết Dương lịch' }],
      extraWorkingDays: [{ date: '2027-01-02', name: 'Làm bù' }],
    };
    const custom = createWorkCalendar({ officialYears: [...OFFICIAL_CALENDARS, entered] });
    expect(custom.calendarYear(2027).source).toBe('official');
    expect(custom.isWorkingDay('2027-01-02')).toBe(true); // a Saturday, worked
    expect(custom.isWorkingDay('2027-02-08')).toBe(true); // no Tết entered: working (the data is the truth)
    expect(custom.isWorkingDay('2021-02-10')).toBe(false);
  });

  it('calls the fallback once per missing year and checks what it returns', () => {
    const fallbackYear = vi.fn((year: number): OfficialCalendarYear => ({ year, daysOff: [], extraWorkingDays: [] }));
    const core = createWorkCalendarCore({ fallbackYear });
    expect(core.isWorkingDay('2030-03-04')).toBe(true);
    expect(core.isWorkingDay('2030-03-05')).toBe(true);
    expect(core.nextWorkingDay('2030-12-31')).toBe('2031-01-01');
    expect(fallbackYear.mock.calls).toEqual([[2030], [2031]]);
    expect(core.calendarYear(2030).source).toBe('proposed');

    const wrong = createWorkCalendarCore({ fallbackYear: () => ({ year: 1999, daysOff: [], extraWorkingDays: [] }) });
    expect(() => wrong.isWorkingDay('2030-03-04')).toThrow(/returned year 1999/);
  });

  it('fails clearly instead of looping when no working day can be found', () => {
    const allOff = (year: number): OfficialCalendarYear => {
      const daysOff = [];
      for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d = new Date(d.getTime() + 86_400_000)) {
        daysOff.push({ date: d.toISOString().slice(0, 10), name: 'Nghỉ' });
      }
      return { year, daysOff, extraWorkingDays: [] };
    };
    const broken = createWorkCalendarCore({ fallbackYear: allOff });
    expect(() => broken.nextWorkingDay('2030-01-01')).toThrow(CalendarConfigError);
    expect(() => broken.nextWorkingDay('2030-01-01')).toThrow(/No working day within/);
  });

  it('weekendDays [0]: Saturdays are working days unless listed off', () => {
    const sixDays = createWorkCalendar({ weekendDays: [0] });
    expect(sixDays.isWorkingDay('2021-03-06')).toBe(true); // Sat
    expect(sixDays.isWorkingDay('2021-03-07')).toBe(false); // Sun
    expect(sixDays.isWorkingDay('2021-05-01')).toBe(false); // Sat, but a listed holiday
    expect(sixDays.describeDay('2026-01-10').kind).toBe('extra_working_day');
  });
});
