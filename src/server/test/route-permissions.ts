/**
 * THE permission matrix: every protected route, with what each role must get. permission-matrix.test.ts turns
 * each row into one request per role (plus one anonymous request, which must get 401).
 *
 * To add a domain: export one `DomainRoutes` below (its URL prefixes, its public routes, and one `RouteCase` per
 * protected route and per kind of target that matters), then add it to ROUTE_PERMISSIONS. The matrix test fails
 * when a route under a listed prefix is neither in `cases` nor in `publicRoutes`.
 *
 * Expected outcomes are written out by hand, role by role: they are the specification, not derived from
 * rolePermissions (a matrix computed from the table it checks could not fail).
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { users } from '../db/schema';
import { Role } from '../../shared/permissions';
import { TEST_PASSWORD, createAgency, createApiToken, createCitizen, createStaff, type TestAgency, type TestUser } from './factories';
import { faqRoutePermissions, petitionsRoutePermissions, surveysRoutePermissions } from '../modules/petitions/feedback.route-permissions';
import { statisticsRoutePermissions } from '../modules/statistics/statistics.route-permissions';
import { cchcReportRoutePermissions } from '../modules/cchc-report/cchc-report.route-permissions';
import { unitReportsRoutePermissions } from '../modules/unit-reports/unit-reports.route-permissions';
import { reformRecordsRoutePermissions } from '../modules/documents/reform-records.route-permissions';

/** 'allowed': the request must succeed (2xx); a number: the exact status the role must get. */
export type Outcome = 'allowed' | 403 | 404;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the matrix test builds once and hands to every case. */
export interface MatrixWorld {
  db: Executor;
  /** A province's People's Committee (a root agency): every role's staff user works here. */
  agency: TestAgency;
  /** A district agency under `agency`. */
  childAgency: TestAgency;
  /** Another province: outside everybody's scope. */
  outsideAgency: TestAgency;
  /** The user of each role (staff in `agency`; the citizen has no agency). */
  users: Record<Role, TestUser>;
  /** A citizen who is not the matrix's citizen user. */
  otherCitizen: TestUser;
}

export interface PreparedRequest {
  /** Values for the route's `:params`. */
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}

export interface RouteCase {
  method: HttpMethod;
  /** The route as registered, with `:params`. */
  route: string;
  /** What distinguishes this row from another on the same route (its target). */
  label?: string;
  /**
   * Builds one request: a minimal valid body, and fresh objects whenever an allowed request would change them
   * (so every role meets the same state). Called once per request; `role` is null for the anonymous request.
   */
  prepare?: (world: MatrixWorld, role: Role | null) => Promise<PreparedRequest>;
  expect: Record<Role, Outcome>;
}

export interface DomainRoutes {
  domain: string;
  /** URL prefixes the domain owns; every route under them must be listed in `cases` or `publicRoutes`. */
  prefixes: string[];
  /** Routes that anyone may call, as 'METHOD /route'. */
  publicRoutes: string[];
  cases: RouteCase[];
}

/** Outcomes role by role: the roles named get their outcome, all others `otherwise`. */
export function outcomes(named: Partial<Record<Role, Outcome>>, otherwise: Outcome): Record<Role, Outcome> {
  return Object.fromEntries(Object.values(Role).map((role) => [role, named[role] ?? otherwise])) as Record<Role, Outcome>;
}

const unique = () => Math.random().toString(36).slice(2, 10);
const freshStaff = (world: MatrixWorld, roles: Role[] = [Role.SPECIALIST]) => createStaff(world.db, world.childAgency, roles);

// ---------------------------------------------------------------------------------------------------- auth

export const authRoutePermissions: DomainRoutes = {
  domain: 'auth',
  prefixes: ['/api/auth'],
  publicRoutes: [
    'GET /api/auth/session',
    'POST /api/auth/register',
    'POST /api/auth/login',
    'POST /api/auth/logout',
    'POST /api/auth/password-reset/request',
    'POST /api/auth/password-reset/confirm',
  ],
  cases: [
    {
      method: 'POST',
      route: '/api/auth/password',
      // Changing to the same password keeps the matrix user able to sign in.
      prepare: async () => ({ body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } }),
      expect: outcomes({}, 'allowed'),
    },
  ],
};

// ---------------------------------------------------------------------------------------------------- users

/** Staff who may see citizens' personal data, and province-wide account administrators. */
const SEES_CITIZENS: Partial<Record<Role, Outcome>> = {
  desk_officer: 'allowed',
  specialist: 'allowed',
  department_head: 'allowed',
  administrator: 'allowed',
};

