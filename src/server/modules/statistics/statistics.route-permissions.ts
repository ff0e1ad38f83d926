/**
 * Permission-matrix rows of the statistics domain, appended to ROUTE_PERMISSIONS in
 * src/server/test/route-permissions.ts. Every matrix staff user works in the world's root agency, so the root's
 * figures are in everybody's scope and another province's are in nobody's. Outcomes written out by hand. Used only
 * by tests.
 */
import { Role } from '../../../shared/permissions';
import { DEFAULT_INDICATOR_WEIGHTS } from '../../../shared/schemas/statistics';
import type { DomainRoutes, Outcome, RouteCase } from '../../test/route-permissions';

const roles = (named: Partial<Record<Role, Outcome>>, otherwise: Outcome) =>
  Object.fromEntries(Object.values(Role).map((role) => [role, named[role] ?? otherwise])) as Record<Role, Outcome>;

/** Every staff role and the integration account read statistics (statistics.read); citizens do not. */
const READERS = roles({ citizen: 403 }, 'allowed');
/** Another province: outside every staff user's scope (403, the agency itself is not secret). */
const OUTSIDE = roles({}, 403);
const MARCH = 'preset=month&year=2021&month=3';

const reads = ['/api/statistics/dossiers', '/api/statistics/report-form', '/api/statistics/dashboard', '/api/statistics/dossiers/list', '/api/statistics/catalog', '/api/statistics/indicators'];

const cases: RouteCase[] = [
  ...reads.flatMap((route): RouteCase[] =>
    [route, `${route}.xlsx`].flatMap((r): RouteCase[] => [
      { method: 'GET', route: r, label: 'own scope', prepare: async (world) => ({ query: `${MARCH}&agencyId=${world.agency.id}` }), expect: READERS },
      { method: 'GET', route: r, label: 'another province', prepare: async (world) => ({ query: `${MARCH}&agencyId=${world.outsideAgency.id}` }), expect: OUTSIDE },
    ]),
  ),
  { method: 'GET', route: '/api/statistics/indicators/weights', expect: READERS },
  {
    method: 'PUT',
    route: '/api/statistics/indicators/weights',
    prepare: async () => ({ body: DEFAULT_INDICATOR_WEIGHTS }),
    expect: roles({ reform_officer: 'allowed' }, 403),
  },
];

export const statisticsRoutePermissions: DomainRoutes = {
  domain: 'statistics',
  prefixes: ['/api/statistics', '/api/public/statistics', '/api/public/statistics.xlsx'],
  publicRoutes: ['GET /api/public/statistics', 'GET /api/public/statistics.xlsx'],
  cases,
};
