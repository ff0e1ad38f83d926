import type { FastifyReply } from 'fastify';
import type { FileStorage } from './file-storage';

/** RFC 6266 / 5987 Content-Disposition, with an ASCII fallback for old clients. */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Streams a stored file as the response. */
export async function sendStoredFile(
  reply: FastifyReply,
  storage: FileStorage,
  file: { sha256: string; size: number; mimeType: string; fileName: string },
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  const stream = await storage.open(file.sha256);
  reply.header('content-type', file.mimeType);
  reply.header('content-length', String(file.size));
  reply.header('content-disposition', contentDisposition(file.fileName, disposition));
  reply.header('cache-control', 'private, no-store');
  return reply.send(stream);
}
