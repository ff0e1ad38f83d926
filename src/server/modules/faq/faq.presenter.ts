import type { Executor } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { faqStatusLabels, type FaqEntry, type FaqStatus, type PublicFaq } from '../../../shared/schemas/faq';
import { findProcedureRef } from '../petitions/petitions.queries';
import { faqAbilities } from './faq-actions';
import type { FaqRecord } from './faq.queries';

type Entry = NonNullable<FaqRecord>;

const links = async (executor: Executor, r: Entry) => ({
  procedure: await findProcedureRef(executor, r.entry.procedureId),
  field: r.entry.fieldId ? { id: r.entry.fieldId, name: r.fieldName ?? '' } : null,
  agency: r.entry.agencyId ? { id: r.entry.agencyId, name: r.agencyName ?? '' } : null,
});

/** The portal's view: question, answer and links; nothing about who asked. */
export async function presentPublicFaq(executor: Executor, r: Entry): Promise<PublicFaq> {
  return { id: r.entry.id, question: r.entry.question, answer: r.entry.answer ?? '', ...(await links(executor, r)), publishedAt: r.entry.publishedAt!.toISOString() };
}

export async function presentFaqEntry(executor: Executor, actor: Actor, r: Entry): Promise<FaqEntry> {
  const e = r.entry;
  return {
    id: e.id,
    status: e.status as FaqStatus,
    statusLabel: faqStatusLabels[e.status as FaqStatus],
    question: e.question,
    answer: e.answer,
    ...(await links(executor, r)),
    asker: e.askedAt ? { name: e.askerName, email: e.askerEmail, hasAccount: !!e.askedByUserId } : null,
    askedAt: e.askedAt?.toISOString() ?? null,
    answeredAt: e.answeredAt?.toISOString() ?? null,
    publishedAt: e.publishedAt?.toISOString() ?? null,
    declineReason: e.declineReason,
    abilities: faqAbilities(actor, r),
  };
}
