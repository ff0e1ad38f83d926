/** Vietnamese wording of dates, times and durations on printed forms (NĐ 30/2020 Phụ lục I for the date line). */
import { localDateTime } from '../../../shared/calendar';
import type { FormDuration } from '../../../shared/schemas/forms';

function parts(instant: Date) {
  const { date, time } = localDateTime(instant);
  return { year: date.slice(0, 4), month: date.slice(5, 7), day: date.slice(8, 10), hour: time.slice(0, 2), minute: time.slice(3, 5) };
}

/** DD/MM/YYYY in Vietnam time. */
export function shortDate(instant: Date): string {
  const p = parts(instant);
  return `${p.day}/${p.month}/${p.year}`;
}

/**
 * "ngày 05 tháng 3 năm 2021": a leading zero for days below 10 and for January and February only (NĐ 30/2020
 * Phụ lục I, mục II.4).
 */
export function longDate(instant: Date): string {
  const p = parts(instant);
  const month = Number(p.month);
  return `ngày ${p.day} tháng ${month <= 2 ? p.month : String(month)} năm ${p.year}`;
}

/** "Vị Thanh, ngày 05 tháng 3 năm 2021". */
export function placeDate(place: string, instant: Date): string {
  return `${place}, ${longDate(instant)}`;
}

/** "08 giờ 15 phút, ngày 05/03/2021": the receipt's time format. */
export function timeAndDate(instant: Date): string {
  const p = parts(instant);
  return `${p.hour} giờ ${p.minute} phút, ngày ${p.day}/${p.month}/${p.year}`;
}

/** "08:15 05/03/2021": compact, for table cells. */
export function compactDateTime(instant: Date | null): string {
  if (!instant) return '';
  const p = parts(instant);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

const UNIT_LABELS: Record<FormDuration['unit'], string> = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  calendar_days: 'ngày',
};

/** "5 ngày làm việc", "4 giờ làm việc", "1,5 ngày làm việc". */
export function durationText(duration: FormDuration): string {
  return `${String(duration.value).replace('.', ',')} ${UNIT_LABELS[duration.unit]}`;
}

/** Two-digit counts as forms print them: 1 → "01". */
export function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

export const OUTCOME_LABELS = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' } as const;

/** Dotted leader printed where a value is missing, so it can be filled in by hand. */
export const BLANK = '……………………';
