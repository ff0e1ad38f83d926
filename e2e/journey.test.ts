/**
 * One dossier's whole life in a real browser, across the portal and the back office (issue 5, "Must show"): a
 * citizen registers, finds the birth registration typed without diacritics, submits online with an upload, pays
 * and receives a code; the commune's desk accepts it and a specialist processes it through the internal process
 * and asks for a supplement; the citizen supplies it on "Hồ sơ của tôi"; the leader approves and signs, the clerk
 * issues the result, the desk returns it; the citizen tracks it by code without signing in and rates the service.
 *
 * The demo catalogue's procedures and the demo commune (xã Hỏa Lựu) with its approved internal process are used as
 * shipped; only the commune's staff accounts are made here with the factories.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { agencies, departments, dossierRatings, dossiers, payments } from '../src/server/db/schema';
import { createStaff, type TestAgency, type TestUser } from '../src/server/test/factories';
import { Role } from '../src/shared/permissions';
import { formatMoney } from '../src/shared/text';
import { act, openDossier } from './support/back-office-steps';
import { screenshot, VIEWPORTS } from './support/browser';
import { submitSignIn } from './support/pages';
import { CITIZEN_PASSWORD, PDF, register, searchCatalogue, submitOnline } from './support/portal-steps';
import { openPage, useBrowserTestEnvironment } from './support/setup';

const env = useBrowserTestEnvironment();

/**
 * "Đăng ký khai sinh" on time is free by law (Luật Hộ tịch Điều 11), so nothing could be paid for it: the citizen
 * finds it with the same search and files the late birth registration listed beside it, which carries a fee.
 */
const SEARCHED = 'Đăng ký khai sinh';
const FILED = 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân';
const COMMUNE = 'Hỏa Lựu';
const CITIZEN = 'Lê Hoàng Bảo Ngọc';

interface CommuneStaff {
  desk: TestUser;
  specialist: TestUser;
  leader: TestUser;
  clerk: TestUser;
}
let staff: CommuneStaff;

/** Staff of the demo commune committee, each in the department its internal-process step names. */
beforeAll(async () => {
  const db = env.server.database.db;
  const [commune] = await db.select().from(agencies).where(eq(agencies.key, 'UBND_VITHANH_HOALUU'));
  const departmentId = async (key: string) => (await db.select().from(departments).where(and(eq(departments.agencyId, commune!.id), eq(departments.key, key))))[0]!.id;
  const desk = await departmentId('BPMC');
  const civilStatus = await departmentId('TPHT');
  const inDepartment = (id: string): TestAgency => ({ id: commune!.id, key: commune!.key, path: commune!.path, unitId: commune!.unitId, identifierCode: commune!.identifierCode, departmentId: id, deskDepartmentId: desk });
  staff = {
    desk: await createStaff(db, inDepartment(desk), [Role.DESK_OFFICER], 'Lâm Thị Ngọc Hân'),
    specialist: await createStaff(db, inDepartment(civilStatus), [Role.SPECIALIST], 'Phan Văn Hộ Tịch'),
    leader: await createStaff(db, inDepartment(civilStatus), [Role.AGENCY_LEADER], 'Trần Minh Chủ Tịch'),
    clerk: await createStaff(db, inDepartment(civilStatus), [Role.CLERK], 'Đỗ Thị Văn Thư'),
  };
});

