import { Permission } from '../../shared/permissions';
import type { Actor } from '../auth/actor';
import { allow, inAgencyScope } from './policy';

export interface UserSubject {
  id: string;
  kind: string;
  agencyPath: string | null;
}

/** An API token, scoped by the agency of the account it acts as. */
export interface ApiTokenSubject {
  id: string;
  userAgencyPath: string | null;
}

/**
 * Staff of a top-level agency (the provincial People's Committee, whose path has one segment) act province-wide.
 * Citizens' accounts belong to no agency, so only such administrators may disable or re-enable them.
 */
export function isProvinceWide(actor: Actor): boolean {
  return !!actor.agencyPath && /^\/[^/]+\/$/.test(actor.agencyPath);
}

const own = (actor: Actor, user: UserSubject) => actor.userId === user.id;
const staffInScope = (actor: Actor, user: UserSubject, permission: Permission) =>
  actor.permissions.has(permission) && user.kind === 'staff' && inAgencyScope(actor, user.agencyPath);
const citizenAccountAdmin = (actor: Actor, user: UserSubject) =>
  user.kind === 'citizen' && actor.permissions.has(Permission.USERS_MANAGE) && isProvinceWide(actor);

// Citizens' profiles are personal data: only the citizen, staff who handle personal data, and province-wide
// account administrators (each view by staff is audited as personal_data.viewed).
allow<UserSubject>('user', 'read', (actor, user) =>
  own(actor, user) ||
  staffInScope(actor, user, Permission.USERS_READ) ||
  (user.kind === 'citizen' && actor.permissions.has(Permission.PERSONAL_DATA_READ)) ||
  citizenAccountAdmin(actor, user),
);
allow<UserSubject>('user', ['update_profile', 'change_password'], own);
allow<UserSubject>('user', 'update', (actor, user) => staffInScope(actor, user, Permission.USERS_MANAGE));
// Nobody grants roles to, or locks out, themselves: another administrator must do it.
allow<UserSubject>('user', 'set_roles', (actor, user) => !own(actor, user) && staffInScope(actor, user, Permission.USERS_MANAGE));
allow<UserSubject>('user', ['disable', 'enable'], (actor, user) =>
  !own(actor, user) && (staffInScope(actor, user, Permission.USERS_MANAGE) || citizenAccountAdmin(actor, user)),
);
allow<UserSubject>('user', 'issue_token', (actor, user) => staffInScope(actor, user, Permission.API_TOKENS_MANAGE));

allow<ApiTokenSubject>('api_token', ['read', 'revoke'], (actor, token) =>
  actor.permissions.has(Permission.API_TOKENS_MANAGE) && inAgencyScope(actor, token.userAgencyPath),
);
