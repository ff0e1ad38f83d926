/**
 * `createWorkCalendar` with the project's defaults: the shipped official calendars (2021, 2026) and,
 * for other years, the statutory proposal computed with date-holidays.
 */
import { OFFICIAL_CALENDARS } from './official-calendars.js';
import { proposeOfficialCalendar } from './propose-holidays.js';
import { createWorkCalendarCore, type WorkCalendar, type WorkCalendarOptions } from './work-calendar-core.js';

/**
 * Creates an agency's work calendar. `officialYears` replaces the shipped calendars when given
 * (pass `[...OFFICIAL_CALENDARS, ...more]` to extend them); a year it lacks falls back to
 * `fallbackYear`, by default `proposeOfficialCalendar` (Saturday/Sunday rest days, as for civil
 * servants, whatever the agency's own `weekendDays`). Throws `CalendarConfigError` on bad config.
 */
export function createWorkCalendar(options: WorkCalendarOptions = {}): WorkCalendar {
  return createWorkCalendarCore({
    ...options,
    officialYears: options.officialYears ?? OFFICIAL_CALENDARS,
    fallbackYear: options.fallbackYear ?? ((year) => proposeOfficialCalendar(year)),
  });
}
