/**
 * Roles and what they may do. One table, read by the server's policies, the permission-matrix test and the UI.
 * Staff permissions apply within their agency's subtree (see server/policies).
 */
export const Role = {
  CITIZEN: 'citizen',
  DESK_OFFICER: 'desk_officer',
  SPECIALIST: 'specialist',
  DEPARTMENT_HEAD: 'department_head',
  AGENCY_LEADER: 'agency_leader',
  CLERK: 'clerk',
  REFORM_OFFICER: 'reform_officer',
  ADMINISTRATOR: 'administrator',
  INTEGRATION: 'integration',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ALL_ROLES = Object.values(Role);
export const STAFF_ROLES: Role[] = ALL_ROLES.filter((r) => r !== Role.CITIZEN);

export const roleLabels: Record<Role, string> = {
  citizen: 'Công dân, tổ chức',
  desk_officer: 'Cán bộ Một cửa',
  specialist: 'Chuyên viên xử lý',
  department_head: 'Lãnh đạo phòng',
  agency_leader: 'Lãnh đạo cơ quan',
  clerk: 'Văn thư',
  reform_officer: 'Cán bộ CCHC',
  administrator: 'Quản trị hệ thống',
  integration: 'Tài khoản tích hợp',
};

export const Permission = {
  UNITS_MANAGE: 'units.manage',
  USERS_READ: 'users.read',
  USERS_MANAGE: 'users.manage',
  PERSONAL_DATA_READ: 'personal_data.read',
  AUDIT_READ: 'audit.read',
  API_TOKENS_MANAGE: 'api_tokens.manage',
  CALENDAR_MANAGE: 'calendar.manage',
  JOBS_READ: 'jobs.read',
  OUTBOX_READ: 'outbox.read',
  CATALOG_MANAGE: 'catalog.manage',
  DOSSIER_INTAKE: 'dossier.intake',
  DOSSIER_READ_AGENCY: 'dossier.read_agency',
  DOSSIER_PROCESS: 'dossier.process',
  DOSSIER_REVIEW: 'dossier.review',
  DOSSIER_APPROVE: 'dossier.approve',
  DOSSIER_ISSUE: 'dossier.issue',
  DOSSIER_RETURN: 'dossier.return',
  DOSSIER_SUBMIT_OWN: 'dossier.submit_own',
  STATISTICS_READ: 'statistics.read',
  PETITION_HANDLE: 'petition.handle',
  REFORM_MANAGE: 'reform.manage',
  REFORM_REPORT_UNIT: 'reform.report_unit',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
export const ALL_PERMISSIONS = Object.values(Permission);

const P = Permission;
const STAFF_BASE: Permission[] = [P.DOSSIER_READ_AGENCY, P.STATISTICS_READ, P.USERS_READ];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  citizen: [P.DOSSIER_SUBMIT_OWN],
  desk_officer: [...STAFF_BASE, P.DOSSIER_INTAKE, P.DOSSIER_RETURN, P.PERSONAL_DATA_READ],
  specialist: [...STAFF_BASE, P.DOSSIER_PROCESS, P.PERSONAL_DATA_READ],
  department_head: [...STAFF_BASE, P.DOSSIER_PROCESS, P.DOSSIER_REVIEW, P.PERSONAL_DATA_READ],
  agency_leader: [...STAFF_BASE, P.DOSSIER_APPROVE, P.DOSSIER_REVIEW, P.PETITION_HANDLE, P.REFORM_REPORT_UNIT],
  clerk: [...STAFF_BASE, P.DOSSIER_ISSUE],
  reform_officer: [...STAFF_BASE, P.CATALOG_MANAGE, P.REFORM_MANAGE, P.REFORM_REPORT_UNIT, P.PETITION_HANDLE],
  administrator: [
    ...STAFF_BASE,
    P.UNITS_MANAGE,
    P.USERS_MANAGE,
    P.AUDIT_READ,
    P.API_TOKENS_MANAGE,
    P.CALENDAR_MANAGE,
    P.JOBS_READ,
    P.OUTBOX_READ,
    P.CATALOG_MANAGE,
  ],
  integration: [P.DOSSIER_READ_AGENCY, P.STATISTICS_READ],
};

export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of rolePermissions[role as Role] ?? []) out.add(p);
  return out;
}
