import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse } from '../../../shared/schemas/common';
import {
  DisableUserInput,
  OwnProfileUpdateInput,
  StaffCreateInput,
  StaffUpdateInput,
  UserDetail,
  UserIdParams,
  UserList,
  UserListQuery,
} from '../../../shared/schemas/users';
import { requirePermission, requireUser } from '../../auth/plugin';
import { createStaffUser } from './create-staff-user';
import { disableUser, enableUser } from './set-user-status';
import { updateOwnProfile } from './update-own-profile';
import { updateStaffUser } from './update-staff-user';
import { presentUser, presentUserListItem } from './users.presenter';
import { getUserFor, listUsers } from './users.queries';
import { viewUser } from './view-user';

const tags = ['Tài khoản'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export default async function usersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;
  const db = database.db;

  r.get(
    '/api/users/me',
    { preValidation: requireUser, schema: { tags, summary: 'Thông tin cá nhân của tôi', response: { 200: UserDetail, 401: ErrorResponse } } },
    async (request) => presentUser(request.actor, await getUserFor(db, request.actor, 'read', request.actor.userId!)),
  );

  r.patch(
    '/api/users/me',
    {
      preValidation: requireUser,
      schema: { tags, summary: 'Cập nhật thông tin liên hệ của tôi', body: OwnProfileUpdateInput, response: { 200: UserDetail, ...errors } },
    },
    async (request) => presentUser(request.actor, await db.transaction((tx) => updateOwnProfile(tx, request.actor, request.body))),
  );

  r.get(
    '/api/users',
    {
      preValidation: requirePermission(Permission.USERS_READ),
      schema: { tags, summary: 'Danh sách tài khoản (tìm theo tên không dấu, tên đăng nhập, thư điện tử, số định danh)', querystring: UserListQuery, response: { 200: UserList, ...errors } },
    },
    async (request) => {
      const { rows, total } = await listUsers(db, request.actor, request.query);
      return { items: rows.map(presentUserListItem), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  r.post(
    '/api/users',
    {
      preValidation: requirePermission(Permission.USERS_MANAGE),
      schema: { tags, summary: 'Tạo tài khoản cán bộ', body: StaffCreateInput, response: { 201: UserDetail, ...errors } },
    },
    async (request, reply) => {
      const row = await db.transaction((tx) => createStaffUser(tx, request.actor, request.body, config.publicUrl));
      reply.status(201);
      return presentUser(request.actor, row);
    },
  );

  r.get(
    '/api/users/:id',
    { preValidation: requireUser, schema: { tags, summary: 'Chi tiết tài khoản', params: UserIdParams, response: { 200: UserDetail, ...errors } } },
    async (request) => presentUser(request.actor, await db.transaction((tx) => viewUser(tx, request.actor, request.params.id))),
  );

  r.patch(
    '/api/users/:id',
    {
      preValidation: requirePermission(Permission.USERS_MANAGE),
      schema: { tags, summary: 'Sửa tài khoản cán bộ (họ tên, liên hệ, cơ quan, phòng ban, vai trò)', params: UserIdParams, body: StaffUpdateInput, response: { 200: UserDetail, ...errors } },
    },
    async (request) =>
      presentUser(request.actor, await db.transaction((tx) => updateStaffUser(tx, request.actor, request.params.id, request.body))),
  );

  r.post(
    '/api/users/:id/disable',
    {
      preValidation: requirePermission(Permission.USERS_MANAGE),
      schema: { tags, summary: 'Vô hiệu hóa tài khoản (kết thúc mọi phiên đăng nhập)', params: UserIdParams, body: DisableUserInput, response: { 200: UserDetail, ...errors } },
    },
    async (request) =>
      presentUser(request.actor, await db.transaction((tx) => disableUser(tx, request.actor, request.params.id, request.body?.reason))),
  );

  r.post(
    '/api/users/:id/enable',
    {
      preValidation: requirePermission(Permission.USERS_MANAGE),
      schema: { tags, summary: 'Kích hoạt lại tài khoản', params: UserIdParams, response: { 200: UserDetail, ...errors } },
    },
    async (request) => presentUser(request.actor, await db.transaction((tx) => enableUser(tx, request.actor, request.params.id))),
  );
}
