import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies, departments, users } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { Permission } from '../../../shared/permissions';
import type { UserListQuery } from '../../../shared/schemas/users';
import { AppError } from '../../../shared/errors';
import { authorize } from '../../policies';
import { isProvinceWide, type UserSubject } from '../../policies/users.policy';

const userColumns = {
  id: users.id,
  kind: users.kind,
  fullName: users.fullName,
  username: users.username,
  idNumber: users.idNumber,
  phone: users.phone,
  email: users.email,
  address: users.address,
  dateOfBirth: users.dateOfBirth,
  organisationName: users.organisationName,
  taxCode: users.taxCode,
  roles: users.roles,
  status: users.status,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  agencyId: users.agencyId,
  agencyName: agencies.name,
  agencyShortName: agencies.shortName,
  agencyPath: agencies.path,
  departmentId: users.departmentId,
  departmentName: departments.name,
};

export interface UserRow {
  id: string;
  kind: string;
  fullName: string;
  username: string | null;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  dateOfBirth: string | null;
  organisationName: string | null;
  taxCode: string | null;
  roles: string[];
  status: string;
  createdAt: Date;
  updatedAt: Date;
  agencyId: string | null;
  agencyName: string | null;
  agencyShortName: string | null;
  agencyPath: string | null;
  departmentId: string | null;
  departmentName: string | null;
}

export function userSubject(row: Pick<UserRow, 'id' | 'kind' | 'agencyPath'>): UserSubject {
  return { id: row.id, kind: row.kind, agencyPath: row.agencyPath };
}

/** One account with its agency and department; `forUpdate` locks the user row for a change. */
export async function findUserRow(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<UserRow | undefined> {
  const query = db
    .select(userColumns)
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, id));
  const rows = options.forUpdate ? await query.for('update', { of: users }) : await query;
  return rows[0];
}

/** An email address is used by at most one account (case-insensitive). */
export async function isEmailTaken(db: Executor, email: string, exceptUserId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, exceptUserId ? sql`${users.id} <> ${exceptUserId}` : undefined))
    .limit(1);
  return rows.length > 0;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Agency paths are made of UUIDs and slashes, so they hold no LIKE wildcards.

/** Which accounts the actor may list: staff of their agency subtree; citizens only with a reason to see them. */
function visibleTo(actor: Actor): SQL {
  const staff = actor.agencyPath
    ? sql`(${users.kind} = 'staff' AND ${agencies.path} LIKE ${actor.agencyPath + '%'})`
    : sql`false`;
  const seesCitizens =
    actor.permissions.has(Permission.PERSONAL_DATA_READ) || (actor.permissions.has(Permission.USERS_MANAGE) && isProvinceWide(actor));
  return seesCitizens ? sql`(${staff} OR ${users.kind} = 'citizen')` : staff;
}

const foldedName = sql`f_unaccent(lower(${users.fullName}))`;

/** Danh sách tài khoản: search ignores diacritics (trigram index on f_unaccent(lower(full_name))). */
export async function listUsers(db: Executor, actor: Actor, query: UserListQuery): Promise<{ rows: UserRow[]; total: number }> {
  const q = query.q?.trim();
  const conditions: (SQL | undefined)[] = [
    visibleTo(actor),
    query.kind ? eq(users.kind, query.kind) : undefined,
    query.status ? eq(users.status, query.status) : undefined,
    query.role ? sql`${users.roles} @> ARRAY[${query.role}]::text[]` : undefined,
    query.agencyId
      ? sql`${agencies.path} LIKE (SELECT a.path || '%' FROM agencies a WHERE a.id = ${query.agencyId})`
      : undefined,
  ];
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    conditions.push(sql`(
      ${foldedName} LIKE f_unaccent(lower(${pattern}))
      OR lower(${users.username}) = lower(${q})
      OR lower(${users.email}) = lower(${q})
      OR ${users.idNumber} = ${q}
    )`);
  }
  const where = and(...conditions);
  const order = q
    ? [desc(sql`similarity(${foldedName}, f_unaccent(lower(${q})))`), asc(foldedName), asc(users.id)]
    : [asc(foldedName), asc(users.id)];
  const rows = await db
    .select(userColumns)
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(where)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [counted] = await db.select({ total: count() }).from(users).leftJoin(agencies, eq(agencies.id, users.agencyId)).where(where);
  return { rows, total: Number(counted?.total ?? 0) };
}

/** The account when the actor may do `action` on it; NOT_FOUND (may not even read it) or FORBIDDEN otherwise. */
export async function getUserFor(db: Executor, actor: Actor, action: string, id: string, options: { forUpdate?: boolean } = {}): Promise<UserRow> {
  const row = await findUserRow(db, id, options);
  if (!row) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy tài khoản' });
  authorize(actor, action, 'user', userSubject(row));
  return row;
}
