/** Nhật ký hệ thống: the append-only audit trail, as administrators query it. */
import { z } from 'zod';
import { IsoDate, Paginated, Pagination, Uuid } from './common';

export const AuditQuery = Pagination.extend({
  subjectType: z.string().trim().min(1).max(60).optional(),
  subjectId: z.string().trim().min(1).max(100).optional(),
  actorId: Uuid.optional(),
  /** Exact action code (`user.updated`) or a domain prefix ending in a dot (`user.`). */
  action: z.string().trim().min(1).max(80).optional(),
  /** Vietnam calendar dates, both inclusive. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['to'] });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntryView = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), kind: z.string(), label: z.string().nullable() }),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

/**
 * `total` counts at most AUDIT_COUNT_CAP rows (the log holds hundreds of millions); `totalCapped` says when the
 * real number is larger, and the UI then shows "hơn 10.000".
 */
export const AuditPage = Paginated(AuditEntryView).extend({ totalCapped: z.boolean() });
export type AuditPage = z.infer<typeof AuditPage>;
export const AUDIT_COUNT_CAP = 10_000;
