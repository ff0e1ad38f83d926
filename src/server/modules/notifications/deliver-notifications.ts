import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client';
import type { JobContext } from '../../jobs/define-job';
import type { NotificationAdapters } from './notification-adapters';

export const NOTIFICATION_MAX_ATTEMPTS = 5;
/** Advisory lock held while delivering, so two instances never send the same message twice. */
const DELIVERY_LOCK_KEY = 727_2702;

export interface DeliveryResult {
  sent: number;
  /** Failed this time, will be retried. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
  /** Another instance is delivering right now. */
  skipped: boolean;
}

interface PendingRow {
  id: string;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  attempts: number;
}

const inProcess = new WeakMap<Database, Promise<DeliveryResult>>();

/**
 * Sends due outbox messages. A message that fails is retried after 4, 16, 64 and 256 minutes (counted from its
 * creation) and marked failed after NOTIFICATION_MAX_ATTEMPTS. When a channel fails, the rest of that channel's
 * batch waits for the next run, so a gateway outage does not use up every message's attempts at once.
 * A crash between sending and recording can send a message twice (at-least-once); nothing is lost.
 */
export function deliverPendingNotifications(
  database: Database,
  adapters: NotificationAdapters,
  options: { batchSize?: number; log?: JobContext['log'] } = {},
): Promise<DeliveryResult> {
  // One delivery at a time per database in this process (PGlite has one connection, where advisory locks are
  // re-entrant): a second caller joins the delivery under way.
  const running = inProcess.get(database);
  if (running) return running;
  const delivery = database
    .withSession(async (session) => {
      const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [DELIVERY_LOCK_KEY]);
      if (!rows[0]?.locked) return { sent: 0, retrying: 0, failed: 0, skipped: true };
      try {
        return await deliverBatch(database, adapters, options);
      } finally {
        await session.query('SELECT pg_advisory_unlock($1)', [DELIVERY_LOCK_KEY]);
      }
    })
    .finally(() => inProcess.delete(database));
  inProcess.set(database, delivery);
  return delivery;
}

async function deliverBatch(
  database: Database,
  adapters: NotificationAdapters,
  options: { batchSize?: number; log?: JobContext['log'] },
): Promise<DeliveryResult> {
  const db = database.db;
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0, skipped: false };
  const due = await queryRows<PendingRow>(
    db,
    sql`SELECT id, channel, recipient, subject, body, attempts FROM notifications
         WHERE status = 'pending'
           AND (attempts = 0 OR created_at + make_interval(mins => power(4, attempts)::int) <= now())
         ORDER BY created_at, id
         LIMIT ${options.batchSize ?? 50}`,
  );
  const failedChannels = new Set<string>();
  for (const row of due) {
    if (failedChannels.has(row.channel)) continue;
    try {
      if (row.channel === 'email') {
        await adapters.email.send({ to: row.recipient, subject: row.subject ?? 'Thông báo từ hệ thống MotCua', text: row.body });
      } else if (row.channel === 'sms') {
        await adapters.sms.send({ to: row.recipient, text: row.body });
      } else {
        throw new Error(`Unknown channel ${row.channel}`);
      }
      await db.execute(sql`UPDATE notifications SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
                            WHERE id = ${row.id} AND status = 'pending'`);
      result.sent++;
    } catch (err) {
      failedChannels.add(row.channel);
      const last = row.attempts + 1 >= NOTIFICATION_MAX_ATTEMPTS;
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
      await db.execute(sql`UPDATE notifications SET attempts = attempts + 1, last_error = ${message},
                                  status = ${last ? 'failed' : 'pending'}
                            WHERE id = ${row.id} AND status = 'pending'`);
      if (last) result.failed++;
      else result.retrying++;
      options.log?.warn({ notification: row.id, channel: row.channel, attempt: row.attempts + 1, err: message }, 'notification not delivered');
    }
  }
  return result;
}
