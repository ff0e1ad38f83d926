import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { files } from '../../db/schema';
import type { StoredFile } from './store-file';

export async function findFile(executor: Executor, id: string): Promise<StoredFile | undefined> {
  const [row] = await executor.select().from(files).where(eq(files.id, id));
  return row;
}

/**
 * The uploads an actor attaches to a dossier: each must exist and have been uploaded by that actor. One missing
 * or foreign id fails the whole request (VALIDATION_FAILED naming it), so nothing is attached half-way.
 */
export async function claimOwnFiles(executor: Executor, actor: Actor, ids: readonly string[], path = 'body.fileIds'): Promise<Map<string, StoredFile>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = actor.userId
    ? await executor.select().from(files).where(and(inArray(files.id, unique), eq(files.uploadedById, actor.userId)))
    : [];
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'Có tệp đính kèm không tồn tại hoặc không do bạn tải lên',
      details: { fields: missing.map((id) => ({ path, message: `Không tìm thấy tệp ${id}` })) },
    });
  }
  return found;
}
