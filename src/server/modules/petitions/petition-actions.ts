/**
 * The workflow actions on a petition, one function each. Each runs inside `runPetitionAction` (authorization,
 * workflow table, retry key, action log, audit) and returns what changes.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { agencies, users } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { getFeedbackSettings } from '../ratings/feedback-settings';
import { loadWorkCalendar } from '../calendar/calendar.queries';
import { AppError } from '../../../shared/errors';
import { Permission, permissionsOf } from '../../../shared/permissions';
import { formatDate } from '../../../shared/text';
import { isSatisfied } from '../../../shared/schemas/ratings';
import type {
  AnswerPetitionInput,
  AssignPetitionInput,
  ClassifyPetitionInput,
  ForwardPetitionInput,
  PetitionConsentInput,
  PublishPetitionInput,
  RatePetitionAnswerInput,
  RejectPetitionInput,
  UnpublishPetitionInput,
  WithdrawPetitionInput,
} from '../../../shared/schemas/petitions';
import { PetitionStatus, computePetitionDeadlines, isPastDueDay, type PetitionAction } from '../../../shared/workflow/petition-workflow';
import { isPetitionTrackingToken, petitionTrackingToken, petitionTrackingUrl, type PetitionContext } from './petition-context';
import { runPetitionAction, type PetitionChange } from './petition-transition';
import { findActiveAgency, findPetition, findPetitionByCode, type LoadedPetition } from './petitions.queries';
import { notifyPetitioner } from './create-petition';
import { redactPersonalData } from './redact-personal-data';
import { attachPetitionFiles } from './petition-attachments';

/** A petition addressed by id (signed-in users) or by code and tracking token (petitioners without an account). */
export type PetitionRef = { id: string } | { code: string; token: string };

const fieldError = (code: string, path: string, message: string) => new AppError(code, { details: { fields: [{ path, message }] } });

function loaderOf(tx: Tx, ctx: PetitionContext, ref: PetitionRef) {
  if ('id' in ref) return { load: () => findPetition(tx, ref.id, { lock: true }), viaTrackingToken: false };
  return {
    viaTrackingToken: true,
    load: async () => {
      const found = await findPetitionByCode(tx, ref.code, { lock: true });
      if (!found || !isPetitionTrackingToken(ctx.trackingSecret, found.row.id, ref.token)) throw new AppError('PETITION_TRACKING_INVALID');
      return found;
    },
  };
}

function act(
  tx: Tx,
  actor: Actor,
  ctx: PetitionContext,
  ref: PetitionRef,
  action: PetitionAction,
  actionId: string | undefined,
  apply: (p: LoadedPetition) => PetitionChange | Promise<PetitionChange>,
) {
  const { load, viaTrackingToken } = loaderOf(tx, ctx, ref);
  return runPetitionAction(tx, actor, load, { action, actionId, viaTrackingToken }, apply);
}

/** Phân loại: the category (also used when registering a letter whose category is already known). */
export function classifyPetition(tx: Tx, actor: Actor, ctx: PetitionContext, ref: PetitionRef, input: ClassifyPetitionInput) {
  return act(tx, actor, ctx, ref, 'classify', input.actionId, (p) => ({
    set: { category: input.category },
    note: input.note ?? null,
    audit: { category: input.category, previous: p.row.category },
  }));
}

/** Giao xử lý: to an officer who handles petitions in the responsible agency's subtree. */
export function assignPetition(tx: Tx, actor: Actor, ctx: PetitionContext, ref: PetitionRef, input: AssignPetitionInput) {
  return act(tx, actor, ctx, ref, 'assign', input.actionId, async (p) => {
    const [assignee] = await tx
      .select({ id: users.id, kind: users.kind, status: users.status, roles: users.roles, agencyPath: agencies.path })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(and(eq(users.id, input.assigneeId)));
    const valid =
      assignee?.kind === 'staff' &&
      assignee.status === 'active' &&
      permissionsOf(assignee.roles).has(Permission.PETITION_HANDLE) &&
      assignee.agencyPath.startsWith(p.agencyPath);
    if (!valid) throw fieldError('PETITION_ASSIGNEE_INVALID', 'body.assigneeId', 'Người được giao phải là cán bộ xử lý phản ánh, kiến nghị thuộc cơ quan đang xử lý');
    return { set: { assignedToId: input.assigneeId, assignedAt: new Date() }, note: input.note ?? null, audit: { assigneeId: input.assigneeId } };
  });
}

