/**
 * A citizen's steps on the portal, shared by the browser tests: register, find a procedure as typed on a phone,
 * and go through the online submission wizard to the receipt.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { testIdNumber } from '../../src/server/test/factories';
import { screenshot } from './browser';

/** The smallest PDF a browser upload accepts. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The password of accounts registered by these steps. */
export const CITIZEN_PASSWORD = 'BaoMat2026';

/** Registers a citizen through the form and lands on the account page; returns the ID number used. */
export async function register(page: Page, fullName: string) {
  const idNumber = testIdNumber();
  await page.goto('/dang-ky');
  await page.getByLabel('Họ và tên').fill(fullName);
  await page.getByLabel('Số định danh cá nhân (số CCCD)').fill(idNumber);
  await page.getByLabel('Số điện thoại di động').fill('0912345678');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(CITIZEN_PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu').fill(CITIZEN_PASSWORD);
  await page.getByLabel(/Tôi đồng ý/).check();
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).last().click();
  await page.waitForURL('**/tai-khoan');
  return idNumber;
}

/** Searches the catalogue from the home page as typed; returns the result list. */
export async function searchCatalogue(page: Page, typed: string) {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).fill(typed);
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await page.waitForURL('**/thu-tuc?q=*');
  return page.getByRole('list', { name: 'Danh sách thủ tục hành chính' });
}

/** Searches the catalogue as typed on a phone keyboard and opens the procedure called exactly `name`. */
export async function openProcedure(page: Page, typed: string, name: string) {
  const results = await searchCatalogue(page, typed);
  await results.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/**
 * Goes through the three wizard steps with an upload on each checklist line; returns on the receipt page.
 * `agency` picks the competent agency by a part of its name (the first one otherwise).
 */
export async function submitOnline(page: Page, options: { shotPrefix?: string; agency?: string } = {}) {
  const { shotPrefix } = options;
  await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await page.waitForURL('**/nop-ho-so/*');
  await page.getByText('Thông tin người nộp hồ sơ').waitFor();
  // Prefilled from the profile.
  expect(await page.getByLabel('Số điện thoại liên hệ').inputValue()).toBe('0912345678');
  const agency = page.getByLabel('Cơ quan giải quyết');
  if (await agency.count()) {
    const field = page.locator('.ant-form-item').filter({ has: agency });
    // A click on an option while the dropdown is still opening can be lost (seen once in CI): try again.
    for (let attempt = 1; ; attempt++) {
      await agency.click();
      if (options.agency) await agency.fill(options.agency);
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: options.agency ?? '' }).first();
      const chosen = (await option.textContent())!.trim();
      await option.click();
      try {
        await field.filter({ hasText: chosen }).waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }
  if (shotPrefix) await screenshot(page, `${shotPrefix}-wizard-applicant`);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  await page.locator('.ant-card-head-title', { hasText: 'Thành phần hồ sơ' }).waitFor();
  // The server asks for a file on every checklist line of these procedures.
  const lines = page.locator('section.checklist-item');
  const count = await lines.count();
  for (let i = 0; i < count; i++) {
    const name = i === 0 ? 'to-khai.pdf' : `giay-to-${i + 1}.pdf`;
    await lines.nth(i).locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
    await lines.nth(i).locator('.ant-upload-list-item-done', { hasText: name }).waitFor();
  }
  if (shotPrefix) await screenshot(page, `${shotPrefix}-wizard-documents`);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  await page.getByText('Kiểm tra thông tin trước khi nộp').waitFor();
  await page.getByText(/to-khai\.pdf/).waitFor();
  if (shotPrefix) await screenshot(page, `${shotPrefix}-wizard-review`);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  // Either the receipt, or the API's message in the form's alert (reported as the failure).
  const alert = page.locator('.ant-card [role="alert"]');
  await Promise.race([
    page.waitForURL('**/ho-so-cua-toi/*/bien-nhan'),
    alert.waitFor().then(async () => { throw new Error(`submission refused: ${await alert.textContent()}`); }),
  ]);
  await page.getByRole('heading', { name: 'Nộp hồ sơ thành công' }).waitFor();
  const code = (await page.getByTestId('dossier-code').textContent())!.trim();
  const secret = (await page.getByTestId('tracking-secret').textContent())!.trim();
  const dossierId = new URL(page.url()).pathname.split('/')[2]!;
  return { code, secret, dossierId, files: count };
}
