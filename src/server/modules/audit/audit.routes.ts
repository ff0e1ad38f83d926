import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions';
import { AuditPage, AuditQuery } from '../../../shared/schemas/audit';
import { ErrorResponse } from '../../../shared/schemas/common';
import { requirePermission } from '../../auth/plugin';
import { presentAuditEntry } from './audit.presenter';
import { queryAuditLog } from './audit.queries';

export default async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.get(
    '/api/audit',
    {
      preValidation: requirePermission(Permission.AUDIT_READ),
      schema: {
        tags: ['Nhật ký hệ thống'],
        summary: 'Tra cứu nhật ký hệ thống (mới nhất trước)',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { rows, total, totalCapped } = await queryAuditLog(db, request.actor, request.query);
      return { items: rows.map(presentAuditEntry), total, totalCapped, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
}
