/**
 * The `motcua` command. Exit codes: 0 done, 1 failed, 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig, type AppConfig } from '../server/env';
import type { Database } from '../server/db/client';

// The server, the database drivers and the seeders load only when a command needs them, so `help` is instant.
const server = () => import('../server/main');
const migrations = () => import('../server/db/migrate');

export const USAGE = `MotCua — dòng lệnh quản trị / administration command

Cách dùng / Usage:
  motcua serve                         chạy máy chủ / run the server (migrate, seed on first start, serve)
  motcua db migrate                    áp dụng các bản chuyển đổi CSDL / apply pending migrations
  motcua db status                     liệt kê bản đã áp dụng, chờ áp dụng, bị sửa / applied, pending, changed
  motcua seed demo                     nạp dữ liệu mẫu (an toàn khi chạy lại) / load the demo data (idempotent)
  motcua seed simulate --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--scale full|<tỷ lệ>] [--per-day <n>] [--seed <n>]
                                       nạp lịch sử hồ sơ mô phỏng / load a simulated dossier history
                                       (--scale full: nhịp của tỉnh mẫu, 89.672 hồ sơ từ 01/01 đến 18/06/2021)
  motcua stats verify                  đối chiếu số liệu tổng hợp với dữ liệu gốc / check rollups against raw dossiers
  motcua stats rebuild                 tính lại số liệu tổng hợp từ dữ liệu gốc / recompute the rollups
  motcua report cchc --period <2021-H1|2021-Q1|2021-Q3|2021-Y|custom> --out <tệp> [--pdf] [--from --to]
        [--dossiers-from --dossiers-to --catalog-as-of --report-date <YYYY-MM-DD>] [--agency <MÃ>]
                                       báo cáo kết quả thực hiện công tác CCHC (DOCX, hoặc PDF với --pdf)
                                       / the provincial administrative-reform report
  motcua user create-admin --username <tên> --name "<Họ và tên>" --password <mật khẩu|-> [--agency <MÃ>]
                                       tạo tài khoản quản trị / create an administrator
                                       (--password - reads the password from standard input)
  motcua help                          trợ giúp / this text

Cấu hình qua biến môi trường (DATABASE_URL, DATA_DIR, ...): xem README / configuration: environment variables.
Mã thoát / exit codes: 0 thành công / success, 1 lỗi / failure, 2 sai cú pháp / usage error.`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env?: Record<string, string | undefined>;
  /** Injected in tests; otherwise the configured database is opened and closed. */
  database?: Database;
  readStdin?: () => string;
}

const COMMANDS = ['serve', 'db migrate', 'db status', 'seed demo', 'seed simulate', 'stats verify', 'stats rebuild', 'report cchc', 'user create-admin'];

class UsageError extends Error {}
class CliError extends Error {}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

async function withDatabase<T>(config: AppConfig, io: CliIo, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = io.database ?? (await (await server()).openConfiguredDatabase(config));
  try {
    return await fn(database);
  } finally {
    if (!io.database) await database.close();
  }
}

async function dbStatus(database: Database, io: CliIo): Promise<number> {
  const status = await (await migrations()).migrationStatus(database);
  for (const m of status) {
    const state = m.changed ? 'ĐÃ BỊ SỬA / CHANGED' : m.appliedAt ? `đã áp dụng / applied ${m.appliedAt}` : 'chờ áp dụng / pending';
    io.out(`  ${m.tag.padEnd(28)} ${state}`);
  }
  const applied = status.filter((m) => m.appliedAt && !m.changed).length;
  const pending = status.filter((m) => !m.appliedAt).length;
  const changed = status.filter((m) => m.changed).length;
  io.out(`${applied} applied, ${pending} pending, ${changed} changed`);
  if (changed > 0) {
    io.err('Một bản chuyển đổi đã áp dụng bị sửa sau khi phát hành / an applied migration file was edited after it shipped.');
    return 1;
  }
  return 0;
}

