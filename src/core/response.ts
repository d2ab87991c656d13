/**
 * Reading Refold's answers: error bodies (`message`, `error`/`error_code`, `http_error_type`,
 * `field_errors`) into typed errors, failures that Refold reports inside a 2xx answer, and successful
 * bodies parsed and checked with the route's checker (parts of the wrong shape left out and reported as
 * warnings). Text of foreign origin is cut, redacted, and cleared of the values the user typed.
 *
 * @module
 */
import type { AuthValues } from './args.js';
import { RefoldApiError, RefoldAuthError, RefoldResponseError } from './errors.js';
import { MAX_FOREIGN_TEXT, redact } from './redact.js';
import type { RouteName } from './routes.js';
import type { OAuthStart } from './types.js';
import { isSafeNavigationUrl } from './urls.js';
import * as check from './validate.js';
import type { Checker, ShapeWarning } from './validate.js';

/** Something left out of a successful answer, reported to `RefoldClientOptions.onWarning`. */
export interface RefoldResponseWarning extends ShapeWarning {
  /** The route whose answer it was. */
  route: RouteName;
}

/** What reading one route's answer needs to know. */
export interface AnswerSpec<T> {
  /** The route (named in errors and warnings). */
  route: RouteName;
  /** Checks the body of a successful answer. */
  check: Checker<T>;
  /** Values the user typed: blanked out of any error message, should the server echo them. */
  secrets?: readonly string[];
}

interface ErrorBody {
  message: string | undefined;
  code: string | undefined;
  httpErrorType: string | undefined;
  fieldErrors: Record<string, string>;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Foreign text as the library keeps it: cut, cleared of typed values, redacted. */
function clean(text: string, secrets: readonly string[]): string {
  // Cut first, then clean: the cost stays linear in what is kept, whatever the server sends.
  return redact(blank(text.slice(0, 2 * MAX_FOREIGN_TEXT), secrets));
}

/** Replaces every typed value (of four characters or more) found in `text`. */
function blank(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

/** The typed values of an auth body: what an error message must never echo. */
export function typedValues(values: AuthValues): string[] {
  return Object.values(values).flatMap((v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []));
}

/** Reads Refold's error body; what is missing or not JSON stays `undefined`. */
async function readErrorBody(response: Response, secrets: readonly string[] = []): Promise<ErrorBody> {
  const out: ErrorBody = { message: undefined, code: undefined, httpErrorType: undefined, fieldErrors: {} };
  let text = '';
  try {
    text = await response.text();
  } catch {
    return out;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return out;
  }
  if (typeof parsed !== 'object' || parsed === null) return out;
  const body = parsed as Record<string, unknown>;
  const str = (v: unknown) =>
    typeof v === 'string' && v.trim() !== '' ? clean(v.trim(), secrets) : undefined;
  out.message = str(body.message) ?? str(body.error_description);
  out.code = str(body.error_code) ?? str(body.error);
  out.httpErrorType = str(body.http_error_type);
  if (Array.isArray(body.field_errors)) {
    for (const item of body.field_errors as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const fe = item as Record<string, unknown>;
      const key = str(fe.id) ?? str(fe.name);
      const err = fe.error;
      const msg =
        typeof err === 'object' && err !== null ? str((err as Record<string, unknown>).message) : str(err);
      if (key && msg) out.fieldErrors[key] = msg;
    }
  }
  return out;
}

/** The `RefoldApiError` of a non-2xx answer (other than 401 and 429), from its error body. */
export async function apiError(response: Response, secrets?: readonly string[]): Promise<RefoldApiError> {
  const body = await readErrorBody(response, secrets);
  const reason = REASONS[response.status] ?? 'Error';
  return new RefoldApiError({
    status: response.status,
    message: body.message ?? `Refold answered ${response.status} ${reason}. Try again in a moment.`,
    httpErrorType: body.httpErrorType,
    apiCode: body.code,
    fieldErrors: body.fieldErrors,
  });
}

/** The `RefoldAuthError` of a 401 that came after the token was already replaced once. */
export async function authError(response: Response): Promise<RefoldAuthError> {
  const body = await readErrorBody(response);
  return new RefoldAuthError(
    `Refold refused the session token twice (${body.message ?? 'Invalid token'}). Check that your backend mints it for this environment.`,
    { status: 401, apiCode: body.code },
  );
}

/**
 * The value of a 2xx answer, checked by `spec.check`. Not JSON: a `RefoldResponseError`. Of the wrong
 * shape: a `RefoldApiError` when the body reports a failure (`{ error, message }` with a 200), else a
 * `RefoldResponseError` naming where. Parts left out to keep the rest go to `onWarning`.
 */
export async function parseAnswer<T>(
  response: Response,
  spec: AnswerSpec<T>,
  onWarning: ((warning: RefoldResponseWarning) => void) | undefined,
): Promise<T> {
  const text = await response.text();
  let value: unknown;
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      throw new RefoldResponseError(`Refold's answer to ${spec.route} is not JSON.`, {
        status: response.status,
        path: '$',
      });
    }
  }
  try {
    return spec.check(value, '$', (warning) => onWarning?.({ route: spec.route, ...warning }));
  } catch (error) {
    if (!(error instanceof check.ShapeError)) throw error;
    // A 2xx answer without the data the route needs, that says `error`, is a failure Refold reported.
    const failure = check.reportedFailure(value);
    if (failure) {
      throw new RefoldApiError({
        status: response.status,
        message:
          (failure.message && clean(failure.message, spec.secrets ?? [])) ||
          `Refold could not complete ${spec.route}.`,
        apiCode: failure.code,
      });
    }
    throw new RefoldResponseError(
      `Refold's answer to ${spec.route} has an unexpected shape: ${error.message}.`,
      { status: response.status, path: error.path },
    );
  }
}

/** The OAuth start answer, with an authorization URL the popup may be sent to (https; http on loopback). */
export const safeOAuthStart: Checker<OAuthStart> = (value, path = '$') => {
  const started = check.oauthStart(value, path);
  if (started.auth_url !== undefined && !isSafeNavigationUrl(started.auth_url)) {
    throw new check.ShapeError(`${path}.auth_url`, 'an https URL', started.auth_url);
  }
  return started;
};

/** The hosted connect answer, with a URL that may be opened (https; http on loopback). */
export const safeHostedUrl: Checker<{ hosted_url: string }> = (value, path = '$') => {
  const answer = check.hostedUrl(value, path);
  if (!isSafeNavigationUrl(answer.hosted_url)) {
    throw new check.ShapeError(`${path}.hosted_url`, 'an https URL', answer.hosted_url);
  }
  return answer;
};
