import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { materializeCheckpoints } from './checkpoints';

/** Balance checkpoints for the month starts now two days past (one query per missing month; nothing to do most days). */
export const materializeStatisticsCheckpointsJob = defineJob({
  kind: 'statistics.materialize_checkpoints',
  version: 1,
  payload: z.object({}),
  maxAttempts: 3,
  async handler(ctx) {
    const created = await materializeCheckpoints(ctx.database.db, new Date());
    if (created > 0) ctx.log.info({ created }, 'statistics checkpoints materialised');
  },
});
