/**
 * Every failure of the library is one of these classes. None of them ever holds a token: messages are
 * written by the library (or copied from Refold's error body, which carries none), and `toJSON()` lists
 * only the public fields below.
 */

/** What went wrong, as a stable machine-readable code. */
export type RefoldErrorCode =
  | 'api'
  | 'auth'
  | 'rate_limited'
  | 'network'
  | 'timeout'
  | 'token'
  | 'response'
  | 'invalid_argument'
  | 'aborted'
  | 'popup_blocked'
  | 'popup_closed'
  | 'popup_timeout'
  | 'validation';

/** Base class of every error thrown by `@refold/react`. */
export class RefoldError extends Error {
  /** Stable code; switch on this rather than on the class name when errors cross a boundary. */
  readonly code: RefoldErrorCode;

  constructor(code: RefoldErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RefoldError';
    this.code = code;
  }

  /** A JSON view with the public fields only (never a token, never the cause). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/** Refold answered with an error status (400, 403, 404, 500, 502 …). */
export class RefoldApiError extends RefoldError {
  /** HTTP status. */
  readonly status: number;
  /** `http_error_type` from Refold's error body, when sent. */
  readonly httpErrorType: string | undefined;
  /** Refold's error code, from `error` or `error_code` (e.g. `INVALID_TOKEN`). */
  readonly apiCode: string | undefined;
  /** Per-field errors that some routes send (`field_errors`), keyed by field id or name. */
  readonly fieldErrors: Readonly<Record<string, string>>;

  constructor(init: {
    status: number;
    message: string;
    httpErrorType?: string | undefined;
    apiCode?: string | undefined;
    fieldErrors?: Record<string, string>;
  }) {
    super('api', init.message);
    this.name = 'RefoldApiError';
    this.status = init.status;
    this.httpErrorType = init.httpErrorType;
    this.apiCode = init.apiCode;
    this.fieldErrors = init.fieldErrors ?? {};
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      httpErrorType: this.httpErrorType,
      apiCode: this.apiCode,
      fieldErrors: this.fieldErrors,
    };
  }
}

/** The session token was refused twice in a row (401): the backend's token does not work for this route. */
export class RefoldAuthError extends RefoldError {
  /** HTTP status (401). */
  readonly status: number;
  /** Refold's error code (usually `INVALID_TOKEN`). */
  readonly apiCode: string | undefined;

  constructor(message: string, init: { status?: number; apiCode?: string | undefined } = {}) {
    super('auth', message);
    this.name = 'RefoldAuthError';
    this.status = init.status ?? 401;
    this.apiCode = init.apiCode;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, apiCode: this.apiCode };
  }
}

/** Refold kept answering 429 after every retry. */
export class RefoldRateLimitError extends RefoldError {
  /** Seconds Refold asked us to wait (from `Retry-After`), when it said. */
  readonly retryAfter: number | undefined;

  constructor(message: string, retryAfter?: number) {
    super('rate_limited', message);
    this.name = 'RefoldRateLimitError';
    this.retryAfter = retryAfter;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfter: this.retryAfter };
  }
}

/** The request never got an HTTP answer (offline, DNS, connection reset, CORS). */
export class RefoldNetworkError extends RefoldError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('network', message, options);
    this.name = 'RefoldNetworkError';
  }
}

/** A request or a flow took longer than its time limit. */
export class RefoldTimeoutError extends RefoldError {
  constructor(message: string) {
    super('timeout', message);
    this.name = 'RefoldTimeoutError';
  }
}

/** `fetchToken` failed or returned something that is not a usable session token. */
export class RefoldTokenError extends RefoldError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('token', message, options);
    this.name = 'RefoldTokenError';
  }
}

/** Refold answered 2xx with a body that does not have the documented shape. */
export class RefoldResponseError extends RefoldError {
  /** HTTP status of the malformed answer. */
  readonly status: number;
  /** Where in the body the shape broke, e.g. `$[3].slug`. */
  readonly path: string;

  constructor(message: string, init: { status: number; path: string }) {
    super('response', message);
    this.name = 'RefoldResponseError';
    this.status = init.status;
    this.path = init.path;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, path: this.path };
  }
}

/** A public function was called with an argument it cannot use. The message says what to pass instead. */
export class RefoldArgumentError extends RefoldError {
  constructor(message: string) {
    super('invalid_argument', message);
    this.name = 'RefoldArgumentError';
  }
}

/** The caller aborted the request (its `AbortSignal` fired). */
export class RefoldAbortError extends RefoldError {
  constructor(message = 'The request was aborted.') {
    super('aborted', message);
    this.name = 'RefoldAbortError';
  }
}

/** Why a popup flow ended without a connection. */
export type RefoldPopupReason = 'blocked' | 'closed' | 'timeout';

/**
 * The OAuth popup could not do its job: the browser blocked it (`blocked`, retry from a click), the user
 * closed it before finishing (`closed`), or the provider took longer than the time limit (`timeout`).
 */
export class RefoldPopupError extends RefoldError {
  /** What happened to the popup. */
  readonly reason: RefoldPopupReason;

  constructor(reason: RefoldPopupReason, message: string) {
    super(
      reason === 'blocked' ? 'popup_blocked' : reason === 'closed' ? 'popup_closed' : 'popup_timeout',
      message,
    );
    this.name = 'RefoldPopupError';
    this.reason = reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason };
  }
}

/** Values typed by the user fail the checks made before sending (e.g. a required field is empty). */
export class RefoldValidationError extends RefoldError {
  /** What is wrong per field name: `required` (empty) or `invalid` (wrong type or format). */
  readonly fields: Readonly<Record<string, 'required' | 'invalid'>>;

  constructor(message: string, fields: Record<string, 'required' | 'invalid'>) {
    super('validation', message);
    this.name = 'RefoldValidationError';
    this.fields = fields;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), fields: this.fields };
  }
}

/** True for any error thrown by this library. */
export function isRefoldError(value: unknown): value is RefoldError {
  return value instanceof RefoldError;
}
