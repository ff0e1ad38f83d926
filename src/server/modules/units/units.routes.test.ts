import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { adminUnits, auditLog } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createAgency, createStaff, type TestAgency } from '../../test/factories';
import type { UnitTreeNode } from '../../../shared/schemas/units';
import { todayInVietnam } from './units.queries';
import { auditActionsFor, seedDemo, staffOfSeededAgency } from './units.test-support';

let t: TestContext;
let province: TestAgency;
let admin: Client;
let specialist: Client;
let otherProvinceAdmin: Client;

beforeAll(async () => {
  t = await createTestApp();
  province = await createAgency(t.database.db);
  const adminUser = await createStaff(t.database.db, province, ['administrator']);
  const specialistUser = await createStaff(t.database.db, province, ['specialist']);
  const other = await createAgency(t.database.db);
  const otherAdmin = await createStaff(t.database.db, other, ['administrator']);
  admin = await signIn(t.app, adminUser.login, adminUser.password);
  specialist = await signIn(t.app, specialistUser.login, specialistUser.password);
  otherProvinceAdmin = await signIn(t.app, otherAdmin.login, otherAdmin.password);
});
afterAll(async () => t?.close());

// Codes below start with 8 or 1: the factory's provinces use codes starting with 9, so nothing clashes.
let codeCounter = 100;
const nextCode = (digits: 3 | 5) => String(digits === 3 ? 700 + (codeCounter++ % 200) : 10000 + codeCounter++);

