/**
 * Catalog rules that need no database: legal time in working minutes, internal-process validation and time cut,
 * the 5-day publication rule, the canonical content hash used by imports.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_HOURS_PER_WORKING_DAY, addCalendarDays, createWorkCalendar, toLocalDate, type WorkCalendar } from '../../../shared/calendar';
import { timeUnitLabels, type ProcedureContent, type TimeUnit } from '../../../shared/schemas/catalog';

/** Today in Vietnam ('YYYY-MM-DD'): the default "as of" date of every catalog query. */
export function todayInVietnam(now = new Date()): string {
  return toLocalDate(now);
}

/** The day before a date: a version replaced on D is valid until D − 1 (validTo is inclusive). */
export function dayBefore(date: string): string {
  return addCalendarDays(date, -1);
}

/**
 * Legal processing time in working minutes, the budget an internal process must fit:
 * - working days × 8 working hours (DEFAULT_HOURS_PER_WORKING_DAY);
 * - working hours as they are;
 * - calendar days are compared as calendar days × 8 working hours. This is an upper bound (a calendar day
 *   never holds more than one working day), so a process that exceeds it surely exceeds the legal time; a
 *   process that fits it may still be tight when the period spans weekends and holidays, which only the
 *   deadline computed on the agency's work calendar for a real dossier can tell.
 */
export function legalMinutes(time: { value: number; unit: TimeUnit }): number {
  switch (time.unit) {
    case 'working_days':
    case 'calendar_days':
      return Math.round(time.value * DEFAULT_HOURS_PER_WORKING_DAY * 60);
    case 'working_hours':
      return Math.round(time.value * 60);
  }
}

/** Hours as Vietnamese writes them: 24,25. */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100).replace('.', ',');
}

/** "05 ngày làm việc", "04 giờ làm việc", "15 ngày", as procedures are written. */
export function formatProcessingTime(time: { value: number; unit: TimeUnit }): string {
  const value = Number.isInteger(time.value) ? String(time.value).padStart(2, '0') : String(time.value).replace('.', ',');
  return `${value} ${timeUnitLabels[time.unit]}`;
}

export interface ProcessCheck {
  totalMinutes: number;
  legalMinutes: number;
  withinLegalTime: boolean;
  /** (legal − total) / legal in percent, one decimal; negative when over. */
  cutPercent: number;
}

function roundHalfAway(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
}

/** Compares an internal process's total with the legal time: the steps' total must not exceed it. */
export function checkInternalProcess(stepMinutes: readonly number[], time: { value: number; unit: TimeUnit }): ProcessCheck {
  const totalMinutes = stepMinutes.reduce((sum, m) => sum + m, 0);
  const legal = legalMinutes(time);
  return {
    totalMinutes,
    legalMinutes: legal,
    withinLegalTime: totalMinutes <= legal,
    cutPercent: legal > 0 ? roundHalfAway(((legal - totalMinutes) / legal) * 100, 1) : 0,
  };
}

/**
 * The 5-day rule. NĐ 63/2010/NĐ-CP Điều 15 (amended by NĐ 48/2013/NĐ-CP): a provincial publication decision is
 * issued "chậm nhất trước 05 (năm) ngày làm việc tính đến ngày văn bản quy phạm pháp luật có quy định về thủ tục
 * hành chính có hiệu lực thi hành". Counted on the working-day calendar (weekends, public holidays, official
 * swaps): the decision is on time when at least 5 working days lie after its signature date and up to and
 * including the day the legal document takes effect, i.e. `workingDaysBetween(signedOn, effective] >= 5`;
 * equivalently, late when `signedOn > addWorkingDays(effective, −5)`. Example: a document in force on Monday
 * 12/07/2021 needs the decision signed by Monday 05/07/2021; one signed on Tuesday 06/07/2021 is late.
 */
export const PUBLICATION_LEAD_WORKING_DAYS = 5;

let calendar: WorkCalendar | undefined;
function workCalendar(): WorkCalendar {
  calendar ??= createWorkCalendar();
  return calendar;
}

export interface Timeliness {
  late: boolean | null;
  deadline: string | null;
  workingDaysBefore: number | null;
  requiredWorkingDays: number;
}

export function publicationTimeliness(signedOn: string, legalDocumentEffectiveFrom: string | null | undefined): Timeliness {
  const required = PUBLICATION_LEAD_WORKING_DAYS;
  if (!legalDocumentEffectiveFrom) return { late: null, deadline: null, workingDaysBefore: null, requiredWorkingDays: required };
  const cal = workCalendar();
  const deadline = cal.addWorkingDays(legalDocumentEffectiveFrom, -required);
  const workingDaysBefore = cal.workingDaysBetween(signedOn, legalDocumentEffectiveFrom);
  return { late: signedOn > deadline, deadline, workingDaysBefore, requiredWorkingDays: required };
}

/** Content fields that make a version; the hash below covers exactly these plus the agencies. */
export type VersionContent = Omit<ProcedureContent, 'agencyIds'>;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/**
 * sha256 of the canonical content (keys sorted, empty values dropped so null and absent compare equal) and the
 * sorted agency ids. Two versions with the same hash publish the same thing.
 */
export function contentHash(content: VersionContent, agencyIds: readonly string[]): string {
  const { agencyIds: _ignored, ...rest } = content as ProcedureContent;
  const payload = JSON.stringify([canonical(rest), [...agencyIds].sort()]);
  return createHash('sha256').update(payload).digest('hex');
}
