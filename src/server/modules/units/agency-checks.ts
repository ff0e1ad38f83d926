/** Checks shared by the agency and department use cases. */
import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { agencies, departments } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { foldVietnamese, formatDate } from '../../../shared/text';
import { agencyKindLabels, committeeLevel, unitLevelLabels, type AgencyKind } from '../../../shared/schemas/units';
import { findUnitOn, findUnitVersion, type UnitRow } from './units.queries';

const fieldError = (code: string, path: string, message: string) => new AppError(code, { message, details: { fields: [{ path, message }] } });

/** The unit (version valid on `date`) an agency of `kind` serves; a People's Committee needs a unit of its level. */
export async function resolveAgencyUnit(tx: Tx, unitId: string, kind: AgencyKind, date: string): Promise<UnitRow> {
  const given = await findUnitVersion(tx, unitId);
  if (!given) throw fieldError('AGENCY_UNIT_INVALID', 'body.unitId', 'Không tìm thấy đơn vị hành chính');
  const unit = await findUnitOn(tx, given.id, date);
  if (!unit) throw fieldError('AGENCY_UNIT_INVALID', 'body.unitId', `${given.name} không có hiệu lực vào ngày ${formatDate(date)}`);
  const level = committeeLevel[kind];
  if (level && unit.level !== level) {
    throw fieldError('AGENCY_UNIT_INVALID', 'body.unitId', `${agencyKindLabels[kind]} phải gắn với đơn vị ${unitLevelLabels[level].toLowerCase()}`);
  }
  return unit;
}

export async function assertIdentifierFree(tx: Tx, identifierCode: string, exceptAgencyId: string | null) {
  const [clash] = await tx
    .select({ name: agencies.name })
    .from(agencies)
    .where(and(eq(agencies.identifierCode, identifierCode), exceptAgencyId ? ne(agencies.id, exceptAgencyId) : undefined));
  if (clash) throw fieldError('AGENCY_IDENTIFIER_TAKEN', 'body.identifierCode', `Mã định danh ${identifierCode} đã được cấp cho ${clash.name}`);
}

/** The requested key (which must be new) or one derived from the identifier code: 000.00.06.H33 → DD_000_00_06_H33. */
export async function newAgencyKey(tx: Tx, requested: string | undefined, identifierCode: string): Promise<string> {
  const key = requested ?? `DD_${identifierCode.replaceAll('.', '_')}`;
  if ((await tx.$count(agencies, eq(agencies.key, key))) > 0) throw fieldError('AGENCY_KEY_TAKEN', 'body.key', `Mã khóa ${key} đã được sử dụng`);
  return key;
}

/** Initials of a department's name: Phòng Tư pháp → PTP (at most 12 letters). */
export function initialsOf(name: string): string {
  const words = foldVietnamese(name).replace(/[^a-z0-9 ]/g, ' ').split(' ').filter(Boolean);
  const initials = words.map((w) => w[0]).join('').toUpperCase().slice(0, 12);
  return initials.length >= 2 ? initials : (words[0] ?? 'PB').toUpperCase().slice(0, 6).padEnd(2, 'X');
}

async function departmentKeyTaken(tx: Tx, agencyId: string, key: string, exceptId: string | null) {
  const n = await tx.$count(departments, and(eq(departments.agencyId, agencyId), eq(departments.key, key), exceptId ? ne(departments.id, exceptId) : undefined));
  return n > 0;
}

/** The requested department key (unique in the agency), or the name's initials with a number when taken. */
export async function departmentKey(tx: Tx, agencyId: string, requested: string | undefined, name: string, exceptId: string | null = null): Promise<string> {
  if (requested) {
    if (await departmentKeyTaken(tx, agencyId, requested, exceptId)) throw fieldError('DEPARTMENT_KEY_TAKEN', 'body.key', `Mã khóa ${requested} đã có trong cơ quan`);
    return requested;
  }
  const base = initialsOf(name);
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base}${n}`;
    if (!(await departmentKeyTaken(tx, agencyId, candidate, exceptId))) return candidate;
  }
  throw fieldError('DEPARTMENT_KEY_TAKEN', 'body.key', 'Không tạo được mã khóa tự động, vui lòng nhập mã khóa');
}

/** One Bộ phận Một cửa per agency (also enforced by a unique index). */
export async function assertNoOtherOneStopDesk(tx: Tx, agencyId: string, exceptId: string | null) {
  const [desk] = await tx
    .select({ name: departments.name })
    .from(departments)
    .where(and(eq(departments.agencyId, agencyId), eq(departments.isOneStopDesk, true), exceptId ? ne(departments.id, exceptId) : undefined));
  if (desk) throw fieldError('ONE_STOP_DESK_EXISTS', 'body.isOneStopDesk', `Cơ quan đã có Bộ phận Một cửa: ${desk.name}`);
}
