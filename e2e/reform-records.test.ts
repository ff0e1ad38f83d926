/**
 * The reform records screens on the demo province: the reform officer of Sở Nội vụ searches the document registry
 * without diacritics and opens a legal document's effect history, reads the 2021 plan, the province's staffing
 * summary (the seed's figures) and the inspections; the leader of Sở Tư pháp sees only his agency's inspection and
 * may report the follow-up of its finding.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_STAFF_PASSWORD } from '../src/server/seed/demo-accounts';
import { signedIn } from './support/back-office-steps';
import { expectAccessible, screenshot } from './support/browser';
import { useBrowserTestEnvironment } from './support/setup';

const env = useBrowserTestEnvironment();
const officer = { id: '', login: 'cchc.snv', password: DEMO_STAFF_PASSWORD, fullName: 'Lê Thị Thu Hà' };
const justiceLeader = { id: '', login: 'ld.stp', password: DEMO_STAFF_PASSWORD, fullName: 'Trần Văn Hải' };

describe('reform records', () => {
  it('lets the reform office search the registry, read the plan, the staffing summary and the inspections', async () => {
    const { context, page, problems } = await signedIn(env, officer as never);
    await page.goto('/can-bo/van-ban');
    await page.getByRole('heading', { name: 'Sổ văn bản cải cách hành chính' }).waitFor();
    await page.getByLabel('Tìm văn bản').fill('ke hoach cai cach hanh chinh nam 2021');
    await page.getByLabel('Tìm văn bản').press('Enter');
    await page.getByRole('button', { name: '1996/KH-UBND' }).waitFor();
    await screenshot(page, 'reform-documents-search');
    await expectAccessible(page, 'document registry');

    await page.getByLabel('Tìm văn bản').fill('05/2021/QĐ-UBND');
    await page.getByLabel('Tìm văn bản').press('Enter');
    await page.getByRole('button', { name: '05/2021/QĐ-UBND' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Lịch sử hiệu lực').waitFor();
    await screenshot(page, 'reform-document-detail');

    await page.goto('/can-bo/ke-hoach-cchc');
    await page.getByText('Ban hành Kế hoạch tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030').waitFor();
    await screenshot(page, 'reform-plan');

    await page.goto('/can-bo/bien-che');
    await page.getByText('Biên chế giao năm 2021').waitFor();
    const summary = await page.locator('main').innerText();
    for (const figure of ['14.954', '10.093', '4.269', '1.466', '14.073', '214/214', '433/433']) expect(summary, figure).toContain(figure);
    await screenshot(page, 'reform-staffing-summary');

    await page.goto('/can-bo/kiem-tra');
    await page.getByRole('spinbutton', { name: 'Năm' }).fill('2021');
    await page.getByRole('spinbutton', { name: 'Năm' }).press('Tab');
    await page.getByText('Ủy ban nhân dân huyện Châu Thành A').waitFor();
    await screenshot(page, 'reform-inspections');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a department leader only his agency’s inspection, with the follow-up action on its finding', async () => {
    const { context, page, problems } = await signedIn(env, justiceLeader as never);
    await page.goto('/can-bo/kiem-tra');
    await page.getByRole('spinbutton', { name: 'Năm' }).fill('2021');
    await page.getByRole('spinbutton', { name: 'Năm' }).press('Tab');
    await page.getByText('Sở Tư pháp tỉnh Hậu Giang').waitFor();
    expect(await page.getByText('Ủy ban nhân dân thành phố Vị Thanh').count()).toBe(0);
    await page.getByRole('button', { name: /^Cập nhật khắc phục: / }).waitFor();
    await screenshot(page, 'reform-inspections-unit');
    await expectAccessible(page, 'inspections (unit)');
    expect(problems).toEqual([]);
    await context.close();
  });
});
