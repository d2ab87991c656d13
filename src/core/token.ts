/**
 * The session token: {@link TokenManager} caches one token in memory (never storage, URLs or logs),
 * works out its lifetime, refreshes it shortly before expiry with one `fetchToken` call shared by every
 * caller, and replaces it once after a 401. Also refuses anything that looks like an API key.
 *
 * @module
 */
import { RefoldAbortError, RefoldTokenError } from './errors.js';
import { redact } from './redact.js';

/** Why the library asks for a token. */
export type TokenFetchReason = 'initial' | 'expired' | 'unauthorized';

/** What `fetchToken` receives. */
export interface TokenFetchContext {
  /** Aborted when the token is no longer wanted (for example the customer changed). Pass it to `fetch`. */
  signal: AbortSignal;
  /** `initial`: no token yet; `expired`: the last one is about to expire; `unauthorized`: Refold refused it. */
  reason: TokenFetchReason;
}

/**
 * What `fetchToken` may resolve to: the session token itself, or the token with its lifetime. Refold's own
 * session-token answer (`{ token, expires_in, … }`) can be passed through unchanged.
 */
export type TokenResult =
  | string
  | {
      /** The session token (a JWT, or an opaque string). */
      token: string;
      /** Lifetime in seconds, counted from when the token arrives (preferred: immune to a wrong clock). */
      expiresIn?: number;
      /** Same as `expiresIn`, as Refold's session-token route names it. */
      expires_in?: number;
      /** Absolute expiry (a `Date`, epoch milliseconds or an ISO string). Used only without a lifetime. */
      expiresAt?: Date | number | string;
    };

/** Gets a session token from the app's own backend. Never put an API key here. */
export type FetchToken = (context: TokenFetchContext) => Promise<TokenResult> | TokenResult;

/** Options of {@link TokenManager}. */
export interface TokenManagerOptions {
  /** Called for a new token. */
  fetchToken: FetchToken;
  /** Clock in epoch milliseconds. @default Date.now */
  now?: () => number;
  /**
   * Refresh when less than this remains of a token's lifetime, in ms, or less than a quarter of the lifetime
   * when that is shorter. @default 30_000
   */
  skewMs?: number;
  /** Time limit of one `fetchToken` call, in ms. @default 15_000 */
  timeoutMs?: number;
}

interface Cached {
  token: string;
  /** When to fetch a new one (local clock). */
  refreshAt: number;
  /** After this the token is not used at all (local clock). */
  expiresAt: number;
}

interface InFlight {
  promise: Promise<string>;
  controller: AbortController;
}

/** A Refold API key: `pk` (live) or `tk` (test), then a separator or an environment word, in any case. */
const API_KEY_SEPARATED = /^(?:pk|tk)(?:[^A-Za-z0-9]|live|test|prod|sandbox)/i;
/** A key written without a separator: `pk`/`tk` and a short run of letters and digits only. */
const API_KEY_BARE = /^(?:pk|tk)[A-Za-z0-9]{12,46}$/i;
/** Visible ASCII, the only characters an HTTP header value of a token may hold. */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * True when `token` looks like a Refold API key rather than a session token. A JWT is never a key; an opaque
 * token is a key when it starts with `pk`/`tk` followed by a separator or an environment word (`pk_live_…`,
 * `PK-LIVE-…`, `pk.live.…`, `tk_test_…`), or is a short run of letters and digits after `pk`/`tk`. A long
 * opaque session token that merely starts with those letters is not refused.
 */
export function looksLikeApiKey(token: string): boolean {
  if (isJwt(token)) return false;
  return API_KEY_SEPARATED.test(token) || API_KEY_BARE.test(token);
}

function isJwt(token: string): boolean {
  const parts = token.split('.');
  return (
    parts.length === 3 && token.startsWith('eyJ') && parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))
  );
}

/**
 * Holds one session token in memory: never in storage, never in a URL, never in a log. Concurrent callers
 * share one `fetchToken` call; an older fetch never replaces a newer token; a 401 invalidates only the
 * token that was refused.
 */
export class TokenManager {
  readonly #fetchToken: FetchToken;
  readonly #now: () => number;
  readonly #skewMs: number;
  readonly #timeoutMs: number;
  #disposed = false;
  #cached: Cached | undefined;
  #inFlight: InFlight | undefined;
  /** Incremented by every fetch; a result is applied only if it is newer than the cached one. */
  #seq = 0;
  #appliedSeq = 0;
  /** Incremented by `clear()`: results of fetches started before it are thrown away. */
  #epoch = 0;

