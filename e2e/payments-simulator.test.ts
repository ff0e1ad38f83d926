import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dossiers, payments } from '../src/server/db/schema';
import { createTestDossier } from '../src/server/modules/payments/test-dossier';
import { createAgency, createCitizen } from '../src/server/test/factories';
import { expectAccessible, newContext, screenshot, watchPageErrors } from './support/browser';
import { useBrowserTestEnvironment } from './support/setup';

const env = useBrowserTestEnvironment();

/** A citizen's dossier with a fee, and the citizen signed in through the API in a fresh browser context. */
async function setUp() {
  const db = env.server.database.db;
  const agency = await createAgency(db, { name: 'Sở Tài nguyên và Môi trường' });
  const citizen = await createCitizen(db, 'Nguyễn Thị Hồng Nhung');
  const dossier = await createTestDossier(db, { agency, applicantUserId: citizen.id, fees: [{ name: 'Lệ phí cấp Giấy chứng nhận', amount: 150_000 }] });
  const context = await newContext(env.browser, env.server.baseURL);
  const login = await context.request.post('/api/auth/login', { data: { identifier: citizen.login, password: citizen.password } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await context.request.post('/api/payments', {
    data: { method: 'online', dossierId: dossier.id, returnPath: '/' },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(created.status()).toBe(201);
  const payment = (await created.json()) as { id: string; redirectUrl: string };
  return { db, dossier, context, payment };
}

describe('simulated payment gateway page', () => {
  it('pays: the signed callback marks the payment and the dossier paid, then the browser returns to the site', async () => {
    const { db, dossier, context, payment } = await setUp();
    const page = await context.newPage();
    const problems = watchPageErrors(page);
    // The redirect URL names the configured public address; the page itself is served by this test server.
    await page.goto(new URL(payment.redirectUrl).pathname);
    expect(await page.getByRole('heading', { level: 1, name: 'Cổng thanh toán mô phỏng' }).isVisible()).toBe(true);
    expect(await page.getByText(dossier.code).isVisible()).toBe(true);
    expect(await page.getByText('150.000 đ').first().isVisible()).toBe(true);
    await expectAccessible(page, 'simulator');
    await screenshot(page, 'payment-simulator-1280');

    await page.getByRole('button', { name: 'Thanh toán' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const [row] = await db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row!.status).toBe('paid');
    const [d] = await db.select({ paymentState: dossiers.paymentState }).from(dossiers).where(eq(dossiers.id, dossier.id));
    expect(d!.paymentState).toBe('paid');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('cancels: the payment fails, the dossier stays unpaid', async () => {
    const { db, dossier, context, payment } = await setUp();
    const page = await context.newPage();
    await page.goto(new URL(payment.redirectUrl).pathname);
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const [row] = await db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row).toMatchObject({ status: 'failed', failureReason: 'Người nộp hủy giao dịch' });
    const [d] = await db.select({ paymentState: dossiers.paymentState }).from(dossiers).where(eq(dossiers.id, dossier.id));
    expect(d!.paymentState).toBe('unpaid');
    await page.goto(new URL(payment.redirectUrl).pathname);
    expect(await page.getByText('Giao dịch đã kết thúc').isVisible()).toBe(true);
    await context.close();
  });
});
