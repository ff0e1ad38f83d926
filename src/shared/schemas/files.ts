/** Contracts of the `files` domain: uploaded attachments. */
import { z } from 'zod';
import { Uuid } from './common';

export const FileResponse = z.object({
  id: Uuid,
  fileName: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type FileResponse = z.infer<typeof FileResponse>;

export const FileParams = z.object({ id: Uuid });
