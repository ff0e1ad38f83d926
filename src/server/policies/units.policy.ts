import { Permission } from '../../shared/permissions';
import type { Actor } from '../auth/actor';
import { allow, inAgencyScope } from './policy';

export interface AgencySubject {
  id: string;
  path: string;
}

/**
 * An administrative unit as the policies see it: the paths of the People's Committees that govern it (its own, or
 * its nearest ancestor's). `id` null stands for "a new top-level unit" (a province).
 */
export interface AdminUnitSubject {
  id: string | null;
  governingAgencyPaths: string[];
}

/** The subject for creating a top-level unit (province or centrally-run city). */
export const TOP_LEVEL_UNIT: AdminUnitSubject = { id: null, governingAgencyPaths: [] };

const managesUnits = (actor: Actor) => actor.permissions.has(Permission.UNITS_MANAGE);
/** Staff of a top-level agency (a provincial People's Committee): their path has one segment. */
const atTopLevelAgency = (actor: Actor) => !!actor.agencyPath && /^\/[^/]+\/$/.test(actor.agencyPath);

// The organisation chart is public information.
allow<AgencySubject>('agency', 'read', () => true);
allow<AgencySubject>('agency', ['update', 'create_child', 'manage_departments'], (actor, agency) =>
  managesUnits(actor) && inAgencyScope(actor, agency.path),
);

// Units are public too. An administrator changes the units governed by an agency in their subtree: at UBND tỉnh the
// whole province, at a district committee that district and its communes. A unit no committee governs (a new
// province) is left to administrators of a top-level agency.
allow<AdminUnitSubject>('admin_unit', 'read', () => true);
allow<AdminUnitSubject>('admin_unit', ['update', 'end', 'create_child'], (actor, unit) =>
  managesUnits(actor) &&
  (unit.governingAgencyPaths.length > 0
    ? unit.governingAgencyPaths.some((path) => inAgencyScope(actor, path))
    : atTopLevelAgency(actor)),
);
