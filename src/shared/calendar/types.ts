/**
 * Shared vocabulary of the working-day calendar: constant objects (`as const`) and the types
 * derived from them. Pure data, no runtime dependencies.
 */

/** A local calendar date in Vietnam, formatted `YYYY-MM-DD` (e.g. `'2021-02-10'`). */
export type IsoDate = string;

/** A local time of day in Vietnam, formatted `HH:MM` (24-hour clock, e.g. `'15:00'`). */
export type TimeOfDay = string;

/** Days of the week, numbered as JavaScript does (`Date#getUTCDay`): Sunday = 0 … Saturday = 6. */
export const WEEKDAYS = {
  SUNDAY: 0,
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
} as const;
export type Weekday = (typeof WEEKDAYS)[keyof typeof WEEKDAYS];

/** Units of a processing time (thời hạn giải quyết). */
export const DURATION_UNITS = {
  /** ngày làm việc: N × `hoursPerWorkingDay` working hours. */
  WORKING_DAYS: 'working_days',
  /** giờ làm việc. */
  WORKING_HOURS: 'working_hours',
  /** ngày (ngày lịch): calendar days, then moved off a day off. */
  CALENDAR_DAYS: 'calendar_days',
} as const;
export type DurationUnit = (typeof DURATION_UNITS)[keyof typeof DURATION_UNITS];

/** A processing time, e.g. `{ value: 5, unit: 'working_days' }`. */
export interface Duration {
  readonly value: number;
  readonly unit: DurationUnit;
}

/** What happens to the processing time when the applicant is asked for a supplement (yêu cầu bổ sung). */
export const SUPPLEMENT_RULES = {
  /** NĐ 118/2025 Điều 19.5: the time restarts from the beginning once the complete dossier is received. */
  RESTART: 'restart',
  /** Provincial alternative: the clock pauses while waiting and resumes with the time left. */
  PAUSE: 'pause',
} as const;
export type SupplementRule = (typeof SUPPLEMENT_RULES)[keyof typeof SUPPLEMENT_RULES];

/** A period during which the dossier waits for the applicant; `to: null` means still waiting. */
export interface Suspension {
  readonly from: Date;
  readonly to: Date | null;
}

/** Whether a deadline is currently counting. */
export const DEADLINE_STATUSES = {
  /** The clock runs (or has run out): `dueAt` is known. */
  RUNNING: 'running',
  /** Waiting for a supplement: `dueAt` is unknown until the dossier is complete. */
  SUSPENDED: 'suspended',
} as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[keyof typeof DEADLINE_STATUSES];

/** Result of a finished dossier against its due date (compared at local date level). */
export const OUTCOMES = {
  /** trước hạn */
  EARLY: 'early',
  /** đúng hạn */
  ON_TIME: 'on_time',
  /** quá hạn / trễ hạn */
  LATE: 'late',
} as const;
export type Outcome = (typeof OUTCOMES)[keyof typeof OUTCOMES];

/** State of a pending dossier at the end of a reporting period (compared at local date level). */
export const PENDING_STATUSES = {
  /** trong hạn */
  WITHIN_DEADLINE: 'within_deadline',
  /** quá hạn */
  OVERDUE: 'overdue',
} as const;
export type PendingStatus = (typeof PENDING_STATUSES)[keyof typeof PENDING_STATUSES];

/** Where a year's calendar comes from. */
export const CALENDAR_SOURCES = {
  /** Entered from the government's announcement (editable by administrators). */
  OFFICIAL: 'official',
  /** Computed from statutory rules by `proposeOfficialCalendar`; to be confirmed. */
  PROPOSED: 'proposed',
} as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[keyof typeof CALENDAR_SOURCES];

/** Why a day is or is not a working day. */
export const DAY_KINDS = {
  /** Ordinary working day. */
  WORKING_DAY: 'working_day',
  /** Weekly rest day (nghỉ hằng tuần). */
  WEEKEND: 'weekend',
  /** Listed day off: holiday, day in lieu (nghỉ bù) or swapped day (nghỉ hoán đổi). */
  DAY_OFF: 'day_off',
  /** Weekend day worked in exchange for a swapped day off (làm bù). */
  EXTRA_WORKING_DAY: 'extra_working_day',
} as const;
export type DayKind = (typeof DAY_KINDS)[keyof typeof DAY_KINDS];

/** One dated entry of an official calendar. */
export interface CalendarDayEntry {
  readonly date: IsoDate;
  readonly name: string;
}

/**
 * The editable official calendar of one year: the source of truth for days off.
 * `daysOff` may include weekend days inside a break (harmless, and shows the break as announced);
 * `extraWorkingDays` are (usually) Saturdays worked in exchange for a swapped day off.
 */
export interface OfficialCalendarYear {
  readonly year: number;
  readonly daysOff: readonly CalendarDayEntry[];
  readonly extraWorkingDays: readonly CalendarDayEntry[];
  /** Defaults to `'official'` when absent. */
  readonly source?: CalendarSource;
  /** Free text: where the data comes from, what is still to be confirmed. */
  readonly note?: string;
}

/** A year's calendar as the work calendar uses it, with its source resolved. */
export interface ResolvedCalendarYear extends OfficialCalendarYear {
  readonly source: CalendarSource;
}

/** A working period of the day, e.g. `{ start: '07:00', end: '11:30' }` (end exclusive). */
export interface WorkingPeriod {
  readonly start: TimeOfDay;
  readonly end: TimeOfDay;
}

/** Description of one local date. */
export interface DayInfo {
  readonly date: IsoDate;
  readonly weekday: Weekday;
  readonly isWorkingDay: boolean;
  readonly kind: DayKind;
  /** Name of the holiday / swap from the year's calendar, `null` for ordinary days and weekends. */
  readonly name: string | null;
  /** Source of the year's calendar that decided this day. */
  readonly source: CalendarSource;
}

/** Thrown when a calendar configuration (hours, weekend, official years) is invalid. */
export class CalendarConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarConfigError';
  }
}
