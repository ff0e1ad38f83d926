import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorMessages, type ErrorBody } from '../../shared/errors';

interface FieldIssue {
  path: string;
  message: string;
}

function fieldPath(instancePath: string | undefined, params: unknown, context: string): string {
  const parts = (instancePath ?? '').split('/').filter(Boolean);
  const missing = (params as { issue?: { path?: PropertyKey[] } } | undefined)?.issue?.path;
  const base = missing && missing.length > 0 ? missing.map(String) : parts;
  return [context, ...base].filter(Boolean).join('.');
}

/** One error handler: stable codes, Vietnamese messages, field paths for validation, no stack traces. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    let status = 500;
    let body: ErrorBody;
    if (err instanceof AppError) {
      status = err.status;
      body = { error: { code: err.code, message: err.message, details: err.details } };
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      const context = (err as FastifyError).validationContext ?? 'body';
      const fields: FieldIssue[] = err.validation.map((v) => ({
        path: fieldPath(v.instancePath, v.params, context),
        message: v.message ?? 'Giá trị không hợp lệ',
      }));
      body = { error: { code: 'VALIDATION_FAILED', message: errorMessages.VALIDATION_FAILED, details: { fields } } };
    } else if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      body = { error: { code: 'INTERNAL', message: errorMessages.INTERNAL } };
    } else if ((err as FastifyError).statusCode === 413 || (err as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') {
      status = 413;
      body = { error: { code: 'PAYLOAD_TOO_LARGE', message: errorMessages.PAYLOAD_TOO_LARGE } };
    } else if ((err as FastifyError).statusCode === 415) {
      status = 415;
      body = { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: errorMessages.UNSUPPORTED_MEDIA_TYPE } };
    } else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
      status = (err as FastifyError).statusCode!;
      body = { error: { code: 'VALIDATION_FAILED', message: errorMessages.VALIDATION_FAILED, details: { reason: err.message } } };
    } else {
      request.log.error({ err }, 'unhandled error');
      body = { error: { code: 'INTERNAL', message: errorMessages.INTERNAL } };
    }
    if (status >= 500) request.log.error({ code: body.error.code }, 'request failed');
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: errorMessages.NOT_FOUND } } satisfies ErrorBody);
  });
}
