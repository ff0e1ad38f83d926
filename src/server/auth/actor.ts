import { permissionsOf, type Permission } from '../../shared/permissions';

/** Who is acting: passed explicitly to every use case and written into audit rows (never the raw request). */
export interface Actor {
  kind: 'user' | 'token' | 'anonymous' | 'system';
  userId: string | null;
  userKind: 'citizen' | 'staff' | null;
  fullName: string | null;
  roles: string[];
  permissions: Set<Permission>;
  /** Staff scope: the agency and its materialised path; the actor acts within that subtree. */
  agencyId: string | null;
  agencyPath: string | null;
  departmentId: string | null;
  ip: string | null;
  requestId: string | null;
  /** Set when authenticated by session cookie (CSRF applies). */
  sessionCsrfToken?: string;
  sessionTokenHash?: string;
}

export function anonymousActor(ip: string | null = null, requestId: string | null = null): Actor {
  return {
    kind: 'anonymous',
    userId: null,
    userKind: null,
    fullName: null,
    roles: [],
    permissions: new Set(),
    agencyId: null,
    agencyPath: null,
    departmentId: null,
    ip,
    requestId,
  };
}

export function systemActor(label = 'system'): Actor {
  return { ...anonymousActor(), kind: 'system', fullName: label };
}

export interface ActorUserRow {
  id: string;
  kind: string;
  fullName: string;
  roles: string[];
  agencyId: string | null;
  departmentId: string | null;
  agencyPath: string | null;
}

export function actorFromUser(
  user: ActorUserRow,
  context: { kind: 'user' | 'token'; ip: string | null; requestId: string | null },
): Actor {
  return {
    kind: context.kind,
    userId: user.id,
    userKind: user.kind === 'staff' ? 'staff' : 'citizen',
    fullName: user.fullName,
    roles: user.roles,
    permissions: permissionsOf(user.roles),
    agencyId: user.agencyId,
    agencyPath: user.agencyPath,
    departmentId: user.departmentId,
    ip: context.ip,
    requestId: context.requestId,
  };
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}
