import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { files, petitionAttachments } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { claimOwnFiles } from '../files/files.queries';

export type PetitionAttachmentKind = 'petition' | 'answer';

/** Attaches the actor's own uploads (same storage and limits as dossier documents); a foreign id fails the request. */
export async function attachPetitionFiles(tx: Executor, actor: Actor, petitionId: string, fileIds: readonly string[], kind: PetitionAttachmentKind) {
  if (fileIds.length === 0) return;
  const claimed = await claimOwnFiles(tx, actor, fileIds);
  await tx
    .insert(petitionAttachments)
    .values([...claimed.keys()].map((fileId) => ({ petitionId, fileId, kind, addedById: actor.userId })))
    .onConflictDoNothing();
}

export function listPetitionAttachments(executor: Executor, petitionId: string) {
  return executor
    .select({ fileId: files.id, fileName: files.fileName, size: files.size, mimeType: files.mimeType, sha256: files.sha256, kind: petitionAttachments.kind, addedAt: petitionAttachments.createdAt })
    .from(petitionAttachments)
    .innerJoin(files, eq(files.id, petitionAttachments.fileId))
    .where(eq(petitionAttachments.petitionId, petitionId))
    .orderBy(asc(petitionAttachments.createdAt));
}

export async function findPetitionAttachment(executor: Executor, petitionId: string, fileId: string) {
  const [row] = await executor
    .select({ sha256: files.sha256, size: files.size, mimeType: files.mimeType, fileName: files.fileName })
    .from(petitionAttachments)
    .innerJoin(files, eq(files.id, petitionAttachments.fileId))
    .where(and(eq(petitionAttachments.petitionId, petitionId), eq(petitionAttachments.fileId, fileId)));
  return row;
}
