import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createAgency, createCitizen, createStaff, type TestAgency } from '../../test/factories';
import { inspectionFigures } from './inspections.queries';

let t: TestContext;
let province: TestAgency;
let justice: TestAgency;
let labour: TestAgency;
let district: TestAgency;
let officer: Client;
let justiceLeader: Client;
let labourLeader: Client;
let desk: Client;
let citizen: Client;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  province = await createAgency(db, { name: 'UBND tỉnh Thử' });
  const home = await createAgency(db, { parent: province, name: 'Sở Nội vụ' });
  justice = await createAgency(db, { parent: province, name: 'Sở Tư pháp' });
  labour = await createAgency(db, { parent: province, name: 'Sở Lao động - Thương binh và Xã hội' });
  district = await createAgency(db, { parent: province, name: 'UBND huyện Thử', kind: 'district_committee' });
  const sign = async (a: TestAgency, roles: Parameters<typeof createStaff>[2]) => {
    const u = await createStaff(db, a, roles);
    return signIn(t.app, u.login, u.password);
  };
  officer = await sign(home, ['reform_officer']);
  justiceLeader = await sign(justice, ['agency_leader']);
  labourLeader = await sign(labour, ['agency_leader']);
  desk = await sign(justice, ['desk_officer']);
  const c = await createCitizen(db);
  citizen = await signIn(t.app, c.login, c.password);
});
afterAll(async () => t?.close());

const send = (client: Client | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, payload: payload as object, headers: client?.headers ?? {} });

describe('inspections', () => {
  let planId: string;
  let justiceInspection: string;

  it('guards: 401 before 400, 403 for desk officers, citizens and units recording inspections', async () => {
    expect((await send(null, 'POST', '/api/reform/inspections', {})).statusCode).toBe(401);
    expect((await send(citizen, 'GET', '/api/reform/inspections')).statusCode).toBe(403);
    expect((await send(desk, 'GET', '/api/reform/inspections')).statusCode).toBe(403);
    expect((await send(justiceLeader, 'POST', '/api/reform/inspections', { inspectedAgencyId: justice.id, startedOn: '2021-05-10', areas: ['procedures'] })).statusCode).toBe(403);
    const bad = await send(officer, 'POST', '/api/reform/inspections', { inspectedAgencyId: justice.id, startedOn: '2021-05-10', endedOn: '2021-05-01', areas: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining(['Chọn ít nhất một lĩnh vực được kiểm tra']),
    );
  });

  it('plans and records inspections with findings; the inspected unit sees its own and reports follow-up', async () => {
    const plan = await send(officer, 'POST', '/api/reform/inspection-plans', { agencyId: province.id, year: 2021, title: 'Kiểm tra công tác CCHC và công vụ năm 2021', plannedUnitCount: 5 });
    expect(plan.statusCode, plan.body).toBe(201);
    planId = plan.json().id;
    const inspect = async (agency: TestAgency, startedOn: string) => {
      const res = await send(officer, 'POST', '/api/reform/inspections', { planId, inspectedAgencyId: agency.id, startedOn, endedOn: startedOn, areas: ['procedures', 'civil_service'] });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    justiceInspection = await inspect(justice, '2021-05-20');
    await inspect(labour, '2021-05-25');
    await inspect(district, '2021-06-08');
    await inspect(district, '2021-08-10');
    expect((await send(officer, 'POST', '/api/reform/inspections', { planId, inspectedAgencyId: justice.id, startedOn: '2021-05-20', areas: ['procedures'] })).statusCode).toBe(409);

    const withFinding = await send(officer, 'POST', `/api/reform/inspections/${justiceInspection}/findings`, {
      area: 'procedures',
      finding: 'Chưa niêm yết đầy đủ TTHC tại Bộ phận Một cửa',
      recommendation: 'Niêm yết đầy đủ trong 15 ngày',
      dueOn: '2021-06-10',
    });
    expect(withFinding.statusCode, withFinding.body).toBe(201);
    await send(officer, 'POST', `/api/reform/inspections/${justiceInspection}/findings`, { area: 'civil_service', finding: 'Chưa cập nhật hồ sơ công chức' });
    const findings = withFinding.json().findings;
    expect(findings[0]).toMatchObject({ position: 1, status: 'open', statusLabel: 'Chưa khắc phục' });

    const own = (await send(justiceLeader, 'GET', '/api/reform/inspections')).json();
    expect(own.map((i: { id: string }) => i.id)).toEqual([justiceInspection]);
    expect(own[0].abilities).toEqual({ update: false, add_finding: false, follow_up: true });
    expect((await send(labourLeader, 'GET', `/api/reform/inspections/${justiceInspection}`)).statusCode).toBe(404);
    expect((await send(labourLeader, 'POST', `/api/reform/findings/${findings[0].id}/follow-up`, { status: 'in_progress' })).statusCode).toBe(404);

    const missingDate = await send(justiceLeader, 'POST', `/api/reform/findings/${findings[0].id}/follow-up`, { status: 'resolved' });
    expect(missingDate.json().error.details.fields[0].message).toBe('Ghi ngày đã khắc phục xong');
    const resolved = await send(justiceLeader, 'POST', `/api/reform/findings/${findings[0].id}/follow-up`, { status: 'resolved', resolvedOn: '2021-06-05', note: 'Đã niêm yết' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().findings[0]).toMatchObject({ status: 'resolved', resolvedOn: '2021-06-05', followUpNote: 'Đã niêm yết' });

    const plans = (await send(justiceLeader, 'GET', '/api/reform/inspection-plans?year=2021')).json();
    expect(plans[0]).toMatchObject({ plannedUnitCount: 5, inspectedCount: 4 });
  });

  it('counts the period: units by kind with names, findings resolved by its end', async () => {
    const h1 = await inspectionFigures(t.database.db, { from: '2021-01-01', to: '2021-06-30' });
    expect(h1).toEqual({
      inspections: 3,
      byAgencyKind: [
        { agencyKind: 'department', count: 2, agencies: ['Sở Tư pháp', 'Sở Lao động - Thương binh và Xã hội'] },
        { agencyKind: 'district_committee', count: 1, agencies: ['UBND huyện Thử'] },
      ],
      findings: 2,
      findingsResolved: 1,
      findingsOpen: 1,
    });
    // Resolved on 5 June: at the end of May it was still open.
    expect((await inspectionFigures(t.database.db, { from: '2021-01-01', to: '2021-05-31' })).findingsResolved).toBe(0);
    expect((await send(officer, 'GET', '/api/reform/inspections/figures?from=2021-01-01&to=2021-06-30')).json()).toEqual(h1);
  });
});
