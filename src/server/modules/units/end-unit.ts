import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { adminUnits } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AuditAction } from '../../../shared/audit-actions';
import { AppError } from '../../../shared/errors';
import { formatDate } from '../../../shared/text';
import type { UnitEndInput } from '../../../shared/schemas/units';
import { coversDate, dayAfter, findChildrenLivingFrom, findUnitOn, findUnitVersion, listUnitVersions, loadUnitSubject } from './units.queries';
import { childrenBlockEnding, moveChildrenFrom } from './unit-versions';

/**
 * Giải thể / chấm dứt đơn vị hành chính: `validTo` becomes the unit's last day. Units still under it after that day
 * must move: to `reparentChildrenToId` from the next day, otherwise the request is refused. Ending again on the same
 * day changes nothing (a retry).
 */
export async function endUnit(tx: Tx, actor: Actor, unitId: string, input: UnitEndInput): Promise<{ id: string }> {
  const given = await findUnitVersion(tx, unitId);
  if (!given) throw new AppError('NOT_FOUND');
  const versions = await listUnitVersions(tx, given.key, { lock: true });
  const target = versions.find((v) => coversDate(v, input.validTo));
  if (!target) {
    throw new AppError('UNIT_DATE_INVALID', { message: `${given.name} không có hiệu lực vào ngày ${formatDate(input.validTo)}` });
  }
  authorize(actor, 'end', 'admin_unit', await loadUnitSubject(tx, target.id));
  const later = versions.filter((v) => v.validFrom > input.validTo);
  if (later.length > 0) {
    throw new AppError('UNIT_DATE_INVALID', {
      message: `${given.name} đã có thông tin thay đổi từ ngày ${formatDate(later[0]!.validFrom)}, sau ngày kết thúc đề nghị`,
    });
  }
  if (target.validTo === input.validTo) return { id: target.id };

  const firstDayAfter = dayAfter(input.validTo);
  const children = await findChildrenLivingFrom(tx, [target.key], firstDayAfter);
  let movedTo: string | null = null;
  if (children.length > 0) {
    if (!input.reparentChildrenToId) throw childrenBlockEnding(children);
    const newParent = await findUnitOn(tx, input.reparentChildrenToId, firstDayAfter);
    if (!newParent || newParent.key === target.key) {
      throw new AppError('UNIT_PARENT_INVALID', {
        message: `Đơn vị nhận các đơn vị trực thuộc phải còn hiệu lực vào ngày ${formatDate(firstDayAfter)}`,
        details: { fields: [{ path: 'body.reparentChildrenToId', message: 'Đơn vị không phù hợp' }] },
      });
    }
    authorize(actor, 'create_child', 'admin_unit', await loadUnitSubject(tx, newParent.id));
    await moveChildrenFrom(tx, actor, children, newParent, firstDayAfter);
    movedTo = newParent.id;
  }

  await tx.update(adminUnits).set({ validTo: input.validTo }).where(eq(adminUnits.id, target.id));
  await recordAudit(tx, actor, {
    action: AuditAction.UNIT_ENDED,
    subjectType: 'admin_unit',
    subjectId: target.id,
    summary: { key: target.key, name: target.name, validTo: input.validTo, previousValidTo: target.validTo, childrenMovedTo: movedTo, childrenMoved: children.length },
  });
  return { id: target.id };
}
