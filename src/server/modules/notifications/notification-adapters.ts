/**
 * Delivery channels of the notification outbox. With no SMTP_URL / SMS_GATEWAY_URL (embedded mode, demos) the
 * local outbox is used: messages are marked sent and written to the log, and administrators read them in the
 * outbox viewer (GET /api/notifications/outbox).
 */
import type { AppConfig } from '../../env';
import type { JobContext } from '../../jobs/define-job';
import { SmtpEmailAdapter } from './smtp-email-adapter';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

export interface OutgoingSms {
  to: string;
  text: string;
}

export interface EmailAdapter {
  readonly name: string;
  send(message: OutgoingEmail): Promise<void>;
}

export interface SmsAdapter {
  readonly name: string;
  send(message: OutgoingSms): Promise<void>;
}

export interface NotificationAdapters {
  email: EmailAdapter;
  sms: SmsAdapter;
}

type Log = JobContext['log'];

/** Local outbox (email) and SMS simulator: nothing leaves the machine; the log line says what would have. */
export class LocalOutboxAdapter implements EmailAdapter, SmsAdapter {
  readonly name: string;
  constructor(
    private readonly channel: 'email' | 'sms',
    private readonly log?: Log,
  ) {
    this.name = channel === 'email' ? 'local-outbox' : 'local-sms-simulator';
  }

  async send(message: OutgoingEmail | OutgoingSms): Promise<void> {
    const subject = 'subject' in message ? message.subject : undefined;
    this.log?.info({ channel: this.channel, to: message.to, subject, length: message.text.length }, 'notification kept in the local outbox');
  }
}

/**
 * SMS through an HTTP gateway: POST {to, text} as JSON to SMS_GATEWAY_URL; any 2xx is success. Providers with
 * another contract get their own adapter implementing SmsAdapter.
 */
export class HttpSmsAdapter implements SmsAdapter {
  readonly name = 'http-sms-gateway';
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: OutgoingSms): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: message.to, text: message.text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) {
      const detail = (await response.text().catch(() => '')).slice(0, 300);
      throw new Error(`SMS gateway answered ${response.status}${detail ? `: ${detail}` : ''}`);
    }
  }
}

export function createNotificationAdapters(config: AppConfig, log?: Log): NotificationAdapters {
  return {
    email: config.smtpUrl ? new SmtpEmailAdapter(config.smtpUrl) : new LocalOutboxAdapter('email', log),
    sms: config.smsGatewayUrl ? new HttpSmsAdapter(config.smsGatewayUrl) : new LocalOutboxAdapter('sms', log),
  };
}
