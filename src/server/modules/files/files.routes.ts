import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../shared/errors';
import { ErrorResponse } from '../../../shared/schemas/common';
import { FileParams, FileResponse } from '../../../shared/schemas/files';
import { requireUser } from '../../auth/plugin';
import { enforceRateLimit } from '../../http/rate-limit';
import { fileStorageFor } from './file-storage';
import { findFile } from './files.queries';
import { sendStoredFile } from './send-file';
import { storeFile, type StoredFile } from './store-file';

const tags = ['Tệp đính kèm'];

/** Uploads per user per hour: enough for a desk officer scanning all day. */
const UPLOADS_PER_HOUR = 600;

export function presentFile(file: StoredFile) {
  return { id: file.id, fileName: file.fileName, size: file.size, mimeType: file.mimeType, sha256: file.sha256, createdAt: file.createdAt.toISOString() };
}

export default async function filesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;
  const storage = fileStorageFor(config);

  r.post(
    '/api/files',
    {
      preValidation: requireUser,
      schema: {
        tags,
        summary: 'Tải lên tệp đính kèm (multipart, trường "file")',
        consumes: ['multipart/form-data'],
        response: { 201: FileResponse, 400: ErrorResponse, 401: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request, reply) => {
      await enforceRateLimit(database.db, `upload:${request.actor.userId}`, UPLOADS_PER_HOUR, 3600);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: 'Hãy gửi tệp dạng multipart/form-data, trường "file"' });
      const part = await request.file();
      if (!part) throw new AppError('VALIDATION_FAILED', { message: 'Chưa chọn tệp để tải lên' });
      const file = await database.db.transaction((tx) =>
        storeFile(tx, request.actor, storage, { content: part.file, fileName: part.filename, maxBytes: config.maxUploadBytes, isTruncated: () => part.file.truncated }),
      );
      reply.status(201);
      return presentFile(file);
    },
  );

  r.get(
    '/api/files/:id',
    { preValidation: requireUser, schema: { tags, summary: 'Tải về tệp mình đã tải lên', params: FileParams, response: { 401: ErrorResponse, 404: ErrorResponse } } },
    async (request, reply) => {
      const file = await findFile(database.db, request.params.id);
      // Files are personal documents: only the uploader reads them here; dossier documents have their own route.
      if (!file || file.uploadedById !== request.actor.userId) throw new AppError('NOT_FOUND');
      return sendStoredFile(reply, storage, file);
    },
  );
}
