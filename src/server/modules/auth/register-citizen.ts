import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { users } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { RegisterInput } from '../../../shared/schemas/auth';
import { Role } from '../../../shared/permissions';
import { hashPassword } from '../../auth/password';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { maskIdNumber } from '../../../shared/text';

/** Đăng ký tài khoản công dân: one account per ID number and per email. */
export async function registerCitizen(tx: Tx, actor: Actor, input: RegisterInput): Promise<{ id: string }> {
  const [byId] = await tx.select({ id: users.id }).from(users).where(eq(users.idNumber, input.idNumber));
  if (byId) throw new AppError('ID_NUMBER_TAKEN', { details: { fields: [{ path: 'body.idNumber', message: 'Số định danh cá nhân đã được đăng ký' }] } });
  if (input.email) {
    const [byEmail] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
    if (byEmail) throw new AppError('EMAIL_TAKEN', { details: { fields: [{ path: 'body.email', message: 'Địa chỉ thư điện tử đã được sử dụng' }] } });
  }
  const [user] = await tx
    .insert(users)
    .values({
      kind: 'citizen',
      fullName: input.fullName,
      idNumber: input.idNumber,
      phone: input.phone,
      email: input.email ?? null,
      dateOfBirth: input.dateOfBirth ?? null,
      address: input.address ?? null,
      organisationName: input.organisationName ?? null,
      taxCode: input.taxCode ?? null,
      passwordHash: await hashPassword(input.password),
      roles: [Role.CITIZEN],
    })
    .returning({ id: users.id });
  await recordAudit(tx, { ...actor, userId: user!.id, fullName: input.fullName }, {
    action: AuditAction.USER_REGISTERED,
    subjectType: 'user',
    subjectId: user!.id,
    summary: { idNumber: maskIdNumber(input.idNumber), organisation: input.taxCode ? input.organisationName : undefined },
  });
  return user!;
}
