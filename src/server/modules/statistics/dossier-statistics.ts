/**
 * Thống kê tình hình, kết quả giải quyết TTHC for any period and slice, grouped by agency, field, procedure,
 * channel, level or month. Figures follow the columns of Biểu 07a (TT 09/2026/TT-BTP): received (carried over + new
 * by channel), resolved (early, on time, late), pending at the period's end (within the deadline, overdue), plus what
 * the form leaves out (waiting for a supplement, stopped, closed, withdrawn, average resolution time).
 */
import { inArray } from 'drizzle-orm';
import { resolvePeriod, type Period, type PeriodSpec } from '../../../shared/periods';
import { ratePercent } from '../../../shared/schemas/ratings';
import {
  DOSSIER_FORMULAS,
  levelLabels,
  statChannelLabels,
  type DossierFigures,
  type DossierStatistics,
  type DossierStatisticsRow,
  type GroupBy,
} from '../../../shared/schemas/statistics';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { agencies, procedureFields } from '../../db/schema';
import { addGroups, emptyGroup, groupSums, type GroupSums } from './statistics.queries';
import { procedureNames, resolveStatScope, type SliceInput, type StatScope } from './statistics-scope';
import { STAT_CHANNELS } from './stat-deltas';

const round1 = (n: number) => Math.round(n * 10) / 10;

export function figuresOf(g: GroupSums): DossierFigures {
  const r = g.flows.received;
  const newTotal = r.online_full + r.online_partial + r.post + r.in_person;
  const resolved = g.flows.resolvedEarly + g.flows.resolvedOnTime + g.flows.resolvedLate;
  return {
    received: {
      total: g.carried.pending + newTotal,
      carriedOver: g.carried.pending,
      newTotal,
      onlineFull: r.online_full,
      onlinePartial: r.online_partial,
      post: r.post,
      inPerson: r.in_person,
    },
    resolved: {
      total: resolved,
      early: g.flows.resolvedEarly,
      onTime: g.flows.resolvedOnTime,
      late: g.flows.resolvedLate,
      refused: g.flows.refused,
      onTimeRate: ratePercent(g.flows.resolvedEarly + g.flows.resolvedOnTime, resolved),
    },
    pending: { total: g.end.pending, withinDeadline: g.end.pending - g.end.overdue, overdue: g.end.overdue, waitingForSupplement: g.end.waiting },
    stopped: g.flows.stopped,
    closedNoSupplement: g.flows.closed,
    notReceived: { withdrawn: g.flows.withdrawn, refused: g.flows.refusedUnreceived, closedNoSupplement: g.flows.closedUnreceived },
    onlineRate: ratePercent(r.online_full + r.online_partial, newTotal),
    averageResolutionDays: resolved > 0 ? round1(g.flows.resolutionSeconds / resolved / 86_400) : null,
  };
}

const isEmpty = (f: DossierFigures) =>
  f.received.total === 0 && f.resolved.total === 0 && f.pending.total === 0 && f.stopped === 0 && f.closedNoSupplement === 0 && f.notReceived.withdrawn + f.notReceived.refused + f.notReceived.closedNoSupplement === 0;

interface Label {
  label: string;
  code: string | null;
  legalTime: string | null;
}

/** Names of the groups, for display and exports. */
async function labelsOf(executor: Executor, group: GroupBy, keys: string[], period: Period): Promise<Map<string, Label>> {
  const out = new Map<string, Label>();
  if (keys.length === 0) return out;
  switch (group) {
    case 'agency': {
      const rows = await executor.select({ id: agencies.id, name: agencies.name, code: agencies.identifierCode }).from(agencies).where(inArray(agencies.id, keys));
      for (const r of rows) out.set(r.id, { label: r.name, code: r.code, legalTime: null });
      break;
    }
    case 'field': {
      const rows = await executor.select({ id: procedureFields.id, name: procedureFields.name, code: procedureFields.code }).from(procedureFields).where(inArray(procedureFields.id, keys));
      for (const r of rows) out.set(r.id, { label: r.name, code: r.code, legalTime: null });
      break;
    }
    case 'procedure': {
      for (const [id, p] of await procedureNames(executor, keys, period.to)) out.set(id, { label: p.name, code: p.code, legalTime: p.legalTime });
      break;
    }
    case 'channel':
      for (const k of keys) out.set(k, { label: statChannelLabels[k as keyof typeof statChannelLabels] ?? k, code: null, legalTime: null });
      break;
    case 'level':
      for (const k of keys) out.set(k, { label: levelLabels[k as keyof typeof levelLabels] ?? k, code: null, legalTime: null });
      break;
    case 'month':
      for (const k of keys) out.set(k, { label: `Tháng ${Number(k.slice(5, 7))}/${k.slice(0, 4)}`, code: null, legalTime: null });
      break;
    case 'none':
      out.set('all', { label: 'Tổng cộng', code: null, legalTime: null });
      break;
  }
  return out;
}

const CHANNEL_ORDER = [...STAT_CHANNELS] as string[];
const LEVEL_ORDER = ['province', 'district', 'commune'];

function sortRows(group: GroupBy, rows: DossierStatisticsRow[]) {
  if (group === 'channel') return rows.sort((a, b) => CHANNEL_ORDER.indexOf(a.key) - CHANNEL_ORDER.indexOf(b.key));
  if (group === 'level') return rows.sort((a, b) => LEVEL_ORDER.indexOf(a.key) - LEVEL_ORDER.indexOf(b.key));
  if (group === 'month') return rows.sort((a, b) => (a.key < b.key ? -1 : 1));
  return rows.sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

/** Rows and total for a resolved period and scope. */
export async function statisticsRows(executor: Executor, period: Period, group: GroupBy, scope: StatScope): Promise<{ rows: DossierStatisticsRow[]; total: DossierFigures }> {
  const sums = await groupSums(executor, period, group, scope.filter);
  const labels = await labelsOf(executor, group, [...sums.keys()], period);
  let total = emptyGroup();
  const rows: DossierStatisticsRow[] = [];
  for (const [key, g] of sums) {
    total = addGroups(total, g);
    const figures = figuresOf(g);
    if (isEmpty(figures)) continue;
    const label = labels.get(key) ?? { label: key, code: null, legalTime: null };
    rows.push({ key, label: label.label, code: label.code, legalTime: label.legalTime, figures });
  }
  if (group === 'month') {
    // Carried over and pending belong to the whole period, not to a month.
    const whole = await groupSums(executor, period, 'none', scope.filter);
    const g = whole.get('all') ?? emptyGroup();
    total = { ...total, carried: g.carried, end: g.end };
  }
  return { rows: sortRows(group, rows), total: figuresOf(total) };
}

export interface DossierStatisticsInput extends SliceInput, PeriodSpec {
  groupBy: GroupBy;
}

export async function getDossierStatistics(executor: Executor, actor: Actor, input: DossierStatisticsInput): Promise<DossierStatistics> {
  const period = resolvePeriod(input);
  const scope = await resolveStatScope(executor, actor, input);
  const { rows, total } = await statisticsRows(executor, period, input.groupBy, scope);
  return { period, groupBy: input.groupBy, filters: { scope: scope.label, lines: scope.lines }, rows, total, formulas: DOSSIER_FORMULAS };
}
