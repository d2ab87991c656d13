/**
 * Argument checks of the client: every value a caller passes (base URL, slugs, ids, page numbers, dates,
 * typed auth values, objects sent as bodies) is checked here, synchronously, before a token is fetched or
 * anything is sent. A bad argument is a `RefoldArgumentError` that says what to pass and never echoes the
 * value.
 *
 * @module
 */
import { RefoldArgumentError } from './errors.js';
import { describeArg } from './routes.js';
import type { AuthType, ExecutionStatus } from './types.js';
import { DEFAULT_BASE_URL, isLoopbackHost } from './urls.js';
import { executionStatuses, isExecutionStatus } from './validate.js';

/** Values typed into auth fields, keyed by field name. */
export type AuthValues = Record<string, string | number | boolean | string[]>;

/** Checks the options object of `createRefoldClient`: it must hold a `fetchToken` function. */
export function clientOptionsArg(options: unknown): void {
  if (typeof options !== 'object' || options === null) {
    throw new RefoldArgumentError('createRefoldClient needs an options object with a fetchToken function.');
  }
  if (typeof (options as { fetchToken?: unknown }).fetchToken !== 'function') {
    throw new RefoldArgumentError(
      'createRefoldClient: fetchToken must be a function that returns a session token from your backend.',
    );
  }
}

/** Checks and normalises `baseUrl`: https, or http on localhost; no query or fragment; no trailing slash. */
export function normaliseBaseUrl(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RefoldArgumentError(`baseUrl must be a URL string such as "${DEFAULT_BASE_URL}".`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RefoldArgumentError(
      `baseUrl is not a valid absolute URL; use something like "${DEFAULT_BASE_URL}".`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new RefoldArgumentError(
      `baseUrl must use https (plain http is allowed only for localhost); got "${url.protocol}//${url.host}".`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new RefoldArgumentError('baseUrl must not carry credentials, a query or a fragment.');
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** An app slug such as `"slack"`, trimmed. `where` names the method in the error message. */
export function slugArg(where: string, slug: unknown): string {
  if (typeof slug !== 'string' || slug.trim() === '') {
    throw new RefoldArgumentError(
      `${where}: slug must be an app slug such as "slack"; got ${describeArg(slug)}.`,
    );
  }
  return slug.trim();
}

/** {@link slugArg}, or `undefined` when left out. */
export function optionalSlugArg(where: string, slug: unknown): string | undefined {
  return slug === undefined ? undefined : slugArg(where, slug);
}

/** A non-empty string (an id, an event name …), as given. */
export function textArg(where: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RefoldArgumentError(`${where}: ${name} must be a non-empty string; got ${describeArg(value)}.`);
  }
  return value;
}

/** {@link textArg}, or `undefined` when left out. */
export function optionalTextArg(where: string, name: string, value: unknown): string | undefined {
  return value === undefined ? undefined : textArg(where, name, value);
}

/** `true` or `false`. */
export function booleanArg(where: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new RefoldArgumentError(`${where}: ${name} must be true or false.`);
  return value;
}

/** A whole number from 1 to `max` (a page or a page size), or `undefined` when left out. */
export function pageArg(
  where: string,
  name: string,
  value: number | undefined,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RefoldArgumentError(
      `${where}: ${name} must be a whole number from 1 to ${max}; got ${String(value)}.`,
    );
  }
  return value;
}

/** A `Date` or a date string, as an ISO string; `undefined` when left out. */
export function dateArg(where: string, name: string, value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new RefoldArgumentError(`${where}: ${name} must be a Date or an ISO date string.`);
  return date.toISOString();
}

/** A run status the executions route filters by, or `undefined` when left out. */
export function statusArg(where: string, value: unknown): ExecutionStatus | undefined {
  if (value === undefined) return undefined;
  if (!isExecutionStatus(value)) {
    throw new RefoldArgumentError(`${where}: status must be one of ${executionStatuses.join(', ')}.`);
  }
  return value;
}

/** The auth type of a disconnect: `oauth2`, `keybased`, or `undefined` (all connections). */
export function disconnectTypeArg(where: string, value: unknown): AuthType | undefined {
  if (value !== undefined && value !== 'oauth2' && value !== 'keybased') {
    throw new RefoldArgumentError(`${where}: authType must be "oauth2", "keybased" or left out (all).`);
  }
  return value;
}

/**
 * A plain object (sent as JSON), or `undefined` when left out. `shape` says what is expected, e.g.
 * `an object of { [fieldId]: value }`.
 */
export function objectArg(
  where: string,
  name: string,
  value: unknown,
  shape = 'a plain object',
): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw new RefoldArgumentError(`${where}: ${name} must be ${shape}.`);
  return value;
}

/** An array, or `undefined` when left out. `shape` says what is expected. */
export function arrayArg<T>(
  where: string,
  name: string,
  value: T[] | undefined,
  shape: string,
): T[] | undefined {
  if (value !== undefined && !Array.isArray(value))
    throw new RefoldArgumentError(`${where}: ${name} must be ${shape}.`);
  return value;
}

/** Typed auth values: an object of strings, finite numbers, booleans or string lists. */
export function valuesArg(where: string, values: unknown): AuthValues {
  if (!isPlainObject(values)) {
    throw new RefoldArgumentError(`${where}: values must be an object of { [fieldName]: value }.`);
  }
  for (const [key, value] of Object.entries(values)) {
    const ok =
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    if (!ok)
      throw new RefoldArgumentError(
        `${where}: the value of "${key}" must be a string, number, boolean or string[].`,
      );
  }
  return values as AuthValues;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
