/**
 * Moving a dossier through the internal process: forwarding to a step, assigning a person, handing it to a
 * participating agency (inter-agency flow, each agency with its own time share) and taking it back.
 */
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { SnapshotStep } from '../../../shared/schemas/dossiers';
import { formatDateTime } from '../../../shared/text';
import { endOfWorkingDay } from '../../../shared/workflow/dossier-deadlines';
import type { Executor } from '../../db/client';
import { agencies, users } from '../../db/schema';
import { isoOrNull, type ActionContext, type ActionHandler } from './action-context';
import { deskDepartmentOf } from './create-dossier';
import { prepareAttachments } from './dossier-documents';
import { finishParticipatingPeriod, moveStep, plannedDueOf, setStepAssignee, startParticipatingPeriod } from './dossier-progress';

/** An active staff member of the agency; returns their department. */
async function checkAssignee(tx: Executor, agencyId: string, userId: string): Promise<{ departmentId: string | null }> {
  const [user] = await tx
    .select({ departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.kind, 'staff'), eq(users.status, 'active'), eq(users.agencyId, agencyId)));
  if (!user) throw new AppError('ASSIGNEE_INVALID', { details: { fields: [{ path: 'body.assigneeId', message: 'Người được phân công không thuộc cơ quan đang xử lý' }] } });
  return user;
}

function stepAt(ctx: ActionContext, position: number | null): SnapshotStep | undefined {
  return position === null ? undefined : ctx.row.procedure.steps[position];
}

/** The agency and department responsible for a step. */
async function placeOfStep(ctx: ActionContext, step: SnapshotStep | undefined) {
  if (step?.role === 'desk') {
    return { agencyId: ctx.row.receivingAgencyId, departmentId: step.departmentId ?? (await deskDepartmentOf(ctx.tx, ctx.row.receivingAgencyId)) };
  }
  return { agencyId: ctx.row.competentAgencyId, departmentId: step?.departmentId ?? null };
}

/** Chuyển bước xử lý: to the next step of the internal process, or to a chosen one (e.g. back for rework). */
export const forward: ActionHandler<'forward'> = async (ctx, input) => {
  const { tx, row, state, now } = ctx;
  const steps = row.procedure.steps;
  let toStep: number | null = null;
  if (steps.length > 0) {
    toStep = input.toStep ?? (state.currentStep ?? -1) + 1;
    if (toStep >= steps.length || toStep === state.currentStep) {
      throw new AppError('STEP_INVALID', {
        message: toStep >= steps.length ? 'Hồ sơ đã ở bước cuối của quy trình nội bộ' : 'Hồ sơ đang ở bước này',
        details: { fields: [{ path: 'body.toStep', message: `Chọn một bước từ 0 đến ${steps.length - 1}, khác bước hiện tại` }] },
      });
    }
    if (steps[toStep]!.role === 'other_agency') {
      throw new AppError('STEP_INVALID', { message: 'Bước này do cơ quan phối hợp thực hiện: dùng thao tác "Chuyển cơ quan phối hợp"' });
    }
  }
  const place = steps.length > 0 ? await placeOfStep(ctx, stepAt(ctx, toStep)) : { agencyId: row.competentAgencyId, departmentId: null };
  let departmentId = input.departmentId ?? place.departmentId ?? (steps.length === 0 ? state.currentDepartmentId : null);
  if (input.assigneeId) {
    const assignee = await checkAssignee(tx, place.agencyId, input.assigneeId);
    departmentId = input.departmentId ?? place.departmentId ?? assignee.departmentId;
  }
  const stepDueAt = await plannedDueOf(tx, row.id, toStep);
  return {
    payload: { toStep, agencyId: place.agencyId, departmentId, assigneeId: input.assigneeId ?? null, stepDueAt: isoOrNull(stepDueAt) },
    comment: input.comment ?? null,
    documents: await prepareAttachments(tx, ctx.actor, input.fileIds, 'attachment'),
    after: () => moveStep(tx, row.id, state.currentStep, toStep, now, input.assigneeId ?? null),
  };
};

