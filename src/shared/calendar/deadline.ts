/**
 * Due dates (hạn giải quyết) of dossiers: durations, per-procedure cut-off and supplement periods.
 */
import { MS_PER_DAY, MS_PER_HOUR, fromLocalMs, toLocalMs } from './local-time.js';
import { parseCutOff } from './working-hours.js';
import { addWorkingMs, moveOffNonWorkingDay, processingStartLocal, workingMsBetween, type Schedule } from './working-time.js';
import {
  DEADLINE_STATUSES,
  DURATION_UNITS,
  SUPPLEMENT_RULES,
  type Duration,
  type DurationUnit,
  type SupplementRule,
  type Suspension,
  type TimeOfDay,
} from './types.js';

/** Per-procedure options of a deadline computation. */
export interface DeadlineOptions {
  /** Cut-off hour (`'15:00'`): received strictly after it → counted from the next working day's opening. Off by default. */
  readonly cutOff?: TimeOfDay | null;
}

export interface DeadlineInput extends DeadlineOptions {
  /** Receipt instant shown on the receipt (NĐ 118 Điều 17.3). */
  readonly receivedAt: Date;
  readonly duration: Duration;
  /** Default `'restart'` (NĐ 118 Điều 19.5). */
  readonly rule?: SupplementRule;
  /** Periods waiting for a supplement, in any order, not overlapping; only the last may be open (`to: null`). */
  readonly suspensions?: readonly Suspension[];
}

export type DeadlineResult =
  | {
      readonly status: typeof DEADLINE_STATUSES.RUNNING;
      readonly dueAt: Date;
      /** Instant the (current) count started: receipt moved to an opening, or, under `restart`, the end of the last suspension. */
      readonly startedAt: Date;
    }
  | {
      readonly status: typeof DEADLINE_STATUSES.SUSPENDED;
      readonly dueAt: null;
      /** Start of the open suspension. */
      readonly suspendedSince: Date;
      /** Time left when the clock resumes: the whole duration under `restart`, what was not used under `pause` (>= 0). */
      readonly remaining: Duration;
    };

/** What deadline computations need from a work calendar. */
export interface DeadlineContext {
  readonly schedule: Schedule;
  readonly hoursPerWorkingDay: number;
}

const UNITS = new Set<string>(Object.values(DURATION_UNITS));
const RULES = new Set<string>(Object.values(SUPPLEMENT_RULES));

/** Throws a `RangeError` unless `duration` has a known unit and a finite value >= 0 (whole for calendar days). */
export function validateDuration(duration: Duration): void {
  if (!duration || typeof duration !== 'object') throw new RangeError('duration must be an object { value, unit }');
  if (!UNITS.has(duration.unit)) {
    throw new RangeError(`duration unit "${String(duration.unit)}" is not one of ${[...UNITS].join(', ')}`);
  }
  if (typeof duration.value !== 'number' || !Number.isFinite(duration.value) || duration.value < 0) {
    throw new RangeError(`duration value must be a finite number >= 0, got ${String(duration.value)}`);
  }
  if (duration.unit === DURATION_UNITS.CALENDAR_DAYS && !Number.isInteger(duration.value)) {
    throw new RangeError(`a duration in calendar_days must be a whole number, got ${duration.value}`);
  }
}

function unitMs(unit: DurationUnit, hoursPerWorkingDay: number): number {
  switch (unit) {
    case DURATION_UNITS.WORKING_DAYS:
      return hoursPerWorkingDay * MS_PER_HOUR;
    case DURATION_UNITS.WORKING_HOURS:
      return MS_PER_HOUR;
    case DURATION_UNITS.CALENDAR_DAYS:
      return MS_PER_DAY;
  }
}

/** Duration in milliseconds of the unit's own time (working time, or calendar time for calendar days). */
function durationMs(duration: Duration, hoursPerWorkingDay: number): number {
  return Math.round(duration.value * unitMs(duration.unit, hoursPerWorkingDay));
}

/** Due local instant for `amountMs` counted from an already normalised start. */
function dueFrom(ctx: DeadlineContext, startLocal: number, amountMs: number, unit: DurationUnit): number {
  if (unit === DURATION_UNITS.CALENDAR_DAYS) return moveOffNonWorkingDay(ctx.schedule, startLocal + amountMs);
  return addWorkingMs(ctx.schedule, startLocal, amountMs);
}

/** Time of `unit` elapsed between two local instants. */
function elapsedMs(ctx: DeadlineContext, fromLocal: number, toLocal: number, unit: DurationUnit): number {
  if (toLocal <= fromLocal) return 0;
  if (unit === DURATION_UNITS.CALENDAR_DAYS) return toLocal - fromLocal;
  return workingMsBetween(ctx.schedule, fromLocal, toLocal);
}

/** Start of processing (local ms) for a receipt, honouring the optional cut-off. */
export function processingStart(ctx: DeadlineContext, receivedAt: Date, options: DeadlineOptions = {}): Date {
  return fromLocalMs(processingStartLocal(ctx.schedule, toLocalMs(receivedAt, 'receivedAt'), parseCutOff(options.cutOff)));
}

