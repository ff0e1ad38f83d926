import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { toLocalDate } from '../../../shared/calendar';

/**
 * Next registration code PAKN-YYMMDD-NNNN for the local day of `at`: one counter row per day, incremented
 * atomically, so concurrent registrations never share a number (a rolled-back transaction returns its number).
 */
export async function nextPetitionCode(tx: Executor, at: Date): Promise<string> {
  const day = toLocalDate(at);
  const [row] = await queryRows<{ last: number }>(
    tx,
    sql`INSERT INTO petition_counters (day, last) VALUES (${day}, 1)
        ON CONFLICT (day) DO UPDATE SET last = petition_counters.last + 1
        RETURNING last`,
  );
  const yymmdd = day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);
  return `PAKN-${yymmdd}-${String(Number(row!.last)).padStart(4, '0')}`;
}
