/**
 * Adds or corrects a document in the registry. A legal document (VBQPPL) gets its `in_force` event from its
 * effective date; the registry's natural key (number and symbol, issuer, year) is unique.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { agencies, files, registryDocumentEffects, registryDocuments } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { DocumentCreateInput } from '../../../shared/schemas/documents';
import { findDocument, findDocumentByNumber, type RegistryDocument } from './documents.queries';

export type DocumentValues = typeof registryDocuments.$inferInsert;

/** Checks what Zod cannot (dates, linked agency and file) and returns the row values. */
export async function documentValues(executor: Executor, input: DocumentCreateInput): Promise<Omit<DocumentValues, 'createdById'>> {
  const effectiveFrom = input.isLegal ? (input.effectiveFrom ?? input.issuedOn) : null;
  if (effectiveFrom && effectiveFrom < input.issuedOn) throw new AppError('DOCUMENT_EFFECT_INVALID', { details: { fields: [{ path: 'body.effectiveFrom', message: 'Ngày có hiệu lực không được trước ngày ban hành' }] } });
  if (input.issuerAgencyId) {
    const [agency] = await executor.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.issuerAgencyId));
    if (!agency) throw new AppError('REFORM_AGENCY_INVALID', { details: { fields: [{ path: 'body.issuerAgencyId', message: 'Cơ quan ban hành không có trong hệ thống' }] } });
  }
  if (input.fileId) {
    const [file] = await executor.select({ id: files.id }).from(files).where(eq(files.id, input.fileId));
    if (!file) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.fileId', message: 'Tệp đính kèm không tồn tại' }] } });
  }
  return {
    numberSymbol: input.numberSymbol,
    docType: input.docType,
    issuerName: input.issuerName,
    issuerLevel: input.issuerLevel,
    issuerAgencyId: input.issuerAgencyId ?? null,
    issuedOn: input.issuedOn,
    signerName: input.signerName || null,
    signerTitle: input.signerTitle || null,
    subject: input.subject,
    areas: [...new Set(input.areas ?? [])],
    tags: [...new Set(input.tags ?? [])],
    isLegal: input.isLegal ?? false,
    effectiveFrom,
    fileId: input.fileId ?? null,
    note: input.note || null,
  };
}

async function ensureNumberFree(executor: Executor, input: DocumentCreateInput, exceptId?: string) {
  const clash = await findDocumentByNumber(executor, input.numberSymbol, input.issuerName, input.issuedOn);
  if (clash && clash.id !== exceptId) throw new AppError('DOCUMENT_NUMBER_TAKEN', { details: { existingId: clash.id } });
}

/** Inserts a document and, for a legal one, its first `in_force` event. No authorization: callers check. */
export async function insertDocument(tx: Tx, actor: Actor, values: Omit<DocumentValues, 'createdById'>): Promise<RegistryDocument> {
  const [created] = await tx.insert(registryDocuments).values({ ...values, createdById: actor.userId }).returning();
  if (created!.isLegal && created!.effectiveFrom) {
    await tx.insert(registryDocumentEffects).values({ documentId: created!.id, status: 'in_force', effectiveOn: created!.effectiveFrom, createdById: actor.userId });
  }
  return created!;
}

export async function createDocument(tx: Tx, actor: Actor, input: DocumentCreateInput): Promise<RegistryDocument> {
  authorize(actor, 'update', 'reform_document', {});
  await ensureNumberFree(tx, input);
  const created = await insertDocument(tx, actor, await documentValues(tx, input));
  await recordAudit(tx, actor, {
    action: AuditAction.REFORM_DOCUMENT_CREATED,
    subjectType: 'reform_document',
    subjectId: created.id,
    summary: { numberSymbol: created.numberSymbol, issuedOn: created.issuedOn, docType: created.docType },
  });
  return created;
}

/** Fields that differ between the stored row and new values (for the audit entry and the import's «unchanged»). */
export function changedDocumentFields(before: RegistryDocument, values: Omit<DocumentValues, 'createdById'>): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return (Object.keys(values) as (keyof typeof values)[]).filter((k) => !same(before[k as keyof RegistryDocument], values[k]));
}

/** Applies new values to a stored document; keeps the first `in_force` event on the effective date. */
export async function applyDocumentValues(tx: Tx, actor: Actor, before: RegistryDocument, values: Omit<DocumentValues, 'createdById'>): Promise<string[]> {
  const changed = changedDocumentFields(before, values);
  if (changed.length === 0) return changed;
  await tx.update(registryDocuments).set({ ...values, updatedAt: new Date() }).where(eq(registryDocuments.id, before.id));
  if (values.isLegal && values.effectiveFrom) {
    const [first] = await tx
      .select()
      .from(registryDocumentEffects)
      .where(eq(registryDocumentEffects.documentId, before.id))
      .orderBy(asc(registryDocumentEffects.effectiveOn))
      .limit(1);
    if (!first) {
      await tx.insert(registryDocumentEffects).values({ documentId: before.id, status: 'in_force', effectiveOn: values.effectiveFrom, createdById: actor.userId });
    } else if (first.status === 'in_force' && first.effectiveOn !== values.effectiveFrom) {
      await tx
        .update(registryDocumentEffects)
        .set({ effectiveOn: values.effectiveFrom })
        .where(and(eq(registryDocumentEffects.id, first.id), eq(registryDocumentEffects.status, 'in_force')));
    }
  }
  return changed;
}

export async function updateDocument(tx: Tx, actor: Actor, id: string, input: DocumentCreateInput): Promise<RegistryDocument> {
  const before = authorize(actor, 'update', 'reform_document', await findDocument(tx, id));
  await ensureNumberFree(tx, input, id);
  const changed = await applyDocumentValues(tx, actor, before, await documentValues(tx, input));
  if (changed.length > 0) {
    await recordAudit(tx, actor, { action: AuditAction.REFORM_DOCUMENT_UPDATED, subjectType: 'reform_document', subjectId: id, summary: { numberSymbol: input.numberSymbol, changed } });
  }
  return (await findDocument(tx, id))!;
}
