import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../auth/plugin';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse } from '../../../shared/schemas/common';
import {
  IdParams,
  UnitCreateInput,
  UnitDetail,
  UnitEndInput,
  UnitMergeInput,
  UnitSearchQuery,
  UnitSearchResponse,
  UnitTreeQuery,
  UnitTreeResponse,
  UnitUpdateInput,
} from '../../../shared/schemas/units';
import { AppError } from '../../../shared/errors';
import { createUnit } from './create-unit';
import { endUnit } from './end-unit';
import { mergeUnits } from './merge-units';
import { updateUnit } from './update-unit';
import { presentUnitDetail } from './units.presenter';
import { getUnitTree, searchUnits, todayInVietnam } from './units.queries';

const tags = ['Đơn vị hành chính'];
const manage = requirePermission(Permission.UNITS_MANAGE);
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

/** Đơn vị hành chính: public reads (tree as of a date, search, history) and administrators' changes. */
export default async function unitsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.ctx;

  r.get(
    '/api/units/tree',
    { schema: { tags, summary: 'Cây đơn vị hành chính tại một ngày (mặc định hôm nay)', querystring: UnitTreeQuery, response: { 200: UnitTreeResponse, 404: ErrorResponse } } },
    async (request) => {
      const tree = await getUnitTree(database.db, request.query.asOf ?? todayInVietnam(), request.query.rootId);
      if (!tree) throw new AppError('NOT_FOUND', { message: 'Đơn vị không có hiệu lực vào ngày này' });
      return tree;
    },
  );

  r.get(
    '/api/units',
    { schema: { tags, summary: 'Tìm đơn vị hành chính theo tên (không phân biệt dấu) hoặc mã', querystring: UnitSearchQuery, response: { 200: UnitSearchResponse } } },
    async (request) => searchUnits(database.db, request.query),
  );

  r.get(
    '/api/units/:id',
    { schema: { tags, summary: 'Thông tin và lịch sử thay đổi của đơn vị hành chính', params: IdParams, response: { 200: UnitDetail, 404: ErrorResponse } } },
    async (request) => presentUnitDetail(database.db, request.actor, request.params.id),
  );

  r.post(
    '/api/units',
    { preValidation: manage, schema: { tags, summary: 'Thành lập đơn vị hành chính', body: UnitCreateInput, response: { 201: UnitDetail, ...errors } } },
    async (request, reply) => {
      const detail = await database.db.transaction(async (tx) => {
        const { id } = await createUnit(tx, request.actor, request.body);
        return presentUnitDetail(tx, request.actor, id);
      });
      reply.status(201);
      return detail;
    },
  );

  r.post(
    '/api/units/merge',
    { preValidation: manage, schema: { tags, summary: 'Sáp nhập đơn vị hành chính từ một ngày', body: UnitMergeInput, response: { 201: UnitDetail, ...errors } } },
    async (request, reply) => {
      const detail = await database.db.transaction(async (tx) => {
        const { id } = await mergeUnits(tx, request.actor, request.body);
        return presentUnitDetail(tx, request.actor, id);
      });
      reply.status(201);
      return detail;
    },
  );

  r.patch(
    '/api/units/:id',
    { preValidation: manage, schema: { tags, summary: 'Sửa tên, mã, loại đơn vị (đính chính hoặc thay đổi từ một ngày)', params: IdParams, body: UnitUpdateInput, response: { 200: UnitDetail, ...errors } } },
    async (request) =>
      database.db.transaction(async (tx) => {
        const { id } = await updateUnit(tx, request.actor, request.params.id, request.body);
        return presentUnitDetail(tx, request.actor, id);
      }),
  );

  r.post(
    '/api/units/:id/end',
    { preValidation: manage, schema: { tags, summary: 'Chấm dứt đơn vị hành chính từ sau một ngày', params: IdParams, body: UnitEndInput, response: { 200: UnitDetail, ...errors } } },
    async (request) =>
      database.db.transaction(async (tx) => {
        const { id } = await endUnit(tx, request.actor, request.params.id, request.body);
        return presentUnitDetail(tx, request.actor, id);
      }),
  );
}
