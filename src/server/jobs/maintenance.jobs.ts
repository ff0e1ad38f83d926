import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { pruneSessions } from '../auth/session';
import { pruneRateLimits } from '../http/rate-limit';
import { pruneIdempotencyKeys } from '../modules/dossiers/idempotency';
import { fileStorageFor } from '../modules/files/file-storage';
import { sweepUnreferencedFiles } from '../modules/files/sweep-files';
import { defineJob } from './define-job';

/** Finished jobs are kept this long (for operators querying the jobs table), then removed; failed ones stay. */
export const FINISHED_JOB_RETENTION_DAYS = 14;

/**
 * Housekeeping: expired sessions, past rate-limit windows, old idempotency keys, uploads nothing refers to a day
 * later, and old finished jobs.
 */
export const pruneExpiredJob = defineJob({
  kind: 'maintenance.prune',
  version: 1,
  payload: z.object({}),
  async handler(ctx) {
    const db = ctx.database.db;
    await pruneSessions(db);
    await pruneRateLimits(db);
    await pruneIdempotencyKeys(db);
    const files = await sweepUnreferencedFiles(db, fileStorageFor(ctx.config));
    if (files.rows + files.temporary > 0) ctx.log.info({ ...files }, 'unreferenced uploads removed');
    await db.execute(sql`DELETE FROM jobs WHERE status = 'done' AND finished_at < now() - make_interval(days => ${FINISHED_JOB_RETENTION_DAYS})`);
  },
});
