/**
 * The work calendar (lịch làm việc) of an agency, without any default data: no shipped official
 * calendars and no dependency on date-holidays. Use `createWorkCalendar` (work-calendar.ts) for the
 * defaults; use this one where the bundle must stay small and the years come from elsewhere.
 */
import { createDayRules, type DayRules } from './day-rules.js';
import {
  computeDeadline,
  computeDueAt,
  processingStart,
  type DeadlineContext,
  type DeadlineInput,
  type DeadlineOptions,
  type DeadlineResult,
} from './deadline.js';
import {
  MS_PER_HOUR,
  MS_PER_MINUTE,
  formatDayNumber,
  formatTimeOfDay,
  fromLocal,
  fromLocalMs,
  localDateTime,
  parseIsoDate,
  toLocalDate,
  toLocalMs,
  weekdayOf,
  type LocalDateTime,
} from './local-time.js';
import { classifyOutcome, classifyPending } from './outcome.js';
import { DEFAULT_WORKING_HOURS, compileWorkingHours, dailyWorkingMs } from './working-hours.js';
import { addWorkingMs, isWorkingInstant, workingMsBetween, type Schedule } from './working-time.js';
import {
  CalendarConfigError,
  DAY_KINDS,
  type DayInfo,
  type Duration,
  type IsoDate,
  type OfficialCalendarYear,
  type Outcome,
  type PendingStatus,
  type ResolvedCalendarYear,
  type TimeOfDay,
  type Weekday,
  type WorkingPeriod,
} from './types.js';

/** Default length of a working day in working hours (practice: 1 ngày làm việc = 8 giờ làm việc). */
export const DEFAULT_HOURS_PER_WORKING_DAY = 8;

export interface WorkCalendarOptions {
  /** Working periods of a day, sorted, not overlapping; default 07:00–11:30 and 13:30–17:00. */
  readonly hours?: readonly WorkingPeriod[];
  /** Weekly rest days (0 = Sunday … 6 = Saturday); default Saturday and Sunday. */
  readonly weekendDays?: readonly Weekday[];
  /** Editable official calendars, one per year (the source of truth for days off). */
  readonly officialYears?: readonly OfficialCalendarYear[];
  /** Working hours in one working day for `working_days` durations; default 8. */
  readonly hoursPerWorkingDay?: number;
  /** Calendar of a year missing from `officialYears`. */
  readonly fallbackYear?: (year: number) => OfficialCalendarYear;
}

export interface WorkCalendarCoreOptions extends WorkCalendarOptions {
  readonly fallbackYear: (year: number) => OfficialCalendarYear;
}

/** The validated configuration of a work calendar. */
export interface WorkCalendarConfig {
  /** Working periods after validation (touching periods merged). */
  readonly hours: readonly WorkingPeriod[];
  readonly weekendDays: readonly Weekday[];
  readonly hoursPerWorkingDay: number;
  /** Sum of the working periods, in hours (8 with the defaults). */
  readonly dailyWorkingHours: number;
}

export interface WorkCalendar {
  readonly config: WorkCalendarConfig;

  // Date level (local dates 'YYYY-MM-DD').
  /** Whether a local date is a working day (not a weekend or listed day off, or a listed extra working day). */
  isWorkingDay(date: IsoDate): boolean;
  /** Kind, name and source of a local date. */
  describeDay(date: IsoDate): DayInfo;
  /** First working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** Last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate;
  /**
   * The `n`-th working day after `date` (before it when `n` < 0), counting from the day after, as in
   * "within 3 working days of receipt": Mon + 3 → Thu. `n` = 0 returns `date` itself.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Number of working days in (from, to]; negative when `to` is before `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** A year's calendar as used: official data, or the fallback proposal (`source: 'proposed'`). */
  calendarYear(year: number): ResolvedCalendarYear;

  // Instant level (Date).
  /** Whether an instant lies inside working hours of a working day (closing time excluded). */
  isWorkingTime(instant: Date): boolean;
  /** Start of processing for a receipt (moved to the next opening; cut-off honoured). */
  processingStart(receivedAt: Date, options?: DeadlineOptions): Date;
  /** Instant after `minutes` of working time from `instant` (>= 0; closing times stay on their day). */
  addWorkingMinutes(instant: Date, minutes: number): Date;
  /** Working minutes between two instants (negative when `b` < `a`; fractional with seconds). */
  workingMinutesBetween(a: Date, b: Date): number;
  /** Due instant of a dossier without supplements. */
  computeDueAt(receivedAt: Date, duration: Duration, options?: DeadlineOptions): Date;
  /** Due instant taking supplement periods into account; `dueAt` is `null` while suspended. */
  computeDeadline(input: DeadlineInput): DeadlineResult;

