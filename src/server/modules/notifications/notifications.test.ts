import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema';
import { createAgency, createStaff } from '../../test/factories';
import { createTestApp, signIn, type TestContext } from '../../test/test-app';
import { createJobRunner } from '../../jobs/runner';
import { builtInSchedules } from '../../jobs';
import { enqueueNotification } from './enqueue-notification';
import { deliverPendingNotifications, NOTIFICATION_MAX_ATTEMPTS } from './deliver-notifications';
import { maskIdNumber } from '../../../shared/text';
import { type EmailAdapter, type NotificationAdapters, type OutgoingEmail, type OutgoingSms, type SmsAdapter } from './notification-adapters';
import { SmtpEmailAdapter } from './smtp-email-adapter';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.database.db.delete(notifications);
});

/** An SMS gateway that is down: every send fails, as a real outage would. */
class UnreachableGateway implements SmsAdapter, EmailAdapter {
  readonly name = 'unreachable';
  calls = 0;
  async send(): Promise<void> {
    this.calls++;
    throw new Error('connect ECONNREFUSED 10.0.0.1:443');
  }
}

/** Keeps what it was asked to send (the local outbox with a memory). */
class RecordingOutbox implements EmailAdapter, SmsAdapter {
  readonly name = 'recording';
  sent: (OutgoingEmail | OutgoingSms)[] = [];
  async send(message: OutgoingEmail | OutgoingSms) {
    this.sent.push(message);
  }
}

async function rows() {
  // The same order as delivery (created_at, then id): two messages may share a timestamp.
  return t.database.db.select().from(notifications).orderBy(notifications.createdAt, notifications.id);
}

describe('notification delivery', () => {
  it('sends pending email and SMS through their adapters and marks them sent', async () => {
    await enqueueNotification(t.database.db, { channel: 'email', recipient: 'an@example.com', subject: 'Hồ sơ đã tiếp nhận', body: 'Kính gửi ông Nguyễn Văn An' });
    await enqueueNotification(t.database.db, { channel: 'sms', recipient: '0912345678', body: 'Ho so 000.00.20.H33-210615-0001 da co ket qua' });
    const outbox = new RecordingOutbox();
    const result = await deliverPendingNotifications(t.database, { email: outbox, sms: outbox });
    expect(result).toEqual({ sent: 2, retrying: 0, failed: 0, skipped: false });
    expect(outbox.sent).toEqual([
      { to: 'an@example.com', subject: 'Hồ sơ đã tiếp nhận', text: 'Kính gửi ông Nguyễn Văn An' },
      { to: '0912345678', text: 'Ho so 000.00.20.H33-210615-0001 da co ket qua' },
    ]);
    for (const row of await rows()) {
      expect(row.status).toBe('sent');
      expect(row.attempts).toBe(1);
      expect(row.sentAt).not.toBeNull();
    }
    // Nothing left: a second run sends nothing again.
    expect((await deliverPendingNotifications(t.database, { email: outbox, sms: outbox })).sent).toBe(0);
    expect(outbox.sent).toHaveLength(2);
  });

  it('records the error, keeps the message for a later retry, and spares the rest of a failing channel', async () => {
    for (const phone of ['0912345678', '0987654321']) await enqueueNotification(t.database.db, { channel: 'sms', recipient: phone, body: 'Thông báo' });
    await enqueueNotification(t.database.db, { channel: 'email', recipient: 'binh@example.com', subject: 'S', body: 'B' });
    const down = new UnreachableGateway();
    const outbox = new RecordingOutbox();
    const result = await deliverPendingNotifications(t.database, { email: outbox, sms: down });
    expect(result).toEqual({ sent: 1, retrying: 1, failed: 0, skipped: false });
    expect(down.calls).toBe(1);
    const sms = (await rows()).filter((r) => r.channel === 'sms');
    expect(sms.map((r) => [r.status, r.attempts])).toEqual([
      ['pending', 1],
      ['pending', 0],
    ]);
    expect(sms[0]!.lastError).toMatch(/ECONNREFUSED/);
    // The failed message waits (4 minutes after its first failure) before it is tried again.
    const again = await deliverPendingNotifications(t.database, { email: outbox, sms: down });
    expect(again.retrying).toBe(1);
    expect((await rows()).find((r) => r.lastError !== null)!.attempts).toBe(1);
  });

  it('marks a message failed after the last attempt', async () => {
    await enqueueNotification(t.database.db, { channel: 'sms', recipient: '0912345678', body: 'Thông báo' });
    const down = new UnreachableGateway();
    for (let i = 0; i < NOTIFICATION_MAX_ATTEMPTS; i++) {
      // Move the message's creation back so that its next retry is due now.
      await t.database.db.execute(sql`UPDATE notifications SET created_at = now() - interval '1 year'`);
      await deliverPendingNotifications(t.database, { email: down, sms: down });
    }
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: NOTIFICATION_MAX_ATTEMPTS });
    await t.database.db.execute(sql`UPDATE notifications SET created_at = now() - interval '2 years'`);
    await deliverPendingNotifications(t.database, { email: down, sms: down });
    expect(down.calls).toBe(NOTIFICATION_MAX_ATTEMPTS);
  });

  it('is delivered by the scheduled job through the local outbox when no SMTP server is configured', async () => {
    await enqueueNotification(t.database.db, { channel: 'email', recipient: 'an@example.com', subject: 'S', body: 'B' });
    const runner = createJobRunner({ database: t.database, config: t.config, schedules: builtInSchedules });
    await runner.ensureSchedules();
    await runner.drain();
    const [row] = await rows();
    expect(row!.status).toBe('sent');
    const [job] = await t.database.db.execute(sql`SELECT status FROM jobs WHERE kind = 'notifications.deliver'`).then((r) => (r as unknown as { rows: { status: string }[] }).rows);
    expect(job!.status).toBe('done');
  });

  it('does not deliver twice when two deliveries are asked at once', async () => {
    for (let i = 0; i < 5; i++) await enqueueNotification(t.database.db, { channel: 'email', recipient: `c${i}@example.com`, subject: 'S', body: 'B' });
    const outbox = new RecordingOutbox();
    const adapters: NotificationAdapters = { email: outbox, sms: outbox };
    await Promise.all([deliverPendingNotifications(t.database, adapters), deliverPendingNotifications(t.database, adapters)]);
    expect(outbox.sent).toHaveLength(5);
  });
});

