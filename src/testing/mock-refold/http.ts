/**
 * Response helpers of the mock: JSON and HTML answers, Refold's error body and the error a handler throws
 * for it, CORS headers, page envelopes and icon URLs.
 *
 * @module
 */

/** Headers that let browsers (Storybook, the demo) call the Node server from another origin. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers':
    'authorization, content-type, slug, config_id, disable_field_options, sync_execution, x-api-key, linked_account_id',
  'access-control-expose-headers': 'retry-after',
};

/** Extra headers of a preflight answer. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-max-age': '600',
};

const HTTP_ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/** Refold's `http_error_type` for a status. */
export function httpErrorType(status: number): string {
  return HTTP_ERROR_TYPES[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
}

/** Refold's error body: `{ status_code, http_error_type, error, message }`. */
export interface RefoldErrorBody {
  /** The HTTP status. */
  status_code: number;
  /** Name of the status, e.g. `UNAUTHORIZED`. */
  http_error_type: string;
  /** Error code, e.g. `INVALID_TOKEN`. */
  error: string;
  /** Human-readable message. */
  message: string;
}

/** Build Refold's error body. */
export function errorBody(status: number, error: string, message: string): RefoldErrorBody {
  return { status_code: status, http_error_type: httpErrorType(status), error, message };
}

/** The error code a fault answers with when it gives only a status. */
export function defaultErrorCode(status: number): string {
  if (status === 401) return 'INVALID_TOKEN';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 404) return 'NOT_FOUND';
  if (status >= 500) return 'SERVER_ERROR';
  return httpErrorType(status);
}

/** The message a fault answers with when it gives only a status. */
export function defaultErrorMessage(status: number): string {
  if (status === 401) return 'Invalid token';
  if (status === 429) return 'Too many requests, please retry later';
  if (status === 404) return 'Not found';
  if (status >= 500) return 'Something went wrong, please try again';
  return 'Bad request';
}

/** An error answer a route handler throws: the pipeline turns it into Refold's error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A 400 answer to throw. */
export const badRequest = (message: string, code = 'BAD_REQUEST'): HttpError =>
  new HttpError(400, code, message);

/** A 404 answer to throw. */
export const notFound = (message: string): HttpError => new HttpError(404, 'NOT_FOUND', message);

/**
 * A page envelope. `short` sends only `totalDocs, limit, page, totalPages, hasNextPage`, as some real
 * answers do (no `hasPrevPage`, `nextPage`, `prevPage`).
 */
export function paginate<T>(
  items: readonly T[],
  pageNumber: number,
  limit: number,
  short = false,
): Record<string, unknown> {
  const totalDocs = items.length;
  const totalPages = Math.ceil(totalDocs / limit) || 1;
  const start = (pageNumber - 1) * limit;
  const envelope = {
    docs: items.slice(start, start + limit),
    totalDocs,
    limit,
    page: pageNumber,
    totalPages,
    hasNextPage: pageNumber < totalPages,
  };
  if (short) return envelope;
  return {
    ...envelope,
    pagingCounter: start + 1,
    hasPrevPage: pageNumber > 1,
    prevPage: pageNumber > 1 ? pageNumber - 1 : null,
    nextPage: pageNumber < totalPages ? pageNumber + 1 : null,
  };
}

/** An app icon's absolute URL: an absolute one as it is, else on the mock's own origin. */
export function iconUrl(origin: string, icon: string | undefined, slug: string): string {
  if (icon !== undefined && /^(https?:|data:)/i.test(icon)) return icon;
  const path =
    icon !== undefined && icon.startsWith('/') ? icon : `/mock-assets/icons/${encodeURIComponent(slug)}.svg`;
  return `${origin}${path}`;
}

/** A JSON answer with CORS headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...CORS_HEADERS, 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** A Refold error answer. */
export function apiError(
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return json(status, errorBody(status, error, message), headers);
}

/** An HTML answer with CORS headers. */
export function html(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { ...CORS_HEADERS, 'content-type': 'text/html; charset=utf-8', ...headers },
  });
}

/** A 303 redirect (after a form POST). */
export function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { ...CORS_HEADERS, location } });
}

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Whether a value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A promise that resolves after `ms`, or rejects when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const reason = (): unknown =>
      signal?.reason instanceof Error
        ? signal.reason
        : new DOMException('The operation was aborted.', 'AbortError');
    if (signal?.aborted === true) {
      reject(reason());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(reason());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
