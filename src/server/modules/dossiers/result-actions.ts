/**
 * The result: approval (phê duyệt), signature (ký) and issuing with a number (văn thư vào số, phát hành) are three
 * recorded actions; then the result is returned at the desk, by post, or acknowledged online by the applicant.
 */
import { AppError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/text';
import { outcomeAt } from '../../../shared/workflow/dossier-deadlines';
import { DossierStatus } from '../../../shared/workflow/dossier-workflow';
import type { ActionHandler } from './action-context';
import { prepareAttachments } from './dossier-documents';
import { dueLine, statusChangedMessage } from './dossier-notifications';
import { finishCompetentPeriod, moveStep } from './dossier-progress';

const DELIVERY_TEXT = {
  at_desk: 'Mời ông/bà đến Bộ phận Một cửa để nhận kết quả.',
  online: 'Kết quả điện tử đã sẵn sàng trong tài khoản của ông/bà.',
  post: 'Kết quả sẽ được gửi qua dịch vụ bưu chính.',
} as const;

export const approve: ActionHandler<'approve'> = async (ctx, input) => ({
  payload: {},
  comment: input.comment ?? null,
  documents: await prepareAttachments(ctx.tx, ctx.actor, input.fileIds, 'attachment'),
});

/** After signing, the dossier goes to the clerk's step when the internal process has one. */
export const sign: ActionHandler<'sign'> = async (ctx, input) => {
  const { tx, row, state, now } = ctx;
  const steps = row.procedure.steps;
  const clerk = steps.find((s) => s.role === 'clerk' && s.position > (state.currentStep ?? -1));
  const move = clerk ? { toStep: clerk.position, departmentId: clerk.departmentId, assigneeId: null } : {};
  return {
    payload: move,
    comment: input.comment ?? null,
    documents: await prepareAttachments(tx, ctx.actor, input.fileIds, 'attachment'),
    after: async () => {
      if (clerk) await moveStep(tx, row.id, state.currentStep, clerk.position, now);
    },
  };
};

/** Vào số, phát hành: the dossier is resolved now; its outcome is counted against the due date the rules name. */
export const issue: ActionHandler<'issue'> = async (ctx, input) => {
  const { tx, row, state, now } = ctx;
  const outcome = outcomeAt(row.rules, now, row.dueAt, row.originalDueAt);
  return {
    payload: { documentNumber: input.documentNumber, outcome },
    comment: input.comment ?? null,
    documents: await prepareAttachments(tx, ctx.actor, input.fileIds, 'result', { name: input.resultName ?? row.procedure.result, documentNumber: input.documentNumber }),
    extra: { deliveryState: 'ready' },
    after: async () => {
      await moveStep(tx, row.id, state.currentStep, null, now);
      await finishCompetentPeriod(tx, row.id, now, outcome);
    },
    notify: statusChangedMessage(DossierStatus.RESULT_READY, [
      `Kết quả: ${input.resultName ?? row.procedure.result}, số ${input.documentNumber}.`,
      DELIVERY_TEXT[row.deliveryMethod as keyof typeof DELIVERY_TEXT] ?? '',
    ]),
  };
};

export const returnResult: ActionHandler<'return_result'> = async (ctx, input) => ({
  payload: { method: input.method, receiverName: input.receiverName ?? null, postalTrackingNumber: input.postalTrackingNumber ?? null },
  comment: input.comment ?? null,
  documents: await prepareAttachments(ctx.tx, ctx.actor, input.fileIds, 'attachment'),
  extra: { deliveryState: 'delivered' },
  notify: statusChangedMessage(DossierStatus.RETURNED, [
    input.method === 'post' && input.postalTrackingNumber ? `Kết quả đã gửi qua bưu chính, mã vận đơn ${input.postalTrackingNumber}.` : '',
    dueLine('Thời điểm trả', ctx.now),
  ]),
});

/** The applicant confirms receiving the electronic result (delivery online only). */
export const acknowledgeResult: ActionHandler<'acknowledge_result'> = async (ctx, input) => {
  if (ctx.row.deliveryMethod !== 'online') throw new AppError('RESULT_NOT_ONLINE');
  return {
    payload: { method: 'online' },
    comment: input.comment ?? null,
    extra: { deliveryState: 'delivered' },
    notify: statusChangedMessage(DossierStatus.RETURNED, [`Đã nhận kết quả lúc ${formatDateTime(ctx.now)}.`]),
  };
};
