import { and, eq } from 'drizzle-orm';
import { AppError, errorMessages } from '../../../shared/errors';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { agencies, departments } from '../../db/schema';
import { can } from '../../policies';
import { isEmailTaken } from './users.queries';

const CONSTRAINT_ERRORS: Record<string, { code: 'USERNAME_TAKEN' | 'EMAIL_TAKEN' | 'ID_NUMBER_TAKEN'; path: string }> = {
  users_username_uq: { code: 'USERNAME_TAKEN', path: 'body.username' },
  users_email_uq: { code: 'EMAIL_TAKEN', path: 'body.email' },
  users_id_number_uq: { code: 'ID_NUMBER_TAKEN', path: 'body.idNumber' },
};

export function invalidField(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { details: { fields: [{ path, message }] } });
}

export function conflict(code: 'USERNAME_TAKEN' | 'EMAIL_TAKEN' | 'ID_NUMBER_TAKEN', path: string): AppError {
  return new AppError(code, { details: { fields: [{ path, message: errorMessages[code] }] } });
}

export async function assertEmailFree(db: Executor, email: string | null | undefined, exceptUserId?: string): Promise<void> {
  if (email && (await isEmailTaken(db, email, exceptUserId))) throw conflict('EMAIL_TAKEN', 'body.email');
}

/**
 * The checks above run before the write; two concurrent requests can still both pass them, and the unique index
 * then rejects the second. Translate that into the same 409 instead of a 500.
 */
export async function translateUniqueViolation<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; constraint?: string } }).cause ?? (error as { code?: string; constraint?: string });
    const known = cause?.code === '23505' && cause.constraint ? CONSTRAINT_ERRORS[cause.constraint] : undefined;
    if (known) throw conflict(known.code, known.path);
    throw error;
  }
}

/** A department given for an account must belong to the account's agency. */
export async function checkDepartment(db: Executor, agencyId: string, departmentId: string | null | undefined): Promise<void> {
  if (!departmentId) return;
  const [dept] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.agencyId, agencyId)));
  if (!dept) throw invalidField('body.departmentId', 'Phòng, ban không thuộc cơ quan của tài khoản');
}


/**
 * The agency a staff account is created in or moved to: it exists, is still operating, and lies in the
 * administrator's subtree (placing an account there is updating an account of that agency: the same scope rule).
 */
export async function getAssignableAgency(db: Executor, actor: Actor, agencyId: string): Promise<{ id: string; path: string }> {
  const [agency] = await db.select({ id: agencies.id, path: agencies.path, validTo: agencies.validTo }).from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw invalidField('body.agencyId', 'Không tìm thấy cơ quan');
  if (!can(actor, 'update', 'user', { id: '', kind: 'staff', agencyPath: agency.path })) {
    throw new AppError('FORBIDDEN', { message: 'Cơ quan nằm ngoài phạm vi quản lý của bạn' });
  }
  if (agency.validTo && agency.validTo < new Date().toISOString().slice(0, 10)) {
    throw invalidField('body.agencyId', 'Cơ quan đã ngừng hoạt động');
  }
  return { id: agency.id, path: agency.path };
}
