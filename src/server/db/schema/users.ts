import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, departments } from './units';

/** Citizens, organisation representatives and staff. */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** citizen | staff */
    kind: text().notNull(),
    fullName: text().notNull(),
    /** Staff sign in with a username; citizens with ID number, email or phone. */
    username: text(),
    /** Số định danh cá nhân / CCCD (12 digits). */
    idNumber: text(),
    /** Organisation represented (tax code = mã số thuế). */
    organisationName: text(),
    taxCode: text(),
    phone: text(),
    email: text(),
    dateOfBirth: text(),
    address: text(),
    passwordHash: text().notNull(),
    roles: text().array().notNull().default(sql`'{}'::text[]`),
    agencyId: uuid().references(() => agencies.id),
    departmentId: uuid().references(() => departments.id),
    /** active | disabled */
    status: text().notNull().default('active'),
    failedLoginCount: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    uniqueIndex('users_id_number_uq').on(t.idNumber),
    uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
    index('users_agency_idx').on(t.agencyId),
    index('users_name_trgm_idx').using('gin', sql`f_unaccent(lower(${t.fullName})) gin_trgm_ops`),
  ],
);

/** Server-side sessions, shared by all instances; the cookie carries a random token, the table its sha256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    ip: text(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** API tokens for integrations, acting as a (service) user; only the sha256 is stored. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  tokenHash: text().notNull().unique(),
  /** First characters of the token, to recognise it in lists. */
  prefix: text().notNull(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdById: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp({ withTimezone: true }),
  expiresAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
});

export const passwordResets = pgTable('password_resets', {
  tokenHash: text().primaryKey(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
});
