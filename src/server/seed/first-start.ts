/**
 * Whether a start is the first one. Kept apart from the demo seed, so a server that does not load the demo never
 * imports its data (the catalog alone is over a megabyte of source).
 */
import type { Database } from '../db/client';
import { agencies } from '../db/schema';

/** True when the database holds no agency yet: a first start. */
export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ id: agencies.id }).from(agencies).limit(1);
  return !row;
}
