import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, notifications, users } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createAgency, createCitizen, createStaff, findUser, type TestAgency, type TestUser } from '../../test/factories';

let t: TestContext;
let province: TestAgency;
let district: TestAgency;
let otherProvince: TestAgency;
let provinceAdmin: TestUser;
let districtAdmin: TestUser;
let desk: TestUser;
let reformOfficer: TestUser;
let citizenA: TestUser;
let citizenB: TestUser;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  province = await createAgency(db);
  district = await createAgency(db, { parent: province, name: 'UBND huyện Châu Thành' });
  otherProvince = await createAgency(db);
  provinceAdmin = await createStaff(db, province, ['administrator'], 'Quản trị Tỉnh');
  districtAdmin = await createStaff(db, district, ['administrator'], 'Quản trị Huyện');
  desk = await createStaff(db, province, ['desk_officer'], 'Lê Thị Một Cửa');
  reformOfficer = await createStaff(db, province, ['reform_officer'], 'Cán bộ Cải cách');
  citizenA = await createCitizen(db, 'Nguyễn Văn An');
  citizenB = await createCitizen(db, 'Trần Thị Bích');
  for (const [name, user] of Object.entries({ provinceAdmin, districtAdmin, desk, reformOfficer, citizenA, citizenB })) {
    clients[name] = await signIn(t.app, user.login, user.password);
  }
});
afterAll(async () => t?.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, client?: Client, payload?: unknown) =>
  t.app.inject({ method, url, headers: client?.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

const auditRows = (subjectId: string, action?: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, subjectId), action ? eq(auditLog.action, action) : undefined));

describe('GET/PATCH /api/users/me', () => {
  it('requires a signed-in user', async () => {
    expect((await call('GET', '/api/users/me')).statusCode).toBe(401);
    expect((await call('PATCH', '/api/users/me', undefined, { phone: 'x' })).statusCode).toBe(401);
  });

  it('shows citizens their own ID number unmasked, with their abilities', async () => {
    const res = await call('GET', '/api/users/me', clients.citizenA);
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.id).toBe(citizenA.id);
    expect(me.idNumber).toBe(citizenA.idNumber);
    expect(me.idNumberMasked).not.toBe(citizenA.idNumber);
    expect(me.abilities).toMatchObject({ update_profile: true, change_password: true, disable: false, set_roles: false });
  });

  it('rejects invalid or forbidden fields with Vietnamese messages and changes nothing', async () => {
    const before = await findUser(t.database.db, citizenA.id);
    const idChange = await call('PATCH', '/api/users/me', clients.citizenA, { idNumber: '093090000001', phone: '0987654321' });
    expect(idChange.statusCode).toBe(400);
    expect(JSON.stringify(idChange.json().error.details)).toContain('số định danh cá nhân');
    const badPhone = await call('PATCH', '/api/users/me', clients.citizenA, { phone: '12345' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.details.fields[0].path).toBe('body.phone');
    const taxWithoutOrg = await call('PATCH', '/api/users/me', clients.citizenA, { taxCode: '0101234567' });
    expect(taxWithoutOrg.statusCode).toBe(400);
    expect(taxWithoutOrg.json().error.details.fields[0].message).toBe('Vui lòng nhập tên tổ chức đi kèm mã số thuế');
    expect(await findUser(t.database.db, citizenA.id)).toEqual(before);
  });

  it('refuses an email that another account uses', async () => {
    const other = await findUser(t.database.db, citizenB.id);
    const res = await call('PATCH', '/api/users/me', clients.citizenA, { email: other!.email!.toUpperCase() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('updates contact and organisation, tells the old email address, audits once per real change', async () => {
    const citizen = await createCitizen(t.database.db, 'Phạm Văn Công');
    const client = await signIn(t.app, citizen.login, citizen.password);
    const oldEmail = (await findUser(t.database.db, citizen.id))!.email!;
    const input = { phone: '0701 234 567', email: `moi.${citizen.id.slice(0, 8)}@example.vn`, address: '  Số 5,  đường 30/4, Vị Thanh ', organisationName: 'Công ty TNHH Hậu Giang', taxCode: '6300123456' };
    const res = await call('PATCH', '/api/users/me', client, input);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: '0701234567', email: input.email, address: 'Số 5, đường 30/4, Vị Thanh', taxCode: '6300123456', idNumber: citizen.idNumber });
    const [notice] = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, citizen.id), eq(notifications.template, 'email_changed')));
    expect(notice!.recipient).toBe(oldEmail);
    const audits = await auditRows(citizen.id, 'user.updated');
    expect(audits).toHaveLength(1);
    expect(audits[0]!.summary).toMatchObject({ fields: expect.arrayContaining(['phone', 'email', 'address', 'organisationName', 'taxCode']) });
    expect(audits[0]!.actorId).toBe(citizen.id);

    const retry = await call('PATCH', '/api/users/me', client, input);
    expect(retry.statusCode).toBe(200);
    expect(await auditRows(citizen.id, 'user.updated')).toHaveLength(1);
  });
});

