/**
 * Actions around intake and supplements: accepting an online dossier, asking for a supplement (everything missing
 * at once, within the window, once per stage), receiving it (the count restarts, or resumes under `pause`), and
 * closing a dossier whose supplement never came.
 */
import { toLocalDate } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import { formatDate, formatDateTime } from '../../../shared/text';
import {
  acceptanceDeadlines,
  receiptStep,
  scheduleAfterSupplement,
  scheduleAtReceipt,
  supplementClosureAt,
  supplementWindowEnd,
} from '../../../shared/workflow/dossier-deadlines';
import { DossierStatus } from '../../../shared/workflow/dossier-workflow';
import { isoOrNull, type ActionHandler } from './action-context';
import { prepareAttachments, prepareProvidedDocuments } from './dossier-documents';
import { dueLine, statusChangedMessage } from './dossier-notifications';
import { finishCompetentPeriod, insertStepPlan, moveStep, replanSteps, startCompetentPeriod, updateCompetentDue } from './dossier-progress';

/** Tiếp nhận hồ sơ trực tuyến: the receipt instant is now, and the count starts. */
export const accept: ActionHandler<'accept'> = async (ctx, input) => {
  const { row, now } = ctx;
  const schedule = scheduleAtReceipt(await ctx.calendar(), row.procedure, now);
  const firstStep = receiptStep(row.procedure.steps);
  return {
    payload: {
      receivedAt: now.toISOString(),
      processingStartedAt: schedule.processingStartedAt.toISOString(),
      dueAt: schedule.dueAt.toISOString(),
      toStep: firstStep,
      stepDueAt: isoOrNull(schedule.steps.find((s) => s.position === firstStep)?.plannedDueAt),
      departmentId: row.currentDepartmentId,
      assigneeId: null,
    },
    comment: input.comment ?? null,
    documents: await prepareAttachments(ctx.tx, ctx.actor, input.fileIds, 'attachment'),
    extra: { receivedById: ctx.actor.userId },
    after: async () => {
      await insertStepPlan(ctx.tx, row.id, schedule.steps, now, firstStep);
      await startCompetentPeriod(ctx.tx, row.id, row.competentAgencyId, schedule.processingStartedAt, schedule.dueAt);
    },
    notify: statusChangedMessage(DossierStatus.RECEIVED, [dueLine('Thời điểm tiếp nhận', now), dueLine('Hẹn trả kết quả', schedule.dueAt)]),
  };
};

/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export const requestSupplement: ActionHandler<'request_supplement'> = async (ctx, input) => {
  const { row, state, now } = ctx;
  const rules = row.rules;
  const stage = state.status === DossierStatus.PENDING_ACCEPTANCE || state.status === DossierStatus.RECEIVED ? 'intake' : 'appraisal';
  if (state.supplementRequests[stage] >= rules.maxSupplementRequestsPerStage) {
    throw new AppError('SUPPLEMENT_LIMIT_REACHED', {
      message:
        stage === 'intake'
          ? 'Bộ phận Một cửa đã yêu cầu bổ sung hồ sơ này; chỉ được yêu cầu bổ sung một lần (NĐ 118 Điều 11)'
          : 'Cơ quan giải quyết đã yêu cầu bổ sung hồ sơ này trong thẩm định; chỉ được yêu cầu một lần',
    });
  }
  if (stage === 'appraisal' && row.processingStartedAt) {
    const lastDay = supplementWindowEnd(await ctx.calendar(), rules, row.processingStartedAt);
    if (lastDay && toLocalDate(now) > lastDay) {
      throw new AppError('SUPPLEMENT_WINDOW_PASSED', {
        message: `Đã quá thời hạn yêu cầu bổ sung hồ sơ (${rules.supplementWindowWorkingDays} ngày làm việc kể từ ngày tiếp nhận, hết ngày ${formatDate(lastDay)})`,
        details: { lastDay },
      });
    }
  }
  const closesAt = supplementClosureAt(rules, now);
  const list = input.items.map((item, i) => `${i + 1}. ${item.name}: ${item.reason}`);
  return {
    payload: { stage, items: input.items, closesAt: isoOrNull(closesAt) },
    comment: input.comment ?? list.join('\n'),
    documents: await prepareAttachments(ctx.tx, ctx.actor, input.fileIds, 'notice'),
    notify: {
      template: 'dossier.supplement_requested',
      subject: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
      body: [
        'Hồ sơ cần bổ sung, hoàn thiện các nội dung sau:',
        ...list,
        input.comment ?? '',
        closesAt ? `Nếu không bổ sung trước ${formatDateTime(closesAt)}, hồ sơ sẽ bị đóng.` : '',
        'Thời hạn giải quyết được tính lại từ đầu khi nhận đủ hồ sơ.',
      ]
        .filter(Boolean)
        .join('\n'),
    },
  };
};

