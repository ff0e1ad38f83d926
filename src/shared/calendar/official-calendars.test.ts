import { describe, expect, it } from 'vitest';
import { validateOfficialYear } from './day-rules.js';
import { weekdayOf, parseIsoDate } from './local-time.js';
import { OFFICIAL_CALENDARS } from './official-calendars.js';

const byYear = (year: number) => {
  const found = OFFICIAL_CALENDARS.find((y) => y.year === year);
  if (!found) throw new Error(`no ${year}`);
  return found;
};
const dates = (entries: readonly { date: string }[]) => entries.map((e) => e.date);
const weekday = (date: string) => weekdayOf(parseIsoDate(date));

describe('shipped official calendars', () => {
  it('ships 2021 and 2026, marked official, valid, deeply frozen', () => {
    expect(OFFICIAL_CALENDARS.map((y) => y.year)).toEqual([2021, 2026]);
    for (const year of OFFICIAL_CALENDARS) {
      expect(validateOfficialYear(year).source).toBe('official');
      expect(Object.isFrozen(year)).toBe(true);
      expect(Object.isFrozen(year.daysOff)).toBe(true);
      expect(Object.isFrozen(year.daysOff[0])).toBe(true);
    }
  });

  it('2021 lists exactly the days of DOMAIN.md, with no swapped working day', () => {
    expect(dates(byYear(2021).daysOff)).toEqual([
      '2021-01-01', // Fri, Tết Dương lịch
      '2021-02-10', '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', // Wed–Sun, 5 statutory Tết days
      '2021-02-15', '2021-02-16', // Mon–Tue in lieu of Sat 13 and Sun 14
      '2021-04-21', // Wed, Giỗ Tổ
      '2021-04-30', '2021-05-01', // Fri, Sat
      '2021-05-03', // Mon, in lieu of Sat 1 May
      '2021-09-02', '2021-09-03', // Thu, Fri: Quốc khánh, two days from 2021
    ]);
    expect(byYear(2021).extraWorkingDays).toEqual([]);
    expect(weekday('2021-02-10')).toBe(3);
    expect(weekday('2021-02-16')).toBe(2);
    expect(weekday('2021-05-01')).toBe(6);
    expect(weekday('2021-09-03')).toBe(5);
  });

  it('2026 lists the announced breaks and the two swaps', () => {
    expect(dates(byYear(2026).daysOff)).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', // Thu–Sun, Fri 2 swapped
      '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', // Sat–Sun 9 days
      '2026-04-26', '2026-04-27', // Sun Giỗ Tổ, Mon in lieu
      '2026-04-30', '2026-05-01', // Thu, Fri
      '2026-08-29', '2026-08-30', '2026-08-31', '2026-09-01', '2026-09-02', // Sat–Wed, Mon 31 swapped
    ]);
    expect(dates(byYear(2026).extraWorkingDays)).toEqual(['2026-01-10', '2026-08-22']);
    expect(weekday('2026-01-10')).toBe(6);
    expect(weekday('2026-08-22')).toBe(6);
    expect(weekday('2026-01-02')).toBe(5);
    expect(weekday('2026-08-31')).toBe(1);
    expect(weekday('2026-02-14')).toBe(6);
    expect(weekday('2026-04-26')).toBe(0);
  });

  it('names are non-empty Vietnamese strings in NFC', () => {
    for (const year of OFFICIAL_CALENDARS) {
      for (const entry of [...year.daysOff, ...year.extraWorkingDays]) {
        expect(entry.name.length).toBeGreaterThan(0);
        expect(entry.name).toBe(entry.name.normalize('NFC'));
      }
      expect(year.note).toBe(year.note?.normalize('NFC'));
    }
    expect(byYear(2021).daysOff.find((d) => d.date === '2021-04-21')?.name).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(byYear(2026).daysOff.find((d) => d.date === '2026-02-17')?.name).toBe('Tết Nguyên đán');
  });
});
