/** Answering, publishing, taking down and declining FAQ entries, following the table in shared/schemas/faq.ts. */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { faqEntries } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize, can } from '../../policies';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import { FAQ_ACTIONS, faqWorkflow, type FaqAction, type FaqAnswerInput, type FaqDeclineInput, type FaqStatus } from '../../../shared/schemas/faq';
import { enqueueNotification } from '../notifications/enqueue-notification';
import { faqSubject, findFaq, type FaqRecord } from './faq.queries';

type Entry = NonNullable<FaqRecord>;
interface FaqChange {
  set?: Partial<typeof faqEntries.$inferInsert>;
  audit?: Record<string, unknown>;
  /** Overrides the table's target status. */
  to?: FaqStatus;
}

const auditOf: Record<FaqAction, string> = {
  answer: AuditAction.FAQ_ANSWERED,
  update: AuditAction.FAQ_UPDATED,
  publish: AuditAction.FAQ_PUBLISHED,
  unpublish: AuditAction.FAQ_UNPUBLISHED,
  decline: AuditAction.FAQ_DECLINED,
};

export function faqAbilities(actor: Actor, entry: Entry): Record<FaqAction, boolean> {
  const subject = faqSubject(entry);
  return Object.fromEntries(
    FAQ_ACTIONS.map((a) => [a, faqWorkflow[subject.status][a] !== undefined && can(actor, a, 'faq', subject)]),
  ) as Record<FaqAction, boolean>;
}

export async function runFaqAction(tx: Tx, actor: Actor, id: string, action: FaqAction, apply: (entry: Entry) => FaqChange | Promise<FaqChange>) {
  const entry = await findFaq(tx, id, { lock: true });
  const subject = authorize(actor, action, 'faq', entry ? faqSubject(entry) : undefined);
  const next = faqWorkflow[subject.status][action];
  if (next === undefined) {
    const abilities = faqAbilities(actor, entry!);
    throw new AppError('ACTION_NOT_ALLOWED', { details: { status: subject.status, allowedActions: FAQ_ACTIONS.filter((a) => abilities[a]) } });
  }
  const change = await apply(entry!);
  const to = change.to ?? next ?? subject.status;
  await tx
    .update(faqEntries)
    .set({ ...change.set, status: to, updatedAt: new Date() })
    .where(eq(faqEntries.id, id));
  await recordAudit(tx, actor, { action: auditOf[action], subjectType: 'faq', subjectId: id, summary: { from: subject.status, to, ...change.audit } });
  return entry!;
}

/** Answers a question (or rewrites an answer); publishes at once when asked to, and tells the asker. */
export function answerFaq(tx: Tx, actor: Actor, id: string, input: FaqAnswerInput) {
  return runFaqAction(tx, actor, id, 'answer', async (e) => {
    const now = new Date();
    const publish = input.publish || e.entry.status === 'published';
    if (e.entry.status === 'asked' && e.entry.askerEmail) {
      await enqueueNotification(tx, {
        channel: 'email',
        recipient: e.entry.askerEmail,
        userId: e.entry.askedByUserId,
        subject: 'Câu hỏi của bạn đã được trả lời',
        body: `Câu hỏi: ${e.entry.question}\n\nTrả lời: ${input.answer}`,
        template: 'faq.answered',
        relatedType: 'faq',
        relatedId: id,
      });
    }
    return {
      ...(publish && { to: 'published' as const }),
      set: { answer: input.answer, answeredAt: now, answeredById: actor.userId, ...(publish && !e.entry.publishedAt && { publishedAt: now }) },
      audit: { published: publish },
    };
  });
}

export function publishFaq(tx: Tx, actor: Actor, id: string) {
  return runFaqAction(tx, actor, id, 'publish', () => ({ set: { publishedAt: new Date() } }));
}

export function unpublishFaq(tx: Tx, actor: Actor, id: string) {
  return runFaqAction(tx, actor, id, 'unpublish', () => ({ set: { publishedAt: null } }));
}

export function declineFaq(tx: Tx, actor: Actor, id: string, input: FaqDeclineInput) {
  return runFaqAction(tx, actor, id, 'decline', () => ({ set: { declineReason: input.reason } }));
}
