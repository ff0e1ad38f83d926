/**
 * A simulated history that reproduces a report's dossier figures exactly — the seed's "from the start of the year to
 * 18 June 2021: 89,672 received; 71,744 of 73,906 resolved on time (97 %); the rest still within their deadline".
 *
 * The first pass lives every dossier without a plan and records where each stands when its result is decided (the
 * earliest possible result day and the due date statistics count against). The plan then:
 * - drops received dossiers until exactly `received` are received in the period (the first pass draws more than
 *   needed): first dossiers due before the period's end beyond what the resolved figures can absorb (they would be
 *   overdue at the end, and the seed says the rest were within their deadline), then evenly over the range;
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
  // Resolutions the plan does not move (refusals after receipt): all kept.
  const fixed = receivedInPeriod.filter((f) => !f.observed && f.outcome !== null && f.finishedDate !== null && f.finishedDate <= end);
  const fixedLate = fixed.filter((f) => f.outcome === 'late').length;
  const fixedOnTime = fixed.length - fixedLate;
  const lateNeeded = targets.resolved - targets.resolvedOnTime - fixedLate;
  const onTimeNeeded = Math.max(0, targets.resolvedOnTime - fixedOnTime);

  // Dossiers whose result can still fall inside the period; those due before its end must (else overdue at the end).
  const movable = (f: DraftFacts) => f.observed !== null && f.observed.earliestDate <= end;
  const isDueBefore = (f: DraftFacts) => movable(f) && f.observed!.dueDate < end;
  // The dossiers to drop: first those due before the end that could not be resolved within the figures, then evenly.
  const drop = receivedInPeriod.length - targets.received;
  const dueBeforeAll = receivedInPeriod.filter(isDueBefore);
  const excess = Math.max(0, dueBeforeAll.length - lateNeeded - onTimeNeeded);
  const fromDue = spreadPick(dueBeforeAll, Math.min(drop, excess));
  const fixedSet = new Set(fixed.map((f) => f.index));
  const fromDueSet = new Set(fromDue.map((f) => f.index));
  const others = receivedInPeriod.filter((f) => !fixedSet.has(f.index) && !fromDueSet.has(f.index));
  const excluded = new Set([...fromDue, ...spreadPick(others, drop - fromDue.length)].map((f) => f.index));
  const kept = receivedInPeriod.filter((f) => !excluded.has(f.index));

  const dueBefore = kept.filter(isDueBefore);
  const dueLater = kept.filter((f) => movable(f) && f.observed!.dueDate >= end && f.observed!.earliestDate <= f.observed!.dueDate);
  const lives = new Map<number, LifePlan>();
  const set = (items: readonly DraftFacts[], resolve: LifePlan['resolve']) => items.forEach((f) => lives.set(f.index, { resolve, periodEnd: end }));
  set(kept.filter(movable), 'after');

  const late = spreadPick(dueBefore, lateNeeded);
  const lateSet = new Set(late.map((f) => f.index));
  set(late, 'late');
  const mustOnTime = dueBefore.filter((f) => !lateSet.has(f.index));
  // More dossiers due before the end than on-time results wanted (too few to drop): the excess stays overdue.
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
