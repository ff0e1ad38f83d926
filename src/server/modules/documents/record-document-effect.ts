/**
 * Records a change of a legal document's effect (expired in whole or in part, suspended, back in force) from a
 * date. Events are append-only; recording the same status on the same date again changes nothing.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { agencies, registryDocumentEffects, registryDocumentReviews } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { DocumentEffectInput, DocumentReviewInput } from '../../../shared/schemas/documents';
import { findDocument } from './documents.queries';

export async function recordDocumentEffect(tx: Tx, actor: Actor, documentId: string, input: DocumentEffectInput): Promise<{ created: boolean }> {
  const document = authorize(actor, 'record_effect', 'reform_document', await findDocument(tx, documentId));
  if (!document.isLegal) throw new AppError('DOCUMENT_EFFECT_INVALID', { message: 'Chỉ văn bản quy phạm pháp luật mới có tình trạng hiệu lực' });
  if (input.effectiveOn < document.issuedOn) {
    throw new AppError('DOCUMENT_EFFECT_INVALID', { details: { fields: [{ path: 'body.effectiveOn', message: 'Ngày áp dụng không được trước ngày ban hành văn bản' }] } });
  }
  if (input.basisDocumentId) {
    const basis = await findDocument(tx, input.basisDocumentId);
    if (!basis || basis.id === documentId) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.basisDocumentId', message: 'Văn bản làm căn cứ không có trong sổ văn bản' }] } });
  }
  const [existing] = await tx
    .select({ id: registryDocumentEffects.id })
    .from(registryDocumentEffects)
    .where(and(eq(registryDocumentEffects.documentId, documentId), eq(registryDocumentEffects.effectiveOn, input.effectiveOn), eq(registryDocumentEffects.status, input.status)));
  if (existing) return { created: false };
  const [created] = await tx
    .insert(registryDocumentEffects)
    .values({
      documentId,
      status: input.status,
      effectiveOn: input.effectiveOn,
      basisDocumentId: input.basisDocumentId ?? null,
      basisText: input.basisText || null,
      note: input.note || null,
      createdById: actor.userId,
    })
    .returning({ id: registryDocumentEffects.id });
  await recordAudit(tx, actor, {
    action: AuditAction.REFORM_DOCUMENT_EFFECT_RECORDED,
    subjectType: 'reform_document',
    subjectId: documentId,
    summary: { effectId: created!.id, status: input.status, effectiveOn: input.effectiveOn },
  });
  return { created: true };
}

/** Records that a document was checked, reviewed or systematised (kiểm tra, tự kiểm tra, rà soát, hệ thống hóa). */
export async function recordDocumentReview(tx: Tx, actor: Actor, input: DocumentReviewInput): Promise<string> {
  authorize(actor, 'record_review', 'reform_document', {});
  if (input.documentId && !(await findDocument(tx, input.documentId))) {
    throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.documentId', message: 'Văn bản không có trong sổ văn bản' }] } });
  }
  if (input.basisDocumentId && !(await findDocument(tx, input.basisDocumentId))) {
    throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.basisDocumentId', message: 'Kế hoạch, quyết định làm căn cứ không có trong sổ văn bản' }] } });
  }
  if (input.reviewerAgencyId) {
    const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.reviewerAgencyId));
    if (!agency) throw new AppError('REFORM_AGENCY_INVALID');
  }
  const [created] = await tx
    .insert(registryDocumentReviews)
    .values({
      documentId: input.documentId ?? null,
      subjectText: input.subjectText || null,
      kind: input.kind,
      reviewedOn: input.reviewedOn,
      reviewerAgencyId: input.reviewerAgencyId ?? null,
      result: input.result,
      basisDocumentId: input.basisDocumentId ?? null,
      note: input.note || null,
      createdById: actor.userId,
    })
    .returning({ id: registryDocumentReviews.id });
  await recordAudit(tx, actor, {
    action: AuditAction.REFORM_DOCUMENT_REVIEW_RECORDED,
    subjectType: 'reform_document_review',
    subjectId: created!.id,
    summary: { documentId: input.documentId ?? null, kind: input.kind, result: input.result, reviewedOn: input.reviewedOn },
  });
  return created!.id;
}