/** Phân công xử lý: a person of the agency that holds the dossier. */
export const assign: ActionHandler<'assign'> = async (ctx, input) => {
  const { tx, row, state } = ctx;
  const assignee = await checkAssignee(tx, state.currentAgencyId, input.assigneeId);
  return {
    payload: { assigneeId: input.assigneeId, departmentId: input.departmentId ?? assignee.departmentId ?? state.currentDepartmentId },
    comment: input.comment ?? null,
    documents: await prepareAttachments(tx, ctx.actor, input.fileIds, 'attachment'),
    after: () => setStepAssignee(tx, row.id, state.currentStep, input.assigneeId),
  };
};

/** Chuyển cơ quan phối hợp: the partner's own due date is the date given, or the step's allotted time. */
export const sendToAgency: ActionHandler<'send_to_agency'> = async (ctx, input) => {
  const { tx, row, state, now } = ctx;
  if (input.agencyId) {
    const [partner] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.agencyId));
    if (!partner || input.agencyId === row.competentAgencyId) {
      throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.agencyId', message: 'Cơ quan phối hợp không hợp lệ' }] } });
    }
  }
  const next = stepAt(ctx, (state.currentStep ?? -1) + 1);
  const toStep = next?.role === 'other_agency' ? state.currentStep! + 1 : state.currentStep;
  const calendar = await ctx.calendar();
  let agencyDueAt: Date | null = null;
  if (input.dueDate) {
    if (!calendar.isWorkingDay(input.dueDate) || endOfWorkingDay(calendar, input.dueDate) <= now) {
      throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.dueDate', message: 'Hạn của cơ quan phối hợp phải là một ngày làm việc từ hôm nay' }] } });
    }
    agencyDueAt = endOfWorkingDay(calendar, input.dueDate);
  } else if (next?.role === 'other_agency') {
    agencyDueAt = calendar.addWorkingMinutes(calendar.processingStart(now), next.allottedMinutes);
  }
  const partner = { agencyId: input.agencyId ?? null, externalAgencyName: input.externalAgencyName ?? null };
  return {
    payload: {
      ...partner,
      toStep,
      ...(input.agencyId ? { agencyId: input.agencyId, departmentId: await deskDepartmentOf(tx, input.agencyId) } : {}),
      assigneeId: null,
      agencyDueAt: isoOrNull(agencyDueAt),
      stepDueAt: isoOrNull(agencyDueAt),
    },
    comment: input.comment ?? null,
    documents: await prepareAttachments(tx, ctx.actor, input.fileIds, 'inter_agency'),
    extra: input.agencyId && !row.agencyIds.includes(input.agencyId) ? { agencyIds: [...row.agencyIds, input.agencyId] } : {},
    after: async () => {
      await moveStep(tx, row.id, state.currentStep, toStep, now);
      await startParticipatingPeriod(tx, row.id, partner, now, agencyDueAt);
    },
    notify: {
      template: 'dossier.status_changed',
      subject: 'Hồ sơ được chuyển cơ quan phối hợp giải quyết',
      body: [input.externalAgencyName ? `Cơ quan phối hợp: ${input.externalAgencyName}` : '', agencyDueAt ? `Hạn của cơ quan phối hợp: ${formatDateTime(agencyDueAt)}` : '']
        .filter(Boolean)
        .join('\n'),
    },
  };
};

/** Nhận lại từ cơ quan phối hợp: the partner's time is closed with its own outcome. */
export const receiveFromAgency: ActionHandler<'receive_from_agency'> = async (ctx, input) => {
  const { tx, row, state, now } = ctx;
  const current = stepAt(ctx, state.currentStep);
  const afterPartner = current?.role === 'other_agency' && stepAt(ctx, state.currentStep! + 1) ? state.currentStep! + 1 : state.currentStep;
  const step = stepAt(ctx, afterPartner);
  const place = await placeOfStep(ctx, step);
  const stepDueAt = await plannedDueOf(tx, row.id, afterPartner);
  const calendar = await ctx.calendar();
  return {
    payload: { toStep: afterPartner, agencyId: row.competentAgencyId, departmentId: place.departmentId, assigneeId: null, stepDueAt: isoOrNull(stepDueAt) },
    comment: input.comment ?? null,
    documents: await prepareAttachments(tx, ctx.actor, input.fileIds, 'inter_agency'),
    after: async () => {
      await finishParticipatingPeriod(tx, row.id, now, (dueAt) => calendar.classifyOutcome(now, dueAt));
      await moveStep(tx, row.id, state.currentStep, afterPartner, now);
    },
  };
};
