import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { sendReportReminders } from './send-report-reminders';

/** Reminders before and after the due day of unit periodic reform reports. */
export const sendUnitReportRemindersJob = defineJob({
  kind: 'unit_reports.send_reminders',
  version: 1,
  payload: z.object({}),
  maxAttempts: 3,
  async handler(ctx) {
    const result = await sendReportReminders(ctx.database.db, new Date());
    if (result.dueSoon + result.overdue > 0) ctx.log.info({ ...result }, 'unit report reminders sent');
  },
});
