import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { agencies, auditLog, users } from '../db/schema';
import { queryRows } from '../db/client';
import { createTestApp, signIn, type TestContext } from '../test/test-app';
import { Password } from '../../shared/schemas/common';
import { checkIdNumber } from '../../shared/id-number';
import { DEMO_CITIZEN_PASSWORD, DEMO_STAFF_PASSWORD, demoAccountLines, demoCitizenAccounts, demoStaffAccounts } from './demo-accounts';
import { isDatabaseEmpty } from './first-start';
import { seedDemo } from './seed-demo';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function countRows(table: 'users' | 'agencies' | 'departments' | 'admin_units') {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return row!.n;
}

describe('seedDemo', () => {
  it('loads the demo province and every demo account on an empty database', async () => {
    expect(await isDatabaseEmpty(t.database)).toBe(true);
    const result = await seedDemo(t.database, { catalogExtension: false });
    expect(await isDatabaseEmpty(t.database)).toBe(false);
    expect(result.added.map((a) => a.name).slice(0, 2)).toEqual(['units', 'accounts']);
    expect(result.added[0]!.rows).toBeGreaterThan(0);
    expect(result.added[1]!.rows).toBe(demoStaffAccounts.length + demoCitizenAccounts.length);
    expect(await countRows('users')).toBe(demoStaffAccounts.length + demoCitizenAccounts.length);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'seed.loaded'));
    expect(audit).toMatchObject({ actorKind: 'system', subjectType: 'seed' });
  });

  it('places each staff account in its agency and department, inside the right scope', async () => {
    const rows = await t.database.db
      .select({ username: users.username, roles: users.roles, agencyKey: agencies.key, path: agencies.path, departmentId: users.departmentId })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(eq(users.kind, 'staff'));
    const byName = new Map(rows.map((r) => [r.username, r]));
    for (const account of demoStaffAccounts) {
      const row = byName.get(account.username)!;
      expect(row, account.username).toBeDefined();
      expect(row.agencyKey).toBe(account.agencyKey);
      expect(row.roles).toEqual(account.roles);
      expect(row.departmentId === null).toBe(account.departmentKey === null);
    }
    // The commune desk officer works inside the city's subtree, the city inside the province's.
    expect(byName.get('motcua.xa')!.path.startsWith(byName.get('motcua.vithanh')!.path)).toBe(true);
    expect(byName.get('motcua.vithanh')!.path.startsWith(byName.get('admin')!.path)).toBe(true);
  });

  it('lets the demo accounts sign in with the published passwords', async () => {
    const admin = await signIn(t.app, 'admin', DEMO_STAFF_PASSWORD);
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: admin.headers });
    expect(session.json().user).toMatchObject({ fullName: 'Phạm Quốc Huy' });
    const citizen = await signIn(t.app, demoCitizenAccounts[0]!.idNumber, DEMO_CITIZEN_PASSWORD);
    const mine = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: citizen.headers });
    expect(mine.json().user).toMatchObject({ fullName: 'Nguyễn Văn An' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { identifier: 'cv.stp', password: DEMO_CITIZEN_PASSWORD } });
    expect(wrong.statusCode).toBe(401);
  });

  it('adds nothing when run again', async () => {
    const before = { users: await countRows('users'), agencies: await countRows('agencies'), departments: await countRows('departments'), units: await countRows('admin_units') };
    const again = await seedDemo(t.database, { catalogExtension: false });
    expect(again.added.every((a) => a.rows === 0)).toBe(true);
    expect({ users: await countRows('users'), agencies: await countRows('agencies'), departments: await countRows('departments'), units: await countRows('admin_units') }).toEqual(before);
    const loads = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'seed.loaded'));
    expect(loads).toHaveLength(1);
    expect(again.state.userIds.size).toBe(demoStaffAccounts.length + demoCitizenAccounts.length);
  });
});

describe('demo accounts', () => {
  it('use passwords and ID numbers the system itself accepts', () => {
    expect(Password.safeParse(DEMO_STAFF_PASSWORD).success).toBe(true);
    expect(Password.safeParse(DEMO_CITIZEN_PASSWORD).success).toBe(true);
    for (const c of demoCitizenAccounts) expect(checkIdNumber(c.idNumber), c.idNumber).toBeUndefined();
    const logins = demoAccountLines().map((l) => l.login);
    expect(new Set(logins).size).toBe(logins.length);
  });
});
