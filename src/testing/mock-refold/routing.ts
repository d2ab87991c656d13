/**
 * The route table of the mock and what a route handler receives: {@link createRouter} (register with
 * `route(method, path, auth, handle)`, look up with `match`), the {@link RequestContext}, and the helpers
 * that read a request (body, JSON object, page numbers).
 *
 * @module
 */
import { badRequest, isRecord } from './http.js';
import type { AccountState } from './state.js';

/** Who may call a route: a session token, the API key (backend routes), or anyone (pages, icons). */
export type AuthKind = 'bearer' | 'api-key' | 'none';

/** What a route handler receives. */
export interface RequestContext {
  request: Request;
  url: URL;
  origin: string;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  invalidJson: boolean;
  /** The token's account on bearer routes; an empty, unstored one elsewhere. */
  account: AccountState;
}

/** A route handler: answers, or throws an `HttpError`. */
export type Handle = (context: RequestContext) => Response | Promise<Response>;

/** Registers a route. `path` segments starting with `:` are parameters. */
export type AddRoute = (method: string, path: string, auth: AuthKind, handle: Handle) => void;

/** A registered route. */
export interface Route {
  method: string;
  segments: string[];
  auth: AuthKind;
  handle: Handle;
}

/** The route table: routes are matched in the order they were added (a GET route answers HEAD too). */
export function createRouter(): {
  route: AddRoute;
  match(method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined;
} {
  const routes: Route[] = [];
  return {
    route: (method, path, auth, handle) => {
      routes.push({ method, segments: splitPath(path), auth, handle });
    },
    match: (method, pathname) => {
      const segments = splitPath(pathname);
      for (const candidate of routes) {
        if (candidate.method !== method && !(candidate.method === 'GET' && method === 'HEAD')) continue;
        const params = matchSegments(candidate.segments, segments);
        if (params !== undefined) return { route: candidate, params };
      }
      return undefined;
    },
  };
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const expected = pattern[i] ?? '';
    const segment = actual[i] ?? '';
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
    } else if (expected !== segment) {
      return undefined;
    }
  }
  return params;
}

/** A request body: JSON, a form (fields with several values become lists) or text. */
export function readBody(text: string, contentType: string): { body: unknown; invalidJson: boolean } {
  if (text === '') return { body: undefined, invalidJson: false };
  if (contentType.includes('application/x-www-form-urlencoded')) {
    const out: Record<string, string | string[]> = {};
    for (const [key, value] of new URLSearchParams(text)) {
      const previous = out[key];
      out[key] =
        previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
    }
    return { body: out, invalidJson: false };
  }
  const looksJson = contentType.includes('json') || contentType === '';
  if (looksJson) {
    try {
      return { body: JSON.parse(text) as unknown, invalidJson: false };
    } catch {
      return { body: text, invalidJson: contentType.includes('json') };
    }
  }
  return { body: text, invalidJson: false };
}

/** The JSON object body of the request (`{}` for none, when allowed); a 400 otherwise. */
export function requireObject(context: RequestContext, allowEmpty = false): Record<string, unknown> {
  if (context.invalidJson) throw badRequest('Request body is not valid JSON');
  if (context.body === undefined && allowEmpty) return {};
  if (!isRecord(context.body)) throw badRequest('Request body must be a JSON object');
  return context.body;
}

/** A positive whole number from the query (a page, a page size), `fallback` when absent; a 400 otherwise. */
export function positiveInt(query: URLSearchParams, name: string, fallback: number, max?: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest(`${name} must be a positive integer`);
  const value = Number(raw);
  if (max !== undefined && value > max) throw badRequest(`${name} must be at most ${max}`);
  return value;
}
