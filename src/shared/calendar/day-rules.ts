/**
 * Day-level rules: which local dates are working days, from the weekly rest days and the official
 * calendar of each year (falling back to a proposal for years without one).
 */
import { formatDayNumber, parseIsoDate, weekdayOf, yearOfDayNumber } from './local-time.js';
import {
  CALENDAR_SOURCES,
  CalendarConfigError,
  DAY_KINDS,
  WEEKDAYS,
  type CalendarDayEntry,
  type CalendarSource,
  type DayKind,
  type OfficialCalendarYear,
  type ResolvedCalendarYear,
  type Weekday,
} from './types.js';

/** Default weekly rest days: Saturday and Sunday. */
export const DEFAULT_WEEKEND_DAYS: readonly Weekday[] = Object.freeze([WEEKDAYS.SATURDAY, WEEKDAYS.SUNDAY]);

/** Largest run of consecutive non-working days tolerated before the configuration is deemed broken. */
export const MAX_CONSECUTIVE_DAYS_OFF = 3660;

interface YearIndex {
  readonly resolved: ResolvedCalendarYear;
  readonly off: ReadonlyMap<number, string>;
  readonly extra: ReadonlyMap<number, string>;
}

export interface DayRules {
  readonly weekendDays: readonly Weekday[];
  kindOf(dayNumber: number): { kind: DayKind; name: string | null; source: CalendarSource };
  isWorkingDay(dayNumber: number): boolean;
  /** First working day at or after (`step` 1) / at or before (`step` -1) `dayNumber`. */
  findWorkingDay(dayNumber: number, step: 1 | -1): number;
  year(year: number): ResolvedCalendarYear;
}

export interface DayRulesOptions {
  readonly weekendDays?: readonly Weekday[];
  readonly officialYears?: readonly OfficialCalendarYear[];
  /** Calendar used for a year missing from `officialYears`. */
  readonly fallbackYear: (year: number) => OfficialCalendarYear;
}

/** Validates weekly rest days: integers 0–6, no duplicates, at least one working weekday. */
export function validateWeekendDays(days: readonly Weekday[]): readonly Weekday[] {
  if (!Array.isArray(days)) throw new CalendarConfigError('weekendDays must be an array of weekdays (0 = Sunday … 6 = Saturday)');
  const seen = new Set<number>();
  for (const d of days) {
    if (!Number.isInteger(d) || d < 0 || d > 6) {
      throw new CalendarConfigError(`weekendDays contains ${String(d)}: expected 0 (Sunday) … 6 (Saturday)`);
    }
    if (seen.has(d)) throw new CalendarConfigError(`weekendDays lists weekday ${d} twice`);
    seen.add(d);
  }
  if (seen.size === 7) throw new CalendarConfigError('weekendDays cannot cover the whole week');
  return Object.freeze([...days]);
}

/**
 * Validates one year's calendar (for an administrator's editor, say) and returns it with its source
 * resolved: integer year; entries with a real `YYYY-MM-DD` date inside that
 * year and a non-empty name; no date listed twice, nor both off and worked. Throws
 * `CalendarConfigError` naming the year and the date.
 */
export function validateOfficialYear(data: OfficialCalendarYear): ResolvedCalendarYear {
  return indexOfficialYear(data).resolved;
}

