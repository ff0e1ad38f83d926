/**
 * Deadline rules of a dossier, on top of the working-day calendar: the due date at receipt, per-step planned due
 * instants of the internal process, the online acceptance deadlines, the restart (or pause) after a supplement,
 * the supplement-request window, the closure of unanswered supplement requests, due-soon and the apology limit.
 * Pure: the calendar is passed in.
 */
import { addCalendarDays, classifyOutcome, toLocalDate, type Duration, type Outcome, type Suspension, type WorkCalendar } from '../calendar';

/** What the deadline rules need from a procedure snapshot. */
export interface DeadlineProcedure {
  readonly time: Duration;
  readonly cutoffTime: string | null;
  readonly steps: readonly { readonly position: number; readonly allottedMinutes: number }[];
}

/** What they need from the dossier's rules. */
export interface DeadlineRules {
  readonly supplementRule: 'restart' | 'pause';
  readonly supplementWindowWorkingDays: number | null;
  readonly closeAfterSupplementDays: number | null;
  readonly onlineAlertHours: number;
  readonly onlineAcceptWorkingHours: number;
  readonly dueSoonWorkingDays: number;
  readonly statisticsAgainst: 'original' | 'current';
  readonly apologyDaysBeforeDue: number;
}

export interface StepPlan {
  readonly position: number;
  readonly plannedDueAt: Date;
}

/**
 * Planned due instants of the steps from `fromPosition` on, each step's allotted working time added to the end of
 * the previous one, starting at `start` (an instant inside working hours).
 */
export function planSteps(calendar: WorkCalendar, procedure: DeadlineProcedure, start: Date, fromPosition = 0): StepPlan[] {
  const plan: StepPlan[] = [];
  let at = start;
  for (const step of procedure.steps) {
    if (step.position < fromPosition) continue;
    at = calendar.addWorkingMinutes(at, step.allottedMinutes);
    plan.push({ position: step.position, plannedDueAt: at });
  }
  return plan;
}

/**
 * The step a dossier is at when received: the internal process's first step when that is the desk's own
 * (tiếp nhận), otherwise none yet (the desk forwards it to the first step).
 */
export function receiptStep(steps: readonly { readonly position: number; readonly role: string }[]): number | null {
  return steps[0]?.role === 'desk' ? steps[0].position : null;
}

export interface ReceiptSchedule {
  readonly processingStartedAt: Date;
  readonly dueAt: Date;
  readonly steps: StepPlan[];
}

/** Due date at receipt (NĐ 118 Điều 17.3: counted from the receipt instant on the receipt, cut-off honoured). */
export function scheduleAtReceipt(calendar: WorkCalendar, procedure: DeadlineProcedure, receivedAt: Date): ReceiptSchedule {
  const options = { cutOff: procedure.cutoffTime };
  const processingStartedAt = calendar.processingStart(receivedAt, options);
  const dueAt = calendar.computeDueAt(receivedAt, procedure.time, options);
  return { processingStartedAt, dueAt, steps: planSteps(calendar, procedure, processingStartedAt) };
}

/**
 * Due date once the complete supplement arrives at `now`: the count restarts from the beginning (NĐ 118 Điều
 * 19.5), or under the `pause` rule resumes with the time left. `suspensions` are all waiting periods, the last one
 * ending at `now`. Steps from `currentStep` on are planned again from the moment processing resumes.
 */
export function scheduleAfterSupplement(
  calendar: WorkCalendar,
  procedure: DeadlineProcedure,
  rules: Pick<DeadlineRules, 'supplementRule'>,
  receivedAt: Date,
  suspensions: readonly Suspension[],
  now: Date,
  currentStep: number | null,
): ReceiptSchedule {
  const result = calendar.computeDeadline({
    receivedAt,
    duration: procedure.time,
    cutOff: procedure.cutoffTime,
    rule: rules.supplementRule,
    suspensions,
  });
  if (result.status !== 'running') throw new Error('the supplement period must be closed before the due date is computed');
  const resumedAt = calendar.processingStart(now, { cutOff: procedure.cutoffTime });
  return {
    processingStartedAt: result.startedAt,
    dueAt: result.dueAt,
    steps: planSteps(calendar, procedure, resumedAt, currentStep ?? 0),
  };
}

/** Online dossiers (NĐ 118 Điều 17.2): alert the desk within N hours, accept or return within M working hours. */
export function acceptanceDeadlines(calendar: WorkCalendar, rules: Pick<DeadlineRules, 'onlineAlertHours' | 'onlineAcceptWorkingHours'>, arrivedAt: Date) {
  return {
    acceptAlertAt: new Date(arrivedAt.getTime() + rules.onlineAlertHours * 3_600_000),
    acceptDueAt: calendar.addWorkingMinutes(arrivedAt, rules.onlineAcceptWorkingHours * 60),
  };
}

/**
 * Last local date on which the competent agency may still ask for a supplement during appraisal: N working days
 * after the date processing started (NĐ 118 Điều 19.5: "không quá 03 ngày làm việc kể từ ngày tiếp nhận").
 */
export function supplementWindowEnd(calendar: WorkCalendar, rules: Pick<DeadlineRules, 'supplementWindowWorkingDays'>, processingStartedAt: Date): string | null {
  if (rules.supplementWindowWorkingDays === null) return null;
  return calendar.addWorkingDays(toLocalDate(processingStartedAt), rules.supplementWindowWorkingDays);
}

/** When an unanswered supplement request closes the dossier (15 days after the notice), or null. */
export function supplementClosureAt(rules: Pick<DeadlineRules, 'closeAfterSupplementDays'>, requestedAt: Date): Date | null {
  if (rules.closeAfterSupplementDays === null) return null;
  return new Date(requestedAt.getTime() + rules.closeAfterSupplementDays * 86_400_000);
}

/** Instant from which a running dossier counts as due soon: N working days before its due instant. */
export function isDueSoon(calendar: WorkCalendar, rules: Pick<DeadlineRules, 'dueSoonWorkingDays'>, dueAt: Date, now: Date): boolean {
  if (dueAt.getTime() <= now.getTime()) return false;
  const horizon = calendar.addWorkingMinutes(now, rules.dueSoonWorkingDays * calendar.config.hoursPerWorkingDay * 60);
  return dueAt.getTime() <= horizon.getTime();
}

/**
 * The apology with a new date is sent at the latest N days before the due date (NĐ 118 Điều 19.6): the last local
 * date on which it may still be sent.
 */
export function lastApologyDate(rules: Pick<DeadlineRules, 'apologyDaysBeforeDue'>, dueAt: Date): string {
  return addCalendarDays(toLocalDate(dueAt), -rules.apologyDaysBeforeDue);
}

/** The due instant of a new date chosen in an apology: the end of that working day. */
export function endOfWorkingDay(calendar: WorkCalendar, date: string): Date {
  const periods = calendar.config.hours;
  return calendar.fromLocal(date, periods[periods.length - 1]!.end);
}

/** Outcome against the due date statistics use (the original one unless configured otherwise). */
export function outcomeAt(rules: Pick<DeadlineRules, 'statisticsAgainst'>, finishedAt: Date, dueAt: Date | null, originalDueAt: Date | null): Outcome | null {
  const against = rules.statisticsAgainst === 'current' ? dueAt : (originalDueAt ?? dueAt);
  return against ? classifyOutcome(finishedAt, against) : null;
}
