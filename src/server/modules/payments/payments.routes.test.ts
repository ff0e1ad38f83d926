import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, dossiers, paymentEvents, payments } from '../../db/schema';
import { createTestApp, type Client, type TestContext } from '../../test/test-app';
import type { TestAgency } from '../../test/factories';
import { simulatedGatewayFor } from './gateway/gateways';
import { SIGNATURE_HEADER, type SignedCallback } from './gateway/simulated-gateway';
import { getDossierPaymentState } from './payment-state';
import { createDossierWorld, createTestDossier } from './test-dossier';

let t: TestContext;
let agency: TestAgency;
let citizen: Client;
let citizenId: string;
let otherCitizen: Client;
let desk: Client;
let deskOutside: Client;
let specialist: Client;

const FEES = [
  { name: 'Lệ phí cấp Giấy chứng nhận', amount: 100_000 },
  { name: 'Phí thẩm định hồ sơ', amount: 50_000 },
];
const FEE_TOTAL = FEES.reduce((s, f) => s + f.amount, 0);

beforeAll(async () => {
  t = await createTestApp();
  const world = await createDossierWorld(t.app, t.database.db);
  ({ agency, citizenId, citizen, otherCitizen, desk, deskOutside } = world);
  specialist = await world.staff('specialist');
});
afterAll(async () => t?.close());

const newDossier = (fees = FEES) => createTestDossier(t.database.db, { agency, applicantUserId: citizenId, fees });

function post(client: Client | null, url: string, payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...(client?.headers ?? {}), ...headers } });
}
const get = (client: Client | null, url: string) => t.app.inject({ method: 'GET', url, headers: client?.headers ?? {} });

