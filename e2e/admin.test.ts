/**
 * The administration in a real browser, as the province's administrator (demo account `admin`): staff accounts
 * (edit roles and department, disable with a reason, enable), administrative units and agencies (found a unit,
 * add a department), the procedure catalog (approve an internal process, amend a procedure through a publication
 * decision that is saved, then applied). Every page passes axe (no serious or critical violations), as do the
 * back office's working pages (queue, dossier page, intake); screenshots go to test-results/screenshots.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { adminUnits, agencies, departments, internalProcesses, procedures, procedureVersions, users } from '../src/server/db/schema';
import { createDossierWorld, receive, type DossierWorld } from '../src/server/modules/dossiers/dossiers.test-support';
import { DEMO_STAFF_PASSWORD } from '../src/server/seed/demo-accounts';
import { createStaff, type TestAgency, type TestUser } from '../src/server/test/factories';
import { toLocalDate } from '../src/shared/calendar';
import { Role } from '../src/shared/permissions';
import { openDossier, signedIn } from './support/back-office-steps';
import { expectAccessible, screenshot, type KnownAxeIssue } from './support/browser';
import { useBrowserTestEnvironment } from './support/setup';

const env = useBrowserTestEnvironment();
const ADMIN: TestUser = { id: '', login: 'admin', password: DEMO_STAFF_PASSWORD };
const BIRTH = '1.001193.000.00.00.H33';
let commune: TestAgency;
let world: DossierWorld;

beforeAll(async () => {
  const db = env.server.database.db;
  const [row] = await db.select().from(agencies).where(eq(agencies.key, 'UBND_VITHANH_HOALUU'));
  const [desk] = await db.select().from(departments).where(and(eq(departments.agencyId, row!.id), eq(departments.key, 'BPMC')));
  commune = { id: row!.id, key: row!.key, path: row!.path, unitId: row!.unitId, identifierCode: row!.identifierCode, departmentId: desk!.id, deskDepartmentId: desk!.id };
  world = await createDossierWorld(db, { name: 'Chứng thực bản sao thử nghiệm' });
});

/** Today in Vietnam as typed into a date field (DD/MM/YYYY). */
function today(): string {
  const [y, m, d] = toLocalDate(new Date()).split('-');
  return `${d}/${m}/${y}`;
}

