/**
 * Working-time arithmetic on local ms (see local-time.ts), following the convention of DOMAIN.md
 * "Working-time arithmetic":
 * - the clock starts at the receipt instant moved forward to the next opening;
 * - time counts only inside working periods of working days;
 * - an instant that lands exactly on a closing time stays on that day (Mon 07:00 + 8 h = Mon 17:00).
 */
import { MS_PER_DAY, dayNumberOf } from './local-time.js';
import type { DayRules } from './day-rules.js';
import type { CompiledPeriod } from './working-hours.js';

/** What the arithmetic needs to know about an agency's calendar. */
export interface Schedule {
  readonly periods: readonly CompiledPeriod[];
  readonly days: Pick<DayRules, 'isWorkingDay' | 'findWorkingDay'>;
}

/** Opening instant (local ms) of the first working day at or after `dayNumber`. */
export function openingOnOrAfter(schedule: Schedule, dayNumber: number): number {
  return schedule.days.findWorkingDay(dayNumber, 1) * MS_PER_DAY + schedule.periods[0]!.open;
}

/** Whether a local instant lies inside a working period of a working day (closing time excluded). */
export function isWorkingInstant(schedule: Schedule, local: number): boolean {
  const day = dayNumberOf(local);
  if (!schedule.days.isWorkingDay(day)) return false;
  const m = local - day * MS_PER_DAY;
  return schedule.periods.some((p) => m >= p.open && m < p.close);
}

/**
 * Start of processing for a receipt at `local`: unchanged inside working hours; before an opening →
 * that opening (so during lunch → 13:30); at or after the last closing, on a day off, or strictly
 * after the cut-off (`cutOffMs`, ms since midnight) → the next working day's opening.
 */
export function processingStartLocal(schedule: Schedule, local: number, cutOffMs: number | null): number {
  const day = dayNumberOf(local);
  if (!schedule.days.isWorkingDay(day)) return openingOnOrAfter(schedule, day + 1);
  const m = local - day * MS_PER_DAY;
  if (cutOffMs !== null && m > cutOffMs) return openingOnOrAfter(schedule, day + 1);
  for (const p of schedule.periods) {
    if (m < p.open) return day * MS_PER_DAY + p.open;
    if (m < p.close) return local;
  }
  return openingOnOrAfter(schedule, day + 1);
}

/**
 * The local instant reached after `amountMs` of working time counted from `local` (time outside
 * working hours is skipped). Landing exactly on a closing time stays there (11:30 or 17:00), it does
 * not jump to the next opening. `amountMs` 0 returns `local` unchanged.
 */
export function addWorkingMs(schedule: Schedule, local: number, amountMs: number): number {
  if (!(amountMs >= 0) || !Number.isFinite(amountMs)) throw new RangeError(`Working time to add must be finite and >= 0, got ${amountMs}`);
  if (amountMs === 0) return local;
  let remaining = amountMs;
  let day = dayNumberOf(local);
  let m = local - day * MS_PER_DAY;
  for (;;) {
    const workingDay = schedule.days.findWorkingDay(day, 1);
    if (workingDay !== day) {
      day = workingDay;
      m = 0;
    }
    for (const p of schedule.periods) {
      if (p.close <= m) continue;
      const from = Math.max(m, p.open);
      const available = p.close - from;
      if (remaining <= available) return day * MS_PER_DAY + from + remaining;
      remaining -= available;
    }
    day += 1;
    m = 0;
  }
}

/** Working time (ms) of `day` inside [fromMs, toMs) (ms since midnight). */
function workingMsInDay(schedule: Schedule, day: number, fromMs: number, toMs: number): number {
  if (!schedule.days.isWorkingDay(day)) return 0;
  let total = 0;
  for (const p of schedule.periods) {
    const a = Math.max(fromMs, p.open);
    const b = Math.min(toMs, p.close);
    if (b > a) total += b - a;
  }
  return total;
}

/** Working time (ms) between two local instants; negative when `b` is before `a`. */
export function workingMsBetween(schedule: Schedule, a: number, b: number): number {
  if (b < a) return -workingMsBetween(schedule, b, a);
  const firstDay = dayNumberOf(a);
  const lastDay = dayNumberOf(b);
  if (firstDay === lastDay) return workingMsInDay(schedule, firstDay, a - firstDay * MS_PER_DAY, b - lastDay * MS_PER_DAY);
  let total = workingMsInDay(schedule, firstDay, a - firstDay * MS_PER_DAY, MS_PER_DAY);
  for (let day = firstDay + 1; day < lastDay; day += 1) total += workingMsInDay(schedule, day, 0, MS_PER_DAY);
  return total + workingMsInDay(schedule, lastDay, 0, b - lastDay * MS_PER_DAY);
}

/**
 * Moves a local instant that falls on a non-working day to the first working day after it, keeping
 * the time of day (used for calendar-day durations). A working day is left unchanged.
 */
export function moveOffNonWorkingDay(schedule: Schedule, local: number): number {
  const day = dayNumberOf(local);
  const target = schedule.days.findWorkingDay(day, 1);
  return local + (target - day) * MS_PER_DAY;
}
