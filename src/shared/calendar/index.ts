/**
 * Working-day calendar (lịch làm việc): pure module shared by server and browser.
 * See DOMAIN.md "Dossier" for the conventions implemented here.
 */
export * from './types.js';
export {
  VN_UTC_OFFSET_MINUTES,
  addCalendarDays,
  formatReceiptTime,
  fromLocal,
  localDateTime,
  toLocalDate,
  type LocalDateTime,
} from './local-time.js';
export { DEFAULT_WORKING_HOURS } from './working-hours.js';
export { DEFAULT_WEEKEND_DAYS, validateOfficialYear } from './day-rules.js';
export { type DeadlineInput, type DeadlineOptions, type DeadlineResult, validateDuration } from './deadline.js';
export { classifyOutcome, classifyPending } from './outcome.js';
export { OFFICIAL_CALENDARS } from './official-calendars.js';
export { proposeOfficialCalendar, type ProposeOptions } from './propose-holidays.js';
export {
  DEFAULT_HOURS_PER_WORKING_DAY,
  createWorkCalendarCore,
  type WorkCalendar,
  type WorkCalendarConfig,
  type WorkCalendarCoreOptions,
  type WorkCalendarOptions,
} from './work-calendar-core.js';
export { createWorkCalendar } from './work-calendar.js';
