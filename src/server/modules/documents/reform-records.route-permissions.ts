/**
 * Permission-matrix rows of the reform records (document registry, plans, staffing, inspections), appended to
 * ROUTE_PERMISSIONS in src/server/test/route-permissions.ts. Every staff member reads the registry; the reform office
 * (`reform.manage`: reform officers) keeps everything; unit reporters (`reform.report_unit`: agency leaders and reform
 * officers) read plans, staffing and inspections and enter their own agency's data. Matrix users work in the world's
 * root agency, so the child agency used by the fixtures lies in their scope. Used only by tests.
 */
import { randomUUID } from 'node:crypto';
import { autonomyUnits, inspectionFindings, inspectionPlans, inspections, reformPlanTasks, reformPlans, registryDocuments } from '../../db/schema';
import { Role } from '../../../shared/permissions';
import type { DomainRoutes, MatrixWorld, Outcome, RouteCase } from '../../test/route-permissions';
import { createAgency } from '../../test/factories';
import { STAFF_COUNT_COLUMNS } from '../staffing/import-staff-counts';
import { DOCUMENT_COLUMNS } from './import-documents';

const roles = (named: Partial<Record<Role, Outcome>>, otherwise: Outcome) =>
  Object.fromEntries(Object.values(Role).map((role) => [role, named[role] ?? otherwise])) as Record<Role, Outcome>;

const STAFF = roles({ citizen: 403 }, 'allowed');
const MANAGERS = roles({ reform_officer: 'allowed' }, 403);
const REPORTERS = roles({ reform_officer: 'allowed', agency_leader: 'allowed' }, 403);

const n = () => Math.floor(Math.random() * 9_000_000) + 1000;
const PERIOD = 'from=2021-01-01&to=2021-06-30';

const documentBody = () => ({
  numberSymbol: `${n()}/KH-UBND`,
  docType: 'plan',
  issuerName: 'Ủy ban nhân dân tỉnh Thử',
  issuerLevel: 'provincial',
  issuedOn: '2021-03-01',
  subject: 'về kế hoạch thử',
  areas: ['direction'],
});
async function freshDocument(world: MatrixWorld, legal = false) {
  const [d] = await world.db
    .insert(registryDocuments)
    .values({ ...documentBody(), docType: legal ? 'decision' : 'plan', isLegal: legal, effectiveFrom: legal ? '2021-03-11' : null })
    .returning({ id: registryDocuments.id });
  return d!.id;
}
async function freshPlan(world: MatrixWorld) {
  // Plans are one per agency and year: each gets an agency of its own under the root.
  const agency = await createAgency(world.db, { parent: world.agency });
  const [p] = await world.db.insert(reformPlans).values({ agencyId: agency.id, year: 2021, title: 'Kế hoạch thử' }).returning({ id: reformPlans.id });
  return p!.id;
}
async function freshTask(world: MatrixWorld) {
  const planId = await freshPlan(world);
  const [t] = await world.db
    .insert(reformPlanTasks)
    .values({ planId, position: 1, area: 'institutions', title: 'Nhiệm vụ thử', responsibleAgencyId: world.childAgency.id, dueOn: '2021-06-30' })
    .returning({ id: reformPlanTasks.id });
  return t!.id;
}
async function freshInspection(world: MatrixWorld) {
  const [i] = await world.db
    .insert(inspections)
    .values({ inspectedAgencyId: world.childAgency.id, startedOn: '2021-05-20', areas: ['procedures'] })
    .returning({ id: inspections.id });
  return i!.id;
}
const taskBody = (world: MatrixWorld) => ({ area: 'institutions', title: 'Nhiệm vụ thử', responsibleAgencyId: world.childAgency.id, dueOn: '2021-09-30' });
const inspectionBody = (world: MatrixWorld) => ({ inspectedAgencyId: world.childAgency.id, startedOn: '2021-05-20', endedOn: '2021-05-20', areas: ['procedures'] });
const autonomyBody = (world: MatrixWorld) => ({ managingAgencyId: world.childAgency.id, name: `Trường thử ${n()}`, kind: 'public_service_unit', autonomyClass: 'state_funded', autonomySince: '2017-01-01', validFrom: '2016-01-01' });
const csv = (columns: readonly { header: string }[], row: string[]) => `${columns.map((c) => `"${c.header}"`).join(',')}\n${row.join(',')}\n`;

