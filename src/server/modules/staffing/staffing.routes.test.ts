import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, personnelChanges, staffCounts } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createAgency, createCitizen, createStaff, type TestAgency } from '../../test/factories';
import { autonomyFigures, staffTotalsAsOf } from './staffing.queries';
import { STAFF_COUNT_COLUMNS } from './import-staff-counts';

let t: TestContext;
let province: TestAgency;
let justice: TestAgency;
let health: TestAgency;
let officer: Client;
let justiceLeader: Client;
let desk: Client;
let citizen: Client;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  province = await createAgency(db, { name: 'UBND tỉnh Thử' });
  const home = await createAgency(db, { parent: province, name: 'Sở Nội vụ' });
  justice = await createAgency(db, { parent: province, name: 'Sở Tư pháp' });
  health = await createAgency(db, { parent: province, name: 'Sở Y tế' });
  const sign = async (a: TestAgency, roles: Parameters<typeof createStaff>[2]) => {
    const u = await createStaff(db, a, roles);
    return signIn(t.app, u.login, u.password);
  };
  officer = await sign(home, ['reform_officer']);
  justiceLeader = await sign(justice, ['agency_leader']);
  desk = await sign(justice, ['desk_officer']);
  const c = await createCitizen(db);
  citizen = await signIn(t.app, c.login, c.password);
});
afterAll(async () => t?.close());

const send = (client: Client | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, payload: payload as object, headers: client?.headers ?? {} });
const count = (agency: TestAgency, asOf: string, q: [number, number, number], theory: [number, number] = [0, 0]) => ({
  agencyId: agency.id,
  asOf,
  postgraduate: q[0],
  university: q[1],
  collegeOrBelow: q[2],
  theorySenior: theory[0],
  theoryIntermediate: theory[1],
});

