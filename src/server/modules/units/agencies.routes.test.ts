import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { agencies, departments } from '../../db/schema';
import { createTestApp, type Client, type TestContext } from '../../test/test-app';
import { demoAgencies } from './demo/demo-units.data';
import type { DemoUnitsSeed } from './seed-demo-units';
import { auditActionsFor, seedDemo, staffOfSeededAgency } from './units.test-support';

let t: TestContext;
let seed: DemoUnitsSeed;
let provinceAdmin: Client;
let districtAdmin: Client;
let specialist: Client;
const agencyId = (key: string) => seed.agencyIds.get(key)!;
const departmentId = (agencyKey: string, key: string) => seed.departmentIds.get(`${agencyKey}/${key}`)!;

beforeAll(async () => {
  t = await createTestApp();
  seed = await seedDemo(t);
  provinceAdmin = await staffOfSeededAgency(t, seed, 'UBND_TINH', ['administrator']);
  districtAdmin = await staffOfSeededAgency(t, seed, 'UBND_VITHANH', ['administrator']);
  specialist = await staffOfSeededAgency(t, seed, 'UBND_VITHANH', ['specialist']);
});
afterAll(async () => t?.close());

type Json = Record<string, unknown>;
const get = (url: string, client?: Client) => t.app.inject({ method: 'GET', url, headers: client?.headers });
const post = (client: Client | undefined, url: string, payload: Json) => t.app.inject({ method: 'POST', url, payload, headers: client?.headers });
const patch = (client: Client | undefined, url: string, payload: Json) => t.app.inject({ method: 'PATCH', url, payload, headers: client?.headers });

let identifierCounter = 40;
/** A free identifier code in the demo province's pattern (group 40+ is unused by the demo data). */
const freeIdentifier = () => `000.00.${String(identifierCounter++).padStart(2, '0')}.H33`;
const childAgency = (overrides: Json = {}) => ({
  name: 'Trung tâm Văn hóa - Thể thao thành phố Vị Thanh',
  shortName: 'TTVHTT Vị Thanh',
  kind: 'department',
  unitId: seed.unitIds.get('VITHANH'),
  identifierCode: freeIdentifier(),
  validFrom: '2010-01-01',
  ...overrides,
});

describe('GET /api/agencies', () => {
  it('finds agencies by name without diacritics and by identifier code', async () => {
    const res = await get('/api/agencies?q=so%20tu%20phap');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((a: Json) => a.key)).toEqual(['STP']);
    const byCode = await get(`/api/agencies?q=${encodeURIComponent('000.00.00.H33')}`);
    expect(byCode.json().items.map((a: Json) => a.key)).toEqual(['UBND_TINH']);
  });

  it('filters by kind, parent and unit, counting all matches across pages', async () => {
    const districts = demoAgencies.filter((a) => a.kind === 'district_committee');
    const res = await get('/api/agencies?kind=district_committee&pageSize=3');
    expect(res.json().total).toBe(districts.length);
    expect(res.json().items).toHaveLength(3);
    const communes = demoAgencies.filter((a) => a.parentKey === 'UBND_VITHANH').map((a) => a.key);
    const children = await get(`/api/agencies?parentId=${agencyId('UBND_VITHANH')}&pageSize=100`);
    expect(children.json().items.map((a: Json) => a.key).sort()).toEqual(communes.sort());
    const unit = await get(`/api/agencies?unitId=${seed.unitIds.get('VITHANH_P1')}`);
    expect(unit.json().items.map((a: Json) => a.key)).toEqual(['UBND_VITHANH_P1']);
  });

  it('lists the agencies operating on a day only', async () => {
    const created = await post(provinceAdmin, `/api/agencies/${agencyId('UBND_VITHANH')}/children`, childAgency({ name: 'Ban Quản lý dự án Vị Thanh', validFrom: '2024-01-01' }));
    expect(created.statusCode, created.body).toBe(201);
    const before = await get(`/api/agencies?parentId=${agencyId('UBND_VITHANH')}&asOf=2023-12-31&pageSize=100`);
    const after = await get(`/api/agencies?parentId=${agencyId('UBND_VITHANH')}&asOf=2024-01-01&pageSize=100`);
    expect(before.json().items.map((a: Json) => a.id)).not.toContain(created.json().id);
    expect(after.json().items.map((a: Json) => a.id)).toContain(created.json().id);
  });

  it('rejects a malformed filter', async () => {
    expect((await get('/api/agencies?kind=ministry')).statusCode).toBe(400);
  });
});