const cases: RouteCase[] = [
  // Document registry.
  { method: 'GET', route: '/api/reform/documents', expect: STAFF },
  { method: 'POST', route: '/api/reform/documents', prepare: async () => ({ body: documentBody() }), expect: MANAGERS },
  { method: 'GET', route: '/api/reform/documents/figures', prepare: async () => ({ query: PERIOD }), expect: STAFF },
  { method: 'GET', route: '/api/reform/documents/export', expect: STAFF },
  {
    method: 'POST',
    route: '/api/reform/documents/import',
    prepare: async () => ({ body: csv(DOCUMENT_COLUMNS, [`${n()}/KH-UBND`, 'Kế hoạch', 'UBND tỉnh Thử', 'provincial', '01/03/2021', '', '', 'về kế hoạch thử', '', '', 'Không', '', '']), query: 'dryRun=true' }),
    expect: MANAGERS,
  },
  { method: 'GET', route: '/api/reform/document-reviews', expect: STAFF },
  {
    method: 'POST',
    route: '/api/reform/document-reviews',
    prepare: async () => ({ body: { subjectText: 'Nghị quyết HĐND huyện Thử', kind: 'authority_inspection', reviewedOn: '2021-04-01', result: 'lawful' } }),
    expect: MANAGERS,
  },
  { method: 'GET', route: '/api/reform/documents/:id', prepare: async (world) => ({ params: { id: await freshDocument(world) } }), expect: STAFF },
  { method: 'PUT', route: '/api/reform/documents/:id', prepare: async (world) => ({ params: { id: await freshDocument(world) }, body: documentBody() }), expect: MANAGERS },
  {
    method: 'POST',
    route: '/api/reform/documents/:id/effects',
    prepare: async (world) => ({ params: { id: await freshDocument(world, true) }, body: { status: 'expired_whole', effectiveOn: '2021-06-01' } }),
    expect: MANAGERS,
  },
  // Plans and tasks.
  { method: 'GET', route: '/api/reform/plans', expect: REPORTERS },
  {
    method: 'POST',
    route: '/api/reform/plans',
    prepare: async (world) => ({ body: { agencyId: (await createAgency(world.db, { parent: world.agency })).id, year: 2021, title: 'Kế hoạch CCHC năm 2021' } }),
    expect: MANAGERS,
  },
  { method: 'GET', route: '/api/reform/plans/figures', prepare: async () => ({ query: PERIOD }), expect: REPORTERS },
  { method: 'GET', route: '/api/reform/plans/:id', prepare: async (world) => ({ params: { id: await freshPlan(world) } }), expect: REPORTERS },
  { method: 'PUT', route: '/api/reform/plans/:id', prepare: async (world) => ({ params: { id: await freshPlan(world) }, body: { title: 'Kế hoạch sửa' } }), expect: MANAGERS },
  { method: 'POST', route: '/api/reform/plans/:id/tasks', prepare: async (world) => ({ params: { id: await freshPlan(world) }, body: taskBody(world) }), expect: MANAGERS },
  { method: 'PUT', route: '/api/reform/tasks/:id', prepare: async (world) => ({ params: { id: await freshTask(world) }, body: taskBody(world) }), expect: MANAGERS },
  {
    method: 'POST',
    route: '/api/reform/tasks/:id/progress',
    prepare: async (world) => ({ params: { id: await freshTask(world) }, body: { reportedOn: '2021-05-01', percent: 50 } }),
    expect: REPORTERS,
  },
  { method: 'GET', route: '/api/reform/tasks/overdue', expect: REPORTERS },
  // Staffing and finance.
  { method: 'GET', route: '/api/reform/staffing/quotas', expect: REPORTERS },
  {
    method: 'PUT',
    route: '/api/reform/staffing/quotas',
    prepare: async (world) => ({ body: { agencyId: world.childAgency.id, year: 2021, kind: 'civil_servant', quota: 40 } }),
    expect: MANAGERS,
  },
  { method: 'GET', route: '/api/reform/staffing/counts', expect: REPORTERS },
  {
    method: 'PUT',
    route: '/api/reform/staffing/counts',
    prepare: async (world) => ({ body: { agencyId: world.childAgency.id, asOf: '2021-06-14', postgraduate: 1, university: 10, collegeOrBelow: 5, theorySenior: 1, theoryIntermediate: 2 } }),
    expect: REPORTERS,
  },
  {
    method: 'POST',
    route: '/api/reform/staffing/counts/import',
    prepare: async (world) => ({ body: csv(STAFF_COUNT_COLUMNS, [world.childAgency.identifierCode, '', '14/06/2021', '1', '10', '5', '1', '2', '', '']), query: 'dryRun=true' }),
    expect: REPORTERS,
  },
  { method: 'GET', route: '/api/reform/staffing/personnel-changes', expect: REPORTERS },
  {
    method: 'POST',
    route: '/api/reform/staffing/personnel-changes',
    prepare: async (world) => ({ body: { agencyId: world.childAgency.id, kind: 'retirement', staffCategory: 'civil_servant', occurredOn: '2021-03-01', personCount: 1 } }),
    expect: REPORTERS,
  },
  { method: 'GET', route: '/api/reform/staffing/restructuring-schemes', expect: REPORTERS },
  {
    method: 'POST',
    route: '/api/reform/staffing/restructuring-schemes',
    prepare: async (world) => ({ body: { agencyId: world.childAgency.id, title: `Đề án ${randomUUID()}`, approvedOn: '2021-04-01' } }),
    expect: MANAGERS,
  },
  { method: 'GET', route: '/api/reform/staffing/autonomy-units', expect: REPORTERS },
  { method: 'POST', route: '/api/reform/staffing/autonomy-units', prepare: async (world) => ({ body: autonomyBody(world) }), expect: REPORTERS },
  {
    method: 'PUT',
    route: '/api/reform/staffing/autonomy-units/:id',
    prepare: async (world) => {
      const body = autonomyBody(world);
      const [u] = await world.db.insert(autonomyUnits).values({ ...body, managingAgencyId: world.childAgency.id }).returning({ id: autonomyUnits.id });
      return { params: { id: u!.id }, body: { ...body, autonomyClass: 'partly_self_financing' } };
    },
    expect: REPORTERS,
  },
  { method: 'GET', route: '/api/reform/staffing/summary', prepare: async () => ({ query: PERIOD }), expect: MANAGERS },
  // Inspections.
  { method: 'GET', route: '/api/reform/inspection-plans', expect: REPORTERS },
  { method: 'POST', route: '/api/reform/inspection-plans', prepare: async (world) => ({ body: { agencyId: world.agency.id, year: 2021, title: `Kế hoạch kiểm tra ${randomUUID()}` } }), expect: MANAGERS },
  {
    method: 'PUT',
    route: '/api/reform/inspection-plans/:id',
    prepare: async (world) => {
      const title = `Kế hoạch kiểm tra ${randomUUID()}`;
      const [p] = await world.db.insert(inspectionPlans).values({ agencyId: world.agency.id, year: 2021, title }).returning({ id: inspectionPlans.id });
      return { params: { id: p!.id }, body: { agencyId: world.agency.id, year: 2021, title } };
    },
    expect: MANAGERS,
  },
  { method: 'GET', route: '/api/reform/inspections/figures', prepare: async () => ({ query: PERIOD }), expect: REPORTERS },
  { method: 'GET', route: '/api/reform/inspections', expect: REPORTERS },
  { method: 'POST', route: '/api/reform/inspections', prepare: async (world) => ({ body: inspectionBody(world) }), expect: MANAGERS },
  { method: 'GET', route: '/api/reform/inspections/:id', prepare: async (world) => ({ params: { id: await freshInspection(world) } }), expect: REPORTERS },
  { method: 'PUT', route: '/api/reform/inspections/:id', prepare: async (world) => ({ params: { id: await freshInspection(world) }, body: inspectionBody(world) }), expect: MANAGERS },
  {
    method: 'POST',
    route: '/api/reform/inspections/:id/findings',
    prepare: async (world) => ({ params: { id: await freshInspection(world) }, body: { area: 'procedures', finding: 'Chưa niêm yết đủ thủ tục' } }),
    expect: MANAGERS,
  },
  {
    method: 'POST',
    route: '/api/reform/findings/:id/follow-up',
    prepare: async (world) => {
      const [f] = await world.db.insert(inspectionFindings).values({ inspectionId: await freshInspection(world), position: 1, area: 'procedures', finding: 'Tồn tại thử' }).returning({ id: inspectionFindings.id });
      return { params: { id: f!.id }, body: { status: 'in_progress', note: 'Đang khắc phục' } };
    },
    expect: REPORTERS,
  },
];

export const reformRecordsRoutePermissions: DomainRoutes = {
  domain: 'reform-records',
  prefixes: ['/api/reform'],
  publicRoutes: [],
  cases,
};