describe('staffing records', () => {
  it('guards: 401 before 400, 403 without a reform permission, quotas only for the reform office', async () => {
    expect((await send(null, 'PUT', '/api/reform/staffing/counts', {})).statusCode).toBe(401);
    expect((await send(citizen, 'GET', '/api/reform/staffing/counts')).statusCode).toBe(403);
    expect((await send(desk, 'GET', '/api/reform/staffing/counts')).statusCode).toBe(403);
    expect((await send(justiceLeader, 'PUT', '/api/reform/staffing/quotas', { agencyId: justice.id, year: 2021, kind: 'civil_servant', quota: 40 })).statusCode).toBe(403);
    expect((await send(justiceLeader, 'GET', '/api/reform/staffing/summary?from=2021-01-01&to=2021-06-30')).statusCode).toBe(403);
    const bad = await send(officer, 'PUT', '/api/reform/staffing/counts', { ...count(justice, '2021-06-15', [1, 2, 3]), university: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].message).toBe('Số người trình độ đại học không được âm');
  });

  it('units enter their own counts only; the latest count per agency as of a date is summed', async () => {
    const own = await send(justiceLeader, 'PUT', '/api/reform/staffing/counts', count(justice, '2021-01-01', [2, 30, 8], [3, 5]));
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ total: 40, agencyName: 'Sở Tư pháp' });
    expect((await send(justiceLeader, 'PUT', '/api/reform/staffing/counts', count(health, '2021-01-01', [1, 1, 1]))).statusCode).toBe(404);
    const tooMany = await send(justiceLeader, 'PUT', '/api/reform/staffing/counts', count(justice, '2021-06-15', [1, 1, 1], [2, 2]));
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.code).toBe('STAFF_FIGURES_INVALID');

    await send(justiceLeader, 'PUT', '/api/reform/staffing/counts', count(justice, '2021-06-15', [3, 31, 7], [4, 6]));
    await send(officer, 'PUT', '/api/reform/staffing/counts', { ...count(health, '2021-06-01', [10, 100, 90], [1, 2]), educationHealth: 200 });
    // Setting the same date again replaces the figure rather than adding a row.
    await send(officer, 'PUT', '/api/reform/staffing/counts', { ...count(health, '2021-06-01', [10, 100, 90], [1, 2]), educationHealth: 200 });
    expect(await t.database.db.select().from(staffCounts).where(eq(staffCounts.agencyId, health.id))).toHaveLength(1);

    expect(await staffTotalsAsOf(t.database.db, '2021-06-30')).toEqual({
      agencies: 2, total: 241, postgraduate: 13, university: 131, collegeOrBelow: 97, theorySenior: 5, theoryIntermediate: 8, educationHealth: 200,
    });
    // A unit's own figures: the same query within its agency subtree.
    expect((await staffTotalsAsOf(t.database.db, '2021-06-30', justice.path)).total).toBe(41);
    // Before 1 June only Justice's January count exists.
    expect((await staffTotalsAsOf(t.database.db, '2021-05-31')).total).toBe(40);
    // The unit lists only its own subtree.
    const listed = (await send(justiceLeader, 'GET', '/api/reform/staffing/counts?asOf=2021-06-30')).json();
    expect(listed.map((c: { agencyName: string; total: number }) => [c.agencyName, c.total])).toEqual([['Sở Tư pháp', 41]]);
  });

  it('records personnel changes once per source key, quotas and schemes, and sums them in the summary', async () => {
    const change = { agencyId: justice.id, kind: 'retirement', staffCategory: 'civil_servant', occurredOn: '2021-03-01', personCount: 2, sourceKey: 'QD-12' };
    expect((await send(justiceLeader, 'POST', '/api/reform/staffing/personnel-changes', change)).statusCode).toBe(201);
    expect((await send(justiceLeader, 'POST', '/api/reform/staffing/personnel-changes', change)).statusCode).toBe(200);
    expect(await t.database.db.select().from(personnelChanges)).toHaveLength(1);
    await send(officer, 'POST', '/api/reform/staffing/personnel-changes', { ...change, agencyId: health.id, personCount: 1, sourceKey: null });
    await send(officer, 'POST', '/api/reform/staffing/personnel-changes', { ...change, kind: 'recruitment', staffCategory: 'public_employee', personCount: 12, occurredOn: '2021-07-02', sourceKey: null });
    const zero = await send(officer, 'POST', '/api/reform/staffing/personnel-changes', { ...change, personCount: 0, sourceKey: null });
    expect(zero.json().error.details.fields[0].message).toBe('Số người phải từ 1 trở lên');

    for (const [agency, kind, quota] of [[justice, 'civil_servant', 40], [health, 'civil_servant', 60], [health, 'public_employee', 900], [health, 'contract68_service_unit', 30]] as const) {
      expect((await send(officer, 'PUT', '/api/reform/staffing/quotas', { agencyId: agency.id, year: 2021, kind, quota })).statusCode).toBe(200);
    }
    await send(officer, 'PUT', '/api/reform/staffing/quotas', { agencyId: justice.id, year: 2021, kind: 'civil_servant', quota: 42 });
    expect((await send(officer, 'POST', '/api/reform/staffing/restructuring-schemes', { agencyId: health.id, title: 'Đề án kiện toàn Trung tâm Y tế', approvedOn: '2021-04-01' })).statusCode).toBe(201);

    const summary = (await send(officer, 'GET', '/api/reform/staffing/summary?from=2021-01-01&to=2021-06-30')).json();
    expect(summary.quotas).toEqual({ civil_servant: 102, public_employee: 900, contract68_admin: 0, contract68_service_unit: 30, contract68_association: 0 });
    expect(summary.personnelChanges).toEqual([{ kind: 'retirement', staffCategory: 'civil_servant', persons: 3, agencies: 2 }]);
    expect(summary.restructuringSchemes).toEqual({ count: 1, agencies: ['Sở Y tế'] });
    expect(summary.staff.total).toBe(241);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'staffing.quota_set'));
    expect(audits).toHaveLength(5);
  });

  it('keeps the autonomy register by kind and class, as of a date', async () => {
    const unit = (name: string, autonomyClass: string | null, extra: object = {}) =>
      send(officer, 'POST', '/api/reform/staffing/autonomy-units', { managingAgencyId: health.id, name, kind: 'public_service_unit', autonomyClass, autonomySince: '2016-01-01', validFrom: '2015-01-01', ...extra });
    expect((await unit('Bệnh viện A', null)).json().error.details.fields[0].message).toBe('Đơn vị sự nghiệp công lập phải có mức tự chủ chi thường xuyên');
    expect((await unit('Bệnh viện A', 'self_financing')).statusCode).toBe(201);
    expect((await unit('Bệnh viện A', 'self_financing')).statusCode).toBe(409);
    await unit('Trung tâm B', 'partly_self_financing');
    await unit('Trung tâm C', 'state_funded', { validTo: '2020-12-31' });
    await unit('Trạm D', 'state_funded', { autonomySince: null });
    const body = (name: string, mandatory: boolean) =>
      send(justiceLeader, 'POST', '/api/reform/staffing/autonomy-units', { managingAgencyId: justice.id, name, kind: 'administrative_body', mandatory, autonomySince: '2010-01-01', validFrom: '2008-01-01' });
    expect((await body('Sở Tư pháp', true)).statusCode).toBe(201);
    await body('Hội Luật gia', false);
    expect(await autonomyFigures(t.database.db, '2021-06-30')).toEqual({
      administrativeBodies: { mandatory: 1, mandatoryApplying: 1, voluntaryApplying: 1 },
      publicServiceUnits: { mandatory: 3, mandatoryApplying: 2, byClass: { self_financing: 1, partly_self_financing: 1, state_funded: 0 } },
    });
    expect((await autonomyFigures(t.database.db, '2020-06-30')).publicServiceUnits.byClass.state_funded).toBe(1);
  });

  it('imports staff counts with a row report, only for agencies in scope', async () => {
    const header = STAFF_COUNT_COLUMNS.map((c) => `"${c.header}"`).join(',');
    const csv = (rows: string[]) => [header, ...rows].join('\n');
    const post = (client: Client, body: string) => t.app.inject({ method: 'POST', url: '/api/reform/staffing/counts/import', payload: body, headers: { ...client.headers, 'content-type': 'text/csv' } });
    const rejected = await post(justiceLeader, csv([`${health.identifierCode},,30/06/2021,1,2,3,0,0,,`, `${justice.identifierCode},,31/06/2021,1,x,3,0,0,,`]));
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().error.details.lines).toEqual([
      'Dòng 2, cột A «Mã định danh cơ quan»: Cơ quan không thuộc phạm vi quản lý của bạn',
      'Dòng 3, cột C «Ngày số liệu»: Ngày số liệu «31/06/2021» không phải ngày có thật',
      'Dòng 3, cột E «Đại học»: Đại học «x» phải là số nguyên',
    ]);
    const ok = await post(officer, csv([`${health.identifierCode},,30/06/2021,11,100,90,1,2,150,`, `${justice.identifierCode},,30/06/2021,3,31,7,4,6,,`]));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ dryRun: false, rows: 2, saved: 2, total: 242 });
    expect((await staffTotalsAsOf(t.database.db, '2021-06-30')).total).toBe(242);
  });
});
