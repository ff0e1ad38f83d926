/**
 * Applies the committed drizzle-kit SQL migrations under a PostgreSQL advisory lock, so several instances
 * starting together are safe. Each migration runs in its own transaction and is recorded with its hash;
 * an applied migration whose file changed is an error (shipped migrations are never edited).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, RawSession } from './client';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 727_2701; // arbitrary, fixed: "motcua migrations"

interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

export interface MigrationFile {
  tag: string;
  hash: string;
  statements: string[];
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const journal = JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => {
      const text = readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8');
      return {
        tag: entry.tag,
        hash: createHash('sha256').update(text).digest('hex'),
        statements: text
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
    });
}

export interface MigrationStatus {
  tag: string;
  appliedAt: string | null;
  changed: boolean;
}

async function ensureTable(session: RawSession) {
  // Checked first: CREATE ... IF NOT EXISTS needs CREATE on the schema even when the table exists, and the
  // production app role has none (docs/operations.md), yet it starts with a migrate() that has nothing to do.
  const { rows } = await session.query<{ name: string | null }>(`SELECT to_regclass('motcua_migrations')::text AS name`);
  if (rows[0]?.name) return;
  await session.exec(`CREATE TABLE IF NOT EXISTS motcua_migrations (
    tag text PRIMARY KEY,
    hash text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

async function appliedMigrations(session: RawSession) {
  const { rows } = await session.query<{ tag: string; hash: string; applied_at: Date }>(
    'SELECT tag, hash, applied_at FROM motcua_migrations',
  );
  return new Map(rows.map((r) => [r.tag, r]));
}

export async function migrationStatus(database: Database): Promise<MigrationStatus[]> {
  return database.withSession(async (session) => {
    await ensureTable(session);
    const applied = await appliedMigrations(session);
    return readMigrations().map((m) => {
      const row = applied.get(m.tag);
      return { tag: m.tag, appliedAt: row ? new Date(row.applied_at).toISOString() : null, changed: !!row && row.hash !== m.hash };
    });
  });
}

/** Applies pending migrations; returns the tags applied by this call. */
export async function migrate(database: Database): Promise<string[]> {
  return database.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await ensureTable(session);
      const applied = await appliedMigrations(session);
      const done: string[] = [];
      for (const m of readMigrations()) {
        const row = applied.get(m.tag);
        if (row) {
          if (row.hash !== m.hash) throw new Error(`Migration ${m.tag} was changed after it was applied`);
          continue;
        }
        await session.exec('BEGIN');
        try {
          for (const statement of m.statements) await session.exec(statement);
          await session.query('INSERT INTO motcua_migrations (tag, hash) VALUES ($1, $2)', [m.tag, m.hash]);
          await session.exec('COMMIT');
        } catch (err) {
          await session.exec('ROLLBACK');
          throw new Error(`Migration ${m.tag} failed: ${(err as Error).message}`, { cause: err });
        }
        done.push(m.tag);
      }
      return done;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}
