/**
 * Permission-matrix rows of the unit reports domain, appended to ROUTE_PERMISSIONS in
 * src/server/test/route-permissions.ts. Every matrix staff user works in the world's root agency: the rounds are
 * organised by it (so its reform officer manages them) and the reports are the child agency's (in the scope of the
 * root's reporters: agency leaders and reform officers). Outcomes written out by hand. Used only by tests.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { reformUnitReports } from '../../db/schema';
import { Role } from '../../../shared/permissions';
import { systemActor } from '../../auth/actor';
import type { DomainRoutes, MatrixWorld, Outcome, RouteCase } from '../../test/route-permissions';
import { insertTemplateVersion } from './save-report-template';
import { createReportRound } from './open-report-round';
import { recordReportAction } from './unit-report-actions';
import { findUnitReport } from './unit-reports.queries';

const roles = (named: Partial<Record<Role, Outcome>>, otherwise: Outcome) =>
  Object.fromEntries(Object.values(Role).map((role) => [role, named[role] ?? otherwise])) as Record<Role, Outcome>;

/** reform.report_unit or reform.manage: agency leaders and reform officers. */
const READERS = roles({ agency_leader: 'allowed', reform_officer: 'allowed' }, 403);
/** reform.manage over the organiser: the reform officer. */
const MANAGERS = roles({ reform_officer: 'allowed' }, 403);
/** Agency leaders read the report (their subtree) but may not review it: 403, not 404. */
const REVIEWERS = roles({ reform_officer: 'allowed' }, 403);

const seeder = systemActor('Ma trận quyền');
const content = {
  indicators: [{ code: 'civil_service.recruited', area: 'civil_service' as const, label: 'Số công chức được tuyển dụng', unit: 'người', prefill: null, decimals: 0, help: null }],
  sections: [{ code: 'direction', kind: 'direction' as const, area: 'direction' as const, title: 'I. Chỉ đạo', guidance: null, required: true }],
};
const filled = { figures: [{ code: 'civil_service.recruited', value: 2 }], narrative: { direction: 'Ban hành kế hoạch CCHC.' } };

const template = (world: MatrixWorld) =>
  insertTemplateVersion(world.db, seeder, { code: `mt_${randomBytes(4).toString('hex')}`, name: 'Mẫu ma trận', periodType: 'custom', content });

/** A fresh round of the root agency with one report of the child agency; `submitted` sends it first. */
async function freshReport(world: MatrixWorld, submitted = false): Promise<string> {
  const round = await createReportRound(world.db, seeder, { id: world.agency.id, path: world.agency.path }, {
    templateId: await template(world),
    period: { preset: 'custom', from: '2021-01-01', to: '2021-06-14' },
    dueOn: '2021-06-20',
    agencyIds: [world.childAgency.id],
  });
  const [report] = await world.db.select({ id: reformUnitReports.id }).from(reformUnitReports).where(eq(reformUnitReports.roundId, round));
  if (submitted) {
    const loaded = (await findUnitReport(world.db, report!.id))!;
    await recordReportAction(world.db, seeder, loaded, {
      action: 'submit',
      from: 'not_started',
      to: 'submitted',
      by: 'unit',
      change: { set: { submittedContent: { figures: {}, narrative: filled.narrative }, firstSubmittedAt: new Date(), firstSubmittedOn: '2021-06-18', lastSubmittedAt: new Date() } },
    });
  }
  return report!.id;
}

const cases: RouteCase[] = [
  { method: 'GET', route: '/api/unit-reports/prefill-sources', expect: MANAGERS },
  { method: 'GET', route: '/api/unit-reports/templates', expect: READERS },
  { method: 'POST', route: '/api/unit-reports/templates', prepare: async () => ({ body: { code: `mt_${randomBytes(4).toString('hex')}`, name: 'Mẫu ma trận', periodType: 'custom', content } }), expect: MANAGERS },
  { method: 'GET', route: '/api/unit-reports/rounds', expect: READERS },
  {
    method: 'POST',
    route: '/api/unit-reports/rounds',
    prepare: async (world) => ({
      body: { templateId: await template(world), period: { preset: 'custom', from: '2021-01-01', to: '2021-06-14' }, dueOn: '2021-06-20', agencyIds: [world.childAgency.id], organizerAgencyId: world.agency.id },
    }),
    expect: MANAGERS,
  },
  {
    method: 'GET',
    route: '/api/unit-reports/rounds/:id',
    prepare: async (world) => {
      const reportId = await freshReport(world);
      return { params: { id: (await findUnitReport(world.db, reportId))!.round.id } };
    },
    expect: READERS,
  },
  {
    method: 'POST',
    route: '/api/unit-reports/rounds/:id/close',
    prepare: async (world) => ({ params: { id: (await findUnitReport(world.db, await freshReport(world)))!.round.id } }),
    expect: REVIEWERS,
  },
  { method: 'GET', route: '/api/unit-reports/unit-history', expect: READERS },
  { method: 'GET', route: '/api/unit-reports', expect: READERS },
  { method: 'GET', route: '/api/unit-reports/:id', prepare: async (world) => ({ params: { id: await freshReport(world) } }), expect: READERS },
  { method: 'PUT', route: '/api/unit-reports/:id/draft', prepare: async (world) => ({ params: { id: await freshReport(world) }, body: { version: 0, ...filled } }), expect: READERS },
  { method: 'POST', route: '/api/unit-reports/:id/submit', prepare: async (world) => ({ params: { id: await freshReport(world) }, body: { version: 0, ...filled } }), expect: READERS },
  { method: 'POST', route: '/api/unit-reports/:id/return', prepare: async (world) => ({ params: { id: await freshReport(world, true) }, body: { comment: 'Bổ sung số liệu' } }), expect: REVIEWERS },
  { method: 'POST', route: '/api/unit-reports/:id/accept', prepare: async (world) => ({ params: { id: await freshReport(world, true) }, body: {} }), expect: REVIEWERS },
];

export const unitReportsRoutePermissions: DomainRoutes = { domain: 'unit-reports', prefixes: ['/api/unit-reports'], publicRoutes: [], cases };
