/** Creates or rewrites a draft publication decision (quyết định công bố TTHC); applying it is a separate step. */
import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { publicationDecisionItems, publicationDecisions } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize, can } from '../../policies';
import type { CatalogPublisherSubject, PublicationDecisionSubject } from '../../policies/catalog.policy';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { DecisionInput } from '../../../shared/schemas/catalog';
import { findDecision } from './publication-decisions.queries';
import { findAgency } from './procedure-versions';

function itemRows(decisionId: string, input: DecisionInput) {
  return input.items.map((item, i) => ({
    decisionId,
    position: i + 1,
    action: item.action,
    procedureCode: item.procedureCode,
    content: item.content ? { ...item.content, ...(item.newProcedureCode ? { code: item.newProcedureCode } : {}) } : null,
  }));
}

function decisionValues(input: DecisionInput) {
  return {
    number: input.number,
    title: input.title,
    signedOn: input.signedOn,
    signerName: input.signerName,
    signerTitle: input.signerTitle,
    effectiveFrom: input.effectiveFrom,
    legalDocumentNumber: input.legalDocumentNumber ?? null,
    legalDocumentTitle: input.legalDocumentTitle ?? null,
    legalDocumentEffectiveFrom: input.legalDocumentEffectiveFrom ?? null,
  };
}

async function assertNumberFree(tx: Tx, publishingAgencyId: string, number: string, exceptId?: string) {
  const conditions = [eq(publicationDecisions.publishingAgencyId, publishingAgencyId), eq(publicationDecisions.number, number)];
  if (exceptId) conditions.push(ne(publicationDecisions.id, exceptId));
  const [taken] = await tx.select({ id: publicationDecisions.id }).from(publicationDecisions).where(and(...conditions));
  if (taken) throw new AppError('DECISION_NUMBER_TAKEN', { details: { number } });
}

export async function createPublicationDecision(tx: Tx, actor: Actor, input: DecisionInput): Promise<string> {
  const publishingAgencyId = input.publishingAgencyId ?? actor.agencyId;
  const agency = publishingAgencyId ? await findAgency(tx, publishingAgencyId) : undefined;
  if (!agency) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.publishingAgencyId', message: 'Không tìm thấy cơ quan công bố' }] } });
  authorize<CatalogPublisherSubject>(actor, 'create_decision', 'catalog', { publishingAgencyPath: agency.path });
  return insertPublicationDecision(tx, actor, agency.id, input);
}

/** Inserts a draft decision for an agency, without authorization (callers authorize; the demo seeder is the system). */
export async function insertPublicationDecision(tx: Tx, actor: Actor, publishingAgencyId: string, input: DecisionInput): Promise<string> {
  await assertNumberFree(tx, publishingAgencyId, input.number);
  const [row] = await tx
    .insert(publicationDecisions)
    .values({ publishingAgencyId, ...decisionValues(input), createdById: actor.userId })
    .returning({ id: publicationDecisions.id });
  await tx.insert(publicationDecisionItems).values(itemRows(row!.id, input));
  await recordAudit(tx, actor, {
    action: AuditAction.CATALOG_DECISION_CREATED,
    subjectType: 'publication_decision',
    subjectId: row!.id,
    summary: { number: input.number, signedOn: input.signedOn, effectiveFrom: input.effectiveFrom, items: input.items.length },
  });
  return row!.id;
}

/** Loads a decision for a change; only drafts change, and only by managers of its publishing agency. */
export async function loadDraftForChange(tx: Tx, actor: Actor, id: string, action: 'update' | 'delete' | 'apply') {
  const decision = await findDecision(tx, id);
  const subject: PublicationDecisionSubject | undefined = decision && { id: decision.id, status: decision.status, publishingAgencyPath: decision.publishingAgencyPath };
  if (decision && subject && decision.status === 'applied') {
    // An applied decision is public, so the answer is 403 (not 404) for those who may not manage it.
    if (!can(actor, action, 'publication_decision', { ...subject, status: 'draft' })) throw new AppError('FORBIDDEN');
    // Applying again is a harmless retry; editing or deleting is refused.
    if (action === 'apply') return decision;
    throw new AppError('DECISION_ALREADY_APPLIED');
  }
  authorize(actor, action, 'publication_decision', subject);
  return decision!;
}

export async function updatePublicationDecision(tx: Tx, actor: Actor, id: string, input: DecisionInput): Promise<void> {
  const decision = await loadDraftForChange(tx, actor, id, 'update');
  if (input.publishingAgencyId && input.publishingAgencyId !== decision.publishingAgencyId) {
    throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.publishingAgencyId', message: 'Không đổi được cơ quan công bố của quyết định' }] } });
  }
  await assertNumberFree(tx, decision.publishingAgencyId, input.number, id);
  await tx.update(publicationDecisions).set({ ...decisionValues(input), updatedAt: new Date() }).where(eq(publicationDecisions.id, id));
  await tx.delete(publicationDecisionItems).where(eq(publicationDecisionItems.decisionId, id));
  await tx.insert(publicationDecisionItems).values(itemRows(id, input));
  await recordAudit(tx, actor, {
    action: AuditAction.CATALOG_DECISION_UPDATED,
    subjectType: 'publication_decision',
    subjectId: id,
    summary: { number: input.number, items: input.items.map((i) => `${i.action}:${i.procedureCode}`) },
  });
}

export async function deletePublicationDecision(tx: Tx, actor: Actor, id: string): Promise<void> {
  const decision = await loadDraftForChange(tx, actor, id, 'delete');
  await tx.delete(publicationDecisions).where(eq(publicationDecisions.id, id));
  await recordAudit(tx, actor, { action: AuditAction.CATALOG_DECISION_DELETED, subjectType: 'publication_decision', subjectId: id, summary: { number: decision.number } });
}
