import { Permission } from '../../shared/permissions';
import { allow, inAgencyScope } from './policy';

export interface AgencySubject {
  id: string;
  path: string;
}

// The organisation chart is public information.
allow<AgencySubject>('agency', 'read', () => true);
allow<AgencySubject>('agency', ['update', 'create_child', 'manage_departments'], (actor, agency) =>
  actor.permissions.has(Permission.UNITS_MANAGE) && inAgencyScope(actor, agency.path),
);
allow<unknown>('admin_unit', 'read', () => true);
allow<unknown>('admin_unit', ['create', 'update', 'end'], (actor) => actor.permissions.has(Permission.UNITS_MANAGE));
