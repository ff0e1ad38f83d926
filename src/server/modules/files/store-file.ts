import { AuditAction } from '../../../shared/audit-actions';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import type { Executor } from '../../db/client';
import { files } from '../../db/schema';
import { acceptedTypesText, cleanFileName, detectFileType } from './file-types';
import type { FileStorage } from './file-storage';

export interface StoreFileInput {
  content: AsyncIterable<Uint8Array> | Uint8Array;
  fileName: string | undefined;
  maxBytes: number;
  /** True when the upload was cut at the size limit (multipart streams). */
  isTruncated?: () => boolean;
}

export type StoredFile = typeof files.$inferSelect;

/**
 * Stores an upload: the bytes first (durably, content-addressed), then the row that refers to them, in the
 * caller's transaction with its audit entry. A rejected type leaves the content unreferenced (swept later).
 */
export async function storeFile(tx: Executor, actor: Actor, storage: FileStorage, input: StoreFileInput): Promise<StoredFile> {
  const fileName = cleanFileName(input.fileName);
  const stored = await storage.put(input.content, { maxBytes: input.maxBytes, ...(input.isTruncated ? { isTruncated: input.isTruncated } : {}) });
  if (stored.size === 0) throw new AppError('VALIDATION_FAILED', { message: 'Tệp tải lên không có nội dung' });
  const mimeType = detectFileType(stored.head, fileName);
  if (!mimeType) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: `Định dạng tệp "${fileName}" không được hỗ trợ. Chỉ nhận ${acceptedTypesText}.` });
  }
  const [row] = await tx
    .insert(files)
    .values({ sha256: stored.sha256, size: stored.size, mimeType, fileName, uploadedById: actor.userId })
    .returning();
  await recordAudit(tx, actor, {
    action: AuditAction.FILE_UPLOADED,
    subjectType: 'file',
    subjectId: row!.id,
    summary: { size: stored.size, mimeType, sha256: stored.sha256 },
  });
  return row!;
}
