import type { FastifyServerOptions } from 'fastify';
import type { AppConfig } from './env';

const ID_NUMBER = /\b\d{9}(\d{3})?\b/g;

/** Masks 9- and 12-digit ID numbers wherever they appear in a logged string (URLs, messages). */
export function maskIdNumbersInText(text: string): string {
  return text.replace(ID_NUMBER, (m) => m.slice(0, 3) + '*'.repeat(m.length - 5) + m.slice(-2));
}

/** pino options: redact secrets and personal ID numbers from every log line. */
export function loggerOptions(config: AppConfig): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent') return false;
  return {
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.token',
        '*.idNumber',
        '*.passwordHash',
        'body.password',
        'body.idNumber',
      ],
      censor: '[REDACTED]',
    },
    serializers: {
      req(req: { method: string; url: string; id: string; ip?: string }) {
        return { method: req.method, url: maskIdNumbersInText(req.url), requestId: req.id, ip: req.ip };
      },
    },
  };
}
