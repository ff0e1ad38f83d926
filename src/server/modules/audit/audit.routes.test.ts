import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/test-app';
import { createAgency, createSignedInStaff, createStaff, type TestAgency } from '../../test/factories';
import { addCalendarDays, toLocalDate } from '../../../shared/calendar';

type SignedIn = Awaited<ReturnType<typeof createSignedInStaff>>;
let t: TestContext;
let province: TestAgency;
let district: TestAgency;
let provinceAdmin: SignedIn;
let districtAdmin: SignedIn;
let desk: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  province = await createAgency(db);
  district = await createAgency(db, { parent: province });
  provinceAdmin = await createSignedInStaff(t.app, db, province, ['administrator'], 'Quản trị Tỉnh');
  districtAdmin = await createSignedInStaff(t.app, db, district, ['administrator'], 'Quản trị Huyện');
  desk = await createSignedInStaff(t.app, db, province, ['desk_officer']);
});
afterAll(async () => t?.close());

const audit = (who: SignedIn | undefined, query: string) => t.app.inject({ method: 'GET', url: `/api/audit?${query}`, headers: who?.client.headers });
const rename = (who: SignedIn, id: string, fullName: string) =>
  t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: who.client.headers, payload: { fullName } });

describe('GET /api/audit', () => {
  it('checks 401, 403 and 400', async () => {
    expect((await audit(undefined, '')).statusCode).toBe(401);
    expect((await audit(desk, '')).statusCode).toBe(403);
    const reversed = await audit(provinceAdmin, 'from=2026-03-02&to=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details.fields[0].message).toBe('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc');
    expect((await audit(provinceAdmin, 'from=01/03/2026')).statusCode).toBe(400);
    expect((await audit(provinceAdmin, 'actorId=abc')).statusCode).toBe(400);
  });

  it('lists an object’s history newest first, with actor and summary, paginated', async () => {
    const target = await createStaff(t.database.db, district, ['clerk']);
    for (const name of ['Tên Một', 'Tên Hai', 'Tên Ba']) expect((await rename(provinceAdmin, target.id, name)).statusCode).toBe(200);
    const res = await audit(provinceAdmin, `subjectType=user&subjectId=${target.id}&action=user.updated`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.totalCapped).toBe(false);
    expect(body.items.map((i: { action: string }) => i.action)).toEqual(['user.updated', 'user.updated', 'user.updated']);
    const times = body.items.map((i: { at: string }) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(body.items[0]).toMatchObject({ actor: { id: provinceAdmin.id, kind: 'user', label: 'Quản trị Tỉnh' }, subjectId: target.id, summary: { fields: ['fullName'] } });
    const ids = body.items.map((i: { id: number }) => i.id);
    expect([...ids].sort((a: number, b: number) => b - a)).toEqual(ids);

    const page2 = (await audit(provinceAdmin, `subjectId=${target.id}&action=user.updated&pageSize=2&page=2`)).json();
    expect(page2.items.map((i: { id: number }) => i.id)).toEqual([ids[2]]);
    expect(page2.total).toBe(3);
  });

  it('filters by actor, action domain and Vietnam calendar dates', async () => {
    const target = await createStaff(t.database.db, district, ['clerk']);
    await rename(districtAdmin, target.id, 'Người Được Sửa');
    await t.app.inject({ method: 'POST', url: `/api/users/${target.id}/disable`, headers: districtAdmin.client.headers });
    const byActor = (await audit(provinceAdmin, `actorId=${districtAdmin.id}&subjectId=${target.id}`)).json();
    expect(new Set(byActor.items.map((i: { action: string }) => i.action))).toEqual(new Set(['user.updated', 'user.disabled']));
    const domain = (await audit(provinceAdmin, `action=user.&subjectId=${target.id}`)).json();
    expect(domain.total).toBe(2);
    const exact = (await audit(provinceAdmin, `action=user.disabled&subjectId=${target.id}`)).json();
    expect(exact.total).toBe(1);

    const today = toLocalDate(new Date());
    expect((await audit(provinceAdmin, `subjectId=${target.id}&from=${today}&to=${today}`)).json().total).toBe(2);
    const yesterday = addCalendarDays(today, -1);
    expect((await audit(provinceAdmin, `subjectId=${target.id}&to=${yesterday}`)).json().total).toBe(0);
    expect((await audit(provinceAdmin, `subjectId=${target.id}&from=${addCalendarDays(today, 1)}`)).json().total).toBe(0);
  });

  it('shows a district administrator only what concerns the staff of their subtree', async () => {
    const provinceStaff = await createStaff(t.database.db, province, ['clerk']);
    const districtStaff = await createStaff(t.database.db, district, ['clerk']);
    await rename(provinceAdmin, provinceStaff.id, 'Cán Bộ Tỉnh');
    await rename(provinceAdmin, districtStaff.id, 'Cán Bộ Huyện');
    await rename(districtAdmin, districtStaff.id, 'Cán Bộ Huyện Hai');
    const seen = async (who: SignedIn, subjectId: string) => (await audit(who, `subjectId=${subjectId}&action=user.updated`)).json().total;
    expect(await seen(districtAdmin, provinceStaff.id)).toBe(0);
    expect(await seen(districtAdmin, districtStaff.id)).toBe(2);
    expect(await seen(provinceAdmin, provinceStaff.id)).toBe(1);
    expect(await seen(provinceAdmin, districtStaff.id)).toBe(2);
    const districtAll = (await audit(districtAdmin, `actorId=${provinceAdmin.id}&pageSize=200`)).json();
    expect(districtAll.items.every((i: { subjectId: string }) => i.subjectId !== provinceStaff.id)).toBe(true);
    expect(districtAll.items.some((i: { subjectId: string }) => i.subjectId === districtStaff.id)).toBe(true);
  });
});
