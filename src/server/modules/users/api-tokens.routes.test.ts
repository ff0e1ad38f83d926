import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { apiTokens, auditLog } from '../../db/schema';
import { sha256 } from '../../auth/tokens';
import { createTestApp, type Client, type TestContext } from '../../test/test-app';
import { createAgency, createApiToken, createCitizen, createSignedInStaff, createStaff, type TestAgency, type TestUser } from '../../test/factories';

let t: TestContext;
let province: TestAgency;
let district: TestAgency;
let otherProvince: TestAgency;
let integration: TestUser;
let districtIntegration: TestUser;
let admin: Client;
let districtAdmin: Client;
let desk: Client;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  province = await createAgency(db);
  district = await createAgency(db, { parent: province });
  otherProvince = await createAgency(db);
  integration = await createStaff(db, province, ['integration'], 'Cổng Dịch vụ công quốc gia');
  districtIntegration = await createStaff(db, district, ['integration'], 'Phần mềm một cửa huyện');
  admin = (await createSignedInStaff(t.app, db, province, ['administrator'])).client;
  districtAdmin = (await createSignedInStaff(t.app, db, district, ['administrator'])).client;
  desk = (await createSignedInStaff(t.app, db, province, ['desk_officer'])).client;
});
afterAll(async () => t?.close());

const create = (client: Client | undefined, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/api-tokens', headers: client?.headers, payload });
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('POST /api/api-tokens', () => {
  it('checks 401, 403, 400, 404 before issuing anything', async () => {
    const before = await t.database.db.$count(apiTokens);
    expect((await create(undefined, { name: 'DVCQG', userId: integration.id })).statusCode).toBe(401);
    expect((await create(desk, { name: 'DVCQG', userId: integration.id })).statusCode).toBe(403);
    const bad = await create(admin, { name: ' ', userId: 'abc', expiresAt: '2020-01-01T00:00:00Z' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['body.name', 'body.userId', 'body.expiresAt']));
    const outside = await createStaff(t.database.db, otherProvince, ['integration']);
    expect((await create(admin, { name: 'Ngoài tỉnh', userId: outside.id })).statusCode).toBe(404);
    expect((await create(districtAdmin, { name: 'Lên trên', userId: integration.id })).statusCode).toBe(404);
    const citizen = await createCitizen(t.database.db);
    expect((await create(admin, { name: 'Công dân', userId: citizen.id })).statusCode).toBe(403);
    expect(await t.database.db.$count(apiTokens)).toBe(before);
  });

  it('issues a token shown once, stores only its hash, and audits', async () => {
    const res = await create(admin, { name: 'Đồng bộ Cổng DVCQG', userId: integration.id });
    expect(res.statusCode).toBe(201);
    const { token, secret } = res.json();
    expect(secret).toMatch(/^mc_[\w-]{40,}$/);
    expect(token).toMatchObject({ name: 'Đồng bộ Cổng DVCQG', status: 'active', prefix: secret.slice(0, 11), user: { id: integration.id }, abilities: { revoke: true } });
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row!.tokenHash).toBe(sha256(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const list = await t.app.inject({ method: 'GET', url: '/api/api-tokens', headers: admin.headers });
    expect(list.body).not.toContain(secret);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, token.id), eq(auditLog.action, 'api_token.created')));
    expect(JSON.stringify(audit)).not.toContain(secret);

    const me = await t.app.inject({ method: 'GET', url: '/api/users/me', headers: bearer(secret) });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(integration.id);
  });

  it('refuses disabled accounts', async () => {
    const retired = await createStaff(t.database.db, province, ['integration']);
    await t.app.inject({ method: 'POST', url: `/api/users/${retired.id}/disable`, headers: admin.headers });
    const res = await create(admin, { name: 'Cũ', userId: retired.id });
    expect(res.statusCode).toBe(409);
  });
});

