/**
 * Statistics in a real browser: a provincial leader opens the dashboard for March 2021 and reads the figures the API
 * gives for the same period (and that the dossiers made here imply), drills down from the province to the agency, the
 * procedure and a dossier, downloads the XLSX; the slice tables, the report form and the Decision 766 indicators
 * render; citizens read the public rates without signing in, on a desktop and on a phone (axe: no serious issue).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { Role } from '../src/shared/permissions';
import type { CatalogStatistics, Dashboard, DossierStatistics, Indicators, PublicStatistics, ReportForm } from '../src/shared/schemas/statistics';
import { resolvePeriod } from '../src/shared/periods';
import { at, createDossierWorld, receive, type DossierWorld } from '../src/server/modules/dossiers/dossiers.test-support';
import { resolveDossier } from '../src/server/modules/statistics/statistics.test-support';
import { createStaff, type TestUser } from '../src/server/test/factories';
import { simulateDossiers } from '../src/server/modules/simulation/simulate-dossiers';
import { DEMO_STAFF_PASSWORD } from '../src/server/seed/demo-accounts';
import { formatCount, formatDays, formatPercent, formatPoints } from '../src/web/features/statistics/format';
import { expectAccessible, horizontalOverflow, screenshot, VIEWPORTS } from './support/browser';
import { submitSignIn } from './support/pages';
import { openPage, useBrowserTestEnvironment } from './support/setup';

const env = useBrowserTestEnvironment();
const PROCEDURE = 'Cấp bản sao trích lục hộ tịch (thống kê thử nghiệm)';
const MARCH = 'preset=month&year=2021&month=3';
let world: DossierWorld;
let leader: TestUser;
let reformOfficer: TestUser;
/** What the test did in March 2021 at the department (the only agency of the world with dossiers). */
const made = { received: 0, resolvedEarly: 0, resolvedLate: 0, pendingOverdue: 0, codes: [] as string[] };

beforeAll(async () => {
  const db = env.server.database.db;
  world = await createDossierWorld(db, { name: PROCEDURE });
  leader = await createStaff(db, world.province, [Role.AGENCY_LEADER], 'Lãnh đạo UBND tỉnh Thử');
  reformOfficer = await createStaff(db, world.province, [Role.REFORM_OFFICER], 'Cán bộ CCHC tỉnh Thử');
  const resolve = (id: string, day: string) => resolveDossier(db, world, id, day);
  // Carried over from February, resolved late in March.
  const carried = await receive(db, world, at('2021-02-22', '09:00'));
  await resolve(carried.dossierId, '2021-03-10');
  made.resolvedLate++;
  // March: two resolved early, one resolved late, two still open at the end of the month (overdue), one by post.
  for (const day of ['2021-03-01', '2021-03-02']) {
    const d = await receive(db, world, at(day, '09:00'));
    await resolve(d.dossierId, addDays(day, 1));
    made.received++;
    made.resolvedEarly++;
    made.codes.push(d.code);
  }
  const late = await receive(db, world, at('2021-03-03', '09:00'));
  await resolve(late.dossierId, '2021-03-19');
  made.received++;
  made.resolvedLate++;
  made.codes.push(late.code);
  for (const channel of ['in_person', 'post'] as const) {
    const d = await receive(db, world, at('2021-03-04', '10:00'), { channel });
    made.received++;
    made.pendingOverdue++;
    made.codes.push(d.code);
  }
});

function addDays(day: string, n: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

async function signedIn(user: TestUser): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const opened = await openPage(env);
  await opened.page.goto('/dang-nhap');
  await submitSignIn(opened.page, user.login, user.password);
  await opened.page.waitForURL('**/can-bo');
  return opened;
}

