import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Append-only audit trail, written in the same transaction as each change. The app role may only INSERT/SELECT. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid(),
    /** user | system | anonymous | token */
    actorKind: text().notNull(),
    actorLabel: text(),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text(),
    summary: jsonb().$type<Record<string, unknown>>(),
    ip: text(),
    requestId: text(),
  },
  (t) => [
    index('audit_subject_idx').on(t.subjectType, t.subjectId, t.at),
    index('audit_actor_idx').on(t.actorId, t.at),
    index('audit_at_idx').on(t.at),
  ],
);

/** Fixed-window counters shared by all instances (login throttling, public tracking). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Stored responses of requests sent with an Idempotency-Key, so a retry returns the same result. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: text().notNull(),
    scope: text().notNull(),
    requestHash: text().notNull(),
    statusCode: integer(),
    response: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** Database-backed jobs, claimed with FOR UPDATE SKIP LOCKED so several instances share the work. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    payloadVersion: integer().notNull().default(1),
    /** pending | running | done | failed */
    status: text().notNull().default('pending'),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    lockedBy: text(),
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    /** At most one pending/running job per unique key. */
    uniqueKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('jobs_claim_idx').on(t.status, t.runAt),
    uniqueIndex('jobs_unique_key_uq').on(t.uniqueKey).where(sql`${t.status} IN ('pending', 'running')`),
  ],
);

/** Recurring jobs: each instance tries to claim the due row; only one enqueues the run. */
export const jobSchedules = pgTable('job_schedules', {
  name: text().primaryKey(),
  kind: text().notNull(),
  intervalSeconds: integer().notNull(),
  nextRunAt: timestamp({ withTimezone: true }).notNull(),
  lastRunAt: timestamp({ withTimezone: true }),
});

/** Transactional outbox for email and SMS, delivered by the job runner. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** email | sms */
    channel: text().notNull(),
    recipient: text().notNull(),
    userId: uuid(),
    subject: text(),
    body: text().notNull(),
    template: text(),
    relatedType: text(),
    relatedId: text(),
    /** pending | sent | failed */
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('notifications_status_idx').on(t.status, t.createdAt), index('notifications_user_idx').on(t.userId)],
);
