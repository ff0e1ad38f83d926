/** Uploads to the shared file storage (POST /api/files), one file per request, as the dossier actions expect. */
import type { UploadProps } from 'antd';
import { apiRequest, errorMessageOf } from '../../api/client';

export interface UploadedFile {
  id: string;
  fileName: string;
  size: number;
  mimeType: string;
}

export async function uploadFile(file: File): Promise<UploadedFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  return apiRequest<UploadedFile>('/api/files', { method: 'POST', body });
}

/** antd Upload's customRequest: stores the file, keeps the server's id in `response`, shows the API's message on failure. */
export const uploadRequest: UploadProps['customRequest'] = (options) => {
  uploadFile(options.file as File).then(
    (stored) => options.onSuccess?.(stored),
    (error: unknown) => options.onError?.(Object.assign(new Error(errorMessageOf(error)), { status: 0 })),
  );
};

/** Ids of the files of an Upload list that reached the server. */
export function uploadedIds(list: { status?: string; response?: unknown }[] | undefined): string[] {
  return (list ?? []).filter((f) => f.status === 'done' && (f.response as UploadedFile | undefined)?.id).map((f) => (f.response as UploadedFile).id);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
