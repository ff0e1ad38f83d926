import type { FastifyServerOptions } from 'fastify';
import { stdSerializers } from 'pino';
import type { AppConfig } from './env';
import { maskIdNumber } from '../shared/text';

const ID_NUMBER = /\b\d{9}(\d{3})?\b/g;

/** Masks 9- and 12-digit ID numbers wherever they appear in a logged string (URLs, messages). */
export function maskIdNumbersInText(text: string): string {
  return text.replace(ID_NUMBER, (m) => maskIdNumber(m)!);
}

interface SerializedError {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
}

/**
 * Errors keep their type, message and stack, with ID numbers masked. A failed query's bound parameters (Drizzle
 * keeps them in `params` and writes them into the message) may hold ID numbers or password hashes: they go.
 */
export function serializeError(err: Error): SerializedError {
  const { params, ...rest } = stdSerializers.err(err) as unknown as SerializedError;
  const paramsText = Array.isArray(params) && params.length > 0 ? String(params) : undefined;
  const withoutParams = (text: string) => (paramsText ? text.split(paramsText).join('[REDACTED]') : text);
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return maskIdNumbersInText(withoutParams(value));
    if (Array.isArray(value)) return value.map(scrub);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
    return value;
  };
  return scrub(rest) as SerializedError;
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
      err: serializeError,
      req(req: { method: string; url: string; id: string; ip?: string }) {
        return { method: req.method, url: maskIdNumbersInText(req.url), requestId: req.id, ip: req.ip };
      },
    },
  };
}
