import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { abilitiesFor } from '../../policies';
import { AppError } from '../../../shared/errors';
import type { AgencyDetail, AgencySummary } from '../../../shared/schemas/units';
import { findAgency, listDepartments, type AgencyRow } from './agencies.queries';
import { findUnitVersion, toUnitRef, type UnitRow } from './units.queries';

const AGENCY_ACTIONS = ['update', 'create_child', 'manage_departments'] as const;

export function presentAgencySummary(agency: AgencyRow, unit: UnitRow): AgencySummary {
  return {
    id: agency.id,
    key: agency.key,
    name: agency.name,
    shortName: agency.shortName,
    kind: agency.kind,
    identifierCode: agency.identifierCode,
    parentId: agency.parentId,
    unit: toUnitRef(unit),
    validFrom: agency.validFrom,
    validTo: agency.validTo,
  };
}

/** Cơ quan with its departments, parent, unit and the actor's abilities on it. */
export async function presentAgencyDetail(executor: Executor, actor: Actor, id: string): Promise<AgencyDetail> {
  const agency = await findAgency(executor, id);
  if (!agency) throw new AppError('NOT_FOUND');
  const unit = await findUnitVersion(executor, agency.unitId);
  const parent = agency.parentId ? await findAgency(executor, agency.parentId) : undefined;
  const departmentList = await listDepartments(executor, agency.id);
  const childCount = await executor.$count(agencies, eq(agencies.parentId, agency.id));
  const abilities = abilitiesFor(actor, 'agency', agency, AGENCY_ACTIONS);
  return {
    ...presentAgencySummary(agency, unit!),
    address: agency.address,
    phone: agency.phone,
    workingHours: agency.workingHours,
    parent: parent ? { id: parent.id, key: parent.key, name: parent.name, shortName: parent.shortName, kind: parent.kind } : null,
    childCount,
    departments: departmentList,
    abilities: { update: abilities.update!, create_child: abilities.create_child!, manage_departments: abilities.manage_departments! },
  };
}
