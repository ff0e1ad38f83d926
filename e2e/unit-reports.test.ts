/**
 * Unit periodic reports on the demo province: Sở Nội vụ's reform officer reads the H1 2021 completeness table (late,
 * missing, returned reports) and a returned-then-accepted report's history; the leader of Sở Tư pháp sees only the
 * department's report, with the system figures marked.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_STAFF_PASSWORD } from '../src/server/seed/demo-accounts';
import { signedIn } from './support/back-office-steps';
import { expectAccessible, screenshot } from './support/browser';
import { useBrowserTestEnvironment } from './support/setup';

const env = useBrowserTestEnvironment();
const officer = { id: '', login: 'cchc.snv', password: DEMO_STAFF_PASSWORD };
const justiceLeader = { id: '', login: 'ld.stp', password: DEMO_STAFF_PASSWORD };

describe('unit periodic reports', () => {
  it('shows Sở Nội vụ who reported on time, late or not at all, and a report’s history', async () => {
    const { context, page, problems } = await signedIn(env, officer as never);
    await page.goto('/can-bo/bao-cao-don-vi');
    await page.getByRole('heading', { name: 'Báo cáo định kỳ CCHC của các đơn vị' }).waitFor();
    const table = page.getByRole('table', { name: 'Tình hình gửi báo cáo của các đơn vị' });
    await table.getByText('Sở Khoa học và Công nghệ tỉnh Hậu Giang').waitFor();
    const missingRow = table.getByRole('row').filter({ hasText: 'Sở Khoa học và Công nghệ' });
    await expect(missingRow.getByText('Chưa gửi (quá hạn)').count()).resolves.toBe(1);
    await expect(table.getByRole('row').filter({ hasText: 'Sở Công Thương' }).getByText('Trễ hạn').count()).resolves.toBe(1);
    await screenshot(page, 'unit-reports-completeness');
    await expectAccessible(page, 'unit reports completeness');

    await table.getByRole('link', { name: /Phụng Hiệp/ }).click();
    await page.getByText('Lịch sử xử lý').waitFor();
    await page.getByText('Báo cáo chưa đủ nội dung, còn mang tính đối phó', { exact: false }).first().waitFor();
    await screenshot(page, 'unit-report-reviewed');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a department only its own report, with the system figures marked', async () => {
    const { context, page, problems } = await signedIn(env, justiceLeader as never);
    await page.goto('/can-bo/bao-cao-don-vi');
    const mine = page.getByRole('table', { name: 'Báo cáo của đơn vị' });
    await mine.getByText('Sở Tư pháp tỉnh Hậu Giang').waitFor();
    expect(await mine.getByRole('row').count()).toBe(2);
    await mine.getByRole('link').first().click();
    await page.getByText('Lịch sử xử lý').waitFor();
    await page.locator('.ant-tag', { hasText: 'Số liệu hệ thống' }).first().waitFor();
    await screenshot(page, 'unit-report-department');
    await expectAccessible(page, 'unit report page');
    expect(problems).toEqual([]);
    await context.close();
  });
});
