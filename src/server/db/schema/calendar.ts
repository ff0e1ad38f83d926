/** The editable official calendar (lịch nghỉ lễ, Tết) per year: the source of truth for days off. */
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CalendarDayEntry } from '../../../shared/calendar/types';
import { users } from './users';

/**
 * One year as announced by the government (days off, days in lieu, swapped working days). Years not stored here
 * fall back to the calendars shipped with the system, then to the statutory proposal.
 */
export const officialCalendars = pgTable('official_calendars', {
  year: integer().primaryKey(),
  daysOff: jsonb().$type<CalendarDayEntry[]>().notNull(),
  extraWorkingDays: jsonb().$type<CalendarDayEntry[]>().notNull(),
  /** official (entered from the announcement) | proposed (computed, to be confirmed) */
  source: text().notNull().default('official'),
  note: text(),
  updatedById: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
