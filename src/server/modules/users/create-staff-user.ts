import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { hashPassword } from '../../auth/password';
import { recordAudit } from '../../audit/record-audit';
import { AuditAction } from '../../../shared/audit-actions';
import { roleLabels, type Role } from '../../../shared/permissions';
import type { StaffCreateInput } from '../../../shared/schemas/users';
import { enqueueNotification } from '../notifications/enqueue-notification';
import { assertEmailFree, checkDepartment, conflict, getAssignableAgency, invalidField, translateUniqueViolation } from './account-checks';
import { findUserRow, type UserRow } from './users.queries';

// No 0/O, 1/l/I: the password may be read out or typed from an SMS.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A 12-character initial password with letters and digits (what the Password schema requires). */
export function generateInitialPassword(): string {
  for (;;) {
    const candidate = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (/[A-Za-z]/.test(candidate) && /\d/.test(candidate)) return candidate;
  }
}

/**
 * Tạo tài khoản cán bộ, by an administrator, in an agency of their subtree. Without a password given, an initial
 * one is generated and sent to the officer through the outbox (email, else SMS), never returned to the caller.
 */
export async function createStaffUser(tx: Tx, actor: Actor, input: StaffCreateInput, publicUrl: string): Promise<UserRow> {
  const agency = await getAssignableAgency(tx, actor, input.agencyId);
  await checkDepartment(tx, agency.id, input.departmentId);
  const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${input.username}`);
  if (taken) throw conflict('USERNAME_TAKEN', 'body.username');
  await assertEmailFree(tx, input.email);
  if (!input.password && !input.email && !input.phone) {
    throw invalidField('body.password', 'Nhập mật khẩu ban đầu, hoặc thư điện tử / số điện thoại để hệ thống gửi mật khẩu');
  }
  const password = input.password ?? generateInitialPassword();
  const passwordHash = await hashPassword(password);
  const [created] = await translateUniqueViolation(() =>
    tx
      .insert(users)
      .values({
        kind: 'staff',
        fullName: input.fullName,
        username: input.username,
        email: input.email ?? null,
        phone: input.phone ?? null,
        agencyId: agency.id,
        departmentId: input.departmentId ?? null,
        roles: input.roles,
        passwordHash,
      })
      .returning({ id: users.id }),
  );
  const sentBy = input.password ? null : input.email ? 'email' : 'sms';
  if (sentBy) {
    const roles = input.roles.map((r) => roleLabels[r as Role]).join(', ');
    await enqueueNotification(tx, {
      channel: sentBy,
      recipient: (input.email ?? input.phone)!,
      userId: created!.id,
      subject: 'Tài khoản MotCua của anh/chị',
      body:
        `Kính gửi ${input.fullName},\nTài khoản cán bộ trên hệ thống MotCua đã được tạo (vai trò: ${roles}).\n` +
        `Tên đăng nhập: ${input.username}\nMật khẩu ban đầu: ${password}\n` +
        `Vui lòng đăng nhập tại ${publicUrl} và đổi mật khẩu ngay lần đầu sử dụng.`,
      template: 'staff_account_created',
      relatedType: 'user',
      relatedId: created!.id,
    });
  }
  await recordAudit(tx, actor, {
    action: AuditAction.USER_CREATED,
    subjectType: 'user',
    subjectId: created!.id,
    summary: { username: input.username, agencyId: agency.id, departmentId: input.departmentId ?? null, roles: input.roles, initialPasswordSentBy: sentBy },
  });
  return (await findUserRow(tx, created!.id))!;
}
