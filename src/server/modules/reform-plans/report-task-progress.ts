/**
 * Reports progress on a task (append-only). The reform office or the responsible unit (reform.report_unit in its
 * agency subtree) reports; a report may not be dated before the previous one, and a completed task takes no more.
 * Sending the same report again (same date, percent and note) records nothing new.
 */
import { desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { reformPlanTasks, reformTaskProgress } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { ProgressInput } from '../../../shared/schemas/reform-plans';
import { findTask } from './reform-plans.queries';
import { ensureRegistryDocument } from './save-plan';

export async function reportTaskProgress(tx: Tx, actor: Actor, taskId: string, input: ProgressInput, today: string): Promise<{ created: boolean }> {
  const found = await findTask(tx, taskId);
  authorize(actor, 'report_progress', 'reform_task', found ? { responsibleAgencyPath: found.responsibleAgencyPath } : undefined);
  await ensureRegistryDocument(tx, input.documentId, 'body.documentId');
  if (input.reportedOn > today) {
    throw new AppError('TASK_PROGRESS_INVALID', { message: 'Ngày báo cáo tiến độ không được sau ngày hôm nay' });
  }
  // Serialise reports on one task.
  await tx.select({ id: reformPlanTasks.id }).from(reformPlanTasks).where(eq(reformPlanTasks.id, taskId)).for('update');
  const [last] = await tx
    .select()
    .from(reformTaskProgress)
    .where(eq(reformTaskProgress.taskId, taskId))
    .orderBy(desc(reformTaskProgress.reportedOn), desc(reformTaskProgress.createdAt))
    .limit(1);
  if (last && last.reportedOn === input.reportedOn && last.percent === input.percent && (last.note ?? null) === (input.note || null)) return { created: false };
  if (last && last.percent === 100) throw new AppError('TASK_PROGRESS_INVALID', { message: 'Nhiệm vụ đã hoàn thành (100%), không báo cáo thêm tiến độ' });
  if (last && input.reportedOn < last.reportedOn) {
    throw new AppError('TASK_PROGRESS_INVALID', { message: `Ngày báo cáo không được trước lần báo cáo trước (${last.reportedOn.split('-').reverse().join('/')})` });
  }
  const [row] = await tx
    .insert(reformTaskProgress)
    .values({ taskId, reportedOn: input.reportedOn, percent: input.percent, note: input.note || null, documentId: input.documentId ?? null, recordedById: actor.userId })
    .returning({ id: reformTaskProgress.id });
  await recordAudit(tx, actor, {
    action: AuditAction.REFORM_TASK_PROGRESS_REPORTED,
    subjectType: 'reform_task',
    subjectId: taskId,
    summary: { progressId: row!.id, reportedOn: input.reportedOn, percent: input.percent },
  });
  return { created: true };
}
