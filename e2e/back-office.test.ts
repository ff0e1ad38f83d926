import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { permissionsOf, roleLabels, type Role } from '../src/shared/permissions';
import { createAgency, createCitizen, createStaff, type TestAgency } from '../src/server/test/factories';
import { backOfficeSections } from '../src/web/features/back-office/sections';
import { expectAccessible, screenshot, VIEWPORTS } from './support/browser';
import { submitSignIn } from './support/pages';
import { openPage, useBrowserTestEnvironment } from './support/setup';

const env = useBrowserTestEnvironment();
let agency: TestAgency;

beforeAll(async () => {
  agency = await createAgency(env.server.database.db, { name: 'Sở Tư pháp' });
});

/** The section labels a holder of these roles should see, from the permission table (not from the page). */
function expectedSections(roles: Role[]): string[] {
  const granted = permissionsOf(roles);
  return backOfficeSections.filter((s) => s.permissions.some((p) => granted.has(p))).map((s) => s.label);
}

async function menuLabels(page: Page): Promise<string[]> {
  const menu = page.getByRole('navigation', { name: 'Chức năng' });
  await menu.getByRole('menuitem').first().waitFor();
  return (await menu.getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
}

describe('back office', () => {
  it('shows a desk officer only the sections their permissions allow, and refuses the others by address', async () => {
    const roles: Role[] = ['desk_officer'];
    const staff = await createStaff(env.server.database.db, agency, roles, 'Trần Thị Bình');
    const { context, page, problems } = await openPage(env, VIEWPORTS.desktop);

    await page.goto('/dang-nhap');
    await submitSignIn(page, staff.login, staff.password);
    await page.waitForURL('**/can-bo');
    await page.getByRole('heading', { name: 'Xin chào, Trần Thị Bình' }).waitFor();

    const labels = await menuLabels(page);
    expect(labels).toEqual(['Trang chủ', ...expectedSections(roles)]);
    // The table itself, checked against what a desk officer does: receive dossiers, not read the audit log.
    expect(labels).toContain('Tiếp nhận');
    expect(labels).toContain('Hàng đợi hồ sơ');
    expect(labels).not.toContain('Nhật ký hệ thống');
    expect(labels).not.toContain('Người dùng');
    expect(labels).not.toContain('Đơn vị và cơ quan');

    for (const queue of ['Việc của tôi', 'Sắp đến hạn', 'Quá hạn', 'Chờ bổ sung']) {
      await page.locator('.queue-cards').getByText(queue, { exact: true }).waitFor();
    }
    await page.getByText(roleLabels.desk_officer, { exact: true }).waitFor();
    await page.getByText(`Phòng Chuyên môn, Sở Tư pháp`, { exact: false }).waitFor();
    await screenshot(page, 'back-office-desk-officer-1280');
    await expectAccessible(page, '/can-bo');

    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Tiếp nhận' }).click();
    await page.waitForURL('**/can-bo/tiep-nhan');
    await page.getByRole('banner').getByText('Tiếp nhận', { exact: true }).waitFor();

    await page.goto('/can-bo/nhat-ky');
    await page.getByText('Không có quyền truy cập', { exact: true }).waitFor();
    await screenshot(page, 'back-office-forbidden-1280');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows an administrator the administration sections', async () => {
    const roles: Role[] = ['administrator'];
    const admin = await createStaff(env.server.database.db, agency, roles, 'Nguyễn Quản Trị');
    const { context, page } = await openPage(env);
    await page.goto('/dang-nhap');
    await submitSignIn(page, admin.login, admin.password);
    await page.waitForURL('**/can-bo');
    const labels = await menuLabels(page);
    expect(labels).toEqual(['Trang chủ', ...expectedSections(roles)]);
    for (const label of ['Nhật ký hệ thống', 'Người dùng', 'Đơn vị và cơ quan', 'Lịch làm việc', 'Danh mục TTHC']) expect(labels).toContain(label);
    expect(labels).not.toContain('Tiếp nhận');
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Nhật ký hệ thống' }).click();
    await page.waitForURL('**/can-bo/nhat-ky');
    await page.getByRole('banner').getByText('Nhật ký hệ thống', { exact: true }).waitFor();
    await page.locator('#noi-dung').getByText('Nhật ký hệ thống', { exact: true }).waitFor();
    expect(await page.getByText('Không có quyền truy cập', { exact: true }).count()).toBe(0);
    await context.close();
  });

  it('sends an anonymous visitor to sign in and back, and turns a citizen away', async () => {
    const staff = await createStaff(env.server.database.db, agency, ['specialist'], 'Lý Văn Chuyên');
    const { context, page } = await openPage(env);
    await page.goto('/can-bo/ho-so');
    await page.waitForURL('**/dang-nhap?next=%2Fcan-bo%2Fho-so');
    await submitSignIn(page, staff.login, staff.password);
    await page.waitForURL('**/can-bo/ho-so');
    await context.close();

    const citizen = await createCitizen(env.server.database.db, 'Huỳnh Văn Dân');
    const { context: citizenContext, page: citizenPage } = await openPage(env);
    await citizenPage.goto('/dang-nhap?next=%2Fcan-bo');
    await submitSignIn(citizenPage, citizen.login, citizen.password);
    await citizenPage.waitForURL('**/can-bo');
    await citizenPage.getByText('Trang này dành cho cán bộ, công chức', { exact: false }).waitFor();
    expect(await citizenPage.getByRole('navigation', { name: 'Chức năng' }).count()).toBe(0);
    await citizenContext.close();
  });

  it('keeps the menu behind a button on a phone', async () => {
    const staff = await createStaff(env.server.database.db, agency, ['department_head'], 'Phan Thanh Lãnh');
    const { context, page } = await openPage(env, VIEWPORTS.phone);
    await page.goto('/dang-nhap');
    await submitSignIn(page, staff.login, staff.password);
    await page.waitForURL('**/can-bo');
    await page.getByRole('heading', { name: 'Xin chào, Phan Thanh Lãnh' }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Chức năng' });
    expect(await menu.getByRole('menuitem', { name: 'Hàng đợi hồ sơ' }).isVisible()).toBe(false);
    await screenshot(page, 'back-office-375');
    await page.getByRole('button', { name: 'Mở menu chức năng' }).click();
    await menu.getByRole('menuitem', { name: 'Hàng đợi hồ sơ' }).waitFor();
    await screenshot(page, 'back-office-menu-375');
    await menu.getByRole('link', { name: 'Hàng đợi hồ sơ' }).click();
    await page.waitForURL('**/can-bo/ho-so');
    await menu.getByRole('menuitem', { name: 'Hàng đợi hồ sơ' }).waitFor({ state: 'hidden' });
    await context.close();
  });
});
