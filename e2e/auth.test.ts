import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ZodType } from 'zod';
import { errorMessages } from '../src/shared/errors';
import { idNumberMessages } from '../src/shared/id-number';
import { formatDateTime, maskIdNumber } from '../src/shared/text';
import { RegisterInput } from '../src/shared/schemas/auth';
import { LOGIN_POLICY } from '../src/server/modules/auth/login';
import { createCitizen, findUser, testIdNumber } from '../src/server/test/factories';
import { expectAccessible, screenshot, VIEWPORTS } from './support/browser';
import { submitSignIn } from './support/pages';
import { openPage, useBrowserTestEnvironment } from './support/setup';

const env = useBrowserTestEnvironment();

async function signInThroughForm(page: Page, identifier: string, password: string) {
  await page.goto('/dang-nhap');
  await submitSignIn(page, identifier, password);
}

/** The message the shared schema gives for a value: what the server would answer. */
function schemaMessage(schema: ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be invalid`);
  return result.error.issues[0]!.message;
}

function formAlert(page: Page) {
  return page.locator('form [role="alert"].ant-alert');
}

describe('citizen account', () => {
  it('registers and lands signed in, signs out, and signs in again with the ID number', async () => {
    const { context, page, problems } = await openPage(env, VIEWPORTS.desktop);
    const idNumber = testIdNumber();
    const fullName = 'Lê Thị Hồng Nhung';
    const password = 'BaoMat2026';

    await page.goto('/');
    await page.getByRole('banner').getByRole('link', { name: 'Đăng ký' }).click();
    await page.getByRole('heading', { name: 'Đăng ký tài khoản' }).waitFor();
    await page.getByLabel('Họ và tên').fill(fullName);
    await page.getByLabel('Số định danh cá nhân (số CCCD)').fill(idNumber);
    await page.getByLabel('Số điện thoại di động').fill('0912 345 678');
    await page.getByLabel('Thư điện tử (không bắt buộc)').fill(`nhung.${idNumber}@example.vn`);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByLabel('Nhập lại mật khẩu').fill(password);
    await page.getByLabel(/Tôi đồng ý/).check();
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).last().click();

    await page.waitForURL('**/tai-khoan');
    await page.getByRole('heading', { name: 'Tài khoản của tôi' }).waitFor();
    const profile = page.locator('.ant-descriptions');
    await profile.getByText(fullName).waitFor();
    // Only the masked number is ever shown.
    await profile.getByText(maskIdNumber(idNumber)!).waitFor();
    expect(await page.getByText(idNumber, { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: `Tài khoản: ${fullName}` }).waitFor();
    await screenshot(page, 'account-after-register-1280');
    await expectAccessible(page, '/tai-khoan');

    await page.getByRole('button', { name: `Tài khoản: ${fullName}` }).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.waitForURL(env.server.baseURL + '/');
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    // The server forgot the session too, not only the page.
    const session = await page.evaluate(() => fetch('/api/auth/session').then((r) => r.json()));
    expect(session.user).toBeNull();

    await signInThroughForm(page, idNumber, password);
    await page.waitForURL(env.server.baseURL + '/');
    await page.getByRole('button', { name: `Tài khoản: ${fullName}` }).waitFor();
    await screenshot(page, 'home-signed-in-1280');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('checks the registration form with the server’s own rules before sending, and shows the server’s refusal', async () => {
    const { context, page } = await openPage(env);
    await page.goto('/dang-ky');
    await page.getByLabel('Số định danh cá nhân (số CCCD)').fill('12345');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('abcdefgh');
    await page.getByLabel('Nhập lại mật khẩu').fill('khac1234');
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).last().click();
    await page.getByText(idNumberMessages.format).waitFor();
    await page.getByText(schemaMessage(RegisterInput.shape.fullName, '')).waitFor();
    await page.getByText(schemaMessage(RegisterInput.shape.password, 'abcdefgh')).waitFor();
    await page.getByText('Mật khẩu nhập lại không khớp').waitFor();
    await page.getByText('Vui lòng xác nhận đồng ý để tiếp tục').waitFor();
    await screenshot(page, 'register-validation-1280');

    // An ID number that is already registered: only the server knows, and its message is shown as is.
    const existing = await createCitizen(env.server.database.db, 'Phạm Văn Tư');
    await page.getByLabel('Họ và tên').fill('Phạm Văn Tư');
    await page.getByLabel('Số định danh cá nhân (số CCCD)').fill(existing.idNumber!);
    await page.getByLabel('Số điện thoại di động').fill('0987654321');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('MatKhau2026');
    await page.getByLabel('Nhập lại mật khẩu').fill('MatKhau2026');
    await page.getByLabel(/Tôi đồng ý/).check();
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).last().click();
    await formAlert(page).getByText(errorMessages.ID_NUMBER_TAKEN).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dang-ky');
    await context.close();
  });

  it('shows the Vietnamese error for a wrong password, then the lock after repeated failures', async () => {
    const citizen = await createCitizen(env.server.database.db, 'Võ Minh Khang');
    const { context, page, problems } = await openPage(env);

    await signInThroughForm(page, citizen.login, 'SaiMatKhau1');
    await formAlert(page).getByText(errorMessages.INVALID_CREDENTIALS).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await screenshot(page, 'sign-in-wrong-password-1280');

    // By a name pattern: while antd's button is loading its accessible name gains "loading", and an exact name would
    // find no button until the request ends (a slow answer then timed the test out).
    const submit = page.getByRole('button', { name: /^(loading )?Đăng nhập$/ }).last();
    for (let attempt = 2; attempt <= LOGIN_POLICY.maxFailures; attempt++) {
      await page.getByLabel('Mật khẩu', { exact: true }).fill(`SaiMatKhau${attempt}`);
      // A click while the previous attempt is still loading sends nothing (seen once in CI): wait for the button.
      await expect.poll(async () => (await submit.getAttribute('class')) ?? '').not.toContain('ant-btn-loading');
      await Promise.all([page.waitForResponse((res) => res.url().endsWith('/api/auth/login')), submit.click()]);
    }
    await formAlert(page).getByText(errorMessages.ACCOUNT_LOCKED, { exact: false }).waitFor();

    // Even the right password is refused while locked, and the page says until when.
    await page.getByLabel('Mật khẩu', { exact: true }).fill(citizen.password);
    await expect.poll(async () => (await submit.getAttribute('class')) ?? '').not.toContain('ant-btn-loading');
    await submit.click();
    const locked = await findUser(env.server.database.db, citizen.id);
    await formAlert(page).getByText(`Bạn có thể đăng nhập lại từ ${formatDateTime(locked!.lockedUntil!)}.`, { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await screenshot(page, 'sign-in-locked-1280');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sends an anonymous visitor of the account page to sign in, and back afterwards', async () => {
    const citizen = await createCitizen(env.server.database.db, 'Đặng Thu Hà');
    const { context, page } = await openPage(env, VIEWPORTS.phone);
    await page.goto('/tai-khoan');
    await page.waitForURL('**/dang-nhap?next=%2Ftai-khoan');
    await submitSignIn(page, citizen.login, citizen.password);
    await page.waitForURL('**/tai-khoan');
    await page.getByText('Đặng Thu Hà').first().waitFor();
    await page.getByRole('button', { name: 'Tài khoản: Đặng Thu Hà' }).waitFor();
    await screenshot(page, 'account-375');
    await context.close();
  });
});
