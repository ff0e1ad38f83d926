/** A citizen asks a question; an officer writes an entry directly or edits one. */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { faqEntries, users } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize, inAgencyScope } from '../../policies';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { FaqAskInput, FaqCreateInput, FaqUpdateInput } from '../../../shared/schemas/faq';
import { findActiveAgency } from '../petitions/petitions.queries';
import { resolveFaqLinks } from './faq-links';
import { runFaqAction } from './faq-actions';

export async function askFaqQuestion(tx: Tx, actor: Actor, input: FaqAskInput): Promise<string> {
  const links = await resolveFaqLinks(tx, input);
  const [account] = actor.userId ? await tx.select({ fullName: users.fullName, email: users.email }).from(users).where(eq(users.id, actor.userId)) : [];
  const now = new Date();
  const [row] = await tx
    .insert(faqEntries)
    .values({
      status: 'asked',
      question: input.question,
      ...links,
      askedByUserId: actor.userId,
      askerName: input.askerName ?? account?.fullName ?? null,
      askerEmail: input.askerEmail ?? account?.email ?? null,
      askedAt: now,
    })
    .returning({ id: faqEntries.id });
  await recordAudit(tx, actor, { action: AuditAction.FAQ_ASKED, subjectType: 'faq', subjectId: row!.id, summary: { ...links } });
  return row!.id;
}

/** An officer's own entry, answered at once (and published when asked to). */
export async function createFaqEntry(tx: Tx, actor: Actor, input: FaqCreateInput): Promise<string> {
  authorize(actor, 'create', 'faq', {});
  const agencyId = input.agencyId ?? actor.agencyId;
  const agency = agencyId ? await findActiveAgency(tx, agencyId) : undefined;
  if (!agency || !inAgencyScope(actor, agency.path)) throw new AppError('FORBIDDEN');
  const links = await resolveFaqLinks(tx, { ...input, agencyId: agency.id });
  const now = new Date();
  const [row] = await tx
    .insert(faqEntries)
    .values({
      status: input.publish ? 'published' : 'answered',
      question: input.question,
      answer: input.answer,
      ...links,
      createdById: actor.userId,
      answeredById: actor.userId,
      answeredAt: now,
      publishedAt: input.publish ? now : null,
    })
    .returning({ id: faqEntries.id });
  await recordAudit(tx, actor, { action: AuditAction.FAQ_CREATED, subjectType: 'faq', subjectId: row!.id, summary: { ...links, published: input.publish } });
  return row!.id;
}

/** Edits the wording or the links; a published entry stays published with the new text. */
export async function updateFaqEntry(tx: Tx, actor: Actor, id: string, input: FaqUpdateInput): Promise<void> {
  await runFaqAction(tx, actor, id, 'update', async (entry) => {
    if (input.agencyId) {
      const agency = await findActiveAgency(tx, input.agencyId);
      if (agency && !inAgencyScope(actor, agency.path)) throw new AppError('FORBIDDEN');
    }
    const links = await resolveFaqLinks(tx, input);
    const changes = {
      ...(input.question !== undefined && { question: input.question }),
      ...(input.answer !== undefined && entry.entry.status !== 'asked' && { answer: input.answer }),
      ...links,
    };
    return { set: changes, audit: { changed: Object.keys(changes) } };
  });
}
