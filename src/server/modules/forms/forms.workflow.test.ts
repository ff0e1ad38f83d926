/**
 * Forms and fees on dossiers made by the real intake and actions (not fixtures): a 2021 desk dossier gets the
 * TT 01/2018 forms and a 2026 one the TT 03/2025 forms, filled from what the workflow recorded; the fee charged is
 * the one intake copied from the catalog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dossiers } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { TEST_PASSWORD } from '../../test/factories';
import { act, at, createDossierWorld, receive, type DossierWorld } from '../dossiers/dossiers.test-support';
import { simulatedGatewayFor } from '../payments/gateway/gateways';
import { extractPdfText, inspectPdf } from './pdf/pdf-inspection';

const A4 = [595.28, 841.89];
const A5 = [419.53, 595.28];
const FEE = { name: 'Lệ phí cấp bản sao trích lục hộ tịch', amount: 8_000 };

let t: TestContext;
let w: DossierWorld;
let desk: Client;
let citizen: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await createDossierWorld(t.database.db, { fees: [FEE], name: 'Cấp bản sao trích lục hộ tịch' });
  desk = await signIn(t.app, w.staff.desk.login, TEST_PASSWORD);
  citizen = await signIn(t.app, w.citizen.login, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const form = (client: Client, id: string, formNo: string) => t.app.inject({ method: 'GET', url: `/api/dossiers/${id}/forms/${formNo}.pdf`, headers: client.headers });

async function text(res: { statusCode: number; rawPayload: Buffer; body: string }) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return { structure: inspectPdf(res.rawPayload), text: extractPdfText(res.rawPayload) };
}

describe('forms of a dossier received at the desk in 2021', () => {
  it('prints the receipt, the supplement request and the control sheet from what the workflow recorded', async () => {
    // Mon 01/03/2021 09:00, 5 working days: due Mon 08/03/2021 09:00.
    const { dossierId, code, trackingSecret } = await receive(t.database.db, w, at('2021-03-01', '09:00'), { applicant: { kind: 'individual', fullName: 'Nguyễn Thị Hồng Nhung', phone: '0912345678', userId: w.citizen.id } });
    const receipt = await t.app.inject({ method: 'POST', url: `/api/dossiers/${dossierId}/forms/01.pdf`, headers: desk.headers, payload: { trackingSecret } });
    const r = await text(receipt);
    expect(r.structure.mediaBoxes).toEqual([A5]);
    if (r.text !== undefined) {
      for (const expected of [
        '01/2018/TT-VPCP',
        `Mã hồ sơ: ${code}`,
        `Mã tra cứu: ${trackingSecret}`,
        'Nguyễn Thị Hồng Nhung',
        'Cấp bản sao trích lục hộ tịch',
        'Bản sao giấy khai sinh',
        'Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 01/03/2021',
        'Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 08/03/2021',
        'Phí, lệ phí: 8.000 đ',
        'Lê Thị Một Cửa',
      ]) {
        expect(r.text, expected).toContain(expected);
      }
    }

    await act(t.database.db, w.actors.desk, dossierId, { action: 'forward' }, at('2021-03-01', '09:30'));
    await act(
      t.database.db,
      w.actors.specialist,
      dossierId,
      { action: 'request_supplement', items: [{ index: 1, name: 'Bản sao giấy khai sinh', reason: 'Bản sao không rõ nét' }], comment: 'Thành phần hồ sơ chưa hợp lệ' },
      at('2021-03-02', '10:00'),
    );
    const supplement = await text(await form(citizen, dossierId, '02'));
    expect(supplement.structure.mediaBoxes).toEqual([A5]);
    if (supplement.text !== undefined) {
      for (const expected of ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'Bản sao không rõ nét', 'Lý do: Thành phần hồ sơ chưa hợp lệ', 'ngày 02 tháng 3 năm 2021', 'Trần Văn Chuyên']) {
        expect(supplement.text, expected).toContain(expected);
      }
    }

    const control = await text(await form(desk, dossierId, '05'));
    expect(control.structure.mediaBoxes).toEqual([A4]);
    if (control.text !== undefined) {
      expect(control.text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
      expect(control.text).toContain('09 giờ 30 phút, ngày 01/03/2021');
      expect(control.text).toContain('Lê Thị Một Cửa');
    }
    expect((await form(citizen, dossierId, '05')).statusCode).toBe(403);
  });
});

describe('fees of a dossier received at the desk in 2026', () => {
  it('charges the catalog fee intake copied, records the gateway’s signed result and reprints the receipt on the 2025 form', async () => {
    // Thu 05/03/2026 09:00.
    const { dossierId } = await receive(t.database.db, w, at('2026-03-05', '09:00'), { applicant: { kind: 'individual', fullName: 'Nguyễn Thị Hồng Nhung', phone: '0912345678', userId: w.citizen.id } });
    const [before] = await t.database.db.select({ feeTotal: dossiers.feeTotal, paymentState: dossiers.paymentState }).from(dossiers).where(eq(dossiers.id, dossierId));
    expect(before).toEqual({ feeTotal: FEE.amount, paymentState: 'unpaid' });

    const created = await t.app.inject({ method: 'POST', url: '/api/payments', headers: citizen.headers, payload: { method: 'online', dossierId } });
    expect(created.statusCode, created.body).toBe(201);
    const payment = created.json();
    expect(payment).toMatchObject({ amount: FEE.amount, items: [{ name: FEE.name, amount: FEE.amount }] });
    const callback = simulatedGatewayFor(t.config)!.buildCallback({ transactionId: payment.gatewayTransactionId, paymentId: payment.id, amount: payment.amount, outcome: 'success' });
    const res = await t.app.inject({ method: 'POST', url: '/api/payments/callback', payload: callback.body, headers: callback.headers });
    expect(res.json().result).toBe('applied');
    const [after] = await t.database.db.select({ paymentState: dossiers.paymentState, status: dossiers.status }).from(dossiers).where(eq(dossiers.id, dossierId));
    // Payment is its own state: the processing status is untouched.
    expect(after).toEqual({ paymentState: 'paid', status: 'received' });

    const receipt = await text(await form(desk, dossierId, '01'));
    expect(receipt.structure.mediaBoxes).toEqual([A4]);
    if (receipt.text !== undefined) {
      expect(receipt.text).toContain('03/2025/TT-VPCP');
      expect(receipt.text).toContain('BỘ PHẬN MỘT CỬA');
      expect(receipt.text).toContain('Phí, lệ phí: 8.000 đ; hình thức nộp: đã thanh toán trực tuyến');
    }
  });
});
