import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse } from '../../../shared/schemas/common';
import { ApiTokenCreated, ApiTokenCreateInput, ApiTokenIdParams, ApiTokenList, ApiTokenListQuery, ApiTokenView } from '../../../shared/schemas/users';
import { requirePermission } from '../../auth/plugin';
import { presentApiToken } from './api-tokens.presenter';
import { listApiTokens } from './api-tokens.queries';
import { createApiToken } from './create-api-token';
import { revokeApiToken } from './revoke-api-token';

const tags = ['Mã truy cập API'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Integration tokens (Authorization: Bearer mc_...), managed by administrators within their agency subtree. */
export default async function apiTokensRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  const guard = requirePermission(Permission.API_TOKENS_MANAGE);

  r.get(
    '/api/api-tokens',
    { preValidation: guard, schema: { tags, summary: 'Danh sách mã truy cập API (không kèm mã bí mật)', querystring: ApiTokenListQuery, response: { 200: ApiTokenList, ...errors } } },
    async (request) => {
      const { rows, total } = await listApiTokens(db, request.actor, request.query);
      return { items: rows.map((row) => presentApiToken(request.actor, row)), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  r.post(
    '/api/api-tokens',
    { preValidation: guard, schema: { tags, summary: 'Cấp mã truy cập API (mã bí mật chỉ hiển thị một lần)', body: ApiTokenCreateInput, response: { 201: ApiTokenCreated, ...errors } } },
    async (request, reply) => {
      const { token, secret } = await db.transaction((tx) => createApiToken(tx, request.actor, request.body));
      reply.status(201);
      return { token: presentApiToken(request.actor, token), secret };
    },
  );

  r.delete(
    '/api/api-tokens/:id',
    { preValidation: guard, schema: { tags, summary: 'Thu hồi mã truy cập API', params: ApiTokenIdParams, response: { 200: ApiTokenView, ...errors } } },
    async (request) => presentApiToken(request.actor, await db.transaction((tx) => revokeApiToken(tx, request.actor, request.params.id))),
  );
}
