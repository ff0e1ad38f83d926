/**
 * The job system's entry point. Importing this module registers every job definition; add a domain's jobs
 * with one import line below. Built-in schedules are listed here too.
 */
import { pruneExpiredJob } from './maintenance.jobs';
import { deliverNotificationsJob } from '../modules/notifications/notifications.jobs';
import { sweepDossierDeadlinesJob } from '../modules/dossiers/dossiers.jobs';
import { sweepPetitionDeadlinesJob } from '../modules/petitions/petitions.jobs';
import { materializeStatisticsCheckpointsJob } from '../modules/statistics/statistics.jobs';
import '../modules/simulation/seed-simulated-history';
import { sendUnitReportRemindersJob } from '../modules/unit-reports/unit-reports.jobs';
import type { ScheduleDefinition } from './runner';

export { defineJob, type JobContext, type JobDefinition } from './define-job';
export { enqueueJob, type EnqueueOptions } from './enqueue-job';
export { createJobRunner, PermanentJobError, type JobRunner, type JobRunnerOptions, type ScheduleDefinition } from './runner';

export const builtInSchedules: ScheduleDefinition[] = [
  { name: 'maintenance.prune', kind: pruneExpiredJob.kind, intervalSeconds: 3600 },
  { name: 'notifications.deliver', kind: deliverNotificationsJob.kind, intervalSeconds: 10 },
  { name: 'dossiers.sweep_deadlines', kind: sweepDossierDeadlinesJob.kind, intervalSeconds: 300 },
  { name: 'petitions.sweep_deadlines', kind: sweepPetitionDeadlinesJob.kind, intervalSeconds: 3600 },
  { name: 'statistics.materialize_checkpoints', kind: materializeStatisticsCheckpointsJob.kind, intervalSeconds: 3600 },
  { name: 'unit_reports.send_reminders', kind: sendUnitReportRemindersJob.kind, intervalSeconds: 3600 },
];
