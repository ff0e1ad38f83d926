/**
 * Refusal (Phiếu từ chối), stopping at the applicant's request (NĐ 118 Điều 21), withdrawal of an online dossier
 * before acceptance, the apology with a new date (once, at the latest a day before the due date, Điều 19.6), and
 * the sweep's due-soon and overdue marks.
 */
import { toLocalDate } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import { formatDate, formatDateTime } from '../../../shared/text';
import { endOfWorkingDay, lastApologyDate, outcomeAt } from '../../../shared/workflow/dossier-deadlines';
import { DossierStatus } from '../../../shared/workflow/dossier-workflow';
import type { ActionContext, ActionHandler, ActionPlan } from './action-context';
import { prepareAttachments } from './dossier-documents';
import { statusChangedMessage } from './dossier-notifications';
import { finishCompetentPeriod, moveStep } from './dossier-progress';

async function ending(ctx: ActionContext, reason: string | undefined, fileIds: string[], resolved: boolean): Promise<ActionPlan> {
  const { tx, row, state, now } = ctx;
  // A refusal after receipt is a resolution (counted early / on time / late); a stop or withdrawal is not.
  const outcome = resolved && row.receivedAt ? outcomeAt(row.rules, now, row.dueAt, row.originalDueAt) : null;
  return {
    payload: { reason: reason ?? null, outcome },
    comment: reason ?? null,
    documents: await prepareAttachments(tx, ctx.actor, fileIds, 'notice'),
    after: async () => {
      await moveStep(tx, row.id, state.currentStep, null, now);
      await finishCompetentPeriod(tx, row.id, now, outcome);
    },
  };
}

export const refuse: ActionHandler<'refuse'> = async (ctx, input) => ({
  ...(await ending(ctx, input.reason, input.fileIds, true)),
  notify: statusChangedMessage(DossierStatus.REFUSED, [`Lý do: ${input.reason}`]),
});

export const stop: ActionHandler<'stop'> = async (ctx, input) => ({
  ...(await ending(ctx, input.reason, input.fileIds, false)),
  notify: statusChangedMessage(DossierStatus.STOPPED, [`Lý do: ${input.reason}`, 'Hồ sơ giấy và phí, lệ phí (nếu có) được trả lại theo quy định.']),
});

export const withdraw: ActionHandler<'withdraw'> = async (ctx, input) => ending(ctx, input.reason, input.fileIds, false);

/** Văn bản xin lỗi và hẹn lại ngày trả kết quả. */
export const apologiseExtend: ActionHandler<'apologise_extend'> = async (ctx, input) => {
  const { row, state, now } = ctx;
  if (!row.dueAt) throw new AppError('ACTION_NOT_ALLOWED', { message: 'Hồ sơ chưa có hạn giải quyết' });
  if (state.extendedAt) throw new AppError('EXTENSION_ALREADY_USED');
  const lastDay = lastApologyDate(row.rules, row.dueAt);
  if (toLocalDate(now) > lastDay) {
    throw new AppError('EXTENSION_TOO_LATE', {
      message: `Văn bản xin lỗi và hẹn lại phải gửi chậm nhất ngày ${formatDate(lastDay)} (01 ngày trước ngày hết hạn ${formatDate(toLocalDate(row.dueAt))})`,
    });
  }
  const calendar = await ctx.calendar();
  const field = (message: string) => new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.newDueDate', message }] } });
  if (!calendar.isWorkingDay(input.newDueDate)) throw field('Ngày hẹn trả mới phải là ngày làm việc');
  const newDue = endOfWorkingDay(calendar, input.newDueDate);
  if (newDue <= row.dueAt) throw field('Ngày hẹn trả mới phải sau hạn giải quyết hiện tại');
  return {
    payload: { dueAt: newDue.toISOString(), previousDueAt: row.dueAt.toISOString(), newDueDate: input.newDueDate, reason: input.reason },
    comment: input.reason,
    documents: await prepareAttachments(ctx.tx, ctx.actor, input.fileIds, 'notice'),
    notify: {
      template: 'dossier.apology',
      subject: 'Thư xin lỗi và hẹn lại ngày trả kết quả',
      body: [
        `Cơ quan giải quyết xin lỗi ông/bà vì hồ sơ chưa giải quyết được đúng hạn (${formatDateTime(row.dueAt)}).`,
        `Lý do: ${input.reason}`,
        `Ngày hẹn trả kết quả mới: ${formatDateTime(newDue)}.`,
      ].join('\n'),
    },
  };
};

/** Sweep marks, re-checked under the row lock: a dossier extended or finished meanwhile is left alone. */
export const markDueSoon: ActionHandler<'mark_due_soon'> = async (ctx) => {
  const { row, now } = ctx;
  if (!row.dueAt || row.dueAt <= now || row.deadlineAlert !== null) throw new AppError('CONFLICT');
  return { payload: { dueAt: row.dueAt.toISOString() }, notify: null };
};

export const markOverdue: ActionHandler<'mark_overdue'> = async (ctx) => {
  const { row, now } = ctx;
  if (row.status === DossierStatus.PENDING_ACCEPTANCE) {
    if (!row.acceptDueAt || row.acceptDueAt > now || row.deadlineAlert !== null) throw new AppError('CONFLICT');
    return { payload: { acceptDueAt: row.acceptDueAt.toISOString() }, notify: null };
  }
  if (!row.dueAt || row.dueAt > now || row.deadlineAlert === 'overdue') throw new AppError('CONFLICT');
  return { payload: { dueAt: row.dueAt.toISOString() }, notify: null };
};
