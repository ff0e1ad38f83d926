import { sql } from 'drizzle-orm';
import { CalendarConfigError, OFFICIAL_CALENDARS, validateOfficialYear, type OfficialCalendarYear } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import { officialYearProblems, type OfficialYearInput } from '../../../shared/schemas/calendar';
import { AuditAction } from '../../../shared/audit-actions';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import type { Executor } from '../../db/client';
import { officialCalendars } from '../../db/schema';
import { findCalendarYear } from './calendar.queries';

/**
 * Enters (or corrects) a year's official calendar from the government's announcement. Dossiers already received
 * keep their due dates; the new calendar applies to due dates computed from now on.
 */
export async function updateCalendarYear(tx: Executor, actor: Actor, year: number, input: OfficialYearInput) {
  const problems = officialYearProblems(year, input);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { details: { fields: problems } });
  const data = { year, daysOff: input.daysOff, extraWorkingDays: input.extraWorkingDays, source: input.source, note: input.note };
  try {
    validateOfficialYear(data);
  } catch (err) {
    if (err instanceof CalendarConfigError) throw new AppError('VALIDATION_FAILED', { details: { reason: err.message } });
    throw err;
  }
  const before = await findCalendarYear(tx, year);
  await tx
    .insert(officialCalendars)
    .values({ ...data, note: input.note ?? null, updatedById: actor.userId })
    .onConflictDoUpdate({
      target: officialCalendars.year,
      set: {
        daysOff: data.daysOff,
        extraWorkingDays: data.extraWorkingDays,
        source: data.source,
        note: input.note ?? null,
        updatedById: actor.userId,
        updatedAt: sql`now()`,
      },
    });
  await recordAudit(tx, actor, {
    action: AuditAction.CALENDAR_YEAR_UPDATED,
    subjectType: 'official_calendar',
    subjectId: String(year),
    summary: {
      previousOrigin: before.origin,
      daysOff: data.daysOff.map((d) => d.date),
      extraWorkingDays: data.extraWorkingDays.map((d) => d.date),
      previousDaysOff: before.daysOff.map((d) => d.date),
    },
  });
  return findCalendarYear(tx, year);
}

/** Writes the shipped calendars into the table where a year is missing (seeding; never overwrites). Returns rows added. */
export async function seedOfficialCalendars(tx: Executor, years: readonly OfficialCalendarYear[] = OFFICIAL_CALENDARS): Promise<number> {
  let added = 0;
  for (const y of years) {
    const rows = await tx
      .insert(officialCalendars)
      .values({ year: y.year, daysOff: [...y.daysOff], extraWorkingDays: [...y.extraWorkingDays], source: y.source ?? 'official', note: y.note ?? null })
      .onConflictDoNothing()
      .returning({ year: officialCalendars.year });
    added += rows.length;
  }
  return added;
}
