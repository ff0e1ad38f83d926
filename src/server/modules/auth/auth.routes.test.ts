import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, notifications, users } from '../../db/schema';
import { createTestApp, signIn, cookiesFrom, type TestContext } from '../../test/test-app';
import { createCitizen, testIdNumber } from '../../test/factories';
import { LOGIN_POLICY } from './login';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const validRegistration = () => ({
  fullName: '  Trần   Thị Bình ',
  idNumber: testIdNumber(),
  phone: '0912 345 678',
  email: `binh.${Date.now()}@example.vn`,
  password: 'MatKhau2021',
});

describe('POST /api/auth/register', () => {
  it('rejects bad input with Vietnamese messages and field paths, writing nothing', async () => {
    const before = await t.database.db.$count(users);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...validRegistration(), idNumber: '12345', phone: '123', password: 'abc' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toBe('Dữ liệu không hợp lệ');
    const paths = body.error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.idNumber', 'body.phone', 'body.password']));
    expect(body.error.details.fields.find((f: { path: string }) => f.path === 'body.idNumber').message).toBe('Số định danh cá nhân phải gồm đúng 12 chữ số');
    expect(await t.database.db.$count(users)).toBe(before);
  });

  it('registers a citizen, stores NFC-cleaned data, signs in and audits', async () => {
    const input = validRegistration();
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: input });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user.fullName).toBe('Trần Thị Bình');
    expect(body.user.kind).toBe('citizen');
    expect(body.user.idNumberMasked).toMatch(/^\d{4}\*{6}\d{2}$/);
    expect(res.cookies.find((c) => c.name === 'motcua_session')?.httpOnly).toBe(true);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, body.user.id));
    expect(row!.phone).toBe('0912345678');
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, body.user.id));
    expect(audit.map((a) => a.action)).toContain('user.registered');
    expect(JSON.stringify(audit)).not.toContain(input.idNumber);

    const again = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...validRegistration(), idNumber: input.idNumber } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ID_NUMBER_TAKEN');
  });
});

describe('POST /api/auth/login', () => {
  it('signs in with the ID number and returns the session', async () => {
    const citizen = await createCitizen(t.database.db);
    const client = await signIn(t.app, citizen.login, citizen.password);
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: client.headers });
    expect(session.json().user.id).toBe(citizen.id);
  });

  it('answers the same error for an unknown user and a wrong password', async () => {
    const citizen = await createCitizen(t.database.db);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: citizen.login, password: 'Sai123456' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: 'khong-co-ai', password: 'Sai123456' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
  });

  it('locks the account after repeated failures, even with the right password', async () => {
    const citizen = await createCitizen(t.database.db);
    for (let i = 0; i < LOGIN_POLICY.maxFailures; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: citizen.login, password: 'Sai123456' } });
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: citizen.login, password: citizen.password } });
    expect(res.statusCode).toBe(423);
    expect(res.json().error.code).toBe('ACCOUNT_LOCKED');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, citizen.id));
    expect(audit.map((a) => a.action)).toContain('user.locked');
  });

  it('throttles repeated attempts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_POLICY.attemptsPerWindow + 2; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { identifier: 'throttle-me', password: 'x' } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, LOGIN_POLICY.attemptsPerWindow).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('CSRF and logout', () => {
  it('rejects a cookie-authenticated write without the CSRF header', async () => {
    const citizen = await createCitizen(t.database.db);
    const client = await signIn(t.app, citizen.login, citizen.password);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: client.headers.cookie! } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: client.headers });
    expect(ok.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: client.headers });
    expect(after.json().user).toBeNull();
  });
});

describe('password reset', () => {
  it('sends a link through the outbox and the token works once', async () => {
    const citizen = await createCitizen(t.database.db);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { identifier: citizen.login } });
    expect(res.statusCode).toBe(200);
    const [mail] = await t.database.db.select().from(notifications).where(eq(notifications.userId, citizen.id));
    expect(mail!.template).toBe('password_reset');
    const token = /token=([\w-]+)/.exec(mail!.body)![1]!;
    const confirm = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, newPassword: 'MatKhauMoi99' } });
    expect(confirm.statusCode).toBe(200);
    const reuse = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, newPassword: 'MatKhauMoi98' } });
    expect(reuse.json().error.code).toBe('RESET_TOKEN_INVALID');
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: citizen.login, password: 'MatKhauMoi99' } });
    expect(login.statusCode).toBe(200);
    expect(cookiesFrom(login).motcua_session).toBeTruthy();
  });

  it('answers the same for an unknown account and sends nothing', async () => {
    const before = await t.database.db.$count(notifications);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { identifier: 'nobody@example.vn' } });
    expect(res.statusCode).toBe(200);
    expect(await t.database.db.$count(notifications)).toBe(before);
  });
});
