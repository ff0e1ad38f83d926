/** Creating and correcting reform plans and their tasks (reform.manage). */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { agencies, reformPlanTasks, reformPlans, registryDocuments } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { PlanCreateInput, PlanUpdateInput, TaskInput } from '../../../shared/schemas/reform-plans';
import { findTask } from './reform-plans.queries';

export async function ensureAgency(executor: Executor, id: string, path: string): Promise<void> {
  const [row] = await executor.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id));
  if (!row) throw new AppError('REFORM_AGENCY_INVALID', { details: { fields: [{ path, message: 'Cơ quan không có trong hệ thống' }] } });
}

export async function ensureRegistryDocument(executor: Executor, id: string | null | undefined, path: string): Promise<void> {
  if (!id) return;
  const [row] = await executor.select({ id: registryDocuments.id }).from(registryDocuments).where(eq(registryDocuments.id, id));
  if (!row) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path, message: 'Văn bản không có trong sổ văn bản' }] } });
}

export async function createPlan(tx: Tx, actor: Actor, input: PlanCreateInput): Promise<string> {
  authorize(actor, 'update', 'reform_plan', {});
  await ensureAgency(tx, input.agencyId, 'body.agencyId');
  await ensureRegistryDocument(tx, input.documentId, 'body.documentId');
  const [existing] = await tx.select({ id: reformPlans.id }).from(reformPlans).where(and(eq(reformPlans.agencyId, input.agencyId), eq(reformPlans.year, input.year)));
  if (existing) throw new AppError('REFORM_PLAN_EXISTS', { details: { existingId: existing.id } });
  const [plan] = await tx
    .insert(reformPlans)
    .values({ agencyId: input.agencyId, year: input.year, title: input.title, documentId: input.documentId ?? null, createdById: actor.userId })
    .returning({ id: reformPlans.id });
  await recordAudit(tx, actor, { action: AuditAction.REFORM_PLAN_CREATED, subjectType: 'reform_plan', subjectId: plan!.id, summary: { year: input.year, title: input.title } });
  return plan!.id;
}

export async function updatePlan(tx: Tx, actor: Actor, id: string, input: PlanUpdateInput): Promise<void> {
  const [plan] = await tx.select().from(reformPlans).where(eq(reformPlans.id, id));
  authorize(actor, 'update', 'reform_plan', plan);
  await ensureRegistryDocument(tx, input.documentId, 'body.documentId');
  await tx.update(reformPlans).set({ title: input.title, documentId: input.documentId ?? null, updatedAt: new Date() }).where(eq(reformPlans.id, id));
  await recordAudit(tx, actor, { action: AuditAction.REFORM_PLAN_UPDATED, subjectType: 'reform_plan', subjectId: id, summary: { title: input.title, documentId: input.documentId ?? null } });
}

export async function addTask(tx: Tx, actor: Actor, planId: string, input: TaskInput): Promise<string> {
  const [plan] = await tx.select().from(reformPlans).where(eq(reformPlans.id, planId));
  authorize(actor, 'add_task', 'reform_plan', plan);
  await ensureAgency(tx, input.responsibleAgencyId, 'body.responsibleAgencyId');
  // Positions are per plan; lock the plan row so two additions never take the same one.
  await tx.execute(sql`SELECT 1 FROM ${reformPlans} WHERE id = ${planId} FOR UPDATE`);
  const [{ next }] = (await tx
    .select({ next: sql<number>`coalesce(max(${reformPlanTasks.position}), 0)::int + 1` })
    .from(reformPlanTasks)
    .where(eq(reformPlanTasks.planId, planId))) as [{ next: number }];
  const [task] = await tx
    .insert(reformPlanTasks)
    .values({ planId, position: next, ...taskValues(input) })
    .returning({ id: reformPlanTasks.id });
  await recordAudit(tx, actor, { action: AuditAction.REFORM_TASK_CREATED, subjectType: 'reform_task', subjectId: task!.id, summary: { planId, area: input.area, dueOn: input.dueOn } });
  return task!.id;
}

function taskValues(input: TaskInput) {
  return {
    area: input.area,
    title: input.title,
    responsibleAgencyId: input.responsibleAgencyId,
    coordinatingText: input.coordinatingText || null,
    dueOn: input.dueOn,
    expectedOutput: input.expectedOutput || null,
  };
}

export async function updateTask(tx: Tx, actor: Actor, id: string, input: TaskInput): Promise<void> {
  const found = await findTask(tx, id);
  authorize(actor, 'update', 'reform_task', found ? { responsibleAgencyPath: found.responsibleAgencyPath } : undefined);
  await ensureAgency(tx, input.responsibleAgencyId, 'body.responsibleAgencyId');
  await tx.update(reformPlanTasks).set({ ...taskValues(input), updatedAt: new Date() }).where(eq(reformPlanTasks.id, id));
  await recordAudit(tx, actor, {
    action: AuditAction.REFORM_TASK_UPDATED,
    subjectType: 'reform_task',
    subjectId: id,
    summary: { before: { dueOn: found!.task.dueOn, responsibleAgencyId: found!.task.responsibleAgencyId }, after: { dueOn: input.dueOn, responsibleAgencyId: input.responsibleAgencyId } },
  });
}