describe('GET /api/agencies/:id', () => {
  it('shows an agency with its departments (one-stop desk first) to anyone, abilities by scope', async () => {
    expect((await get(`/api/agencies/${randomUUID()}`)).statusCode).toBe(404);
    const anonymous = await get(`/api/agencies/${agencyId('UBND_VITHANH')}`);
    expect(anonymous.statusCode).toBe(200);
    const body = anonymous.json();
    expect(body.departments[0]).toMatchObject({ key: 'BPMC', isOneStopDesk: true });
    expect(body.parent.key).toBe('UBND_TINH');
    expect(body.unit.key).toBe('VITHANH');
    expect(body.abilities).toEqual({ update: false, create_child: false, manage_departments: false });
    expect((await get(`/api/agencies/${agencyId('UBND_VITHANH')}`, districtAdmin)).json().abilities.update).toBe(true);
    expect((await get(`/api/agencies/${agencyId('SNV')}`, districtAdmin)).json().abilities).toEqual({ update: false, create_child: false, manage_departments: false });
    expect((await get(`/api/agencies/${agencyId('SNV')}`, provinceAdmin)).json().abilities.manage_departments).toBe(true);
  });
});

describe('POST /api/agencies/:id/children', () => {
  it('checks sign-in, input, permission, scope and existence in that order', async () => {
    const url = `/api/agencies/${agencyId('UBND_VITHANH')}/children`;
    expect((await post(undefined, url, childAgency())).statusCode).toBe(401);
    const bad = await post(districtAdmin, url, childAgency({ identifierCode: '12.34', validFrom: '2021-02-29' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: Json) => f.path)).toEqual(expect.arrayContaining(['body.identifierCode', 'body.validFrom']));
    expect((await post(specialist, url, childAgency())).statusCode).toBe(403);
    expect((await post(districtAdmin, `/api/agencies/${agencyId('UBND_TINH')}/children`, childAgency())).statusCode).toBe(403);
    expect((await post(districtAdmin, `/api/agencies/${randomUUID()}/children`, childAgency())).statusCode).toBe(404);
  });

  it('creates a child agency with the parent path plus its own id, and audits it', async () => {
    const input = childAgency();
    const res = await post(districtAdmin, `/api/agencies/${agencyId('UBND_VITHANH')}/children`, input);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: input.name, identifierCode: input.identifierCode, key: `DD_${String(input.identifierCode).replaceAll('.', '_')}`, parentId: agencyId('UBND_VITHANH') });
    const [row] = await t.database.db.select().from(agencies).where(eq(agencies.id, body.id));
    const [parent] = await t.database.db.select().from(agencies).where(eq(agencies.id, agencyId('UBND_VITHANH')));
    expect(row!.path).toBe(`${parent!.path}${body.id}/`);
    expect(await auditActionsFor(t, body.id)).toEqual(['agency.created']);

    const taken = await post(districtAdmin, `/api/agencies/${agencyId('UBND_VITHANH')}/children`, childAgency({ identifierCode: input.identifierCode }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('AGENCY_IDENTIFIER_TAKEN');
  });

  it('refuses a commune committee attached to a district-level unit, or one starting before its parent', async () => {
    const wrongLevel = await post(districtAdmin, `/api/agencies/${agencyId('UBND_VITHANH')}/children`, childAgency({ kind: 'commune_committee' }));
    expect(wrongLevel.statusCode).toBe(422);
    expect(wrongLevel.json().error).toMatchObject({ code: 'AGENCY_UNIT_INVALID', details: { fields: [{ path: 'body.unitId' }] } });
    const early = await post(districtAdmin, `/api/agencies/${agencyId('UBND_VITHANH')}/children`, childAgency({ validFrom: '2000-01-01' }));
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('AGENCY_PARENT_INVALID');
  });
});

