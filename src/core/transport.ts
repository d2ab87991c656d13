/**
 * The request loop: the one place where a call goes out over HTTP and what happens when it does not
 * succeed at once. {@link createTransport}`.send` takes a session token, waits for the rate limiter, sends
 * one attempt under a time limit that covers the whole body, and then, by answer:
 *
 * - network failure: a GET is sent again after a backoff ({@link RetryOptions.maxNetworkRetries}); a
 *   write never is (it may have reached the server);
 * - 401: a new token is fetched and the call replayed once; a second 401 is a `RefoldAuthError`;
 * - 429: {@link waitAfterRateLimit} waits `Retry-After` (or an exponential backoff with jitter) and the
 *   call is sent again, up to {@link RetryOptions.maxRateLimitRetries}, else a `RefoldRateLimitError`;
 * - another non-2xx: a `RefoldApiError` from the error body; a 2xx: the body parsed and checked.
 *
 * The caller's signal and `dispose()` abort every wait and every attempt. The bucket, the backoff formula
 * and `Retry-After` parsing live in `rate-limit.ts`; error bodies and parsing in `response.ts`.
 *
 * @module
 */
import {
  RefoldAbortError,
  RefoldError,
  RefoldNetworkError,
  RefoldRateLimitError,
  RefoldTimeoutError,
} from './errors.js';
import { backoffDelay, parseRetryAfter, sleep } from './rate-limit.js';
import type { RateLimiter, RetryOptions } from './rate-limit.js';
import { apiError, authError, parseAnswer } from './response.js';
import type { AnswerSpec, RefoldResponseWarning } from './response.js';
import { routes } from './routes.js';
import type { RouteName } from './routes.js';
import { safeCause } from './token.js';
import type { TokenManager } from './token.js';

/** Query parameters of a call; `undefined` ones are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

/** One call to Refold, fully described before anything is sent. */
export interface Call<T> extends AnswerSpec<T> {
  /** The route's path with its parameters filled in (checked when the call is made, before any await). */
  path: string;
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** Overrides the route's method (the legacy GET form of the OAuth start). */
  method?: 'GET';
  /**
   * Sent with no credentials at all (the human-task routes): no token is fetched, no `Authorization` goes
   * out, a 401 is an ordinary `RefoldApiError`, and a network failure keeps no cause (it may quote the URL).
   */
  anonymous?: boolean;
  signal: AbortSignal | undefined;
}

/** What the transport needs; the client fills in the defaults. */
export interface TransportSettings {
  /** API origin (checked), prefixed to every path. */
  baseUrl: string;
  /** The `fetch` to send with. */
  fetch: typeof fetch;
  /** Where the session token comes from. */
  tokens: TokenManager;
  /** The client-side bucket, or none. */
  limiter: RateLimiter | undefined;
  /** The retry policy, every value set. */
  retry: Required<RetryOptions>;
  /** Time limit of one attempt (headers and body), in ms. */
  timeoutMs: number;
  /** Told of every call that finally fails, except an abort. */
  onError?: (error: RefoldError, context: { route: RouteName }) => void;
  /** Told of parts left out of a successful answer. */
  onWarning?: (warning: RefoldResponseWarning) => void;
}

/** Sends calls; see the module comment for the loop. */
export interface Transport {
  /** Sends one call with token, rate limit, retries and time limit; resolves with the checked answer. */
  send<T>(call: Call<T>): Promise<T>;
  /** Aborts every call under way, drops the token and refuses every later call. */
  dispose(): void;
}

