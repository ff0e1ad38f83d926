/**
 * Vietnam local time (giờ Việt Nam, UTC+7, no daylight saving) without the host's time zone.
 *
 * Instants are JavaScript `Date`s (absolute, UTC). Local values are computed by shifting the epoch
 * milliseconds by the fixed +7 h offset and reading the result with the `getUTC*` accessors, so the
 * machine's time zone (`TZ`) never plays a part. Internally the module works on two numbers:
 * - "local ms": epoch milliseconds + 7 h (a UTC reading of it gives the Vietnamese wall clock);
 * - "day number": whole local days since 1970-01-01 (`Math.floor(localMs / MS_PER_DAY)`).
 */
import type { IsoDate, TimeOfDay, Weekday } from './types.js';

/** Offset of Vietnam local time from UTC, in minutes (UTC+7 all year round). */
export const VN_UTC_OFFSET_MINUTES = 420;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const OFFSET_MS = VN_UTC_OFFSET_MINUTES * MS_PER_MINUTE;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** Epoch ms of a valid `Date`; throws a `TypeError` naming `label` otherwise. */
export function instantMs(instant: Date, label = 'instant'): number {
  if (!(instant instanceof Date)) throw new TypeError(`${label} must be a Date`);
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new TypeError(`${label} is an invalid Date`);
  return ms;
}

/** Local ms (Vietnamese wall clock read as UTC) of an instant. */
export function toLocalMs(instant: Date, label = 'instant'): number {
  return instantMs(instant, label) + OFFSET_MS;
}

/** The instant whose Vietnamese wall clock is `localMs`. */
export function fromLocalMs(localMs: number): Date {
  return new Date(localMs - OFFSET_MS);
}

/** Local day number of a local ms value. */
export function dayNumberOf(localMs: number): number {
  return Math.floor(localMs / MS_PER_DAY);
}

/** Milliseconds since local midnight of a local ms value. */
export function msOfDay(localMs: number): number {
  return localMs - dayNumberOf(localMs) * MS_PER_DAY;
}

/** Day of the week of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): Weekday {
  return (((dayNumber + 4) % 7) + 7) % 7 as Weekday;
}

/** Parses `YYYY-MM-DD` (a real calendar date) into a day number; throws a `RangeError` otherwise. */
export function parseIsoDate(date: IsoDate, label = 'date'): number {
  const match = typeof date === 'string' ? ISO_DATE_RE.exec(date) : null;
  if (!match) throw new RangeError(`${label} "${String(date)}" is not a date in the form YYYY-MM-DD`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear is not needed for 4-digit years >= 1000.
  if (year < 1000 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`${label} "${date}" is not a valid calendar date`);
  }
  return ms / MS_PER_DAY;
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Gregorian year of a day number. */
export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

/**
 * Parses a time of day into milliseconds since midnight. Accepts `HH:MM` (00:00–23:59) and, when
 * `allowSeconds` is set, `HH:MM:SS`. Throws a `RangeError` otherwise.
 */
export function parseTimeOfDay(time: TimeOfDay, label = 'time', allowSeconds = false): number {
  const match = typeof time === 'string' ? TIME_RE.exec(time) : null;
  if (!match || (match[3] !== undefined && !allowSeconds)) {
    const form = allowSeconds ? 'HH:MM or HH:MM:SS' : 'HH:MM';
    throw new RangeError(`${label} "${String(time)}" is not a time in the form ${form} (00:00–23:59)`);
  }
  return (Number(match[1]) * 60 + Number(match[2])) * MS_PER_MINUTE + Number(match[3] ?? 0) * 1000;
}

/** Formats milliseconds since midnight as `HH:MM` (seconds dropped). */
export function formatTimeOfDay(ms: number): TimeOfDay {
  const minutes = Math.floor(ms / MS_PER_MINUTE);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The local date (`YYYY-MM-DD`, Vietnam) of an instant. */
export function toLocalDate(instant: Date): IsoDate {
  return formatDayNumber(dayNumberOf(toLocalMs(instant)));
}

/** Vietnamese wall-clock reading of an instant. */
export interface LocalDateTime {
  readonly date: IsoDate;
  /** `HH:MM`. */
  readonly time: TimeOfDay;
  /** Seconds within the minute (0–59); milliseconds are dropped. */
  readonly seconds: number;
  readonly weekday: Weekday;
}

/** Reads an instant on the Vietnamese wall clock. */
export function localDateTime(instant: Date): LocalDateTime {
  const local = toLocalMs(instant);
  const day = dayNumberOf(local);
  const inDay = local - day * MS_PER_DAY;
  return {
    date: formatDayNumber(day),
    time: formatTimeOfDay(inDay),
    seconds: Math.floor((inDay % MS_PER_MINUTE) / 1000),
    weekday: weekdayOf(day),
  };
}

/**
 * The instant at a Vietnamese wall-clock date and time, e.g. `fromLocal('2021-02-08', '09:00')`
 * is 2021-02-08T02:00:00Z. `time` is `HH:MM` or `HH:MM:SS`, default midnight.
 */
export function fromLocal(date: IsoDate, time: TimeOfDay = '00:00'): Date {
  return fromLocalMs(parseIsoDate(date) * MS_PER_DAY + parseTimeOfDay(time, 'time', true));
}

/** `date` plus `days` calendar days (negative to go back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return formatDayNumber(parseIsoDate(date) + days);
}

/** Formats an instant as on the receipt (Giấy tiếp nhận): `hh:mm dd/mm/yyyy`, Vietnam time. */
export function formatReceiptTime(instant: Date): string {
  const { date, time } = localDateTime(instant);
  return `${time} ${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
