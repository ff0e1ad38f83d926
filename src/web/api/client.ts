/**
 * Typed access to the MotCua API: JSON in and out, the CSRF header on writes, errors as ApiError carrying the
 * server's stable code, its Vietnamese message and the field errors of a validation failure.
 */
import { useQuery } from '@tanstack/react-query';
import type { SessionResponse, SessionUser } from '../../shared/schemas/auth';
import { errorMessages } from '../../shared/errors';

/** Name of the readable cookie the server sets next to the session cookie (server/auth/session.ts). */
export const CSRF_COOKIE = 'motcua_csrf';
const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface FieldError {
  /** Path inside the submitted object, e.g. ['idNumber'] or ['documents', '0', 'name']. */
  name: string[];
  message: string;
}

/** Network failures get a code of their own; everything else carries the server's code. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: FieldError[];
  readonly details: unknown;
  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.fields = fieldErrorsOf(details);
  }
}

const REQUEST_PARTS = new Set(['body', 'querystring', 'params', 'headers']);

/** `{ fields: [{ path: 'body.idNumber', message }] }` → `[{ name: ['idNumber'], message }]`. */
export function fieldErrorsOf(details: unknown): FieldError[] {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  const out: FieldError[] = [];
  for (const f of fields) {
    if (!f || typeof f.path !== 'string' || typeof f.message !== 'string') continue;
    const parts = f.path.split('.').filter(Boolean);
    if (parts.length > 0 && REQUEST_PARTS.has(parts[0]!)) parts.shift();
    if (parts.length > 0) out.push({ name: parts, message: f.message });
  }
  return out;
}

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** The token from the last session response, used when the cookie cannot be read (e.g. a proxy renamed it). */
let lastCsrfToken: string | null = null;
export function rememberCsrfToken(token: string | null) {
  lastCsrfToken = token;
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** Sent as JSON, or as is when it is FormData (uploads). */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Sent as Idempotency-Key so that a retried submission is not recorded twice. */
  idempotencyKey?: string;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (UNSAFE.has(method)) {
    const token = readCookie(CSRF_COOKIE) ?? lastCsrfToken;
    if (token) headers[CSRF_HEADER] = token;
  }
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(NETWORK_ERROR, 'Không kết nối được tới máy chủ, vui lòng kiểm tra mạng và thử lại', 0);
  }
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  const payload: unknown = isJson ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const code = error?.code ?? (response.status >= 500 ? 'INTERNAL' : 'HTTP_' + response.status);
    const message = error?.message ?? (response.status === 404 ? errorMessages.NOT_FOUND : errorMessages.INTERNAL);
    throw new ApiError(code, message, response.status, error?.details);
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body: body ?? {} }),
  patch: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body: body ?? {} }),
  delete: <T>(path: string, options: Omit<RequestOptions, 'body' | 'method'> = {}) => apiRequest<T>(path, { ...options, method: 'DELETE' }),
};

/** The message to show for any error a query or mutation produced. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return errorMessages.INTERNAL;
}

export const sessionQueryKey = ['auth', 'session'] as const;

export async function fetchSession(): Promise<SessionResponse> {
  const session = await api.get<SessionResponse>('/api/auth/session');
  rememberCsrfToken(session.csrfToken);
  return session;
}

export interface SessionState {
  user: SessionUser | null;
  isLoading: boolean;
  /** Whether the user holds at least one of the permissions. */
  can: (...permissions: string[]) => boolean;
}

/** The signed-in user (null when anonymous). Shared by every component through the query cache. */
export function useSession(): SessionState {
  const query = useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
  const user = query.data?.user ?? null;
  return {
    user,
    isLoading: query.isPending,
    can: (...permissions) => !!user && permissions.some((p) => user.permissions.includes(p)),
  };
}
