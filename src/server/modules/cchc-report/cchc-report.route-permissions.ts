/**
 * Permission-matrix rows of the provincial CCHC report, appended to ROUTE_PERMISSIONS in
 * src/server/test/route-permissions.ts: only reform officers (`reform.manage`) read, write and move reports; every
 * other role gets 403. Each request that changes a report gets a fresh draft of the world's root agency (in every
 * matrix user's scope). Used only by tests.
 */
import { randomUUID } from 'node:crypto';
import { systemActor } from '../../auth/actor';
import { Role } from '../../../shared/permissions';
import type { DomainRoutes, MatrixWorld, Outcome, RouteCase } from '../../test/route-permissions';
import { createCchcReport } from './cchc-report-use-cases';

const roles = (named: Partial<Record<Role, Outcome>>, otherwise: Outcome) =>
  Object.fromEntries(Object.values(Role).map((role) => [role, named[role] ?? otherwise])) as Record<Role, Outcome>;

const MANAGERS = roles({ reform_officer: 'allowed' }, 403);

/** A fresh draft of the world's root agency; period Q1 2021 keeps the composition small. */
const freshReport = (world: MatrixWorld) => world.db.transaction((tx) => createCchcReport(tx, systemActor('Ma trận quyền'), { period: '2021-Q1', issuingAgencyId: world.agency.id }));

const cases: RouteCase[] = [
  { method: 'GET', route: '/api/cchc-reports', expect: MANAGERS },
  { method: 'POST', route: '/api/cchc-reports', prepare: async () => ({ body: { period: '2021-Q1' } }), expect: MANAGERS },
  { method: 'GET', route: '/api/cchc-reports/:id', prepare: async (world) => ({ params: { id: await freshReport(world) } }), expect: MANAGERS },
  {
    method: 'PATCH',
    route: '/api/cchc-reports/:id',
    prepare: async (world) => ({ params: { id: await freshReport(world) }, body: { version: 1, narratives: { tasks: '- Nhiệm vụ kỳ tới.' } } }),
    expect: MANAGERS,
  },
  {
    method: 'POST',
    route: '/api/cchc-reports/:id/actions',
    prepare: async (world) => ({ params: { id: await freshReport(world) }, body: { action: 'submit', actionId: randomUUID() } }),
    expect: MANAGERS,
  },
  { method: 'GET', route: '/api/cchc-reports/:id/report.docx', prepare: async (world) => ({ params: { id: await freshReport(world) } }), expect: MANAGERS },
  { method: 'GET', route: '/api/cchc-reports/:id/report.pdf', prepare: async (world) => ({ params: { id: await freshReport(world) } }), expect: MANAGERS },
];

export const cchcReportRoutePermissions: DomainRoutes = {
  domain: 'cchc-report',
  prefixes: ['/api/cchc-reports'],
  publicRoutes: [],
  cases,
};