type Json = Record<string, unknown>;
async function post(client: Client | undefined, url: string, payload: Json) {
  return t.app.inject({ method: 'POST', url, payload, headers: client?.headers });
}
async function patch(client: Client | undefined, url: string, payload: Json) {
  return t.app.inject({ method: 'PATCH', url, payload, headers: client?.headers });
}
async function createUnitOk(payload: Json): Promise<Json & { id: string; key: string }> {
  const res = await post(admin, '/api/units', payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const district = (name: string, extra: Json = {}) =>
  createUnitOk({ code: nextCode(3), name, kind: 'district', level: 'district', parentId: province.unitId, validFrom: '2004-01-01', ...extra });
const commune = (name: string, parentId: string, extra: Json = {}) =>
  createUnitOk({ code: nextCode(5), name, kind: 'commune', level: 'commune', parentId, validFrom: '2004-01-01', ...extra });

async function tree(asOf: string): Promise<UnitTreeNode> {
  const res = await t.app.inject({ method: 'GET', url: `/api/units/tree?asOf=${asOf}&rootId=${province.unitId}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().roots[0];
}
/** Key of the node under which `key` sits in the tree, or undefined when absent. */
function parentKeyIn(root: UnitTreeNode, key: string): string | undefined {
  for (const child of root.children) {
    if (child.key === key) return root.key;
    const found = parentKeyIn(child, key);
    if (found) return found;
  }
  return undefined;
}

describe('POST /api/units', () => {
  it('asks for a sign-in first', async () => {
    const res = await post(undefined, '/api/units', { name: 'x' });
    expect(res.statusCode).toBe(401);
  });

  it('rejects a commune code of the wrong length and a kind foreign to the level, writing nothing', async () => {
    const before = await t.database.db.$count(adminUnits);
    const res = await post(admin, '/api/units', { code: '123', name: '  ', kind: 'province', level: 'commune', parentId: province.unitId, validFrom: '2021-02-30' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.validFrom']));
    expect(await t.database.db.$count(adminUnits)).toBe(before);
    const shape = await post(admin, '/api/units', { code: '123', name: 'Xã Thử', kind: 'province', level: 'commune', parentId: province.unitId, validFrom: '2021-01-01' });
    expect(shape.statusCode).toBe(400);
    const messages = shape.json().error.details.fields.map((f: { message: string }) => f.message);
    expect(messages).toEqual(expect.arrayContaining(['Tỉnh không thuộc cấp xã', 'Mã đơn vị cấp xã gồm đúng 5 chữ số']));
  });

  it('refuses staff without the units.manage permission', async () => {
    const res = await post(specialist, '/api/units', { code: nextCode(3), name: 'Huyện Thử', kind: 'district', level: 'district', parentId: province.unitId, validFrom: '2004-01-01' });
    expect(res.statusCode).toBe(403);
  });

  it('refuses an administrator of another province (the unit is outside their subtree)', async () => {
    const res = await post(otherProvinceAdmin, '/api/units', { code: nextCode(3), name: 'Huyện Thử', kind: 'district', level: 'district', parentId: province.unitId, validFrom: '2004-01-01' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('refuses a parent that does not exist or did not exist on the first day', async () => {
    const missing = await post(admin, '/api/units', { code: nextCode(3), name: 'Huyện Thử', kind: 'district', level: 'district', parentId: randomUUID(), validFrom: '2004-01-01' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.code).toBe('UNIT_PARENT_INVALID');
    const early = await post(admin, '/api/units', { code: nextCode(3), name: 'Huyện Thử', kind: 'district', level: 'district', parentId: province.unitId, validFrom: '1990-01-01' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.details.fields[0].path).toBe('body.parentId');
  });

  it('creates a district under the province, audits it, and refuses its code to another unit at the same time', async () => {
    const code = nextCode(3);
    const res = await post(admin, '/api/units', { code, name: ' Huyện  Phụng Hiệp ', kind: 'district', level: 'district', parentId: province.unitId, validFrom: '2004-01-01' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: 'Huyện Phụng Hiệp', code, level: 'district', validTo: null, key: `U${code}` });
    expect(body.parent.id).toBe(province.unitId);
    expect(body.versions).toHaveLength(1);
    expect(body.abilities).toEqual({ update: true, end: true, create_child: true });
    expect(await auditActionsFor(t, body.id)).toEqual(['unit.created']);

    const clash = await post(admin, '/api/units', { code, name: 'Huyện Khác', kind: 'district', level: 'district', parentId: province.unitId, validFrom: '2010-01-01' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('UNIT_CODE_TAKEN');
  });
});

describe('GET /api/units/:id and search', () => {
  it('answers 404 for an unknown unit and shows a unit to anyone, without abilities', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/units/${randomUUID()}` })).statusCode).toBe(404);
    const res = await t.app.inject({ method: 'GET', url: `/api/units/${province.unitId}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toEqual({ update: false, end: false, create_child: false });
  });

  it('finds units by name without diacritics, and by code', async () => {
    const parent = await district('Huyện Vị Thủy');
    const unit = await commune('Xã Hỏa Lựu', parent.id);
    const folded = await t.app.inject({ method: 'GET', url: '/api/units?q=hoa%20luu' });
    expect(folded.statusCode).toBe(200);
    const item = folded.json().items.find((i: { id: string }) => i.id === unit.id);
    expect(item).toMatchObject({ name: 'Xã Hỏa Lựu', parent: { id: parent.id } });
    const byCode = await t.app.inject({ method: 'GET', url: `/api/units?q=${unit.code}` });
    expect(byCode.json().items.map((i: { id: string }) => i.id)).toEqual([unit.id]);
    // LIKE wildcards in the query are taken literally.
    const wildcard = await t.app.inject({ method: 'GET', url: '/api/units?q=%25' });
    expect(wildcard.json().total).toBe(0);
  });
});

describe('PATCH /api/units/:id', () => {
  it('checks sign-in, input, permission and existence in that order', async () => {
    const unit = await district('Huyện Thử Sửa');
    expect((await patch(undefined, `/api/units/${unit.id}`, { name: 'A' })).statusCode).toBe(401);
    expect((await patch(admin, `/api/units/${unit.id}`, {})).statusCode).toBe(400);
    expect((await patch(specialist, `/api/units/${unit.id}`, { name: 'Huyện A' })).statusCode).toBe(403);
    expect((await patch(otherProvinceAdmin, `/api/units/${unit.id}`, { name: 'Huyện A' })).statusCode).toBe(403);
    expect((await patch(admin, `/api/units/${randomUUID()}`, { name: 'Huyện A' })).statusCode).toBe(404);
  });

  it('corrects a typo in place: one version, the old name never existed', async () => {
    const unit = await district('Huyện Chau Thanh');
    const res = await patch(admin, `/api/units/${unit.id}`, { name: 'Huyện Châu Thành' });
    expect(res.statusCode).toBe(200);
    expect(res.json().versions.map((v: { name: string }) => v.name)).toEqual(['Huyện Châu Thành']);
    expect(await auditActionsFor(t, unit.id)).toEqual(['unit.created', 'unit.updated']);
    // The same request again changes nothing and audits nothing.
    await patch(admin, `/api/units/${unit.id}`, { name: 'Huyện Châu Thành' });
    expect(await auditActionsFor(t, unit.id)).toEqual(['unit.created', 'unit.updated']);
  });

  it('reclassifies from a date: a new version, the tree shows each name on its dates', async () => {
    const unit = await district('Thị xã Ngã Bảy', { kind: 'town' });
    const res = await patch(admin, `/api/units/${unit.id}`, { name: 'Thành phố Ngã Bảy', kind: 'city', effectiveFrom: '2020-01-10' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.versions.map((v: Json) => [v.name, v.validFrom, v.validTo])).toEqual([
      ['Thị xã Ngã Bảy', '2004-01-01', '2020-01-09'],
      ['Thành phố Ngã Bảy', '2020-01-10', null],
    ]);
    expect(await auditActionsFor(t, body.id)).toEqual(['unit.versioned']);
    const names = async (asOf: string) => (await tree(asOf)).children.filter((c) => c.key === unit.key).map((c) => c.name);
    expect(await names('2020-01-09')).toEqual(['Thị xã Ngã Bảy']);
    expect(await names('2020-01-10')).toEqual(['Thành phố Ngã Bảy']);
  });

  it('refuses a kind foreign to the level', async () => {
    const unit = await district('Huyện Thử Loại');
    const res = await patch(admin, `/api/units/${unit.id}`, { kind: 'ward' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toEqual({ path: 'body.kind', message: 'Phường không thuộc cấp huyện' });
  });
});

describe('POST /api/units/:id/end', () => {
  it('checks sign-in, input, permission and existence in that order', async () => {
    const unit = await district('Huyện Thử Kết Thúc');
    expect((await post(undefined, `/api/units/${unit.id}/end`, { validTo: '2020-01-01' })).statusCode).toBe(401);
    expect((await post(admin, `/api/units/${unit.id}/end`, { validTo: '2021-02-30' })).statusCode).toBe(400);
    expect((await post(specialist, `/api/units/${unit.id}/end`, { validTo: '2020-01-01' })).statusCode).toBe(403);
    expect((await post(admin, `/api/units/${randomUUID()}/end`, { validTo: '2020-01-01' })).statusCode).toBe(404);
  });

  it('refuses to end a unit whose children would be orphaned, then moves them when told where', async () => {
    const old = await district('Huyện Long Mỹ');
    const child = await commune('Xã Vĩnh Viễn', old.id);
    const refused = await post(admin, `/api/units/${old.id}/end`, { validTo: '2025-06-30' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('UNIT_HAS_CHILDREN');
    expect(refused.json().error.details.children.map((c: Json) => c.id)).toEqual([child.id]);

    // 1 July 2025: the district level is abolished and communes sit directly under the province.
    const res = await post(admin, `/api/units/${old.id}/end`, { validTo: '2025-06-30', reparentChildrenToId: province.unitId });
    expect(res.statusCode).toBe(200);
    expect(res.json().validTo).toBe('2025-06-30');
    expect(parentKeyIn(await tree('2025-06-30'), child.key)).toBe(old.key);
    expect(parentKeyIn(await tree('2025-07-01'), child.key)).toBe((await tree('2025-07-01')).key);
    expect(await auditActionsFor(t, old.id)).toEqual(['unit.created', 'unit.ended']);
    const versions = await t.database.db.select().from(adminUnits).where(eq(adminUnits.key, child.key));
    expect(versions).toHaveLength(2);
    const moved = versions.find((v) => v.validFrom === '2025-07-01')!;
    expect(await auditActionsFor(t, moved.id)).toEqual(['unit.reparented']);

    // Ending again on the same day is a retry: nothing more is written.
    const again = await post(admin, `/api/units/${old.id}/end`, { validTo: '2025-06-30' });
    expect(again.statusCode).toBe(200);
    expect(await auditActionsFor(t, old.id)).toEqual(['unit.created', 'unit.ended']);
  });

  it('refuses an end date before the unit existed', async () => {
    const unit = await district('Huyện Thử Ngày', { validFrom: '2010-01-01' });
    const res = await post(admin, `/api/units/${unit.id}/end`, { validTo: '2009-12-31' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('UNIT_DATE_INVALID');
  });
});

describe('POST /api/units/merge and the tree across the merger', () => {
  it('checks sign-in, input, permission and existence in that order', async () => {
    const a = await district('Huyện Gộp A');
    const b = await district('Huyện Gộp B');
    const unit = { code: nextCode(3), name: 'Huyện Gộp', kind: 'district', level: 'district', parentId: province.unitId };
    expect((await post(undefined, '/api/units/merge', { sourceIds: [a.id, b.id], effectiveFrom: '2020-01-01', unit })).statusCode).toBe(401);
    const one = await post(admin, '/api/units/merge', { sourceIds: [a.id], effectiveFrom: '2020-01-01', unit });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.details.fields[0].message).toBe('Cần ít nhất hai đơn vị để sáp nhập');
    expect((await post(specialist, '/api/units/merge', { sourceIds: [a.id, b.id], effectiveFrom: '2020-01-01', unit })).statusCode).toBe(403);
    expect((await post(otherProvinceAdmin, '/api/units/merge', { sourceIds: [a.id, b.id], effectiveFrom: '2020-01-01', unit })).statusCode).toBe(403);
    expect((await post(admin, '/api/units/merge', { sourceIds: [a.id, randomUUID()], effectiveFrom: '2020-01-01', unit })).statusCode).toBe(404);
    expect(await t.database.db.$count(adminUnits, eq(adminUnits.name, 'Huyện Gộp'))).toBe(0);
  });

  it('ends the merged units the day before, records predecessors and shows each commune under the right parent', async () => {
    const a = await district('Huyện Tân Hiệp');
    const b = await district('Huyện Phụng Hiệp Cũ');
    const a1 = await commune('Xã Tân Thành', a.id);
    const b1 = await commune('Xã Hiệp Lợi', b.id);
    const laterChild = await commune('Xã Mới Lập', b.id, { validFrom: '2022-03-01' });

    const res = await post(admin, '/api/units/merge', {
      sourceIds: [a.id, b.id],
      effectiveFrom: '2020-01-01',
      unit: { code: nextCode(3), name: 'Huyện Phụng Hiệp', kind: 'district', level: 'district', parentId: province.unitId },
    });
    expect(res.statusCode, res.body).toBe(201);
    const merged = res.json();
    expect(merged.predecessors.map((p: Json) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(merged.predecessorIds.sort()).toEqual([a.id, b.id].sort());

    const before = await tree('2019-12-31');
    const after = await tree('2020-01-01');
    expect(before.children.map((c) => c.key)).toEqual(expect.arrayContaining([a.key, b.key]));
    expect(before.children.map((c) => c.key)).not.toContain(merged.key);
    expect(after.children.map((c) => c.key)).toContain(merged.key);
    expect(after.children.map((c) => c.key)).not.toEqual(expect.arrayContaining([a.key]));
    expect(parentKeyIn(before, a1.key)).toBe(a.key);
    expect(parentKeyIn(before, b1.key)).toBe(b.key);
    expect(parentKeyIn(after, a1.key)).toBe(merged.key);
    expect(parentKeyIn(after, b1.key)).toBe(merged.key);
    // A commune that only starts later is re-pointed, not split.
    expect(parentKeyIn(await tree('2022-03-01'), laterChild.key)).toBe(merged.key);
    expect(await t.database.db.$count(adminUnits, eq(adminUnits.key, laterChild.key))).toBe(1);

    const oldDetail = (await t.app.inject({ method: 'GET', url: `/api/units/${a.id}` })).json();
    expect(oldDetail.validTo).toBe('2019-12-31');
    expect(oldDetail.successors.map((s: Json) => s.id)).toEqual([merged.id]);
    const communeDetail = (await t.app.inject({ method: 'GET', url: `/api/units/${a1.id}` })).json();
    expect(communeDetail.versions.map((v: { parent: { key: string } }) => v.parent.key)).toEqual([a.key, merged.key]);

    expect(await auditActionsFor(t, merged.id)).toEqual(['unit.merged']);
    expect(await auditActionsFor(t, a.id)).toEqual(['unit.created', 'unit.ended']);
    expect(await auditActionsFor(t, b.id)).toEqual(['unit.created', 'unit.ended']);
    const reparented = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'unit.reparented'));
    expect(reparented.map((r) => r.summary!.key)).toEqual(expect.arrayContaining([a1.key, b1.key, laterChild.key]));
  });

  it('returns the same unit when a merge is sent twice', async () => {
    const a = await district('Huyện Lặp A');
    const b = await district('Huyện Lặp B');
    const payload = { sourceIds: [a.id, b.id], effectiveFrom: '2021-01-01', unit: { code: nextCode(3), name: 'Huyện Lặp', kind: 'district', level: 'district', parentId: province.unitId } };
    const first = await post(admin, '/api/units/merge', payload);
    const before = await t.database.db.$count(adminUnits);
    const second = await post(admin, '/api/units/merge', payload);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(await t.database.db.$count(adminUnits)).toBe(before);
  });

  it('refuses to merge when the children must stay but nobody takes them', async () => {
    const a = await district('Huyện Giữ A');
    const b = await district('Huyện Giữ B');
    await commune('Xã Giữ', a.id);
    const res = await post(admin, '/api/units/merge', {
      sourceIds: [a.id, b.id],
      effectiveFrom: '2021-01-01',
      reparentChildren: false,
      unit: { code: nextCode(3), name: 'Huyện Giữ', kind: 'district', level: 'district', parentId: province.unitId },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('UNIT_HAS_CHILDREN');
    expect((await t.app.inject({ method: 'GET', url: `/api/units/${a.id}` })).json().validTo).toBeNull();
  });
});

describe('GET /api/units/tree', () => {
  it('defaults to today in Vietnam and answers 404 for a root that does not exist that day', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/units/tree' });
    expect(res.statusCode).toBe(200);
    expect(res.json().asOf).toBe(todayInVietnam());
    const bad = await t.app.inject({ method: 'GET', url: '/api/units/tree?asOf=2021-13-01' });
    expect(bad.statusCode).toBe(400);
    const missing = await t.app.inject({ method: 'GET', url: `/api/units/tree?asOf=2000-01-01&rootId=${province.unitId}` });
    expect(missing.statusCode).toBe(404);
  });

  it('is described in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.paths['/api/units/tree'].get.tags).toEqual(['Đơn vị hành chính']);
    expect(doc.paths['/api/units/merge'].post.summary).toBe('Sáp nhập đơn vị hành chính từ một ngày');
  });
});

describe('subtree scoping of units', () => {
  it('lets a district administrator correct a commune of the district, not the province or another district', async () => {
    const seed = await seedDemo(t);
    const districtAdmin = await staffOfSeededAgency(t, seed, 'UBND_VITHANH', ['administrator']);
    const ownCommune = seed.unitIds.get('VITHANH_P1')!;
    const res = await patch(districtAdmin, `/api/units/${ownCommune}`, { name: 'Phường I' });
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities.update).toBe(true);
    expect((await patch(districtAdmin, `/api/units/${seed.unitIds.get('HAUGIANG')}`, { name: 'Tỉnh Khác' })).statusCode).toBe(403);
    expect((await patch(districtAdmin, `/api/units/${seed.unitIds.get('NGABAY')}`, { name: 'Thành phố Khác' })).statusCode).toBe(403);
    const detail = await t.app.inject({ method: 'GET', url: `/api/units/${seed.unitIds.get('HAUGIANG')}`, headers: districtAdmin.headers });
    expect(detail.json().abilities).toEqual({ update: false, end: false, create_child: false });
  });
});
