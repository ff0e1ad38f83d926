import { eq, sql } from 'drizzle-orm';
import { AuditAction } from '../../../shared/audit-actions';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import type { Executor } from '../../db/client';
import { dossiers } from '../../db/schema';
import { authorize } from '../../policies';
import { lockDossier } from './dossier-records';
import { subjectOf } from './perform-action';
import { generateTrackingSecret, hashTrackingSecret } from './tracking-secret';

/** A new tracking secret (the old one stops working), e.g. to reprint a receipt. */
export async function reissueTrackingSecret(tx: Executor, actor: Actor, dossierId: string): Promise<string> {
  const row = await lockDossier(tx, dossierId);
  const subject = row ? await subjectOf(tx, row) : undefined;
  authorize(actor, 'reissue_tracking_secret', 'dossier', subject);
  const secret = generateTrackingSecret();
  await tx.update(dossiers).set({ trackingSecretHash: hashTrackingSecret(secret), updatedAt: sql`now()` }).where(eq(dossiers.id, dossierId));
  await recordAudit(tx, actor, { action: AuditAction.DOSSIER_TRACKING_SECRET_REISSUED, subjectType: 'dossier', subjectId: dossierId, summary: { code: row!.code } });
  return secret;
}
