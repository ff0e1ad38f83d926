/**
 * Balance checkpoints: pending, overdue and waiting dossiers before each month start, per rollup key, so that a
 * balance on any day reads one checkpoint plus at most a month of flows (statistics.queries.ts).
 *
 * A checkpoint for month start M is materialised once M lies at least two days in the past: live actions write only
 * today and later days, and no transaction lasts two days, so nothing live can still add to a day before M. Actions
 * with an earlier clock (the simulator) add to the checkpoints after their day themselves (rollup-writer.ts), under
 * a shared advisory lock this code takes exclusively.
 */
import { sql } from 'drizzle-orm';
import { addCalendarDays, toLocalDate } from '../../../shared/calendar';
import { monthStart } from '../../../shared/periods';
import type { Executor } from '../../db/client';
import { queryRows } from '../../db/client';
import { CHECKPOINT_LOCK_KEY } from './rollup-writer';

const KEY = 'agency_id, procedure_id, field_id, level, channel';

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The latest month start that may be materialised at `now`. */
export function latestCheckpointAllowed(now: Date): string {
  return monthStart(addCalendarDays(toLocalDate(now), -2));
}

/** Materialises every missing checkpoint up to the latest allowed; returns how many it created. */
export async function materializeCheckpoints(executor: Executor, now: Date = new Date()): Promise<number> {
  const upTo = latestCheckpointAllowed(now);
  let created = 0;
  for (;;) {
    // One month per transaction: short locks, and progress survives an interruption.
    const done = await executor.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK_KEY})`);
      const [state] = await queryRows<{ latest: string | null; first: string | null }>(
        tx,
        sql`SELECT (SELECT max(as_of)::text FROM dossier_stat_checkpoints) AS latest, (SELECT min(month)::text FROM dossier_monthly_stats) AS first`,
      );
      if (!state?.first) return true;
      const target = state.latest ? nextMonth(state.latest) : nextMonth(state.first);
      if (target > upTo) return true;
      await tx.execute(sql`
        INSERT INTO dossier_stat_balances (as_of, ${sql.raw(KEY)}, pending, overdue, waiting)
        SELECT ${target}::date, ${sql.raw(KEY)}, sum(pending), sum(overdue), sum(waiting)
        FROM (
          SELECT ${sql.raw(KEY)}, pending, overdue, waiting FROM dossier_stat_balances WHERE as_of = ${state.latest}::date
          UNION ALL
          SELECT ${sql.raw(KEY)}, received - resolved_early - resolved_on_time - resolved_late - stopped - closed, overdue_delta, waiting_delta
          FROM dossier_monthly_stats
          WHERE month < ${target}::date AND (${state.latest}::date IS NULL OR month >= ${state.latest}::date)
        ) x
        GROUP BY ${sql.raw(KEY)}
        HAVING sum(pending) <> 0 OR sum(overdue) <> 0 OR sum(waiting) <> 0`);
      await tx.execute(sql`INSERT INTO dossier_stat_checkpoints (as_of) VALUES (${target}::date)`);
      return false;
    });
    if (done) return created;
    created++;
  }
}

/** Drops the checkpoints after `month` (all when null), e.g. before a bulk load rewrites older days. */
export async function resetCheckpoints(executor: Executor, month: string | null): Promise<void> {
  await executor.execute(sql`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK_KEY})`);
  if (month === null) {
    await executor.execute(sql`DELETE FROM dossier_stat_balances`);
    await executor.execute(sql`DELETE FROM dossier_stat_checkpoints`);
    return;
  }
  await executor.execute(sql`DELETE FROM dossier_stat_balances WHERE as_of > ${month}::date`);
  await executor.execute(sql`DELETE FROM dossier_stat_checkpoints WHERE as_of > ${month}::date`);
}

/** The latest checkpoint on or before a date (null when none). */
export async function findCheckpointAtOrBefore(executor: Executor, date: string): Promise<string | null> {
  const [row] = await queryRows<{ as_of: string | null }>(executor, sql`SELECT max(as_of)::text AS as_of FROM dossier_stat_checkpoints WHERE as_of <= ${date}::date`);
  return row?.as_of ?? null;
}
