/**
 * Statistics routes: sign-in before validation before permission checks, agency scope (a district's staff see
 * their district only), the public figures (aggregates, no sign-in, no personal data), the exports (XLSX with the
 * period and filters above the table), the dashboard and its drill-down, and the indicator weights.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { Role } from '../../../shared/permissions';
import { DEFAULT_INDICATOR_WEIGHTS } from '../../../shared/schemas/statistics';
import { auditLog } from '../../db/schema';
import { createAgency, createCitizen, createStaff, type TestAgency } from '../../test/factories';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { actorOf, at, createDossierWorld, receive, type DossierWorld } from '../dossiers/dossiers.test-support';
import { resolveDossier } from './statistics.test-support';

let t: TestContext;
let w: DossierWorld;
let districtA: TestAgency;
let districtB: TestAgency;
let provinceLeader: Client;
let districtAStaff: Client;
let reformOfficer: Client;
let specialist: Client;
let citizen: Client;
const codes: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  w = await createDossierWorld(db);
  districtA = await createAgency(db, { parent: w.province, name: 'UBND huyện A' });
  districtB = await createAgency(db, { parent: w.province, name: 'UBND huyện B' });
  const login = async (agency: TestAgency, roles: Role[]) => {
    const u = await createStaff(db, agency, roles);
    return signIn(t.app, u.login, u.password);
  };
  provinceLeader = await login(w.province, [Role.AGENCY_LEADER]);
  districtAStaff = await login(districtA, [Role.SPECIALIST]);
  reformOfficer = await login(w.province, [Role.REFORM_OFFICER]);
  specialist = await login(w.province, [Role.SPECIALIST]);
  const c = await createCitizen(db);
  citizen = await signIn(t.app, c.login, c.password);

  // At the Sở (under the province, outside both districts): one early, one late, one pending overdue.
  const resolve = (id: string, day: string) => resolveDossier(db, w, id, day);
  const early = await receive(db, w, at('2021-03-01', '09:00'));
  await resolve(early.dossierId, '2021-03-03');
  const late = await receive(db, w, at('2021-03-01', '09:00'));
  await resolve(late.dossierId, '2021-03-12');
  const pending = await receive(db, w, at('2021-03-15', '09:00'), { channel: 'post' });
  codes.push(early.code, late.code, pending.code);
  // Staff of district A may read statistics; actorOf only checks the factories work for the agency.
  await actorOf(db, (await createStaff(db, districtA, [Role.DESK_OFFICER])).id);
});
afterAll(async () => t?.close());

const get = (client: Client | undefined, url: string) => t.app.inject({ method: 'GET', url, headers: client?.headers });
const MARCH = 'preset=month&year=2021&month=3';

describe('guards and validation', () => {
  it('asks for a sign-in before validating the query', async () => {
    expect((await get(undefined, '/api/statistics/dossiers?preset=month&year=2021&month=13')).statusCode).toBe(401);
    expect((await get(undefined, `/api/statistics/dossiers.xlsx?${MARCH}`)).statusCode).toBe(401);
  });

  it('refuses a citizen before looking at the query', async () => {
    expect((await get(citizen, '/api/statistics/dossiers?preset=month&year=2021&month=13')).statusCode).toBe(403);
  });

  it('explains an impossible period in Vietnamese, naming the parameter', async () => {
    const month = await get(provinceLeader, '/api/statistics/dossiers?preset=month&year=2021&month=13');
    expect(month.statusCode).toBe(400);
    const statutory = await get(provinceLeader, '/api/statistics/report-form?preset=statutory_month&year=2026&month=3');
    expect(statutory.statusCode).toBe(400);
    const fields = statutory.json().error.details.fields as { path: string; message: string }[];
    expect(fields).toEqual([{ path: 'querystring.month', message: expect.stringContaining('chỉ có các tháng 1, 2, 4, 5, 7, 8, 10, 11') }]);
    const reversed = await get(provinceLeader, '/api/statistics/dossiers?from=2021-06-18&to=2021-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details.fields[0].path).toBe('querystring.to');
  });
});

describe('scope', () => {
  it('gives the province’s leader every agency under the province', async () => {
    const res = await get(provinceLeader, `/api/statistics/dossiers?${MARCH}&groupBy=agency`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rows.map((r: { key: string }) => r.key)).toEqual([w.department.id]);
    expect(body.total.received.newTotal).toBe(3);
    expect(body.total.resolved).toMatchObject({ total: 2, early: 1, late: 1, onTimeRate: 50 });
    expect(body.total.pending).toMatchObject({ total: 1, overdue: 1 });
  });

  it('keeps a district’s staff inside their district: own figures by default, 403 for another district or the Sở', async () => {
    const own = await get(districtAStaff, `/api/statistics/dossiers?${MARCH}&groupBy=none`);
    expect(own.statusCode).toBe(200);
    expect(own.json().filters.lines[0]).toContain('UBND huyện A');
    expect(own.json().total.received.total).toBe(0);
    for (const agencyId of [districtB.id, w.department.id, w.province.id]) {
      const res = await get(districtAStaff, `/api/statistics/dossiers?${MARCH}&agencyId=${agencyId}`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await get(districtAStaff, `/api/statistics/dossiers/list?${MARCH}&agencyId=${w.department.id}`)).statusCode).toBe(403);
    expect((await get(districtAStaff, `/api/statistics/dashboard?${MARCH}&agencyId=${districtB.id}`)).statusCode).toBe(403);
  });

  it('answers 404 for an agency that does not exist', async () => {
    expect((await get(provinceLeader, `/api/statistics/dossiers?${MARCH}&agencyId=00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });
});

describe('public figures', () => {
  it('need no sign-in and show only aggregates by agency', async () => {
    const res = await get(undefined, `/api/public/statistics?${MARCH}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.byAgency).toEqual([
      { agencyId: w.department.id, agencyName: 'Sở Tư pháp Thử', received: 3, resolved: 2, resolvedOnTime: 1, onTimeRate: 50, receivedOnline: 0, onlineRate: 0 },
    ]);
    for (const code of codes) expect(res.body).not.toContain(code);
    expect(res.body).not.toContain('Nguyễn Thị Hồng Nhung');
  });

  it('default to the current year and export as XLSX', async () => {
    const res = await get(undefined, '/api/public/statistics');
    expect(res.statusCode).toBe(200);
    expect(res.json().period.preset).toBe('year');
    const xlsx = await get(undefined, `/api/public/statistics.xlsx?${MARCH}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getCell(2, 1).value).toContain('Tháng 3/2021');
  });
});

/** The rows of a sheet as arrays of cell values (1-based columns, as ExcelJS gives them). */
async function sheetOf(url: string, client: Client) {
  const res = await get(client, url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.xlsx"/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('exports', () => {
  it('write the period and filters above the table, Vietnamese headers, and the same figures as the JSON', async () => {
    const rows = await sheetOf(`/api/statistics/dossiers.xlsx?${MARCH}&groupBy=agency&channel=in_person`, provinceLeader);
    expect(rows[0]![0]).toBe('THỐNG KÊ TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    const text = rows.map((r) => r.join(' ')).join('\n');
    expect(text).toContain('Kỳ thống kê: Tháng 3/2021 (từ 01/03/2021 đến 31/03/2021)');
    expect(text).toContain('Hình thức tiếp nhận: Trực tiếp');
    expect(text).toContain('Số lượng hồ sơ tiếp nhận');
    const data = rows.find((r) => r[1] === 'Sở Tư pháp Thử')!;
    // STT, name, code, then received: total 2, carried 0, online full 0, online partial 0, post 0, in person 2.
    expect(data.slice(3, 9)).toEqual([2, 0, 0, 0, 0, 2]);
    expect(rows.find((r) => r[1] === 'TỔNG CỘNG')).toBeDefined();
  });

  it('lay a 2021 period out on Biểu II.06a and a TT 09/2026 period on Biểu 07b for the province', async () => {
    const old = await sheetOf(`/api/statistics/report-form.xlsx?${MARCH}`, provinceLeader);
    expect(old.map((r) => r.join(' ')).join('\n')).toContain('Biểu mẫu II.06a/VPCP/KSTT');
    expect(old.flat()).toContain('Số kỳ trước chuyển qua');
    const current = await sheetOf('/api/statistics/report-form.xlsx?preset=statutory_quarter&year=2026&quarter=3', provinceLeader);
    const text = current.map((r) => r.join(' ')).join('\n');
    expect(text).toContain('Biểu số 07b/BTP/KSTT');
    expect(text).toContain('(từ 15/06/2026 đến 14/09/2026)');
    expect(current.flat()).toEqual(expect.arrayContaining(['Trực tuyến toàn trình', 'Trực tuyến một phần', 'Qua dịch vụ bưu chính', 'Từ kỳ trước', '(3)=(4)+(5)+(6)+(7)+(8)']));
    expect(text).toContain('I. Tình hình, kết quả giải quyết TTHC thuộc phạm vi thẩm quyền của UBND cấp tỉnh');
  });

  it('exist for the dashboard, the catalog, the indicators and the dossier list', async () => {
    for (const url of ['/api/statistics/dashboard.xlsx', '/api/statistics/catalog.xlsx', '/api/statistics/indicators.xlsx', '/api/statistics/dossiers/list.xlsx']) {
      const rows = await sheetOf(`${url}?${MARCH}`, provinceLeader);
      expect(rows[1]![0]).toContain('Tháng 3/2021');
    }
  });
});

describe('dashboard and drill-down', () => {
  it('shows the trend over twelve months, overdue by agency and the late procedures', async () => {
    const res = await get(provinceLeader, `/api/statistics/dashboard?${MARCH}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.trend).toHaveLength(12);
    expect(body.trend.at(-1)).toMatchObject({ month: '2021-03', received: 3, resolved: 2, onTimeRate: 50 });
    expect(body.trend[0].month).toBe('2020-04');
    expect(body.overdueByAgency).toEqual([{ agencyId: w.department.id, agencyName: 'Sở Tư pháp Thử', pending: 1, overdue: 1 }]);
    expect(body.topLateProcedures).toEqual([expect.objectContaining({ procedureId: w.procedure.id, resolved: 2, late: 1, lateRate: 50 })]);
  });

  it('lists the dossiers behind a figure, without personal data', async () => {
    const late = await get(provinceLeader, `/api/statistics/dossiers/list?${MARCH}&agencyId=${w.department.id}&procedureId=${w.procedure.id}&category=resolved_late`);
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json().items.map((i: { code: string }) => i.code)).toEqual([codes[1]]);
    const overdue = await get(provinceLeader, `/api/statistics/dossiers/list?${MARCH}&category=pending_overdue`);
    expect(overdue.json()).toMatchObject({ total: 1, items: [{ code: codes[2], channel: 'post', statusLabel: 'Đã tiếp nhận' }] });
    expect(overdue.body).not.toContain('Nguyễn Thị Hồng Nhung');
  });

  it('drills a by-agency row to that agency alone, as the row counts it, and an agency page to its subtree', async () => {
    const rows = (await get(provinceLeader, `/api/statistics/dossiers?${MARCH}&groupBy=agency`)).json().rows as { key: string; figures: { received: { newTotal: number } } }[];
    expect(rows.find((r) => r.key === w.department.id)?.figures.received.newTotal).toBe(3);
    // The province's People's Committee receives nothing itself; its subtree holds the Sở's three dossiers.
    expect(rows.find((r) => r.key === w.province.id)).toBeUndefined();
    const alone = await get(provinceLeader, `/api/statistics/dossiers/list?${MARCH}&agencyId=${w.province.id}&agencyOnly=true&category=received`);
    expect(alone.statusCode, alone.body).toBe(200);
    expect(alone.json().total).toBe(0);
    expect(alone.json().filters.lines[0]).toContain('không gồm các đơn vị trực thuộc');
    const subtree = await get(provinceLeader, `/api/statistics/dossiers/list?${MARCH}&agencyId=${w.province.id}&category=received`);
    expect(subtree.json().total).toBe(3);
    const own = await get(provinceLeader, `/api/statistics/dossiers/list?${MARCH}&agencyId=${w.department.id}&agencyOnly=true&category=received`);
    expect(own.json().items.map((i: { code: string }) => i.code).sort()).toEqual([...codes].sort());
    const figures = (await get(provinceLeader, `/api/statistics/dossiers?${MARCH}&agencyId=${w.province.id}&agencyOnly=true&groupBy=none`)).json();
    expect(figures.total.received.newTotal).toBe(0);
    expect((await get(provinceLeader, `/api/statistics/dossiers?${MARCH}&agencyId=${w.department.id}&agencyOnly=maybe`)).statusCode).toBe(400);
  });

  it('drills a Biểu 07b section to the levels it counts', async () => {
    const form = (await get(provinceLeader, '/api/statistics/report-form?preset=statutory_quarter&year=2026&quarter=3')).json();
    expect(form.form).toBe('07b');
    expect(form.sections.map((s: { levels: string[] | null }) => s.levels)).toEqual([['province', 'district'], ['commune']]);
    // The test procedure is a provincial one: its March dossiers are section I's, none is section II's.
    const upper = await get(provinceLeader, `/api/statistics/dossiers/list?${MARCH}&levels=province,district&category=received`);
    expect(upper.statusCode, upper.body).toBe(200);
    expect(upper.json().total).toBe(3);
    expect(upper.json().filters.lines).toContain('Cấp thực hiện: Cấp tỉnh, Cấp huyện');
    expect((await get(provinceLeader, `/api/statistics/dossiers/list?${MARCH}&levels=commune&category=received`)).json().total).toBe(0);
    expect((await get(provinceLeader, `/api/statistics/dossiers/list?${MARCH}&levels=province,town&category=received`)).statusCode).toBe(400);
  });
});

describe('indicators and catalog statistics', () => {
  it('give five groups, each figure with its formula and data', async () => {
    const res = await get(provinceLeader, `/api/statistics/indicators?${MARCH}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.groups.map((g: { weight: number }) => g.weight)).toEqual([18, 20, 22, 22, 18]);
    const onTime = body.groups[1].indicators.find((i: { key: string }) => i.key === 'onTimeRate');
    expect(onTime).toMatchObject({ numerator: 1, denominator: 2, rate: 50, weight: 10, points: 5, formulaAssumed: true });
    expect(onTime.formula).toContain('trước hạn + đúng hạn');
    // No petition was handled: no data, no points, and said so.
    expect(body.groups[4].indicators[0]).toMatchObject({ key: 'petitionsOnTime', rate: null, points: null });
  });

  it('counts the procedures in force', async () => {
    const res = await get(provinceLeader, `/api/statistics/catalog?${MARCH}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().procedures.total).toBe(1);
  });

  it('lets a reform officer change the weights (audited), refusing a total other than 100', async () => {
    const weights = { ...DEFAULT_INDICATOR_WEIGHTS, onTimeRate: 15, resolutionWithinLegalTime: 5 };
    const put = (client: Client, payload: unknown) => t.app.inject({ method: 'PUT', url: '/api/statistics/indicators/weights', payload: payload as object, headers: client.headers });
    expect((await put(specialist, weights)).statusCode).toBe(403);
    const bad = await put(reformOfficer, { ...weights, onTimeRate: 20 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Tổng điểm các chỉ số phải bằng 100');
    const ok = await put(reformOfficer, weights);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().weights.onTimeRate).toBe(15);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'statistics.weights_updated'), eq(auditLog.subjectId, 'indicators.766.weights')));
    expect(audit).toHaveLength(1);
    const ind = (await get(provinceLeader, `/api/statistics/indicators?${MARCH}`)).json();
    expect(ind.groups[1].indicators[0]).toMatchObject({ weight: 15, points: 7.5 });
  });
});
