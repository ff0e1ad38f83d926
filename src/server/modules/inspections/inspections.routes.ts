/**
 * Inspections of administrative reform (`/api/reform/inspection-plans`, `/api/reform/inspections`): the reform office
 * plans and records them; an inspected unit sees its own inspections and reports the follow-up of the findings.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { requirePermission } from '../../auth/plugin';
import { abilitiesFor, authorize } from '../../policies';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse, Uuid } from '../../../shared/schemas/common';
import { PeriodQuery } from '../../../shared/schemas/documents';
import {
  FindingInput,
  FollowUpInput,
  InspectionFigures,
  InspectionInput,
  InspectionListQuery,
  InspectionPlanInput,
  InspectionPlanView,
  InspectionView,
  findingStatusLabels,
  inspectionKindLabels,
  type FindingStatus,
  type InspectionKind,
} from '../../../shared/schemas/inspections';
import type { Executor } from '../../db/client';
import { findInspection, inspectionFigures, listFindings, listInspectionPlans, listInspections } from './inspections.queries';
import { addFinding, recordFollowUp, recordInspection, saveInspectionPlan, updateInspection } from './save-inspection';
import { idempotentCreate } from '../documents/idempotent-create';

const tags = ['CCHC: Kiểm tra'];
const IdParams = z.object({ id: Uuid });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

type InspectionRow = Awaited<ReturnType<typeof listInspections>>[number];

async function presentInspections(executor: Executor, actor: Actor, rows: InspectionRow[]): Promise<InspectionView[]> {
  const findings = await listFindings(executor, rows.map((r) => r.inspection.id));
  return rows.map((r) => {
    const i = r.inspection;
    return {
      id: i.id,
      planId: i.planId,
      planTitle: r.planTitle,
      inspectedAgencyId: i.inspectedAgencyId,
      inspectedAgencyName: r.agencyName,
      inspectedAgencyKind: r.agencyKind,
      kind: i.kind as InspectionKind,
      kindLabel: inspectionKindLabels[i.kind as InspectionKind],
      startedOn: i.startedOn,
      endedOn: i.endedOn,
      areas: i.areas,
      conclusion: i.conclusion,
      conclusionDocumentId: i.conclusionDocumentId,
      findings: findings
        .filter((f) => f.inspectionId === i.id)
        .map((f) => ({
          id: f.id,
          position: f.position,
          area: f.area,
          finding: f.finding,
          recommendation: f.recommendation,
          dueOn: f.dueOn,
          status: f.status as FindingStatus,
          statusLabel: findingStatusLabels[f.status as FindingStatus],
          resolvedOn: f.resolvedOn,
          followUpNote: f.followUpNote,
        })),
      abilities: abilitiesFor(actor, 'inspection', { inspectedAgencyPath: r.agencyPath }, ['update', 'add_finding', 'follow_up']),
    };
  });
}

export default async function inspectionsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const read = requirePermission(Permission.REFORM_MANAGE, Permission.REFORM_REPORT_UNIT);
  const manage = requirePermission(Permission.REFORM_MANAGE);
  const scopeOf = (actor: Actor) => (actor.permissions.has(Permission.REFORM_MANAGE) ? null : (actor.agencyPath ?? '/none/'));
  const one = async (executor: Executor, actor: Actor, id: string) => (await presentInspections(executor, actor, [(await findInspection(executor, id))!]))[0]!;
  const plans = async (year?: number) =>
    (await listInspectionPlans(db, year)).map(({ plan: p, agencyName, documentNumberSymbol, inspectedCount }) => ({
      id: p.id,
      agencyId: p.agencyId,
      agencyName,
      year: p.year,
      title: p.title,
      documentId: p.documentId,
      documentNumberSymbol,
      teamDocumentId: p.teamDocumentId,
      plannedUnitCount: p.plannedUnitCount,
      inspectedCount,
    }));

  r.get('/api/reform/inspection-plans', { preValidation: read, schema: { tags, summary: 'Kế hoạch kiểm tra CCHC', querystring: z.object({ year: z.coerce.number().int().optional() }), response: { 200: z.array(InspectionPlanView), ...errors } } }, async (request) =>
    plans(request.query.year),
  );
  r.post('/api/reform/inspection-plans', { preValidation: manage, schema: { tags, summary: 'Tạo kế hoạch kiểm tra', body: InspectionPlanInput, response: { 201: InspectionPlanView, ...errors } } }, async (request, reply) => {
    const id = await db.transaction((tx) => saveInspectionPlan(tx, request.actor, request.body));
    reply.status(201);
    return (await plans(request.body.year)).find((p) => p.id === id)!;
  });
  r.put('/api/reform/inspection-plans/:id', { preValidation: manage, schema: { tags, summary: 'Sửa kế hoạch kiểm tra', params: IdParams, body: InspectionPlanInput, response: { 200: InspectionPlanView, ...errors } } }, async (request) => {
    await db.transaction((tx) => saveInspectionPlan(tx, request.actor, request.body, request.params.id));
    return (await plans(request.body.year)).find((p) => p.id === request.params.id)!;
  });

  r.get(
    '/api/reform/inspections/figures',
    { preValidation: read, schema: { tags, summary: 'Số đơn vị được kiểm tra và kết quả khắc phục trong kỳ', querystring: PeriodQuery, response: { 200: InspectionFigures, ...errors } } },
    async (request) => inspectionFigures(db, request.query),
  );
  r.get('/api/reform/inspections', { preValidation: read, schema: { tags, summary: 'Các cuộc kiểm tra', querystring: InspectionListQuery, response: { 200: z.array(InspectionView), ...errors } } }, async (request) =>
    presentInspections(db, request.actor, await listInspections(db, { ...request.query, scopePath: scopeOf(request.actor) })),
  );
  r.post('/api/reform/inspections', { preValidation: manage, schema: { tags, summary: 'Ghi nhận cuộc kiểm tra một đơn vị', body: InspectionInput, response: { 201: InspectionView, ...errors } } }, async (request, reply) => {
    const result = await db.transaction(async (tx) => one(tx, request.actor, await idempotentCreate(tx, request, 'reform.inspection', () => recordInspection(tx, request.actor, request.body))));
    reply.status(201);
    return result;
  });
  r.get('/api/reform/inspections/:id', { preValidation: read, schema: { tags, summary: 'Chi tiết cuộc kiểm tra', params: IdParams, response: { 200: InspectionView, ...errors } } }, async (request) => {
    const found = await findInspection(db, request.params.id);
    authorize(request.actor, 'read', 'inspection', found ? { inspectedAgencyPath: found.agencyPath } : undefined);
    return one(db, request.actor, request.params.id);
  });
  r.put('/api/reform/inspections/:id', { preValidation: manage, schema: { tags, summary: 'Sửa cuộc kiểm tra, kết luận', params: IdParams, body: InspectionInput, response: { 200: InspectionView, ...errors } } }, async (request) =>
    db.transaction(async (tx) => {
      await updateInspection(tx, request.actor, request.params.id, request.body);
      return one(tx, request.actor, request.params.id);
    }),
  );
  r.post('/api/reform/inspections/:id/findings', { preValidation: manage, schema: { tags, summary: 'Thêm tồn tại, kiến nghị', params: IdParams, body: FindingInput, response: { 201: InspectionView, ...errors } } }, async (request, reply) => {
    const result = await db.transaction(async (tx) => {
      await idempotentCreate(tx, request, 'reform.finding', () => addFinding(tx, request.actor, request.params.id, request.body));
      return one(tx, request.actor, request.params.id);
    });
    reply.status(201);
    return result;
  });
  r.post('/api/reform/findings/:id/follow-up', { preValidation: read, schema: { tags, summary: 'Báo cáo kết quả khắc phục', params: IdParams, body: FollowUpInput, response: { 200: InspectionView, ...errors } } }, async (request) =>
    db.transaction(async (tx) => one(tx, request.actor, await recordFollowUp(tx, request.actor, request.params.id, request.body))),
  );
}
