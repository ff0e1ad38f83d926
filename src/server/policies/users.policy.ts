import { Permission } from '../../shared/permissions';
import type { Actor } from '../auth/actor';
import { allow, inAgencyScope } from './policy';

export interface UserSubject {
  id: string;
  kind: string;
  agencyPath: string | null;
}

const own = (actor: Actor, user: UserSubject) => actor.userId === user.id;
const staffInScope = (actor: Actor, user: UserSubject, permission: Permission) =>
  actor.permissions.has(permission) && user.kind === 'staff' && inAgencyScope(actor, user.agencyPath);

// Citizens' profiles are personal data: only the citizen, and staff who handle personal data (audited).
allow<UserSubject>('user', 'read', (actor, user) =>
  own(actor, user) ||
  staffInScope(actor, user, Permission.USERS_READ) ||
  (user.kind === 'citizen' && actor.permissions.has(Permission.PERSONAL_DATA_READ)) ||
  actor.permissions.has(Permission.USERS_MANAGE),
);
allow<UserSubject>('user', ['update_profile', 'change_password'], own);
allow<UserSubject>('user', ['update', 'disable', 'set_roles'], (actor, user) =>
  staffInScope(actor, user, Permission.USERS_MANAGE),
);
