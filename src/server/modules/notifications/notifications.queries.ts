import { and, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { notifications } from '../../db/schema';
import { OUTBOX_COUNT_CAP, type OutboxQuery } from '../../../shared/schemas/notifications';

export type NotificationRow = typeof notifications.$inferSelect;

/** Newest first; the status and created_at index serves the common filters. */
async function cappedCount(db: Executor, where: SQL | undefined): Promise<number> {
  const inner = db.select({ one: sql`1` }).from(notifications).where(where).limit(OUTBOX_COUNT_CAP + 1);
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${inner}) AS capped`);
  return Number(row?.n ?? 0);
}

export async function listOutbox(db: Executor, query: OutboxQuery): Promise<{ rows: NotificationRow[]; total: number; totalCapped: boolean }> {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(notifications.status, query.status));
  if (query.channel) conditions.push(eq(notifications.channel, query.channel));
  if (query.recipient) conditions.push(ilike(notifications.recipient, `%${query.recipient.replace(/[\\%_]/g, '\\$&')}%`));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = await cappedCount(db, where);
  return { rows, total: Math.min(total, OUTBOX_COUNT_CAP), totalCapped: total > OUTBOX_COUNT_CAP };
}

export async function countOutboxByStatus(db: Executor): Promise<{ pending: number; failed: number }> {
  const [pending, failed] = await Promise.all([
    cappedCount(db, eq(notifications.status, 'pending')),
    cappedCount(db, eq(notifications.status, 'failed')),
  ]);
  return { pending: Math.min(pending, OUTBOX_COUNT_CAP), failed: Math.min(failed, OUTBOX_COUNT_CAP) };
}
