import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { AuditAction } from '../../../shared/audit-actions';
import type { OwnProfileUpdateInput } from '../../../shared/schemas/users';
import { enqueueNotification } from '../notifications/enqueue-notification';
import { assertEmailFree, invalidField, translateUniqueViolation } from './account-checks';
import { findUserRow, getUserFor, type UserRow } from './users.queries';
import { changedFields } from './changed-fields';

/**
 * Cập nhật thông tin cá nhân: contact details and, for citizens, the organisation they represent. When the email
 * changes, the old address is told, so a hijacked session cannot quietly take over password resets.
 */
export async function updateOwnProfile(tx: Tx, actor: Actor, input: OwnProfileUpdateInput): Promise<UserRow> {
  const row = await getUserFor(tx, actor, 'update_profile', actor.userId!, { forUpdate: true });
  if (row.kind !== 'citizen' && (input.organisationName || input.taxCode)) {
    throw invalidField('body.organisationName', 'Thông tin tổ chức chỉ dành cho tài khoản công dân, tổ chức');
  }
  const next = {
    phone: input.phone ?? row.phone,
    email: input.email === undefined ? row.email : input.email,
    address: input.address === undefined ? row.address : input.address || null,
    organisationName: input.organisationName === undefined ? row.organisationName : input.organisationName || null,
    taxCode: input.taxCode === undefined ? row.taxCode : input.taxCode,
  };
  if (next.taxCode && !next.organisationName) {
    throw invalidField('body.organisationName', 'Vui lòng nhập tên tổ chức đi kèm mã số thuế');
  }
  const fields = changedFields(row, next);
  if (fields.length === 0) return row;
  if (fields.includes('email')) await assertEmailFree(tx, next.email, row.id);
  await translateUniqueViolation(() => tx.update(users).set({ ...next, updatedAt: new Date() }).where(eq(users.id, row.id)));
  if (fields.includes('email') && row.email) {
    await enqueueNotification(tx, {
      channel: 'email',
      recipient: row.email,
      userId: row.id,
      subject: 'Địa chỉ thư điện tử tài khoản MotCua đã thay đổi',
      body: `Kính gửi ${row.fullName},\nĐịa chỉ thư điện tử của tài khoản MotCua đã được đổi sang địa chỉ khác. Nếu không phải bạn thực hiện, vui lòng liên hệ Bộ phận Một cửa ngay.`,
      template: 'email_changed',
      relatedType: 'user',
      relatedId: row.id,
    });
  }
  await recordAudit(tx, actor, { action: AuditAction.USER_UPDATED, subjectType: 'user', subjectId: row.id, summary: { fields, self: true } });
  return (await findUserRow(tx, row.id))!;
}
