import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { destroyUserSessions } from '../../auth/session';
import { recordAudit } from '../../audit/record-audit';
import { AuditAction } from '../../../shared/audit-actions';
import { findUserRow, getUserFor, type UserRow } from './users.queries';

/**
 * Vô hiệu hóa tài khoản: the account can no longer sign in, its open sessions end at once, and its API tokens stop
 * resolving (they check the account's status). Disabling a disabled account changes nothing, so a retry is harmless.
 */
export async function disableUser(tx: Tx, actor: Actor, id: string, reason?: string): Promise<UserRow> {
  const row = await getUserFor(tx, actor, 'disable', id, { forUpdate: true });
  if (row.status === 'disabled') return row;
  await tx.update(users).set({ status: 'disabled', updatedAt: new Date() }).where(eq(users.id, row.id));
  await destroyUserSessions(tx, row.id);
  await recordAudit(tx, actor, { action: AuditAction.USER_DISABLED, subjectType: 'user', subjectId: row.id, summary: { reason: reason || null } });
  return (await findUserRow(tx, row.id))!;
}

/** Kích hoạt lại tài khoản, clearing any login lock-out. */
export async function enableUser(tx: Tx, actor: Actor, id: string): Promise<UserRow> {
  const row = await getUserFor(tx, actor, 'enable', id, { forUpdate: true });
  if (row.status === 'active') return row;
  await tx
    .update(users)
    .set({ status: 'active', failedLoginCount: 0, lockedUntil: null, updatedAt: new Date() })
    .where(eq(users.id, row.id));
  await recordAudit(tx, actor, { action: AuditAction.USER_ENABLED, subjectType: 'user', subjectId: row.id });
  return (await findUserRow(tx, row.id))!;
}
