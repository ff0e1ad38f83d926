import { describe, expect, it } from 'vitest';
import { expectAccessible, horizontalOverflow, screenshot, VIEWPORTS } from './support/browser';
import { openPage, useBrowserTestEnvironment } from './support/setup';

const env = useBrowserTestEnvironment();

describe('portal home', () => {
  it('renders in Vietnamese on a desktop screen, and its search opens the catalogue with the query', async () => {
    const { context, page, problems } = await openPage(env, VIEWPORTS.desktop);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến tỉnh Hậu Giang' }).waitFor();

    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.title()).toBe('Cổng dịch vụ công tỉnh Hậu Giang');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    for (const label of ['Trang chủ', 'Thủ tục hành chính', 'Tra cứu hồ sơ', 'Phản ánh kiến nghị', 'Hỏi đáp', 'Thống kê']) {
      expect(await nav.getByRole('link', { name: label, exact: true }).isVisible(), label).toBe(true);
    }
    expect(await page.getByRole('banner').getByText('Cổng dịch vụ công tỉnh Hậu Giang').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await page.getByRole('list', { name: 'Danh sách thủ tục hành chính' }).getByRole('listitem').first().waitFor();
    await screenshot(page, 'portal-home-1280');

    // Typed without diacritics, as many people type on a phone: the demo catalogue's procedure is still found.
    await page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).fill('dang ky khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL('**/thu-tuc?q=*');
    expect(new URL(page.url()).searchParams.get('q')).toBe('dang ky khai sinh');
    await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).inputValue()).toBe('dang ky khai sinh');
    const results = page.getByRole('list', { name: 'Danh sách thủ tục hành chính' });
    await results.getByText('Đăng ký khai sinh', { exact: true }).first().waitFor();
    await screenshot(page, 'procedures-search-1280');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a 375 px phone screen without sideways scrolling, with the navigation behind a menu button', async () => {
    const { context, page, problems } = await openPage(env, VIEWPORTS.phone);
    await page.goto('/');
    await page.locator('.procedure-list, .ant-empty').first().waitFor();

    expect(await horizontalOverflow(page)).toBe(0);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await nav.isVisible()).toBe(false);
    await screenshot(page, 'portal-home-375');

    const toggle = page.getByRole('button', { name: 'Mở menu' });
    await toggle.click();
    expect(await nav.getByRole('link', { name: 'Phản ánh kiến nghị' }).isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'portal-menu-375');

    await nav.getByRole('link', { name: 'Thủ tục hành chính' }).click();
    await page.waitForURL('**/thu-tuc');
    await nav.waitFor({ state: 'hidden' });

    for (const path of ['/dang-nhap', '/dang-ky']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await horizontalOverflow(page), path).toBe(0);
    }
    await screenshot(page, 'register-375');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('answers an unknown address with a Vietnamese 404 page inside the portal', async () => {
    const { context, page } = await openPage(env);
    await page.goto('/khong-co-trang-nay');
    await page.getByText('Không tìm thấy trang').first().waitFor();
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).isVisible()).toBe(true);
    await screenshot(page, 'not-found-1280');
    await context.close();
  });
});

describe('accessibility (axe, WCAG 2.1 AA: no serious or critical violations)', () => {
  for (const [path, name] of [
    ['/', 'home'],
    ['/dang-nhap', 'sign-in'],
    ['/dang-ky', 'register'],
  ] as const) {
    it(`${name} page (${path})`, async () => {
      const { context, page } = await openPage(env);
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('.procedure-list, .ant-empty, form').first().waitFor();
      await expectAccessible(page, path);
      await context.close();
    });
  }
});
