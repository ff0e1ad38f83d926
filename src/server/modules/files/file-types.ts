/**
 * Accepted attachment types, recognised by their first bytes (never by what the client claims): scans (PDF, JPEG,
 * PNG, TIFF) and office documents (DOCX, XLSX, which are ZIP containers told apart by their extension).
 */
export const ACCEPTED_FILE_TYPES = {
  'application/pdf': { label: 'PDF', extensions: ['.pdf'] },
  'image/jpeg': { label: 'JPEG', extensions: ['.jpg', '.jpeg'] },
  'image/png': { label: 'PNG', extensions: ['.png'] },
  'image/tiff': { label: 'TIFF', extensions: ['.tif', '.tiff'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'DOCX', extensions: ['.docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'XLSX', extensions: ['.xlsx'] },
} as const;
export type AcceptedMimeType = keyof typeof ACCEPTED_FILE_TYPES;

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** The type of a file from its first bytes and name, or undefined when it is not accepted. */
export function detectFileType(head: Buffer, fileName: string): AcceptedMimeType | undefined {
  const ext = fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === '.docx') return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (ext === '.xlsx') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return undefined;
}

/** "PDF, JPEG, PNG, TIFF, DOCX, XLSX": for error messages. */
export const acceptedTypesText = Object.values(ACCEPTED_FILE_TYPES)
  .map((t) => t.label)
  .join(', ');

/** A file name safe to store and to send back: NFC, no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').replace(/\s+/g, ' ').trim();
  if (!cleaned) return 'tep-dinh-kem';
  if (cleaned.length <= 200) return cleaned;
  const ext = cleaned.match(/\.[A-Za-z0-9]{1,8}$/)?.[0] ?? '';
  return cleaned.slice(0, 200 - ext.length) + ext;
}