export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    const name = `${command} ${sub ?? ''}`.trim();
    if (!COMMANDS.includes(name)) throw new UsageError(`Lệnh không hợp lệ / unknown command: ${argv.join(' ')}`);
    const config = loadConfig(io.env ?? process.env);
    switch (name) {
      case 'serve': {
        const { startServer, exitOnSignals } = await server();
        exitOnSignals(await startServer(config, { database: io.database }));
        return new Promise<number>(() => undefined); // runs until a signal
      }
      case 'db migrate':
        return await withDatabase(config, io, async (database) => {
          const applied = await (await migrations()).migrate(database);
          io.out(applied.length > 0 ? `Đã áp dụng / applied: ${applied.join(', ')}` : 'Không có bản chuyển đổi mới / nothing to apply');
          io.out(`Cơ sở dữ liệu / database: ${(await server()).describeDatabase(config)}`);
          return 0;
        });
      case 'db status':
        return await withDatabase(config, io, (database) => dbStatus(database, io));
      case 'seed demo':
        return await withDatabase(config, io, async (database) => {
          await (await migrations()).migrate(database);
          const { seedDemo } = await import('../server/seed/seed-demo');
          const result = await seedDemo(database);
          for (const step of result.added) io.out(`  ${step.name.padEnd(12)} ${step.rows > 0 ? `+${step.rows}` : 'đã có / already there'}`);
          io.out('Đã nạp dữ liệu mẫu / demo data loaded');
          return 0;
        });
      case 'seed simulate':
      case 'stats verify':
      case 'stats rebuild':
        return await withDatabase(config, io, async (database) => {
          await (await migrations()).migrate(database);
          const { runSimulationCommand, SimulationUsageError } = await import('../server/modules/simulation/simulation.cli');
          return runSimulationCommand(name, rest, database, config, io).catch((err: unknown) => {
            throw err instanceof SimulationUsageError ? new UsageError(err.message) : err;
          });
        });
      case 'report cchc':
        return await withDatabase(config, io, async (database) => {
          await (await migrations()).migrate(database);
          const { runReportCommand, ReportUsageError } = await import('../server/modules/cchc-report/cchc-report.cli');
          return runReportCommand(rest, database, config, io).catch((err: unknown) => {
            throw err instanceof ReportUsageError ? new UsageError(err.message) : err;
          });
        });
      case 'user create-admin': {
        const { values } = parseArgs({
          args: rest,
          options: { username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, agency: { type: 'string' } },
          strict: true,
        });
        if (!values.username || !values.name || !values.password) throw new UsageError('create-admin cần --username, --name và --password / needs --username, --name and --password');
        const password = values.password === '-' ? (io.readStdin ?? (() => readFileSync(0, 'utf8')))().replace(/\r?\n$/, '') : values.password;
        const { CreateAdminInput, createAdmin, CliError: CreateAdminError } = await import('./create-admin');
        const parsed = CreateAdminInput.safeParse({ ...values, password });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) io.err(`  --${issue.path.join('.')}: ${issue.message}`);
          return 2;
        }
        return await withDatabase(config, io, async (database) => {
          await (await migrations()).migrate(database);
          const created = await createAdmin(database, parsed.data).catch((err: unknown) => {
            throw err instanceof CreateAdminError ? new CliError(err.message) : err;
          });
          io.out(`Đã tạo tài khoản quản trị / administrator created: ${parsed.data.username} (${created.agencyName})`);
          return 0;
        });
      }
      default:
        throw new UsageError(`Lệnh không hợp lệ / unknown command: ${argv.join(' ')}`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err((err as Error).message);
      io.err('Xem / see: motcua help');
      return 2;
    }
    if (err instanceof ConfigError || err instanceof CliError) {
      io.err(err.message);
      return 1;
    }
    io.err(`Lỗi / error: ${(err as Error).message ?? String(err)}`);
    return 1;
  }
}
