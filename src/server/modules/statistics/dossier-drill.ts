/**
 * The dossiers behind a figure (drill-down: province → agency → procedure → dossiers), read from the dossiers table
 * with the same slice conditions as the rollups. No personal data: code, procedure, agency, dates and outcome; the
 * detail page, under its own access rules, has the rest.
 */
import { sql, type SQL } from 'drizzle-orm';
import { addCalendarDays, fromLocal, toLocalDate } from '../../../shared/calendar';
import { resolvePeriod, type PeriodSpec } from '../../../shared/periods';
import type { DossierDrillList } from '../../../shared/schemas/statistics';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../../shared/workflow/dossier-workflow';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { queryRows } from '../../db/client';
import { filterSql } from './statistics.queries';
import { resolveStatScope, type SliceInput } from './statistics-scope';
import type { StatChannel } from './stat-deltas';

export type DrillCategory = DossierDrillList['category'];

const NOTE =
  'Danh sách lấy theo trạng thái hiện tại của hồ sơ: với kỳ đã qua, hồ sơ được bổ sung hoặc gia hạn sau ngày cuối kỳ có thể được xếp khác với số liệu tổng hợp (số liệu tổng hợp tính theo nhật ký xử lý).';

/** Dossier columns under the rollups' names, so the same filter SQL applies. */
const SOURCE = sql`(
  SELECT d.*, d.competent_agency_id AS agency_id, pv.field_id, d.procedure->>'level' AS level,
    CASE WHEN d.channel = 'online' THEN
           CASE WHEN d.procedure->>'onlineScope' = 'full' OR (d.procedure->>'onlineScope' IS NULL AND (d.procedure->>'onlineLevel')::int >= 4)
             THEN 'online_full' ELSE 'online_partial' END
         WHEN d.channel = 'post' THEN 'post' ELSE 'in_person' END AS stat_channel,
    CASE WHEN d.rules->>'statisticsAgainst' = 'current' THEN d.due_at ELSE coalesce(d.original_due_at, d.due_at) END AS stat_due_at
  FROM dossiers d JOIN procedure_versions pv ON pv.id = d.procedure_version_id
) x`;

function categorySql(category: DrillCategory, start: string, end: string, lastDay: string): SQL {
  const finishedIn = sql`x.finished_at >= ${start}::timestamptz AND x.finished_at < ${end}::timestamptz`;
  const resolved = sql`x.received_at IS NOT NULL AND x.outcome IS NOT NULL AND ${finishedIn}`;
  const pending = sql`x.received_at < ${end}::timestamptz AND (x.finished_at IS NULL OR x.finished_at >= ${end}::timestamptz)`;
  switch (category) {
    case 'received':
      return sql`x.received_at >= ${start}::timestamptz AND x.received_at < ${end}::timestamptz`;
    case 'resolved':
      return resolved;
    case 'resolved_early':
      return sql`${resolved} AND x.outcome = 'early'`;
    case 'resolved_on_time':
      return sql`${resolved} AND x.outcome = 'on_time'`;
    case 'resolved_late':
      return sql`${resolved} AND x.outcome = 'late'`;
    case 'pending':
      return pending;
    case 'pending_overdue':
      return sql`${pending} AND x.status <> 'waiting_for_supplement' AND (x.stat_due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < ${lastDay}::date`;
    case 'waiting':
      return sql`${pending} AND x.status = 'waiting_for_supplement'`;
    case 'stopped':
      return sql`x.status = 'stopped' AND ${finishedIn}`;
    case 'closed':
      return sql`x.status = 'closed_no_supplement' AND x.received_at IS NOT NULL AND ${finishedIn}`;
    default: {
      const unknown: never = category;
      throw new Error(`unknown category ${String(unknown)}`);
    }
  }
}

export interface DrillInput extends SliceInput, PeriodSpec {
  category: DrillCategory;
  page: number;
  pageSize: number;
}

export async function listDrillDossiers(executor: Executor, actor: Actor, input: DrillInput): Promise<DossierDrillList> {
  const period = resolvePeriod(input);
  const scope = await resolveStatScope(executor, actor, input);
  // As in the figures, a period still running is seen as of today.
  const today = toLocalDate(new Date());
  const lastDay = period.to > today ? today : period.to;
  const start = fromLocal(period.from).toISOString();
  const end = fromLocal(addCalendarDays(lastDay, 1)).toISOString();
  const where = sql`${filterSql({ ...scope.filter, channels: undefined })} AND ${
    scope.filter.channels ? sql`x.stat_channel IN (${sql.join(scope.filter.channels.map((c) => sql`${c}`), sql`, `)})` : sql`TRUE`
  } AND ${categorySql(input.category, start, end, lastDay)}`;
  const [count] = await queryRows<{ n: number }>(executor, sql`SELECT count(*)::int AS n FROM ${SOURCE} WHERE ${where}`);
  const rows = await queryRows<{
    id: string;
    code: string;
    procedure_code: string;
    procedure_name: string;
    agency_name: string;
    stat_channel: StatChannel;
    status: DossierStatus;
    received_at: Date | string | null;
    stat_due_at: Date | string | null;
    finished_at: Date | string | null;
    outcome: 'early' | 'on_time' | 'late' | null;
  }>(
    executor,
    sql`SELECT x.id, x.code, x.procedure->>'code' AS procedure_code, x.procedure->>'name' AS procedure_name, a.name AS agency_name,
          x.stat_channel, x.status, x.received_at, x.stat_due_at, x.finished_at, x.outcome
        FROM ${SOURCE} JOIN agencies a ON a.id = x.agency_id
        WHERE ${where}
        ORDER BY x.received_at DESC NULLS LAST, x.code
        LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`,
  );
  const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
  return {
    period,
    category: input.category,
    filters: { scope: scope.label, lines: scope.lines },
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      procedureCode: r.procedure_code,
      procedureName: r.procedure_name,
      agencyName: r.agency_name,
      channel: r.stat_channel,
      status: r.status,
      statusLabel: DOSSIER_STATUS_LABELS[r.status] ?? r.status,
      receivedAt: iso(r.received_at),
      dueAt: iso(r.stat_due_at),
      finishedAt: iso(r.finished_at),
      outcome: r.outcome,
    })),
    total: count?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    note: NOTE,
  };
}
