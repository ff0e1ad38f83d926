import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { auditLog, users } from './db/schema';
import { createTestDatabase, type TestDatabase } from './test/test-database';
import { runCli, type CliIo } from '../cli/run-cli';
import { testConfig } from './env';
import { openConfiguredDatabase } from './main';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

let database: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), 'motcua-cli-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function cli(argv: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), database, env: { DATA_DIR: dataDir }, readStdin: () => stdin };
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

  it('create-admin refuses a weak password with the Vietnamese reason, then needs an agency', async () => {
    const weak = await cli(['user', 'create-admin', '--username', 'quantri', '--name', 'Lê Văn Quản', '--password', 'abc']);
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('Mật khẩu phải có ít nhất 8 ký tự');
    const noAgency = await cli(['user', 'create-admin', '--username', 'quantri', '--name', 'Lê Văn Quản', '--password', 'QuanTri2026']);
    expect(noAgency.code).toBe(1);
    expect(noAgency.err).toContain('Chưa có cơ quan nào');
  });

  it('seed demo loads the demo once; create-admin then adds an administrator at the province committee, audited', async () => {
    const seeded = await cli(['seed', 'demo']);
    expect(seeded.code).toBe(0);
    expect((await cli(['seed', 'demo'])).out).toMatch(/accounts\s+đã có/);

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