/** Statuses whose answer has no body (a `Response` refuses one). */
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/** Creates the transport of one client. */
export function createTransport(settings: TransportSettings): Transport {
  const { baseUrl, tokens, limiter, retry, timeoutMs } = settings;
  // Aborted by dispose(): every call of this client listens to it.
  const lifetime = new AbortController();

  async function send<T>(call: Call<T>): Promise<T> {
    // The caller's signal and dispose() both stop the call.
    const { signal, release } = anySignal(call.signal, lifetime.signal);
    try {
      return await attempt({ ...call, signal });
    } catch (error) {
      const failure = toRefoldError(error);
      if (!(failure instanceof RefoldAbortError)) settings.onError?.(failure, { route: call.route });
      throw failure;
    } finally {
      release();
    }
  }

  async function attempt<T>(call: Call<T> & { signal: AbortSignal }): Promise<T> {
    const method = call.method ?? routes[call.route].method;
    const url = baseUrl + call.path + queryString(call.query);
    const { signal } = call;
    if (signal.aborted) throw new RefoldAbortError();
    let token = call.anonymous ? undefined : await tokens.getToken(signal);
    let replayedAfter401 = false;
    let rateLimited = 0;
    let networkFailures = 0;
    for (;;) {
      await limiter?.acquire(signal);
      let response: Response;
      try {
        response = await fetchOnce(settings.fetch, url, method, token, call, timeoutMs);
      } catch (error) {
        if (signal.aborted) throw new RefoldAbortError();
        const failure =
          error instanceof RefoldTimeoutError
            ? error
            : new RefoldNetworkError(
                `Could not reach Refold (${method} ${routes[call.route].path}). Check the connection and try again.`,
                // Never the raw error: a fetch that refused a header value may quote it.
                { cause: call.anonymous ? undefined : safeCause(error) },
              );
        // Only a GET is replayed: a write may have reached the server before the connection failed.
        if (method !== 'GET' || networkFailures >= retry.maxNetworkRetries) throw failure;
        await sleep(backoffDelay(networkFailures++, undefined, retry), signal);
        continue;
      }
      if (response.status === 401 && token !== undefined) {
        if (replayedAfter401) throw await authError(response);
        replayedAfter401 = true;
        token = await tokens.refreshAfterUnauthorized(token, signal);
        continue;
      }
      if (response.status === 429) {
        await waitAfterRateLimit(response, rateLimited++, retry, signal);
        continue;
      }
      if (!response.ok) throw await apiError(response, call.secrets);
      return parseAnswer(response, call, settings.onWarning);
    }
  }

  return {
    send,
    dispose: () => {
      tokens.dispose();
      lifetime.abort();
    },
  };
}

/**
 * How a 429 is retried: waits the answer's `Retry-After` (plus a little jitter), or, without one, an
 * exponential backoff with jitter; then the caller sends again. Gives up with a `RefoldRateLimitError`
 * (with `retryAfter` in seconds) after `maxRateLimitRetries` retries, or at once when `Retry-After` is longer
 * than `maxRetryAfterMs`. `retries` is how many 429s of this call were already retried.
 */
async function waitAfterRateLimit(
  response: Response,
  retries: number,
  retry: Required<RetryOptions>,
  signal: AbortSignal,
): Promise<void> {
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  await response.body?.cancel().catch(() => undefined);
  const retryAfterS = retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);
  if (retries >= retry.maxRateLimitRetries || (retryAfterMs ?? 0) > retry.maxRetryAfterMs) {
    throw new RefoldRateLimitError(
      `Refold is receiving too many requests; try again ${waitText(retryAfterS)}.`,
      retryAfterS,
    );
  }
  await sleep(backoffDelay(retries, retryAfterMs, retry), signal);
}

/**
 * One HTTP exchange, the whole body included: the time limit and the caller's signal cover reading the body,
 * so a body that stalls after the headers never hangs the call. Answers a buffered `Response`.
 */
async function fetchOnce<T>(
  doFetch: typeof fetch,
  url: string,
  method: string,
  token: string | undefined,
  call: Call<T>,
  limitMs: number,
): Promise<Response> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  call.signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limitMs);
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...call.headers,
    ...(token !== undefined && { authorization: `Bearer ${token}` }),
  };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await doFetch(url, {
      method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: controller.signal,
      credentials: 'omit',
    });
    const text = await response.text();
    return new Response(text === '' || NULL_BODY_STATUS.has(response.status) ? null : text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    if (timedOut) {
      throw new RefoldTimeoutError(
        `Refold did not answer within ${Math.round(limitMs / 1000)} s (${method} ${routes[call.route].path}).`,
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', onAbort);
  }
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * A signal aborted as soon as any of `signals` is, and `release`, which stops listening to them (call it
 * when the work is done, so a long-lived signal does not collect listeners).
 */
function anySignal(...signals: (AbortSignal | undefined)[]): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const release = new AbortController();
  for (const signal of signals) {
    if (!signal) continue;
    if (signal.aborted) {
      controller.abort();
      break;
    }
    signal.addEventListener('abort', () => controller.abort(), { once: true, signal: release.signal });
  }
  return { signal: controller.signal, release: () => release.abort() };
}

/** "in 20 s", "in 3 min", "later": a wait as a person reads it, capped at an hour. */
function waitText(seconds: number | undefined): string {
  if (seconds === undefined) return 'shortly';
  if (seconds < 60) return `in ${seconds} s`;
  if (seconds <= 3600) return `in ${Math.ceil(seconds / 60)} min`;
  return 'later';
}

function toRefoldError(error: unknown): RefoldError {
  if (error instanceof RefoldError) return error;
  if (error instanceof Error && error.name === 'AbortError') return new RefoldAbortError();
  return new RefoldNetworkError('The request failed unexpectedly.', { cause: safeCause(error) });
}