/** The applicant (online) or the desk (on paper) provides the supplement. */
export const provideSupplement: ActionHandler<'provide_supplement'> = async (ctx, input) => {
  const { tx, row, state, now } = ctx;
  const documents = [
    ...(await prepareProvidedDocuments(tx, ctx.actor, row.procedure, input.documents, { kind: 'supplement', applicantUserId: row.applicantUserId })),
    ...(await prepareAttachments(tx, ctx.actor, input.fileIds, 'supplement')),
  ];
  const calendar = await ctx.calendar();
  if (!row.receivedAt) {
    // Before acceptance the clock has not started: the desk's own deadlines start again.
    const deadlines = acceptanceDeadlines(calendar, row.rules, now);
    return {
      payload: { acceptAlertAt: deadlines.acceptAlertAt.toISOString(), acceptDueAt: deadlines.acceptDueAt.toISOString() },
      comment: input.comment ?? null,
      documents,
      notify: statusChangedMessage(state.resumeStatus!, ['Đã nhận hồ sơ bổ sung.', dueLine('Bộ phận Một cửa phản hồi chậm nhất', deadlines.acceptDueAt)]),
    };
  }
  const suspensions = state.suspensions.map((s) => ({ from: new Date(s.from), to: s.to ? new Date(s.to) : now }));
  const schedule = scheduleAfterSupplement(calendar, row.procedure, row.rules, row.receivedAt, suspensions, now, state.currentStep);
  const stepDue = schedule.steps.find((p) => p.position === state.currentStep)?.plannedDueAt ?? null;
  return {
    payload: {
      processingStartedAt: schedule.processingStartedAt.toISOString(),
      dueAt: schedule.dueAt.toISOString(),
      stepDueAt: isoOrNull(stepDue),
      rule: row.rules.supplementRule,
    },
    comment: input.comment ?? null,
    documents,
    after: async () => {
      await replanSteps(tx, row.id, schedule.steps);
      await updateCompetentDue(tx, row.id, schedule.dueAt);
    },
    notify: statusChangedMessage(state.resumeStatus!, [
      'Đã nhận đủ hồ sơ bổ sung.',
      row.rules.supplementRule === 'restart' ? 'Thời hạn giải quyết được tính lại từ đầu.' : 'Thời hạn giải quyết được tính tiếp.',
      dueLine('Hẹn trả kết quả mới', schedule.dueAt),
    ]),
  };
};

/** Đóng hồ sơ: the supplement did not come in time (NĐ 118 Điều 19.5). */
export const closeNoSupplement: ActionHandler<'close_no_supplement'> = async (ctx, input) => {
  const { tx, row, state, now } = ctx;
  const closesAt = state.supplementRequestedAt ? supplementClosureAt(row.rules, new Date(state.supplementRequestedAt)) : null;
  if (closesAt && now < closesAt) {
    throw new AppError('SUPPLEMENT_NOT_DUE_FOR_CLOSURE', { message: `Chưa hết thời hạn bổ sung hồ sơ (đến ${formatDateTime(closesAt)})` });
  }
  return {
    payload: {},
    comment: input.comment ?? 'Quá thời hạn bổ sung, hoàn thiện hồ sơ',
    documents: await prepareAttachments(tx, ctx.actor, input.fileIds, 'notice'),
    after: async () => {
      await moveStep(tx, row.id, state.currentStep, null, now);
      await finishCompetentPeriod(tx, row.id, now, null);
    },
  };
};
