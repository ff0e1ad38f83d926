/**
 * Prefill sources (nguồn số liệu hệ thống): figures a unit report takes from the system for the unit's agency
 * subtree and the round's cut-off period, shown as "số liệu hệ thống". A template indicator names one by key.
 *
 * Adding a source is one entry in PREFILL_SOURCES: a key, a Vietnamese label and unit, the formula in words, and
 * `compute(ctx)`. Expensive reads shared by several sources (the dossier rollups) go through `ctx.once(key, fn)`
 * so a report's figures cost one query per underlying table, whatever the number of indicators. The registry,
 * staffing and inspection modules add their sources here when they land.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { queryRows } from '../../db/client';
import type { PrefillSourceInfo } from '../../../shared/schemas/unit-reports';
import { emptyGroup, groupSums } from '../statistics/statistics.queries';
import { figuresOf } from '../statistics/dossier-statistics';
import type { DossierFigures } from '../../../shared/schemas/statistics';

export interface PrefillContext {
  executor: Executor;
  /** The reporting unit's agency and its materialised path (its subtree counts). */
  agencyId: string;
  agencyPath: string;
  /** Data cut-off of the round (both days included). */
  from: string;
  to: string;
  /** Memoises a shared read for the sources of one report. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export interface PrefillSource extends PrefillSourceInfo {
  compute(ctx: PrefillContext): Promise<number | null>;
}

const inSubtree = (path: string) => sql`agency_id IN (SELECT id FROM agencies WHERE path LIKE ${`${path}%`})`;

/** Tình hình, kết quả giải quyết TTHC of the unit's subtree (the statistics module's rollups, Biểu 07a columns). */
const dossierFigures = (ctx: PrefillContext): Promise<DossierFigures> =>
  ctx.once('dossiers', async () => {
    const groups = await groupSums(ctx.executor, { from: ctx.from, to: ctx.to }, 'none', { agencies: inSubtree(ctx.agencyPath) });
    return figuresOf(groups.get('all') ?? emptyGroup());
  });

interface CatalogCounts {
  total: number;
  onTheSpot: number;
  onlinePartial: number;
  onlineFull: number;
}

/** Procedures in force on the period's last day that an agency of the subtree applies (each procedure once). */
const catalogCounts = (ctx: PrefillContext): Promise<CatalogCounts> =>
  ctx.once('catalog', async () => {
    const [row] = await queryRows<CatalogCounts>(
      ctx.executor,
      sql`SELECT count(DISTINCT pv.procedure_id)::int AS total,
            count(DISTINCT pv.procedure_id) FILTER (WHERE pv.on_the_spot)::int AS "onTheSpot",
            count(DISTINCT pv.procedure_id) FILTER (WHERE pv.online_level = 3 OR pv.online_scope = 'partial')::int AS "onlinePartial",
            count(DISTINCT pv.procedure_id) FILTER (WHERE pv.online_level = 4 OR pv.online_scope = 'full')::int AS "onlineFull"
          FROM procedure_versions pv
          JOIN procedure_version_agencies pva ON pva.version_id = pv.id
          JOIN agencies a ON a.id = pva.agency_id
          WHERE pv.valid_from <= ${ctx.to}::date AND (pv.valid_to IS NULL OR pv.valid_to >= ${ctx.to}::date)
            AND a.path LIKE ${`${ctx.agencyPath}%`}`,
    );
    return row ?? { total: 0, onTheSpot: 0, onlinePartial: 0, onlineFull: 0 };
  });

const dossier = (key: string, label: string, unit: string, description: string, pick: (f: DossierFigures) => number | null): PrefillSource => ({
  key,
  label,
  unit,
  description,
  compute: async (ctx) => pick(await dossierFigures(ctx)),
});

const catalog = (key: string, label: string, description: string, pick: (c: CatalogCounts) => number): PrefillSource => ({
  key,
  label,
  unit: 'thủ tục',
  description,
  compute: async (ctx) => pick(await catalogCounts(ctx)),
});

