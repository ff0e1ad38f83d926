/**
 * Petitions, FAQ and satisfaction in a real browser, end to end: a citizen files a petition on the portal, an
 * officer classifies, assigns, answers and publishes it in the back office, the citizen reads the answer and rates
 * it, and the published answer carries none of the citizen's personal data; an officer enters a petition received
 * by letter; a citizen's question is answered and published and found without diacritics; a citizen rates a
 * returned dossier once and may change the rating while the rules allow.
 */
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { dossierRatings, petitions, users } from '../src/server/db/schema';
import { createDossierWorld, type DossierWorld } from '../src/server/modules/dossiers/dossiers.test-support';
import { dossierThroughWorkflow } from '../src/server/modules/ratings/ratings.test-support';
import { createAgency, createCitizen, createStaff, type TestAgency, type TestUser } from '../src/server/test/factories';
import { Role } from '../src/shared/permissions';
import { satisfiedThreshold, type FeedbackSettingsView } from '../src/shared/schemas/ratings';
import { surveyElementLabels, type SurveyCampaignView } from '../src/shared/schemas/surveys';
import { addCalendarDays, toLocalDate } from '../src/shared/calendar';
import type { PublishedPetition } from '../src/shared/schemas/petitions';
import { petitionActionLabels, petitionCategoryLabels, petitionStatusLabels } from '../src/shared/workflow/petition-workflow';
import { expectAccessible, screenshot } from './support/browser';
import { act, signedIn } from './support/back-office-steps';
import { submitSignIn } from './support/pages';
import { openPage, useBrowserTestEnvironment } from './support/setup';

const env = useBrowserTestEnvironment();

/** A tablet in portrait at the one-stop desk (iPad Air). */
const TABLET = { width: 820, height: 1180 };
const AGENCY = 'Sở Xây dựng Phản ánh Thử';
const TITLE = 'Niêm yết thủ tục cấp giấy phép xây dựng nhà ở';
let agency: TestAgency;
let officer: TestUser;
let officerName: string;
let citizen: TestUser;
const citizenName = 'Phạm Thị Kiến Nghị';

beforeAll(async () => {
  const db = env.server.database.db;
  const province = await createAgency(db, { name: 'UBND tỉnh Phản ánh Thử' });
  agency = await createAgency(db, { parent: province, name: AGENCY });
  officerName = 'Trần Văn Xử Lý';
  officer = await createStaff(db, agency, [Role.REFORM_OFFICER], officerName);
  citizen = await createCitizen(db, citizenName);
});

/** A fresh browser context with a citizen signed in, wherever the sign-in leads them (anywhere but the sign-in page). */
async function citizenSignedIn(user: TestUser) {
  const opened = await openPage(env);
  await opened.page.goto('/dang-nhap');
  await submitSignIn(opened.page, user.login, user.password);
  await opened.page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
  return opened;
}

/** Picks an option of an antd Select found by its label, typing `search` first when given. */
async function choose(page: Page, scope: Locator, label: string, option: string, search?: string) {
  const field = scope.getByLabel(label);
  for (let attempt = 1; ; attempt++) {
    await field.click();
    if (search) await field.fill(search);
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
    await item.click();
    try {
      await scope.locator('.ant-form-item').filter({ has: page.getByLabel(label) }).filter({ hasText: option }).first().waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      // A click while the dropdown is still opening can be lost: try again.
      if (attempt === 3) {
        await screenshot(page, `feedback-choose-${label}`);
        throw error;
      }
    }
  }
}

async function ratingLevels(page: Page) {
  const settings = (await (await page.request.get('/api/feedback-settings')).json()) as FeedbackSettingsView;
  return settings.levels;
}

