/**
 * Default proposal of a year's official calendar from the statutory rules. This is the only file
 * that uses `date-holidays` (for the lunar dates, which it gets right, including years where the
 * Vietnamese and Chinese new years differ, e.g. 2030).
 *
 * Statutory holidays (Bộ luật Lao động 2019, Điều 112) and the choices made where the law leaves
 * the exact days to the government:
 * - Tết Dương lịch: 1 January.
 * - Tết Âm lịch (Tết Nguyên đán): 5 days. The law does not fix which; this proposal takes the last
 *   day of the lunar year plus the first 4 days of the new year (as the 2026 notice did; 2021 took
 *   2 days before and 3 after, which is why official data overrides the proposal).
 * - Giỗ Tổ Hùng Vương: 10th day of the 3rd lunar month.
 * - Ngày Chiến thắng: 30 April. Ngày Quốc tế lao động: 1 May.
 * - Quốc khánh: 2 September plus one adjacent day, before or after. This proposal takes 3 September
 *   when 2 September is a Monday or a Thursday, otherwise 1 September, so that the two days join a
 *   weekend where possible (matches the notices of 2021–2026).
 * - Days in lieu (nghỉ bù, Điều 112.3): a statutory day that falls on a weekly rest day, or on a
 *   day already taken by another holiday, gives the first following day that is neither a rest day
 *   nor already off. Rest days for the proposal are Saturday and Sunday (civil servants).
 * Swaps (nghỉ hoán đổi / làm bù) are government decisions and never proposed.
 */
import Holidays from 'date-holidays';
import { formatDayNumber, parseIsoDate, weekdayOf } from './local-time.js';
import { CALENDAR_SOURCES, WEEKDAYS, type CalendarDayEntry, type OfficialCalendarYear, type Weekday } from './types.js';

/** Lunar rules of date-holidays' VN data used by the proposal. */
const LUNAR_NEW_YEAR_RULE = 'vietnamese 1-0-1';
const HUNG_KINGS_RULE = 'vietnamese 3-0-10';

const TET_NAME = 'Tết Nguyên đán';

let holidaysVN: Holidays | undefined;

/** Lunar new year's day and Giỗ Tổ of `year` as day numbers, from date-holidays. */
function lunarHolidays(year: number): { tetDay1: number; hungKings: number } {
  holidaysVN ??= new Holidays('VN');
  const list = holidaysVN.getHolidays(year);
  // `date` is "YYYY-MM-DD hh:mm:ss" in Vietnam time: independent of the host's time zone.
  const find = (rule: string) => {
    const found = list.find((h) => h.type === 'public' && h.rule === rule);
    if (!found) throw new Error(`date-holidays has no "${rule}" holiday for Vietnam in ${year}`);
    return parseIsoDate(found.date.slice(0, 10), `date-holidays ${rule}`);
  };
  return { tetDay1: find(LUNAR_NEW_YEAR_RULE), hungKings: find(HUNG_KINGS_RULE) };
}

export interface ProposeOptions {
  /** Weekly rest days used to place days in lieu; default Saturday and Sunday. */
  readonly weekendDays?: readonly Weekday[];
}

/**
 * Proposes the official calendar of `year` (source `'proposed'`, no extra working days).
 * The result is a starting point for administrators, who adjust it to the government's notice.
 */
export function proposeOfficialCalendar(year: number, options: ProposeOptions = {}): OfficialCalendarYear {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) {
    throw new RangeError(`Cannot propose a calendar for year ${year}: expected an integer between 1900 and 2199`);
  }
  const weekend = new Set<number>(options.weekendDays ?? [WEEKDAYS.SATURDAY, WEEKDAYS.SUNDAY]);
  const day = (month: number, dayOfMonth: number) =>
    parseIsoDate(`${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`);
  const { tetDay1, hungKings } = lunarHolidays(year);

  const nationalDay = day(9, 2);
  const nationalDayWeekday = weekdayOf(nationalDay);
  const adjacentAfter = nationalDayWeekday === WEEKDAYS.MONDAY || nationalDayWeekday === WEEKDAYS.THURSDAY;

  const statutory: { day: number; name: string }[] = [
    { day: day(1, 1), name: 'Tết Dương lịch' },
    ...[-1, 0, 1, 2, 3].map((offset) => ({ day: tetDay1 + offset, name: TET_NAME })),
    { day: hungKings, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { day: day(4, 30), name: 'Ngày Chiến thắng (30/4)' },
    { day: day(5, 1), name: 'Ngày Quốc tế lao động (1/5)' },
    adjacentAfter
      ? { day: nationalDay, name: 'Quốc khánh (2/9)' }
      : { day: nationalDay - 1, name: 'Quốc khánh (ngày liền kề trước 2/9)' },
    adjacentAfter
      ? { day: nationalDay + 1, name: 'Quốc khánh (ngày liền kề sau 2/9)' }
      : { day: nationalDay, name: 'Quốc khánh (2/9)' },
  ].sort((a, b) => a.day - b.day);

  const off = new Map<number, string>();
  const needLieu: { day: number; name: string }[] = [];
  for (const holiday of statutory) {
    if (weekend.has(weekdayOf(holiday.day)) || off.has(holiday.day)) needLieu.push(holiday);
    if (!off.has(holiday.day)) off.set(holiday.day, holiday.name);
  }
  for (const holiday of needLieu) {
    let candidate = holiday.day + 1;
    while (weekend.has(weekdayOf(candidate)) || off.has(candidate)) candidate += 1;
    off.set(candidate, `Nghỉ bù ${stripQualifier(holiday.name)} (thay cho ngày ${formatShort(holiday.day)})`);
  }

  const daysOff: CalendarDayEntry[] = [...off.entries()]
    .sort(([a], [b]) => a - b)
    .map(([d, name]) => ({ date: formatDayNumber(d), name }));
  return {
    year,
    source: CALENDAR_SOURCES.PROPOSED,
    note:
      'Đề xuất tự động theo Bộ luật Lao động 2019 Điều 112 (Tết Nguyên đán: ngày cuối năm âm lịch và 4 ngày đầu năm mới; ' +
      'nghỉ bù khi ngày lễ trùng ngày nghỉ hằng tuần); chưa gồm hoán đổi ngày làm việc. Cần đối chiếu thông báo chính thức.',
    daysOff,
    extraWorkingDays: [],
  };
}

function stripQualifier(name: string): string {
  return name.replace(/ \(.*\)$/, '');
}

function formatShort(dayNumber: number): string {
  const iso = formatDayNumber(dayNumber);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