describe('token authentication', () => {
  it('needs no CSRF header for token-authenticated writes (a cookie write does)', async () => {
    const { secret } = await createApiToken(t.database.db, integration.id);
    const res = await t.app.inject({ method: 'PATCH', url: '/api/users/me', headers: bearer(secret), payload: { phone: '0899 111 222' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('0899111222');
    const cookieOnly = await t.app.inject({ method: 'PATCH', url: '/api/users/me', headers: { cookie: desk.headers.cookie! }, payload: { phone: '0899111222' } });
    expect(cookieOnly.statusCode).toBe(403);
    expect(cookieOnly.json().error.code).toBe('CSRF_INVALID');
  });

  it('answers 401 to an unknown, expired or disabled account’s token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/users/me', headers: bearer('mc_khong-ton-tai') })).statusCode).toBe(401);
    const expired = await createApiToken(t.database.db, integration.id, { expiresAt: new Date(Date.now() - 1000) });
    expect((await t.app.inject({ method: 'GET', url: '/api/users/me', headers: bearer(expired.secret) })).statusCode).toBe(401);
    const owner = await createStaff(t.database.db, province, ['integration']);
    const token = await createApiToken(t.database.db, owner.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/users/me', headers: bearer(token.secret) })).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: `/api/users/${owner.id}/disable`, headers: admin.headers });
    expect((await t.app.inject({ method: 'GET', url: '/api/users/me', headers: bearer(token.secret) })).statusCode).toBe(401);
  });
});

describe('DELETE /api/api-tokens/:id', () => {
  it('checks 401, 403, 400, 404', async () => {
    const token = await createApiToken(t.database.db, integration.id);
    const url = `/api/api-tokens/${token.id}`;
    expect((await t.app.inject({ method: 'DELETE', url })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url, headers: desk.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/api-tokens/123', headers: admin.headers })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'DELETE', url, headers: districtAdmin.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/users/me', headers: bearer(token.secret) })).statusCode).toBe(200);
  });

  it('revokes at once; a revoked token gets 401; revoking again changes nothing', async () => {
    const token = await createApiToken(t.database.db, integration.id);
    const url = `/api/api-tokens/${token.id}`;
    const res = await t.app.inject({ method: 'DELETE', url, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', abilities: { revoke: false } });
    const denied = await t.app.inject({ method: 'GET', url: '/api/users/me', headers: bearer(token.secret) });
    expect(denied.statusCode).toBe(401);
    expect(denied.json().error.code).toBe('UNAUTHENTICATED');
    expect((await t.app.inject({ method: 'DELETE', url, headers: admin.headers })).statusCode).toBe(200);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, token.id), eq(auditLog.action, 'api_token.revoked')));
    expect(audits).toHaveLength(1);
  });
});

describe('GET /api/api-tokens', () => {
  it('checks 401, 403, 400', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/api-tokens' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/api-tokens', headers: desk.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/api-tokens?status=all', headers: admin.headers })).statusCode).toBe(400);
  });

  it('lists the tokens of the administrator’s subtree, filtered by account and status', async () => {
    const provinceToken = await createApiToken(t.database.db, integration.id, { name: 'Tỉnh' });
    const districtToken = await createApiToken(t.database.db, districtIntegration.id, { name: 'Huyện' });
    const expired = await createApiToken(t.database.db, districtIntegration.id, { name: 'Hết hạn', expiresAt: new Date(Date.now() - 1000) });
    const ids = async (client: Client, query = '') =>
      (await t.app.inject({ method: 'GET', url: `/api/api-tokens?pageSize=200${query}`, headers: client.headers })).json().items.map((i: { id: string }) => i.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([provinceToken.id, districtToken.id, expired.id]));
    const districtIds = await ids(districtAdmin);
    expect(districtIds).toEqual(expect.arrayContaining([districtToken.id, expired.id]));
    expect(districtIds).not.toContain(provinceToken.id);
    expect(await ids(districtAdmin, `&userId=${districtIntegration.id}&status=expired`)).toEqual([expired.id]);
    expect(await ids(districtAdmin, `&status=active`)).toEqual([districtToken.id]);
  });
});