/**
 * Due instant of a dossier received at `receivedAt` without supplements.
 * Working days / hours: start + N × hoursPerWorkingDay (or N) working hours. Calendar days: start +
 * N × 24 h at the same clock time, moved to the next working day (same clock time) if that is a
 * day off. Because the start is always inside working hours, the clock time is too.
 */
export function computeDueAt(ctx: DeadlineContext, receivedAt: Date, duration: Duration, options: DeadlineOptions = {}): Date {
  validateDuration(duration);
  const start = processingStartLocal(ctx.schedule, toLocalMs(receivedAt, 'receivedAt'), parseCutOff(options.cutOff));
  return fromLocalMs(dueFrom(ctx, start, durationMs(duration, ctx.hoursPerWorkingDay), duration.unit));
}

interface LocalSuspension {
  readonly from: number;
  readonly to: number | null;
}

function normaliseSuspensions(receivedLocal: number, suspensions: readonly Suspension[]): LocalSuspension[] {
  if (!Array.isArray(suspensions)) throw new TypeError('suspensions must be an array');
  const list = suspensions
    .map((s, i) => {
      const from = toLocalMs(s.from, `suspensions[${i}].from`);
      const to = s.to === null ? null : toLocalMs(s.to, `suspensions[${i}].to`);
      if (to !== null && to < from) throw new RangeError(`suspensions[${i}] ends before it starts`);
      if (from < receivedLocal) throw new RangeError(`suspensions[${i}] starts before the dossier was received`);
      return { from, to };
    })
    .sort((a, b) => a.from - b.from);
  list.forEach((s, i) => {
    const next = list[i + 1];
    if (!next) return;
    if (s.to === null) throw new RangeError('only the last suspension may be open (to: null)');
    if (next.from < s.to) throw new RangeError('suspensions overlap');
  });
  return list;
}

/**
 * Deadline of a dossier, taking supplement requests into account.
 * - `restart` (default, NĐ 118 Điều 19.5): the end of the last suspension is treated as a new
 *   receipt (moved to an opening, cut-off applied) and the full duration counts from there.
 * - `pause`: the clock runs from the receipt's start until a suspension begins, stops, and resumes
 *   at the end of the suspension moved to the next opening (cut-off applied, as for a receipt) with
 *   the time left. Time used is measured in the duration's own time: working time for working
 *   units, elapsed calendar time for calendar days. If the time ran out before a suspension began,
 *   the due instant is before that suspension and does not move. For calendar days the due clock
 *   time may then fall outside working hours: it is kept as is (only a day off moves it, to the next
 *   working day at the same clock time), since outcomes are compared at date level.
 * While a suspension is open, `dueAt` is `null` (status `'suspended'`), whatever the rule.
 */
export function computeDeadline(ctx: DeadlineContext, input: DeadlineInput): DeadlineResult {
  const { duration } = input;
  validateDuration(duration);
  const rule = input.rule ?? SUPPLEMENT_RULES.RESTART;
  if (!RULES.has(rule)) throw new RangeError(`supplement rule "${String(rule)}" is not one of ${[...RULES].join(', ')}`);
  const cutOffMs = parseCutOff(input.cutOff);
  const received = toLocalMs(input.receivedAt, 'receivedAt');
  const suspensions = normaliseSuspensions(received, input.suspensions ?? []);
  const total = durationMs(duration, ctx.hoursPerWorkingDay);
  const last = suspensions[suspensions.length - 1];

  const suspended = (since: number, remainingMs: number): DeadlineResult => ({
    status: DEADLINE_STATUSES.SUSPENDED,
    dueAt: null,
    suspendedSince: fromLocalMs(since),
    remaining: { value: remainingMs / unitMs(duration.unit, ctx.hoursPerWorkingDay), unit: duration.unit },
  });

  if (rule === SUPPLEMENT_RULES.RESTART) {
    if (last && last.to === null) return suspended(last.from, total);
    // A new receipt: the end of the last suspension (or the original receipt when there is none).
    const start = processingStartLocal(ctx.schedule, last?.to ?? received, cutOffMs);
    return {
      status: DEADLINE_STATUSES.RUNNING,
      dueAt: fromLocalMs(dueFrom(ctx, start, total, duration.unit)),
      startedAt: fromLocalMs(start),
    };
  }

  const firstStart = processingStartLocal(ctx.schedule, received, cutOffMs);
  const running = (dueLocal: number): DeadlineResult => ({
    status: DEADLINE_STATUSES.RUNNING,
    dueAt: fromLocalMs(dueLocal),
    startedAt: fromLocalMs(firstStart),
  });
  let clock = firstStart;
  let remaining = total;
  for (const s of suspensions) {
    const used = elapsedMs(ctx, clock, s.from, duration.unit);
    if (used >= remaining) {
      // The time ran out before this suspension began: the due instant is fixed.
      if (last && last.to === null) return suspended(last.from, 0);
      return running(dueFrom(ctx, clock, remaining, duration.unit));
    }
    remaining -= used;
    if (s.to === null) return suspended(s.from, remaining);
    clock = Math.max(clock, processingStartLocal(ctx.schedule, s.to, cutOffMs));
  }
  return running(dueFrom(ctx, clock, remaining, duration.unit));
}
