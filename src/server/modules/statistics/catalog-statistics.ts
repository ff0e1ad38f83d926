/**
 * Catalog statistics (thống kê TTHC) for a scope: procedures in force on a date by level, online level, on-the-spot
 * (5 tại chỗ), field and agency; publication decisions signed in a period and whether each met the 5-working-day
 * rule; internal processes approved in the period; time cuts of the internal processes in force against the legal
 * time. A procedure counts for an agency when that agency applies the version in force.
 */
import { sql, type SQL } from 'drizzle-orm';
import { resolvePeriod, type PeriodSpec } from '../../../shared/periods';
import type { CatalogStatistics } from '../../../shared/schemas/statistics';
import { levelLabels } from '../../../shared/schemas/statistics';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { queryRows } from '../../db/client';
import { checkInternalProcess, publicationTimeliness } from '../catalog/catalog-rules';
import { resolveAgencyScope } from './statistics-scope';

export const CATALOG_FORMULAS: Record<string, string> = {
  procedures: 'Số thủ tục có phiên bản còn hiệu lực tại ngày thống kê, do ít nhất một cơ quan trong phạm vi thực hiện; mỗi thủ tục tính một lần',
  byAgency: 'Theo cơ quan: số thủ tục mỗi cơ quan thực hiện (một thủ tục cấp xã tính ở từng xã)',
  publicationOnTime: 'Quyết định công bố đúng hạn khi ký chậm nhất 05 ngày làm việc trước ngày văn bản quy phạm pháp luật có hiệu lực (NĐ 63/2010 Điều 15)',
  internalProcesses: 'Số quyết định phê duyệt quy trình nội bộ (theo số quyết định) có ngày ký trong kỳ, số quy trình và số thủ tục được phê duyệt',
  timeCut:
    'Tỷ lệ cắt giảm = (Thời hạn theo quy định − Tổng thời gian các bước của quy trình nội bộ) / Thời hạn theo quy định × 100, tính theo giờ làm việc (1 ngày làm việc = 8 giờ); không tính thủ tục có thời hạn theo ngày lịch',
};

const ONLINE_LABELS: Record<string, string> = {
  '2': 'Mức độ 2 (thông tin, tải biểu mẫu)',
  '3': 'Trực tuyến một phần (mức độ 3)',
  '4': 'Trực tuyến toàn trình (mức độ 4)',
  '1': 'Mức độ 1 (thông tin)',
};

/** The rows of `alias` (a versioned table) valid on `asOf`. */
function inForceOn(alias: string, asOf: string): SQL {
  const t = sql.raw(alias);
  return sql`${t}.valid_from <= ${asOf}::date AND (${t}.valid_to IS NULL OR ${t}.valid_to >= ${asOf}::date)`;
}

/** Versions in force on `asOf` with the agencies of the scope (a path pattern, '/%' for all) that apply them. */
function appliedVersions(asOf: string, scope: string): SQL {
  return sql`SELECT pv.id, pv.procedure_id, pv.level, pv.online_level, pv.online_scope, pv.on_the_spot, pv.inter_agency, pv.field_id, pva.agency_id
    FROM procedure_versions pv JOIN procedure_version_agencies pva ON pva.version_id = pv.id JOIN agencies a ON a.id = pva.agency_id
    WHERE ${inForceOn('pv', asOf)} AND a.path LIKE ${scope}`;
}

/** Procedures in force on `asOf` in the scope ('/%': the whole province), and of them "5 tại chỗ" and inter-agency. */
export async function proceduresInForce(executor: Executor, asOf: string, scope = '/%'): Promise<{ total: number; spot: number; inter: number }> {
  const [totals] = await queryRows<{ total: number; spot: number; inter: number }>(
    executor,
    sql`SELECT count(DISTINCT procedure_id)::int AS total, count(DISTINCT procedure_id) FILTER (WHERE on_the_spot)::int AS spot,
          count(DISTINCT procedure_id) FILTER (WHERE inter_agency)::int AS inter FROM (${appliedVersions(asOf, scope)}) v`,
  );
  return totals ?? { total: 0, spot: 0, inter: 0 };
}

