import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { testConfig, type AppConfig } from '../env';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestContext {
  app: FastifyInstance;
  database: TestDatabase;
  config: AppConfig;
  close(): Promise<void>;
}

/** A full application on a fresh database, for route tests (app.inject). */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, lifecycle: { shuttingDown: false } });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Cookie and CSRF headers of a signed-in client, to pass to app.inject. */
export interface Client {
  userId: string;
  headers: Record<string, string>;
}

export function cookiesFrom(res: LightMyRequestResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.cookies) out[c.name] = c.value;
  return out;
}

export async function signIn(app: FastifyInstance, identifier: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${identifier}: ${res.statusCode} ${res.body}`);
  const cookies = cookiesFrom(res);
  const body = res.json() as { user: { id: string }; csrfToken: string };
  return {
    userId: body.user.id,
    headers: {
      cookie: Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
      'x-csrf-token': body.csrfToken,
    },
  };
}