/**
 * Chuyển cơ quan có thẩm quyền (NĐ 20/2008: within 5 working days of receipt; a later forward is recorded as
 * late). Inside the system the other agency receives it and its deadlines restart from now.
 */
export function forwardPetition(tx: Tx, actor: Actor, ctx: PetitionContext, ref: PetitionRef, input: ForwardPetitionInput) {
  return act(tx, actor, ctx, ref, 'forward', input.actionId, async (p) => {
    const now = new Date();
    const late = isPastDueDay(await loadWorkCalendar(tx, p.row.agencyId), now, p.row.forwardDueOn);
    const common = { forwardedAt: now, forwardedLate: late, forwardCount: p.row.forwardCount + 1 };
    const facts = { fromAgencyId: p.row.agencyId, dueOn: p.row.forwardDueOn, late };
    const notify = (targetName: string) => () =>
      notifyPetitioner(tx, petitionerOf(p), p.row.id, {
        subject: `Phản ánh, kiến nghị ${p.row.code} đã được chuyển cơ quan có thẩm quyền`,
        body: `Phản ánh, kiến nghị ${p.row.code} đã được chuyển đến ${targetName} để xem xét, xử lý theo thẩm quyền.`,
        template: 'petition.forwarded',
      });
    if (input.toExternalAgency) {
      return {
        to: PetitionStatus.FORWARDED,
        set: { ...common, forwardedToExternal: input.toExternalAgency, closedAt: now },
        note: input.note,
        payload: { ...facts, toExternal: input.toExternalAgency },
        audit: { toExternal: input.toExternalAgency, late },
        after: notify(input.toExternalAgency),
      };
    }
    const target = await findActiveAgency(tx, input.toAgencyId!);
    if (!target || target.id === p.row.agencyId) {
      throw fieldError('PETITION_FORWARD_TARGET_INVALID', 'body.toAgencyId', 'Cơ quan nhận chuyển không hợp lệ hoặc là chính cơ quan đang xử lý');
    }
    const settings = await getFeedbackSettings(tx);
    const deadlines = computePetitionDeadlines(await loadWorkCalendar(tx, target.id), now, {
      forwardWorkingDays: settings.petitionForwardWorkingDays,
      answerWorkingDays: settings.petitionAnswerWorkingDays,
    });
    return {
      set: {
        ...common,
        ...deadlines,
        agencyId: target.id,
        agencyReceivedAt: now,
        forwardedFromAgencyId: p.row.agencyId,
        forwardedToExternal: null,
        assignedToId: null,
        assignedAt: null,
      },
      note: input.note,
      payload: { ...facts, toAgencyId: target.id },
      audit: { toAgencyId: target.id, late },
      after: notify(target.name),
    };
  });
}

/** Không đủ điều kiện xử lý, with the reason told to the petitioner. */
export function rejectPetition(tx: Tx, actor: Actor, ctx: PetitionContext, ref: PetitionRef, input: RejectPetitionInput) {
  return act(tx, actor, ctx, ref, 'reject', input.actionId, (p) => ({
    set: { rejectionReason: input.reason, closedAt: new Date() },
    note: input.reason,
    after: () =>
      notifyPetitioner(tx, petitionerOf(p), p.row.id, {
        subject: `Phản ánh, kiến nghị ${p.row.code} không đủ điều kiện xử lý`,
        body: `Phản ánh, kiến nghị ${p.row.code} không đủ điều kiện xử lý. Lý do: ${input.reason}`,
        template: 'petition.rejected',
      }),
  }));
}

/** Trả lời: answered late when the local day is after the answer deadline. */
export function answerPetition(tx: Tx, actor: Actor, ctx: PetitionContext, ref: PetitionRef, input: AnswerPetitionInput) {
  return act(tx, actor, ctx, ref, 'answer', input.actionId, async (p) => {
    const now = new Date();
    const late = isPastDueDay(await loadWorkCalendar(tx, p.row.agencyId), now, p.row.answerDueOn);
    await attachPetitionFiles(tx, actor, p.row.id, input.fileIds, 'answer');
    const link = p.row.petitionerUserId
      ? ''
      : `Xem và đánh giá kết quả tại: ${petitionTrackingUrl(ctx, p.row.code, petitionTrackingToken(ctx.trackingSecret, p.row.id))}`;
    return {
      set: { answer: input.answer, answeredAt: now, answeredById: actor.userId, answeredLate: late, closedAt: now },
      payload: { dueOn: p.row.answerDueOn, late },
      audit: { late, attachments: input.fileIds.length },
      after: () =>
        notifyPetitioner(tx, petitionerOf(p), p.row.id, {
          subject: `Kết quả trả lời phản ánh, kiến nghị ${p.row.code}`,
          body: `Phản ánh, kiến nghị ${p.row.code} đã được trả lời ngày ${formatDate(now)}.\n\n${input.answer}\n\n${link}`.trim(),
          template: 'petition.answered',
        }),
    };
  });
}

