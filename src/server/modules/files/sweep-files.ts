/**
 * Housekeeping of uploads: a file row that nothing refers to a day after its upload (a citizen who uploaded and never
 * submitted, a desk scan of an abandoned intake) is removed, and its content with it when no other row shares it;
 * partial uploads of crashed writers go too. What refers to a file is read from the foreign keys on `files`, so a
 * table added later is protected without changing this code.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { FileStorage } from './file-storage';

/** An upload may wait this long for the dossier, petition or document that will refer to it. */
export const UNREFERENCED_FILE_GRACE_HOURS = 24;
const BATCH = 1_000;

export interface FileSweepResult {
  rows: number;
  contents: number;
  temporary: number;
}

export async function sweepUnreferencedFiles(db: Executor, storage: FileStorage, graceHours = UNREFERENCED_FILE_GRACE_HOURS): Promise<FileSweepResult> {
  const references = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`SELECT c.conrelid::regclass::text AS table_name, a.attname AS column_name
        FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.confrelid = 'files'::regclass ORDER BY 1, 2`,
  );
  const unreferenced = sql.join(
    references.map((r) => sql`NOT EXISTS (SELECT 1 FROM ${sql.identifier(r.table_name)} x WHERE x.${sql.identifier(r.column_name)} = f.id)`),
    sql` AND `,
  );
  const result: FileSweepResult = { rows: 0, contents: 0, temporary: 0 };
  for (;;) {
    // Rows a transaction is just now referring to are locked (key share) and skipped.
    const removed = await queryRows<{ sha256: string }>(
      db,
      sql`WITH doomed AS (
            SELECT f.id FROM files f
            WHERE f.created_at < now() - make_interval(hours => ${graceHours}) AND ${references.length > 0 ? unreferenced : sql`true`}
            LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          DELETE FROM files WHERE id IN (SELECT id FROM doomed) RETURNING sha256`,
    );
    result.rows += removed.length;
    const hashes = [...new Set(removed.map((r) => r.sha256))];
    if (hashes.length > 0) {
      const kept = new Set(
        (await queryRows<{ sha256: string }>(db, sql`SELECT DISTINCT sha256 FROM files WHERE sha256 IN (${sql.join(hashes.map((h) => sql`${h}`), sql`, `)})`)).map((r) => r.sha256),
      );
      for (const h of hashes) if (!kept.has(h) && (await storage.remove(h, graceHours * 3_600_000))) result.contents++;
    }
    if (removed.length < BATCH) break;
  }
  result.temporary = await storage.sweepTemporary(graceHours * 3_600_000);
  return result;
}
