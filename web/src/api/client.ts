/**
 * A small typed fetch client for the Custos JSON API: same-origin cookies, JSON bodies, the CSRF
 * header on every write, and one error type carrying the API's stable error code.
 */

export interface FieldIssue {
  path: string;
  message: string;
}

/** Codes the web adds for failures that never reached the API. */
export type ClientErrorCode = 'network';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field problems of a validation failure, with the request part (`body.`) removed from paths. */
  get issues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    if (!Array.isArray(issues)) return [];
    return issues
      .filter((issue): issue is FieldIssue => typeof issue?.path === 'string')
      .map((issue) => ({ path: issue.path.replace(/^(body|query|params)\./, ''), message: issue.message }));
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;

/** Remember the session's CSRF token (from sign-in or /api/me); every write sends it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type QueryValue = string | number | boolean | null | undefined;

export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** JSON-encoded, except FormData, which the browser encodes as multipart with its own boundary. */
  body?: unknown;
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    if (body.error?.code) {
      return new ApiError(response.status, body.error.code, body.error.message ?? '', body.error.details);
    }
  } catch {
    // Not JSON (a proxy error page, say): fall through to a generic error.
  }
  return new ApiError(response.status, 'internal', `HTTP ${response.status}`);
}

function encodeBody(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  return body instanceof FormData ? body : JSON.stringify(body);
}

/** The raw response of a successful call; failures become an ApiError. */
export async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // FormData gets no content-type here: the browser sets multipart/form-data with the boundary.
  if (options.body !== undefined && !(options.body instanceof FormData)) {
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: encodeBody(options.body),
    });
  } catch (error) {
    throw new ApiError(0, 'network' satisfies ClientErrorCode, String(error));
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: (path: string, query?: Record<string, QueryValue>) => request<void>('DELETE', path, { query }),
  /** A multipart POST (file uploads), with the CSRF header like every write. */
  upload: <T>(path: string, query: Record<string, QueryValue>, form: FormData) =>
    request<T>('POST', path, { query, body: form }),
};

/** A page of a cursor-paginated list. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}
