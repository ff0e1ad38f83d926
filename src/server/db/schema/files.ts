/** Uploaded files: metadata rows; the bytes live in content-addressed storage (sha256) behind a FileStorage adapter. */
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * One upload. Identical content uploaded twice is stored once (same sha256) but has two rows, so ownership and
 * names stay per upload: a user may attach only files they uploaded themselves.
 */
export const files = pgTable(
  'files',
  {
    id: uuid().primaryKey().defaultRandom(),
    sha256: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    /** Detected from the content, never taken from the client. */
    mimeType: text().notNull(),
    fileName: text().notNull(),
    uploadedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('files_sha256_idx').on(t.sha256), index('files_uploaded_by_idx').on(t.uploadedById, t.createdAt)],
);
