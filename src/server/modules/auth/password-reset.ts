import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { passwordResets, users } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import { hashPassword, verifyPassword } from '../../auth/password';
import { randomToken, sha256 } from '../../auth/tokens';
import { destroyUserSessions } from '../../auth/session';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { enqueueNotification } from '../notifications/enqueue-notification';

const RESET_TTL_MINUTES = 30;

/**
 * Sends a reset link through the outbox (email, else SMS). Answers the same whether or not the account exists,
 * so the form cannot be used to discover accounts.
 */
export async function requestPasswordReset(tx: Tx, actor: Actor, identifier: string, publicUrl: string): Promise<void> {
  const id = identifier.trim().toLowerCase();
  const [user] = await tx
    .select()
    .from(users)
    .where(or(sql`lower(${users.username}) = ${id}`, eq(users.idNumber, id), sql`lower(${users.email}) = ${id}`))
    .limit(1);
  if (!user || user.status !== 'active' || (!user.email && !user.phone)) return;
  const token = randomToken();
  await tx.insert(passwordResets).values({
    tokenHash: sha256(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000),
  });
  const link = `${publicUrl}/dat-lai-mat-khau?token=${token}`;
  await enqueueNotification(tx, {
    channel: user.email ? 'email' : 'sms',
    recipient: (user.email ?? user.phone)!,
    userId: user.id,
    subject: 'Đặt lại mật khẩu MotCua',
    body: `Kính gửi ${user.fullName},\nĐể đặt lại mật khẩu, vui lòng mở liên kết sau trong ${RESET_TTL_MINUTES} phút: ${link}\nNếu không phải bạn yêu cầu, vui lòng bỏ qua thư này.`,
    template: 'password_reset',
    relatedType: 'user',
    relatedId: user.id,
  });
  await recordAudit(tx, actor, { action: AuditAction.USER_PASSWORD_RESET_REQUESTED, subjectType: 'user', subjectId: user.id });
}

export async function resetPassword(tx: Tx, actor: Actor, token: string, newPassword: string): Promise<void> {
  const [reset] = await tx
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, sha256(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
    .for('update');
  if (!reset) throw new AppError('RESET_TOKEN_INVALID');
  await tx.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.tokenHash, reset.tokenHash));
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date(), failedLoginCount: 0, lockedUntil: null, updatedAt: new Date() })
    .where(eq(users.id, reset.userId));
  await destroyUserSessions(tx, reset.userId);
  await recordAudit(tx, { ...actor, userId: reset.userId }, { action: AuditAction.USER_PASSWORD_RESET, subjectType: 'user', subjectId: reset.userId });
}

export async function changePassword(tx: Tx, actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
  const [user] = await tx.select().from(users).where(eq(users.id, actor.userId!));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS', { message: 'Mật khẩu hiện tại không đúng' });
  }
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date(), updatedAt: new Date() })
    .where(eq(users.id, user.id));
  await recordAudit(tx, actor, { action: AuditAction.USER_PASSWORD_CHANGED, subjectType: 'user', subjectId: user.id });
}
