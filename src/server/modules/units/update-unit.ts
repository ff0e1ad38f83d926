import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { adminUnits } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AuditAction } from '../../../shared/audit-actions';
import { AppError } from '../../../shared/errors';
import { formatDate } from '../../../shared/text';
import { unitShapeProblems, type UnitUpdateInput } from '../../../shared/schemas/units';
import { coversDate, dayBefore, findUnitVersion, listUnitVersions, loadUnitSubject, unitColumns, type UnitRow } from './units.queries';
import { assertCodeFree, insertUnitVersion } from './unit-versions';
import { diffFields } from './diff-fields';

/**
 * Sửa thông tin đơn vị hành chính. Without `effectiveFrom` the version is corrected in place; with it the unit
 * changes from that day: the version valid then ends the day before and a new version starts (same key and parent).
 * Returns the id of the version that now carries the change.
 */
export async function updateUnit(tx: Tx, actor: Actor, unitId: string, input: UnitUpdateInput): Promise<{ id: string }> {
  const given = await findUnitVersion(tx, unitId);
  if (!given) throw new AppError('NOT_FOUND');
  const versions = await listUnitVersions(tx, given.key, { lock: true });
  const target = input.effectiveFrom ? versions.find((v) => coversDate(v, input.effectiveFrom!)) : versions.find((v) => v.id === unitId);
  if (!target) {
    throw new AppError('UNIT_DATE_INVALID', { message: `${given.name} không có hiệu lực vào ngày ${formatDate(input.effectiveFrom!)}` });
  }
  authorize(actor, 'update', 'admin_unit', await loadUnitSubject(tx, target.id));

  const next = { code: input.code ?? target.code, name: input.name ?? target.name, kind: input.kind ?? target.kind };
  const changes = diffFields(target, next);
  if (Object.keys(changes).length === 0) return { id: target.id };
  const problems = unitShapeProblems({ level: target.level, ...next });
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', { details: { fields: problems.map((p) => ({ path: `body.${p.path}`, message: p.message })) } });
  }

  const from = input.effectiveFrom ?? target.validFrom;
  if (changes.code) await assertCodeFree(tx, next.code, from, target.validTo, target.key);

  let result: UnitRow;
  if (!input.effectiveFrom || input.effectiveFrom === target.validFrom) {
    [result] = (await tx.update(adminUnits).set(next).where(eq(adminUnits.id, target.id)).returning(unitColumns)) as [UnitRow];
  } else {
    await tx.update(adminUnits).set({ validTo: dayBefore(input.effectiveFrom) }).where(eq(adminUnits.id, target.id));
    const { id: _id, ...rest } = target;
    result = await insertUnitVersion(tx, { ...rest, ...next, validFrom: input.effectiveFrom, predecessorIds: [] });
  }
  await recordAudit(tx, actor, {
    action: result.id === target.id ? AuditAction.UNIT_UPDATED : AuditAction.UNIT_VERSIONED,
    subjectType: 'admin_unit',
    subjectId: result.id,
    summary: { key: target.key, changes, ...(result.id === target.id ? {} : { previousVersionId: target.id, effectiveFrom: result.validFrom }) },
  });
  return { id: result.id };
}
