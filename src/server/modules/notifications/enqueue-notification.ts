import type { Executor } from '../../db/client';
import { notifications } from '../../db/schema';

export interface NotificationInput {
  channel: 'email' | 'sms';
  recipient: string;
  userId?: string | null;
  subject?: string;
  body: string;
  template?: string;
  relatedType?: string;
  relatedId?: string;
}

/** Transactional outbox: the message is written with the change that caused it and sent later by a job. */
export async function enqueueNotification(tx: Executor, input: NotificationInput): Promise<void> {
  await tx.insert(notifications).values({
    channel: input.channel,
    recipient: input.recipient,
    userId: input.userId ?? null,
    subject: input.subject ?? null,
    body: input.body,
    template: input.template ?? null,
    relatedType: input.relatedType ?? null,
    relatedId: input.relatedId ?? null,
  });
}
