/**
 * What one dossier event changes in the statistics rollups (see db/schema/statistics.ts and docs/statistics.md).
 *
 * A dossier's statistical position is: received or not; ended or not; and while received and not ended, one open
 * segment — running against a due date, or waiting for a supplement. An event moves the position; the difference is
 * a handful of signed counts on local days:
 * - received: +1 `received` on the receipt day;
 * - a running segment with due date d contributes +1 `overdueDelta` on max(start, d + 1) and, when it closes (a
 *   supplement request, a new due date under the `current` rule, the end), −1 on max(close, d + 1) — so it counts as
 *   overdue exactly on the days after d while it is open, and cancels out when it closed in time;
 * - a waiting segment contributes +1 `waitingDelta` on its first day and −1 on the day it closes;
 * - the end adds one flow on its day: resolved by outcome (a result, or a refusal after receipt), stopped, closed;
 *   before receipt: withdrawn, refused or closed at intake (those never counted as received).
 * `rebuild-statistics.ts` computes the same counts in SQL from the action log; `motcua stats verify` compares them.
 *
 * Pure: no database.
 */
import { addCalendarDays, toLocalDate } from '../../../shared/calendar';
import type { DossierState } from '../../../shared/workflow/dossier-state';
import { DossierAction, DossierStatus } from '../../../shared/workflow/dossier-workflow';

export const STAT_CHANNELS = ['online_full', 'online_partial', 'post', 'in_person'] as const;
export type StatChannel = (typeof STAT_CHANNELS)[number];

/** Flow measures of the rollup tables (camelCase of their columns). */
export const FLOW_MEASURES = [
  'received',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'refused',
  'resolutionSeconds',
  'stopped',
  'closed',
  'withdrawn',
  'refusedUnreceived',
  'closedUnreceived',
  'overdueDelta',
  'waitingDelta',
] as const;
export type FlowMeasure = (typeof FLOW_MEASURES)[number];
export type Measures = Partial<Record<FlowMeasure, number>>;

/** snake_case column of a measure. */
export const measureColumn = (m: string) => m.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** What the statistics need to know about a dossier (a dossier row has these fields). */
export interface StatDossier {
  competentAgencyId: string;
  procedureId: string;
  procedureVersionId: string;
  channel: string;
  procedure: { onlineScope: string | null; onlineLevel: number; level: string };
  rules: { statisticsAgainst: 'original' | 'current' };
}

/**
 * Channel as the statistical forms split it: online fully (toàn trình) or partly (một phần) by the procedure
 * version's online scope (NĐ 42/2022), falling back to its level (4 → fully) when no scope is recorded.
 * The same rule is written in SQL in rebuild-statistics.ts.
 */
export function statChannelOf(channel: string, procedure: StatDossier['procedure']): StatChannel {
  if (channel === 'online') {
    const full = procedure.onlineScope === 'full' || (procedure.onlineScope === null && procedure.onlineLevel >= 4);
    return full ? 'online_full' : 'online_partial';
  }
  return channel === 'post' ? 'post' : 'in_person';
}

type Segment = { kind: 'running'; dueDate: string | null } | { kind: 'waiting' } | null;
interface Position {
  received: boolean;
  ended: boolean;
  segment: Segment;
}

/** The due date statistics count against: the original one unless the rules say `current`. */
export function statDueOf(state: Pick<DossierState, 'dueAt' | 'originalDueAt'>, against: 'original' | 'current'): string | null {
  const due = against === 'current' ? state.dueAt : (state.originalDueAt ?? state.dueAt);
  return due ? toLocalDate(new Date(due)) : null;
}

function positionOf(state: DossierState | null, against: 'original' | 'current'): Position {
  if (!state) return { received: false, ended: false, segment: null };
  const received = state.receivedAt !== null;
  const ended = state.finishedAt !== null;
  let segment: Segment = null;
  if (received && !ended) {
    segment = state.status === DossierStatus.WAITING_FOR_SUPPLEMENT ? { kind: 'waiting' } : { kind: 'running', dueDate: statDueOf(state, against) };
  }
  return { received, ended, segment };
}

