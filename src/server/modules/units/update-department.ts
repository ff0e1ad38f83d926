import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { departments } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AuditAction } from '../../../shared/audit-actions';
import { AppError } from '../../../shared/errors';
import type { Department, DepartmentUpdateInput } from '../../../shared/schemas/units';
import { departmentColumns, findAgency, findDepartment } from './agencies.queries';
import { assertNoOtherOneStopDesk, departmentKey } from './agency-checks';
import { diffFields } from './diff-fields';

/** Sửa phòng, ban: name, key, whether it is the agency's Bộ phận Một cửa. */
export async function updateDepartment(tx: Tx, actor: Actor, agencyId: string, departmentId: string, input: DepartmentUpdateInput): Promise<Department> {
  const agency = authorize(actor, 'manage_departments', 'agency', await findAgency(tx, agencyId, { lock: true }));
  const department = await findDepartment(tx, agency.id, departmentId, { lock: true });
  if (!department) throw new AppError('NOT_FOUND');
  const changes = diffFields(department, input);
  if (Object.keys(changes).length === 0) return department;
  if (changes.key) await departmentKey(tx, agency.id, input.key, department.name, department.id);
  if (changes.isOneStopDesk && input.isOneStopDesk) await assertNoOtherOneStopDesk(tx, agency.id, department.id);
  const set = Object.fromEntries(Object.keys(changes).map((field) => [field, changes[field]!.to]));
  const [updated] = await tx.update(departments).set(set).where(eq(departments.id, department.id)).returning(departmentColumns);
  await recordAudit(tx, actor, {
    action: AuditAction.DEPARTMENT_UPDATED,
    subjectType: 'department',
    subjectId: department.id,
    summary: { agencyId: agency.id, key: department.key, changes },
  });
  return updated!;
}
