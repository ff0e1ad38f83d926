import { maskIdNumbersInText } from '../../logger';
import type { OutboxMessageView } from '../../../shared/schemas/notifications';
import type { NotificationRow } from './notifications.queries';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentOutboxMessage(row: NotificationRow): OutboxMessageView {
  return {
    id: row.id,
    channel: row.channel as OutboxMessageView['channel'],
    recipient: row.recipient,
    subject: row.subject,
    body: maskIdNumbersInText(row.body),
    template: row.template,
    related: row.relatedType ? { type: row.relatedType, id: row.relatedId } : null,
    status: row.status as OutboxMessageView['status'],
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: iso(row.createdAt)!,
    sentAt: iso(row.sentAt),
  };
}
