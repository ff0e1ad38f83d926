import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { sweepDossierDeadlines } from './sweep-deadlines';

/** Due-soon and overdue marks, unanswered online dossiers, closure after an unanswered supplement request. */
export const sweepDossierDeadlinesJob = defineJob({
  kind: 'dossiers.sweep_deadlines',
  version: 1,
  payload: z.object({}),
  maxAttempts: 3,
  async handler(ctx) {
    const result = await sweepDossierDeadlines(ctx.database.db, new Date());
    if (result.dueSoon + result.overdue + result.acceptanceOverdue + result.closed > 0) ctx.log.info({ ...result }, 'dossier deadlines swept');
  },
});
