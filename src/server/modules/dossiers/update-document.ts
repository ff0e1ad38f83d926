import { and, eq, sql } from 'drizzle-orm';
import { AuditAction } from '../../../shared/audit-actions';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import type { Executor } from '../../db/client';
import { dossierDocuments } from '../../db/schema';
import { authorize } from '../../policies';
import { lockDossier } from './dossier-records';
import { subjectOf } from './perform-action';

/**
 * Marks a digitised document of a dossier as reusable (or not) in the applicant's next dossiers: staff confirm
 * the electronic copy is complete and faithful (NĐ 118 Điều 22.1). Only documents with a file can be reused.
 */
export async function setDocumentReusable(tx: Executor, actor: Actor, dossierId: string, documentId: string, reusable: boolean) {
  const row = await lockDossier(tx, dossierId);
  const subject = row ? await subjectOf(tx, row) : undefined;
  authorize(actor, 'update_documents', 'dossier', subject);
  const [doc] = await tx
    .select()
    .from(dossierDocuments)
    .where(and(eq(dossierDocuments.id, documentId), eq(dossierDocuments.dossierId, dossierId)));
  if (!doc) throw new AppError('NOT_FOUND');
  if (reusable && !doc.fileId) throw new AppError('VALIDATION_FAILED', { message: 'Giấy tờ chưa được số hóa (không có tệp điện tử), không thể tái sử dụng' });
  await tx.update(dossierDocuments).set({ reusable, updatedAt: sql`now()` }).where(eq(dossierDocuments.id, documentId));
  await recordAudit(tx, actor, {
    action: AuditAction.DOSSIER_DOCUMENT_UPDATED,
    subjectType: 'dossier',
    subjectId: dossierId,
    summary: { documentId, name: doc.name, reusable: { from: doc.reusable, to: reusable } },
  });
  return { ...doc, reusable };
}
