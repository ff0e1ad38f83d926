/**
 * Generated from route-permissions.ts: for every protected route and every role, one request by a signed-in user
 * with exactly that role, and one anonymous request (401). Also checks that the table lists every route of the
 * domains it covers, and two personal-data rules that cut across routes.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm';
import { buildApp } from '../app';
import { testConfig } from '../env';
import { maskIdNumbersInText } from '../logger';
import { ALL_ROLES, type Role } from '../../shared/permissions';
import { createAgency, createCitizen, createStaff, testIdNumber } from './factories';
import { ROUTE_PERMISSIONS, createMatrixWorld, type MatrixWorld, type RouteCase } from './route-permissions';
import { createTestApp, signIn, type TestContext } from './test-app';
import { createTestDatabase } from './test-database';

let t: TestContext;
let world: MatrixWorld;
const headers = {} as Record<Role, Record<string, string>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await createMatrixWorld(t.database.db);
  for (const role of ALL_ROLES) {
    const user = world.users[role];
    headers[role] = (await signIn(t.app, user.login, user.password)).headers;
  }
});
afterAll(async () => t?.close());

async function send(routeCase: RouteCase, role: Role | null) {
  const prepared = routeCase.prepare ? await routeCase.prepare(world, role) : {};
  const path = routeCase.route.replace(/:(\w+)/g, (_, name: string) => {
    const value = prepared.params?.[name];
    if (!value) throw new Error(`${routeCase.route}: prepare() gave no value for :${name}`);
    return encodeURIComponent(value);
  });
  return t.app.inject({
    method: routeCase.method,
    url: prepared.query ? `${path}?${prepared.query}` : path,
    headers: role ? headers[role] : {},
    ...(prepared.body === undefined ? {} : { payload: prepared.body as object }),
  });
}

for (const domain of ROUTE_PERMISSIONS) {
  describe(`permission matrix: ${domain.domain}`, () => {
    for (const routeCase of domain.cases) {
      describe(`${routeCase.method} ${routeCase.route}${routeCase.label ? ` — ${routeCase.label}` : ''}`, () => {
        it('anonymous → 401', async () => {
          const res = await send(routeCase, null);
          expect(res.statusCode, res.body).toBe(401);
        });
        for (const role of ALL_ROLES) {
          const expected = routeCase.expect[role];
          it(`${role} → ${expected}`, async () => {
            const res = await send(routeCase, role);
            if (expected === 'allowed') {
              expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
              expect(res.statusCode, res.body).toBeLessThan(300);
            } else {
              expect(res.statusCode, res.body).toBe(expected);
            }
          });
        }
      });
    }
  });
}

/** (method, route) pairs registered in the app, read from Fastify's route tree. */
function registeredRoutes(): string[] {
  const out: string[] = [];
  const paths: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    paths[depth] = (depth > 0 ? paths[depth - 1]! : '') + match[2]!;
    for (const method of match[3]!.split(', ')) if (method !== 'HEAD') out.push(`${method} ${paths[depth]}`);
  }
  return out;
}

describe('permission matrix coverage', () => {
  it('lists every route of the domains it covers, as protected or public', () => {
    const routes = registeredRoutes();
    expect(routes).toContain('GET /api/users/:id');
    for (const domain of ROUTE_PERMISSIONS) {
      const owned = routes.filter((r) => domain.prefixes.some((p) => r.split(' ')[1] === p || r.split(' ')[1]!.startsWith(`${p}/`)));
      const listed = new Set([...domain.cases.map((c) => `${c.method} ${c.route}`), ...domain.publicRoutes]);
      expect(owned.filter((r) => !listed.has(r)), `routes of ${domain.domain} missing from route-permissions.ts`).toEqual([]);
      expect([...listed].filter((r) => !owned.includes(r)), `routes of ${domain.domain} listed but not registered`).toEqual([]);
    }
  });

  it('public routes really are public (no 401 without a session)', async () => {
    for (const route of ROUTE_PERMISSIONS.flatMap((d) => d.publicRoutes)) {
      const [method, url] = route.split(' ') as ['GET' | 'POST', string];
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, route).not.toBe(401);
    }
  });
});

describe('personal data', () => {
  it("a citizen cannot read another citizen's profile: 404, nothing revealed", async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/users/${world.otherCitizen.id}`, headers: headers.citizen });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(world.otherCitizen.idNumber);
    const own = await t.app.inject({ method: 'GET', url: `/api/users/${world.users.citizen.id}`, headers: headers.citizen });
    expect(own.json().idNumber).toBe(world.users.citizen.idNumber);
  });

  it("no log line contains an unmasked ID number or a failed query's parameters", async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const database = await createTestDatabase();
    const app = await buildApp({ config: testConfig({ logLevel: 'info' }), database, lifecycle: { shuttingDown: false } }, { logStream });
    // A failing query carries its parameters (an ID number, a password hash) in the error; the log must not.
    const leaked = testIdNumber();
    const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
    app.get('/api/test-failing-query', async () => {
      throw new DrizzleQueryError('insert into "users" ("id_number", "password_hash") values ($1, $2)', [leaked, passwordHash], new Error('duplicate key value'));
    });
    await app.ready();
    try {
      const agency = await createAgency(database.db);
      const desk = await createStaff(database.db, agency, ['desk_officer']);
      const citizen = await createCitizen(database.db);
      const deskClient = await signIn(app, desk.login, desk.password);
      const citizenClient = await signIn(app, citizen.login, citizen.password);
      const registered = testIdNumber();

      await app.inject({ method: 'POST', url: '/api/auth/register', payload: { fullName: 'Đỗ Văn Mới', idNumber: registered, phone: '0912000111', password: 'MatKhau2026' } });
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: citizen.idNumber, password: 'sai-mat-khau-1' } });
      await app.inject({ method: 'GET', url: `/api/users?q=${citizen.idNumber}`, headers: deskClient.headers });
      await app.inject({ method: 'GET', url: `/api/users/${citizen.id}`, headers: deskClient.headers });
      await app.inject({ method: 'GET', url: `/api/users/${citizen.idNumber}`, headers: deskClient.headers });
      await app.inject({ method: 'PATCH', url: '/api/users/me', headers: citizenClient.headers, payload: { idNumber: registered } });
      await app.inject({ method: 'GET', url: '/api/test-failing-query' });

      const text = lines.join('');
      // The requests were logged, with the ID number in the URL masked.
      expect(text).toContain(maskIdNumbersInText(`/api/users?q=${citizen.idNumber}`));
      expect(text).toContain('insert into \\"users\\"');
      expect(text).not.toContain(passwordHash);
      for (const idNumber of [citizen.idNumber!, registered, leaked]) expect(text).not.toContain(idNumber);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