  constructor(options: TokenManagerOptions) {
    if (typeof options.fetchToken !== 'function') {
      throw new RefoldTokenError(
        'fetchToken must be a function that asks your backend for a Refold session token, e.g. ' +
          "fetchToken={() => fetch('/api/refold-session').then(r => r.json())}.",
      );
    }
    this.#fetchToken = options.fetchToken;
    this.#now = options.now ?? Date.now;
    this.#skewMs = options.skewMs ?? 30_000;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** A valid token: the cached one, or a fresh one shared with every concurrent caller. */
  getToken(signal?: AbortSignal): Promise<string> {
    if (this.#disposed) return Promise.reject(disposedError());
    const cached = this.#cached;
    const now = this.#now();
    if (cached && now < cached.refreshAt) return Promise.resolve(cached.token);
    return this.#join(cached ? 'expired' : 'initial', signal);
  }

  /**
   * Called when Refold answered 401 to a request sent with `refused`. If a newer token already exists it is
   * returned at once; otherwise one new token is fetched for every caller that saw the same 401.
   */
  refreshAfterUnauthorized(refused: string, signal?: AbortSignal): Promise<string> {
    if (this.#disposed) return Promise.reject(disposedError());
    const cached = this.#cached;
    if (cached && cached.token !== refused && this.#now() < cached.refreshAt)
      return Promise.resolve(cached.token);
    if (cached?.token === refused) this.#cached = undefined;
    if (this.#inFlight) return this.#wait(this.#inFlight.promise, signal);
    return this.#join('unauthorized', signal);
  }

  /**
   * Drops the token, abandons any fetch under way and refuses every later one (with a `RefoldAbortError`):
   * the customer changed or signed out, so nothing may be fetched or replayed for this manager any more.
   */
  dispose(): void {
    this.#disposed = true;
    this.clear();
  }

  /** Drops the token and abandons any fetch under way (used when the customer changes). */
  clear(): void {
    this.#epoch++;
    this.#cached = undefined;
    const inFlight = this.#inFlight;
    this.#inFlight = undefined;
    inFlight?.controller.abort();
  }

  /** True while a token is cached (for tests and diagnostics; never exposes the token). */
  get hasToken(): boolean {
    return this.#cached !== undefined;
  }

  #join(reason: TokenFetchReason, signal?: AbortSignal): Promise<string> {
    if (this.#disposed) return Promise.reject(disposedError());
    if (!this.#inFlight) this.#inFlight = this.#start(reason);
    return this.#wait(this.#inFlight.promise, signal);
  }

  #start(reason: TokenFetchReason): InFlight {
    const controller = new AbortController();
    const seq = ++this.#seq;
    const epoch = this.#epoch;
    const limitMs = this.#timeoutMs;
    const promise = (async () => {
      let result: TokenResult;
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const timeout = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => {
            reject(
              new RefoldTokenError(
                `fetchToken did not answer within ${Math.round(limitMs / 1000)} s, so no request was sent. ` +
                  'Check that your session endpoint answers.',
              ),
            );
            // After the rejection above, so that the time limit (not the abandonment) is what callers see.
            controller.abort();
          }, limitMs);
        });
        // Abandoned (clear, dispose): stop waiting at once, even for a fetchToken that ignores its signal.
        const abandoned = new Promise<never>((_resolve, reject) => {
          controller.signal.addEventListener('abort', () => reject(new RefoldAbortError()), { once: true });
        });
        result = await Promise.race([
          Promise.resolve(this.#fetchToken({ signal: controller.signal, reason })),
          timeout,
          abandoned,
        ]);
      } catch (error) {
        if (error instanceof RefoldTokenError || error instanceof RefoldAbortError) throw error;
        if (controller.signal.aborted) throw new RefoldAbortError('The token fetch was abandoned.');
        throw new RefoldTokenError(
          `fetchToken failed, so no request was sent: ${redact(errorText(error))}. Check your session endpoint.`,
          { cause: safeCause(error) },
        );
      } finally {
        clearTimeout(timer);
      }
      if (controller.signal.aborted || epoch !== this.#epoch) {
        throw new RefoldAbortError('The token fetch was abandoned.');
      }
      const cached = this.#toCached(result);
      if (seq > this.#appliedSeq) {
        this.#appliedSeq = seq;
        this.#cached = cached;
      }
      return this.#cached?.token ?? cached.token;
    })();
    const inFlight = { promise, controller };
    const settle = () => {
      if (this.#inFlight === inFlight) this.#inFlight = undefined;
    };
    promise.then(settle, settle);
    return inFlight;
  }

  #toCached(result: TokenResult): Cached {
    const arrived = this.#now();
    const { token, lifetimeMs, absoluteExpiry } = readTokenResult(result);
    let expiresAt = Number.POSITIVE_INFINITY;
    if (lifetimeMs !== undefined) expiresAt = arrived + lifetimeMs;
    else if (absoluteExpiry !== undefined && absoluteExpiry > arrived) expiresAt = absoluteExpiry;
    // A token whose absolute expiry is already past on our clock was just minted by the backend: our clock is
    // wrong, so the token is used until Refold refuses it.
    // Refresh when less than min(skew, a quarter of the lifetime) remains, and never sooner than half the
    // lifetime after arrival, so a short-lived token under steady traffic is not fetched again and again.
    const lifetime = expiresAt - arrived;
    const refreshAt = Math.max(expiresAt - Math.min(this.#skewMs, lifetime / 4), arrived + lifetime / 2);
    return { token, expiresAt, refreshAt };
  }

  #wait(promise: Promise<string>, signal?: AbortSignal): Promise<string> {
    if (!signal) return promise;
    if (signal.aborted) return Promise.reject(new RefoldAbortError());
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => reject(new RefoldAbortError());
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new RefoldTokenError('fetchToken failed.'));
        },
      );
    });
  }
}

