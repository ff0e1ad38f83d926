import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { buildApp } from './app';
import { openDatabase, queryRows, type Database } from './db/client';
import { eq, sql } from 'drizzle-orm';
import { auditLog, users } from './db/schema';
import { migrate, migrationStatus, readMigrations } from './db/migrate';
import { testConfig } from './env';
import { openConfiguredDatabase, startServer, type RunningServer } from './main';
import { runCli, type CliIo } from '../cli/run-cli';
import { builtInSchedules } from './jobs';
import { createAgency, createStaff } from './test/factories';
import { createTestDatabase, testBackend, type TestDatabase } from './test/test-database';
import { cookiesFrom } from './test/test-app';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** One database for the whole file: the first start loads the demo into it (slow, once), the CLI tests reuse it. */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('startServer', () => {
  let server: RunningServer;
  const printed: string[] = [];

  const webDir = mkdtempSync(path.join(tmpdir(), 'motcua-web-'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>MotCua</title>');

  beforeAll(async () => {
    const config = testConfig({ seedDemo: true, jobsEnabled: true });
    server = await startServer(config, { database, webDir, print: (t) => printed.push(t), runner: { pollIntervalMs: 50 } });
  }, 300_000);
  afterAll(async () => {
    await server.shutdown();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('loads the demo on a first start and prints the address and the demo accounts', () => {
    expect(server.seeded).toBe(true);
    const banner = printed.join('\n');
    expect(banner).toContain('http://localhost:3000/api/docs');
    expect(banner).toMatch(/admin\s+MotCua@2021/);
    expect(banner).toMatch(/093090001234\s+CongDan@2021/);
  });

  it('serves health, readiness and the API documentation over HTTP', async () => {
    expect((await fetch(`${server.address}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.address}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: database.kind });
    const docs = await fetch(`${server.address}/api/docs/json`);
    expect(docs.status).toBe(200);
    expect((await docs.json()).paths).toHaveProperty('/api/notifications/outbox');
  });

  it('serves the web app shell for client-side routes, and JSON 404 for unknown API paths and files', async () => {
    const page = await fetch(`${server.address}/tra-cuu/ho-so?ma=1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>MotCua</title>');
    const api = await fetch(`${server.address}/api/khong-co`);
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('NOT_FOUND');
    expect((await fetch(`${server.address}/assets/missing.js`)).status).toBe(404);
  });

  it('runs the built-in scheduled jobs', async () => {
    const names = async () =>
      (await queryRows<{ kind: string }>(database.db, sql`SELECT DISTINCT kind FROM jobs WHERE status = 'done' AND unique_key LIKE 'schedule:%' ORDER BY kind`)).map((r) => r.kind);
    const expected = [...new Set(builtInSchedules.map((s) => s.kind))].sort();
    expect(expected).toEqual(expect.arrayContaining(['maintenance.prune', 'notifications.deliver']));
    while ((await names()).length < expected.length) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await names()).toEqual(expected);
  });

  it('does not load the demo again on the next start', async () => {
    const lines: string[] = [];
    const next = await startServer(testConfig({ seedDemo: true, jobsEnabled: false }), { database, print: (t) => lines.push(t) });
    await next.shutdown();
    expect(next.seeded).toBe(false);
    expect(lines.join('\n')).not.toContain('MotCua@2021');
  });

  it('answers 503 on /readyz once shutting down, then stops listening and stops the jobs', async () => {
    server.ctx.lifecycle.shuttingDown = true;
    const ready = await fetch(`${server.address}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'shutting_down' });
    expect((await fetch(`${server.address}/healthz`)).status).toBe(200);
    await server.shutdown();
    await expect(fetch(`${server.address}/healthz`)).rejects.toThrow();
    // The injected database stays open for its owner; the job runner no longer claims anything.
    const [{ n }] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM jobs WHERE status = 'running'`);
    expect(n).toBe(0);
  });
});

/** A database with nothing in it (not even the migrations), as on a first deployment. */
async function createEmptyDatabase(): Promise<{ open: () => Promise<Database>; drop: () => Promise<void> }> {
  if (testBackend() === 'pglite') {
    const shared = await openDatabase({});
    return { open: async () => shared, drop: () => shared.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `motcua_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened: Database[] = [];
  return {
    open: async () => {
      const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 3 });
      opened.push(database);
      return database;
    },
    drop: async () => {
      for (const d of opened) await d.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

describe(`two instances on one database (${testBackend()})`, () => {
  it('migrate concurrently (each migration applied once), then share sessions', async () => {
    const empty = await createEmptyDatabase();
    try {
      // On PGlite both "instances" share one in-process database object; on PostgreSQL each has its own pool.
      const [dbA, dbB] = [await empty.open(), await empty.open()];
      const [appliedByA, appliedByB] = await Promise.all([migrate(dbA), migrate(dbB)]);
      const all = readMigrations().map((m) => m.tag);
      expect([...appliedByA, ...appliedByB].sort()).toEqual([...all].sort());
      expect(appliedByA.filter((tag) => appliedByB.includes(tag))).toEqual([]);
      const status = await migrationStatus(dbB);
      expect(status.every((m) => m.appliedAt !== null && !m.changed)).toBe(true);

      // Migrations are idempotent: a second run applies nothing.
      expect(await migrate(dbA)).toEqual([]);
      expect(await migrate(dbB)).toEqual([]);

      const config = testConfig();
      const appA = await buildApp({ config, database: dbA, lifecycle: { shuttingDown: false } });
      const appB = await buildApp({ config, database: dbB, lifecycle: { shuttingDown: false } });
      try {
        const agency = await createAgency(dbA.db);
        const officer = await createStaff(dbA.db, agency, ['desk_officer'], 'Võ Thị Mỹ Linh');
        const login = await appA.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: officer.login, password: officer.password } });
        expect(login.statusCode).toBe(200);
        const cookie = Object.entries(cookiesFrom(login))
          .map(([k, v]) => `${k}=${v}`)
          .join('; ');
        const onB = await appB.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
        expect(onB.json().user).toMatchObject({ id: officer.id, fullName: 'Võ Thị Mỹ Linh' });
        // Signing out on B ends the session on A too.
        const csrf = login.json().csrfToken as string;
        const logout = await appB.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
        expect(logout.statusCode).toBeLessThan(300);
        const onA = await appA.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
        expect(onA.json().user).toBeNull();
      } finally {
        await appA.close();
        await appB.close();
      }
    } finally {
      await empty.drop();
    }
  });
});

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'motcua-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function cli(argv: string[], stdin = '', on: Database = database) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), database: on, env: { DATA_DIR: dataDir }, readStdin: () => stdin };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('motcua command', () => {
  it('prints usage, and exits 2 on an unknown command or a missing option', async () => {
    expect((await cli(['help'])).out).toContain('motcua user create-admin');
    expect((await cli([])).code).toBe(2);
    const unknown = await cli(['db', 'drop']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command: db drop');
    expect((await cli(['user', 'create-admin', '--username', 'qt'])).code).toBe(2);
    expect((await cli(['user', 'create-admin', '--bogus', 'x'])).code).toBe(2);
  });

  it('db status lists every migration as applied', async () => {
    const status = await cli(['db', 'status']);
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/^\d+ applied, 0 pending, 0 changed$/m);
  });

  it('create-admin refuses a weak password with the Vietnamese reason, and needs an agency to exist', async () => {
    const weak = await cli(['user', 'create-admin', '--username', 'quantri', '--name', 'Lê Văn Quản', '--password', 'abc']);
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('Mật khẩu phải có ít nhất 8 ký tự');
    const empty = await createTestDatabase();
    try {
      const noAgency = await cli(['user', 'create-admin', '--username', 'quantri', '--name', 'Lê Văn Quản', '--password', 'QuanTri2026'], '', empty);
      expect(noAgency.code).toBe(1);
      expect(noAgency.err).toContain('Chưa có cơ quan nào');
    } finally {
      await empty.close();
    }
  });

  it('seed demo adds nothing to a loaded demo; create-admin adds an administrator at the province committee, audited', async () => {
    const seeded = await cli(['seed', 'demo']);
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/units\s+đã có/);
    expect(seeded.out).toMatch(/accounts\s+đã có/);

    const created = await cli(['user', 'create-admin', '--username', 'QuanTri', '--name', 'Lê  Văn Quản', '--password', '-'], 'QuanTri2026\n');
    expect(created.code).toBe(0);
    expect(created.out).toContain('Ủy ban nhân dân tỉnh Hậu Giang');
    const [admin] = await database.db.select().from(users).where(eq(users.username, 'quantri'));
    expect(admin).toMatchObject({ fullName: 'Lê Văn Quản', roles: ['administrator'], kind: 'staff' });
    const [audit] = await database.db.select().from(auditLog).where(sql`${auditLog.subjectId} = ${admin!.id}`);
    expect(audit).toMatchObject({ action: 'user.created', actorKind: 'system' });

    const again = await cli(['user', 'create-admin', '--username', 'quantri', '--name', 'Người Khác', '--password', 'QuanTri2026', '--agency', 'STP']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('đã được sử dụng');
    const unknownAgency = await cli(['user', 'create-admin', '--username', 'qt.stp', '--name', 'Người Khác', '--password', 'QuanTri2026', '--agency', 'KHONGCO']);
    expect(unknownAgency.code).toBe(1);
  });
});

describe('bin/motcua.js', () => {
  it('runs the CLI, and refuses to open an embedded database that another live process holds', async () => {
    const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    const bin = path.join(root, 'bin/motcua.js');
    expect((await run(process.execPath, [bin, 'help'], { env, cwd: root })).stdout).toContain('motcua db status');
    // A live process holding the embedded database (here: this test process's pid).
    writeFileSync(path.join(dataDir, 'db.lock'), String(process.pid));
    const locked = await run(process.execPath, [bin, 'db', 'status'], { env, cwd: root }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('is in use by process');
    rmSync(path.join(dataDir, 'db.lock'));
  });
});

describe('openConfiguredDatabase (embedded)', () => {
  it('holds a lock file while open, releases it on close, and takes over a lock left by a dead process', async () => {
    const config = testConfig({ dataDir });
    const lock = path.join(dataDir, 'db.lock');
    writeFileSync(lock, '999999999'); // no such process
    const first = await openConfiguredDatabase(config);
    try {
      expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
      await first.db.execute(sql`SELECT 1`);
    } finally {
      await first.close();
    }
    expect(existsSync(lock)).toBe(false);
  });
});
