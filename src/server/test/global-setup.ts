import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { dropPostgresTestDatabases, preparePostgresTemplate, testBackend } from './test-database';

/** Vitest global setup: migrate one template database; every test file clones it. */
export default async function setup() {
  if (testBackend() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    await preparePostgresTemplate(url);
    return async () => dropPostgresTestDatabases(url);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-test-'));
  const database = await openDatabase({});
  await migrate(database);
  const client = (database.db as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  process.env.MOTCUA_PGLITE_TEMPLATE = file;
  return async () => rmSync(dir, { recursive: true, force: true });
}