export async function getCatalogStatistics(executor: Executor, actor: Actor, input: PeriodSpec & { agencyId?: string | undefined; asOf?: string | undefined }): Promise<CatalogStatistics> {
  const period = resolvePeriod(input);
  const asOf = input.asOf ?? period.to;
  const agency = await resolveAgencyScope(executor, actor, input.agencyId);
  const scope = agency.path ? `${agency.path}%` : '/%';
  const inForce = (alias: string) => inForceOn(alias, asOf);
  const applied = appliedVersions(asOf, scope);
  const count = async (q: SQL) => queryRows<{ key: string | null; label: string | null; n: number }>(executor, q);

  const totals = await proceduresInForce(executor, asOf, scope);
  const byLevel = await count(sql`SELECT level AS key, NULL AS label, count(DISTINCT procedure_id)::int AS n FROM (${applied}) v GROUP BY level`);
  const byOnline = await count(
    sql`SELECT online_level::text AS key, NULL AS label, count(DISTINCT procedure_id)::int AS n FROM (${applied}) v GROUP BY online_level ORDER BY online_level`,
  );
  const byField = await count(
    sql`SELECT f.code AS key, f.name AS label, count(DISTINCT v.procedure_id)::int AS n FROM (${applied}) v JOIN procedure_fields f ON f.id = v.field_id GROUP BY f.code, f.name ORDER BY n DESC, f.name`,
  );
  const byAgency = await count(
    sql`SELECT a.id::text AS key, a.name AS label, count(DISTINCT v.procedure_id)::int AS n FROM (${applied}) v JOIN agencies a ON a.id = v.agency_id GROUP BY a.id, a.name, a.path ORDER BY a.path`,
  );

  // Publication decisions are province-wide documents: those of the scope's own line (its ancestors or subtree).
  const decisions = await queryRows<{ id: string; number: string; title: string; signed_on: string; effective_from: string; legal_from: string | null; items: number }>(
    executor,
    sql`SELECT d.id, d.number, d.title, d.signed_on::text, d.effective_from::text, d.legal_document_effective_from::text AS legal_from,
          (SELECT count(*)::int FROM publication_decision_items i WHERE i.decision_id = d.id) AS items
        FROM publication_decisions d JOIN agencies a ON a.id = d.publishing_agency_id
        WHERE d.status = 'applied' AND d.signed_on BETWEEN ${period.from}::date AND ${period.to}::date
          AND (a.path LIKE ${scope} OR ${agency.path ?? '/'} LIKE a.path || '%')
        ORDER BY d.signed_on, d.number`,
  );
  const itemCounts = await queryRows<{ action: string; n: number }>(
    executor,
    sql`SELECT i.action, count(*)::int AS n FROM publication_decision_items i WHERE i.decision_id IN (${
      decisions.length ? sql.join(decisions.map((d) => sql`${d.id}::uuid`), sql`, `) : sql`NULL`
    }) GROUP BY i.action`,
  );
  const list = decisions.map((d) => {
    const t = publicationTimeliness(d.signed_on, d.legal_from);
    return { number: d.number, title: d.title, signedOn: d.signed_on, effectiveFrom: d.effective_from, items: Number(d.items), onTime: t.late === null ? null : !t.late };
  });
  const items = { add: 0, amend: 0, replace: 0, abolish: 0 };
  for (const c of itemCounts) if (c.action in items) items[c.action as keyof typeof items] = Number(c.n);

  const [processes] = await queryRows<{ decisions: number; processes: number; procedures: number; in_force: number }>(
    executor,
    sql`SELECT count(DISTINCT ip.approval_decision_number) FILTER (WHERE ip.approval_decision_date BETWEEN ${period.from}::date AND ${period.to}::date)::int AS decisions,
          count(*) FILTER (WHERE ip.approval_decision_date BETWEEN ${period.from}::date AND ${period.to}::date)::int AS processes,
          count(DISTINCT ip.procedure_id) FILTER (WHERE ip.approval_decision_date BETWEEN ${period.from}::date AND ${period.to}::date)::int AS procedures,
          count(*) FILTER (WHERE ${inForce('ip')})::int AS in_force
        FROM internal_processes ip JOIN agencies a ON a.id = ip.agency_id WHERE a.path LIKE ${scope}`,
  );

  const cuts = await queryRows<{ agency_id: string; agency_name: string; total_minutes: number; time_value: number; time_unit: string }>(
    executor,
    sql`SELECT ip.agency_id, a.name AS agency_name, ip.total_minutes, pv.time_value, pv.time_unit
        FROM internal_processes ip JOIN agencies a ON a.id = ip.agency_id
        JOIN procedure_versions pv ON pv.procedure_id = ip.procedure_id AND ${inForce('pv')}
        WHERE ${inForce('ip')} AND a.path LIKE ${scope} AND pv.time_unit <> 'calendar_days'`,
  );
  const perAgency = new Map<string, { agencyName: string; measured: number; withCut: number; sum: number }>();
  let withCut = 0;
  let atLeast30 = 0;
  let sum = 0;
  let max: number | null = null;
  for (const c of cuts) {
    const check = checkInternalProcess([Number(c.total_minutes)], { value: Number(c.time_value), unit: c.time_unit as 'working_days' | 'working_hours' });
    const a = perAgency.get(c.agency_id) ?? { agencyName: c.agency_name, measured: 0, withCut: 0, sum: 0 };
    a.measured++;
    a.sum += check.cutPercent;
    if (check.cutPercent > 0) {
      withCut++;
      a.withCut++;
    }
    if (check.cutPercent >= 30) atLeast30++;
    sum += check.cutPercent;
    max = max === null ? check.cutPercent : Math.max(max, check.cutPercent);
    perAgency.set(c.agency_id, a);
  }
  const avg = (s: number, n: number) => (n > 0 ? Math.round((s / n) * 10) / 10 : null);

  return {
    period,
    asOf,
    filters: { scope: agency.name, lines: [agency.path ? `Cơ quan: ${agency.name} và các cơ quan, đơn vị trực thuộc` : 'Phạm vi: toàn tỉnh', `Thủ tục còn hiệu lực tại ngày ${asOf.split('-').reverse().join('/')}`] },
    procedures: {
      total: totals.total,
      byLevel: byLevel.map((r) => ({ key: r.key!, label: levelLabels[r.key as keyof typeof levelLabels] ?? r.key!, procedures: Number(r.n) })),
      byOnlineLevel: byOnline.map((r) => ({ key: r.key!, label: ONLINE_LABELS[r.key!] ?? `Mức độ ${r.key}`, procedures: Number(r.n) })),
      onTheSpot: totals.spot,
      interAgency: totals.inter,
      byField: byField.map((r) => ({ key: r.key!, label: r.label!, procedures: Number(r.n) })),
      byAgency: byAgency.map((r) => ({ key: r.key!, label: r.label!, procedures: Number(r.n) })),
    },
    publicationDecisions: {
      total: list.length,
      onTime: list.filter((d) => d.onTime === true).length,
      late: list.filter((d) => d.onTime === false).length,
      withoutLegalDocumentDate: list.filter((d) => d.onTime === null).length,
      items,
      list,
    },
    internalProcesses: {
      decisions: processes?.decisions ?? 0,
      processes: processes?.processes ?? 0,
      procedures: processes?.procedures ?? 0,
      inForce: processes?.in_force ?? 0,
    },
    timeCuts: {
      measured: cuts.length,
      withCut,
      atLeast30Percent: atLeast30,
      averageCutPercent: avg(sum, cuts.length),
      maxCutPercent: max,
      byAgency: [...perAgency.entries()]
        .map(([agencyId, a]) => ({ agencyId, agencyName: a.agencyName, measured: a.measured, withCut: a.withCut, averageCutPercent: avg(a.sum, a.measured) }))
        .sort((x, y) => x.agencyName.localeCompare(y.agencyName, 'vi')),
    },
    formulas: CATALOG_FORMULAS,
  };
}
