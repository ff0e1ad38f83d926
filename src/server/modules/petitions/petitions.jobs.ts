import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { sweepPetitionDeadlines } from './sweep-petition-deadlines';

/** Due-soon and overdue alerts on petition answers. */
export const sweepPetitionDeadlinesJob = defineJob({
  kind: 'petitions.sweep_deadlines',
  version: 1,
  payload: z.object({}),
  maxAttempts: 3,
  async handler(ctx) {
    const result = await sweepPetitionDeadlines(ctx.database.db, new Date());
    if (result.dueSoon + result.overdue > 0) ctx.log.info({ ...result }, 'petition deadlines swept');
  },
});
