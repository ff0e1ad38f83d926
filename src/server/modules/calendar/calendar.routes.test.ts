import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Role } from '../../../shared/permissions';
import { fromLocal } from '../../../shared/calendar';
import { auditLog, officialCalendars } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createAgency, createCitizen, createStaff } from '../../test/factories';
import { loadWorkCalendar } from './calendar.queries';
import { seedOfficialCalendars } from './update-calendar-year';

let t: TestContext;
let admin: Client;
let desk: Client;
let citizen: Client;
beforeAll(async () => {
  t = await createTestApp();
  const agency = await createAgency(t.database.db);
  const a = await createStaff(t.database.db, agency, [Role.ADMINISTRATOR]);
  const d = await createStaff(t.database.db, agency, [Role.DESK_OFFICER]);
  const c = await createCitizen(t.database.db);
  admin = await signIn(t.app, a.login, a.password);
  desk = await signIn(t.app, d.login, d.password);
  citizen = await signIn(t.app, c.login, c.password);
});
afterAll(async () => t?.close());

/** The 2027 notice as an administrator would enter it (illustrative dates, not the real notice). */
const year2027 = {
  daysOff: [
    { date: '2027-01-01', name: 'Tết Dương lịch' },
    { date: '2027-03-15', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 20/3/2027)' },
  ],
  extraWorkingDays: [{ date: '2027-03-20', name: 'Làm bù cho ngày nghỉ thứ Hai 15/3/2027' }],
  note: 'Theo thông báo của Bộ Nội vụ',
};

describe('official calendar per year', () => {
  it('serves the shipped 2021 calendar, and a computed proposal for a year nobody entered', async () => {
    const shipped = await t.app.inject({ method: 'GET', url: '/api/calendar/years/2021', headers: desk.headers });
    expect(shipped.statusCode).toBe(200);
    expect(shipped.json()).toMatchObject({ year: 2021, origin: 'shipped', source: 'official', abilities: { update: false } });
    expect(shipped.json().daysOff.map((d: { date: string }) => d.date)).toContain('2021-09-03');
    const proposed = await t.app.inject({ method: 'GET', url: '/api/calendar/years/2030', headers: admin.headers });
    expect(proposed.json()).toMatchObject({ year: 2030, origin: 'proposal', source: 'proposed', abilities: { update: true } });
  });

  it('checks who asks before what is asked: 401, then 403, then 400', async () => {
    expect((await t.app.inject({ method: 'PUT', url: '/api/calendar/years/2027', payload: { daysOff: 'x' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/years/2027', headers: citizen.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: '/api/calendar/years/2027', headers: desk.headers, payload: year2027 })).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/calendar/years/2027', headers: admin.headers, payload: { daysOff: 'x' } });
    expect(bad.statusCode).toBe(400);
  });

  it('names each wrong date in Vietnamese and stores nothing', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/years/2027',
      headers: admin.headers,
      payload: {
        daysOff: [
          { date: '2026-12-31', name: 'Năm khác' },
          { date: '2027-02-30', name: 'Không có ngày này' },
          { date: '2027-02-05', name: 'Tết' },
        ],
        extraWorkingDays: [{ date: '2027-02-05', name: 'Làm bù trùng' }],
      },
    });
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.details.fields.map((f: { message: string }) => f.message);
    expect(messages).toEqual(['Ngày 2026-12-31 không thuộc năm 2027', 'Ngày 2027-02-30 không tồn tại', 'Ngày 2027-02-05 vừa là ngày nghỉ vừa là ngày làm bù']);
    expect(await t.database.db.$count(officialCalendars, eq(officialCalendars.year, 2027))).toBe(0);
  });

  it('stores a year entered by an administrator, audits it, and due dates use it from then on', async () => {
    const before = await loadWorkCalendar(t.database.db);
    expect(before.isWorkingDay('2027-03-15')).toBe(true);
    expect(before.isWorkingDay('2027-03-20')).toBe(false);
    const res = await t.app.inject({ method: 'PUT', url: '/api/calendar/years/2027', headers: admin.headers, payload: year2027 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, origin: 'database', source: 'official', note: 'Theo thông báo của Bộ Nội vụ' });
    const after = await loadWorkCalendar(t.database.db);
    expect(after.isWorkingDay('2027-03-15')).toBe(false);
    expect(after.isWorkingDay('2027-03-20')).toBe(true);
    // Fri 12/03/2027 09:00 + 2 working days (16 h): Fri 6 h, Mon 15 off, Tue 16 8 h, Wed 17 2 h → 09:00.
    expect(after.computeDueAt(fromLocal('2027-03-12', '09:00'), { value: 2, unit: 'working_days' })).toEqual(fromLocal('2027-03-17', '09:00'));
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'calendar.year_updated'), eq(auditLog.subjectId, '2027')));
    expect(audit!.summary).toMatchObject({ previousOrigin: 'proposal', daysOff: ['2027-01-01', '2027-03-15'] });
    const list = await t.app.inject({ method: 'GET', url: '/api/calendar/years', headers: desk.headers });
    expect(list.json().items.map((y: { year: number; origin: string }) => [y.year, y.origin])).toEqual([
      [2021, 'shipped'],
      [2026, 'shipped'],
      [2027, 'database'],
    ]);
  });

  it('seeds the shipped years without overwriting what administrators entered', async () => {
    await t.database.db.insert(officialCalendars).values({ year: 2026, daysOff: [{ date: '2026-01-01', name: 'Sửa tay' }], extraWorkingDays: [] });
    await seedOfficialCalendars(t.database.db);
    const rows = await t.database.db.select().from(officialCalendars);
    expect(rows.find((r) => r.year === 2021)!.daysOff).toHaveLength(14);
    expect(rows.find((r) => r.year === 2026)!.daysOff).toEqual([{ date: '2026-01-01', name: 'Sửa tay' }]);
  });
});
