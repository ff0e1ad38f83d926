/** POST a request whose answer is a PDF and show it in a new tab (the receipt needs the tracking secret in a body). */
import { ApiError, CSRF_COOKIE, readCookie } from '../../api/client';
import { errorMessages } from '../../../shared/errors';

export async function openPostedPdf(path: string, body: unknown): Promise<void> {
  // Opened before the request so the browser treats it as the click's own window, not a pop-up.
  const tab = window.open('', '_blank');
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/pdf, application/json' };
  const token = readCookie(CSRF_COOKIE);
  if (token) headers['x-csrf-token'] = token;
  const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  if (!response.ok) {
    tab?.close();
    const payload = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
    throw new ApiError(payload?.error?.code ?? 'INTERNAL', payload?.error?.message ?? errorMessages.INTERNAL, response.status);
  }
  const url = URL.createObjectURL(await response.blob());
  if (tab) tab.location.href = url;
  else window.location.href = url;
}
