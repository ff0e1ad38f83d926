/**
 * Work calendars from the database: the official calendar per year as administrators entered it, falling back to
 * the calendars shipped with the system and then to the statutory proposal; working hours per agency.
 */
import { asc, eq } from 'drizzle-orm';
import {
  OFFICIAL_CALENDARS,
  createWorkCalendar,
  proposeOfficialCalendar,
  type OfficialCalendarYear,
  type WorkCalendar,
  type WorkingPeriod,
} from '../../../shared/calendar';
import type { CalendarYearOrigin } from '../../../shared/schemas/calendar';
import type { Executor } from '../../db/client';
import { agencies, officialCalendars } from '../../db/schema';

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

/**
 * Loads the official years once and builds work calendars per agency on demand, so a batch (the deadline sweep,
 * a simulation) computes with one read of the calendar table.
 */
export async function createCalendarSource(executor: Executor) {
  const years = await loadOfficialYears(executor);
  const byAgency = new Map<string, WorkCalendar>();
  const byDefault = buildWorkCalendar(years);
  return {
    years,
    defaultCalendar: byDefault,
    async forAgency(agencyId: string | null | undefined): Promise<WorkCalendar> {
      if (!agencyId) return byDefault;
      const cached = byAgency.get(agencyId);
      if (cached) return cached;
      const [agency] = await executor.select({ workingHours: agencies.workingHours }).from(agencies).where(eq(agencies.id, agencyId));
      const calendar = agency?.workingHours && agency.workingHours.length > 0 ? buildWorkCalendar(years, agency.workingHours) : byDefault;
      byAgency.set(agencyId, calendar);
      return calendar;
    },
  };
}
export type CalendarSource = Awaited<ReturnType<typeof createCalendarSource>>;

/** The work calendar of one agency (its working hours, the official years). */
export async function loadWorkCalendar(executor: Executor, agencyId?: string | null): Promise<WorkCalendar> {
  return (await createCalendarSource(executor)).forAgency(agencyId);
}
