import { arrayOverlaps, asc, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { adminUnits, agencies } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { abilitiesFor } from '../../policies';
import { AppError } from '../../../shared/errors';
import type { AgencyKind, UnitDetail, UnitVersion } from '../../../shared/schemas/units';
import { findUnitVersion, listUnitVersions, loadUnitSubject, resolveUnitsOn, toUnitRef, unitColumns, type UnitRow } from './units.queries';

const UNIT_ACTIONS = ['update', 'end', 'create_child'] as const;

/** Đơn vị hành chính with its whole history: versions, the units it was formed from and those formed from it. */
export async function presentUnitDetail(executor: Executor, actor: Actor, id: string): Promise<UnitDetail> {
  const unit = await findUnitVersion(executor, id);
  if (!unit) throw new AppError('NOT_FOUND');
  const versions = await listUnitVersions(executor, unit.key);
  const versionIds = versions.map((v) => v.id);
  const parents = await resolveUnitsOn(
    executor,
    versions.filter((v) => v.parentId).map((v) => ({ id: v.parentId!, date: v.validFrom })),
  );
  const presentVersion = (v: UnitRow): UnitVersion => {
    const parent = v.parentId ? parents.get(`${v.parentId}@${v.validFrom}`) : undefined;
    return { ...toUnitRef(v), kind: v.kind, parent: parent ? toUnitRef(parent) : null, predecessorIds: v.predecessorIds };
  };
  const predecessorIds = [...new Set(versions.flatMap((v) => v.predecessorIds))];
  const predecessors = predecessorIds.length
    ? await executor.select(unitColumns).from(adminUnits).where(inArray(adminUnits.id, predecessorIds)).orderBy(asc(adminUnits.code))
    : [];
  const successors = await executor
    .select(unitColumns)
    .from(adminUnits)
    .where(arrayOverlaps(adminUnits.predecessorIds, versionIds))
    .orderBy(asc(adminUnits.validFrom), asc(adminUnits.code));
  const attached = await executor
    .select({ id: agencies.id, key: agencies.key, name: agencies.name, shortName: agencies.shortName, kind: agencies.kind })
    .from(agencies)
    .where(inArray(agencies.unitId, versionIds))
    .orderBy(asc(agencies.identifierCode));
  const abilities = abilitiesFor(actor, 'admin_unit', await loadUnitSubject(executor, unit.id), UNIT_ACTIONS);
  return {
    ...presentVersion(unit),
    versions: versions.map(presentVersion),
    predecessors: predecessors.map(toUnitRef),
    successors: successors.map(toUnitRef),
    agencies: attached.map((a) => ({ ...a, kind: a.kind as AgencyKind })),
    abilities: { update: abilities.update!, end: abilities.end!, create_child: abilities.create_child! },
  };
}
