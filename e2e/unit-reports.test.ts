/**
 * Unit periodic reports on the demo province: Sở Nội vụ's reform officer reads the H1 2021 completeness table (late,
 * missing, returned reports) and a returned-then-accepted report's history; the leader of Sở Tư pháp sees only the
 * department's report, with the system figures marked.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { agencies } from '../src/server/db/schema';
import { systemActor } from '../src/server/auth/actor';
import { insertTemplateVersion } from '../src/server/modules/unit-reports/save-report-template';
import { createReportRound } from '../src/server/modules/unit-reports/open-report-round';
import { addCalendarDays, toLocalDate } from '../src/shared/calendar';
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

describe('filling a report', () => {
  it('lets a department fill its report: system figures prefilled, an override needs a reason, then it is sent', async () => {
    const db = env.server.database.db;
    const [organizer] = await db.select({ id: agencies.id, path: agencies.path }).from(agencies).where(eq(agencies.key, 'SNV'));
    const [justice] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.key, 'STP'));
    const actor = systemActor('Kiểm thử');
    const templateId = await insertTemplateVersion(db, actor, {
      code: 'cchc_e2e',
      name: 'Báo cáo CCHC (kiểm thử)',
      periodType: 'custom',
      content: {
        indicators: [
          { code: 'procedures.in_force', area: 'procedures', label: 'Số TTHC đang thực hiện', unit: 'thủ tục', prefill: 'catalog.procedures_in_force', decimals: 0, help: null },
          { code: 'civil_service.recruited', area: 'civil_service', label: 'Số công chức được tuyển dụng', unit: 'người', prefill: null, decimals: 0, help: null },
        ],
        sections: [{ code: 'direction', kind: 'direction', area: 'direction', title: 'I. Công tác chỉ đạo, điều hành', guidance: 'Kế hoạch, văn bản chỉ đạo, kiểm tra, tuyên truyền.', required: true }],
      },
    });
    const today = toLocalDate(new Date());
    // A retried attempt opens its own round (the first attempt's round stays in the database).
    const title = `Báo cáo CCHC tháng (kiểm thử ${randomUUID().slice(0, 6)})`;
    await createReportRound(db, actor, organizer!, {
      templateId,
      period: { preset: 'custom', from: addCalendarDays(today, -30), to: addCalendarDays(today, -1) },
      dueOn: addCalendarDays(today, 10),
      title,
      agencyIds: [justice!.id],
    });

    const { context, page, problems } = await signedIn(env, justiceLeader as never);
    await page.goto('/can-bo/bao-cao-don-vi');
    await page.getByRole('link', { name: title }).click();
    const inForce = page.getByRole('spinbutton', { name: 'Số TTHC đang thực hiện' });
    await inForce.waitFor();
    const systemValue = Number((await inForce.inputValue()).replace(/\./g, ''));
    await page.locator('.ant-tag', { hasText: 'Số liệu hệ thống' }).first().waitFor();
    await inForce.fill(String(systemValue + 3));
    await page.getByRole('spinbutton', { name: 'Số công chức được tuyển dụng' }).fill('2');
    await page.getByRole('textbox', { name: 'I. Công tác chỉ đạo, điều hành' }).fill('Ban hành kế hoạch CCHC của Sở; kiểm tra 02 phòng chuyên môn.');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByRole('alert').filter({ hasText: 'lý do điều chỉnh' }).waitFor();
    await page.getByRole('textbox', { name: 'Lý do điều chỉnh: Số TTHC đang thực hiện' }).fill('Gồm 03 thủ tục nội bộ chưa nhập vào hệ thống');
    await screenshot(page, 'unit-report-filling');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.locator('.ant-tag', { hasText: 'Đang soạn' }).waitFor();
    await page.locator('.ant-tag', { hasText: 'Đơn vị điều chỉnh' }).waitFor();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.locator('.ant-tag', { hasText: 'Đã gửi, chờ xem xét' }).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu nháp' }).count()).toBe(0);
    // The confirmation closes with a fade: check the page once it is gone, not the half-transparent dialog.
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await expectAccessible(page, 'unit report after sending');
    expect(problems).toEqual([]);
    await context.close();
  });
});
