/**
 * A server process for the benches, as production runs it: one Node process per instance, its own pool to the
 * database. `startServer` forks this file; the child answers over IPC with its address, then with its CPU time on
 * request, so a bench can say how much application CPU one request costs.
 * Kinds: `app` (the MotCua application, jobs off) and `bare` (Fastify + pg answering one point lookup, the
 * yardstick for public tracking).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';

type Kind = 'app' | 'bare';
type Message = { type: 'listening'; url: string } | { type: 'cpu'; micros: number };

export interface BenchServer {
  url: string;
  /** Process CPU time (user + system) in ms since it started. */
  cpuMs: () => Promise<number>;
  close: () => Promise<void>;
}

/** Forks a server process and waits until it listens. */
export async function startServer(kind: Kind, databaseUrl: string): Promise<BenchServer> {
  // BENCH_SERVER_NODE_ARGS: extra Node options for the server processes (e.g. --trace-gc, --cpu-prof).
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [kind, databaseUrl], { execArgv: ['--import', 'tsx', ...extra], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T extends Message['type']>(type: T) =>
    new Promise<Extract<Message, { type: T }>>((resolve, reject) => {
      const onMessage = (m: Message) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as Extract<Message, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`bench server (${kind}) exited with ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { url } = await next('listening');
  return {
    url,
    cpuMs: async () => {
      const reply = next('cpu');
      child.send('cpu');
      return (await reply).micros / 1000;
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
    },
  };
}

async function serve(kind: Kind, databaseUrl: string) {
  let close: () => Promise<void>;
  let url: string;
  if (kind === 'app') {
    const { buildApp } = await import('../src/server/app');
    const { testConfig } = await import('../src/server/env');
    const { openDatabase } = await import('../src/server/db/client');
    const database = await openDatabase({ databaseUrl, poolSize: 20 });
    const app = await buildApp({ config: testConfig({ databaseUrl, trustProxy: true, jobsEnabled: false }), database, lifecycle: { shuttingDown: false } });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    close = async () => {
      await app.close();
      await database.close();
    };
  } else {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
    const bare = Fastify();
    bare.get<{ Params: { code: string } }>('/lookup/:code', async (request) => {
      const { rows } = await pool.query('SELECT code, status, due_at, finished_at FROM dossiers WHERE code = $1', [request.params.code]);
      return rows[0] ?? {};
    });
    url = await bare.listen({ port: 0, host: '127.0.0.1' });
    close = async () => {
      await bare.close();
      await pool.end();
    };
  }
  process.on('message', (m) => {
    if (m === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send!({ type: 'cpu', micros: user + system } satisfies Message);
    } else if (m === 'close') {
      void close().then(() => process.exit(0));
    }
  });
  process.send!({ type: 'listening', url } satisfies Message);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  await serve(process.argv[2] as Kind, process.argv[3]!);
}
