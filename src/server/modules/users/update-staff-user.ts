import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AuditAction } from '../../../shared/audit-actions';
import type { StaffUpdateInput } from '../../../shared/schemas/users';
import { assertEmailFree, checkDepartment, getAssignableAgency, translateUniqueViolation } from './account-checks';
import { changedFields } from './changed-fields';
import { findUserRow, getUserFor, userSubject, type UserRow } from './users.queries';

/**
 * Sửa tài khoản cán bộ: name, contact, agency (a move within the administrator's subtree), department and roles,
 * within the administrator's agency subtree. Roles are
 * limited to STAFF_ROLES by the input schema; changing them is a separate ability (nobody changes their own) and a
 * separate audit row, so privilege changes can be listed on their own.
 */
export async function updateStaffUser(tx: Tx, actor: Actor, id: string, input: StaffUpdateInput): Promise<UserRow> {
  const row = await getUserFor(tx, actor, 'update', id, { forUpdate: true });
  const moving = input.agencyId !== undefined && input.agencyId !== row.agencyId;
  const next = {
    fullName: input.fullName,
    email: input.email,
    phone: input.phone,
    agencyId: input.agencyId,
    // A department belongs to one agency: moving the officer leaves it unless a department of the new one is given.
    departmentId: moving ? (input.departmentId ?? null) : input.departmentId,
    roles: input.roles,
  };
  const fields = changedFields(row, next);
  if (fields.length === 0) return row;
  if (fields.includes('roles')) authorize(actor, 'set_roles', 'user', userSubject(row));
  if (moving) {
    // The agency sets the officer's scope, a privilege like the roles: nobody moves their own account.
    authorize(actor, 'set_roles', 'user', userSubject(row));
    await getAssignableAgency(tx, actor, input.agencyId!);
  }
  if (moving || fields.includes('departmentId')) await checkDepartment(tx, next.agencyId ?? row.agencyId!, next.departmentId);
  if (fields.includes('email')) await assertEmailFree(tx, next.email, row.id);

  const changes = Object.fromEntries(fields.map((f) => [f, next[f as keyof typeof next]]));
  await translateUniqueViolation(() => tx.update(users).set({ ...changes, updatedAt: new Date() }).where(eq(users.id, row.id)));
  const otherFields = fields.filter((f) => f !== 'roles');
  if (otherFields.length > 0) {
    await recordAudit(tx, actor, {
      action: AuditAction.USER_UPDATED,
      subjectType: 'user',
      subjectId: row.id,
      summary: {
        fields: otherFields,
        ...(moving ? { agencyFrom: row.agencyId, agencyTo: next.agencyId } : {}),
        ...(fields.includes('departmentId') ? { departmentFrom: row.departmentId, departmentTo: next.departmentId } : {}),
      },
    });
  }
  if (fields.includes('roles')) {
    await recordAudit(tx, actor, {
      action: AuditAction.USER_ROLES_CHANGED,
      subjectType: 'user',
      subjectId: row.id,
      summary: { from: row.roles, to: next.roles },
    });
  }
  return (await findUserRow(tx, row.id))!;
}