async function apiJson<T>(context: BrowserContext, path: string): Promise<T> {
  const res = await context.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** The text of a KPI box (role group named by its title). */
const kpi = (page: Page, title: string) => page.getByRole('group', { name: title, exact: true }).locator('.stat-kpi-value').innerText();

describe('leader dashboard', () => {
  it('shows the API figures for March 2021, drills down to a dossier and downloads the XLSX', async () => {
    const { context, page, problems } = await signedIn(leader);
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Thống kê' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thống kê' }).waitFor();
    await page.goto(`/can-bo/thong-ke?${MARCH}`);

    const dashboard = await apiJson<Dashboard>(context, `/api/statistics/dashboard?${MARCH}`);
    // The API agrees with the dossiers made above (the leader's scope is the test province: nothing else is in it).
    expect(dashboard.kpis.received).toBe(made.received);
    expect(dashboard.kpis.resolved).toBe(made.resolvedEarly + made.resolvedLate);
    expect(dashboard.kpis.overdue).toBe(made.pendingOverdue);

    await page.getByTestId('period-label').filter({ hasText: dashboard.period.label }).waitFor();
    await page.getByRole('group', { name: 'Tiếp nhận mới', exact: true }).waitFor();
    expect(await kpi(page, 'Tiếp nhận mới')).toBe(formatCount(dashboard.kpis.received));
    expect(await kpi(page, 'Đã giải quyết')).toBe(formatCount(dashboard.kpis.resolved));
    expect(await kpi(page, 'Tỷ lệ đúng hạn')).toBe(formatPercent(dashboard.kpis.onTimeRate));
    expect(await kpi(page, 'Tỷ lệ trực tuyến')).toBe(formatPercent(dashboard.kpis.onlineRate));
    expect(await kpi(page, 'Đang giải quyết')).toBe(formatCount(dashboard.kpis.pending));
    expect(await kpi(page, 'Quá hạn')).toBe(formatCount(dashboard.kpis.overdue));
    expect(await kpi(page, 'Thời gian giải quyết bình quân')).toBe(formatDays(dashboard.kpis.averageResolutionDays));
    // A comma before the decimals, as Vietnamese readers write it (2 of 3 on time: 66,7%).
    expect(formatPercent(dashboard.kpis.onTimeRate)).toMatch(/^\d{1,3}(,\d)?%$/);

    // The charts are drawn (SVG) and the late procedure is listed with its late count.
    await page.locator('figure.stat-chart svg').first().waitFor();
    expect(await page.locator('figure.stat-chart svg').count()).toBeGreaterThanOrEqual(3);
    const lateRow = page.getByRole('row').filter({ hasText: PROCEDURE }).first();
    await lateRow.waitFor();
    expect(await lateRow.getByRole('link').innerText()).toBe(formatCount(dashboard.topLateProcedures[0]!.late));
    await screenshot(page, 'statistics-dashboard-1280');
    expect(await horizontalOverflow(page)).toBe(0);

    // The XLSX of the dashboard: period and scope above the table.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải Excel màn hình điều hành/ }).click()]);
    expect(download.suggestedFilename()).toBe(`man-hinh-dieu-hanh_${dashboard.period.from}_${dashboard.period.to}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const text = book.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('\n');
    expect(text).toContain(dashboard.period.label);

    // Province → agency: the agency table's row of the department.
    const byAgency = await apiJson<DossierStatistics>(context, `/api/statistics/dossiers?${MARCH}&groupBy=agency`);
    const department = byAgency.rows.find((r) => r.key === world.department.id)!;
    expect(department.figures.received.newTotal).toBe(made.received);
    await page.getByRole('link', { name: department.label, exact: true }).click();
    await page.waitForURL('**/can-bo/thong-ke/co-quan?*');
    await page.getByRole('heading', { name: `Số liệu theo thủ tục: ${department.label}` }).waitFor();
    // The row counted the department alone; its page does too, and says so.
    expect(new URL(page.url()).searchParams.get('agencyOnly')).toBe('true');
    await page.getByText('Hồ sơ do chính cơ quan này giải quyết', { exact: false }).waitFor();
    const byProcedure = await apiJson<DossierStatistics>(context, `/api/statistics/dossiers?${MARCH}&groupBy=procedure&agencyId=${world.department.id}&agencyOnly=true`);
    const procedureRow = page.getByRole('row').filter({ hasText: PROCEDURE });
    await procedureRow.first().waitFor();
    expect(await procedureRow.first().getByRole('link', { name: /hồ sơ: xem danh sách/ }).first().innerText()).toBe(formatCount(byProcedure.rows[0]!.figures.received.newTotal));
    await screenshot(page, 'statistics-drill-agency-1280');

    // Agency → procedure → the dossiers received in March.
    await procedureRow.first().getByRole('link', { name: PROCEDURE }).click();
    await page.waitForURL('**/can-bo/thong-ke/ho-so?*');
    await page.getByRole('heading', { name: 'Danh sách hồ sơ: Tiếp nhận trong kỳ' }).waitFor();
    for (const code of made.codes) await page.getByRole('link', { name: code, exact: true }).waitFor();
    expect(await page.getByText(`${formatCount(made.received)} hồ sơ`).isVisible()).toBe(true);
    await screenshot(page, 'statistics-drill-dossiers-1280');

    // → the dossier itself.
    await page.getByRole('link', { name: made.codes[0]!, exact: true }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: made.codes[0]! }).waitFor();
    expect(page.url()).toMatch(/\/can-bo\/ho-so\/[0-9a-f-]{36}$/);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the slice tables, the report form for a 2021 period and the Decision 766 indicators', async () => {
    const { context, page, problems } = await signedIn(leader);
    await page.goto(`/can-bo/thong-ke/so-lieu?${MARCH}&groupBy=channel`);
    const byChannel = await apiJson<DossierStatistics>(context, `/api/statistics/dossiers?${MARCH}&groupBy=channel`);
    for (const row of byChannel.rows) await page.getByRole('row').filter({ hasText: row.label }).first().waitFor();
    const totalRow = page.getByRole('row').filter({ hasText: 'Tổng cộng' });
    await totalRow.waitFor();
    expect(await totalRow.getByRole('link', { name: /hồ sơ: xem danh sách/ }).first().innerText()).toBe(formatCount(byChannel.total.received.newTotal));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^thong-ke-ho-so_2021-03-01_2021-03-31\.xlsx$/);
    await screenshot(page, 'statistics-slices-1280');

    // The statutory form of a 2021 period: II.06a of TT 01/2020/TT-VPCP.
    await page.goto(`/can-bo/thong-ke/bieu-mau?${MARCH}`);
    const form = await apiJson<ReportForm>(context, `/api/statistics/report-form?${MARCH}`);
    expect(form.form).toBe('II.06a');
    await page.getByText(form.formNumber, { exact: true }).waitFor();
    await page.getByRole('heading', { name: form.title }).waitFor();
    await screenshot(page, 'statistics-report-form-1280');

    // Decision 766: the five groups, each indicator with its formula.
    await page.goto(`/can-bo/thong-ke/chi-so?${MARCH}`);
    const indicators = await apiJson<Indicators>(context, `/api/statistics/indicators?${MARCH}`);
    for (const [i, g] of indicators.groups.entries()) await page.getByRole('heading', { name: `${i + 1}. ${g.label}` }).waitFor();
    const onTime = indicators.groups.flatMap((g) => g.indicators).find((x) => x.key === 'onTimeRate')!;
    await page.getByText(onTime.formula).first().waitFor();
    // The leader reads the weights; only a reform officer may change them.
    await page.getByRole('button', { name: 'Xem điểm tối đa' }).click();
    await page.getByRole('dialog').getByText('Chỉ cán bộ cải cách hành chính được thay đổi.', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    await screenshot(page, 'statistics-indicators-1280');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('reform officer', () => {
  it('picks a reform-report period from the list, reads the catalog statistics and sets the point weights', async () => {
    const { context, page, problems } = await signedIn(reformOfficer);
    await page.goto('/can-bo/thong-ke/thu-tuc?preset=year&year=2021');
    await page.getByRole('group', { name: 'Thủ tục đang thực hiện', exact: true }).waitFor();

    // The period list: the reform report's first-quarter cut-off (15/12 of the year before to 14/3).
    await page.getByRole('combobox', { name: 'Loại kỳ thống kê' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Báo cáo CCHC quý I (15/12 – 14/3)' }).click();
    const q1 = resolvePeriod({ preset: 'reform_q1', year: 2021 });
    await page.getByTestId('period-label').filter({ hasText: q1.label }).waitFor();
    expect(new URL(page.url()).searchParams.get('preset')).toBe('reform_q1');
    const catalog = await apiJson<CatalogStatistics>(context, '/api/statistics/catalog?preset=reform_q1&year=2021');
    expect(catalog.period.label).toBe(q1.label);
    await page.getByText(`Danh mục thủ tục tại ngày ${q1.to.split('-').reverse().join('/')}`).waitFor();
    expect(await kpi(page, 'Thủ tục đang thực hiện')).toBe(formatCount(catalog.procedures.total));
    expect(await kpi(page, 'Thủ tục liên thông')).toBe(formatCount(catalog.procedures.interAgency));
    await screenshot(page, 'statistics-catalog-1280');

    // Weights: move two points from one progress indicator to the other (the total stays 100).
    await page.getByRole('tab', { name: 'Chỉ số QĐ 766' }).click();
    await page.waitForURL('**/thong-ke/chi-so?*');
    const before = await apiJson<Indicators>(context, '/api/statistics/indicators?preset=reform_q1&year=2021');
    const progress = before.groups.find((g) => g.group === 'progress')!;
    const [a, b] = progress.indicators;
    await page.getByRole('heading', { name: `2. ${progress.label}` }).waitFor();
    await page.getByRole('button', { name: 'Cấu hình điểm' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(a!.label).fill(String(a!.weight + 2));
    await dialog.getByLabel(b!.label).fill(String(b!.weight - 2));
    await dialog.getByText('Tổng: 100 / 100 điểm').waitFor();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const after = await apiJson<Indicators>(context, '/api/statistics/indicators?preset=reform_q1&year=2021');
    const changed = after.groups.flatMap((g) => g.indicators).find((x) => x.key === a!.key)!;
    expect(changed.weight).toBe(a!.weight + 2);
    const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: a!.label, exact: true }) }).last();
    await card.getByText(changed.points === null ? 'Không có dữ liệu' : `${formatPoints(changed.points)} / ${formatPoints(changed.weight)} điểm`).waitFor();
    await screenshot(page, 'statistics-indicators-weights-1280');

    // A total other than 100 is refused with the API's message, and nothing changes.
    await page.getByRole('button', { name: 'Cấu hình điểm' }).click();
    await dialog.getByLabel(a!.label).fill(String(a!.weight + 5));
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Tổng điểm các chỉ số phải bằng 100' }).waitFor();
    const unchanged = await apiJson<{ weights: Record<string, number> }>(context, '/api/statistics/indicators/weights');
    expect(unchanged.weights[a!.key]).toBe(a!.weight + 2);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('public statistics page', () => {
  it('shows the province and agency rates of the API without signing in, and passes axe', async () => {
    const { context, page, problems } = await openPage(env);
    await page.goto('/thong-ke?nam=2021&ky=q1');
    await page.getByRole('heading', { level: 1, name: 'Thống kê kết quả giải quyết thủ tục hành chính' }).waitFor();
    const stats = await apiJson<PublicStatistics>(context, '/api/public/statistics?preset=quarter&year=2021&quarter=1');
    const figure = (title: string) => page.getByRole('group', { name: title, exact: true }).locator('.stat-kpi-value').innerText();
    await page.getByRole('group', { name: 'Tỷ lệ giải quyết đúng hạn' }).waitFor();
    expect(await figure('Tỷ lệ giải quyết đúng hạn')).toBe(formatPercent(stats.province.onTimeRate));
    expect(await figure('Tỷ lệ hồ sơ trực tuyến')).toBe(formatPercent(stats.province.onlineRate));
    expect(await figure('Hồ sơ tiếp nhận')).toBe(formatCount(stats.province.received));
    const ours = stats.byAgency.find((r) => r.agencyId === world.department.id)!;
    expect(ours.received).toBe(made.received + 1);
    const row = page.getByRole('row').filter({ hasText: ours.agencyName });
    await row.first().waitFor();
    expect(await row.first().getByRole('cell').nth(4).innerText()).toBe(formatPercent(ours.onTimeRate));
    await page.locator('figure.stat-chart svg').first().waitFor();
    await screenshot(page, 'statistics-public-1280');
    await expectAccessible(page, '/thong-ke');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a phone screen', async () => {
    const { context, page, problems } = await openPage(env, VIEWPORTS.phone);
    await page.goto('/thong-ke?nam=2021&ky=q1');
    await page.getByRole('group', { name: 'Tỷ lệ giải quyết đúng hạn' }).waitFor();
    await page.locator('figure.stat-chart svg').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'statistics-public-375');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('with a simulated history across the demo province (Q1 2021)', () => {
  beforeAll(async () => {
    // A small volume (the seed's is ~700 a working day): enough for every level of the province to have dossiers.
    await simulateDossiers(env.server.database, { from: '2021-01-01', to: '2021-03-31', perDay: 8, seed: 7 });
  });

  it('the province dashboard shows the API figures and stays readable', async () => {
    const kstthc: TestUser = { id: '', login: 'kstthc.vp', password: DEMO_STAFF_PASSWORD };
    const { context, page, problems } = await signedIn(kstthc);
    await page.goto(`/can-bo/thong-ke?${MARCH}`);
    const dashboard = await apiJson<Dashboard>(context, `/api/statistics/dashboard?${MARCH}`);
    expect(dashboard.kpis.received).toBeGreaterThan(100);
    await page.getByRole('group', { name: 'Tiếp nhận mới', exact: true }).waitFor();
    expect(await kpi(page, 'Tiếp nhận mới')).toBe(formatCount(dashboard.kpis.received));
    expect(await kpi(page, 'Tỷ lệ đúng hạn')).toBe(formatPercent(dashboard.kpis.onTimeRate));
    expect(await kpi(page, 'Tỷ lệ trực tuyến')).toBe(formatPercent(dashboard.kpis.onlineRate));
    expect(await kpi(page, 'Quá hạn')).toBe(formatCount(dashboard.kpis.overdue));
    await page.locator('figure.stat-chart svg').nth(2).waitFor();
    await page.getByRole('row').filter({ hasText: 'Tổng cộng' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'statistics-dashboard-demo-1280');
    await expectAccessible(page, '/can-bo/thong-ke');

    await page.goto(`/can-bo/thong-ke/bieu-mau?preset=statutory_half_year&year=2021`);
    await page.getByText('Biểu mẫu II.06a/VPCP/KSTT', { exact: true }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Tổng cộng' }).waitFor();
    await screenshot(page, 'statistics-report-form-demo-1280');
    await expectAccessible(page, '/can-bo/thong-ke/bieu-mau');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the public page lists the agencies with the API rates and passes axe', async () => {
    const { context, page, problems } = await openPage(env);
    await page.goto('/thong-ke?nam=2021&ky=q1');
    const stats = await apiJson<PublicStatistics>(context, '/api/public/statistics?preset=quarter&year=2021&quarter=1');
    expect(stats.byAgency.length).toBeGreaterThan(5);
    await page.getByRole('group', { name: 'Tỷ lệ giải quyết đúng hạn' }).waitFor();
    expect(await page.getByRole('group', { name: 'Tỷ lệ giải quyết đúng hạn', exact: true }).locator('.stat-kpi-value').innerText()).toBe(formatPercent(stats.province.onTimeRate));
    expect(await page.getByRole('group', { name: 'Tỷ lệ hồ sơ trực tuyến', exact: true }).locator('.stat-kpi-value').innerText()).toBe(formatPercent(stats.province.onlineRate));
    await page.locator('figure.stat-chart svg').first().waitFor();
    await screenshot(page, 'statistics-public-demo-1280');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải số liệu \(Excel\)/ }).click()]);
    expect(download.suggestedFilename()).toBe(`ket-qua-giai-quyet-tthc_${stats.period.from}_${stats.period.to}.xlsx`);
    await expectAccessible(page, '/thong-ke (demo scale)');
    expect(problems).toEqual([]);
    await context.close();
  });
});
