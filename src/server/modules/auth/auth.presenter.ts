import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies, departments, users } from '../../db/schema';
import { permissionsOf } from '../../../shared/permissions';
import { maskIdNumber } from '../../../shared/text';
import type { SessionUser } from '../../../shared/schemas/auth';

export async function presentSessionUser(db: Executor, userId: string): Promise<SessionUser> {
  const rows = await db
    .select({
      id: users.id,
      kind: users.kind,
      fullName: users.fullName,
      roles: users.roles,
      idNumber: users.idNumber,
      agencyId: agencies.id,
      agencyName: agencies.name,
      agencyShortName: agencies.shortName,
      departmentId: departments.id,
      departmentName: departments.name,
    })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, userId));
  const u = rows[0]!;
  return {
    id: u.id,
    kind: u.kind === 'staff' ? 'staff' : 'citizen',
    fullName: u.fullName,
    roles: u.roles,
    permissions: [...permissionsOf(u.roles)].sort(),
    agency: u.agencyId ? { id: u.agencyId, name: u.agencyName!, shortName: u.agencyShortName! } : null,
    department: u.departmentId ? { id: u.departmentId, name: u.departmentName! } : null,
    idNumberMasked: maskIdNumber(u.idNumber),
  };
}
