import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { apiTokens } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { AuditAction } from '../../../shared/audit-actions';
import { findApiToken, getApiTokenFor, type ApiTokenRow } from './api-tokens.queries';

/** Thu hồi mã truy cập: effective on the next request. Revoking a revoked token changes nothing (retry-safe). */
export async function revokeApiToken(tx: Tx, actor: Actor, id: string): Promise<ApiTokenRow> {
  await tx.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.id, id)).for('update');
  const token = await getApiTokenFor(tx, actor, 'revoke', id);
  if (token.revokedAt) return token;
  await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
  await recordAudit(tx, actor, {
    action: AuditAction.API_TOKEN_REVOKED,
    subjectType: 'api_token',
    subjectId: id,
    summary: { name: token.name, prefix: token.prefix, userId: token.userId },
  });
  return (await findApiToken(tx, id))!;
}
