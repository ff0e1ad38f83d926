/**
 * Shipped official calendars (lịch nghỉ lễ, Tết chính thức) for civil servants and public employees.
 *
 * These are editable seed data: administrators enter later years from the government's notices
 * (days off, days in lieu, swapped days). A year missing here falls back to
 * `proposeOfficialCalendar` (statutory rules + lunar dates), marked `source: 'proposed'`.
 *
 * 2025 is deliberately not shipped: the statutory proposal for 2025 could be computed, but the actual
 * 2025 notices placed Tết and 30/4 with swaps that differ from it and could not be checked against
 * a source here, so 2025 is served by the proposal (visibly `proposed`) until someone enters it.
 *
 * Conventions: statutory holidays are listed even when they fall on a weekend (they give a day in
 * lieu); weekend days inside an announced break are listed with the break's name so the data reads
 * like the announcement; `extraWorkingDays` are Saturdays worked in exchange for a swapped day off.
 */
import type { CalendarDayEntry, OfficialCalendarYear } from './types.js';

const TET_DUONG_LICH = 'Tết Dương lịch';
const TET_NGUYEN_DAN = 'Tết Nguyên đán';
const GIO_TO = 'Giỗ Tổ Hùng Vương (10/3 âm lịch)';
const CHIEN_THANG = 'Ngày Chiến thắng (30/4)';
const LAO_DONG = 'Ngày Quốc tế lao động (1/5)';

/** 2021 (DOMAIN.md "Official days off in 2021"): no swapped working days. */
const YEAR_2021: OfficialCalendarYear = {
  year: 2021,
  source: 'official',
  note: 'Lịch nghỉ năm 2021 của cán bộ, công chức, viên chức theo thông báo của Chính phủ; Quốc khánh 2 ngày từ năm 2021 (Bộ luật Lao động 2019).',
  daysOff: [
    { date: '2021-01-01', name: TET_DUONG_LICH },
    { date: '2021-02-10', name: TET_NGUYEN_DAN },
    { date: '2021-02-11', name: TET_NGUYEN_DAN },
    { date: '2021-02-12', name: TET_NGUYEN_DAN },
    { date: '2021-02-13', name: TET_NGUYEN_DAN },
    { date: '2021-02-14', name: TET_NGUYEN_DAN },
    { date: '2021-02-15', name: 'Nghỉ bù Tết Nguyên đán (thay cho thứ Bảy 13/02/2021)' },
    { date: '2021-02-16', name: 'Nghỉ bù Tết Nguyên đán (thay cho Chủ nhật 14/02/2021)' },
    { date: '2021-04-21', name: GIO_TO },
    { date: '2021-04-30', name: CHIEN_THANG },
    { date: '2021-05-01', name: LAO_DONG },
    { date: '2021-05-03', name: 'Nghỉ bù Ngày Quốc tế lao động (thay cho thứ Bảy 01/05/2021)' },
    { date: '2021-09-02', name: 'Quốc khánh (2/9)' },
    { date: '2021-09-03', name: 'Quốc khánh (ngày liền kề sau 2/9)' },
  ],
  extraWorkingDays: [],
};

const weekendInBreak = (breakName: string): string => `Nghỉ hằng tuần (kỳ nghỉ ${breakName})`;

/** 2026 (DOMAIN.md "Official days off in 2026"): two swaps, Fri 2 Jan ↔ Sat 10 Jan and Mon 31 Aug ↔ Sat 22 Aug. */
const YEAR_2026: OfficialCalendarYear = {
  year: 2026,
  source: 'official',
  note: 'Lịch nghỉ năm 2026 theo thông báo chính thức (tin báo chí): Tết Nguyên đán theo luật 16–20/02; hoán đổi 02/01 ↔ 10/01 và 31/8 ↔ 22/8.',
  daysOff: [
    { date: '2026-01-01', name: TET_DUONG_LICH },
    { date: '2026-01-02', name: 'Nghỉ hoán đổi (làm bù vào thứ Bảy 10/01/2026)' },
    { date: '2026-01-03', name: weekendInBreak(TET_DUONG_LICH) },
    { date: '2026-01-04', name: weekendInBreak(TET_DUONG_LICH) },
    { date: '2026-02-14', name: weekendInBreak(TET_NGUYEN_DAN) },
    { date: '2026-02-15', name: weekendInBreak(TET_NGUYEN_DAN) },
    { date: '2026-02-16', name: TET_NGUYEN_DAN },
    { date: '2026-02-17', name: TET_NGUYEN_DAN },
    { date: '2026-02-18', name: TET_NGUYEN_DAN },
    { date: '2026-02-19', name: TET_NGUYEN_DAN },
    { date: '2026-02-20', name: TET_NGUYEN_DAN },
    { date: '2026-02-21', name: weekendInBreak(TET_NGUYEN_DAN) },
    { date: '2026-02-22', name: weekendInBreak(TET_NGUYEN_DAN) },
    { date: '2026-04-26', name: GIO_TO },
    { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (thay cho Chủ nhật 26/4/2026)' },
    { date: '2026-04-30', name: CHIEN_THANG },
    { date: '2026-05-01', name: LAO_DONG },
    { date: '2026-08-29', name: weekendInBreak('Quốc khánh') },
    { date: '2026-08-30', name: weekendInBreak('Quốc khánh') },
    { date: '2026-08-31', name: 'Nghỉ hoán đổi (làm bù vào thứ Bảy 22/8/2026)' },
    { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề trước 2/9)' },
    { date: '2026-09-02', name: 'Quốc khánh (2/9)' },
  ],
  extraWorkingDays: [
    { date: '2026-01-10', name: 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026' },
    { date: '2026-08-22', name: 'Làm bù cho ngày nghỉ thứ Hai 31/8/2026' },
  ],
};

function freezeYear(year: OfficialCalendarYear): OfficialCalendarYear {
  const freezeEntries = (entries: readonly CalendarDayEntry[]) => Object.freeze(entries.map((e) => Object.freeze({ ...e })));
  return Object.freeze({ ...year, daysOff: freezeEntries(year.daysOff), extraWorkingDays: freezeEntries(year.extraWorkingDays) });
}

/** Official calendars shipped with the system (2021, 2026), deeply frozen. */
export const OFFICIAL_CALENDARS: readonly OfficialCalendarYear[] = Object.freeze([YEAR_2021, YEAR_2026].map(freezeYear));
