import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { fromLocal } from '../../../shared/calendar';
import { queryRows } from '../../db/client';
import { auditLog, dossierActions, dossierAgencyPeriods, dossierSteps, dossiers } from '../../db/schema';
import { createTestApp, type Client, type TestContext } from '../../test/test-app';
import type { TestAgency } from '../../test/factories';
import { createDossierWorld, createTestDossier, type TestDossier } from '../payments/test-dossier';
import { extractPdfText, inspectPdf } from './pdf/pdf-inspection';
import { TRACKING_BOOK_XLSX_LAYOUT } from './tracking-book-xlsx';

const A4 = [595.28, 841.89];
const A5 = [419.53, 595.28];

let t: TestContext;
let agency: TestAgency;
let citizenId: string;
let citizen: Client;
let otherCitizen: Client;
let desk: Client;
let leader: Client;
let deskOutside: Client;
/** Received 08:15 on 05/03/2021 (TT 01/2018 set) and 08:15 on 05/03/2026 (TT 03/2025 set). */
let old: TestDossier;
let current: TestDossier;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const world = await createDossierWorld(t.app, db, { agencyName: 'Sở Tài nguyên và Môi trường' });
  ({ agency, citizenId, citizen, otherCitizen, desk, deskOutside } = world);
  leader = await world.staff('agency_leader', 'Lê Minh Khải');
  old = await createTestDossier(db, { agency, applicantUserId: citizenId, receivedAt: fromLocal('2021-03-05', '08:15'), dueAt: fromLocal('2021-03-19', '17:00') });
  current = await createTestDossier(db, { agency, applicantUserId: citizenId, receivedAt: fromLocal('2026-03-05', '08:15'), dueAt: fromLocal('2026-03-19', '17:00') });
});
afterAll(async () => t?.close());

const form = (client: Client | null, dossierId: string, formNo: string) =>
  t.app.inject({ method: 'GET', url: `/api/dossiers/${dossierId}/forms/${formNo}.pdf`, headers: client?.headers ?? {} });

/** Appends an action to the dossier's log as the dossier module records it. */
async function logAction(dossierId: string, action: string, at: Date, payload: Record<string, unknown>, extra: { comment?: string; fromStep?: number | null; toStep?: number | null; actorName?: string } = {}) {
  const [next] = await queryRows<{ seq: number }>(t.database.db, sql`SELECT coalesce(max(seq), 0) + 1 AS seq FROM dossier_actions WHERE dossier_id = ${dossierId}`);
  await t.database.db.insert(dossierActions).values({
    actionId: randomUUID(),
    dossierId,
    seq: Number(next!.seq),
    action,
    at,
    actorRole: 'staff',
    actorName: extra.actorName ?? 'Phạm Thị Lan',
    toStatus: 'in_progress',
    fromStep: extra.fromStep ?? null,
    toStep: extra.toStep ?? null,
    comment: extra.comment ?? null,
    payload,
    requestHash: randomUUID(),
  });
}

async function pdfText(res: { statusCode: number; rawPayload: Buffer; body: string }) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return { structure: inspectPdf(res.rawPayload), text: extractPdfText(res.rawPayload) };
}

