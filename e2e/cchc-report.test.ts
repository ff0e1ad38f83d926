/**
 * The provincial CCHC report on the demo province: the reform officer of Sở Nội vụ opens the 2021-H1 draft, reads
 * the staffing and autonomy figures computed from the demo records (the seed's 14.954 staff and 433/433 units),
 * sees where a figure comes from, edits a narrative section and sends the draft for review.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_STAFF_PASSWORD } from '../src/server/seed/demo-accounts';
import { signedIn } from './support/back-office-steps';
import { expectAccessible, screenshot } from './support/browser';
import { useBrowserTestEnvironment } from './support/setup';

const env = useBrowserTestEnvironment();
const officer = { id: '', login: 'cchc.snv', password: DEMO_STAFF_PASSWORD, fullName: 'Lê Thị Thu Hà' };

describe('provincial CCHC report', () => {
  it('shows the 2021-H1 draft with its figures and sources, takes an edited narrative and moves to review', async () => {
    const { context, page, problems } = await signedIn(env, officer as never);
    await page.goto('/can-bo/bao-cao-cchc');
    await page.getByRole('heading', { name: 'Báo cáo kết quả thực hiện công tác cải cách hành chính' }).waitFor();
    await page.getByRole('cell', { name: '6 tháng đầu năm 2021' }).click();
    await page.getByText('Báo cáo 6 tháng đầu năm 2021').waitFor();
    const body = await page.locator('main').innerText();
    for (const figure of ['14.954', '10.093', '4.269', '1.466', '14.073']) expect(body, figure).toContain(figure);
    expect(body).toContain('Hậu Giang, ngày 18 tháng 6 năm 2021');
    await screenshot(page, 'cchc-report-draft');
    await page.screenshot({ path: 'test-results/screenshots/cchc-report-draft-top.png' });
    await expectAccessible(page, 'CCHC report');

    await page.locator('[data-figure="staff.total"]').hover();
    await page.getByRole('tooltip').getByText(/Nguồn: Biên chế/).waitFor();
    await page.screenshot({ path: 'test-results/screenshots/cchc-report-figure-source.png' });

    await page.getByRole('button', { name: 'Sửa phần III.1. Ưu điểm' }).click();
    await page.getByLabel('III.1. Ưu điểm').fill('- Công tác cải cách hành chính được triển khai đồng bộ.');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã chỉnh sửa').waitFor();

    await page.getByRole('tab', { name: /Số liệu và nguồn/ }).click();
    await page.getByRole('cell', { name: 'Tổng số cán bộ, công chức, viên chức', exact: true }).waitFor();
    await page.screenshot({ path: 'test-results/screenshots/cchc-report-figures.png' });

    await page.getByRole('button', { name: 'Trình thẩm định' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Chờ thẩm định').first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