function indexOfficialYear(data: OfficialCalendarYear): YearIndex {
  if (!data || typeof data !== 'object') throw new CalendarConfigError('An official calendar year must be an object');
  const { year } = data;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new CalendarConfigError(`Official calendar has an invalid year: ${String(year)}`);
  }
  const index = (entries: readonly CalendarDayEntry[], field: string): Map<number, string> => {
    if (!Array.isArray(entries)) throw new CalendarConfigError(`Official calendar ${year}: ${field} must be an array`);
    const map = new Map<number, string>();
    for (const entry of entries) {
      let dayNumber: number;
      try {
        dayNumber = parseIsoDate(entry?.date, `Official calendar ${year}: ${field} date`);
      } catch (error) {
        throw new CalendarConfigError((error as Error).message);
      }
      if (yearOfDayNumber(dayNumber) !== year) {
        throw new CalendarConfigError(`Official calendar ${year}: ${field} date ${entry.date} is not in ${year}`);
      }
      if (typeof entry.name !== 'string' || entry.name.trim() === '') {
        throw new CalendarConfigError(`Official calendar ${year}: ${field} date ${entry.date} needs a name`);
      }
      if (map.has(dayNumber)) throw new CalendarConfigError(`Official calendar ${year}: ${field} lists ${entry.date} twice`);
      map.set(dayNumber, entry.name);
    }
    return map;
  };
  const off = index(data.daysOff, 'daysOff');
  const extra = index(data.extraWorkingDays, 'extraWorkingDays');
  for (const dayNumber of extra.keys()) {
    if (off.has(dayNumber)) {
      throw new CalendarConfigError(
        `Official calendar ${year}: ${formatDayNumber(dayNumber)} is listed both as a day off and as an extra working day`,
      );
    }
  }
  const source = data.source ?? CALENDAR_SOURCES.OFFICIAL;
  if (source !== CALENDAR_SOURCES.OFFICIAL && source !== CALENDAR_SOURCES.PROPOSED) {
    throw new CalendarConfigError(`Official calendar ${year}: unknown source "${String(source)}"`);
  }
  return { resolved: { ...data, source }, off, extra };
}

export function createDayRules(options: DayRulesOptions): DayRules {
  const weekendDays = validateWeekendDays(options.weekendDays ?? DEFAULT_WEEKEND_DAYS);
  const weekend = new Set<number>(weekendDays);
  const years = new Map<number, YearIndex>();
  for (const data of options.officialYears ?? []) {
    const indexed = indexOfficialYear(data);
    if (years.has(indexed.resolved.year)) {
      throw new CalendarConfigError(`Official calendar for ${indexed.resolved.year} is given twice`);
    }
    years.set(indexed.resolved.year, indexed);
  }

  const yearIndex = (year: number): YearIndex => {
    let indexed = years.get(year);
    if (!indexed) {
      const proposed = options.fallbackYear(year);
      if (proposed?.year !== year) {
        throw new CalendarConfigError(`The fallback calendar for ${year} returned year ${String(proposed?.year)}`);
      }
      indexed = indexOfficialYear({ ...proposed, source: proposed.source ?? CALENDAR_SOURCES.PROPOSED });
      years.set(year, indexed);
    }
    return indexed;
  };

  const kindOf = (dayNumber: number) => {
    const indexed = yearIndex(yearOfDayNumber(dayNumber));
    const source = indexed.resolved.source;
    const offName = indexed.off.get(dayNumber);
    if (offName !== undefined) return { kind: DAY_KINDS.DAY_OFF, name: offName, source };
    const extraName = indexed.extra.get(dayNumber);
    if (extraName !== undefined) return { kind: DAY_KINDS.EXTRA_WORKING_DAY, name: extraName, source };
    if (weekend.has(weekdayOf(dayNumber))) return { kind: DAY_KINDS.WEEKEND, name: null, source };
    return { kind: DAY_KINDS.WORKING_DAY, name: null, source };
  };

  const isWorkingDay = (dayNumber: number): boolean => {
    const indexed = yearIndex(yearOfDayNumber(dayNumber));
    if (indexed.off.has(dayNumber)) return false;
    if (indexed.extra.has(dayNumber)) return true;
    return !weekend.has(weekdayOf(dayNumber));
  };

  const findWorkingDay = (dayNumber: number, step: 1 | -1): number => {
    for (let i = 0, d = dayNumber; i <= MAX_CONSECUTIVE_DAYS_OFF; i += 1, d += step) {
      if (isWorkingDay(d)) return d;
    }
    throw new CalendarConfigError(
      `No working day within ${MAX_CONSECUTIVE_DAYS_OFF} days ${step > 0 ? 'after' : 'before'} ${formatDayNumber(dayNumber)}: check the calendar`,
    );
  };

  return {
    weekendDays,
    kindOf,
    isWorkingDay,
    findWorkingDay,
    year: (year: number) => {
      if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
      return yearIndex(year).resolved;
    },
  };
}
