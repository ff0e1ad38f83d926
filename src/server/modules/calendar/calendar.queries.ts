/**
 * Work calendars from the database: the official calendar per year as administrators entered it, falling back to
 * the calendars shipped with the system and then to the statutory proposal; working hours per agency.
 */
import { asc, eq, sql } from 'drizzle-orm';
import {
  OFFICIAL_CALENDARS,
  createWorkCalendar,
  proposeOfficialCalendar,
  type OfficialCalendarYear,
  type WorkCalendar,
  type WorkingPeriod,
} from '../../../shared/calendar';
import type { CalendarYearOrigin } from '../../../shared/schemas/calendar';
import { queryRows, type Executor } from '../../db/client';
import { officialCalendars } from '../../db/schema';

export interface StoredCalendarYear extends OfficialCalendarYear {
  readonly source: 'official' | 'proposed';
  readonly origin: CalendarYearOrigin;
  readonly updatedAt: Date | null;
}

type Row = typeof officialCalendars.$inferSelect;

function fromRow(row: Row): StoredCalendarYear {
  return {
    year: row.year,
    daysOff: row.daysOff,
    extraWorkingDays: row.extraWorkingDays,
    source: row.source === 'proposed' ? 'proposed' : 'official',
    note: row.note ?? undefined,
    origin: 'database',
    updatedAt: row.updatedAt,
  };
}

function shipped(year: OfficialCalendarYear): StoredCalendarYear {
  return { ...year, source: year.source ?? 'official', origin: 'shipped', updatedAt: null };
}

/** Every year with data: stored rows, and the shipped years nobody has overridden. */
export async function loadOfficialYears(executor: Executor): Promise<StoredCalendarYear[]> {
  const rows = await executor.select().from(officialCalendars).orderBy(asc(officialCalendars.year));
  const stored = rows.map(fromRow);
  const have = new Set(stored.map((y) => y.year));
  const fallback = OFFICIAL_CALENDARS.filter((y) => !have.has(y.year)).map(shipped);
  return [...stored, ...fallback].sort((a, b) => a.year - b.year);
}

/** One year as the system uses it: stored, shipped, or else the statutory proposal. */
export async function findCalendarYear(executor: Executor, year: number): Promise<StoredCalendarYear> {
  const [row] = await executor.select().from(officialCalendars).where(eq(officialCalendars.year, year));
  if (row) return fromRow(row);
  const ship = OFFICIAL_CALENDARS.find((y) => y.year === year);
  if (ship) return shipped(ship);
  const proposal = proposeOfficialCalendar(year);
  return { ...proposal, source: 'proposed', origin: 'proposal', updatedAt: null };
}

/** A work calendar for given working hours (null: the default 07:00–11:30, 13:30–17:00). */
export function buildWorkCalendar(years: readonly OfficialCalendarYear[], hours?: readonly WorkingPeriod[] | null): WorkCalendar {
  return createWorkCalendar({ officialYears: years, ...(hours && hours.length > 0 ? { hours } : {}) });
}

/** Work calendars per agency for a batch (the deadline sweep, a simulation), each loaded once. */
export async function createCalendarSource(executor: Executor) {
  const byAgency = new Map<string, Promise<WorkCalendar>>();
  const defaultCalendar = await loadWorkCalendar(executor);
  return {
    defaultCalendar,
    forAgency(agencyId: string | null | undefined): Promise<WorkCalendar> {
      if (!agencyId) return Promise.resolve(defaultCalendar);
      let calendar = byAgency.get(agencyId);
      if (!calendar) {
        calendar = loadWorkCalendar(executor, agencyId);
        byAgency.set(agencyId, calendar);
      }
      return calendar;
    },
  };
}
export type CalendarSource = Awaited<ReturnType<typeof createCalendarSource>>;

/**
 * Built calendars, keyed by the calendar table's fingerprint (row count and last update) and the working hours:
 * building one for a year without official data computes lunar holidays (~15 ms), too slow for every intake.
 * An administrator's change alters the fingerprint, so every instance sees it on its next read.
 */
const builtCalendars = new Map<string, WorkCalendar>();
const MAX_BUILT_CALENDARS = 64;

/** The calendar table's fingerprint and the agency's working hours, in one round trip. */
async function calendarFingerprint(executor: Executor, agencyId: string | null | undefined) {
  const [row] = await queryRows<{ n: number; last: string | null; hours: { start: string; end: string }[] | null }>(
    executor,
    sql`SELECT (SELECT count(*)::int FROM official_calendars) AS n, (SELECT max(updated_at)::text FROM official_calendars) AS last,
          ${agencyId ? sql`(SELECT working_hours FROM agencies WHERE id = ${agencyId})` : sql`NULL::jsonb`} AS hours`,
  );
  return { fingerprint: `${row?.n ?? 0}@${row?.last ?? ''}`, hours: row?.hours ?? null };
}

/** The work calendar of one agency (its working hours, the official years). */
export async function loadWorkCalendar(executor: Executor, agencyId?: string | null): Promise<WorkCalendar> {
  const { fingerprint, hours } = await calendarFingerprint(executor, agencyId);
  const key = `${fingerprint}|${hours && hours.length > 0 ? JSON.stringify(hours) : 'default'}`;
  const cached = builtCalendars.get(key);
  if (cached) return cached;
  const calendar = buildWorkCalendar(await loadOfficialYears(executor), hours);
  if (builtCalendars.size >= MAX_BUILT_CALENDARS) builtCalendars.clear();
  builtCalendars.set(key, calendar);
  return calendar;
}
