import { describe, expect, it } from 'vitest';
import { planHistory, spreadPick, type DraftFacts } from './plan-history';

const END = '2021-06-18';
/** A received dossier whose result the plan can place (earliest result day, due date). */
const movable = (index: number, earliestDate: string, dueDate: string): DraftFacts => ({
  index,
  receivedDate: earliestDate,
  observed: { earliestDate, dueDate },
  finishedDate: null,
  outcome: null,
});

describe('planHistory', () => {
  it('spreads picks evenly and deterministically', () => {
    expect(spreadPick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 2)).toEqual([2, 7]);
    expect(spreadPick([1, 2], 5)).toEqual([1, 2]);
    expect(spreadPick([1, 2], 0)).toEqual([]);
  });

  it('meets received, resolved and on-time targets, counting refusals after receipt as they fall', () => {
    const facts: DraftFacts[] = [
      ...Array.from({ length: 8 }, (_, i) => movable(i, '2021-05-03', '2021-05-10')), // due before the end
      ...Array.from({ length: 4 }, (_, i) => movable(10 + i, '2021-06-15', '2021-06-30')), // due after
      { index: 20, receivedDate: '2021-05-04', observed: null, finishedDate: '2021-05-04', outcome: 'early' }, // refused after receipt
      { index: 21, receivedDate: null, observed: null, finishedDate: '2021-05-04', outcome: null }, // withdrawn before receipt
      { index: 22, receivedDate: '2021-06-19', observed: null, finishedDate: null, outcome: null }, // received after the period
    ];
    const plan = planHistory(facts, { periodEnd: END, received: 12, resolved: 10, resolvedOnTime: 8 });
    expect(plan.achieved).toEqual({ received: 12, resolved: 10, resolvedOnTime: 8, overdueAtEnd: 0 });
    // One dossier dropped, taken from those due before the end (nine of them could not all be resolved).
    expect(plan.excluded.size).toBe(1);
    expect([...plan.excluded][0]!).toBeLessThan(8);
    const resolve = (i: number) => plan.lives.get(i)?.resolve;
    const kept = [...Array(8).keys()].filter((i) => !plan.excluded.has(i));
    expect(kept.filter((i) => resolve(i) === 'late')).toHaveLength(2);
    expect(kept.filter((i) => resolve(i) === 'on_time')).toHaveLength(5);
    // 8 on time = the refusal + 5 due before + 2 of those due after; the other 2 after the period.
    expect([10, 11, 12, 13].filter((i) => resolve(i) === 'on_time')).toHaveLength(2);
    expect([10, 11, 12, 13].filter((i) => resolve(i) === 'after')).toHaveLength(2);
  });

  it('says how many stay overdue when the history has too many dossiers due before the end', () => {
    const facts = Array.from({ length: 10 }, (_, i) => movable(i, '2021-05-03', '2021-05-10'));
    const plan = planHistory(facts, { periodEnd: END, received: 10, resolved: 6, resolvedOnTime: 5 });
    expect(plan.achieved).toEqual({ received: 10, resolved: 6, resolvedOnTime: 5, overdueAtEnd: 4 });
  });
});
