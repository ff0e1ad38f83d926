/**
 * A small SMTP client (RFC 5321) for the outbox: one connection per message, STARTTLS when the server offers it
 * (smtp://, port 587) or implicit TLS (smtps://, port 465), AUTH PLAIN, UTF-8 subject and base64 body.
 * SMTP_URL: smtp[s]://user:password@host[:port]?from=no-reply@example.gov.vn[&name=...][&starttls=false]
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import type { EmailAdapter, OutgoingEmail } from './notification-adapters';

interface SmtpSettings {
  host: string;
  port: number;
  implicitTls: boolean;
  starttls: boolean;
  user?: string;
  password?: string;
  from: string;
  fromName: string;
}

export function parseSmtpUrl(url: string): SmtpSettings {
  const u = new URL(url);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const implicitTls = u.protocol === 'smtps:';
  const from = u.searchParams.get('from') ?? `no-reply@${u.hostname}`;
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : implicitTls ? 465 : 587,
    implicitTls,
    starttls: u.searchParams.get('starttls') !== 'false',
    user: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    from,
    fromName: u.searchParams.get('name') ?? 'MotCua',
  };
}

const encodeWord = (text: string) => (/^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`);

/** The RFC 5322 message: headers, then the UTF-8 text as base64 (so no line can start with a dot). */
export function buildMessage(settings: Pick<SmtpSettings, 'from' | 'fromName'>, message: OutgoingEmail, now = new Date()): string {
  const body = Buffer.from(message.text.normalize('NFC'), 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    `From: ${encodeWord(settings.fromName)} <${settings.from}>`,
    `To: <${message.to}>`,
    `Subject: ${encodeWord(message.subject)}`,
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@${settings.from.split('@')[1] ?? 'motcua'}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

/** Reads SMTP replies (possibly multi-line: "250-...", last "250 ...") off a socket. */
class ReplyReader {
  private buffer = '';
  private waiting?: { resolve: (r: { code: number; text: string }) => void; reject: (e: Error) => void };
  private failure?: Error;

  constructor(socket: net.Socket) {
    this.attach(socket);
  }

  attach(socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.flush();
    });
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new Error('SMTP connection closed')));
  }

  private fail(err: Error) {
    this.failure ??= err;
    this.waiting?.reject(err);
    this.waiting = undefined;
  }

  private flush() {
    if (!this.waiting) return;
    const lines = this.buffer.split('\r\n');
    for (let i = 0; i < lines.length - 1; i++) {
      if (/^\d{3} /.test(lines[i]!) || /^\d{3}$/.test(lines[i]!)) {
        const reply = lines.slice(0, i + 1);
        this.buffer = lines.slice(i + 1).join('\r\n');
        const waiting = this.waiting;
        this.waiting = undefined;
        waiting.resolve({ code: Number(reply[i]!.slice(0, 3)), text: reply.map((l) => l.slice(4)).join('\n') });
        return;
      }
    }
  }

  next(): Promise<{ code: number; text: string }> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.flush();
    });
  }
}

export class SmtpEmailAdapter implements EmailAdapter {
  readonly name = 'smtp';
  private readonly settings: SmtpSettings;

  constructor(
    url: string,
    private readonly options: { timeoutMs?: number; tlsOptions?: tls.ConnectionOptions; heloName?: string } = {},
  ) {
    this.settings = parseSmtpUrl(url);
  }

  async send(message: OutgoingEmail): Promise<void> {
    const s = this.settings;
    if (/[\r\n<>\s]/.test(message.to) || !message.to.includes('@')) throw new Error(`Invalid email recipient ${JSON.stringify(message.to)}`);
    const timeoutMs = this.options.timeoutMs ?? 20_000;
    let socket: net.Socket = await new Promise<net.Socket>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      const sock = s.implicitTls
        ? tls.connect({ host: s.host, port: s.port, servername: s.host, ...this.options.tlsOptions }, () => resolve(sock))
        : net.connect({ host: s.host, port: s.port }, () => resolve(sock));
      sock.once('error', onError);
    });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('SMTP server did not answer in time')));
    let reader = new ReplyReader(socket);
    const expect = async (codes: number[], what: string) => {
      const reply = await reader.next();
      if (!codes.includes(reply.code)) throw new Error(`SMTP ${what} refused: ${reply.code} ${reply.text}`.slice(0, 500));
      return reply;
    };
    const command = async (line: string, codes: number[], what = line.split(' ')[0]!) => {
      socket.write(`${line}\r\n`);
      return expect(codes, what);
    };
    try {
      await expect([220], 'greeting');
      const helo = this.options.heloName ?? 'motcua.localhost';
      let ehlo = await command(`EHLO ${helo}`, [250]);
      if (!s.implicitTls && s.starttls && /^STARTTLS\b/im.test(ehlo.text)) {
        await command('STARTTLS', [220]);
        socket.removeAllListeners('data');
        socket = await new Promise<net.Socket>((resolve, reject) => {
          const secured = tls.connect({ socket, servername: s.host, ...this.options.tlsOptions }, () => resolve(secured));
          secured.once('error', reject);
        });
        socket.setTimeout(timeoutMs, () => socket.destroy(new Error('SMTP server did not answer in time')));
        reader = new ReplyReader(socket);
        ehlo = await command(`EHLO ${helo}`, [250]);
      }
      if (s.user) {
        const token = Buffer.from(`\0${s.user}\0${s.password ?? ''}`, 'utf8').toString('base64');
        await command(`AUTH PLAIN ${token}`, [235], 'AUTH');
      }
      await command(`MAIL FROM:<${s.from}>`, [250], 'MAIL FROM');
      await command(`RCPT TO:<${message.to}>`, [250, 251], 'RCPT TO');
      await command('DATA', [354]);
      await command(`${buildMessage(s, message)}\r\n.`, [250], 'message');
      socket.write('QUIT\r\n');
    } finally {
      socket.end();
      socket.destroy();
    }
  }
}