export const PREFILL_SOURCES: readonly PrefillSource[] = [
  catalog('catalog.procedures_in_force', 'Số TTHC đang thực hiện', 'Thủ tục có phiên bản còn hiệu lực vào ngày chốt số liệu, do đơn vị hoặc cơ quan trực thuộc thực hiện; mỗi thủ tục tính một lần', (c) => c.total),
  catalog('catalog.procedures_on_the_spot', 'Số TTHC thực hiện "5 tại chỗ"', 'Trong số TTHC đang thực hiện, số thủ tục được tiếp nhận, thẩm định, phê duyệt, thu phí và trả kết quả tại chỗ', (c) => c.onTheSpot),
  catalog('catalog.procedures_online_partial', 'Số TTHC cung cấp DVC trực tuyến một phần (mức độ 3)', 'Trong số TTHC đang thực hiện, số thủ tục có dịch vụ công trực tuyến một phần (mức độ 3)', (c) => c.onlinePartial),
  catalog('catalog.procedures_online_full', 'Số TTHC cung cấp DVC trực tuyến toàn trình (mức độ 4)', 'Trong số TTHC đang thực hiện, số thủ tục có dịch vụ công trực tuyến toàn trình (mức độ 4)', (c) => c.onlineFull),
  dossier('dossiers.received_total', 'Tổng số hồ sơ tiếp nhận', 'hồ sơ', 'Hồ sơ từ kỳ trước chuyển qua cộng hồ sơ mới tiếp nhận trong kỳ (Biểu 07a)', (f) => f.received.total),
  dossier('dossiers.received_new', 'Số hồ sơ mới tiếp nhận trong kỳ', 'hồ sơ', 'Hồ sơ tiếp nhận trong kỳ qua mọi hình thức', (f) => f.received.newTotal),
  dossier('dossiers.received_online', 'Số hồ sơ tiếp nhận trực tuyến', 'hồ sơ', 'Hồ sơ mới tiếp nhận trong kỳ qua dịch vụ công trực tuyến (toàn trình và một phần)', (f) => f.received.onlineFull + f.received.onlinePartial),
  dossier('dossiers.resolved', 'Số hồ sơ đã giải quyết', 'hồ sơ', 'Hồ sơ giải quyết xong trong kỳ (trước hạn, đúng hạn, quá hạn)', (f) => f.resolved.total),
  dossier('dossiers.resolved_on_time', 'Số hồ sơ giải quyết trước hạn, đúng hạn', 'hồ sơ', 'Hồ sơ giải quyết xong trong kỳ trước hạn hoặc đúng hạn', (f) => f.resolved.early + f.resolved.onTime),
  dossier('dossiers.resolved_late', 'Số hồ sơ giải quyết quá hạn', 'hồ sơ', 'Hồ sơ giải quyết xong trong kỳ sau thời hạn', (f) => f.resolved.late),
  dossier('dossiers.pending', 'Số hồ sơ đang giải quyết cuối kỳ', 'hồ sơ', 'Hồ sơ còn đang giải quyết vào ngày chốt số liệu', (f) => f.pending.total),
  dossier('dossiers.on_time_rate', 'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn', '%', '(Trước hạn + đúng hạn) / số đã giải quyết × 100', (f) => f.resolved.onTimeRate),
  {
    key: 'petitions.received',
    label: 'Số phản ánh, kiến nghị về quy định hành chính tiếp nhận',
    unit: 'phản ánh, kiến nghị',
    description: 'Phản ánh, kiến nghị tiếp nhận trong kỳ (theo ngày tiếp nhận, giờ Việt Nam) mà đơn vị hoặc cơ quan trực thuộc đang xử lý',
    async compute(ctx) {
      const [row] = await queryRows<{ n: number }>(
        ctx.executor,
        sql`SELECT count(*)::int AS n FROM petitions
            WHERE ${inSubtree(ctx.agencyPath)}
              AND (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${ctx.from}::date AND ${ctx.to}::date`,
      );
      return row?.n ?? 0;
    },
  },
];

const byKey = new Map(PREFILL_SOURCES.map((s) => [s.key, s]));

export function findPrefillSource(key: string): PrefillSource | undefined {
  return byKey.get(key);
}

export function prefillSourceInfos(): PrefillSourceInfo[] {
  return PREFILL_SOURCES.map(({ key, label, unit, description }) => ({ key, label, unit, description }));
}

/**
 * The system's figures for the given prefill keys of one unit and period (key → value; a source that cannot
 * answer gives null).
 */
export async function computePrefills(
  executor: Executor,
  unit: { agencyId: string; agencyPath: string },
  period: { from: string; to: string },
  keys: readonly string[],
): Promise<Map<string, number | null>> {
  const memo = new Map<string, Promise<unknown>>();
  const ctx: PrefillContext = {
    executor,
    ...unit,
    ...period,
    once<T>(key: string, compute: () => Promise<T>) {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as Promise<T>;
    },
  };
  const out = new Map<string, number | null>();
  // Sequential: one executor (a transaction) runs one query at a time.
  for (const key of new Set(keys)) {
    const source = byKey.get(key);
    out.set(key, source ? await source.compute(ctx) : null);
  }
  return out;
}