describe('PATCH /api/agencies/:id', () => {
  it('checks sign-in, input, permission, scope and existence in that order', async () => {
    const url = `/api/agencies/${agencyId('SNV')}`;
    expect((await patch(undefined, url, { phone: '02933878000' })).statusCode).toBe(401);
    expect((await patch(provinceAdmin, url, {})).statusCode).toBe(400);
    expect((await patch(specialist, url, { phone: '02933878000' })).statusCode).toBe(403);
    // A district administrator cannot edit a provincial department (it is public, so 403 rather than 404).
    const outside = await patch(districtAdmin, url, { phone: '02933878000' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('FORBIDDEN');
    expect((await patch(provinceAdmin, `/api/agencies/${randomUUID()}`, { phone: '02933878000' })).statusCode).toBe(404);
  });

  it('updates an agency in scope, audits the changes and writes nothing for a repeat', async () => {
    const id = agencyId('UBND_VITHANH_P3');
    const res = await patch(districtAdmin, `/api/agencies/${id}`, { address: ' Số 1  đường Trần Hưng Đạo ', workingHours: [{ start: '07:00', end: '11:00' }, { start: '13:00', end: '17:00' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().address).toBe('Số 1 đường Trần Hưng Đạo');
    expect(await auditActionsFor(t, id)).toEqual(['agency.updated']);
    await patch(districtAdmin, `/api/agencies/${id}`, { address: 'Số 1 đường Trần Hưng Đạo' });
    expect(await auditActionsFor(t, id)).toEqual(['agency.updated']);
    const overlapping = await patch(districtAdmin, `/api/agencies/${id}`, { workingHours: [{ start: '07:00', end: '12:00' }, { start: '11:00', end: '17:00' }] });
    expect(overlapping.statusCode).toBe(400);
  });

  it('moves an agency with its whole subtree and rewrites every path', async () => {
    const communeId = agencyId('UBND_VITHANH_P5');
    const sub = await post(provinceAdmin, `/api/agencies/${communeId}/children`, childAgency({ name: 'Tổ Một cửa phường V', shortName: 'Tổ MC P5', unitId: seed.unitIds.get('VITHANH_P5') }));
    expect(sub.statusCode, sub.body).toBe(201);
    const res = await patch(provinceAdmin, `/api/agencies/${communeId}`, { parentId: agencyId('UBND_NGABAY') });
    expect(res.statusCode, res.body).toBe(200);
    const [newParent] = await t.database.db.select().from(agencies).where(eq(agencies.id, agencyId('UBND_NGABAY')));
    const [moved] = await t.database.db.select().from(agencies).where(eq(agencies.id, communeId));
    const [child] = await t.database.db.select().from(agencies).where(eq(agencies.id, sub.json().id));
    expect(moved!.path).toBe(`${newParent!.path}${communeId}/`);
    expect(child!.path).toBe(`${moved!.path}${child!.id}/`);
    expect(await auditActionsFor(t, communeId)).toEqual(['agency.moved']);
    // The old district's administrator no longer reaches it.
    expect((await patch(districtAdmin, `/api/agencies/${communeId}`, { phone: '0293' })).statusCode).toBe(403);
  });

  it('refuses to move an agency under its own subtree', async () => {
    const res = await patch(provinceAdmin, `/api/agencies/${agencyId('UBND_CHAUTHANH')}`, { parentId: agencyId('UBND_CHAUTHANH_NGASAU') });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('AGENCY_PARENT_INVALID');
    const [row] = await t.database.db.select().from(agencies).where(eq(agencies.id, agencyId('UBND_CHAUTHANH')));
    expect(await t.database.db.$count(agencies, like(agencies.path, `${row!.path}%`))).toBeGreaterThan(1);
  });

  it('refuses to close an agency while a child still operates after that day', async () => {
    const res = await patch(provinceAdmin, `/api/agencies/${agencyId('UBND_VITHUY')}`, { validTo: '2025-06-30' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('AGENCY_HAS_ACTIVE_CHILDREN');
  });
});

describe('departments', () => {
  it('checks sign-in, input, permission, scope and existence before adding a department', async () => {
    const url = `/api/agencies/${agencyId('UBND_VITHANH')}/departments`;
    expect((await post(undefined, url, { name: 'Phòng Thử' })).statusCode).toBe(401);
    expect((await post(districtAdmin, url, { name: '' })).statusCode).toBe(400);
    expect((await post(specialist, url, { name: 'Phòng Thử' })).statusCode).toBe(403);
    expect((await post(districtAdmin, `/api/agencies/${agencyId('SNV')}/departments`, { name: 'Phòng Thử' })).statusCode).toBe(403);
    expect((await post(districtAdmin, `/api/agencies/${randomUUID()}/departments`, { name: 'Phòng Thử' })).statusCode).toBe(404);
  });

  it('adds a department with a key from its initials and audits it; a second one-stop desk is refused', async () => {
    const url = `/api/agencies/${agencyId('UBND_VITHANH')}/departments`;
    const res = await post(districtAdmin, url, { name: 'Phòng Dân tộc' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ key: 'PDT', name: 'Phòng Dân tộc', isOneStopDesk: false });
    expect(await auditActionsFor(t, res.json().id)).toEqual(['department.created']);
    const same = await post(districtAdmin, url, { name: 'Phòng Đô thị' });
    expect(same.json().key).toBe('PDT2');
    const desk = await post(districtAdmin, url, { name: 'Bộ phận tiếp nhận thứ hai', isOneStopDesk: true });
    expect(desk.statusCode).toBe(409);
    expect(desk.json().error.code).toBe('ONE_STOP_DESK_EXISTS');
  });

  it('keeps a district administrator away from a provincial department (403), and edits one in scope', async () => {
    const provincial = `/api/agencies/${agencyId('SNV')}/departments/${departmentId('SNV', 'PCCHC')}`;
    expect((await patch(undefined, provincial, { name: 'Phòng CCHC' })).statusCode).toBe(401);
    expect((await patch(provinceAdmin, provincial, {})).statusCode).toBe(400);
    expect((await patch(districtAdmin, provincial, { name: 'Phòng CCHC' })).statusCode).toBe(403);
    // A department id under another agency is not found there.
    expect((await patch(provinceAdmin, `/api/agencies/${agencyId('STP')}/departments/${departmentId('SNV', 'PCCHC')}`, { name: 'X' })).statusCode).toBe(404);

    const own = departmentId('UBND_VITHANH', 'PTP');
    const res = await patch(districtAdmin, `/api/agencies/${agencyId('UBND_VITHANH')}/departments/${own}`, { name: 'Phòng Tư pháp thành phố' });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Phòng Tư pháp thành phố');
    expect(await auditActionsFor(t, own)).toEqual(['department.updated']);
  });

  it('moves the one-stop desk only after the old one is released', async () => {
    const agency = agencyId('UBND_VITHANH_P7');
    const url = (d: string) => `/api/agencies/${agency}/departments/${d}`;
    const refused = await patch(districtAdmin, url(departmentId('UBND_VITHANH_P7', 'TPHT')), { isOneStopDesk: true });
    expect(refused.statusCode).toBe(409);
    expect((await patch(districtAdmin, url(departmentId('UBND_VITHANH_P7', 'BPMC')), { isOneStopDesk: false })).statusCode).toBe(200);
    expect((await patch(districtAdmin, url(departmentId('UBND_VITHANH_P7', 'TPHT')), { isOneStopDesk: true })).statusCode).toBe(200);
    const desks = await t.database.db.select().from(departments).where(eq(departments.agencyId, agency));
    expect(desks.filter((d) => d.isOneStopDesk).map((d) => d.key)).toEqual(['TPHT']);
  });
});
