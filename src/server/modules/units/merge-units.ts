import { and, arrayContains, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { adminUnits } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AuditAction } from '../../../shared/audit-actions';
import { AppError } from '../../../shared/errors';
import { formatDate } from '../../../shared/text';
import { unitLevelLabels, type UnitMergeInput } from '../../../shared/schemas/units';
import { coversDate, dayBefore, findChildrenLivingFrom, findUnitVersion, listUnitVersions, loadUnitSubject, type UnitRow } from './units.queries';
import { assertCodeFree, childrenBlockEnding, insertUnitVersion, moveChildrenFrom, newUnitKey, resolveNewParent } from './unit-versions';

/**
 * Sáp nhập đơn vị hành chính: the source units end the day before `effectiveFrom`, a new unit starts that day
 * recording them as predecessors, and (by default) their children move under it as of that day.
 */
export async function mergeUnits(tx: Tx, actor: Actor, input: UnitMergeInput): Promise<{ id: string }> {
  const lastDay = dayBefore(input.effectiveFrom);
  const sources: UnitRow[] = [];
  for (const [index, sourceId] of input.sourceIds.entries()) {
    const given = await findUnitVersion(tx, sourceId);
    if (!given) throw new AppError('NOT_FOUND', { details: { fields: [{ path: `body.sourceIds.${index}`, message: 'Không tìm thấy đơn vị' }] } });
    const versions = await listUnitVersions(tx, given.key, { lock: true });
    const source = versions.find((v) => coversDate(v, lastDay));
    const later = versions.some((v) => v.validFrom >= input.effectiveFrom);
    if (!source || later) {
      throw new AppError('UNIT_DATE_INVALID', {
        message: source
          ? `${given.name} đã có thông tin thay đổi từ ngày ${formatDate(input.effectiveFrom)} trở về sau`
          : `${given.name} không còn hiệu lực vào ngày ${formatDate(lastDay)}`,
        details: { fields: [{ path: `body.sourceIds.${index}`, message: given.name }] },
      });
    }
    if (sources.some((s) => s.key === source.key)) {
      throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: `body.sourceIds.${index}`, message: 'Danh sách đơn vị bị trùng' }] } });
    }
    if (source.level !== input.unit.level) {
      throw new AppError('VALIDATION_FAILED', {
        details: { fields: [{ path: `body.sourceIds.${index}`, message: `${source.name} không phải đơn vị ${unitLevelLabels[input.unit.level].toLowerCase()}` }] },
      });
    }
    authorize(actor, 'end', 'admin_unit', await loadUnitSubject(tx, source.id));
    sources.push(source);
  }

  // A retry of a merge already recorded returns the unit it formed.
  const [already] = await tx
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(and(eq(adminUnits.validFrom, input.effectiveFrom), arrayContains(adminUnits.predecessorIds, sources.map((s) => s.id))));
  if (already) return already;

  const parent = await resolveNewParent(tx, actor, { ...input.unit, validFrom: input.effectiveFrom, validTo: null }, 'body.unit.parentId');
  if (parent && sources.some((s) => s.key === parent.key)) {
    throw new AppError('UNIT_PARENT_INVALID', { message: 'Đơn vị cấp trên không thể là một trong các đơn vị bị sáp nhập' });
  }
  await assertCodeFree(tx, input.unit.code, input.effectiveFrom, null, null, 'body.unit.code');
  const key = await newUnitKey(tx, input.unit.key, input.unit.code, input.effectiveFrom, 'body.unit.key');

  const children = await findChildrenLivingFrom(tx, sources.map((s) => s.key), input.effectiveFrom);
  if (children.length > 0 && !input.reparentChildren) throw childrenBlockEnding(children);

  for (const source of sources) {
    await tx.update(adminUnits).set({ validTo: lastDay }).where(eq(adminUnits.id, source.id));
  }
  const unit = await insertUnitVersion(tx, {
    key,
    code: input.unit.code,
    name: input.unit.name,
    kind: input.unit.kind,
    level: input.unit.level,
    parentId: parent?.id ?? null,
    validFrom: input.effectiveFrom,
    validTo: null,
    predecessorIds: sources.map((s) => s.id),
  });
  await recordAudit(tx, actor, {
    action: AuditAction.UNIT_MERGED,
    subjectType: 'admin_unit',
    subjectId: unit.id,
    summary: { key, name: unit.name, code: unit.code, effectiveFrom: input.effectiveFrom, predecessors: sources.map((s) => ({ id: s.id, key: s.key, name: s.name })) },
  });
  for (const source of sources) {
    await recordAudit(tx, actor, {
      action: AuditAction.UNIT_ENDED,
      subjectType: 'admin_unit',
      subjectId: source.id,
      summary: { key: source.key, name: source.name, validTo: lastDay, previousValidTo: source.validTo, mergedInto: unit.id },
    });
  }
  await moveChildrenFrom(tx, actor, children, unit, input.effectiveFrom);
  return { id: unit.id };
}
