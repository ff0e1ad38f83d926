import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client';
import { agencies } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AuditAction } from '../../../shared/audit-actions';
import { AppError } from '../../../shared/errors';
import { formatDate } from '../../../shared/text';
import type { AgencyCreateInput } from '../../../shared/schemas/units';
import { findAgency } from './agencies.queries';
import { coversDate } from './units.queries';
import { assertIdentifierFree, newAgencyKey, resolveAgencyUnit } from './agency-checks';

/** Thành lập cơ quan trực thuộc: a child agency under `parentId`, operating from `validFrom`. */
export async function createAgency(tx: Tx, actor: Actor, parentId: string, input: AgencyCreateInput): Promise<{ id: string }> {
  const parent = authorize(actor, 'create_child', 'agency', await findAgency(tx, parentId));
  if (!coversDate(parent, input.validFrom)) {
    throw new AppError('AGENCY_PARENT_INVALID', {
      message: `${parent.name} không hoạt động vào ngày ${formatDate(input.validFrom)}`,
      details: { fields: [{ path: 'body.validFrom', message: 'Ngày bắt đầu nằm ngoài thời gian hoạt động của cơ quan cấp trên' }] },
    });
  }
  const unit = await resolveAgencyUnit(tx, input.unitId, input.kind, input.validFrom);
  await assertIdentifierFree(tx, input.identifierCode, null);
  const key = await newAgencyKey(tx, input.key, input.identifierCode);
  const id = randomUUID();
  const values = {
    id,
    key,
    name: input.name,
    shortName: input.shortName,
    kind: input.kind,
    unitId: unit.id,
    parentId: parent.id,
    path: `${parent.path}${id}/`,
    identifierCode: input.identifierCode,
    address: input.address ?? null,
    phone: input.phone ?? null,
    workingHours: input.workingHours ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
  };
  await tx.insert(agencies).values(values);
  await recordAudit(tx, actor, {
    action: AuditAction.AGENCY_CREATED,
    subjectType: 'agency',
    subjectId: id,
    summary: { key, name: values.name, kind: values.kind, identifierCode: values.identifierCode, parentId: parent.id, unitId: unit.id, validFrom: values.validFrom },
  });
  return { id };
}
