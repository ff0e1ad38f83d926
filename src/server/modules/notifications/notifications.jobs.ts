import { z } from 'zod';
import type { AppConfig } from '../../env';
import { defineJob, type JobContext } from '../../jobs/define-job';
import { deliverPendingNotifications } from './deliver-notifications';
import { createNotificationAdapters, type NotificationAdapters } from './notification-adapters';

const adaptersByConfig = new WeakMap<AppConfig, NotificationAdapters>();

function adaptersFor(ctx: JobContext): NotificationAdapters {
  let adapters = adaptersByConfig.get(ctx.config);
  if (!adapters) {
    adapters = createNotificationAdapters(ctx.config, ctx.log);
    adaptersByConfig.set(ctx.config, adapters);
  }
  return adapters;
}

/** Sends what the outbox holds; scheduled every few seconds (see src/server/jobs/index.ts). */
export const deliverNotificationsJob = defineJob({
  kind: 'notifications.deliver',
  version: 1,
  payload: z.object({}),
  maxAttempts: 3,
  async handler(ctx) {
    const result = await deliverPendingNotifications(ctx.database, adaptersFor(ctx), { log: ctx.log });
    if (result.sent + result.retrying + result.failed > 0) ctx.log.info({ ...result }, 'notifications delivered');
  },
});
