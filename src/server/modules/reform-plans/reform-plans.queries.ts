/**
 * Reads of reform plans and tasks. A task's completion is derived from its progress updates (the first update at
 * 100%); its state as of a date follows from that and its due date. `taskFigures` is what the provincial report
 * uses (tasks done, on time, late, overdue in a period, by area).
 */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { agencies, reformPlanTasks, reformPlans, reformTaskProgress, registryDocuments, users } from '../../db/schema';
import type { TaskState } from '../../../shared/schemas/reform-plans';

export type ReformPlan = typeof reformPlans.$inferSelect;
export type ReformTask = typeof reformPlanTasks.$inferSelect;

export async function findPlan(executor: Executor, id: string) {
  const [row] = await executor
    .select({ plan: reformPlans, agencyName: agencies.name, documentNumberSymbol: registryDocuments.numberSymbol })
    .from(reformPlans)
    .innerJoin(agencies, eq(agencies.id, reformPlans.agencyId))
    .leftJoin(registryDocuments, eq(registryDocuments.id, reformPlans.documentId))
    .where(eq(reformPlans.id, id));
  return row;
}

export async function listPlans(executor: Executor, year?: number) {
  const taskCount = sql<number>`(SELECT count(*)::int FROM ${reformPlanTasks} t WHERE t.plan_id = ${reformPlans.id})`;
  return executor
    .select({ plan: reformPlans, agencyName: agencies.name, documentNumberSymbol: registryDocuments.numberSymbol, taskCount })
    .from(reformPlans)
    .innerJoin(agencies, eq(agencies.id, reformPlans.agencyId))
    .leftJoin(registryDocuments, eq(registryDocuments.id, reformPlans.documentId))
    .where(year ? eq(reformPlans.year, year) : undefined)
    .orderBy(sql`${reformPlans.year} DESC`, asc(agencies.path));
}

export async function findTask(executor: Executor, id: string) {
  const [row] = await executor
    .select({ task: reformPlanTasks, responsibleAgencyPath: agencies.path, responsibleAgencyName: agencies.name })
    .from(reformPlanTasks)
    .innerJoin(agencies, eq(agencies.id, reformPlanTasks.responsibleAgencyId))
    .where(eq(reformPlanTasks.id, id));
  return row;
}

/** Percent and completion of each task as of a date (updates reported after it are ignored). */
function progressAsOf(asOf: string) {
  return {
    percent: sql<number>`coalesce((SELECT p.percent FROM ${reformTaskProgress} p WHERE p.task_id = ${reformPlanTasks.id} AND p.reported_on <= ${asOf}
      ORDER BY p.reported_on DESC, p.created_at DESC LIMIT 1), 0)::int`,
    completedOn: sql<string | null>`(SELECT min(p.reported_on)::text FROM ${reformTaskProgress} p WHERE p.task_id = ${reformPlanTasks.id} AND p.percent = 100 AND p.reported_on <= ${asOf})`,
  };
}

/** The state of a task as of a date. */
export function taskState(dueOn: string, completedOn: string | null, asOf: string): TaskState {
  if (completedOn) return completedOn <= dueOn ? 'done_on_time' : 'done_late';
  return dueOn < asOf ? 'overdue' : 'in_progress';
}

export interface TaskFilter {
  planId?: string;
  /** Tasks due on or before this date and not completed by `asOf`. */
  overdueOnly?: boolean;
  /** Materialised agency path: only tasks whose responsible agency lies in this subtree. */
  responsibleScopePath?: string | null;
}

export async function listTasks(executor: Executor, filter: TaskFilter, asOf: string) {
  const progress = progressAsOf(asOf);
  const rows = await executor
    .select({
      task: reformPlanTasks,
      planTitle: reformPlans.title,
      responsibleAgencyName: agencies.name,
      responsibleAgencyPath: agencies.path,
      percent: progress.percent,
      completedOn: progress.completedOn,
    })
    .from(reformPlanTasks)
    .innerJoin(reformPlans, eq(reformPlans.id, reformPlanTasks.planId))
    .innerJoin(agencies, eq(agencies.id, reformPlanTasks.responsibleAgencyId))
    .where(
      and(
        filter.planId ? eq(reformPlanTasks.planId, filter.planId) : undefined,
        filter.responsibleScopePath ? sql`${agencies.path} LIKE ${`${filter.responsibleScopePath}%`}` : undefined,
        filter.overdueOnly ? sql`${reformPlanTasks.dueOn} < ${asOf} AND ${progress.completedOn} IS NULL` : undefined,
      ),
    )
    .orderBy(...(filter.overdueOnly ? [asc(reformPlanTasks.dueOn)] : []), asc(reformPlans.year), asc(reformPlanTasks.position));
  return rows.map((r) => ({ ...r, state: taskState(r.task.dueOn, r.completedOn, asOf) }));
}

