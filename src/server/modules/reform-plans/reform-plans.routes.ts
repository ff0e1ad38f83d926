/**
 * Reform plans and tasks (`/api/reform/plans`, `/api/reform/tasks`): the reform office keeps the plans; units report
 * progress on the tasks they are responsible for; everyone with a reform permission sees the plans and overdue tasks.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { requirePermission } from '../../auth/plugin';
import { authorize } from '../../policies';
import { AppError } from '../../../shared/errors';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse, Uuid } from '../../../shared/schemas/common';
import { PeriodQuery } from '../../../shared/schemas/documents';
import {
  AsOfQuery,
  OverdueTaskList,
  PlanCreateInput,
  PlanDetail,
  PlanList,
  PlanListQuery,
  PlanUpdateInput,
  ProgressInput,
  TaskInput,
  TaskView,
} from '../../../shared/schemas/reform-plans';
import { todayInVietnam } from '../catalog/catalog-rules';
import { findPlan, findTask, listPlans, listProgress, listTasks, taskFigures } from './reform-plans.queries';
import { presentPlanDetail, presentTask } from './reform-plans.presenter';
import { reportTaskProgress } from './report-task-progress';
import { addTask, createPlan, updatePlan, updateTask } from './save-plan';
import { idempotentCreate } from '../documents/idempotent-create';

const tags = ['CCHC: Kế hoạch, nhiệm vụ'];
const IdParams = z.object({ id: Uuid });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const TaskFiguresResponse = z.array(
  z.object({ area: z.string(), planned: z.number(), dueInPeriod: z.number(), completedInPeriod: z.number(), completedOnTime: z.number(), overdueAtEnd: z.number(), completedByEnd: z.number() }),
);

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export default async function reformPlansRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const read = requirePermission(Permission.REFORM_MANAGE, Permission.REFORM_REPORT_UNIT);
  const manage = requirePermission(Permission.REFORM_MANAGE);
  const taskView = async (actor: Actor, id: string) => {
    const found = (await findTask(db, id))!;
    const [row] = await listTasks(db, { planId: found.task.planId }, todayInVietnam()).then((rows) => rows.filter((t) => t.task.id === id));
    return presentTask(actor, row!, await listProgress(db, [id]));
  };

  r.get('/api/reform/plans', { preValidation: read, schema: { tags, summary: 'Danh sách kế hoạch CCHC', querystring: PlanListQuery, response: { 200: PlanList, ...errors } } }, async (request) =>
    (await listPlans(db, request.query.year)).map((p) => ({
      id: p.plan.id,
      agencyId: p.plan.agencyId,
      agencyName: p.agencyName,
      year: p.plan.year,
      title: p.plan.title,
      documentId: p.plan.documentId,
      documentNumberSymbol: p.documentNumberSymbol,
      taskCount: p.taskCount,
    })),
  );

  r.post('/api/reform/plans', { preValidation: manage, schema: { tags, summary: 'Tạo kế hoạch CCHC năm', body: PlanCreateInput, response: { 201: PlanDetail, ...errors } } }, async (request, reply) => {
    const today = todayInVietnam();
    const result = await db.transaction(async (tx) => presentPlanDetail(tx, request.actor, await createPlan(tx, request.actor, request.body), today));
    reply.status(201);
    return result;
  });

  r.get(
    '/api/reform/plans/figures',
    { preValidation: read, schema: { tags, summary: 'Số nhiệm vụ hoàn thành, đúng hạn, quá hạn trong kỳ theo lĩnh vực', querystring: PeriodQuery, response: { 200: TaskFiguresResponse, ...errors } } },
    async (request) => taskFigures(db, request.query),
  );

  r.get('/api/reform/plans/:id', { preValidation: read, schema: { tags, summary: 'Kế hoạch và nhiệm vụ với tiến độ', params: IdParams, querystring: AsOfQuery, response: { 200: PlanDetail, ...errors } } }, async (request) => {
    const found = await findPlan(db, request.params.id);
    authorize(request.actor, 'read', 'reform_plan', found?.plan);
    return presentPlanDetail(db, request.actor, request.params.id, request.query.asOf ?? todayInVietnam());
  });

  r.put('/api/reform/plans/:id', { preValidation: manage, schema: { tags, summary: 'Sửa kế hoạch', params: IdParams, body: PlanUpdateInput, response: { 200: PlanDetail, ...errors } } }, async (request) =>
    db.transaction(async (tx) => {
      await updatePlan(tx, request.actor, request.params.id, request.body);
      return presentPlanDetail(tx, request.actor, request.params.id, todayInVietnam());
    }),
  );

  r.post('/api/reform/plans/:id/tasks', { preValidation: manage, schema: { tags, summary: 'Thêm nhiệm vụ vào kế hoạch', params: IdParams, body: TaskInput, response: { 201: TaskView, ...errors } } }, async (request, reply) => {
    const id = await db.transaction((tx) => idempotentCreate(tx, request, 'reform.task', () => addTask(tx, request.actor, request.params.id, request.body)));
    reply.status(201);
    return taskView(request.actor, id);
  });

  r.put('/api/reform/tasks/:id', { preValidation: manage, schema: { tags, summary: 'Sửa nhiệm vụ', params: IdParams, body: TaskInput, response: { 200: TaskView, ...errors } } }, async (request) => {
    await db.transaction((tx) => updateTask(tx, request.actor, request.params.id, request.body));
    return taskView(request.actor, request.params.id);
  });

  r.post(
    '/api/reform/tasks/:id/progress',
    { preValidation: read, schema: { tags, summary: 'Báo cáo tiến độ nhiệm vụ', params: IdParams, body: ProgressInput, response: { 200: TaskView, ...errors } } },
    async (request) => {
      await db.transaction((tx) => reportTaskProgress(tx, request.actor, request.params.id, request.body, todayInVietnam()));
      return taskView(request.actor, request.params.id);
    },
  );

  r.get(
    '/api/reform/tasks/overdue',
    { preValidation: read, schema: { tags, summary: 'Nhiệm vụ quá hạn chưa hoàn thành', querystring: AsOfQuery, response: { 200: OverdueTaskList, ...errors } } },
    async (request) => {
      const asOf = request.query.asOf ?? todayInVietnam();
      const manages = request.actor.permissions.has(Permission.REFORM_MANAGE);
      if (!manages && !request.actor.agencyPath) throw new AppError('FORBIDDEN');
      const rows = await listTasks(db, { overdueOnly: true, responsibleScopePath: manages ? null : request.actor.agencyPath }, asOf);
      return rows.map((row) => {
        const { progress: _progress, ...view } = presentTask(request.actor, row, []);
        return { ...view, planTitle: row.planTitle, daysOverdue: daysBetween(row.task.dueOn, asOf) };
      });
    },
  );
}
