/** Hộp thư đi: the notification outbox (email, SMS) as administrators see it. */
import { z } from 'zod';
import { Pagination } from './common';

export const NotificationChannel = { EMAIL: 'email', SMS: 'sms' } as const;
export type NotificationChannel = (typeof NotificationChannel)[keyof typeof NotificationChannel];

export const NotificationStatus = { PENDING: 'pending', SENT: 'sent', FAILED: 'failed' } as const;
export type NotificationStatus = (typeof NotificationStatus)[keyof typeof NotificationStatus];

export const notificationStatusLabels: Record<NotificationStatus, string> = {
  pending: 'Chờ gửi',
  sent: 'Đã gửi',
  failed: 'Gửi không thành công',
};

export const OutboxQuery = Pagination.extend({
  status: z.enum(['pending', 'sent', 'failed']).optional(),
  channel: z.enum(['email', 'sms']).optional(),
  /** Part of the recipient address or phone number. */
  recipient: z.string().trim().min(1).max(200).optional(),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export const OutboxMessageView = z.object({
  id: z.string(),
  channel: z.enum(['email', 'sms']),
  recipient: z.string(),
  subject: z.string().nullable(),
  /** Personal ID numbers in the text are masked. */
  body: z.string(),
  template: z.string().nullable(),
  related: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessageView = z.infer<typeof OutboxMessageView>;

/** Lists count at most OUTBOX_COUNT_CAP rows (the outbox grows with every dossier); `totalCapped` says there are more. */
export const OUTBOX_COUNT_CAP = 10_000;

export const OutboxPage = z.object({
  items: z.array(OutboxMessageView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  totalCapped: z.boolean(),
  /** Whole outbox, whatever the filters: messages waiting and messages that could not be delivered (capped too). */
  counts: z.object({ pending: z.number().int(), failed: z.number().int() }),
  /** Where messages go when no SMTP server / SMS gateway is configured. */
  delivery: z.object({ email: z.string(), sms: z.string() }),
});
export type OutboxPage = z.infer<typeof OutboxPage>;
