import type { Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { AuditAction } from '../../../shared/audit-actions';
import type { UnitCreateInput } from '../../../shared/schemas/units';
import { assertCodeFree, insertUnitVersion, newUnitKey, resolveNewParent } from './unit-versions';

/** Thành lập đơn vị hành chính: a new unit (its first version) under a parent valid on its first day. */
export async function createUnit(tx: Tx, actor: Actor, input: UnitCreateInput): Promise<{ id: string }> {
  const validTo = input.validTo ?? null;
  const parent = await resolveNewParent(tx, actor, { ...input, validTo });
  await assertCodeFree(tx, input.code, input.validFrom, validTo, null);
  const key = await newUnitKey(tx, input.key, input.code, input.validFrom);
  const unit = await insertUnitVersion(tx, {
    key,
    code: input.code,
    name: input.name,
    kind: input.kind,
    level: input.level,
    parentId: parent?.id ?? null,
    validFrom: input.validFrom,
    validTo,
    predecessorIds: [],
  });
  await recordAudit(tx, actor, {
    action: AuditAction.UNIT_CREATED,
    subjectType: 'admin_unit',
    subjectId: unit.id,
    summary: { key, code: unit.code, name: unit.name, level: unit.level, parentId: unit.parentId, validFrom: unit.validFrom, validTo },
  });
  return { id: unit.id };
}
