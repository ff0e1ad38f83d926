import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestContext } from '../../test/test-app';
import type { ProcedureContentInput } from '../../../shared/schemas/catalog';
import { createProvince, decisionBody, ensureField, newCode, procedureContent, publish, signedInStaff, type TestProvince } from './catalog.test-support';

let t: TestContext;
let province: TestProvince;
let officer: Client;

const entries: { name: string; content?: Partial<ProcedureContentInput> }[] = [
  { name: 'Đăng ký lại khai sinh' },
  { name: 'Cấp bản sao trích lục khai sinh', content: { onTheSpot: true } },
  { name: 'Đăng ký khai sinh lưu động', content: { onlineLevel: 2, onlineScope: null, methods: ['in_person'] } },
  { name: 'Đăng ký khai sinh' },
  { name: 'Đăng ký kết hôn' },
  { name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', content: { level: 'district', fieldCode: 'XAYDUNG', onlineLevel: 3, onlineScope: 'partial' } },
  { name: 'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược', content: { level: 'province', fieldCode: 'DUOC' } },
];

async function search(q: string, extra = '') {
  const res = await t.app.inject({ method: 'GET', url: `/api/catalog/procedures?q=${encodeURIComponent(q)}&publishingAgencyId=${province.committee.id}${extra}` });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { name: string; code: string; agencyCount: number; level: string }[]; total: number; searchMode: string | null };
}
const names = (r: { items: { name: string }[] }) => r.items.map((i) => i.name);

beforeAll(async () => {
  t = await createTestApp();
  province = await createProvince(t.database.db);
  await ensureField(t.database.db);
  await ensureField(t.database.db, 'XAYDUNG', 'Hoạt động xây dựng');
  await ensureField(t.database.db, 'DUOC', 'Dược phẩm');
  officer = await signedInStaff(t, province.committee, ['reform_officer']);
  await publish(
    t,
    officer,
    decisionBody(
      entries.map((e) => ({
        action: 'add',
        procedureCode: newCode(),
        content: procedureContent({ name: e.name, ...(e.content?.level === 'province' ? { agencyIds: [province.department.id], departmentKey: null } : {}), ...e.content }),
      })),
    ),
  );
});
afterAll(async () => t?.close());