const sameSegment = (a: Segment, b: Segment) =>
  a === null || b === null ? a === b : a.kind === b.kind && (a.kind === 'waiting' || a.dueDate === (b as { dueDate: string | null }).dueDate);

const later = (a: string, b: string) => (a > b ? a : b);

/** Signed counts by local day, accumulated. */
export class DeltaSet {
  readonly byDay = new Map<string, Measures>();

  add(day: string, measure: FlowMeasure, n: number) {
    if (n === 0) return;
    const m = this.byDay.get(day) ?? {};
    m[measure] = (m[measure] ?? 0) + n;
    this.byDay.set(day, m);
  }

  /** Days in ascending order with their non-zero measures (rows are locked in this order: no deadlocks). */
  entries(): [string, Measures][] {
    return [...this.byDay.entries()]
      .map(([day, m]) => [day, Object.fromEntries(Object.entries(m).filter(([, v]) => v !== 0)) as Measures] as [string, Measures])
      .filter(([, m]) => Object.keys(m).length > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

export interface StatEvent {
  action: string;
  at: Date;
}

/** Adds to `out` what moving from `before` to `after` by `event` changes (before is null for the creation). */
export function addStatDeltas(out: DeltaSet, dossier: StatDossier, before: DossierState | null, after: DossierState, event: StatEvent): DeltaSet {
  const against = dossier.rules.statisticsAgainst ?? 'original';
  const day = toLocalDate(event.at);
  const b = positionOf(before, against);
  const a = positionOf(after, against);

  if (!b.received && a.received) out.add(day, 'received', 1);

  if (!sameSegment(b.segment, a.segment)) {
    if (b.segment?.kind === 'running' && b.segment.dueDate) out.add(later(day, addCalendarDays(b.segment.dueDate, 1)), 'overdueDelta', -1);
    if (b.segment?.kind === 'waiting') out.add(day, 'waitingDelta', -1);
    if (a.segment?.kind === 'running' && a.segment.dueDate) out.add(later(day, addCalendarDays(a.segment.dueDate, 1)), 'overdueDelta', 1);
    if (a.segment?.kind === 'waiting') out.add(day, 'waitingDelta', 1);
  }

  if (!b.ended && a.ended) {
    if (a.received) {
      if (event.action === DossierAction.ISSUE || event.action === DossierAction.REFUSE) {
        // A refusal after receipt always has a running clock, hence an outcome; on_time is only a guard.
        const outcome = after.outcome ?? 'on_time';
        out.add(day, outcome === 'early' ? 'resolvedEarly' : outcome === 'late' ? 'resolvedLate' : 'resolvedOnTime', 1);
        if (event.action === DossierAction.REFUSE) out.add(day, 'refused', 1);
        out.add(day, 'resolutionSeconds', Math.round((event.at.getTime() - new Date(after.receivedAt!).getTime()) / 1000));
      } else if (event.action === DossierAction.CLOSE_NO_SUPPLEMENT) {
        out.add(day, 'closed', 1);
      } else {
        // stop (and, were the workflow to allow it, a withdrawal after receipt): no longer pending, not resolved.
        out.add(day, 'stopped', 1);
      }
    } else if (event.action === DossierAction.REFUSE) {
      out.add(day, 'refusedUnreceived', 1);
    } else if (event.action === DossierAction.CLOSE_NO_SUPPLEMENT) {
      out.add(day, 'closedUnreceived', 1);
    } else {
      out.add(day, 'withdrawn', 1);
    }
  }
  return out;
}

/** Pending change of one day's measures: received minus everything that ends a received dossier. */
export function pendingDeltaOf(m: Measures): number {
  return (m.received ?? 0) - (m.resolvedEarly ?? 0) - (m.resolvedOnTime ?? 0) - (m.resolvedLate ?? 0) - (m.stopped ?? 0) - (m.closed ?? 0);
}
