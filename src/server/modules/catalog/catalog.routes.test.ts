import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createCitizen } from '../../test/factories';
import { versionAgencyIds } from './catalog.queries';
import { auditActions, catalogCounts, createProvince, decisionBody, ensureField, newCode, procedureContent, publish, signedInStaff, type TestProvince } from './catalog.test-support';

let t: TestContext;
let home: TestProvince;
let other: TestProvince;
let officer: Client;
let otherOfficer: Client;
let departmentOfficer: Client;
let citizen: Client;
let procedureId: string;

beforeAll(async () => {
  t = await createTestApp();
  home = await createProvince(t.database.db);
  other = await createProvince(t.database.db);
  await ensureField(t.database.db);
  officer = await signedInStaff(t, home.committee, ['reform_officer']);
  otherOfficer = await signedInStaff(t, other.committee, ['reform_officer']);
  departmentOfficer = await signedInStaff(t, home.department, ['reform_officer']);
  const c = await createCitizen(t.database.db);
  citizen = await signIn(t.app, c.login, c.password);
  const applied = await publish(t, officer, decisionBody([{ action: 'add', procedureCode: newCode(), content: procedureContent() }]));
  procedureId = applied.decision.items[0]!.resultProcedureId;
});
afterAll(async () => t?.close());

describe('route order: 401, 400, 403, 404 before the happy path', () => {
  it('answers 401 to an anonymous write even when the body is invalid', async () => {
    for (const [method, url] of [
      ['POST', '/api/catalog/decisions'],
      ['POST', `/api/catalog/decisions/${randomUUID()}/apply`],
      ['PUT', `/api/catalog/procedures/${procedureId}/agencies`],
      ['POST', '/api/catalog/internal-processes'],
      ['POST', '/api/catalog/import'],
      ['POST', '/api/catalog/fields'],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: { nonsense: true } });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/catalog/export' })).statusCode).toBe(401);
  });

  it('answers 400 with Vietnamese field messages to a catalog manager sending an invalid body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/decisions',
      headers: officer.headers,
      payload: decisionBody([{ action: 'add', procedureCode: 'ABC', content: procedureContent({ onlineLevel: 2 }) }], { effectiveFrom: '2020-01-01' }),
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields as { path: string; message: string }[];
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'body.items.0.procedureCode', message: 'Mã thủ tục phải theo mẫu của Cơ sở dữ liệu quốc gia, ví dụ 1.000948.H38 hoặc 2.000635' },
        { path: 'body.effectiveFrom', message: 'Ngày có hiệu lực không được trước ngày ký' },
      ]),
    );
  });

  it('answers 403 to a citizen before looking at the body, and 403 to a manager of another province', async () => {
    const asCitizen = await t.app.inject({ method: 'POST', url: '/api/catalog/decisions', headers: citizen.headers, payload: { nonsense: true } });
    expect(asCitizen.statusCode).toBe(403);
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/decisions',
      headers: otherOfficer.headers,
      payload: decisionBody([{ action: 'add', procedureCode: newCode(), content: procedureContent() }], { publishingAgencyId: home.committee.id }),
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('answers 404 for unknown objects and for drafts of another province', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/${randomUUID()}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/catalog/decisions/${randomUUID()}/apply`, headers: officer.headers })).statusCode).toBe(404);
    const draft = await t.app.inject({ method: 'POST', url: '/api/catalog/decisions', headers: officer.headers, payload: decisionBody([{ action: 'add', procedureCode: newCode(), content: procedureContent() }]) });
    expect(draft.statusCode).toBe(201);
    const foreignApply = await t.app.inject({ method: 'POST', url: `/api/catalog/decisions/${draft.json().id}/apply`, headers: otherOfficer.headers });
    expect(foreignApply.statusCode).toBe(404);
    const ownApply = await t.app.inject({ method: 'POST', url: `/api/catalog/decisions/${draft.json().id}/apply`, headers: officer.headers });
    expect(ownApply.statusCode).toBe(200);
  });
});

describe('who may change the catalog', () => {
  const agenciesUrl = () => `/api/catalog/procedures/${procedureId}/agencies`;

  it('lets nobody but a manager of the publishing province change which agencies apply a procedure', async () => {
    const body = { agencyIds: [home.communes[0]!.id] };
    const before = await catalogCounts(t.database.db);
    expect((await t.app.inject({ method: 'PUT', url: agenciesUrl(), headers: citizen.headers, payload: body })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: agenciesUrl(), headers: otherOfficer.headers, payload: body })).statusCode).toBe(403);
    // A reform officer of a Sở below the publishing committee does not manage the provincial catalog.
    expect((await t.app.inject({ method: 'PUT', url: agenciesUrl(), headers: departmentOfficer.headers, payload: body })).statusCode).toBe(403);
    expect(await catalogCounts(t.database.db)).toEqual(before);

    const ok = await t.app.inject({ method: 'PUT', url: agenciesUrl(), headers: officer.headers, payload: { agencyIds: [home.communes[0]!.id, home.communes[1]!.id] } });
    expect(ok.statusCode).toBe(200);
    expect(await versionAgencyIds(t.database.db, ok.json().versionId)).toEqual([home.communes[0]!.id, home.communes[1]!.id].sort());
    expect(await auditActions(t.database.db, procedureId)).toContain('catalog.agencies_set');
  });

  it('refuses agencies of another province', async () => {
    const res = await t.app.inject({ method: 'PUT', url: agenciesUrl(), headers: officer.headers, payload: { agencyIds: [other.communes[0]!.id] } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CATALOG_AGENCY_INVALID');
    expect(res.json().error.message).toMatch(/^Cơ quan thực hiện không thuộc tỉnh công bố/);
  });

  it('shows each reader only the actions they may take', async () => {
    const asOfficer = await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/${procedureId}`, headers: officer.headers });
    const asOther = await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/${procedureId}`, headers: otherOfficer.headers });
    const asPublic = await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/${procedureId}` });
    expect(asOfficer.json().abilities).toEqual({ update: true, set_agencies: true, manage_internal_processes: true });
    expect(asOther.json().abilities).toEqual({ update: false, set_agencies: false, manage_internal_processes: false });
    expect(asPublic.json().abilities.update).toBe(false);
  });

  it('lets an administrator of the province manage it and audits field changes', async () => {
    const admin = await signedInStaff(t, home.committee, ['administrator']);
    const created = await t.app.inject({ method: 'POST', url: '/api/catalog/fields', headers: admin.headers, payload: { code: 'CHUNGTHUC', name: 'Chứng thực' } });
    expect(created.statusCode).toBe(201);
    const duplicate = await t.app.inject({ method: 'POST', url: '/api/catalog/fields', headers: officer.headers, payload: { code: 'CHUNGTHUC', name: 'Chứng thực' } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('FIELD_CODE_TAKEN');
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/catalog/fields/${created.json().id}`, headers: officer.headers, payload: { name: '  Chứng   thực ' } });
    expect(renamed.json().name).toBe('Chứng thực');
    expect(await auditActions(t.database.db, created.json().id)).toEqual(['catalog.field_created', 'catalog.field_updated']);
    const citizenTry = await t.app.inject({ method: 'POST', url: '/api/catalog/fields', headers: citizen.headers, payload: { code: 'DATDAI', name: 'Đất đai' } });
    expect(citizenTry.statusCode).toBe(403);
  });
});

describe('public catalog', () => {
  it('shows every component of a procedure, with fees as numbers and formatted amounts', async () => {
    const code = newCode();
    const applied = await publish(
      t,
      officer,
      decisionBody([
        {
          action: 'add',
          procedureCode: code,
          content: procedureContent({
            name: 'Cấp Giấy phép xây dựng nhà ở riêng lẻ',
            level: 'district',
            departmentKey: 'PKTHT',
            time: { value: 15, unit: 'calendar_days' },
            onlineLevel: 3,
            onlineScope: 'partial',
            subjects: ['individual', 'organisation'],
            fees: [{ name: 'Lệ phí cấp giấy phép xây dựng', amount: 75000, note: 'Nhà ở riêng lẻ' }],
            conditions: 'Phù hợp quy hoạch chi tiết xây dựng',
          }),
        },
      ]),
    );
    const detail = (await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/${applied.decision.items[0]!.resultProcedureId}` })).json();
    expect(detail).toMatchObject({
      code,
      level: 'district',
      levelLabel: 'Cấp huyện',
      time: { value: 15, unit: 'calendar_days', label: '15 ngày', legalMinutes: 15 * 8 * 60 },
      onlineScopeLabel: 'Một phần',
      subjects: [{ code: 'individual', label: 'Cá nhân' }, { code: 'organisation', label: 'Tổ chức' }],
      methods: [{ code: 'in_person', label: 'Trực tiếp' }, { code: 'online', label: 'Trực tuyến' }, { code: 'post', label: 'Dịch vụ bưu chính' }],
      fees: [{ name: 'Lệ phí cấp giấy phép xây dựng', amount: 75000, amountFormatted: '75.000 đ', note: 'Nhà ở riêng lẻ' }],
      conditions: 'Phù hợp quy hoạch chi tiết xây dựng',
      legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', issuedOn: '2014-11-20', url: null }],
      documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }, { name: 'Giấy chứng sinh' }],
      publishingAgency: { id: home.committee.id },
    });
    // A district-level procedure is applied by each district committee: one row per agency.
    expect(detail.agencies.map((a: { id: string }) => a.id).sort()).toEqual(home.districts.map((d) => d.id).sort());
  });
});