describe('catalog search', () => {
  it('finds "Đăng ký khai sinh" whatever the accents and case, exact name first, then names starting with it, then names with every word', async () => {
    const expected = ['Đăng ký khai sinh', 'Đăng ký khai sinh lưu động', 'Đăng ký lại khai sinh'];
    for (const q of ['dang ky khai sinh', 'ĐĂNG KÝ KHAI SINH', 'Đăng ký khai sinh', '  đăng  KÝ khai   SINH ']) {
      const r = await search(q);
      expect(names(r), q).toEqual(expected);
      expect(r.total).toBe(expected.length);
    }
  });

  it('finds every procedure containing "khai sinh", without unrelated ones', async () => {
    const r = await search('khai sinh');
    expect(names(r).sort()).toEqual(['Cấp bản sao trích lục khai sinh', 'Đăng ký khai sinh', 'Đăng ký khai sinh lưu động', 'Đăng ký lại khai sinh'].sort());
    expect(names(r)).not.toContain('Đăng ký kết hôn');
  });

  it('answers a misspelt word by trigram similarity, ranking the closest name first', async () => {
    const birth = await search('dang ky khai sihn');
    expect(birth.searchMode).toBe('typo');
    expect(names(birth)[0]).toBe('Đăng ký khai sinh');
    const building = await search('giay phep xay dugn');
    expect(building.searchMode).toBe('typo');
    expect(names(building)).toEqual(['Cấp giấy phép xây dựng nhà ở riêng lẻ']);
    expect((await search('dang ky khai sinh')).searchMode).toBe('strict');
  });

  it('still finds a procedure when the query carries words its name lacks, or every word is misspelt', async () => {
    expect(names(await search('thủ tục đăng ký khai sinh'))[0]).toBe('Đăng ký khai sinh');
    // Every word occurs in some name, none holds them all: names with most of the words.
    const extra = await search('đăng ký khai sinh xây dựng');
    expect(extra.searchMode).toBe('partial');
    expect(names(extra)[0]).toBe('Đăng ký khai sinh');
    expect(names(extra)).not.toContain('Cấp giấy phép xây dựng nhà ở riêng lẻ');
    const pharmacy = await search('chung nhan du dieu kien kinh doanh duoc pham');
    expect(names(pharmacy)[0]).toBe('Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược');
    const joined = await search('giayphep xaydung nha');
    expect(joined.searchMode).toBe('typo');
    expect(names(joined)[0]).toBe('Cấp giấy phép xây dựng nhà ở riêng lẻ');
    // No word occurs anywhere: the whole query is compared by trigram word similarity.
    const garbled = await search('kinhdoanh duocc');
    expect(garbled.searchMode).toBe('similar');
    expect(names(garbled)).toEqual(['Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược']);
  });

  it('finds a procedure by its code', async () => {
    const all = await search('');
    const target = all.items.find((i) => i.name === 'Đăng ký kết hôn')!;
    expect(names(await search(target.code))).toEqual(['Đăng ký kết hôn']);
  });

  it('filters by level, on-the-spot, online level, agency and date', async () => {
    expect(names(await search('', '&level=district'))).toEqual(['Cấp giấy phép xây dựng nhà ở riêng lẻ']);
    expect(names(await search('', '&onTheSpot=true'))).toEqual(['Cấp bản sao trích lục khai sinh']);
    expect(names(await search('khai sinh', '&onlineScope=none'))).toEqual(['Đăng ký khai sinh lưu động']);
    const atSo = await search('', `&agencyId=${province.department.id}`);
    expect(names(atSo)).toEqual(['Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược']);
    const atCommune = await search('', `&agencyId=${province.communes[0]!.id}`);
    expect(atCommune.total).toBe(entries.filter((e) => !e.content?.level).length);
    expect(atCommune.items.every((i) => i.agencyCount === province.communes.length)).toBe(true);
    expect((await search('', '&asOf=2020-12-31')).total).toBe(0);
  });

  it('counts procedures in force by level and online level as of a date', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/catalog/stats?asOf=2021-06-30&publishingAgencyId=${province.committee.id}` });
    const stats = res.json();
    const levelOf = (e: (typeof entries)[number]) => e.content?.level ?? 'commune';
    const onlineOf = (e: (typeof entries)[number]) => e.content?.onlineLevel ?? 4;
    expect(stats.total).toBe(entries.length);
    expect(stats.byLevel).toEqual({
      province: entries.filter((e) => levelOf(e) === 'province').length,
      district: entries.filter((e) => levelOf(e) === 'district').length,
      commune: entries.filter((e) => levelOf(e) === 'commune').length,
    });
    for (const level of [2, 3, 4]) expect(stats.byOnlineLevel[String(level)]).toBe(entries.filter((e) => onlineOf(e) === level).length);
    expect(stats.onTheSpot).toBe(entries.filter((e) => e.content?.onTheSpot).length);
    const before = (await t.app.inject({ method: 'GET', url: `/api/catalog/stats?asOf=2020-06-30&publishingAgencyId=${province.committee.id}` })).json();
    expect(before.total).toBe(0);
  });

  it('lists fields with the number of procedures in force', async () => {
    const fields = (await t.app.inject({ method: 'GET', url: '/api/catalog/fields?asOf=2021-06-30' })).json().items as { code: string; procedureCount: number }[];
    expect(fields.find((f) => f.code === 'XAYDUNG')!.procedureCount).toBe(1);
    expect(fields.find((f) => f.code === 'HOTICH')!.procedureCount).toBe(entries.filter((e) => !e.content?.fieldCode).length);
  });
});