describe('petition from the portal to the published, rated answer', () => {
  let code = '';
  let petitionId = '';

  it('a signed-in citizen files a petition and agrees to publication', async () => {
    const { context, page, problems } = await citizenSignedIn(citizen);
    await page.goto('/phan-anh-kien-nghi');
    await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị' }).waitFor();
    await choose(page, page.locator('form'), 'Cơ quan tiếp nhận', AGENCY, 'xay dung phan anh');
    await page.getByLabel('Tiêu đề').fill(TITLE);
    // The citizen writes their own name and phone in the text: neither may reach the published answer.
    await page
      .getByLabel('Nội dung phản ánh, kiến nghị')
      .fill(`Tôi là ${citizenName}, số điện thoại 0912345678. Đề nghị niêm yết đầy đủ thành phần hồ sơ cấp giấy phép xây dựng nhà ở riêng lẻ tại Bộ phận Một cửa.`);
    await page.getByLabel(/Đồng ý công khai kết quả trả lời/).check();
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    code = (await page.getByTestId('petition-code').textContent())!.trim();
    const [row] = await env.server.database.db.select().from(petitions).where(eq(petitions.code, code));
    expect(row).toMatchObject({ title: TITLE, petitionerUserId: citizen.id, agencyId: agency.id, publishConsent: true, status: 'received' });
    petitionId = row!.id;
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the officer finds it typed without diacritics and classifies, assigns, answers and publishes it', async () => {
    expect(petitionId).not.toBe('');
    const { context, page, problems } = await signedIn(env, officer);
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Phản ánh, kiến nghị' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị và hỏi đáp' }).waitFor();
    const search = page.getByPlaceholder(/Tìm theo mã, tiêu đề/);
    await search.fill('niem yet thu tuc');
    await search.press('Enter');
    await page.waitForURL(/q=niem\+yet\+thu\+tuc/);
    const link = page.getByRole('link', { name: code, exact: true });
    await link.waitFor();
    const row = page.locator('tr', { has: link });
    expect(await row.innerText()).toContain(petitionStatusLabels.received);
    expect(await row.innerText()).toContain(citizenName);
    // Only petitions matching the search are listed.
    for (const listed of await page.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts()) expect(listed).toContain(TITLE);
    await screenshot(page, 'back-office-petitions-list');
    await expectAccessible(page, 'back-office petitions list');

    // Filters: the status filter keeps it, the overdue filter (a petition received today) does not.
    await page.getByLabel('Lọc theo thời hạn').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Quá hạn trả lời' }).click();
    await page.waitForURL(/han=overdue/);
    await page.getByText('Không có phản ánh, kiến nghị nào khớp với điều kiện lọc').waitFor();
    await page.goto(`/can-bo/phan-anh?q=${encodeURIComponent('niem yet')}&han=on-time`);
    await link.click();

    await page.getByRole('heading', { level: 1, name: `Phản ánh ${code}` }).waitFor();
    // The page offers only what the workflow allows in this status.
    expect(await page.getByRole('button', { name: petitionActionLabels.answer, exact: true }).count()).toBe(0);
    await screenshot(page, 'back-office-petition-received');
    await expectAccessible(page, 'back-office petition page');

    await act(page, petitionActionLabels.classify, petitionStatusLabels.classified, (d) => d.getByLabel(petitionCategoryLabels.procedure).check());
    await act(page, petitionActionLabels.assign, petitionStatusLabels.in_progress, (d) => choose(page, d, 'Cán bộ được giao xử lý', officerName));
    const answer = 'Sở đã niêm yết đầy đủ thành phần hồ sơ cấp giấy phép xây dựng tại Bộ phận Một cửa và trên Cổng dịch vụ công từ ngày 01/12.';
    await act(page, petitionActionLabels.answer, petitionStatusLabels.answered, (d) => d.getByLabel('Nội dung trả lời').fill(answer));
    await act(page, petitionActionLabels.publish, petitionStatusLabels.published, async (d) => {
      // The form starts from the petition's own text; the server removes the personal data on publication.
      expect(await d.getByLabel('Nội dung phản ánh, kiến nghị công khai').inputValue()).toContain(citizenName);
      await screenshot(page, 'back-office-petition-publish-form');
    });
    const published = page.locator('.ant-card', { hasText: 'Nội dung đã công khai trên Cổng' });
    await published.waitFor();
    expect(await published.innerText()).not.toContain(citizenName);
    const timeline = await page.locator('.ant-timeline').innerText();
    for (const label of ['Tiếp nhận, vào sổ', petitionActionLabels.classify, petitionActionLabels.assign, petitionActionLabels.answer, petitionActionLabels.publish]) {
      expect(timeline).toContain(label);
    }
    await screenshot(page, 'back-office-petition-published');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the citizen reads the answer and rates it; the published answer shows no personal data', async () => {
    expect(petitionId).not.toBe('');
    const { context, page, problems } = await citizenSignedIn(citizen);
    await page.goto('/phan-anh-kien-nghi?muc=cua-toi');
    await page.getByRole('button', { name: new RegExp(code) }).click();
    await page.getByTestId('petition-answer').waitFor();
    expect(await page.getByTestId('petition-answer').innerText()).toContain('Sở đã niêm yết đầy đủ thành phần hồ sơ');

    // The province's scale decides the levels offered; the best one is chosen.
    const levels = await ratingLevels(page);
    const best = levels[levels.length - 1]!;
    const group = page.getByRole('group', { name: 'Đánh giá kết quả trả lời' });
    expect(await group.getByRole('radio').count()).toBe(levels.length);
    await group.getByLabel(best.label, { exact: true }).check();
    await group.getByLabel('Góp ý về câu trả lời').fill('Trả lời rõ ràng, đúng hạn.');
    await group.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByTestId('petition-rating').filter({ hasText: best.label }).waitFor();
    const [rated] = await env.server.database.db.select().from(petitions).where(eq(petitions.id, petitionId));
    expect(rated).toMatchObject({ answerRatingLevel: best.level, answerRatingScale: levels.length, answerRatingSatisfied: true });
    await screenshot(page, 'portal-petition-answer-rated');
    await expectAccessible(page, 'portal own petition with answer');

    // The published answers: found without diacritics, with none of the citizen's personal data.
    const [account] = await env.server.database.db.select().from(users).where(eq(users.id, citizen.id));
    const personal = [citizenName, account!.phone!, account!.email!, account!.idNumber!];
    await page.goto('/phan-anh-kien-nghi?muc=cong-khai');
    await page.getByRole('searchbox', { name: 'Tìm kết quả trả lời' }).fill('giay phep xay dung');
    await page.getByRole('searchbox', { name: 'Tìm kết quả trả lời' }).press('Enter');
    const card = page.locator('.ant-card', { hasText: TITLE });
    await card.waitFor();
    const shown = await card.innerText();
    expect(shown).toContain('Sở đã niêm yết đầy đủ thành phần hồ sơ');
    for (const value of personal) expect(shown).not.toContain(value);
    const api = (await (await page.request.get(`/api/public/petitions/${petitionId}`)).json()) as PublishedPetition;
    const body = JSON.stringify(api);
    for (const value of personal) expect(body).not.toContain(value);
    await screenshot(page, 'portal-published-answers');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an officer enters a petition received by letter, with its arrival time', async () => {
    const { context, page, problems } = await signedIn(env, officer);
    await page.goto('/can-bo/phan-anh');
    await page.getByRole('button', { name: 'Vào sổ phản ánh nhận qua văn bản, điện thoại' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vào sổ phản ánh, kiến nghị' }).waitFor();
    await page.getByLabel('Văn bản qua bưu chính').check();
    await page.getByLabel('Họ và tên').fill('Lâm Văn Thư Tay');
    await page.getByLabel('Số điện thoại').fill('0987000111');
    await page.getByLabel('Địa chỉ').fill('Ấp 3, xã Vị Thủy');
    await page.getByLabel('Tiêu đề').fill('Thời gian giải quyết hồ sơ đất đai');
    await page.getByLabel('Nội dung phản ánh, kiến nghị').fill('Đề nghị rút ngắn thời gian giải quyết hồ sơ chuyển mục đích sử dụng đất.');
    await screenshot(page, 'back-office-petition-register');
    await expectAccessible(page, 'back-office petition entry');
    await page.getByRole('button', { name: 'Vào sổ và cấp mã' }).click();
    await page.getByRole('heading', { level: 1, name: /^Phản ánh PAKN-/ }).waitFor();
    const info = await page.locator('.ant-card', { hasText: 'Thông tin phản ánh, kiến nghị' }).innerText();
    expect(info).toContain('Văn bản qua bưu chính');
    expect(info).toContain(`vào sổ: ${officerName}`);
    const code = (await page.getByRole('heading', { level: 1 }).innerText()).replace('Phản ánh ', '').trim();
    const [row] = await env.server.database.db.select().from(petitions).where(eq(petitions.code, code));
    expect(row).toMatchObject({ channel: 'letter', enteredById: officer.id, petitionerName: 'Lâm Văn Thư Tay', agencyId: agency.id });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('a petitioner without an account', () => {
  it('follows the petition with its code and tracking token, agrees to publication and withdraws it', async () => {
    const { context, page, problems } = await openPage(env);
    await page.goto('/phan-anh-kien-nghi');
    await page.getByLabel('Họ và tên').fill('Đỗ Thị Không Tài Khoản');
    await page.getByLabel('Địa chỉ').fill('Khu vực 2, phường Ngã Bảy');
    await page.getByLabel('Thư điện tử').fill('khongtaikhoan@example.vn');
    await choose(page, page.locator('form'), 'Cơ quan tiếp nhận', AGENCY, 'xay dung phan anh');
    await page.getByLabel('Tiêu đề').fill('Giờ làm việc buổi chiều của Bộ phận Một cửa');
    await page.getByLabel('Nội dung phản ánh, kiến nghị').fill('Đề nghị mở cửa đến 17 giờ vào thứ Sáu.');
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    const code = (await page.getByTestId('petition-code').textContent())!.trim();
    const token = (await page.getByTestId('petition-token').textContent())!.trim();

    await page.getByRole('tab', { name: 'Tra cứu bằng mã' }).click();
    await page.getByLabel('Mã phản ánh (PAKN-...)').fill(code);
    await page.getByLabel('Mã tra cứu').fill(token);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByText('Cơ quan đang xử lý, chưa có câu trả lời.').waitFor();
    const consent = page.getByLabel(/Đồng ý công khai kết quả trả lời trên Cổng/);
    expect(await consent.isChecked()).toBe(false);
    // The box follows the server's answer (it turns checked once the consent is stored): click, then wait for it.
    const [answered] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/public/petitions/track/consent')), consent.click()]);
    expect(answered.status()).toBe(200);
    await expect.poll(() => consent.isChecked()).toBe(true);
    const db = env.server.database.db;
    expect((await db.select().from(petitions).where(eq(petitions.code, code)))[0]).toMatchObject({ publishConsent: true, petitionerUserId: null });

    await page.getByRole('button', { name: 'Rút phản ánh, kiến nghị' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Rút phản ánh' }).click();
    await page.getByText('Phản ánh, kiến nghị đã được rút.').waitFor();
    expect((await db.select().from(petitions).where(eq(petitions.code, code)))[0]).toMatchObject({ status: 'withdrawn' });
    await screenshot(page, 'portal-petition-tracked-withdrawn');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('survey results by element and agency', () => {
  it('shows the results computed from a hand-built set of responses', async () => {
    const { context, page, problems } = await signedIn(env, officer);
    const csrf = { 'x-csrf-token': (await context.cookies()).find((c) => c.name === 'motcua_csrf')?.value ?? '' };
    const today = toLocalDate(new Date());
    const created = await page.request.post('/api/surveys', {
      headers: csrf,
      data: {
        title: 'Khảo sát mức độ hài lòng quý IV',
        targetAgencyIds: [agency.id],
        opensOn: today,
        closesOn: addCalendarDays(today, 30),
        openLink: true,
        questions: [
          { element: 'access', text: 'Nơi tiếp nhận hồ sơ dễ tìm, thuận tiện', scale: 5 },
          { element: 'civil_servants', text: 'Công chức hướng dẫn tận tình, dễ hiểu', scale: 5 },
        ],
      },
    });
    expect(created.status()).toBe(201);
    const opened = (await (await page.request.post(`/api/surveys/${((await created.json()) as SurveyCampaignView).id}/open`, { headers: csrf, data: {} })).json()) as SurveyCampaignView;
    const [access, servants] = opened.questions;
    // Two respondents through the open link: (access, civil servants) = (5, 4) and (2, 5) on a 5-level scale.
    const answers = [[5, 4], [2, 5]] as const;
    const respondent = await openPage(env);
    for (const [a, c] of answers) {
      const sent = await respondent.page.request.post(`/api/public/surveys/${opened.openLink!.token}/responses`, {
        data: { agencyId: agency.id, answers: [{ questionId: access!.id, score: a }, { questionId: servants!.id, score: c }] },
      });
      expect(sent.status()).toBe(201);
    }
    await respondent.context.close();

    await page.goto(`/can-bo/phan-anh?muc=khao-sat&dot=${opened.id}`);
    const satisfied = (scores: readonly number[]) => (scores.filter((s) => s >= satisfiedThreshold[5]).length / scores.length) * 100;
    const shown = (v: number) => `${Math.round(v * 10) / 10} %`.replace('.', ',');
    const byElement = page.locator('table').first();
    await byElement.locator('tr', { hasText: surveyElementLabels.access }).filter({ hasText: shown(satisfied(answers.map((r) => r[0]))) }).waitFor();
    expect(await byElement.locator('tr', { hasText: surveyElementLabels.civil_servants }).innerText()).toContain(shown(satisfied(answers.map((r) => r[1]))));
    const agencyRow = page.locator('table').nth(1).locator('tr', { hasText: AGENCY });
    expect(await agencyRow.innerText()).toContain(shown(satisfied(answers.flat())));
    await screenshot(page, 'back-office-survey-results');
    await expectAccessible(page, 'back-office survey results');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('FAQ: a citizen asks, an officer answers and publishes', () => {
  it('the answer is published on the portal and found typed without diacritics', async () => {
    // A retried run asks again: the number tells this attempt's question from the earlier one.
    const question = `Đăng ký kết hôn khi một bên thường trú ở tỉnh khác cần giấy xác nhận tình trạng hôn nhân không? (câu hỏi ${randomInt(1000, 9999)})`;
    const asker = await openPage(env);
    await asker.page.goto('/hoi-dap');
    await asker.page.getByLabel('Câu hỏi của bạn').fill(question);
    await asker.page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    await asker.page.getByText('Đã gửi câu hỏi.', { exact: false }).waitFor();
    await asker.context.close();

    const { context, page, problems } = await signedIn(env, officer);
    await page.goto('/can-bo/phan-anh?muc=hoi-dap');
    const card = page.locator('.ant-card', { hasText: question });
    await card.waitFor();
    await screenshot(page, 'back-office-faq-asked');
    await expectAccessible(page, 'back-office FAQ');
    await card.getByRole('button', { name: 'Trả lời', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Câu trả lời').fill('Có. Người thường trú ở tỉnh khác nộp giấy xác nhận tình trạng hôn nhân do UBND cấp xã nơi thường trú cấp.');
    expect(await dialog.getByLabel('Công khai ngay trên Cổng').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(problems).toEqual([]);
    await context.close();

    const reader = await openPage(env);
    await reader.page.goto(`/hoi-dap?q=${encodeURIComponent('ket hon tinh khac')}`);
    await reader.page.getByRole('button', { name: question }).click();
    await reader.page.getByText('UBND cấp xã nơi thường trú cấp', { exact: false }).waitFor();
    expect(reader.problems).toEqual([]);
    await reader.context.close();
  });
});

describe('satisfaction with a returned dossier', () => {
  let world: DossierWorld;
  beforeAll(async () => {
    world = await createDossierWorld(env.server.database.db, { name: 'Cấp bản sao trích lục đánh giá thử nghiệm' });
  });

  it('the applicant rates the returned dossier once and may change the rating within the allowed time', async () => {
    const db = env.server.database.db;
    const dossier = await dossierThroughWorkflow(db, world, { applicantUserId: world.citizen.id, upTo: 'returned' });
    const { context, page, problems } = await citizenSignedIn(world.citizen);
    await page.goto(`/ho-so-cua-toi/${dossier.id}`);
    const card = page.locator('.ant-card', { hasText: 'Đánh giá mức độ hài lòng' });
    await card.getByRole('button', { name: 'Gửi đánh giá' }).waitFor();
    const levels = await ratingLevels(page);
    const best = levels[levels.length - 1]!;
    const worst = levels[0]!;
    const overall = card.locator('.ant-form-item', { hasText: 'Mức độ hài lòng chung' });
    await overall.getByLabel(best.label, { exact: true }).check();
    await card.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await card.getByText(`Bạn đã đánh giá: ${best.label}`, { exact: false }).waitFor();
    let rows = await db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossier.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ overall: best.level, channel: 'online', onBehalf: false, revision: 1, applicantUserId: world.citizen.id });
    await screenshot(page, 'portal-dossier-rated');

    // A second rating within the allowed time changes the one rating rather than adding another.
    await overall.getByLabel(worst.label, { exact: true }).check();
    await card.getByRole('button', { name: 'Cập nhật đánh giá' }).click();
    await card.getByText(`Bạn đã đánh giá: ${worst.label}`, { exact: false }).waitFor();
    rows = await db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossier.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ overall: worst.level, satisfied: false, revision: 2 });

    // Another citizen cannot rate it: the dossier does not exist for them.
    const other = await citizenSignedIn(world.otherCitizen);
    const refused = await other.page.request.put(`/api/ratings/dossiers/${dossier.id}`, {
      data: { overall: best.level, criteria: {} },
      headers: { 'x-csrf-token': (await other.context.cookies()).find((c) => c.name === 'motcua_csrf')?.value ?? '' },
    });
    expect(refused.status()).toBe(404);
    await other.context.close();
    rows = await db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossier.id));
    expect(rows[0]).toMatchObject({ overall: worst.level, revision: 2 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a desk officer records the applicant’s rating on the tablet page, marked as entered on their behalf', async () => {
    const db = env.server.database.db;
    const dossier = await dossierThroughWorkflow(db, world, { upTo: 'returned' });
    const { context, page, problems } = await signedIn(env, world.staff.desk);
    // The dossier page of a returned dossier leads the desk to the tablet page.
    await page.goto(`/can-bo/ho-so/${dossier.id}`);
    const toTablet = page.getByRole('link', { name: 'Đánh giá tại quầy' });
    await toTablet.waitFor();
    expect(await toTablet.getAttribute('href')).toBe(`/danh-gia-tai-quay?ho-so=${dossier.id}`);
    await page.setViewportSize(TABLET);
    await page.goto('/danh-gia-tai-quay');
    await page.getByRole('heading', { level: 1, name: 'Đánh giá mức độ hài lòng' }).waitFor();
    const search = page.getByRole('searchbox', { name: 'Mã hồ sơ hoặc tên người nộp' });
    await search.fill(dossier.code);
    await search.press('Enter');
    await page.locator('.ant-list-item', { hasText: dossier.code }).getByRole('button', { name: 'Đánh giá hồ sơ này' }).click();
    const levels = await ratingLevels(page);
    const best = levels[levels.length - 1]!;
    await page.getByRole('radiogroup', { name: 'Mức độ hài lòng chung' }).getByText(best.label, { exact: true }).click();
    await screenshot(page, 'desk-rating-tablet');
    await expectAccessible(page, 'desk rating tablet page');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Cảm ơn ông/bà đã đánh giá').waitFor();
    const rows = await db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossier.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ overall: best.level, channel: 'desk_tablet', onBehalf: true, enteredById: world.staff.desk.id });
    await screenshot(page, 'desk-rating-tablet-done');
    expect(problems).toEqual([]);
    await context.close();
  });
});
