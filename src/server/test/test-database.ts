/**
 * Test databases. Each test file gets its own fresh, migrated database: a clone of a migrated PGlite
 * template (fast), or on PostgreSQL (TEST_DATABASE_URL) a new database created from a migrated template.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client';
import { migrate } from '../db/migrate';

export function testBackend(): 'pglite' | 'postgres' {
  return process.env.MOTCUA_TEST_BACKEND === 'postgres' && process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export const POSTGRES_TEMPLATE_DB = 'motcua_test_template';

/** Called once per run (vitest globalSetup) to migrate the template the test databases are cloned from. */
export async function preparePostgresTemplate(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${POSTGRES_TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: withDatabaseName(adminUrl, POSTGRES_TEMPLATE_DB), poolSize: 1 });
  await migrate(database);
  await database.close();
}

export async function dropPostgresTestDatabases(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'motcua_t_%' OR datname = $1`, [POSTGRES_TEMPLATE_DB]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export interface TestDatabase extends Database {
  /** Connection URL on PostgreSQL (to open a second "instance"); undefined on PGlite. */
  url?: string;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testBackend() === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `motcua_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${POSTGRES_TEMPLATE_DB}`);
    } finally {
      await admin.end();
    }
    const url = withDatabaseName(adminUrl, name);
    const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
    return {
      ...database,
      url,
      close: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
        await a.end();
      },
    };
  }
  const templatePath = process.env.MOTCUA_PGLITE_TEMPLATE;
  if (templatePath) {
    const blob = new Blob([readFileSync(templatePath)]);
    return openDatabase({ loadDataDir: blob });
  }
  const database = await openDatabase({});
  await migrate(database);
  return database;
}