/** Types a date into an antd DatePicker found by its label, and confirms it. */
async function typeDate(scope: Page | ReturnType<Page['locator']>, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** Picks the option containing `text` in an antd Select found by its label, searching for `search` first. */
async function choose(page: Page, scope: Page | ReturnType<Page['locator']>, label: string, search: string, text = search) {
  const select = scope.getByLabel(label, { exact: true });
  await select.click();
  await select.fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/** The antd message toast with this text. */
const toast = (page: Page, text: string | RegExp) => page.locator('.ant-message-notice', { hasText: text }).first().waitFor();

describe('administration', () => {
  it('edits a staff account’s roles and department, disables it with a reason and enables it again', async () => {
    const db = env.server.database.db;
    const officer = await createStaff(db, commune, [Role.DESK_OFFICER], 'Trương Thị Thu Cúc');
    const { context, page, problems } = await signedIn(env, ADMIN);
    await page.goto('/can-bo/nguoi-dung');
    await page.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    await page.getByRole('searchbox', { name: 'Tìm người dùng' }).fill('truong thi thu cuc');
    await page.getByRole('searchbox', { name: 'Tìm người dùng' }).press('Enter');
    await page.getByRole('row', { name: new RegExp(officer.login) }).getByRole('button', { name: 'Quản lý tài khoản Trương Thị Thu Cúc' }).click();
    const drawer = page.locator('.ant-drawer-section').filter({ hasText: 'Tài khoản: Trương Thị Thu Cúc' });
    await drawer.getByLabel('Họ và tên').waitFor();
    await expectAccessible(page, 'users page with the account drawer');

    await choose(page, drawer, 'Vai trò', 'Văn thư');
    await choose(page, drawer, 'Phòng, ban', 'Tư pháp', 'Công chức Tư pháp - Hộ tịch');
    await screenshot(page, 'admin-user-edit');
    await drawer.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await toast(page, 'Đã lưu tài khoản');
    const [saved] = await db.select().from(users).where(eq(users.id, officer.id));
    expect([...saved!.roles].sort()).toEqual(['clerk', 'desk_officer']);
    const [civilStatus] = await db.select().from(departments).where(eq(departments.id, saved!.departmentId!));
    expect(civilStatus!.key).toBe('TPHT');

    await drawer.getByLabel('Lý do khóa (ghi vào nhật ký)').fill('Nghỉ hưu từ 01/12/2026');
    await drawer.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Khóa tài khoản' }).click();
    await toast(page, 'Đã khóa tài khoản');
    await drawer.getByText('Đã khóa', { exact: true }).waitFor();
    expect((await db.select().from(users).where(eq(users.id, officer.id)))[0]!.status).toBe('disabled');
    await drawer.getByRole('button', { name: 'Mở khóa tài khoản' }).click();
    await toast(page, 'Đã mở khóa tài khoản');
    expect((await db.select().from(users).where(eq(users.id, officer.id)))[0]!.status).toBe('active');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('corrects a unit of the 2021 tree and adds a department to an agency', async () => {
    const db = env.server.database.db;
    const { context, page, problems } = await signedIn(env, ADMIN);
    await page.goto('/can-bo/don-vi');
    await page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính và cơ quan' }).waitFor();
    // The demo province's units ended with the 2025 reorganisation: look at the tree as it stood in 2021.
    await typeDate(page, 'Xem cây đơn vị tại ngày', '01/06/2021');
    await page.getByText(/^Ngày 01\/06\/2021: /).waitFor();
    const tree = page.getByRole('tree', { name: 'Cây đơn vị hành chính' });
    await screenshot(page, 'admin-units-tree-2021');
    await expectAccessible(page, 'units page');

    const [district] = await db.select().from(adminUnits).where(and(eq(adminUnits.level, 'district'), eq(adminUnits.code, '931')));
    await tree.getByText(new RegExp(`^${district!.name} \\(`)).click();
    const unitDrawer = page.locator('.ant-drawer-section').filter({ hasText: 'Các phiên bản' });
    await unitDrawer.getByRole('cell', { name: district!.name, exact: true }).waitFor();
    await unitDrawer.getByRole('button', { name: 'Sửa, đổi tên' }).click();
    // A correction (the record was wrong from the start): the same version, no new one.
    await unitDrawer.getByLabel('Tên đơn vị').fill(`${district!.name} (đã đính chính)`);
    await screenshot(page, 'admin-unit-drawer');
    await unitDrawer.getByRole('button', { name: 'Lưu', exact: true }).click();
    await toast(page, 'Đã lưu thay đổi đơn vị');
    const versions = await db.select().from(adminUnits).where(eq(adminUnits.key, district!.key));
    expect(versions.map((v) => v.name)).toEqual([`${district!.name} (đã đính chính)`]);
    await unitDrawer.getByRole('cell', { name: `${district!.name} (đã đính chính)`, exact: true }).waitFor();
    await page.locator('.ant-drawer-close').first().click();
    await unitDrawer.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: 'Cơ quan' }).click();
    await page.getByRole('searchbox', { name: 'Tìm cơ quan' }).fill('hoa luu');
    await page.getByRole('searchbox', { name: 'Tìm cơ quan' }).press('Enter');
    await page.getByRole('button', { name: /^Quản lý .*xã Hỏa Lựu/ }).click();
    const agencyDrawer = page.locator('.ant-drawer-section').filter({ hasText: 'Phòng, ban' });
    await agencyDrawer.getByText('Công chức Tư pháp - Hộ tịch').waitFor();
    await agencyDrawer.getByRole('button', { name: 'Thêm phòng, ban' }).click();
    await agencyDrawer.getByLabel('Tên phòng, ban').fill('Tổ Tiếp công dân');
    await agencyDrawer.getByRole('button', { name: 'Thêm phòng, ban' }).last().click();
    await toast(page, 'Đã thêm phòng, ban');
    await agencyDrawer.getByRole('cell', { name: 'Tổ Tiếp công dân', exact: true }).first().waitFor();
    await screenshot(page, 'admin-agency-drawer');
    await expectAccessible(page, 'agency drawer');
    const added = await db.select().from(departments).where(and(eq(departments.agencyId, commune.id), eq(departments.name, 'Tổ Tiếp công dân')));
    expect(added).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('approves a new internal process, then amends the procedure through a publication decision that is saved and applied', async () => {
    const db = env.server.database.db;
    const [birth] = await db.select().from(procedures).where(eq(procedures.code, BIRTH));
    const processesBefore = await db.select().from(internalProcesses).where(and(eq(internalProcesses.procedureId, birth!.id), eq(internalProcesses.agencyId, commune.id)));
    const versionsBefore = await db.select().from(procedureVersions).where(eq(procedureVersions.procedureId, birth!.id));

    const { context, page, problems } = await signedIn(env, ADMIN);
    await page.goto('/can-bo/thu-tuc');
    await page.getByRole('heading', { level: 1, name: 'Danh mục thủ tục hành chính' }).waitFor();
    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('dang ky khai sinh');
    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).press('Enter');
    await page.getByRole('button', { name: `Quản lý thủ tục ${BIRTH}` }).click();
    const drawer = page.locator('.ant-drawer-section').filter({ hasText: BIRTH });
    await drawer.getByRole('tab', { name: 'Nội dung hiện hành' }).waitFor();
    await expectAccessible(page, 'catalog page with the procedure drawer');

    await drawer.getByRole('tab', { name: 'Quy trình nội bộ' }).click();
    await choose(page, drawer, 'Cơ quan thực hiện', 'Hỏa Lựu');
    await drawer.getByText('Các bước của quy trình đang áp dụng').waitFor();
    await drawer.getByRole('button', { name: /Phê duyệt quy trình mới/ }).click();
    await drawer.getByLabel('Số quyết định phê duyệt').fill('789/QĐ-UBND');
    await drawer.getByText(/Tổng thời gian các bước: .* \/ thời hạn luật định/).waitFor();
    await screenshot(page, 'admin-internal-process');
    await drawer.getByRole('button', { name: 'Ghi nhận quy trình đã phê duyệt' }).click();
    await toast(page, 'Đã ghi nhận quy trình nội bộ được phê duyệt');
    const processesAfter = await db.select().from(internalProcesses).where(and(eq(internalProcesses.procedureId, birth!.id), eq(internalProcesses.agencyId, commune.id)));
    expect(processesAfter).toHaveLength(processesBefore.length + 1);
    expect(processesAfter.some((p) => p.approvalDecisionNumber === '789/QĐ-UBND')).toBe(true);

    await drawer.getByRole('button', { name: 'Soạn sửa đổi, bổ sung' }).click();
    const editor = page.locator('.ant-drawer-section').filter({ hasText: 'Soạn quyết định công bố thủ tục hành chính' });
    await editor.getByRole('cell', { name: 'Đăng ký khai sinh', exact: true }).waitFor();
    await editor.getByLabel('Số quyết định').fill('1502/QĐ-UBND');
    await typeDate(editor, 'Ngày ký', today());
    await typeDate(editor, 'Ngày có hiệu lực', today());
    await editor.getByLabel('Trích yếu', { exact: true }).fill('Công bố thủ tục hành chính được sửa đổi, bổ sung lĩnh vực hộ tịch');
    await editor.getByLabel('Người ký', { exact: true }).fill('Đồng Văn Thanh');

    await editor.getByRole('button', { name: 'Sửa thủ tục 1' }).click();
    const item = page.getByRole('dialog', { name: 'Thủ tục trong quyết định' });
    await item.getByLabel('Ghi chú thời hạn').fill('Kể từ khi nhận đủ hồ sơ hợp lệ');
    await screenshot(page, 'admin-decision-item');
    await item.getByRole('button', { name: 'Lưu thủ tục' }).click();
    await item.waitFor({ state: 'hidden' });
    await editor.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await toast(page, 'Đã lưu dự thảo quyết định');
    await screenshot(page, 'admin-decision-editor');
    await expectAccessible(page, 'decision editor');
    await editor.getByRole('button', { name: 'Áp dụng quyết định' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Áp dụng' }).click();
    await toast(page, /Đã áp dụng: 0 thủ tục mới, 1 sửa đổi/);

    const versionsAfter = await db.select().from(procedureVersions).where(eq(procedureVersions.procedureId, birth!.id));
    expect(versionsAfter).toHaveLength(versionsBefore.length + 1);
    expect(versionsAfter.find((v) => v.validTo === null)!.timeNote).toBe('Kể từ khi nhận đủ hồ sơ hợp lệ');
    await page.getByRole('tab', { name: 'Quyết định công bố' }).click();
    await page.getByRole('row', { name: /1502\/QĐ-UBND/ }).getByText('Đã áp dụng').waitFor();
    await screenshot(page, 'admin-decisions');
    await expectAccessible(page, 'decisions list');
    expect(problems).toEqual([]);
    await context.close();
  });
});

/**
 * Known and not yet fixed: Ant Design's tab bar puts its overflow ("more") button inside the element with role
 * tablist when the queue's tabs do not fit, and axe allows only tabs there. Anything else still fails.
 */
const REPORTED: KnownAxeIssue[] = [{ rule: 'aria-required-children', html: 'class="ant-tabs-nav"' }];

describe('accessibility of the back office’s working pages (axe, WCAG 2.1 AA: no serious or critical violations)', () => {
  it('queue, dossier page and intake form', async () => {
    const { dossierId } = await receive(env.server.database.db, world, new Date());
    const { context, page } = await openDossier(env, world.staff.desk, dossierId);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Hồ sơ ' }).waitFor();
    await page.locator('.ant-timeline').waitFor();
    await expectAccessible(page, 'dossier page', REPORTED);
    await page.goto('/can-bo/ho-so');
    await page.getByRole('heading', { level: 1, name: 'Hàng đợi hồ sơ' }).waitFor();
    await page.locator('.ant-table-tbody > tr:not(.ant-table-measure-row)').first().waitFor();
    await expectAccessible(page, 'queue', REPORTED);
    await page.goto('/can-bo/tiep-nhan');
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).waitFor();
    await expectAccessible(page, 'intake', REPORTED);
    await page.goto('/can-bo');
    await page.locator('.queue-cards').waitFor();
    await expectAccessible(page, 'back-office home', REPORTED);
    await context.close();
  });
});