function disposedError(): RefoldAbortError {
  return new RefoldAbortError(
    'This Refold client was disposed (the customer changed): nothing more is sent.',
  );
}

/**
 * A stand-in for an error thrown by foreign code, safe to keep as a `cause`: its name and its redacted
 * message only (the original may hold a header value or a token in its message, stack or properties).
 */
export function safeCause(error: unknown): Error {
  const safe = new Error(redact(errorText(error)));
  safe.name = error instanceof Error ? error.name : 'Error';
  safe.stack = undefined;
  return safe;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return 'it threw a non-Error value';
}

/**
 * Checks what `fetchToken` returned and reads the token's lifetime. Throws a {@link RefoldTokenError} that
 * says what to return instead; the message never contains the value.
 */
export function readTokenResult(result: unknown): {
  token: string;
  lifetimeMs: number | undefined;
  absoluteExpiry: number | undefined;
} {
  const hint = 'Return the session token string, or { token, expiresIn } from your backend.';
  let token: unknown;
  let expiresIn: unknown;
  let expiresAt: unknown;
  if (typeof result === 'string') {
    token = result;
  } else if (typeof result === 'object' && result !== null) {
    const r = result as Record<string, unknown>;
    token = r.token;
    expiresIn = r.expiresIn ?? r.expires_in;
    expiresAt = r.expiresAt;
  } else {
    throw new RefoldTokenError(`fetchToken resolved to ${result === null ? 'null' : typeof result}. ${hint}`);
  }
  if (typeof token !== 'string') {
    throw new RefoldTokenError(
      `fetchToken gave no token string (token is ${token === null ? 'null' : typeof token}). ${hint}`,
    );
  }
  if (token.trim() === '') throw new RefoldTokenError(`fetchToken gave an empty token. ${hint}`);
  if (/^bearer\s/i.test(token)) {
    throw new RefoldTokenError('fetchToken gave a token that starts with "Bearer ". Return the token alone.');
  }
  if (/\s/.test(token)) throw new RefoldTokenError('fetchToken gave a token that contains white space.');
  if (!VISIBLE_ASCII.test(token)) {
    throw new RefoldTokenError(
      'fetchToken gave a token with characters a session token never has (control or non-ASCII characters).',
    );
  }
  if (looksLikeApiKey(token)) {
    throw new RefoldTokenError(
      'fetchToken gave what looks like a Refold API key (pk…/tk…). API keys are secret and must stay on your ' +
        'backend: have it mint a session token with the key and return only that token.',
    );
  }
  let lifetimeMs: number | undefined;
  if (expiresIn !== undefined && expiresIn !== null) {
    if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw new RefoldTokenError('expiresIn must be a positive number of seconds.');
    }
    lifetimeMs = expiresIn * 1000;
  }
  const claims = decodeJwtClaims(token);
  if (
    lifetimeMs === undefined &&
    claims.exp !== undefined &&
    claims.iat !== undefined &&
    claims.exp > claims.iat
  ) {
    lifetimeMs = (claims.exp - claims.iat) * 1000;
  }
  let absoluteExpiry: number | undefined;
  if (expiresAt !== undefined && expiresAt !== null) {
    const ms =
      expiresAt instanceof Date
        ? expiresAt.getTime()
        : typeof expiresAt === 'number'
          ? expiresAt
          : typeof expiresAt === 'string'
            ? Date.parse(expiresAt)
            : Number.NaN;
    if (!Number.isFinite(ms))
      throw new RefoldTokenError('expiresAt must be a Date, epoch milliseconds or an ISO date.');
    absoluteExpiry = ms;
  } else if (claims.exp !== undefined) {
    absoluteExpiry = claims.exp * 1000;
  }
  return { token, lifetimeMs, absoluteExpiry };
}

/** Reads `exp` and `iat` (seconds) from a JWT's payload; an opaque token yields nothing. */
export function decodeJwtClaims(token: string): { exp?: number; iat?: number } {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return {};
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
    const payload: unknown = JSON.parse(json);
    if (typeof payload !== 'object' || payload === null) return {};
    const { exp, iat } = payload as Record<string, unknown>;
    return {
      ...(typeof exp === 'number' && Number.isFinite(exp) ? { exp } : {}),
      ...(typeof iat === 'number' && Number.isFinite(iat) ? { iat } : {}),
    };
  } catch {
    return {};
  }
}
