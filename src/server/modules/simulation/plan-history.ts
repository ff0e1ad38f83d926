/**
 * A simulated history that reproduces a report's dossier figures exactly — the seed's "from the start of the year to
 * 18 June 2021: 89,672 received; 71,744 of 73,906 resolved on time (97 %); the rest still within their deadline".
 *
 * The first pass lives every dossier without a plan and records where each stands when its result is decided (the
 * earliest possible result day and the due date statistics count against). The plan then:
 * - drops received dossiers, spread evenly over the range, until exactly `received` are received in the period
 *   (the first pass draws a few percent more than needed);
 * - makes late exactly the dossiers needed, chosen evenly among those due before the period's end;
 * - resolves on time every other dossier due before the period's end (else it would be overdue at the end, and the
 *   seed says the rest were within their deadline), then as many of those due later as the on-time figure needs;
 * - sends every other result after the period.
 * Results the plan cannot move (refusals after receipt, which count as resolved) are counted as they fall.
 * Pure: no database.
 */
import type { Outcome } from '../../../shared/calendar';
import type { LifeObservation, LifePlan } from './simulate-life';

export interface HistoryTargets {
  /** Last local date of the reporting period (the first is the history's first day). */
  periodEnd: string;
  received: number;
  /** Resolved in the period (early, on time or late), and of those early or on time. */
  resolved: number;
  resolvedOnTime: number;
}

/** What the first pass learned about one dossier. */
export interface DraftFacts {
  index: number;
  receivedDate: string | null;
  /** Set when the dossier reached the point where its result is decided. */
  observed: LifeObservation | null;
  finishedDate: string | null;
  outcome: Outcome | null;
}

export interface HistoryPlan {
  excluded: Set<number>;
  lives: Map<number, LifePlan>;
  /** What the plan achieves (equal to the targets unless the history could not reach them). */
  achieved: { received: number; resolved: number; resolvedOnTime: number; overdueAtEnd: number };
}

/** `n` items of `items`, spread evenly (deterministic). */
export function spreadPick<T>(items: readonly T[], n: number): T[] {
  if (n <= 0) return [];
  if (n >= items.length) return [...items];
  const out: T[] = [];
  for (let k = 0; k < n; k++) out.push(items[Math.floor(((k + 0.5) * items.length) / n)]!);
  return out;
}

export function planHistory(facts: readonly DraftFacts[], targets: HistoryTargets): HistoryPlan {
  const end = targets.periodEnd;
  const receivedInPeriod = facts.filter((f) => f.receivedDate !== null && f.receivedDate <= end);
  const excluded = new Set(spreadPick(receivedInPeriod, receivedInPeriod.length - targets.received).map((f) => f.index));
  const kept = receivedInPeriod.filter((f) => !excluded.has(f.index));

  // Resolutions the plan does not move.
  let fixedOnTime = 0;
  let fixedLate = 0;
  for (const f of kept) {
    if (f.observed || f.outcome === null || f.finishedDate === null || f.finishedDate > end) continue;
    if (f.outcome === 'late') fixedLate++;
    else fixedOnTime++;
  }
  // Dossiers whose result can still fall inside the period.
  const movable = kept.filter((f) => f.observed !== null && f.observed.earliestDate <= end);
  const dueBefore = movable.filter((f) => f.observed!.dueDate < end);
  const dueLater = movable.filter((f) => f.observed!.dueDate >= end && f.observed!.earliestDate <= f.observed!.dueDate);

  const lives = new Map<number, LifePlan>();
  const set = (items: readonly DraftFacts[], resolve: LifePlan['resolve']) => items.forEach((f) => lives.set(f.index, { resolve, periodEnd: end }));
  for (const f of movable) lives.set(f.index, { resolve: 'after', periodEnd: end });

  const late = spreadPick(dueBefore, targets.resolved - targets.resolvedOnTime - fixedLate);
  const lateSet = new Set(late.map((f) => f.index));
  set(late, 'late');
  const onTimeNeeded = Math.max(0, targets.resolvedOnTime - fixedOnTime);
  const mustOnTime = dueBefore.filter((f) => !lateSet.has(f.index));
  // More dossiers due before the end than on-time results wanted: the excess stays overdue at the end.
  const onTimeDue = mustOnTime.slice(0, onTimeNeeded);
  set(onTimeDue, 'on_time');
  const extra = spreadPick(dueLater, onTimeNeeded - onTimeDue.length);
  set(extra, 'on_time');

  const resolvedOnTime = fixedOnTime + onTimeDue.length + extra.length;
  return {
    excluded,
    lives,
    achieved: {
      received: kept.length,
      resolved: resolvedOnTime + fixedLate + late.length,
      resolvedOnTime,
      overdueAtEnd: mustOnTime.length - onTimeDue.length,
    },
  };
}
