import { and, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../server/db/client';
import { agencies, users } from '../server/db/schema';
import { systemActor } from '../server/auth/actor';
import { hashPassword } from '../server/auth/password';
import { recordAudit } from '../server/audit/record-audit';
import { AuditAction } from '../shared/audit-actions';
import { Role } from '../shared/permissions';
import { Password, RequiredText } from '../shared/schemas/common';

export const CreateAdminInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, 'Tên đăng nhập gồm 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang'),
  name: RequiredText(120, 'Họ và tên'),
  password: Password,
  /** Agency key; default: the only top-level agency (UBND tỉnh). */
  agency: z.string().trim().min(1).optional(),
});
export type CreateAdminInput = z.infer<typeof CreateAdminInput>;

export class CliError extends Error {}

/**
 * Tạo tài khoản quản trị from the command line: the way in to a fresh installation (no one can sign in yet, so no
 * actor; the audit row names the command line).
 */
export async function createAdmin(database: Database, input: CreateAdminInput): Promise<{ id: string; agencyName: string }> {
  const actor = systemActor('Dòng lệnh motcua');
  return database.db.transaction(async (tx) => {
    const candidates = await tx
      .select({ id: agencies.id, key: agencies.key, name: agencies.name })
      .from(agencies)
      .where(input.agency ? sql`lower(${agencies.key}) = ${input.agency.toLowerCase()}` : and(isNull(agencies.parentId), isNull(agencies.validTo)));
    if (candidates.length === 0) {
      throw new CliError(
        input.agency
          ? `Không tìm thấy cơ quan có mã ${input.agency} / no agency with key ${input.agency}`
          : 'Chưa có cơ quan nào: nạp dữ liệu (motcua seed demo) hoặc tạo cơ quan trước / no agency yet',
      );
    }
    if (candidates.length > 1) {
      throw new CliError(`Có nhiều cơ quan cấp cao nhất, hãy chọn bằng --agency: ${candidates.map((c) => c.key).join(', ')}`);
    }
    const agency = candidates[0]!;
    const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${input.username}`);
    if (taken) throw new CliError(`Tên đăng nhập ${input.username} đã được sử dụng / username taken`);
    const [created] = await tx
      .insert(users)
      .values({ kind: 'staff', fullName: input.name, username: input.username, passwordHash: await hashPassword(input.password), roles: [Role.ADMINISTRATOR], agencyId: agency.id })
      .returning({ id: users.id });
    await recordAudit(tx, actor, {
      action: AuditAction.USER_CREATED,
      subjectType: 'user',
      subjectId: created!.id,
      summary: { username: input.username, roles: [Role.ADMINISTRATOR], agencyKey: agency.key, via: 'cli' },
    });
    return { id: created!.id, agencyName: agency.name };
  });
}