describe('GET /api/users', () => {
  it('checks 401, 403 and 400 before listing', async () => {
    expect((await call('GET', '/api/users')).statusCode).toBe(401);
    expect((await call('GET', '/api/users', clients.citizenA)).statusCode).toBe(403);
    const bad = await call('GET', '/api/users?pageSize=1000&kind=robot', clients.desk);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['querystring.pageSize', 'querystring.kind']));
  });

  it('finds a citizen by name without diacritics and masks ID numbers', async () => {
    const res = await call('GET', `/api/users?q=${encodeURIComponent('nguyen van AN')}&kind=citizen`, clients.desk);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const found = body.items.find((u: { id: string }) => u.id === citizenA.id);
    expect(found).toMatchObject({ fullName: 'Nguyễn Văn An', kind: 'citizen' });
    expect(found.idNumberMasked).toMatch(/^\d{4}\*{6}\d{2}$/);
    expect(res.body).not.toContain(citizenA.idNumber);
    expect(body.items.every((u: { kind: string }) => u.kind === 'citizen')).toBe(true);
  });

  it('finds a citizen by exact ID number for staff who handle personal data', async () => {
    const res = await call('GET', `/api/users?q=${citizenB.idNumber}`, clients.desk);
    expect(res.json().items.map((u: { id: string }) => u.id)).toEqual([citizenB.id]);
    expect(res.body).not.toContain(citizenB.idNumber);
  });

  it('lists no citizens to staff without a personal-data permission', async () => {
    const res = await call('GET', '/api/users?pageSize=200', clients.reformOfficer);
    expect(res.statusCode).toBe(200);
    const kinds = new Set(res.json().items.map((u: { kind: string }) => u.kind));
    expect(kinds).toEqual(new Set(['staff']));
  });

  it('keeps administrators to their agency subtree and filters by agency, role and status', async () => {
    const extra = await createStaff(t.database.db, district, ['specialist'], 'Chuyên viên Huyện');
    const ids = (res: { json: () => { items: { id: string }[] } }) => res.json().items.map((u) => u.id);
    const districtList = await call('GET', '/api/users?pageSize=200', clients.districtAdmin);
    expect(ids(districtList)).toEqual(expect.arrayContaining([districtAdmin.id, extra.id]));
    expect(ids(districtList)).not.toContain(provinceAdmin.id);
    expect(ids(districtList)).not.toContain(citizenA.id);

    const byAgency = await call('GET', `/api/users?agencyId=${district.id}&pageSize=200`, clients.provinceAdmin);
    expect(new Set(ids(byAgency))).toEqual(new Set([districtAdmin.id, extra.id]));
    const byRole = await call('GET', `/api/users?agencyId=${district.id}&role=specialist`, clients.provinceAdmin);
    expect(ids(byRole)).toEqual([extra.id]);
    expect(byRole.json().total).toBe(1);
    const disabled = await call('GET', `/api/users?agencyId=${district.id}&status=disabled`, clients.provinceAdmin);
    expect(disabled.json().total).toBe(0);
    const outside = await call('GET', `/api/users?agencyId=${otherProvince.id}`, clients.provinceAdmin);
    expect(outside.json().total).toBe(0);
  });

  it('paginates with a stable total', async () => {
    const page1 = (await call('GET', `/api/users?agencyId=${province.id}&pageSize=2&page=1`, clients.provinceAdmin)).json();
    const page2 = (await call('GET', `/api/users?agencyId=${province.id}&pageSize=2&page=2`, clients.provinceAdmin)).json();
    expect(page1.total).toBe(page2.total);
    expect(page1.items).toHaveLength(2);
    const seen = [...page1.items, ...page2.items].map((u: { id: string }) => u.id);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('POST /api/users', () => {
  const valid = (overrides: Record<string, unknown> = {}) => ({
    username: `cb.${Math.random().toString(36).slice(2, 10)}`,
    fullName: 'Võ Thị Hạnh',
    email: `hanh.${Math.random().toString(36).slice(2, 10)}@haugiang.gov.vn`,
    agencyId: district.id,
    departmentId: district.deskDepartmentId,
    roles: ['desk_officer'],
    ...overrides,
  });

  it('checks 401, 403, 400 before creating anything', async () => {
    const before = await t.database.db.$count(users);
    expect((await call('POST', '/api/users', undefined, valid())).statusCode).toBe(401);
    expect((await call('POST', '/api/users', clients.desk, valid())).statusCode).toBe(403);
    const bad = await call('POST', '/api/users', clients.provinceAdmin, valid({ username: 'Tên Có Dấu', roles: ['citizen'] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['body.username', 'body.roles.0']));
    const noRoles = await call('POST', '/api/users', clients.provinceAdmin, valid({ roles: [] }));
    expect(noRoles.statusCode).toBe(400);
    const wrongDept = await call('POST', '/api/users', clients.provinceAdmin, valid({ departmentId: province.departmentId }));
    expect(wrongDept.statusCode).toBe(400);
    expect(wrongDept.json().error.details.fields[0].path).toBe('body.departmentId');
    expect(await t.database.db.$count(users)).toBe(before);
  });

  it('refuses agencies outside the administrator’s subtree', async () => {
    const up = await call('POST', '/api/users', clients.districtAdmin, valid({ agencyId: province.id, departmentId: province.departmentId }));
    expect(up.statusCode).toBe(403);
    const away = await call('POST', '/api/users', clients.provinceAdmin, valid({ agencyId: otherProvince.id, departmentId: undefined }));
    expect(away.statusCode).toBe(403);
  });

  it('creates a staff account with the given password, audited', async () => {
    const input = valid({ password: 'KhoiTao2026', roles: ['specialist', 'desk_officer', 'specialist'] });
    const res = await call('POST', '/api/users', clients.districtAdmin, input);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ kind: 'staff', username: input.username, roles: ['desk_officer', 'specialist'], agency: { id: district.id }, department: { id: district.deskDepartmentId } });
    expect(created.abilities).toMatchObject({ update: true, set_roles: true, disable: true, enable: false });
    expect(JSON.stringify(created)).not.toContain('KhoiTao2026');
    const [audit] = await auditRows(created.id, 'user.created');
    expect(audit!.actorId).toBe(districtAdmin.id);
    expect(audit!.summary).toMatchObject({ username: input.username, roles: ['desk_officer', 'specialist'], initialPasswordSentBy: null });
    const session = await signIn(t.app, input.username.toUpperCase(), 'KhoiTao2026');
    expect(session.userId).toBe(created.id);

    const again = await call('POST', '/api/users', clients.provinceAdmin, valid({ username: input.username.toUpperCase() }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('USERNAME_TAKEN');
  });

  it('generates an initial password and sends it through the outbox when none is given', async () => {
    const input = valid();
    const res = await call('POST', '/api/users', clients.provinceAdmin, input);
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const [mail] = await t.database.db.select().from(notifications).where(eq(notifications.userId, id));
    expect(mail).toMatchObject({ channel: 'email', recipient: input.email, template: 'staff_account_created' });
    const password = /Mật khẩu ban đầu: (\S+)/.exec(mail!.body)![1]!;
    expect(res.body).not.toContain(password);
    expect(JSON.stringify(await auditRows(id))).not.toContain(password);
    const session = await signIn(t.app, input.username, password);
    expect(session.userId).toBe(id);
  });

  it('needs a password or a way to send one', async () => {
    const res = await call('POST', '/api/users', clients.provinceAdmin, valid({ email: undefined }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe('body.password');
  });
});

describe('GET /api/users/:id', () => {
  it('checks 401 and 400, and answers 404 for unknown accounts', async () => {
    expect((await call('GET', `/api/users/${citizenA.id}`)).statusCode).toBe(401);
    expect((await call('GET', '/api/users/khong-phai-uuid', clients.desk)).statusCode).toBe(400);
    expect((await call('GET', `/api/users/${crypto.randomUUID()}`, clients.provinceAdmin)).statusCode).toBe(404);
  });

  it('hides one citizen from another (404, not 403)', async () => {
    const res = await call('GET', `/api/users/${citizenB.id}`, clients.citizenA);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(citizenB.idNumber);
  });

  it('records every staff view of a citizen’s profile in the audit trail', async () => {
    const before = await auditRows(citizenA.id, 'personal_data.viewed');
    const res = await call('GET', `/api/users/${citizenA.id}`, clients.desk);
    expect(res.statusCode).toBe(200);
    expect(res.json().idNumber).toBe(citizenA.idNumber);
    const after = await auditRows(citizenA.id, 'personal_data.viewed');
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ actorId: desk.id, subjectType: 'user', summary: { idNumberShown: true } });
    expect(JSON.stringify(after)).not.toContain(citizenA.idNumber);
  });

  it('shows account administrators a masked ID number, still audited', async () => {
    const before = (await auditRows(citizenB.id, 'personal_data.viewed')).length;
    const res = await call('GET', `/api/users/${citizenB.id}`, clients.provinceAdmin);
    expect(res.statusCode).toBe(200);
    expect(res.json().idNumber).toMatch(/^\d{4}\*{6}\d{2}$/);
    expect(res.json().abilities).toMatchObject({ update: false, disable: true });
    expect(await auditRows(citizenB.id, 'personal_data.viewed')).toHaveLength(before + 1);
  });

  it('does not audit a citizen opening their own profile; staff without the permission get 404', async () => {
    const before = (await auditRows(citizenA.id, 'personal_data.viewed')).length;
    expect((await call('GET', `/api/users/${citizenA.id}`, clients.citizenA)).statusCode).toBe(200);
    expect((await call('GET', `/api/users/${citizenA.id}`, clients.reformOfficer)).statusCode).toBe(404);
    expect((await call('GET', `/api/users/${citizenA.id}`, clients.districtAdmin)).statusCode).toBe(404);
    expect(await auditRows(citizenA.id, 'personal_data.viewed')).toHaveLength(before);
  });

  it('lets staff read colleagues in their subtree only', async () => {
    expect((await call('GET', `/api/users/${districtAdmin.id}`, clients.reformOfficer)).statusCode).toBe(200);
    expect((await call('GET', `/api/users/${provinceAdmin.id}`, clients.districtAdmin)).statusCode).toBe(404);
  });
});

describe('PATCH /api/users/:id', () => {
  it('checks 401, 403, 400 and 404 before changing anything', async () => {
    const target = await createStaff(t.database.db, district, ['clerk']);
    expect((await call('PATCH', `/api/users/${target.id}`, undefined, { fullName: 'X' })).statusCode).toBe(401);
    expect((await call('PATCH', `/api/users/${target.id}`, clients.desk, { fullName: 'X' })).statusCode).toBe(403);
    expect((await call('PATCH', `/api/users/${target.id}`, clients.provinceAdmin, {})).statusCode).toBe(400);
    const citizenRole = await call('PATCH', `/api/users/${target.id}`, clients.provinceAdmin, { roles: ['citizen'] });
    expect(citizenRole.statusCode).toBe(400);
    expect((await call('PATCH', `/api/users/${provinceAdmin.id}`, clients.districtAdmin, { fullName: 'X' })).statusCode).toBe(404);
    expect((await call('PATCH', `/api/users/${citizenA.id}`, clients.provinceAdmin, { fullName: 'X' })).statusCode).toBe(403);
    const wrongDept = await call('PATCH', `/api/users/${target.id}`, clients.provinceAdmin, { departmentId: province.departmentId });
    expect(wrongDept.statusCode).toBe(400);
    expect((await findUser(t.database.db, target.id))!.roles).toEqual(['clerk']);
  });

  it('does not let administrators change their own roles', async () => {
    const res = await call('PATCH', `/api/users/${districtAdmin.id}`, clients.districtAdmin, { roles: ['administrator', 'agency_leader'] });
    expect(res.statusCode).toBe(403);
    const ownName = await call('PATCH', `/api/users/${districtAdmin.id}`, clients.districtAdmin, { phone: '0911222333' });
    expect(ownName.statusCode).toBe(200);
  });

  it('changes name, department and roles; roles take effect at once and are audited separately', async () => {
    const target = await createStaff(t.database.db, district, ['clerk']);
    const targetClient = await signIn(t.app, target.login, target.password);
    expect((await call('GET', '/api/users', targetClient)).statusCode).toBe(200);
    expect((await call('GET', `/api/users/${citizenA.id}`, targetClient)).statusCode).toBe(404);

    const res = await call('PATCH', `/api/users/${target.id}`, clients.provinceAdmin, { fullName: 'Đặng  Văn  Đức', departmentId: district.deskDepartmentId, roles: ['desk_officer'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ fullName: 'Đặng Văn Đức', roles: ['desk_officer'], department: { id: district.deskDepartmentId } });
    expect((await call('GET', `/api/users/${citizenA.id}`, targetClient)).statusCode).toBe(200);

    const [updated] = await auditRows(target.id, 'user.updated');
    expect(updated!.summary).toMatchObject({ fields: ['fullName', 'departmentId'], departmentFrom: district.departmentId, departmentTo: district.deskDepartmentId });
    const [roles] = await auditRows(target.id, 'user.roles_changed');
    expect(roles!.summary).toEqual({ from: ['clerk'], to: ['desk_officer'] });

    const retry = await call('PATCH', `/api/users/${target.id}`, clients.provinceAdmin, { fullName: 'Đặng Văn Đức', roles: ['desk_officer'] });
    expect(retry.statusCode).toBe(200);
    expect(await auditRows(target.id, 'user.updated')).toHaveLength(1);
    expect(await auditRows(target.id, 'user.roles_changed')).toHaveLength(1);
  });

  it('moves an officer to another agency of the subtree: scope follows at once, department reset, audited once', async () => {
    const db = t.database.db;
    const commune = await createAgency(db, { parent: district, name: 'UBND xã Hỏa Lựu' });
    const target = await createStaff(db, district, ['specialist'], 'Phan Văn Điều Động');
    const colleague = await createStaff(db, district, ['clerk']);
    const targetClient = await signIn(t.app, target.login, target.password);
    expect((await call('GET', `/api/users/${colleague.id}`, targetClient)).statusCode).toBe(200);

    // Outside the administrator's subtree, or their own account: refused, nothing changes.
    expect((await call('PATCH', `/api/users/${target.id}`, clients.districtAdmin, { agencyId: province.id })).statusCode).toBe(403);
    expect((await call('PATCH', `/api/users/${target.id}`, clients.provinceAdmin, { agencyId: otherProvince.id })).statusCode).toBe(403);
    expect((await call('PATCH', `/api/users/${districtAdmin.id}`, clients.districtAdmin, { agencyId: commune.id })).statusCode).toBe(403);
    // A department of the old agency cannot come along.
    const wrongDept = await call('PATCH', `/api/users/${target.id}`, clients.districtAdmin, { agencyId: commune.id, departmentId: district.departmentId });
    expect(wrongDept.statusCode).toBe(400);
    expect(wrongDept.json().error.details.fields[0].path).toBe('body.departmentId');
    expect((await findUser(db, target.id))!.agencyId).toBe(district.id);

    const moved = await call('PATCH', `/api/users/${target.id}`, clients.districtAdmin, { agencyId: commune.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ agency: { id: commune.id }, department: null });
    const [audit] = await auditRows(target.id, 'user.updated');
    expect(audit!.summary).toMatchObject({ fields: ['agencyId', 'departmentId'], agencyFrom: district.id, agencyTo: commune.id, departmentFrom: district.departmentId, departmentTo: null });

    // The officer's open session now acts in the new agency: the district colleague is out of its reach.
    expect((await call('GET', `/api/users/${colleague.id}`, targetClient)).statusCode).toBe(404);

    const retry = await call('PATCH', `/api/users/${target.id}`, clients.districtAdmin, { agencyId: commune.id });
    expect(retry.statusCode).toBe(200);
    expect(await auditRows(target.id, 'user.updated')).toHaveLength(1);
  });
});

describe('POST /api/users/:id/disable and /enable', () => {
  it('checks 401, 403 and 404, and nobody disables themselves', async () => {
    const target = await createStaff(t.database.db, district, ['specialist']);
    expect((await call('POST', `/api/users/${target.id}/disable`)).statusCode).toBe(401);
    expect((await call('POST', `/api/users/${target.id}/disable`, clients.desk)).statusCode).toBe(403);
    expect((await call('POST', `/api/users/${provinceAdmin.id}/disable`, clients.districtAdmin)).statusCode).toBe(404);
    expect((await call('POST', `/api/users/${districtAdmin.id}/disable`, clients.districtAdmin, {})).statusCode).toBe(403);
    expect((await call('POST', `/api/users/${target.id}/disable`, clients.provinceAdmin, { reason: 'x'.repeat(501) })).statusCode).toBe(400);
    expect((await findUser(t.database.db, target.id))!.status).toBe('active');
  });

  it('disabling ends the account’s sessions and sign-ins; enabling restores them; retries change nothing', async () => {
    const target = await createStaff(t.database.db, district, ['specialist']);
    const targetClient = await signIn(t.app, target.login, target.password);
    const res = await call('POST', `/api/users/${target.id}/disable`, clients.districtAdmin, { reason: 'Nghỉ hưu' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disabled', abilities: { disable: false, enable: true } });
    expect((await call('GET', '/api/users/me', targetClient)).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: target.login, password: target.password } });
    expect(login.json().error.code).toBe('ACCOUNT_DISABLED');
    expect((await call('POST', `/api/users/${target.id}/disable`, clients.districtAdmin)).statusCode).toBe(200);
    const disabledRows = await auditRows(target.id, 'user.disabled');
    expect(disabledRows).toHaveLength(1);
    expect(disabledRows[0]!.summary).toEqual({ reason: 'Nghỉ hưu' });

    const enabled = await call('POST', `/api/users/${target.id}/enable`, clients.districtAdmin);
    expect(enabled.json().status).toBe('active');
    expect((await signIn(t.app, target.login, target.password)).userId).toBe(target.id);
    expect(await auditRows(target.id, 'user.enabled')).toHaveLength(1);
  });

  it('lets a province-wide administrator disable a citizen account', async () => {
    const citizen = await createCitizen(t.database.db, 'Hồ Văn Lạm');
    expect((await call('POST', `/api/users/${citizen.id}/disable`, clients.districtAdmin)).statusCode).toBe(404);
    const res = await call('POST', `/api/users/${citizen.id}/disable`, clients.provinceAdmin);
    expect(res.statusCode).toBe(200);
    expect((await findUser(t.database.db, citizen.id))!.status).toBe('disabled');
  });
});
