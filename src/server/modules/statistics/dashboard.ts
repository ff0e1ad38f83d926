/**
 * The leader's dashboard (màn hình điều hành): headline figures of the period, the on-time and online trend over
 * the twelve months ending with it, overdue dossiers by agency at its end, the channel mix, and the procedures with
 * the most late resolutions. Drill-down: the same statistics grouped by agency, then by procedure for one agency, then
 * the dossier list (dossier-drill.ts).
 */
import { addCalendarDays, toLocalDate } from '../../../shared/calendar';
import { monthStart, resolvePeriod, type PeriodSpec } from '../../../shared/periods';
import { ratePercent } from '../../../shared/schemas/ratings';
import { DOSSIER_FORMULAS, statChannelLabels, type Dashboard } from '../../../shared/schemas/statistics';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { agencies } from '../../db/schema';
import { inArray } from 'drizzle-orm';
import { figuresOf } from './dossier-statistics';
import { balancesAt, emptyFlows, emptyGroup, flowsBetween, groupSums, type FlowSums } from './statistics.queries';
import { procedureNames, resolveStatScope } from './statistics-scope';
import { STAT_CHANNELS } from './stat-deltas';

const TOP = 10;
const resolvedOf = (f: FlowSums) => f.resolvedEarly + f.resolvedOnTime + f.resolvedLate;
const receivedOf = (f: FlowSums) => f.received.online_full + f.received.online_partial + f.received.post + f.received.in_person;

/** The first day of the month eleven months before `date`'s month. */
function trendStart(date: string): string {
  let y = Number(date.slice(0, 4));
  let m = Number(date.slice(5, 7)) - 11;
  if (m < 1) {
    m += 12;
    y--;
  }
  return `${y}-${String(m).padStart(2, '0')}-01`;
}

export async function getDashboard(executor: Executor, actor: Actor, input: PeriodSpec & { agencyId?: string | undefined }): Promise<Dashboard> {
  const period = resolvePeriod(input);
  const scope = await resolveStatScope(executor, actor, { agencyId: input.agencyId });
  const whole = (await groupSums(executor, period, 'none', scope.filter)).get('all') ?? emptyGroup();
  const figures = figuresOf(whole);

  const months = await flowsBetween(executor, trendStart(period.to), period.to, 'month', scope.filter);
  const trend = [];
  for (let month = trendStart(period.to); month <= monthStart(period.to); month = addCalendarDays(month, 32).slice(0, 8) + '01') {
    const key = month.slice(0, 7);
    const f = months.get(key) ?? emptyFlows();
    trend.push({
      month: key,
      received: receivedOf(f),
      resolved: resolvedOf(f),
      onTimeRate: ratePercent(f.resolvedEarly + f.resolvedOnTime, resolvedOf(f)),
      onlineRate: ratePercent(f.received.online_full + f.received.online_partial, receivedOf(f)),
    });
  }

  const today = toLocalDate(new Date());
  const byAgency = await balancesAt(executor, period.to > today ? today : period.to, 'agency', scope.filter);
  const withPending = [...byAgency.entries()].filter(([, b]) => b.pending > 0).sort((a, b) => b[1].overdue - a[1].overdue || b[1].pending - a[1].pending);
  const names = withPending.length
    ? new Map((await executor.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, withPending.map(([id]) => id)))).map((a) => [a.id, a.name]))
    : new Map<string, string>();
  const overdueByAgency = withPending.slice(0, 20).map(([id, b]) => ({ agencyId: id, agencyName: names.get(id) ?? id, pending: b.pending, overdue: b.overdue }));

  const byProcedure = await flowsBetween(executor, period.from, period.to, 'procedure', scope.filter);
  const late = [...byProcedure.entries()].filter(([, f]) => f.resolvedLate > 0).sort((a, b) => b[1].resolvedLate - a[1].resolvedLate || resolvedOf(a[1]) - resolvedOf(b[1]));
  const procedures = await procedureNames(executor, late.slice(0, TOP).map(([id]) => id), period.to);
  const topLateProcedures = late.slice(0, TOP).map(([id, f]) => ({
    procedureId: id,
    code: procedures.get(id)?.code ?? '',
    name: procedures.get(id)?.name ?? id,
    resolved: resolvedOf(f),
    late: f.resolvedLate,
    lateRate: ratePercent(f.resolvedLate, resolvedOf(f)),
  }));

  return {
    period,
    filters: { scope: scope.label, lines: scope.lines },
    kpis: {
      received: figures.received.newTotal,
      resolved: figures.resolved.total,
      onTimeRate: figures.resolved.onTimeRate,
      onlineRate: figures.onlineRate,
      pending: figures.pending.total,
      overdue: figures.pending.overdue,
      averageResolutionDays: figures.averageResolutionDays,
    },
    trend,
    overdueByAgency,
    channels: STAT_CHANNELS.map((c) => ({ channel: c, label: statChannelLabels[c], received: whole.flows.received[c] })),
    topLateProcedures,
    formulas: { ...DOSSIER_FORMULAS, lateRate: 'Tỷ lệ quá hạn của thủ tục = Số giải quyết quá hạn / Số đã giải quyết trong kỳ × 100' },
  };
}
