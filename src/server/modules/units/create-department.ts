import type { Tx } from '../../db/client';
import { departments } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AuditAction } from '../../../shared/audit-actions';
import type { Department, DepartmentCreateInput } from '../../../shared/schemas/units';
import { departmentColumns, findAgency } from './agencies.queries';
import { assertNoOtherOneStopDesk, departmentKey } from './agency-checks';

/** Thêm phòng, ban (or the agency's Bộ phận Một cửa). */
export async function createDepartment(tx: Tx, actor: Actor, agencyId: string, input: DepartmentCreateInput): Promise<Department> {
  const agency = authorize(actor, 'manage_departments', 'agency', await findAgency(tx, agencyId, { lock: true }));
  const key = await departmentKey(tx, agency.id, input.key, input.name);
  if (input.isOneStopDesk) await assertNoOtherOneStopDesk(tx, agency.id, null);
  const [department] = await tx
    .insert(departments)
    .values({ agencyId: agency.id, key, name: input.name, isOneStopDesk: input.isOneStopDesk })
    .returning(departmentColumns);
  await recordAudit(tx, actor, {
    action: AuditAction.DEPARTMENT_CREATED,
    subjectType: 'department',
    subjectId: department!.id,
    summary: { agencyId: agency.id, key, name: input.name, isOneStopDesk: input.isOneStopDesk },
  });
  return department!;
}