  // Calendar-independent helpers, exposed for convenience.
  toLocalDate(instant: Date): IsoDate;
  localDateTime(instant: Date): LocalDateTime;
  fromLocal(date: IsoDate, time?: TimeOfDay): Date;
  classifyOutcome(finishedAt: Date, dueAt: Date): Outcome;
  classifyPending(dueAt: Date, periodEnd: Date | IsoDate): PendingStatus;
}

export function createWorkCalendarCore(options: WorkCalendarCoreOptions): WorkCalendar {
  const periods = compileWorkingHours(options.hours ?? DEFAULT_WORKING_HOURS);
  const hoursPerWorkingDay = options.hoursPerWorkingDay ?? DEFAULT_HOURS_PER_WORKING_DAY;
  if (typeof hoursPerWorkingDay !== 'number' || !Number.isFinite(hoursPerWorkingDay) || hoursPerWorkingDay <= 0 || hoursPerWorkingDay > 24) {
    throw new CalendarConfigError(`hoursPerWorkingDay must be a number in (0, 24], got ${String(hoursPerWorkingDay)}`);
  }
  if (typeof options.fallbackYear !== 'function') throw new CalendarConfigError('fallbackYear must be a function (year) => OfficialCalendarYear');
  const days: DayRules = createDayRules({
    ...(options.weekendDays !== undefined && { weekendDays: options.weekendDays }),
    officialYears: options.officialYears ?? [],
    fallbackYear: options.fallbackYear,
  });
  const schedule: Schedule = { periods, days };
  const ctx: DeadlineContext = { schedule, hoursPerWorkingDay };

  const config: WorkCalendarConfig = Object.freeze({
    hours: Object.freeze(periods.map((p) => Object.freeze({ start: formatTimeOfDay(p.open), end: formatTimeOfDay(p.close) }))),
    weekendDays: days.weekendDays,
    hoursPerWorkingDay,
    dailyWorkingHours: dailyWorkingMs(periods) / MS_PER_HOUR,
  });

  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
    let day = parseIsoDate(date);
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; left -= 1) day = days.findWorkingDay(day + step, step);
    return formatDayNumber(day);
  };

  return {
    config,
    isWorkingDay: (date) => days.isWorkingDay(parseIsoDate(date)),
    describeDay: (date) => {
      const day = parseIsoDate(date);
      const { kind, name, source } = days.kindOf(day);
      const isWorkingDay = kind === DAY_KINDS.WORKING_DAY || kind === DAY_KINDS.EXTRA_WORKING_DAY;
      return { date: formatDayNumber(day), weekday: weekdayOf(day), isWorkingDay, kind, name, source };
    },
    nextWorkingDay: (date) => formatDayNumber(days.findWorkingDay(parseIsoDate(date) + 1, 1)),
    previousWorkingDay: (date) => formatDayNumber(days.findWorkingDay(parseIsoDate(date) - 1, -1)),
    addWorkingDays,
    workingDaysBetween: (from, to) => {
      const a = parseIsoDate(from, 'from');
      const b = parseIsoDate(to, 'to');
      const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      let count = 0;
      for (let day = lo + 1; day <= hi; day += 1) if (days.isWorkingDay(day)) count += 1;
      return sign * count;
    },
    calendarYear: (year) => days.year(year),

    isWorkingTime: (instant) => isWorkingInstant(schedule, toLocalMs(instant)),
    processingStart: (receivedAt, opts) => processingStart(ctx, receivedAt, opts),
    addWorkingMinutes: (instant, minutes) => {
      if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
        throw new RangeError(`minutes must be a finite number >= 0, got ${String(minutes)}`);
      }
      return fromLocalMs(addWorkingMs(schedule, toLocalMs(instant), Math.round(minutes * MS_PER_MINUTE)));
    },
    workingMinutesBetween: (a, b) => workingMsBetween(schedule, toLocalMs(a, 'a'), toLocalMs(b, 'b')) / MS_PER_MINUTE,
    computeDueAt: (receivedAt, duration, opts) => computeDueAt(ctx, receivedAt, duration, opts),
    computeDeadline: (input) => computeDeadline(ctx, input),

    toLocalDate,
    localDateTime,
    fromLocal,
    classifyOutcome,
    classifyPending,
  };
}
