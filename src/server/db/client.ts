/**
 * One database handle for both backends: embedded PGlite (default, data in ./data/db) or a PostgreSQL server
 * through node-postgres. PostgreSQL is the only dialect; the same migrations and queries run on both.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import pg from 'pg';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. Use-case functions take this. */
export type Executor = Db | Tx;

/** A raw single-connection session, for migrations and advisory locks. */
export interface RawSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(text: string): Promise<void>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs fn on one dedicated connection (advisory locks are per session). */
  withSession<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8_OID = 20;
const DATE_OID = 1082;

/** node-postgres returns int8 as strings: normalise once to numbers (values stay below 2^53), dates as 'YYYY-MM-DD'. */
function pgTypeParser(oid: number, format?: 'text' | 'binary') {
  if (oid === INT8_OID) return (v: string) => (v === null ? null : Number(v));
  if (oid === DATE_OID) return (v: string) => v;
  return pg.types.getTypeParser(oid, format);
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  /** PGlite data directory; undefined means in memory. */
  dataDir?: string;
  /** A PGlite data dump to start from (tests clone a migrated template). */
  loadDataDir?: Blob | File;
  poolSize?: number;
  /** PostgreSQL: prepare parameterised statements per connection (default true; see `autoPrepare`). */
  prepare?: boolean;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.prepare ?? true);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir?: string, loadDataDir?: Blob | File): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({
    dataDir,
    loadDataDir,
    extensions: { pg_trgm, unaccent },
    parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) },
  });
  await client.waitReady;
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  let sessionQueue: Promise<unknown> = Promise.resolve();
  const session: RawSession = {
    async query<T>(text: string, params?: unknown[]) {
      const r = await client.query<T>(text, params as never[]);
      return { rows: r.rows };
    },
    async exec(text: string) {
      await client.exec(text);
    },
  };
  return {
    kind: 'pglite',
    db,
    // PGlite is one in-process connection, where advisory locks are re-entrant: sessions take turns instead, so
    // two callers (two app instances sharing this handle, concurrent migrations) never interleave statements.
    withSession: (fn) => {
      const turn = sessionQueue.then(() => fn(session));
      sessionQueue = turn.catch(() => undefined);
      return turn;
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

/** Statements prepared per connection at most (beyond it, new texts run unnamed), and the longest text prepared. */
export const AUTO_PREPARE = { perConnection: 500, maxTextLength: 16_384 } as const;

/**
 * Put in a statement whose best plan depends on its parameters' values (a staff scope is 1 % of the dossiers for a
 * commune, all of them for the province): it stays unnamed, planned for its values each time, where a prepared
 * statement's generic plan would serve every scope with one plan.
 */
const PLAN_PER_CALL_MARK = '/* plan-per-call */';
export const PLAN_PER_CALL = sql.raw(`${PLAN_PER_CALL_MARK} `);

/**
 * Names every parameterised statement by the hash of its text, so each connection parses and plans it once and then
 * reuses the plan (node-postgres prepares named statements per connection). Planning is most of what PostgreSQL
 * spends on the short statements of this application (a lookup runs about three times faster prepared). Texts that
 * vary with their data (bulk VALUES lists) would fill the cache, hence the caps.
 */
function autoPrepare(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const named = new Set<string>();
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (config !== null && typeof config === 'object' && !(config as { name?: unknown }).name && !(config as { submit?: unknown }).submit) {
      const { text } = config as { text?: unknown; values?: unknown };
      const params = (config as { values?: unknown }).values ?? values;
      if (typeof text === 'string' && text.length <= AUTO_PREPARE.maxTextLength && Array.isArray(params) && params.length > 0 && !text.includes(PLAN_PER_CALL_MARK)) {
        const name = `mc_${createHash('sha1').update(text).digest('base64url')}`;
        if (named.has(name) || named.size < AUTO_PREPARE.perConnection) {
          named.add(name);
          return query({ ...(config as object), name }, values, callback);
        }
      }
    }
    return query(config, values, callback);
  };
}

async function openPostgres(url: string, poolSize: number, prepare: boolean): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: { getTypeParser: pgTypeParser } as never });
  pool.on('error', () => {
    /* idle client errors are reported on next use */
  });
  if (prepare) pool.on('connect', autoPrepare);
  const db = drizzleNodePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          async query<T>(text: string, params?: unknown[]) {
            const r = await client.query(text, params);
            return { rows: r.rows as T[] };
          },
          async exec(text: string) {
            await client.query(text);
          },
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Rows of a raw SQL query, the same shape on both drivers. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
