/**
 * The back office in a real browser, end to end: a desk officer receives a dossier at the counter and prints the
 * receipt; a specialist takes it from the queue and asks for a supplement, the desk records it, the internal process
 * runs to the leader's approval and the clerk's issue, and the desk returns the result — every step through the
 * dossier page's action buttons. An administrator imports a faulty catalog file and reads the row report. A citizen
 * cannot open another citizen's dossier.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CATALOG_COLUMNS, writeXlsx } from '../src/server/modules/catalog/catalog-file';
import { createDossierWorld, receive, type DossierWorld } from '../src/server/modules/dossiers/dossiers.test-support';
import { createStaff, testIdNumber, type TestUser } from '../src/server/test/factories';
import { errorMessages } from '../src/shared/errors';
import { maskIdNumber } from '../src/shared/text';
import { screenshot } from './support/browser';
import { act, openDossier as openDossierAs, signedIn as signedInAs } from './support/back-office-steps';
import { submitSignIn } from './support/pages';
import { openPage, useBrowserTestEnvironment } from './support/setup';

const env = useBrowserTestEnvironment();
const PROCEDURE = 'Cấp bản sao trích lục hộ tịch thử nghiệm';
let world: DossierWorld;
const signedIn = (user: TestUser) => signedInAs(env, user);
const openDossier = (user: TestUser, id: string) => openDossierAs(env, user, id);

beforeAll(async () => {
  world = await createDossierWorld(env.server.database.db, { name: PROCEDURE });
});

/** The smallest well-formed PDF, standing for a scanned page. */
const SCAN = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n',
);

