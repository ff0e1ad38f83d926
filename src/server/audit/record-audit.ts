import type { Executor } from '../db/client';
import { auditLog } from '../db/schema';
import type { Actor } from '../auth/actor';
import type { AuditAction } from '../../shared/audit-actions';

export interface AuditEntry {
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  /** What changed; never passwords, tokens or unmasked ID numbers. */
  summary?: Record<string, unknown>;
}

/** Writes one audit row in the caller's transaction, so the change and its audit commit or roll back together. */
export async function recordAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.userId,
    actorKind: actor.kind,
    actorLabel: actor.fullName,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    summary: entry.summary ?? null,
    ip: actor.ip,
    requestId: actor.requestId,
  });
}