export const usersRoutePermissions: DomainRoutes = {
  domain: 'users',
  prefixes: ['/api/users'],
  publicRoutes: [],
  cases: [
    { method: 'GET', route: '/api/users/me', expect: outcomes({}, 'allowed') },
    {
      method: 'PATCH',
      route: '/api/users/me',
      prepare: async () => ({ body: { address: 'Số 1 đường Trần Hưng Đạo, phường 5, thành phố Vị Thanh' } }),
      expect: outcomes({}, 'allowed'),
    },
    {
      method: 'GET',
      route: '/api/users',
      prepare: async () => ({ query: 'q=nguyen' }),
      expect: outcomes({ citizen: 403, integration: 403 }, 'allowed'),
    },
    {
      method: 'POST',
      route: '/api/users',
      prepare: async (world) => ({
        body: { username: `mt.${unique()}`, fullName: 'Cán bộ Ma trận', agencyId: world.childAgency.id, roles: ['specialist'], password: 'MaTran2026' },
      }),
      expect: outcomes({ administrator: 'allowed' }, 403),
    },
    {
      method: 'GET',
      route: '/api/users/:id',
      label: 'a colleague in the agency subtree',
      prepare: async (world) => ({ params: { id: (await freshStaff(world)).id } }),
      expect: outcomes({ citizen: 404, integration: 404 }, 'allowed'),
    },
    {
      method: 'GET',
      route: '/api/users/:id',
      label: "another citizen's profile",
      prepare: async (world) => ({ params: { id: world.otherCitizen.id } }),
      expect: outcomes(SEES_CITIZENS, 404),
    },
    {
      method: 'GET',
      route: '/api/users/:id',
      label: 'staff of another province',
      prepare: async (world) => ({ params: { id: (await createStaff(world.db, world.outsideAgency, [Role.CLERK])).id } }),
      expect: outcomes({}, 404),
    },
    {
      method: 'PATCH',
      route: '/api/users/:id',
      label: 'staff in scope',
      prepare: async (world) => ({ params: { id: (await freshStaff(world)).id }, body: { fullName: 'Tên Đã Sửa', roles: ['specialist', 'clerk'] } }),
      expect: outcomes({ administrator: 'allowed' }, 403),
    },
    {
      method: 'PATCH',
      route: '/api/users/:id',
      label: 'staff of another province',
      prepare: async (world) => ({ params: { id: (await createStaff(world.db, world.outsideAgency, [Role.CLERK])).id }, body: { fullName: 'Không Được Sửa' } }),
      expect: outcomes({ administrator: 404 }, 403),
    },
    {
      method: 'PATCH',
      route: '/api/users/:id',
      // The administrator may read a citizen's account (to disable it) but never edit it.
      label: 'a citizen',
      prepare: async (world) => ({ params: { id: world.otherCitizen.id }, body: { fullName: 'Không Được Sửa' } }),
      expect: outcomes({}, 403),
    },
    {
      method: 'POST',
      route: '/api/users/:id/disable',
      prepare: async (world) => ({ params: { id: (await freshStaff(world)).id }, body: { reason: 'Chuyển công tác' } }),
      expect: outcomes({ administrator: 'allowed' }, 403),
    },
    {
      method: 'POST',
      route: '/api/users/:id/enable',
      prepare: async (world) => {
        const target = await freshStaff(world);
        await world.db.update(users).set({ status: 'disabled' }).where(eq(users.id, target.id));
        return { params: { id: target.id } };
      },
      expect: outcomes({ administrator: 'allowed' }, 403),
    },
  ],
};

// ---------------------------------------------------------------------------------------------------- api tokens

export const apiTokensRoutePermissions: DomainRoutes = {
  domain: 'api-tokens',
  prefixes: ['/api/api-tokens'],
  publicRoutes: [],
  cases: [
    { method: 'GET', route: '/api/api-tokens', expect: outcomes({ administrator: 'allowed' }, 403) },
    {
      method: 'POST',
      route: '/api/api-tokens',
      prepare: async (world) => ({ body: { name: 'Kết nối Cổng DVCQG', userId: (await freshStaff(world, [Role.INTEGRATION])).id } }),
      expect: outcomes({ administrator: 'allowed' }, 403),
    },
    {
      method: 'DELETE',
      route: '/api/api-tokens/:id',
      prepare: async (world) => ({ params: { id: (await createApiToken(world.db, (await freshStaff(world, [Role.INTEGRATION])).id)).id } }),
      expect: outcomes({ administrator: 'allowed' }, 403),
    },
  ],
};

// ---------------------------------------------------------------------------------------------------- audit

export const auditRoutePermissions: DomainRoutes = {
  domain: 'audit',
  prefixes: ['/api/audit'],
  publicRoutes: [],
  cases: [{ method: 'GET', route: '/api/audit', prepare: async () => ({ query: 'action=user.' }), expect: outcomes({ administrator: 'allowed' }, 403) }],
};

/** Every domain's table. Append yours here. */
export const ROUTE_PERMISSIONS: DomainRoutes[] = [
  authRoutePermissions,
  usersRoutePermissions,
  apiTokensRoutePermissions,
  auditRoutePermissions,
  petitionsRoutePermissions,
  faqRoutePermissions,
  surveysRoutePermissions,
  statisticsRoutePermissions,
  cchcReportRoutePermissions,
  unitReportsRoutePermissions,
  reformRecordsRoutePermissions,
];

/** Builds the matrix's agencies and one user per role. */
export async function createMatrixWorld(db: Executor): Promise<MatrixWorld> {
  const agency = await createAgency(db);
  const childAgency = await createAgency(db, { parent: agency });
  const outsideAgency = await createAgency(db);
  const roleUsers = {} as Record<Role, TestUser>;
  for (const role of Object.values(Role)) {
    roleUsers[role] = role === Role.CITIZEN ? await createCitizen(db) : await createStaff(db, agency, [role]);
  }
  return { db, agency, childAgency, outsideAgency, users: roleUsers, otherCitizen: await createCitizen(db, 'Lý Thị Khác') };
}
