/** Test helpers for uploads: a multipart body for app.inject, and small files of each accepted type. */
import { randomBytes } from 'node:crypto';

export function multipartFile(fileName: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----motcua${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A small PDF-looking file (the type is recognised by its first bytes); unique unless `seed` is given. */
export function pdfBytes(seed = randomBytes(8).toString('hex')): Buffer {
  return Buffer.from(`%PDF-1.4\n% MotCua test ${seed}\n%%EOF\n`, 'latin1');
}

export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(32)]);