async function payOnline(dossierId: string, client: Client = citizen) {
  const res = await post(client, '/api/payments', { method: 'online', dossierId, returnPath: `/ho-so/${dossierId}` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** What the simulated gateway page would send for each button. */
async function simulatorCallbacks(paymentId: string): Promise<{ pay: SignedCallback; cancel: SignedCallback }> {
  const page = await get(null, `/api/payments/simulator/${paymentId}`);
  expect(page.statusCode).toBe(200);
  const match = /const callbacks = (\{.*\});\n/.exec(page.body);
  return JSON.parse(match![1]!);
}

const sendCallback = (cb: SignedCallback, headers: Record<string, string> = cb.headers) =>
  t.app.inject({ method: 'POST', url: '/api/payments/callback', payload: cb.body, headers });

const countEvents = async (paymentId?: string) =>
  paymentId ? t.database.db.$count(paymentEvents, eq(paymentEvents.paymentId, paymentId)) : t.database.db.$count(paymentEvents);
const auditOf = (subjectId: string) => t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId));
const paymentRow = async (id: string) => (await t.database.db.select().from(payments).where(eq(payments.id, id)))[0]!;
const dossierPaymentState = async (id: string) => (await t.database.db.select({ s: dossiers.paymentState }).from(dossiers).where(eq(dossiers.id, id)))[0]!.s;

describe('POST /api/payments: access and validation', () => {
  it('answers 401 to an anonymous request before looking at the body', async () => {
    const res = await post(null, '/api/payments', { method: 'desk' });
    expect(res.statusCode).toBe(401);
  });

  it('rejects a desk payment without a receipt number, in Vietnamese, writing nothing', async () => {
    const dossier = await newDossier();
    const before = await t.database.db.$count(payments);
    const res = await post(desk, '/api/payments', { method: 'desk', dossierId: dossier.id, receiptNumber: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.json().error.details)).toContain('Số biên lai không được để trống');
    expect(await t.database.db.$count(payments)).toBe(before);
  });

  it('refuses a return path that leaves the site (no open redirect)', async () => {
    const dossier = await newDossier();
    const res = await post(citizen, '/api/payments', { method: 'online', dossierId: dossier.id, returnPath: '//evil.example/' });
    expect(res.statusCode).toBe(400);
  });

  it('hides another applicant’s dossier (404) and another province’s (404)', async () => {
    const dossier = await newDossier();
    expect((await post(otherCitizen, '/api/payments', { method: 'online', dossierId: dossier.id })).statusCode).toBe(404);
    expect((await post(deskOutside, '/api/payments', { method: 'desk', dossierId: dossier.id, receiptNumber: '0000001' })).statusCode).toBe(404);
    expect((await get(otherCitizen, `/api/dossiers/${dossier.id}/payments`)).statusCode).toBe(404);
    expect(await t.database.db.$count(payments, eq(payments.dossierId, dossier.id))).toBe(0);
  });

  it('lets only desk officers record cash at the counter (403 for the applicant and a specialist)', async () => {
    const dossier = await newDossier();
    expect((await post(citizen, '/api/payments', { method: 'desk', dossierId: dossier.id, receiptNumber: '0000002' })).statusCode).toBe(403);
    expect((await post(specialist, '/api/payments', { method: 'desk', dossierId: dossier.id, receiptNumber: '0000002' })).statusCode).toBe(403);
  });

  it('answers PAYMENT_NOT_DUE for a dossier without fees, whose payment state stays "not required"', async () => {
    const dossier = await newDossier([]);
    const state = await getDossierPaymentState(t.database.db, dossier.id);
    expect(state).toMatchObject({ state: 'not_required', amountDue: 0, amountPaid: 0, balance: 0 });
    const res = await post(citizen, '/api/payments', { method: 'online', dossierId: dossier.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PAYMENT_NOT_DUE');
  });
});

describe('online payment through the simulated gateway', () => {
  it('charges the catalog fees, sends the payer to the gateway and records the result from the signed callback', async () => {
    const dossier = await newDossier();
    const payment = await payOnline(dossier.id);
    expect(payment).toMatchObject({ status: 'pending', method: 'online', amount: FEE_TOTAL, amountText: '150.000 đ', gateway: 'simulated', dossierCode: dossier.code });
    expect(payment.items).toEqual(FEES);
    expect(payment.redirectUrl).toBe(`${t.config.publicUrl}/api/payments/simulator/${payment.id}`);
    expect((await auditOf(payment.id)).map((a) => a.action)).toEqual(['payment.created']);
    expect(await dossierPaymentState(dossier.id)).toBe('unpaid');

    const page = await get(null, `/api/payments/simulator/${payment.id}`);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Thanh toán');
    expect(page.body).toContain('Hủy');
    expect(page.body).toContain(dossier.code);
    expect(page.body).toContain('150.000 đ');

    const { pay } = await simulatorCallbacks(payment.id);
    const res = await sendCallback(pay);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, result: 'applied', paymentStatus: 'paid' });

    const row = await paymentRow(payment.id);
    expect(row.status).toBe('paid');
    expect(row.paidAt).toBeInstanceOf(Date);
    expect(row.receiptNumber).toMatch(/^BLDT-/);
    expect(await dossierPaymentState(dossier.id)).toBe('paid');
    const [event] = await t.database.db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, payment.id));
    expect(event).toMatchObject({ status: 'paid', outcome: 'applied', signature: pay.signature, gatewayTransactionId: payment.gatewayTransactionId });
    expect((await auditOf(payment.id)).map((a) => a.action)).toEqual(['payment.created', 'payment.paid']);

    const state = (await get(citizen, `/api/dossiers/${dossier.id}/payments`)).json();
    expect(state).toMatchObject({ state: 'paid', stateLabel: 'Đã thanh toán', amountDue: FEE_TOTAL, amountPaid: FEE_TOTAL, balance: 0, pendingPaymentId: null });
    expect(state.abilities.pay_online).toBe(false);
    expect((await get(null, `/api/payments/simulator/${payment.id}`)).body).toContain('Giao dịch đã kết thúc');
  });

  it('stores a redelivered event once and changes nothing the second time', async () => {
    const dossier = await newDossier();
    const payment = await payOnline(dossier.id);
    const { pay } = await simulatorCallbacks(payment.id);
    const [first, second] = await Promise.all([sendCallback(pay), sendCallback(pay)]);
    expect([first.json().result, second.json().result].sort()).toEqual(['applied', 'duplicate']);
    const third = await sendCallback(pay);
    expect(third.json()).toEqual({ ok: true, result: 'duplicate', paymentStatus: 'paid' });
    expect(await countEvents(payment.id)).toBe(1);
    expect((await auditOf(payment.id)).map((a) => a.action)).toEqual(['payment.created', 'payment.paid']);
    const state = await getDossierPaymentState(t.database.db, dossier.id);
    expect(state.amountPaid).toBe(FEE_TOTAL);
  });

  it('ignores a "failed" arriving after "paid" (stored, audited, payment unchanged)', async () => {
    const dossier = await newDossier();
    const payment = await payOnline(dossier.id);
    const { pay, cancel } = await simulatorCallbacks(payment.id);
    await sendCallback(pay);
    const late = await sendCallback(cancel);
    expect(late.json()).toEqual({ ok: true, result: 'ignored', paymentStatus: 'paid' });
    expect((await paymentRow(payment.id)).status).toBe('paid');
    expect(await dossierPaymentState(dossier.id)).toBe('paid');
    const outcomes = (await t.database.db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, payment.id))).map((e) => e.outcome).sort();
    expect(outcomes).toEqual(['applied', 'ignored']);
    const ignored = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'payment.callback_ignored'));
    expect(ignored.some((a) => (a.summary as { paymentId?: string }).paymentId === payment.id)).toBe(true);
  });

  it('records a cancellation, then lets a late "paid" from the gateway win (the money moved)', async () => {
    const dossier = await newDossier();
    const payment = await payOnline(dossier.id);
    const { pay, cancel } = await simulatorCallbacks(payment.id);
    expect((await sendCallback(cancel)).json()).toEqual({ ok: true, result: 'applied', paymentStatus: 'failed' });
    expect((await paymentRow(payment.id)).failureReason).toBe('Người nộp hủy giao dịch');
    expect(await dossierPaymentState(dossier.id)).toBe('unpaid');
    expect((await sendCallback(pay)).json()).toEqual({ ok: true, result: 'applied', paymentStatus: 'paid' });
    expect(await dossierPaymentState(dossier.id)).toBe('paid');
  });

  it('rejects a bad signature with 400 and writes nothing', async () => {
    const dossier = await newDossier();
    const payment = await payOnline(dossier.id);
    const { pay } = await simulatorCallbacks(payment.id);
    const events = await countEvents();
    const audits = await t.database.db.$count(auditLog);
    const forged = await sendCallback(pay, { ...pay.headers, [SIGNATURE_HEADER]: `sha256=${'0'.repeat(64)}` });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error).toMatchObject({ code: 'PAYMENT_SIGNATURE_INVALID', message: 'Chữ ký của thông báo thanh toán không hợp lệ' });
    const tampered = await sendCallback({ ...pay, body: pay.body.replace(`"amount":${FEE_TOTAL}`, '"amount":1') });
    expect(tampered.statusCode).toBe(400);
    const unsigned = await sendCallback(pay, { 'content-type': 'application/json' });
    expect(unsigned.statusCode).toBe(400);
    expect(await countEvents()).toBe(events);
    expect(await t.database.db.$count(auditLog)).toBe(audits);
    expect((await paymentRow(payment.id)).status).toBe('pending');
  });

  it('does not mark paid when the gateway reports another amount, nor for an unknown transaction', async () => {
    const dossier = await newDossier();
    const payment = await payOnline(dossier.id);
    const gateway = simulatedGatewayFor(t.config)!;
    const wrong = gateway.buildCallback({ transactionId: payment.gatewayTransactionId, paymentId: payment.id, amount: FEE_TOTAL - 1, outcome: 'success' });
    expect((await sendCallback(wrong)).json()).toEqual({ ok: true, result: 'ignored', paymentStatus: 'pending' });
    const [event] = await t.database.db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, payment.id));
    expect(event!.outcome).toBe('amount_mismatch');
    const stray = gateway.buildCallback({ transactionId: 'SIM-KHONGTONTAI', paymentId: randomUUID(), amount: 1000, outcome: 'success' });
    expect((await sendCallback(stray)).json()).toEqual({ ok: true, result: 'ignored', paymentStatus: null });
    const strayEvents = await t.database.db.select().from(paymentEvents).where(eq(paymentEvents.gatewayTransactionId, 'SIM-KHONGTONTAI'));
    expect(strayEvents.map((e) => e.outcome)).toEqual(['unknown_transaction']);
    expect(await dossierPaymentState(dossier.id)).toBe('unpaid');
  });

  it('returns the pending payment instead of opening a second one, and honours Idempotency-Key', async () => {
    const dossier = await newDossier();
    const key = `pay-${randomUUID()}`;
    const first = await post(citizen, '/api/payments', { method: 'online', dossierId: dossier.id }, { 'idempotency-key': key });
    const retry = await post(citizen, '/api/payments', { method: 'online', dossierId: dossier.id }, { 'idempotency-key': key });
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    const reused = await post(citizen, '/api/payments', { method: 'online', dossierId: dossier.id, returnPath: '/khac' }, { 'idempotency-key': key });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const again = await payOnline(dossier.id);
    expect(again.id).toBe(first.json().id);
    expect(await t.database.db.$count(payments, eq(payments.dossierId, dossier.id))).toBe(1);
    expect((await auditOf(first.json().id)).filter((a) => a.action === 'payment.created')).toHaveLength(1);
  });

  it('lets the applicant cancel a pending payment and start again', async () => {
    const dossier = await newDossier();
    const payment = await payOnline(dossier.id);
    expect((await post(otherCitizen, `/api/payments/${payment.id}/cancel`, {})).statusCode).toBe(404);
    const cancelled = await post(citizen, `/api/payments/${payment.id}/cancel`, {});
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'failed', statusLabel: 'Không thành công', redirectUrl: null });
    expect((await post(citizen, `/api/payments/${payment.id}/cancel`, {})).json().error.code).toBe('PAYMENT_NOT_PENDING');
    const next = await payOnline(dossier.id);
    expect(next.id).not.toBe(payment.id);
  });
});

