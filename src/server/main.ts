/**
 * `motcua serve`: load the configuration, open and migrate the database, load the demo on a first start, serve
 * the API and the web app, run the job runner, and shut down gracefully on SIGTERM / SIGINT.
 */
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppContext } from './app';
import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';
import type { AppConfig } from './env';
import { builtInSchedules, createJobRunner, type JobRunner, type JobRunnerOptions } from './jobs';
import { isDatabaseEmpty } from './seed/first-start';
import { demoAccountLines } from './seed/demo-accounts';

/** Where the embedded database lives and how the banner names the database (never with its password). */
export function describeDatabase(config: AppConfig): string {
  if (!config.databaseUrl) return `PGlite (${path.join(config.dataDir, 'db')})`;
  const u = new URL(config.databaseUrl);
  return `PostgreSQL (${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname})`;
}

/**
 * Opens the configured database. The embedded database belongs to one process at a time: a lock file beside it
 * turns a second `motcua` on the same DATA_DIR into a clear error instead of a corrupted database.
 */
export async function openConfiguredDatabase(config: AppConfig): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize, prepare: config.databasePrepare });
  const dir = path.join(config.dataDir, 'db');
  const lockFile = path.join(config.dataDir, 'db.lock');
  takeLock(lockFile);
  try {
    const database = await openDatabase({ dataDir: dir });
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          rmSync(lockFile, { force: true });
        }
      },
    };
  } catch (err) {
    rmSync(lockFile, { force: true });
    throw err;
  }
}

function takeLock(lockFile: string): void {
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockFile, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `Cơ sở dữ liệu nhúng đang được tiến trình ${pid} sử dụng / the embedded database is in use by process ${pid} (${lockFile}). ` +
            'Stop that process first, or use DATABASE_URL with a PostgreSQL server to run several instances.',
        );
      }
      rmSync(lockFile, { force: true }); // left by a process that is gone
    }
  }
  throw new Error(`Could not take the database lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface StartOptions {
  /** An open database (tests); otherwise the configured one is opened, and closed on shutdown. */
  database?: Database;
  webDir?: string;
  /** Where the banner goes (default: stdout). */
  print?: (text: string) => void;
  runner?: Partial<Omit<JobRunnerOptions, 'database' | 'config'>>;
}

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  runner?: JobRunner;
  /** The address the server listens on. */
  address: string;
  /** True when this start loaded the demo data (first start). */
  seeded: boolean;
  /** Readiness off, stop accepting and finish in-flight requests, stop the jobs, close the database. Idempotent. */
  shutdown(): Promise<void>;
}

export async function startServer(config: AppConfig, options: StartOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  const database = options.database ?? (await openConfiguredDatabase(config));
  try {
    await migrate(database);
    let seeded = false;
    const empty = await isDatabaseEmpty(database);
    if (empty && config.seedDemo) {
      print('Đang nạp dữ liệu mẫu lần đầu (khoảng một phút) / Loading the demo data on first start (about a minute)…');
      const { seedDemo } = await import('./seed/seed-demo');
      await seedDemo(database);
      seeded = true;
    }
    const ctx: AppContext = { config, database, lifecycle: { shuttingDown: false } };
    const webDir = options.webDir ?? path.resolve('dist/web');
    const app = await buildApp(ctx, { serveWeb: true, webDir });
    const runner = config.jobsEnabled
      ? createJobRunner({ database, config, log: app.log.child({ module: 'jobs' }), schedules: builtInSchedules, ...options.runner })
      : undefined;
    const address = await app.listen({ host: config.host, port: config.port });
    await runner?.start();
    print(banner(config, { seeded, emptyWithoutDemo: empty && !config.seedDemo, webBuilt: existsSync(path.join(webDir, 'index.html')) }));

    let stopping: Promise<void> | undefined;
    const shutdown = () =>
      (stopping ??= (async () => {
        ctx.lifecycle.shuttingDown = true;
        const stopped = await Promise.allSettled([app.close(), runner?.stop()]);
        if (!options.database) await database.close();
        const failure = stopped.find((r) => r.status === 'rejected');
        if (failure) throw (failure as PromiseRejectedResult).reason;
      })());
    return { app, ctx, runner, address, seeded, shutdown };
  } catch (err) {
    if (!options.database) await database.close().catch(() => undefined);
    throw err;
  }
}

/** The start banner, Vietnamese first, then English. */
export function banner(config: AppConfig, state: { seeded: boolean; emptyWithoutDemo: boolean; webBuilt: boolean }): string {
  const rule = '─'.repeat(78);
  const lines = [
    rule,
    ' MotCua — Hệ thống thông tin giải quyết thủ tục hành chính',
    `   Địa chỉ truy cập / Open:      ${config.publicUrl}`,
    `   Tài liệu API / API docs:      ${config.publicUrl}/api/docs`,
    `   Cơ sở dữ liệu / Database:     ${describeDatabase(config)}`,
    `   Tác vụ nền / Background jobs: ${config.jobsEnabled ? 'bật / on' : 'tắt / off (JOBS_ENABLED=false)'}`,
  ];
  if (!state.webBuilt) lines.push('   ! Chưa có giao diện web (dist/web) / web app not built: run `npm run build` or `npm start`.');
  if (state.seeded) {
    lines.push(
      '',
      ' Đã nạp dữ liệu mẫu (tỉnh Hậu Giang, 2021) / Demo data loaded. Tài khoản mẫu / Demo accounts:',
      ...demoAccountLines().map((a) => `   ${a.login.padEnd(16)} ${a.password.padEnd(14)} ${a.who}`),
      ' Đổi các mật khẩu này trước khi cho người khác truy cập / Change these passwords before others can reach it.',
    );
  }
  if (state.emptyWithoutDemo) {
    lines.push(
      '',
      ' Cơ sở dữ liệu trống / The database is empty. Tạo tài khoản quản trị / Create an administrator:',
      '   npx motcua user create-admin --username <tên> --name "<Họ và tên>" --password <mật khẩu>',
    );
  }
  lines.push(' Dừng / Stop: Ctrl+C', rule);
  return lines.join('\n');
}

/**
 * SIGTERM / SIGINT: graceful shutdown, then exit 0. A second signal more than a second later (one Ctrl+C can arrive
 * twice: from the terminal and from `npm start`), or 30 s without finishing, exits at once with 1.
 */
export function exitOnSignals(server: RunningServer, exit: (code: number) => void = (code) => process.exit(code)): void {
  let receivedAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (receivedAt) {
      if (Date.now() - receivedAt > 1000) exit(1);
      return;
    }
    receivedAt = Date.now();
    server.app.log.info({ signal }, 'shutting down');
    setTimeout(() => exit(1), 30_000).unref();
    server.shutdown().then(
      () => exit(0),
      (err: unknown) => {
        server.app.log.error({ err }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
