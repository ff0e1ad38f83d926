/**
 * Documents of a dossier: the checklist as provided at intake (paper originals and copies, scans or uploaded files,
 * reused digitised documents), supplements, notices and results. Every file must be the actor's own upload.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { DossierDocumentKind, ProcedureSnapshot, ProvidedDocumentInput } from '../../../shared/schemas/dossiers';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { dossierDocuments, dossiers } from '../../db/schema';
import { claimOwnFiles } from '../files/files.queries';

export interface DocumentDraft {
  kind: DossierDocumentKind;
  checklistIndex: number | null;
  name: string;
  originals: number;
  copies: number;
  fileId: string | null;
  reusedFromDocumentId: string | null;
  documentNumber: string | null;
}

interface Field {
  path: string;
  message: string;
}

/**
 * Turns provided documents into rows to insert: one row per file (paper counts on the first), or one paper-only
 * row. `applicantUserId` is whose digitised documents may be reused.
 */
export async function prepareProvidedDocuments(
  tx: Executor,
  actor: Actor,
  snapshot: ProcedureSnapshot,
  documents: readonly ProvidedDocumentInput[],
  options: { kind: DossierDocumentKind; applicantUserId: string | null; path?: string },
): Promise<DocumentDraft[]> {
  const path = options.path ?? 'body.documents';
  const problems: Field[] = [];
  documents.forEach((d, i) => {
    if (d.index !== undefined && !snapshot.documents[d.index]) problems.push({ path: `${path}.${i}.index`, message: `Thủ tục không có thành phần hồ sơ số ${d.index + 1}` });
    if (d.index === undefined && !d.name) problems.push({ path: `${path}.${i}.name`, message: 'Cần tên giấy tờ' });
    if (d.originals + d.copies === 0 && d.fileIds.length === 0 && !d.reuseDocumentId) {
      problems.push({ path: `${path}.${i}`, message: 'Cần số bản giấy đã nhận, tệp đính kèm hoặc giấy tờ đã số hóa' });
    }
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { details: { fields: problems } });

  const fileMap = await claimOwnFiles(tx, actor, documents.flatMap((d) => d.fileIds), `${path}.fileIds`);
  const reuseIds = documents.map((d) => d.reuseDocumentId).filter((id): id is string => !!id);
  const reusable = new Map<string, { fileId: string }>();
  if (reuseIds.length > 0) {
    const rows = options.applicantUserId
      ? await tx
          .select({ id: dossierDocuments.id, fileId: dossierDocuments.fileId })
          .from(dossierDocuments)
          .innerJoin(dossiers, eq(dossiers.id, dossierDocuments.dossierId))
          .where(
            and(
              inArray(dossierDocuments.id, reuseIds),
              eq(dossierDocuments.reusable, true),
              isNotNull(dossierDocuments.fileId),
              eq(dossiers.applicantUserId, options.applicantUserId),
            ),
          )
      : [];
    for (const r of rows) reusable.set(r.id, { fileId: r.fileId! });
    const missing = reuseIds.filter((id) => !reusable.has(id));
    if (missing.length > 0) {
      throw new AppError('VALIDATION_FAILED', {
        message: 'Có giấy tờ tái sử dụng không tồn tại hoặc không thuộc về người nộp',
        details: { fields: missing.map((id) => ({ path: `${path}.reuseDocumentId`, message: `Không dùng lại được giấy tờ ${id}` })) },
      });
    }
  }

  const drafts: DocumentDraft[] = [];
  for (const d of documents) {
    const name = d.index !== undefined ? snapshot.documents[d.index]!.name : d.name!;
    const base = { kind: options.kind, checklistIndex: d.index ?? null, name, reusedFromDocumentId: null, documentNumber: null };
    let paper = { originals: d.originals, copies: d.copies };
    const take = () => {
      const counts = paper;
      paper = { originals: 0, copies: 0 };
      return counts;
    };
    for (const fileId of d.fileIds) drafts.push({ ...base, ...take(), fileId: fileMap.get(fileId)!.id });
    if (d.reuseDocumentId) drafts.push({ ...base, ...take(), fileId: reusable.get(d.reuseDocumentId)!.fileId, reusedFromDocumentId: d.reuseDocumentId });
    if (paper.originals + paper.copies > 0) drafts.push({ ...base, ...take(), fileId: null });
  }
  return drafts;
}

/** Plain attachments of an action (notices, scans, results), the actor's own uploads. */
export async function prepareAttachments(
  tx: Executor,
  actor: Actor,
  fileIds: readonly string[],
  kind: DossierDocumentKind,
  extra: { name?: string | null; documentNumber?: string | null } = {},
): Promise<DocumentDraft[]> {
  const files = await claimOwnFiles(tx, actor, fileIds);
  return [...files.values()].map((f) => ({
    kind,
    checklistIndex: null,
    name: extra.name ?? f.fileName,
    originals: 0,
    copies: 0,
    fileId: f.id,
    reusedFromDocumentId: null,
    documentNumber: extra.documentNumber ?? null,
  }));
}

/**
 * The required-documents checklist (thành phần hồ sơ): every required line must be provided — on paper or as a
 * file at the desk, as a file (or a reused digitised document) online. All missing lines are listed at once.
 */
export function checkChecklist(snapshot: ProcedureSnapshot, drafts: readonly DocumentDraft[], channel: 'online' | 'desk'): void {
  const provided = new Set(
    drafts.filter((d) => d.checklistIndex !== null && (channel === 'desk' ? d.fileId !== null || d.originals + d.copies > 0 : d.fileId !== null)).map((d) => d.checklistIndex),
  );
  const missing = snapshot.documents.filter((d) => d.required && !provided.has(d.index));
  if (missing.length === 0) return;
  const how = channel === 'online' ? 'Cần tải lên tệp hoặc chọn giấy tờ đã số hóa cho' : 'Chưa nhận';
  throw new AppError('DOSSIER_DOCUMENTS_MISSING', {
    message: `Hồ sơ còn thiếu ${missing.length} thành phần bắt buộc: ${missing.map((d) => `(${d.index + 1}) ${d.name}`).join('; ')}`,
    details: { fields: missing.map((d) => ({ path: `body.documents`, message: `${how}: (${d.index + 1}) ${d.name}` })), missing: missing.map((d) => d.index) },
  });
}

export async function insertDocuments(tx: Executor, dossierId: string, drafts: readonly DocumentDraft[], createdById: string | null, actionId: string | null) {
  if (drafts.length === 0) return;
  await tx.insert(dossierDocuments).values(drafts.map((d) => ({ ...d, dossierId, createdById, actionId })));
}
