/**
 * Working hours (giờ làm việc) of an agency: validation and compilation into milliseconds.
 */
import { formatTimeOfDay, parseTimeOfDay } from './local-time.js';
import { CalendarConfigError, type TimeOfDay, type WorkingPeriod } from './types.js';

/** Default office hours: 07:00–11:30 and 13:30–17:00 (8 working hours). */
export const DEFAULT_WORKING_HOURS: readonly WorkingPeriod[] = Object.freeze([
  Object.freeze({ start: '07:00', end: '11:30' }),
  Object.freeze({ start: '13:30', end: '17:00' }),
]);

/** A working period in milliseconds since local midnight: `open` inclusive, `close` exclusive. */
export interface CompiledPeriod {
  readonly open: number;
  readonly close: number;
}

/**
 * Validates a list of working periods and compiles it. Rules: at least one period; times `HH:MM`
 * between 00:00 and 23:59; each `start` before its `end`; periods listed in order and not
 * overlapping. Periods that touch (one ends when the next starts) are merged into one.
 * Throws `CalendarConfigError` with the offending period.
 */
export function compileWorkingHours(periods: readonly WorkingPeriod[]): CompiledPeriod[] {
  if (!Array.isArray(periods) || periods.length === 0) {
    throw new CalendarConfigError('Working hours must list at least one period, e.g. [{ start: "07:00", end: "11:30" }]');
  }
  const compiled: CompiledPeriod[] = [];
  periods.forEach((period, index) => {
    const label = `Working period #${index + 1}`;
    let open: number;
    let close: number;
    try {
      open = parseTimeOfDay(period.start, `${label} start`);
      close = parseTimeOfDay(period.end, `${label} end`);
    } catch (error) {
      throw new CalendarConfigError((error as Error).message);
    }
    if (open >= close) {
      throw new CalendarConfigError(`${label} (${period.start}–${period.end}) must start before it ends`);
    }
    const previous = compiled[compiled.length - 1];
    if (previous) {
      if (open < previous.open) {
        throw new CalendarConfigError(
          `${label} (${period.start}–${period.end}) is out of order: periods must be sorted by start time`,
        );
      }
      if (open < previous.close) {
        throw new CalendarConfigError(
          `${label} (${period.start}–${period.end}) overlaps the previous period ending at ${formatTimeOfDay(previous.close)}`,
        );
      }
      if (open === previous.close) {
        compiled[compiled.length - 1] = { open: previous.open, close };
        return;
      }
    }
    compiled.push({ open, close });
  });
  return compiled;
}

/** Total working milliseconds of one working day. */
export function dailyWorkingMs(periods: readonly CompiledPeriod[]): number {
  return periods.reduce((sum, p) => sum + (p.close - p.open), 0);
}

/** Parses an optional per-procedure cut-off (`'15:00'`); `null`/`undefined` means no cut-off. */
export function parseCutOff(cutOff: TimeOfDay | null | undefined): number | null {
  if (cutOff === null || cutOff === undefined) return null;
  return parseTimeOfDay(cutOff, 'cutOff');
}
