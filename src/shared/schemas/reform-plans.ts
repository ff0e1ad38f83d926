/** Reform plans and tasks (kế hoạch CCHC năm, nhiệm vụ theo lĩnh vực, tiến độ). */
import { z } from 'zod';
import { IsoDate, RequiredText, Text, Uuid } from './common';
import { ReformAreaCode } from './documents';

/** A task's state as of a date, derived from its progress updates and due date. */
export const TaskState = {
  DONE_ON_TIME: 'done_on_time',
  DONE_LATE: 'done_late',
  OVERDUE: 'overdue',
  IN_PROGRESS: 'in_progress',
} as const;
export type TaskState = (typeof TaskState)[keyof typeof TaskState];
export const TASK_STATES = Object.values(TaskState) as [TaskState, ...TaskState[]];
export const taskStateLabels: Record<TaskState, string> = {
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành trễ hạn',
  overdue: 'Quá hạn, chưa hoàn thành',
  in_progress: 'Đang thực hiện, trong hạn',
};

export const PlanCreateInput = z.object({
  agencyId: Uuid,
  year: z.number().int().min(2000, 'Năm kế hoạch không hợp lệ').max(2100, 'Năm kế hoạch không hợp lệ'),
  title: RequiredText(500, 'Tên kế hoạch'),
  documentId: Uuid.nullable().optional(),
});
export type PlanCreateInput = z.infer<typeof PlanCreateInput>;
export const PlanUpdateInput = PlanCreateInput.omit({ agencyId: true, year: true });
export type PlanUpdateInput = z.infer<typeof PlanUpdateInput>;

export const TaskInput = z.object({
  area: ReformAreaCode,
  title: RequiredText(1000, 'Nội dung nhiệm vụ'),
  responsibleAgencyId: Uuid,
  coordinatingText: Text(500).nullable().optional(),
  dueOn: IsoDate,
  expectedOutput: Text(500).nullable().optional(),
});
export type TaskInput = z.infer<typeof TaskInput>;

export const ProgressInput = z.object({
  reportedOn: IsoDate,
  percent: z.number({ message: 'Tiến độ phải là số từ 0 đến 100' }).int('Tiến độ phải là số nguyên').min(0, 'Tiến độ phải từ 0 đến 100%').max(100, 'Tiến độ phải từ 0 đến 100%'),
  note: Text(2000).nullable().optional(),
  documentId: Uuid.nullable().optional(),
});
export type ProgressInput = z.infer<typeof ProgressInput>;

export const ProgressView = z.object({
  id: z.string(),
  reportedOn: z.string(),
  percent: z.number(),
  note: z.string().nullable(),
  documentId: z.string().nullable(),
  recordedBy: z.string().nullable(),
});

export const TaskView = z.object({
  id: z.string(),
  planId: z.string(),
  position: z.number(),
  area: z.string(),
  areaLabel: z.string(),
  title: z.string(),
  responsibleAgencyId: z.string(),
  responsibleAgencyName: z.string(),
  coordinatingText: z.string().nullable(),
  dueOn: z.string(),
  expectedOutput: z.string().nullable(),
  percent: z.number(),
  completedOn: z.string().nullable(),
  state: z.enum(TASK_STATES),
  stateLabel: z.string(),
  progress: z.array(ProgressView),
  abilities: z.record(z.string(), z.boolean()),
});
export type TaskView = z.infer<typeof TaskView>;

export const PlanSummary = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  year: z.number(),
  title: z.string(),
  documentId: z.string().nullable(),
  documentNumberSymbol: z.string().nullable(),
  taskCount: z.number(),
});
export const PlanList = z.array(PlanSummary);
export const PlanDetail = PlanSummary.extend({
  tasks: z.array(TaskView),
  counts: z.record(z.enum(TASK_STATES), z.number()),
  abilities: z.record(z.string(), z.boolean()),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const PlanListQuery = z.object({ year: z.coerce.number().int().optional() });
export const AsOfQuery = z.object({ asOf: IsoDate.optional() });
export const OverdueTaskList = z.array(TaskView.omit({ progress: true }).extend({ planTitle: z.string(), daysOverdue: z.number() }));