describe('back-office flow', () => {
  let dossierId = '';
  let dossierCode = '';
  let idNumber = '';

  it('a desk officer receives a dossier at the counter and prints the receipt', async () => {
    const { context, page, problems } = await signedIn(world.staff.desk);
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Tiếp nhận' }).click();
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).waitFor();

    // The procedure field has the focus: the clerk types without diacritics and picks the procedure.
    await page.keyboard.type('cap ban sao trich luc ho tich');
    await page.locator('.ant-select-item-option', { hasText: PROCEDURE }).click();
    await page.getByText('Tờ khai', { exact: true }).waitFor();

    idNumber = testIdNumber();
    const idField = page.getByLabel('Số định danh cá nhân');
    await idField.fill(idNumber);
    await idField.press('Enter');
    // Enter moved on to the next field and the lookup answered for an unknown applicant.
    expect(await page.getByLabel('Họ và tên').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByText('Chưa có thông tin người nộp này', { exact: false }).waitFor();
    await page.keyboard.type('Võ Thị Thu Hà');
    await page.getByLabel('Số điện thoại').fill('0912000111');
    await page.getByLabel('Địa chỉ', { exact: true }).fill('Phường 5, TP Vị Thanh');
    await page.locator('input[type=file]').first().setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: SCAN });
    await page.getByText('to-khai.pdf').waitFor();
    await screenshot(page, 'back-office-intake-form');

    await page.getByRole('button', { name: 'Tiếp nhận và cấp mã hồ sơ' }).click();
    const title = page.getByText(/^Đã tiếp nhận hồ sơ /);
    await title.waitFor();
    dossierCode = (await title.innerText()).replace('Đã tiếp nhận hồ sơ ', '').trim();
    expect(dossierCode.length).toBeGreaterThan(5);

    const [popup, pdf] = await Promise.all([
      context.waitForEvent('page'),
      page.waitForResponse((r) => r.url().endsWith('/forms/01.pdf') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'In Giấy tiếp nhận và hẹn trả kết quả' }).click(),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    // The new tab shows the PDF the browser received.
    await popup.waitForURL(/^blob:/);
    await popup.close();

    await page.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await page.waitForURL(/\/can-bo\/ho-so\/[0-9a-f-]{36}$/);
    dossierId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: `Hồ sơ ${dossierCode}` }).waitFor();
    await page.getByRole('link', { name: 'to-khai.pdf' }).waitFor();
    // The desk step of the internal process: the desk forwards to the specialist.
    await act(page, 'Chuyển bước xử lý', 'Đang xử lý');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a specialist takes it from the queue and asks for a supplement; the desk records it', async () => {
    expect(dossierId).not.toBe('');
    const { context, page, problems } = await signedIn(world.staff.specialist);
    // Forwarded by the desk to the department, not yet to a person: it waits in the department's queue.
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Hàng đợi hồ sơ' }).click();
    await page.getByRole('tab', { name: /Của phòng/ }).click();
    await page.waitForURL('**/can-bo/ho-so?hang-doi=department');
    const link = page.getByRole('link', { name: dossierCode, exact: true });
    await link.waitFor();
    // Lists never show a full ID number.
    const listed = await page.locator('table').innerText();
    expect(listed).toContain(maskIdNumber(idNumber));
    expect(listed).not.toContain(idNumber);
    await screenshot(page, 'back-office-queue');
    await page.getByPlaceholder(/Tìm theo mã hồ sơ/).fill('vo thi thu ha');
    await page.getByPlaceholder(/Tìm theo mã hồ sơ/).press('Enter');
    await page.waitForURL(/q=vo\+thi\+thu\+ha/);
    await link.click();
    await page.getByRole('heading', { name: `Hồ sơ ${dossierCode}` }).waitFor();
    await page.getByText('Chuyên viên thẩm định', { exact: false }).first().waitFor();
    await screenshot(page, 'back-office-dossier');

    await act(page, 'Yêu cầu bổ sung, hoàn thiện hồ sơ', 'Chờ bổ sung hồ sơ', async (dialog) => {
      await dialog.getByLabel('Giấy tờ cần bổ sung 1').fill('Bản sao giấy khai sinh');
      await dialog.getByLabel('Lý do, nội dung cần bổ sung').fill('Bản sao không rõ nét');
    });
    await page.getByRole('link', { name: /Mẫu 02/ }).waitFor();
    // The home cards show the server's counts, and this dossier is now among those waiting for a supplement.
    const summary = (await (await page.request.get('/api/dossiers/queues/summary')).json()) as { counts: Record<string, number> };
    expect(summary.counts.waiting_for_supplement).toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Trang chủ' }).click();
    await page.locator('.queue-cards').getByRole('link', { name: `Chờ bổ sung: ${summary.counts.waiting_for_supplement} hồ sơ` }).waitFor();
    expect(problems).toEqual([]);
    await context.close();

    const desk = await openDossier(world.staff.desk, dossierId);
    await act(desk.page, 'Bổ sung hồ sơ', 'Đang xử lý', async (dialog) => {
      await dialog.getByLabel('Giấy tờ bổ sung 1').fill('Bản sao giấy khai sinh (rõ nét)');
    });
    await desk.page.getByText('Bản sao giấy khai sinh (rõ nét)').waitFor();
    expect(desk.problems).toEqual([]);
    await desk.context.close();
  });

  it('runs the internal process to the leader, the clerk and the return of the result', async () => {
    expect(dossierId).not.toBe('');
    const steps: [TestUser, string, string, ((d: ReturnType<Page['getByRole']>) => Promise<void>)?][] = [
      [world.staff.specialist, 'Chuyển bước xử lý', 'Đang xử lý'],
      [world.staff.head, 'Chuyển bước xử lý', 'Đang xử lý'],
      [world.staff.leader, 'Phê duyệt', 'Đã phê duyệt, chờ ký'],
      [world.staff.leader, 'Ký kết quả', 'Đã ký, chờ phát hành'],
      [world.staff.clerk, 'Vào số, phát hành kết quả', 'Đã có kết quả, chờ trả', (d) => d.getByLabel('Số văn bản kết quả').fill('125/GCN-STP')],
      [world.staff.desk, 'Trả kết quả', 'Đã trả kết quả', (d) => d.getByLabel('Người nhận kết quả').fill('Võ Thị Thu Hà')],
    ];
    for (const [user, label, status, fill] of steps) {
      const { context, page, problems } = await openDossier(user, dossierId);
      await act(page, label, status, fill);
      expect(problems).toEqual([]);
      await context.close();
    }
    const { context, page } = await openDossier(world.staff.desk, dossierId);
    await page.getByText('125/GCN-STP').first().waitFor();
    const timeline = await page.locator('.ant-timeline').innerText();
    for (const entry of ['Tiếp nhận hồ sơ', 'Yêu cầu bổ sung, hoàn thiện hồ sơ', 'Bổ sung hồ sơ', 'Phê duyệt', 'Ký kết quả', 'Vào số, phát hành kết quả', 'Trả kết quả']) {
      expect(timeline).toContain(entry);
    }
    expect(await page.getByRole('button', { name: 'Trả kết quả', exact: true }).count()).toBe(0);
    await context.close();
  });

  it('an administrator imports a catalog file with an error and sees the row report', async () => {
    const admin = await createStaff(env.server.database.db, world.province, ['administrator'], 'Nguyễn Quản Trị');
    const { context, page, problems } = await signedIn(admin);
    await page.goto('/can-bo/thu-tuc');
    await page.getByRole('tab', { name: 'Nhập từ tệp XLSX' }).click();
    const header = CATALOG_COLUMNS.map((c) => c.header);
    // Row 2: a procedure without its name.
    const row = CATALOG_COLUMNS.map((c) => (c.key === 'code' ? '1.009999.000.00.00.H99' : c.key === 'name' ? '' : c.required ? 'x' : ''));
    const file = await writeXlsx(header, [row], []);
    await page.locator('input[type=file]').setInputFiles({ name: 'danh-muc-loi.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.getByLabel('Chỉ kiểm tra, chưa ghi dữ liệu').uncheck();
    await page.getByRole('button', { name: 'Nhập danh mục' }).click();
    await page.getByText(/Tệp nhập có \d+ lỗi, không có dữ liệu nào được ghi/).waitFor();
    const nameColumn = String.fromCharCode(65 + CATALOG_COLUMNS.findIndex((c) => c.key === 'name'));
    const reportRow = page.locator('tr', { hasText: 'Tên thủ tục' }).filter({ hasText: 'Không được để trống' });
    await reportRow.first().waitFor();
    expect((await reportRow.first().innerText()).split(/\s+/)).toEqual(expect.arrayContaining(['2', nameColumn]));
    await screenshot(page, 'back-office-catalog-import-report');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a citizen cannot open another citizen’s dossier', async () => {
    const owned = await receive(env.server.database.db, world, new Date(), {
      applicant: { kind: 'individual', userId: world.citizen.id, fullName: 'Nguyễn Thị Hồng Nhung', idNumber: testIdNumber(), phone: '0912345678' },
    });
    const { context, page } = await openPage(env);
    await page.goto('/dang-nhap');
    await submitSignIn(page, world.otherCitizen.login, world.otherCitizen.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
    const api = await page.request.get(`/api/dossiers/${owned.dossierId}`);
    expect(api.status()).toBe(404);
    expect((await api.json()).error.message).toBe(errorMessages.NOT_FOUND);
    // The portal's dossier page answers as for a dossier that does not exist, showing nothing of it.
    await page.goto(`/ho-so-cua-toi/${owned.dossierId}`);
    await page.getByText(errorMessages.NOT_FOUND).first().waitFor();
    expect(await page.getByText('Nguyễn Thị Hồng Nhung').count()).toBe(0);
    await screenshot(page, 'portal-other-citizen-dossier-404');
    await page.goto(`/can-bo/ho-so/${owned.dossierId}`);
    await page.getByText('Trang này dành cho cán bộ, công chức', { exact: false }).waitFor();
    expect(await page.getByText(owned.dossierId).count()).toBe(0);
    await context.close();
  });
});