describe('a dossier from the portal to the result and the rating', () => {
  let dossierId = '';
  let code = '';
  let secret = '';
  let idNumber = '';

  it('a citizen registers, finds the birth registration typed without diacritics, submits online with an upload, pays and receives a code', async () => {
    const { context, page, problems } = await openPage(env, VIEWPORTS.desktop);
    const db = env.server.database.db;
    idNumber = await register(page, CITIZEN);

    const results = await searchCatalogue(page, 'dang ky khai sinh');
    await results.getByRole('link', { name: SEARCHED, exact: true }).waitFor();
    await results.getByRole('link', { name: FILED, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: FILED }).waitFor();

    ({ code, secret, dossierId } = await submitOnline(page, { agency: COMMUNE, shotPrefix: 'journey' }));
    expect(code).toMatch(/-\d{6}-\d{4}$/);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row).toMatchObject({ code, channel: 'online', status: 'pending_acceptance', paymentState: 'unpaid' });

    await page.getByRole('button', { name: `Thanh toán trực tuyến ${formatMoney(row!.feeTotal)}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Cổng thanh toán mô phỏng' }).waitFor();
    await page.getByText(code).waitFor();
    await page.getByRole('button', { name: 'Thanh toán' }).click();
    await page.waitForURL(`**/ho-so-cua-toi/${dossierId}/bien-nhan`);
    await page.getByText('Đã thanh toán', { exact: true }).first().waitFor();
    const [paid] = await db.select().from(payments).where(eq(payments.dossierId, dossierId));
    expect(paid!.status).toBe('paid');
    await screenshot(page, 'journey-receipt-paid');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the commune desk accepts it and the specialist, at the appraisal step, asks for a supplement', async () => {
    expect(dossierId).not.toBe('');
    const desk = await openDossier(env, staff.desk, dossierId);
    await act(desk.page, 'Tiếp nhận hồ sơ trực tuyến', 'Đã tiếp nhận');
    await act(desk.page, 'Chuyển bước xử lý', 'Đang xử lý');
    expect(desk.problems).toEqual([]);
    await desk.context.close();

    const { context, page, problems } = await openDossier(env, staff.specialist, dossierId);
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    await page.getByText('Công chức chuyên môn thẩm định hồ sơ', { exact: false }).first().waitFor();
    await act(page, 'Yêu cầu bổ sung, hoàn thiện hồ sơ', 'Chờ bổ sung hồ sơ', async (dialog) => {
      await dialog.getByLabel('Giấy tờ cần bổ sung 1').fill('Văn bản cam đoan có chữ ký');
      await dialog.getByLabel('Lý do, nội dung cần bổ sung').fill('Văn bản cam đoan chưa có chữ ký của người đi đăng ký');
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the citizen supplies the missing document on “Hồ sơ của tôi”', async () => {
    expect(dossierId).not.toBe('');
    const { context, page, problems } = await openPage(env, VIEWPORTS.phone);
    await page.goto('/dang-nhap');
    await submitSignIn(page, idNumber, CITIZEN_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
    await page.goto('/ho-so-cua-toi');
    await page.getByRole('list', { name: 'Danh sách hồ sơ của tôi' }).getByRole('link', { name: code }).click();
    const card = page.locator('.supplement-card');
    await card.getByText('Văn bản cam đoan có chữ ký').waitFor();
    await card.getByText('Văn bản cam đoan chưa có chữ ký của người đi đăng ký', { exact: false }).waitFor();
    await card.locator('input[type=file]').setInputFiles({ name: 'cam-doan-da-ky.pdf', mimeType: 'application/pdf', buffer: PDF });
    await card.locator('.ant-upload-list-item-done', { hasText: 'cam-doan-da-ky.pdf' }).waitFor();
    await card.getByLabel('Ghi chú cho cơ quan giải quyết').fill('Đã ký lại văn bản cam đoan');
    await screenshot(page, 'journey-supplement-375');
    await card.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
    await card.waitFor({ state: 'detached' });
    await page.locator('.ant-tag', { hasText: 'Đang xử lý' }).first().waitFor();
    await page.getByRole('link', { name: /cam-doan-da-ky\.pdf/ }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the specialist sees the supplement and forwards; the leader approves and signs; the clerk issues; the desk returns the result', async () => {
    expect(dossierId).not.toBe('');
    const specialist = await openDossier(env, staff.specialist, dossierId);
    await specialist.page.getByRole('link', { name: /cam-doan-da-ky\.pdf/ }).waitFor();
    await act(specialist.page, 'Chuyển bước xử lý', 'Đang xử lý');
    expect(specialist.problems).toEqual([]);
    await specialist.context.close();

    const steps: [TestUser, string, string, ((d: Parameters<NonNullable<Parameters<typeof act>[3]>>[0]) => Promise<void>)?][] = [
      [staff.leader, 'Phê duyệt', 'Đã phê duyệt, chờ ký'],
      [staff.leader, 'Ký kết quả', 'Đã ký, chờ phát hành'],
      [staff.clerk, 'Vào số, phát hành kết quả', 'Đã có kết quả, chờ trả', (d) => d.getByLabel('Số văn bản kết quả').fill('47/GKS-UBND')],
      [staff.desk, 'Trả kết quả', 'Đã trả kết quả', (d) => d.getByLabel('Người nhận kết quả').fill(CITIZEN)],
    ];
    for (const [user, label, status, fill] of steps) {
      const { context, page, problems } = await openDossier(env, user, dossierId);
      await act(page, label, status, fill);
      expect(problems).toEqual([]);
      await context.close();
    }
    const [row] = await env.server.database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row!.status).toBe('returned');
  });

  it('the citizen tracks it by code without signing in, then rates the service', async () => {
    expect(dossierId).not.toBe('');
    const anon = await openPage(env, VIEWPORTS.phone);
    await anon.page.goto('/tra-cuu');
    await anon.page.getByLabel('Mã hồ sơ').fill(code);
    await anon.page.getByRole('textbox', { name: 'Mã tra cứu' }).fill(secret);
    await anon.page.getByRole('button', { name: 'Tra cứu' }).click();
    await anon.page.getByText(`Hồ sơ ${code}`).waitFor();
    await anon.page.getByText('Đã trả kết quả').first().waitFor();
    for (const entry of ['Yêu cầu bổ sung, hoàn thiện hồ sơ', 'Bổ sung hồ sơ', 'Phê duyệt', 'Trả kết quả']) {
      await anon.page.getByText(entry, { exact: true }).first().waitFor();
    }
    await screenshot(anon.page, 'journey-tracking-375');
    expect(anon.problems).toEqual([]);
    await anon.context.close();

    const { context, page, problems } = await openPage(env, VIEWPORTS.desktop);
    await page.goto('/dang-nhap');
    await submitSignIn(page, idNumber, CITIZEN_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
    await page.goto(`/ho-so-cua-toi/${dossierId}`);
    // The result is on paper (the clerk issued it with a number, no file): the page still says what and when.
    await page.locator('.result-summary', { hasText: 'số 47/GKS-UBND' }).waitFor();
    const rating = page.locator('.ant-card').filter({ hasText: 'Đánh giá mức độ hài lòng' });
    const overall = rating.locator('.ant-form-item').filter({ hasText: 'Mức độ hài lòng chung' });
    const chosen = 'Rất hài lòng';
    await overall.getByRole('radio', { name: chosen, exact: true }).check();
    await rating.getByLabel('Góp ý thêm (không bắt buộc)').fill('Cán bộ hướng dẫn bổ sung rõ ràng.');
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await rating.getByText(`Bạn đã đánh giá: ${chosen}`).waitFor();
    const saved = await env.server.database.db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossierId));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ comment: 'Cán bộ hướng dẫn bổ sung rõ ràng.', satisfied: true, channel: 'online' });
    await screenshot(page, 'journey-rated');
    expect(problems).toEqual([]);
    await context.close();
  });
});
