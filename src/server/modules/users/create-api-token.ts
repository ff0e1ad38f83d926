import type { Tx } from '../../db/client';
import { apiTokens } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { API_TOKEN_PREFIX } from '../../auth/session';
import { randomToken, sha256 } from '../../auth/tokens';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { ApiTokenCreateInput } from '../../../shared/schemas/users';
import { findApiToken, type ApiTokenRow } from './api-tokens.queries';
import { getUserFor } from './users.queries';

/** Characters of the token kept in clear, so an administrator can tell tokens apart ("mc_" + 8). */
const VISIBLE_PREFIX_LENGTH = 11;

/**
 * Cấp mã truy cập API for an integration: the token acts as a staff or integration account of the administrator's
 * subtree. The secret is returned once; only its sha256 and first characters are stored.
 */
export async function createApiToken(tx: Tx, actor: Actor, input: ApiTokenCreateInput): Promise<{ token: ApiTokenRow; secret: string }> {
  const user = await getUserFor(tx, actor, 'issue_token', input.userId);
  if (user.status !== 'active') {
    throw new AppError('ACTION_NOT_ALLOWED', { message: 'Không thể cấp mã truy cập cho tài khoản đã bị vô hiệu hóa' });
  }
  const secret = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  const prefix = secret.slice(0, VISIBLE_PREFIX_LENGTH);
  const [created] = await tx
    .insert(apiTokens)
    .values({
      name: input.name,
      tokenHash: sha256(secret),
      prefix,
      userId: user.id,
      createdById: actor.userId,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    })
    .returning({ id: apiTokens.id });
  await recordAudit(tx, actor, {
    action: AuditAction.API_TOKEN_CREATED,
    subjectType: 'api_token',
    subjectId: created!.id,
    summary: { name: input.name, prefix, userId: user.id, expiresAt: input.expiresAt ?? null },
  });
  return { token: (await findApiToken(tx, created!.id))!, secret };
}