describe('payment at the desk', () => {
  it('records cash with a receipt number, marks the dossier paid and refuses a second collection', async () => {
    const dossier = await newDossier();
    const res = await post(desk, '/api/payments', { method: 'desk', dossierId: dossier.id, receiptNumber: 'AA/21E-0000123', payerName: 'Nguyễn Thị Hồng Nhung' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ method: 'desk', status: 'paid', amount: FEE_TOTAL, receiptNumber: 'AA/21E-0000123', gateway: null, redirectUrl: null });
    expect(await dossierPaymentState(dossier.id)).toBe('paid');
    const audit = await auditOf(res.json().id);
    expect(audit.map((a) => a.action)).toEqual(['payment.desk_recorded']);
    expect(audit[0]!.summary).toMatchObject({ amount: FEE_TOTAL, receiptNumber: 'AA/21E-0000123' });

    const twice = await post(desk, '/api/payments', { method: 'desk', dossierId: dossier.id, receiptNumber: 'AA/21E-0000124' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('PAYMENT_NOT_DUE');
    const online = await post(citizen, '/api/payments', { method: 'online', dossierId: dossier.id });
    expect(online.json().error.code).toBe('PAYMENT_NOT_DUE');
  });

  it('refuses a receipt number already used by the agency', async () => {
    const a = await newDossier();
    const b = await newDossier();
    expect((await post(desk, '/api/payments', { method: 'desk', dossierId: a.id, receiptNumber: '0000777' })).statusCode).toBe(201);
    const res = await post(desk, '/api/payments', { method: 'desk', dossierId: b.id, receiptNumber: '0000777' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'RECEIPT_NUMBER_TAKEN', details: { fields: [{ path: 'body.receiptNumber' }] } });
    expect(await dossierPaymentState(b.id)).toBe('unpaid');
  });

  it('gives a receipt number to one of two counters recording it at the same moment', async () => {
    const a = await newDossier();
    const b = await newDossier();
    const results = await Promise.all([a, b].map((d) => post(desk, '/api/payments', { method: 'desk', dossierId: d.id, receiptNumber: '0000999' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('RECEIPT_NUMBER_TAKEN');
    expect(await t.database.db.$count(payments, eq(payments.receiptNumber, '0000999'))).toBe(1);
  });

  it('refuses to collect at the counter while an online payment is pending', async () => {
    const dossier = await newDossier();
    await payOnline(dossier.id);
    const res = await post(desk, '/api/payments', { method: 'desk', dossierId: dossier.id, receiptNumber: '0000888' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PAYMENT_PENDING_ONLINE');
    const rows = await t.database.db.select().from(payments).where(and(eq(payments.dossierId, dossier.id), sql`${payments.method} = 'desk'`));
    expect(rows).toHaveLength(0);
  });

  it('shows staff in scope the dossier’s payments with the buttons they may use', async () => {
    const dossier = await newDossier();
    const before = (await get(desk, `/api/dossiers/${dossier.id}/payments`)).json();
    expect(before).toMatchObject({ state: 'unpaid', stateLabel: 'Chưa thanh toán', amountDue: FEE_TOTAL, amountPaid: 0, balance: FEE_TOTAL, payments: [] });
    expect(before.abilities).toMatchObject({ read: true, record_desk: true });
    expect((await get(citizen, `/api/dossiers/${dossier.id}/payments`)).json().abilities).toMatchObject({ read: true, pay_online: true, record_desk: false });
    expect((await get(deskOutside, `/api/dossiers/${dossier.id}/payments`)).statusCode).toBe(404);
  });
});
