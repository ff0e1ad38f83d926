import { describe, expect, it } from 'vitest';
import { validateOfficialYear } from './day-rules.js';
import { parseIsoDate, weekdayOf } from './local-time.js';
import { OFFICIAL_CALENDARS } from './official-calendars.js';
import { proposeOfficialCalendar } from './propose-holidays.js';

const offDates = (year: number) => proposeOfficialCalendar(year).daysOff.map((d) => d.date);
const isWeekday = (date: string) => {
  const w = weekdayOf(parseIsoDate(date));
  return w !== 0 && w !== 6;
};

describe('proposeOfficialCalendar (statutory rules + lunar dates from date-holidays)', () => {
  it('2026: Tết = last day of the lunar year (Mon 16 Feb) + mùng 1–4 (17–20 Feb); Giỗ Tổ Sun 26 Apr → Mon 27 in lieu', () => {
    expect(offDates(2026)).toEqual([
      '2026-01-01', // Thu
      '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', // Mon–Fri, no day in lieu needed
      '2026-04-26', '2026-04-27', // Sun 26 (10/3 lunar) → Mon 27 in lieu
      '2026-04-30', '2026-05-01', // Thu, Fri
      '2026-09-01', '2026-09-02', // 2/9 is a Wednesday → adjacent day 1/9 (Tue)
    ]);
    const proposal = proposeOfficialCalendar(2026);
    expect(proposal.source).toBe('proposed');
    expect(proposal.extraWorkingDays).toEqual([]);
    expect(proposal.daysOff.find((d) => d.date === '2026-04-27')?.name).toBe('Nghỉ bù Giỗ Tổ Hùng Vương (thay cho ngày 26/04/2026)');
  });

  it('2026: every weekday off in the proposal is also off in the official calendar (the swaps are extra)', () => {
    const official = new Set(OFFICIAL_CALENDARS.find((y) => y.year === 2026)!.daysOff.map((d) => d.date));
    for (const date of offDates(2026)) expect(official.has(date), date).toBe(true);
  });

  it('2021: the proposal places Tết one day later than the 2021 notice did (documented choice)', () => {
    // Lunar new year 2021 = Fri 12 Feb; last day of the year Thu 11 Feb; statutory Thu 11 – Mon 15.
    // Sat 13 → first free weekday after it: Tue 16; Sun 14 → Wed 17. Sat 1 May → Mon 3 May.
    // 2/9 is a Thursday → adjacent day 3/9 (Fri).
    expect(offDates(2021)).toEqual([
      '2021-01-01',
      '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15',
      '2021-02-16', '2021-02-17',
      '2021-04-21',
      '2021-04-30', '2021-05-01', '2021-05-03',
      '2021-09-02', '2021-09-03',
    ]);
  });

  it('2025: Tết Tue 28 Jan – Sat 1 Feb with Mon 3 Feb in lieu; Giỗ Tổ Mon 7 Apr; Quốc khánh Mon 1 + Tue 2 Sep', () => {
    expect(offDates(2025)).toEqual([
      '2025-01-01', // Wed
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', // lunar new year Wed 29 Jan
      '2025-02-03', // in lieu of Sat 1 Feb
      '2025-04-07',
      '2025-04-30', '2025-05-01',
      '2025-09-01', '2025-09-02', // 2/9 is a Tuesday → 1/9
    ]);
  });

  it('2023: holidays falling on weekends give the following free weekdays (Giỗ Tổ Sat 29 Apr, 30/4 on Sunday, 2/9 on Saturday)', () => {
    expect(offDates(2023)).toEqual([
      '2023-01-01', '2023-01-02', // Sun → Mon in lieu
      '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', // Sat–Wed (lunar new year Sun 22 Jan)
      '2023-01-26', '2023-01-27', // in lieu of Sat 21 and Sun 22
      '2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03', // Sat, Sun, Mon, then 2 days in lieu
      '2023-09-01', '2023-09-02', '2023-09-04', // 2/9 Sat → 1/9 Fri; Mon 4 in lieu
    ]);
  });

  it('Quốc khánh adjacent day: 3/9 when 2/9 is Monday (2024) or Thursday (2021), else 1/9 (2022 Fri, 2029 Sun)', () => {
    expect(offDates(2024).filter((d) => d >= '2024-08-01')).toEqual(['2024-09-02', '2024-09-03']);
    expect(offDates(2022).filter((d) => d >= '2022-08-01')).toEqual(['2022-09-01', '2022-09-02']);
    // 2029: 1/9 Sat and 2/9 Sun both on the weekend → Mon 3 and Tue 4 in lieu.
    expect(offDates(2029).filter((d) => d >= '2029-08-01')).toEqual(['2029-09-01', '2029-09-02', '2029-09-03', '2029-09-04']);
  });

  it('uses the Vietnamese lunar calendar (Tết 2030 is Sat 2 Feb in Vietnam, Sun 3 Feb in China)', () => {
    const tet = proposeOfficialCalendar(2030).daysOff.filter((d) => d.name === 'Tết Nguyên đán').map((d) => d.date);
    expect(tet).toEqual(['2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05']);
  });

  it('2020–2040: valid calendars with the 11 statutory days plus days in lieu, every listed day off in that year', () => {
    for (let year = 2020; year <= 2040; year += 1) {
      const proposal = proposeOfficialCalendar(year);
      expect(() => validateOfficialYear(proposal)).not.toThrow();
      const statutory = proposal.daysOff.filter((d) => !d.name.startsWith('Nghỉ bù'));
      const inLieu = proposal.daysOff.filter((d) => d.name.startsWith('Nghỉ bù'));
      // 1 + 5 + 1 + 1 + 1 + 2 = 11 statutory days, all on distinct dates except a rare collision.
      expect(statutory.length + inLieu.length, String(year)).toBeGreaterThanOrEqual(11);
      // Each statutory day that is not a weekday yields exactly one weekday in lieu.
      expect(inLieu.length, String(year)).toBe(statutory.filter((d) => !isWeekday(d.date)).length);
      for (const d of inLieu) expect(isWeekday(d.date), d.date).toBe(true);
      for (const d of proposal.daysOff) expect(d.name).toBe(d.name.normalize('NFC'));
    }
  });

  it('honours custom rest days for days in lieu', () => {
    // With Sunday as the only rest day, Sat 1 May 2021 needs no day in lieu.
    const dates = proposeOfficialCalendar(2021, { weekendDays: [0] }).daysOff.map((d) => d.date);
    expect(dates).toContain('2021-05-01');
    expect(dates).not.toContain('2021-05-03');
  });

  it('rejects years outside 1900–2199', () => {
    expect(() => proposeOfficialCalendar(1800)).toThrow(RangeError);
    expect(() => proposeOfficialCalendar(2021.5)).toThrow(RangeError);
  });
});
