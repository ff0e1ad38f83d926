import type { Executor } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { abilitiesFor } from '../../policies';
import { reformAreaShortLabels, type ReformArea } from '../../../shared/reform-areas';
import { TASK_STATES, taskStateLabels, type PlanDetail, type TaskView } from '../../../shared/schemas/reform-plans';
import { findPlan, listProgress, listTasks } from './reform-plans.queries';

type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];
type ProgressRow = Awaited<ReturnType<typeof listProgress>>[number];

export function presentTask(actor: Actor, row: TaskRow, progress: ProgressRow[]): TaskView {
  const t = row.task;
  return {
    id: t.id,
    planId: t.planId,
    position: t.position,
    area: t.area,
    areaLabel: reformAreaShortLabels[t.area as ReformArea] ?? t.area,
    title: t.title,
    responsibleAgencyId: t.responsibleAgencyId,
    responsibleAgencyName: row.responsibleAgencyName,
    coordinatingText: t.coordinatingText,
    dueOn: t.dueOn,
    expectedOutput: t.expectedOutput,
    percent: row.percent,
    completedOn: row.completedOn,
    state: row.state,
    stateLabel: taskStateLabels[row.state],
    progress: progress
      .filter((p) => p.progress.taskId === t.id)
      .map((p) => ({ id: p.progress.id, reportedOn: p.progress.reportedOn, percent: p.progress.percent, note: p.progress.note, documentId: p.progress.documentId, recordedBy: p.recordedBy })),
    abilities: abilitiesFor(actor, 'reform_task', { responsibleAgencyPath: row.responsibleAgencyPath }, ['update', 'report_progress']),
  };
}

export async function presentPlanDetail(executor: Executor, actor: Actor, planId: string, asOf: string): Promise<PlanDetail> {
  const found = (await findPlan(executor, planId))!;
  const tasks = await listTasks(executor, { planId }, asOf);
  const progress = await listProgress(executor, tasks.map((t) => t.task.id));
  const counts = Object.fromEntries(TASK_STATES.map((s) => [s, tasks.filter((t) => t.state === s).length])) as PlanDetail['counts'];
  return {
    id: found.plan.id,
    agencyId: found.plan.agencyId,
    agencyName: found.agencyName,
    year: found.plan.year,
    title: found.plan.title,
    documentId: found.plan.documentId,
    documentNumberSymbol: found.documentNumberSymbol,
    taskCount: tasks.length,
    tasks: tasks.map((t) => presentTask(actor, t, progress)),
    counts,
    abilities: abilitiesFor(actor, 'reform_plan', found.plan, ['update', 'add_task']),
  };
}
