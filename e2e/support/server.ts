/**
 * The real application for browser tests: a fresh migrated database with the demo data (units, agencies, demo
 * accounts), the built web app served by Fastify as in production, on a random local port.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp, type AppContext } from '../../src/server/app';
import { testConfig } from '../../src/server/env';
import { createTestDatabase, type TestDatabase } from '../../src/server/test/test-database';
import { seedDemo } from '../../src/server/seed/seed-demo';

/**
 * The built web app. MOTCUA_WEB_DIR points at another build (`npx vite build --outDir <dir>`), so a test run is not
 * disturbed by someone rebuilding dist/web on a shared machine.
 */
export const WEB_DIR = path.resolve(process.env.MOTCUA_WEB_DIR ?? 'dist/web');

export interface TestServer {
  baseURL: string;
  database: TestDatabase;
  close(): Promise<void>;
}

/** `seed: false` starts from an empty database; tests make their own users with the factories either way. */
export async function startServer(options: { seed?: boolean } = {}): Promise<TestServer> {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error(`The web app is not built (${WEB_DIR}/index.html missing): run \`npx vite build\` before the browser tests.`);
  }
  const database = await createTestDatabase();
  if (options.seed !== false) await seedDemo(database, { catalogExtension: false });
  const ctx: AppContext = { config: testConfig(), database, lifecycle: { shuttingDown: false } };
  const app = await buildApp(ctx, { serveWeb: true, webDir: WEB_DIR });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