/** A minimal SMTP server, as a real peer on a socket, that keeps what it receives. */
function startSmtpServer(options: { rejectRecipient?: boolean } = {}) {
  const received: { auth?: string; from?: string; to?: string; data?: string } = {};
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          received.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.split(' ')[0]!.toUpperCase();
        if (verb === 'EHLO') socket.write('250-test\r\n250 AUTH PLAIN\r\n');
        else if (verb === 'AUTH') {
          received.auth = Buffer.from(line.split(' ')[2]!, 'base64').toString('utf8');
          socket.write('235 ok\r\n');
        } else if (verb === 'MAIL') {
          received.from = line;
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          received.to = line;
          socket.write(options.rejectRecipient ? '550 5.1.1 no such user\r\n' : '250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('500 unknown\r\n');
      }
    });
  });
  return new Promise<{ port: number; received: typeof received; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, received, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

describe('SMTP email adapter', () => {
  it('authenticates and sends a UTF-8 message', async () => {
    const smtp = await startSmtpServer();
    try {
      const adapter = new SmtpEmailAdapter(`smtp://motcua:b%C3%AD%20m%E1%BA%ADt@127.0.0.1:${smtp.port}?from=no-reply@haugiang.example&name=Một cửa Hậu Giang`);
      await adapter.send({ to: 'an@example.com', subject: 'Hồ sơ đã có kết quả', text: 'Kính gửi ông An,\n.\nHồ sơ của ông đã có kết quả.' });
      expect(smtp.received.auth).toBe('\0motcua\0bí mật');
      expect(smtp.received.from).toBe('MAIL FROM:<no-reply@haugiang.example>');
      expect(smtp.received.to).toBe('RCPT TO:<an@example.com>');
      const [headers, body] = smtp.received.data!.split('\r\n\r\n');
      const subject = /^Subject: =\?UTF-8\?B\?(.+)\?=$/m.exec(headers!)![1]!;
      expect(Buffer.from(subject, 'base64').toString('utf8')).toBe('Hồ sơ đã có kết quả');
      expect(headers).toMatch(/^Content-Type: text\/plain; charset=UTF-8$/m);
      expect(Buffer.from(body!.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe('Kính gửi ông An,\n.\nHồ sơ của ông đã có kết quả.');
    } finally {
      await smtp.close();
    }
  });

  it('fails with the server answer when the recipient is refused', async () => {
    const smtp = await startSmtpServer({ rejectRecipient: true });
    try {
      const adapter = new SmtpEmailAdapter(`smtp://127.0.0.1:${smtp.port}`);
      await expect(adapter.send({ to: 'nobody@example.com', subject: 's', text: 't' })).rejects.toThrow(/RCPT TO refused: 550 5\.1\.1 no such user/);
    } finally {
      await smtp.close();
    }
  });

  it('refuses a recipient that would inject SMTP commands', async () => {
    const adapter = new SmtpEmailAdapter('smtp://127.0.0.1:1');
    await expect(adapter.send({ to: 'a@example.com>\r\nRCPT TO:<b@example.com', subject: 's', text: 't' })).rejects.toThrow(/Invalid email recipient/);
  });
});

describe('GET /api/notifications/outbox', () => {
  it('answers 401 without a session and 403 without outbox.read', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications/outbox' })).statusCode).toBe(401);
    const agency = await createAgency(t.database.db);
    const officer = await createStaff(t.database.db, agency, ['desk_officer']);
    const client = await signIn(t.app, officer.login, officer.password);
    const res = await t.app.inject({ method: 'GET', url: '/api/notifications/outbox', headers: client.headers });
    expect(res.statusCode).toBe(403);
  });

  it('lists the newest messages first with filters, status counts and ID numbers masked', async () => {
    const agency = await createAgency(t.database.db);
    const admin = await createStaff(t.database.db, agency, ['administrator']);
    const client = await signIn(t.app, admin.login, admin.password);
    await enqueueNotification(t.database.db, { channel: 'email', recipient: 'an@example.com', subject: 'Tiếp nhận', body: 'CCCD 093090001234 đã nộp hồ sơ', relatedType: 'dossier', relatedId: 'D1' });
    await enqueueNotification(t.database.db, { channel: 'sms', recipient: '0912345678', body: 'Đã có kết quả' });
    await t.database.db.update(notifications).set({ status: 'sent', sentAt: new Date(), attempts: 1 }).where(eq(notifications.channel, 'sms'));
    // Two inserts can share a timestamp (and ids are random): the e-mail is made a minute older, so "newest first" is defined.
    await t.database.db.update(notifications).set({ createdAt: sql`now() - interval '1 minute'` }).where(eq(notifications.channel, 'email'));

    const res = await t.app.inject({ method: 'GET', url: '/api/notifications/outbox', headers: client.headers });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 2, totalCapped: false, page: 1, pageSize: 20, counts: { pending: 1, failed: 0 }, delivery: { email: 'local-outbox', sms: 'local-sms-simulator' } });
    expect(page.items.map((m: { channel: string }) => m.channel)).toEqual(['sms', 'email']);
    const email = page.items[1];
    expect(email).toMatchObject({ recipient: 'an@example.com', status: 'pending', related: { type: 'dossier', id: 'D1' } });
    expect(email.body).not.toContain('093090001234');
    // Masked as everywhere else (first four and last two digits kept).
    expect(email.body).toContain(maskIdNumber('093090001234'));
    expect(maskIdNumber('093090001234')).toBe('0930******34');

    const filtered = await t.app.inject({ method: 'GET', url: '/api/notifications/outbox?status=sent&channel=sms', headers: client.headers });
    expect(filtered.json()).toMatchObject({ total: 1, items: [{ recipient: '0912345678', status: 'sent' }] });
    const byRecipient = await t.app.inject({ method: 'GET', url: '/api/notifications/outbox?recipient=AN@example', headers: client.headers });
    expect(byRecipient.json().total).toBe(1);

    const bad = await t.app.inject({ method: 'GET', url: '/api/notifications/outbox?status=lost', headers: client.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });
});