export async function listProgress(executor: Executor, taskIds: string[]) {
  if (taskIds.length === 0) return [];
  return executor
    .select({ progress: reformTaskProgress, recordedBy: users.fullName })
    .from(reformTaskProgress)
    .leftJoin(users, eq(users.id, reformTaskProgress.recordedById))
    .where(sql`${reformTaskProgress.taskId} IN ${taskIds}`)
    .orderBy(asc(reformTaskProgress.reportedOn), asc(reformTaskProgress.createdAt));
}

export async function countTasks(executor: Executor, planId: string): Promise<number> {
  const [row] = await executor.select({ n: count() }).from(reformPlanTasks).where(eq(reformPlanTasks.planId, planId));
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Report queries
// ---------------------------------------------------------------------------------------------------------------

export interface TaskFigures {
  area: string;
  /** Tasks in the plans considered. */
  planned: number;
  /** Tasks due within the period. */
  dueInPeriod: number;
  /** Tasks completed (first 100% update) within the period. */
  completedInPeriod: number;
  /** Of those, completed on or before their due date. */
  completedOnTime: number;
  /** Tasks due on or before the period's end and not completed by then. */
  overdueAtEnd: number;
  /** Tasks completed by the period's end, whenever. */
  completedByEnd: number;
}

/**
 * Task figures for a period (inclusive ISO dates), one row per reform area, over the plans of `year` (default: the
 * year of `to`), optionally one agency's plan (`planAgencyId`, e.g. UBND tỉnh for the provincial plan).
 */
export async function taskFigures(executor: Executor, period: { from: string; to: string; year?: number; planAgencyId?: string }): Promise<TaskFigures[]> {
  const year = period.year ?? Number(period.to.slice(0, 4));
  const completed = sql`(SELECT min(p.reported_on) FROM ${reformTaskProgress} p WHERE p.task_id = t.id AND p.percent = 100 AND p.reported_on <= ${period.to})`;
  const agencyFilter = period.planAgencyId ? sql`AND pl.agency_id = ${period.planAgencyId}` : sql``;
  const rows = await queryRows<Record<string, unknown>>(executor, sql`
    WITH tasks AS (
      SELECT t.area, t.due_on, ${completed} AS completed_on
      FROM ${reformPlanTasks} t JOIN ${reformPlans} pl ON pl.id = t.plan_id
      WHERE pl.year = ${year} ${agencyFilter}
    )
    SELECT area,
      count(*)::int AS planned,
      count(*) FILTER (WHERE due_on BETWEEN ${period.from} AND ${period.to})::int AS due_in_period,
      count(*) FILTER (WHERE completed_on BETWEEN ${period.from} AND ${period.to})::int AS completed_in_period,
      count(*) FILTER (WHERE completed_on BETWEEN ${period.from} AND ${period.to} AND completed_on <= due_on)::int AS completed_on_time,
      count(*) FILTER (WHERE due_on <= ${period.to} AND completed_on IS NULL)::int AS overdue_at_end,
      count(*) FILTER (WHERE completed_on IS NOT NULL)::int AS completed_by_end
    FROM tasks GROUP BY area ORDER BY area`);
  return rows.map((r) => ({
    area: String(r.area),
    planned: Number(r.planned),
    dueInPeriod: Number(r.due_in_period),
    completedInPeriod: Number(r.completed_in_period),
    completedOnTime: Number(r.completed_on_time),
    overdueAtEnd: Number(r.overdue_at_end),
    completedByEnd: Number(r.completed_by_end),
  }));
}
