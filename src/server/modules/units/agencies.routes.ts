import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../auth/plugin';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse } from '../../../shared/schemas/common';
import {
  AgencyCreateInput,
  AgencyDetail,
  AgencyListQuery,
  AgencyListResponse,
  AgencyUpdateInput,
  Department,
  DepartmentCreateInput,
  DepartmentParams,
  DepartmentUpdateInput,
  IdParams,
} from '../../../shared/schemas/units';
import { createAgency } from './create-agency';
import { createDepartment } from './create-department';
import { updateAgency } from './update-agency';
import { updateDepartment } from './update-department';
import { listAgencies } from './agencies.queries';
import { presentAgencyDetail } from './agencies.presenter';

const tags = ['Cơ quan'];
const manage = requirePermission(Permission.UNITS_MANAGE);
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

/** Cơ quan và phòng, ban: the organisation chart is public; administrators change it within their subtree. */
export default async function agenciesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.ctx;

  r.get(
    '/api/agencies',
    { schema: { tags, summary: 'Danh sách, tìm kiếm cơ quan (tên không phân biệt dấu, mã định danh)', querystring: AgencyListQuery, response: { 200: AgencyListResponse } } },
    async (request) => listAgencies(database.db, request.query),
  );

  r.get(
    '/api/agencies/:id',
    { schema: { tags, summary: 'Thông tin cơ quan và các phòng, ban', params: IdParams, response: { 200: AgencyDetail, 404: ErrorResponse } } },
    async (request) => presentAgencyDetail(database.db, request.actor, request.params.id),
  );

  r.post(
    '/api/agencies/:id/children',
    { preValidation: manage, schema: { tags, summary: 'Thành lập cơ quan trực thuộc', params: IdParams, body: AgencyCreateInput, response: { 201: AgencyDetail, ...errors } } },
    async (request, reply) => {
      const detail = await database.db.transaction(async (tx) => {
        const { id } = await createAgency(tx, request.actor, request.params.id, request.body);
        return presentAgencyDetail(tx, request.actor, id);
      });
      reply.status(201);
      return detail;
    },
  );

  r.patch(
    '/api/agencies/:id',
    { preValidation: manage, schema: { tags, summary: 'Cập nhật cơ quan (kể cả chuyển sang cơ quan cấp trên khác)', params: IdParams, body: AgencyUpdateInput, response: { 200: AgencyDetail, ...errors } } },
    async (request) =>
      database.db.transaction(async (tx) => {
        const { id } = await updateAgency(tx, request.actor, request.params.id, request.body);
        return presentAgencyDetail(tx, request.actor, id);
      }),
  );

  r.post(
    '/api/agencies/:id/departments',
    { preValidation: manage, schema: { tags, summary: 'Thêm phòng, ban của cơ quan', params: IdParams, body: DepartmentCreateInput, response: { 201: Department, ...errors } } },
    async (request, reply) => {
      const department = await database.db.transaction((tx) => createDepartment(tx, request.actor, request.params.id, request.body));
      reply.status(201);
      return department;
    },
  );

  r.patch(
    '/api/agencies/:id/departments/:departmentId',
    { preValidation: manage, schema: { tags, summary: 'Sửa phòng, ban của cơ quan', params: DepartmentParams, body: DepartmentUpdateInput, response: { 200: Department, ...errors } } },
    async (request) =>
      database.db.transaction((tx) => updateDepartment(tx, request.actor, request.params.id, request.params.departmentId, request.body)),
  );
}