describe('GET /api/dossiers/:id/forms/:formNo.pdf', () => {
  it('answers 401 to an anonymous request', async () => {
    expect((await form(null, old.id, '01')).statusCode).toBe(401);
  });

  it('prints a 2021 dossier’s receipt on the TT 01/2018 form (A5) with its fields filled', async () => {
    const res = await form(desk, old.id, '01');
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`${old.code}-mau-01.pdf`);
    const { structure, text } = await pdfText(res);
    expect(structure.mediaBoxes).toEqual([A5]);
    expect(structure.imageCount).toBeGreaterThan(0);
    if (text === undefined) return;
    for (const expected of [
      'Mẫu số 01',
      '01/2018/TT-VPCP',
      'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ',
      'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG',
      `Mã hồ sơ: ${old.code}`,
      'Nguyễn Thị Hồng Nhung',
      'Số định danh cá nhân: 093190001234',
      old.procedureName,
      'Giấy chứng nhận quyền sử dụng đất đã cấp',
      'Thời gian giải quyết hồ sơ theo quy định: 10 ngày làm việc',
      'Thời gian nhận hồ sơ: 08 giờ 15 phút, ngày 05/03/2021',
      'Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 19/03/2021',
      'Phí, lệ phí: 150.000 đ',
      'Nhận tại Bộ phận Một cửa Sở Tài nguyên và Môi trường',
      'http://localhost:3000/tra-cuu',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('prints a 2026 dossier’s receipt on the TT 03/2025 form (A4), and knows no form 07 per dossier', async () => {
    const { structure, text } = await pdfText(await form(desk, current.id, '01'));
    expect(structure.mediaBoxes).toEqual([A4]);
    if (text !== undefined) {
      expect(text).toContain('03/2025/TT-VPCP');
      expect(text).toContain('BỘ PHẬN MỘT CỬA');
      expect(text).toContain('ngày 05/03/2026');
    }
    expect((await form(desk, current.id, '07')).statusCode).toBe(404);
    expect((await form(desk, old.id, '07')).statusCode).toBe(404);
  });

  it('gives the applicant the letters addressed to them, not the control sheet; hides the dossier from others', async () => {
    expect((await form(citizen, old.id, '01')).statusCode).toBe(200);
    expect((await form(citizen, old.id, '05')).statusCode).toBe(403);
    expect((await form(otherCitizen, old.id, '01')).statusCode).toBe(404);
    expect((await form(deskOutside, old.id, '01')).statusCode).toBe(404);
    expect((await form(desk, randomUUID(), '01')).statusCode).toBe(404);
  });

  it('masks the ID number for staff without the personal-data permission', async () => {
    const { text } = await pdfText(await form(leader, old.id, '01'));
    if (text === undefined) return;
    expect(text).not.toContain('093190001234');
    expect(text).toContain('Số định danh cá nhân: 0931******34');
  });

  it('prints the tracking secret when the desk types it back, and refuses a wrong one', async () => {
    const ok = await t.app.inject({ method: 'POST', url: `/api/dossiers/${current.id}/forms/01.pdf`, headers: desk.headers, payload: { trackingSecret: current.trackingSecret.toLowerCase() } });
    const { text } = await pdfText(ok);
    if (text !== undefined) expect(text).toContain(`Mã tra cứu: ${current.trackingSecret}`);
    const wrong = await t.app.inject({ method: 'POST', url: `/api/dossiers/${current.id}/forms/01.pdf`, headers: desk.headers, payload: { trackingSecret: 'SAIMA234' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0].path).toBe('body.trackingSecret');
  });

  it('prints the supplement request from the logged request, and 409 before there is one', async () => {
    const dossier = await createTestDossier(t.database.db, { agency, applicantUserId: citizenId, receivedAt: fromLocal('2021-04-06', '09:00') });
    const before = await form(desk, dossier.id, '02');
    expect(before.statusCode).toBe(409);
    expect(before.json().error.code).toBe('FORM_NOT_AVAILABLE');
    await logAction(
      dossier.id,
      'request_supplement',
      fromLocal('2021-04-07', '10:00'),
      { stage: 'intake', items: [{ name: 'Sơ đồ thửa đất', reason: 'Bổ sung bản trích đo địa chính có xác nhận' }], closesAt: null },
      { comment: 'Hồ sơ thiếu bản trích đo địa chính', actorName: 'Trần Văn Đức' },
    );
    const { text } = await pdfText(await form(citizen, dossier.id, '02'));
    if (text === undefined) return;
    for (const expected of ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'Mẫu số 02', 'Sơ đồ thửa đất', 'Bổ sung bản trích đo địa chính có xác nhận', 'Lý do: Hồ sơ thiếu bản trích đo địa chính', 'ngày 07 tháng 4 năm 2021', 'Trần Văn Đức']) {
      expect(text, expected).toContain(expected);
    }
  });

  it('prints the refusal, the apology with the new date and (2025 set) the stop notice from the log', async () => {
    const db = t.database.db;
    const refused = await createTestDossier(db, { agency, applicantUserId: citizenId, receivedAt: fromLocal('2021-05-10', '08:00') });
    await logAction(refused.id, 'refuse', fromLocal('2021-05-11', '09:00'), { reason: 'Thửa đất đang có tranh chấp.', outcome: 'early' }, { comment: 'Thửa đất đang có tranh chấp.' });
    const refusal = await pdfText(await form(desk, refused.id, '03'));
    if (refusal.text !== undefined) expect(refusal.text).toContain('Thửa đất đang có tranh chấp.');

    const late = await createTestDossier(db, { agency, applicantUserId: citizenId, receivedAt: fromLocal('2026-03-02', '08:00'), dueAt: fromLocal('2026-03-16', '17:00') });
    await logAction(late.id, 'apologise_extend', fromLocal('2026-03-13', '15:00'), {
      dueAt: fromLocal('2026-03-20', '17:00').toISOString(),
      previousDueAt: fromLocal('2026-03-16', '17:00').toISOString(),
      newDueDate: '2026-03-20',
      reason: 'cần xác minh nguồn gốc sử dụng đất.',
    });
    const apology = await pdfText(await form(citizen, late.id, '04'));
    expect(apology.structure.mediaBoxes).toEqual([A4]);
    if (apology.text !== undefined) {
      for (const expected of ['VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT', 'Kính gửi: Nguyễn Thị Hồng Nhung', '17 giờ 00 phút, ngày 16/03/2026', '17 giờ 00 phút, ngày 20/03/2026', 'cần xác minh nguồn gốc sử dụng đất.']) {
        expect(apology.text, expected).toContain(expected);
      }
    }

    const stopped = await createTestDossier(db, { agency, applicantUserId: citizenId, receivedAt: fromLocal('2026-03-02', '08:00') });
    expect((await form(desk, stopped.id, '05')).json().error.code).toBe('FORM_NOT_AVAILABLE');
    await logAction(stopped.id, 'stop', fromLocal('2026-03-04', '14:00'), { reason: 'các bên hủy hợp đồng chuyển nhượng.', outcome: null });
    const stop = await pdfText(await form(citizen, stopped.id, '05'));
    if (stop.text !== undefined) {
      expect(stop.text).toContain('Về việc dừng giải quyết hồ sơ thủ tục hành chính');
      expect(stop.text).toContain('các bên hủy hợp đồng chuyển nhượng.');
      expect(stop.text).toContain('Ngày 04 tháng 3 năm 2026');
    }
  });

  it('lists each hand-off on the process control sheet with the step’s own result', async () => {
    const db = t.database.db;
    const dossier = await createTestDossier(db, { agency, applicantUserId: citizenId, receivedAt: fromLocal('2021-06-01', '08:00') });
    await db.insert(dossierSteps).values([
      { dossierId: dossier.id, position: 0, plannedDueAt: fromLocal('2021-06-02', '17:00'), startedAt: fromLocal('2021-06-01', '08:00'), finishedAt: fromLocal('2021-06-01', '10:00') },
      { dossierId: dossier.id, position: 1, plannedDueAt: fromLocal('2021-06-03', '17:00'), startedAt: fromLocal('2021-06-01', '10:00') },
    ]);
    await logAction(dossier.id, 'forward', fromLocal('2021-06-01', '10:00'), { toStep: 1, agencyId: agency.id, departmentId: agency.departmentId }, { fromStep: 0, toStep: 1, actorName: 'Trần Văn Đức' });
    await logAction(dossier.id, 'send_to_agency', fromLocal('2021-06-04', '09:00'), { externalAgencyName: 'Chi cục Thuế khu vực Vị Thanh', toStep: 1 }, { fromStep: 1, toStep: 1 });
    await db.insert(dossierAgencyPeriods).values({ dossierId: dossier.id, externalAgencyName: 'Chi cục Thuế khu vực Vị Thanh', role: 'participating', startedAt: fromLocal('2021-06-04', '09:00') });
    const { structure, text } = await pdfText(await form(desk, dossier.id, '05'));
    expect(structure.mediaBoxes).toEqual([A4]);
    if (text === undefined) return;
    for (const expected of [
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      'Giao: Bộ phận Một cửa Sở Tài nguyên và Môi trường',
      'Nhận: Phòng Chuyên môn',
      '10 giờ 00 phút, ngày 01/06/2021',
      'Trước hạn',
      'Nhận: Chi cục Thuế khu vực Vị Thanh',
      'Quá hạn',
      'Cơ quan phối hợp giải quyết hồ sơ: Chi cục Thuế khu vực Vị Thanh',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });
});

describe('GET /api/forms/tracking-book.(pdf|xlsx)', () => {
  const url = (format: string, agencyId: string, from: string, to: string) => `/api/forms/tracking-book.${format}?agencyId=${agencyId}&from=${from}&to=${to}`;

  it('guards: 401 anonymous, 403 without the personal-data permission or outside scope, 400 for a reversed period', async () => {
    expect((await t.app.inject({ method: 'GET', url: url('pdf', agency.id, '2021-03-01', '2021-03-31') })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: url('pdf', agency.id, '2021-03-01', '2021-03-31'), headers: citizen.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: url('pdf', agency.id, '2021-03-01', '2021-03-31'), headers: deskOutside.headers })).statusCode).toBe(403);
    const reversed = await t.app.inject({ method: 'GET', url: url('pdf', agency.id, '2021-03-31', '2021-03-01'), headers: desk.headers });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details.fields[0].message).toBe('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc');
  });

  it('prints the desk’s book for the period (2018 form for March 2021) and audits the export', async () => {
    const res = await t.app.inject({ method: 'GET', url: url('pdf', agency.id, '2021-03-01', '2021-03-31'), headers: desk.headers });
    const { structure, text } = await pdfText(res);
    expect(structure.mediaBoxes).toEqual([[A4[1], A4[0]]]);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'tracking_book'), eq(auditLog.subjectId, agency.id)));
    expect(audit.at(-1)).toMatchObject({ action: 'personal_data.viewed', summary: { from: '2021-03-01', to: '2021-03-31', format: 'pdf', rows: 1 } });
    if (text === undefined) return;
    expect(text).toContain('Mẫu số 06');
    expect(text).toContain('Từ ngày 01/03/2021 đến ngày 31/03/2021');
    expect(text).toContain(old.code);
    expect(text).not.toContain(current.code);
  });

  it('exports the same book as XLSX with the period and agency above Vietnamese headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: url('xlsx', agency.id, '2026-03-01', '2026-03-31'), headers: desk.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const L = TRACKING_BOOK_XLSX_LAYOUT;
    expect(sheet.getCell(L.titleRow, 1).text).toBe('SỔ THEO DÕI HỒ SƠ (Mẫu số 07)');
    expect(sheet.getCell(L.agencyRow, 1).text).toContain('Sở Tài nguyên và Môi trường');
    expect(sheet.getCell(L.periodRow, 1).text).toContain('Từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(sheet.getCell(L.groupHeaderRow, 2).text).toBe('Mã hồ sơ');
    const codes: string[] = [];
    for (let row = L.firstDataRow; sheet.getCell(row, 2).text; row++) codes.push(sheet.getCell(row, 2).text);
    const inMarch = await t.database.db
      .select({ code: dossiers.code })
      .from(dossiers)
      .where(and(eq(dossiers.receivingAgencyId, agency.id), sql`${dossiers.receivedAt} >= ${fromLocal('2026-03-01').toISOString()} AND ${dossiers.receivedAt} < ${fromLocal('2026-04-01').toISOString()}`));
    expect(codes.sort()).toEqual(inMarch.map((d) => d.code).sort());
    expect(codes).toContain(current.code);
  });
});
