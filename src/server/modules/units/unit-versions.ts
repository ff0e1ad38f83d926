/**
 * Checks and writes shared by the unit use cases (create, update, end, merge): where a unit may sit, codes and
 * keys, inserting a version, and moving children under a new parent from a date.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { adminUnits } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { TOP_LEVEL_UNIT } from '../../policies/units.policy';
import { AuditAction } from '../../../shared/audit-actions';
import { AppError } from '../../../shared/errors';
import { formatDate } from '../../../shared/text';
import { parentLevelsOf, unitLevelLabels, type UnitLevel } from '../../../shared/schemas/units';
import {
  dayBefore,
  findCodeClash,
  findUnitOn,
  findUnitVersion,
  listUnitVersions,
  loadUnitSubject,
  unitColumns,
  unitKeyExists,
  type UnitRow,
} from './units.queries';

const fieldError = (code: string, path: string, message: string) => new AppError(code, { message, details: { fields: [{ path, message }] } });

/**
 * The parent of a unit of `level` living [validFrom, validTo], after checking the actor may add units under it
 * (or add a top-level unit). Returns the parent's version valid on validFrom, or null for a top-level unit.
 */
export async function resolveNewParent(
  tx: Tx,
  actor: Actor,
  input: { parentId?: string | null; level: UnitLevel; validFrom: string; validTo?: string | null },
  path = 'body.parentId',
): Promise<UnitRow | null> {
  const allowedParents = parentLevelsOf[input.level];
  if (!input.parentId) {
    if (allowedParents.length > 0) throw fieldError('UNIT_PARENT_INVALID', path, `Đơn vị ${unitLevelLabels[input.level].toLowerCase()} phải có đơn vị cấp trên`);
    authorize(actor, 'create_child', 'admin_unit', TOP_LEVEL_UNIT);
    return null;
  }
  const given = await findUnitVersion(tx, input.parentId);
  if (!given) throw fieldError('UNIT_PARENT_INVALID', path, 'Không tìm thấy đơn vị cấp trên');
  authorize(actor, 'create_child', 'admin_unit', await loadUnitSubject(tx, given.id));
  if (!allowedParents.includes(given.level)) {
    throw fieldError('UNIT_PARENT_INVALID', path, `${unitLevelLabels[input.level]} không trực thuộc đơn vị ${unitLevelLabels[given.level].toLowerCase()}`);
  }
  const parent = await findUnitOn(tx, given.id, input.validFrom);
  if (!parent) throw fieldError('UNIT_PARENT_INVALID', path, `${given.name} không có hiệu lực vào ngày ${formatDate(input.validFrom)}`);
  const last = (await listUnitVersions(tx, parent.key)).at(-1)!;
  const childEnd = input.validTo ?? null;
  if (last.validTo !== null && (childEnd === null || childEnd > last.validTo)) {
    throw fieldError('UNIT_PARENT_INVALID', path, `${parent.name} chấm dứt sau ngày ${formatDate(last.validTo)}, trước khi đơn vị này kết thúc`);
  }
  return parent;
}

/** Rejects a statistical code another unit uses at some time in [from, to]. */
export async function assertCodeFree(tx: Tx, code: string, from: string, to: string | null, exceptKey: string | null, path = 'body.code') {
  const clash = await findCodeClash(tx, code, from, to, exceptKey);
  if (clash) {
    throw fieldError('UNIT_CODE_TAKEN', path, `Mã ${code} đang là mã của ${clash.name} (từ ${formatDate(clash.validFrom)}${clash.validTo ? ` đến ${formatDate(clash.validTo)}` : ''})`);
  }
}

/** The requested key (which must be new) or one derived from the code: U93, or U93_20250701 when U93 is taken. */
export async function newUnitKey(tx: Tx, requested: string | undefined, code: string, validFrom: string, path = 'body.key'): Promise<string> {
  if (requested) {
    if (await unitKeyExists(tx, requested)) throw fieldError('UNIT_KEY_TAKEN', path, `Mã khóa ${requested} đã được dùng cho một đơn vị khác`);
    return requested;
  }
  for (const candidate of [`U${code}`, `U${code}_${validFrom.replaceAll('-', '')}`]) {
    if (!(await unitKeyExists(tx, candidate))) return candidate;
  }
  throw fieldError('UNIT_KEY_TAKEN', path, 'Không tạo được mã khóa tự động, vui lòng nhập mã khóa');
}

export async function insertUnitVersion(tx: Tx, values: Omit<UnitRow, 'id'>): Promise<UnitRow> {
  const [row] = await tx.insert(adminUnits).values(values).returning(unitColumns);
  return row!;
}

/**
 * Moves child versions under `newParent` from `date`: a version starting on or after that day is re-pointed; an
 * older one ends the day before and a new version (same key) starts that day. One audit row per child.
 */
export async function moveChildrenFrom(tx: Tx, actor: Actor, children: UnitRow[], newParent: UnitRow, date: string): Promise<UnitRow[]> {
  const moved: UnitRow[] = [];
  for (const child of children) {
    if (!parentLevelsOf[child.level].includes(newParent.level)) {
      throw new AppError('UNIT_PARENT_INVALID', {
        message: `${child.name} (${unitLevelLabels[child.level].toLowerCase()}) không thể trực thuộc ${newParent.name}`,
        details: { childId: child.id },
      });
    }
    const previousParentId = child.parentId;
    let version: UnitRow;
    if (child.validFrom >= date) {
      [version] = (await tx.update(adminUnits).set({ parentId: newParent.id }).where(eq(adminUnits.id, child.id)).returning(unitColumns)) as [UnitRow];
    } else {
      await tx.update(adminUnits).set({ validTo: dayBefore(date) }).where(eq(adminUnits.id, child.id));
      const { id: _id, ...rest } = child;
      version = await insertUnitVersion(tx, { ...rest, parentId: newParent.id, validFrom: date, predecessorIds: [] });
    }
    await recordAudit(tx, actor, {
      action: AuditAction.UNIT_REPARENTED,
      subjectType: 'admin_unit',
      subjectId: version.id,
      summary: { key: child.key, name: child.name, fromParentId: previousParentId, toParentId: newParent.id, effectiveFrom: date },
    });
    moved.push(version);
  }
  return moved;
}

/** Rejects ending units that still have children after `lastDay` when nobody said where those children go. */
export function childrenBlockEnding(children: UnitRow[]): AppError {
  return new AppError('UNIT_HAS_CHILDREN', {
    details: { children: children.map((c) => ({ id: c.id, key: c.key, name: c.name })) },
  });
}
