import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse } from '../../../shared/schemas/common';
import { OutboxPage, OutboxQuery } from '../../../shared/schemas/notifications';
import { requirePermission } from '../../auth/plugin';
import { createNotificationAdapters } from './notification-adapters';
import { presentOutboxMessage } from './notifications.presenter';
import { countOutboxByStatus, listOutbox } from './notifications.queries';

const tags = ['Thông báo'];

export default async function notificationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;
  const adapters = createNotificationAdapters(config);

  r.get(
    '/api/notifications/outbox',
    {
      preValidation: requirePermission(Permission.OUTBOX_READ),
      schema: {
        tags,
        summary: 'Hộp thư đi: thư điện tử và tin nhắn SMS hệ thống đã gửi hoặc đang chờ gửi',
        querystring: OutboxQuery,
        response: { 200: OutboxPage, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const query = request.query;
      const [{ rows, total, totalCapped }, counts] = await Promise.all([listOutbox(database.db, query), countOutboxByStatus(database.db)]);
      return {
        items: rows.map(presentOutboxMessage),
        total,
        totalCapped,
        page: query.page,
        pageSize: query.pageSize,
        counts,
        delivery: { email: adapters.email.name, sms: adapters.sms.name },
      };
    },
  );
}