/** Công khai kết quả: only with the petitioner's consent, and never with their personal data. */
export function publishPetition(tx: Tx, actor: Actor, ctx: PetitionContext, ref: PetitionRef, input: PublishPetitionInput) {
  return act(tx, actor, ctx, ref, 'publish', input.actionId, (p) => {
    const person = {
      fullName: p.row.petitionerName,
      organisationName: p.row.petitionerOrganisation,
      idNumber: p.row.petitionerIdNumber,
      phone: p.row.petitionerPhone,
      email: p.row.petitionerEmail,
      address: p.row.petitionerAddress,
    };
    return {
      set: {
        publicTitle: redactPersonalData(input.publicTitle ?? p.row.title, person),
        publicQuestion: redactPersonalData(input.publicQuestion ?? p.row.content, person),
        publicAnswer: redactPersonalData(input.publicAnswer ?? p.row.answer ?? '', person),
        publishedAt: new Date(),
      },
    };
  });
}

const unpublished = { publicTitle: null, publicQuestion: null, publicAnswer: null, publishedAt: null };

export function unpublishPetition(tx: Tx, actor: Actor, ctx: PetitionContext, ref: PetitionRef, input: UnpublishPetitionInput) {
  return act(tx, actor, ctx, ref, 'unpublish', input.actionId, () => ({ set: unpublished, note: input.reason ?? null }));
}

export function withdrawPetition(tx: Tx, actor: Actor, ctx: PetitionContext, ref: PetitionRef, input: WithdrawPetitionInput) {
  return act(tx, actor, ctx, ref, 'withdraw', input.actionId, () => ({ set: { closedAt: new Date() }, note: input.reason ?? null }));
}

/** The petitioner agrees to publication or takes the agreement back (which takes a published answer down). */
export function setPetitionPublishConsent(tx: Tx, actor: Actor, ctx: PetitionContext, ref: PetitionRef, input: PetitionConsentInput) {
  return act(tx, actor, ctx, ref, 'set_publish_consent', input.actionId, (p) => {
    const takeDown = !input.publishConsent && p.row.status === PetitionStatus.PUBLISHED;
    return {
      ...(takeDown && { to: PetitionStatus.ANSWERED }),
      set: { publishConsent: input.publishConsent, ...(takeDown && unpublished) },
      audit: { publishConsent: input.publishConsent, takenDown: takeDown },
    };
  });
}

/** The petitioner rates the answer on the configured scale; changeable for the configured number of days. */
export function ratePetitionAnswer(tx: Tx, actor: Actor, ctx: PetitionContext, ref: PetitionRef, input: RatePetitionAnswerInput) {
  return act(tx, actor, ctx, ref, 'rate_answer', input.actionId, async (p) => {
    const settings = await getFeedbackSettings(tx);
    const scale = (p.row.answerRatingScale as 3 | 5 | null) ?? settings.ratingScale;
    if (input.level > scale) throw fieldError('VALIDATION_FAILED', 'body.level', `Mức đánh giá từ 1 đến ${scale}`);
    const now = new Date();
    if (p.row.answerRatedAt && now.getTime() > p.row.answerRatedAt.getTime() + settings.ratingChangeDays * 86_400_000) {
      throw new AppError('RATING_LOCKED');
    }
    const satisfied = isSatisfied(input.level, scale);
    return {
      set: {
        answerRatingScale: scale,
        answerRatingLevel: input.level,
        answerRatingSatisfied: satisfied,
        answerRatingComment: input.comment ?? null,
        answerRatedAt: p.row.answerRatedAt ?? now,
      },
      payload: { scale, level: input.level, satisfied },
      audit: { scale, level: input.level, changed: !!p.row.answerRatedAt },
    };
  });
}

function petitionerOf(p: LoadedPetition) {
  return { userId: p.row.petitionerUserId, email: p.row.petitionerEmail, phone: p.row.petitionerPhone };
}
