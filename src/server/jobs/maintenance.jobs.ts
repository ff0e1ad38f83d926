import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { pruneSessions } from '../auth/session';
import { pruneRateLimits } from '../http/rate-limit';
import { defineJob } from './define-job';

/** Finished jobs are kept this long (for operators querying the jobs table), then removed; failed ones stay. */
export const FINISHED_JOB_RETENTION_DAYS = 14;

/** Housekeeping: expired sessions, past rate-limit windows, and old finished jobs. */
export const pruneExpiredJob = defineJob({
  kind: 'maintenance.prune',
  version: 1,
  payload: z.object({}),
  async handler(ctx) {
    const db = ctx.database.db;
    await pruneSessions(db);
    await pruneRateLimits(db);
    await db.execute(sql`DELETE FROM jobs WHERE status = 'done' AND finished_at < now() - make_interval(days => ${FINISHED_JOB_RETENTION_DAYS})`);
  },
});
