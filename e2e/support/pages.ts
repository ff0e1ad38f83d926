import type { Page } from 'playwright-core';

/** Label of the sign-in identifier field, as citizens and staff read it. */
export const IDENTIFIER_LABEL = 'Số định danh cá nhân / Email / Tên đăng nhập';

/** Fills and submits the sign-in form of the current page (/dang-nhap). */
export async function submitSignIn(page: Page, login: string, password: string) {
  await page.getByLabel(IDENTIFIER_LABEL).fill(login);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).last().click();
}
