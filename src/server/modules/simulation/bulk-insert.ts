/**
 * COPY-like bulk inserts on both backends: one INSERT … SELECT FROM unnest($1::type[], $2::type[], …) per batch,
 * one array parameter per column, so a batch of thousands of rows costs one statement and a handful of parameters
 * (multi-row VALUES would cost one parameter per cell, and the ORM's statement building dominated the load time).
 */
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A value as PostgreSQL reads it in a text array element of the column's type. */
function encode(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (type.endsWith('[]')) return `{${(value as unknown[]).map((v) => `"${String(v).replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
  if (type === 'jsonb' || type === 'json') return JSON.stringify(value);
  return value;
}

/** Inserts rows (objects keyed like the table's TypeScript properties); every row must have the same keys. */
export async function bulkInsert(executor: Executor, table: PgTable, rows: readonly Record<string, unknown>[], batch = 5_000): Promise<void> {
  if (rows.length === 0) return;
  const config = getTableConfig(table);
  const keys = Object.keys(rows[0]!).filter((k) => rows[0]![k] !== undefined);
  const columns = keys.map((key) => {
    const column = config.columns.find((c) => c.name === key || c.name === snake(key));
    if (!column) throw new Error(`bulkInsert: ${config.name} has no column ${key}`);
    return { key, name: snake(column.name), type: column.getSQLType() };
  });
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const arrays = columns.map((c) =>
      slice.map((row) => {
        if (!(c.key in row)) throw new Error(`bulkInsert: a row of ${config.name} lacks ${c.key}`);
        return encode(row[c.key], c.type);
      }),
    );
    // Array-typed columns travel as text and are cast per element after unnest (unnest flattens 2-D arrays).
    const params = columns.map((c, i) => sql`${sql.param(arrays[i])}::${sql.raw(c.type.endsWith('[]') ? 'text[]' : `${c.type}[]`)}`);
    const aliases = columns.map((_, i) => `c${i}`);
    const select = columns.map((c, i) => (c.type.endsWith('[]') ? `c${i}::${c.type}` : `c${i}`)).join(', ');
    await executor.execute(
      sql`INSERT INTO ${sql.raw(`"${config.name}"`)} (${sql.raw(columns.map((c) => `"${c.name}"`).join(', '))})
          SELECT ${sql.raw(select)} FROM unnest(${sql.join(params, sql`, `)}) AS x(${sql.raw(aliases.join(', '))})`,
    );
  }
}
