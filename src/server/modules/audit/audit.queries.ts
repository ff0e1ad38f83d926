import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { queryRows } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { isProvinceWide } from '../../policies/users.policy';
import { addCalendarDays, fromLocal } from '../../../shared/calendar';
import { AUDIT_COUNT_CAP, type AuditQuery } from '../../../shared/schemas/audit';

export interface AuditRow {
  id: number;
  at: Date | string;
  actor_id: string | null;
  actor_kind: string;
  actor_label: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  summary: Record<string, unknown> | null;
  ip: string | null;
  request_id: string | null;
}

/**
 * Which rows an administrator sees: all of them when province-wide; otherwise what the staff of their agency
 * subtree did, and what was done to those staff accounts.
 */
function scopeOf(actor: Actor): SQL {
  if (isProvinceWide(actor)) return sql`true`;
  if (!actor.agencyPath) return sql`false`;
  // Agency paths are made of UUIDs and slashes, so they hold no LIKE wildcards.
  const staffInScope = sql`SELECT u.id FROM users u JOIN agencies a ON a.id = u.agency_id WHERE a.path LIKE ${actor.agencyPath + '%'}`;
  return sql`(l.actor_id IN (${staffInScope}) OR (l.subject_type = 'user' AND l.subject_id IN (SELECT id::text FROM (${staffInScope}) s)))`;
}

function filtersOf(query: AuditQuery): SQL[] {
  const filters: SQL[] = [];
  if (query.subjectType) filters.push(sql`l.subject_type = ${query.subjectType}`);
  if (query.subjectId) filters.push(sql`l.subject_id = ${query.subjectId}`);
  if (query.actorId) filters.push(sql`l.actor_id = ${query.actorId}`);
  if (query.action) {
    // 'user.' selects a whole domain; anything else is an exact action code.
    filters.push(query.action.endsWith('.') ? sql`l.action LIKE ${query.action.replace(/[\\%_]/g, '\\$&') + '%'}` : sql`l.action = ${query.action}`);
  }
  if (query.from) filters.push(sql`l.at >= ${fromLocal(query.from).toISOString()}`);
  if (query.to) filters.push(sql`l.at < ${fromLocal(addCalendarDays(query.to, 1)).toISOString()}`);
  return filters;
}

/** Nhật ký hệ thống, newest first. The count stops at AUDIT_COUNT_CAP so a broad query stays cheap. */
export async function queryAuditLog(db: Executor, actor: Actor, query: AuditQuery): Promise<{ rows: AuditRow[]; total: number; totalCapped: boolean }> {
  const where = sql.join([scopeOf(actor), ...filtersOf(query)], sql` AND `);
  const rows = await queryRows<AuditRow>(
    db,
    sql`SELECT l.id, l.at, l.actor_id, l.actor_kind, l.actor_label, l.action, l.subject_type, l.subject_id, l.summary, l.ip, l.request_id
        FROM audit_log l WHERE ${where}
        ORDER BY l.at DESC, l.id DESC
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  );
  const [counted] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_log l WHERE ${where} LIMIT ${AUDIT_COUNT_CAP + 1}) capped`,
  );
  const n = Number(counted?.n ?? 0);
  return { rows, total: Math.min(n, AUDIT_COUNT_CAP), totalCapped: n > AUDIT_COUNT_CAP };
}
