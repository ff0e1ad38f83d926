import type { Db, Tx } from './client';

/** Runs a state change and its audit entry in one transaction. */
export function withTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}
