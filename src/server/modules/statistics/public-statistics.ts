/**
 * Figures for citizens (trang công khai): the province's on-time and online rates and each agency's, for a period.
 * Aggregates only — counts from the rollups, never a dossier — so the page needs no sign-in.
 */
import { inArray } from 'drizzle-orm';
import { resolvePeriod, type PeriodSpec } from '../../../shared/periods';
import { ratePercent } from '../../../shared/schemas/ratings';
import { DOSSIER_FORMULAS, type PublicStatistics } from '../../../shared/schemas/statistics';
import type { Executor } from '../../db/client';
import { agencies } from '../../db/schema';
import { emptyFlows, flowsBetween, type FlowSums } from './statistics.queries';

function row(agencyId: string | null, agencyName: string, f: FlowSums) {
  const received = f.received.online_full + f.received.online_partial + f.received.post + f.received.in_person;
  const resolved = f.resolvedEarly + f.resolvedOnTime + f.resolvedLate;
  const online = f.received.online_full + f.received.online_partial;
  return {
    agencyId,
    agencyName,
    received,
    resolved,
    resolvedOnTime: f.resolvedEarly + f.resolvedOnTime,
    onTimeRate: ratePercent(f.resolvedEarly + f.resolvedOnTime, resolved),
    receivedOnline: online,
    onlineRate: ratePercent(online, received),
  };
}

export async function getPublicStatistics(executor: Executor, input: PeriodSpec): Promise<PublicStatistics> {
  const period = resolvePeriod(input);
  const byAgency = await flowsBetween(executor, period.from, period.to, 'agency', {});
  const ids = [...byAgency.keys()];
  const names = ids.length ? new Map((await executor.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, ids))).map((a) => [a.id, a.name])) : new Map<string, string>();
  const total = emptyFlows();
  const rows = [];
  for (const [id, f] of byAgency) {
    for (const c of Object.keys(total.received) as (keyof FlowSums['received'])[]) total.received[c] += f.received[c];
    total.resolvedEarly += f.resolvedEarly;
    total.resolvedOnTime += f.resolvedOnTime;
    total.resolvedLate += f.resolvedLate;
    const r = row(id, names.get(id) ?? '', f);
    if (r.received > 0 || r.resolved > 0) rows.push(r);
  }
  rows.sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi'));
  return {
    period,
    province: row(null, 'Toàn tỉnh', total),
    byAgency: rows,
    formulas: { onTimeRate: DOSSIER_FORMULAS.onTimeRate!, onlineRate: DOSSIER_FORMULAS.onlineRate!, interAgency: DOSSIER_FORMULAS.interAgency! },
  };
}
