/**
 * The citizen's path through the portal in a real browser: register, find a procedure typed without diacritics,
 * submit online with an upload, pay through the gateway page, receive a code; track it by code and secret without
 * signing in; file a petition.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dossierDocuments, dossiers, payments, petitions } from '../src/server/db/schema';
import { formatMoney } from '../src/shared/text';
import { expectAccessible, horizontalOverflow, screenshot, VIEWPORTS } from './support/browser';
import { openProcedure, register, submitOnline } from './support/portal-steps';
import { openPage, useBrowserTestEnvironment } from './support/setup';

const env = useBrowserTestEnvironment();

describe('citizen portal', () => {
  it('registers, finds “Đăng ký khai sinh” typed without diacritics, submits online with an upload, pays, and tracks the dossier without signing in', async () => {
    const { context, page, problems } = await openPage(env, VIEWPORTS.desktop);
    const db = env.server.database.db;
    await register(page, 'Trần Thị Mai Anh');

    await openProcedure(page, 'dang ky khai sinh', 'Đăng ký khai sinh');
    for (const section of ['Thông tin chung', 'Trình tự thực hiện', 'Thành phần hồ sơ', 'Phí, lệ phí', 'Kết quả thực hiện', 'Căn cứ pháp lý']) {
      await page.getByText(new RegExp(`^${section}`)).first().waitFor();
    }
    await page.getByText('1.001193.000.00.00.H33').waitFor();
    await screenshot(page, 'procedure-page-1280');
    await expectAccessible(page, 'procedure page');

    const birth = await submitOnline(page, { shotPrefix: 'submission' });
    await screenshot(page, 'receipt-1280');
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, birth.dossierId));
    expect(row).toMatchObject({ code: birth.code, channel: 'online', status: 'pending_acceptance', paymentState: 'not_required' });
    const docs = await db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, birth.dossierId));
    expect(docs.filter((d) => d.fileId)).toHaveLength(birth.files);
    // Birth registration on time is free: no payment button.
    await page.getByText('Hồ sơ không phải nộp phí, lệ phí.').waitFor();
    expect(await page.getByRole('button', { name: /Thanh toán trực tuyến/ }).count()).toBe(0);
    await expectAccessible(page, 'receipt');

    // A birth registration with a fee, from the same search: paid through the gateway page.
    await openProcedure(page, 'dang ky khai sinh', 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân');
    const late = await submitOnline(page);
    const [lateRow] = await db.select().from(dossiers).where(eq(dossiers.id, late.dossierId));
    const fee = formatMoney(lateRow!.feeTotal);
    await page.getByRole('button', { name: `Thanh toán trực tuyến ${fee}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Cổng thanh toán mô phỏng' }).waitFor();
    await page.getByText(late.code).waitFor();
    await page.getByRole('button', { name: 'Thanh toán' }).click();
    await page.waitForURL(`**/ho-so-cua-toi/${late.dossierId}/bien-nhan`);
    await page.getByText('Đã thanh toán', { exact: true }).first().waitFor();
    const [paid] = await db.select().from(payments).where(eq(payments.dossierId, late.dossierId));
    expect(paid!.status).toBe('paid');
    await screenshot(page, 'receipt-paid-1280');

    // My dossiers lists both.
    await page.goto('/ho-so-cua-toi');
    const list = page.getByRole('list', { name: 'Danh sách hồ sơ của tôi' });
    await list.getByText(birth.code).waitFor();
    await list.getByText(late.code).waitFor();
    await list.getByRole('link', { name: birth.code }).click();
    await page.getByText('Tiến trình xử lý').waitFor();
    await page.getByText('to-khai.pdf').waitFor();
    await screenshot(page, 'my-dossier-1280');
    expect(problems).toEqual([]);
    await context.close();

    // Tracking by code and secret, in a fresh context that never signed in, on a phone.
    const anon = await openPage(env, VIEWPORTS.phone);
    await anon.page.goto('/tra-cuu');
    await anon.page.getByLabel('Mã hồ sơ').fill(birth.code);
    await anon.page.getByRole('textbox', { name: 'Mã tra cứu' }).fill(birth.secret);
    await anon.page.getByRole('button', { name: 'Tra cứu' }).click();
    await anon.page.getByText(`Hồ sơ ${birth.code}`).waitFor();
    await anon.page.getByText('Đăng ký khai sinh', { exact: true }).waitFor();
    await anon.page.getByText('Tiến trình xử lý').waitFor();
    expect(await horizontalOverflow(anon.page)).toBe(0);
    await screenshot(anon.page, 'tracking-375');
    await expectAccessible(anon.page, 'tracking');

    // A wrong secret gets the API's Vietnamese message and no dossier.
    await anon.page.getByRole('textbox', { name: 'Mã tra cứu' }).fill('SAI-MA-1234');
    await anon.page.getByRole('button', { name: 'Tra cứu' }).click();
    await anon.page.getByText('Không tra cứu được hồ sơ').waitFor();
    expect(anon.problems).toEqual([]);
    await anon.context.close();
  });

  it('shows the procedure page and the wizard without sideways scrolling on a 375 px phone', async () => {
    const { context, page, problems } = await openPage(env, VIEWPORTS.phone);
    await register(page, 'Phạm Văn Đức');
    await openProcedure(page, 'dang ky khai sinh', 'Đăng ký khai sinh');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'procedure-page-375');
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await page.getByText('Thông tin người nộp hồ sơ').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'submission-wizard-375');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('files a petition anonymously with contact details and tracks it by its code', async () => {
    const { context, page, problems } = await openPage(env, VIEWPORTS.desktop);
    const db = env.server.database.db;
    await page.goto('/phan-anh-kien-nghi');
    await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị' }).waitFor();
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn Bình');
    await page.getByLabel('Địa chỉ').fill('Số 12 đường Trần Hưng Đạo, phường Vị Thanh');
    await page.getByLabel('Số điện thoại').fill('0987654321');
    await page.getByLabel('Cơ quan tiếp nhận').click();
    await page.getByLabel('Cơ quan tiếp nhận').fill('tu phap');
    await page.locator('.ant-select-item-option', { hasText: 'Sở Tư pháp' }).first().click();
    await page.getByLabel('Tiêu đề').fill('Thời gian chờ tại Bộ phận Một cửa');
    await page.getByLabel('Nội dung phản ánh, kiến nghị').fill('Đề nghị bố trí thêm quầy tiếp nhận hồ sơ hộ tịch vào buổi sáng.');
    await screenshot(page, 'petition-form-1280');
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    const code = (await page.getByTestId('petition-code').textContent())!.trim();
    const token = (await page.getByTestId('petition-token').textContent())!.trim();
    const [row] = await db.select().from(petitions).where(eq(petitions.code, code));
    expect(row).toMatchObject({ title: 'Thời gian chờ tại Bộ phận Một cửa' });

    await page.getByRole('tab', { name: 'Tra cứu bằng mã' }).click();
    await page.getByLabel('Mã phản ánh (PAKN-...)').fill(code);
    await page.getByLabel('Mã tra cứu').fill(token);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByText('Cơ quan đang xử lý, chưa có câu trả lời.').waitFor();
    await expectAccessible(page, 'petitions');

    await page.goto('/hoi-dap');
    await page.getByRole('heading', { level: 1, name: 'Hỏi đáp' }).waitFor();
    await page.locator('.ant-collapse, .ant-empty').first().waitFor();
    await screenshot(page, 'faq-1280');
    await expectAccessible(page, 'faq');
    expect(problems).toEqual([]);
    await context.close();
  });
});
