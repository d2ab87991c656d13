/**
 * Rate-limit building blocks: the client-side token bucket ({@link RateLimiter}), the backoff delay with
 * jitter, `Retry-After` parsing and an abortable sleep. The retry loop that uses them is in `transport.ts`.
 *
 * @module
 */
import { RefoldAbortError } from './errors.js';

/** Options of the client-side token bucket. */
export interface RateLimitOptions {
  /** Sustained requests per second. @default 20 (Refold's documented limit) */
  perSecond?: number;
  /**
   * Requests allowed at once after a quiet period. Refold allows bursts of 5; the client keeps one in reserve
   * so that requests bunched up by network jitter still arrive within Refold's limit. @default 4
   */
  burst?: number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * A token bucket that keeps the client under Refold's limit: a burst of calls queues (first in, first out)
 * instead of earning 429s. `now` and `setTimer` are injectable for tests.
 */
export class RateLimiter {
  readonly #perMs: number;
  readonly #capacity: number;
  readonly #now: () => number;
  #tokens: number;
  #last: number;
  #queue: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RateLimitOptions = {}, now: () => number = Date.now) {
    const perSecond = options.perSecond ?? 20;
    const burst = options.burst ?? 4;
    if (!(perSecond > 0) || !(burst >= 1)) {
      throw new RangeError('rateLimit needs perSecond > 0 and burst >= 1.');
    }
    this.#perMs = perSecond / 1000;
    this.#capacity = burst;
    this.#now = now;
    this.#tokens = burst;
    this.#last = now();
  }

  /** Resolves when the request may go out; rejects with `RefoldAbortError` if `signal` fires first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new RefoldAbortError());
    this.#refill();
    if (this.#queue.length === 0 && this.#tokens >= 1) {
      this.#tokens -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          this.#queue = this.#queue.filter((w) => w !== waiter);
          reject(new RefoldAbortError());
          if (this.#queue.length === 0) this.#clearTimer();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
      this.#schedule();
    });
  }

  /** Requests waiting for a slot. */
  get pending(): number {
    return this.#queue.length;
  }

  #refill(): void {
    const now = this.#now();
    this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#last) * this.#perMs);
    this.#last = now;
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#queue.length === 0) return;
    const wait = Math.max(1, Math.ceil((1 - this.#tokens) / this.#perMs));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#drain();
    }, wait);
  }

  #drain(): void {
    this.#refill();
    while (this.#queue.length > 0 && this.#tokens >= 1) {
      this.#tokens -= 1;
      const waiter = this.#queue.shift();
      if (waiter?.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
      waiter?.resolve();
    }
    this.#schedule();
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/** Options of the retry policy for 429 answers and network failures. */
export interface RetryOptions {
  /** Retries after a 429 before giving up with `RefoldRateLimitError`. @default 4 */
  maxRateLimitRetries?: number;
  /** Retries of a GET after a network failure. Other methods are never replayed after one. @default 2 */
  maxNetworkRetries?: number;
  /** First backoff delay in ms, doubled each attempt. @default 500 */
  baseDelayMs?: number;
  /** Longest backoff delay in ms. @default 8_000 */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this (ms) is not waited for: the error reaches the caller at once. @default 30_000 */
  maxRetryAfterMs?: number;
}

/**
 * Delay before retry number `attempt` (0-based): exponential with "equal jitter" (half fixed, half random),
 * capped, and never shorter than the server's `Retry-After` (plus up to 10 % jitter so clients that were
 * told the same instant do not all come back together).
 */
export function backoffDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  options: Required<RetryOptions>,
  random: () => number = Math.random,
): number {
  const exp = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  const jittered = exp / 2 + random() * (exp / 2);
  if (retryAfterMs === undefined) return Math.round(jittered);
  return Math.round(retryAfterMs + random() * Math.min(1000, retryAfterMs * 0.1 + 100));
}

/**
 * Parses a `Retry-After` header: delay-seconds or an HTTP date. Garbage, negative values and dates in the
 * past give `undefined` (then plain backoff applies).
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (/^\d/.test(trimmed) || !/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (!Number.isFinite(date)) return undefined;
  const ms = date - now;
  return ms > 0 ? ms : undefined;
}

/** Waits `ms`, or rejects with `RefoldAbortError` as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new RefoldAbortError());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new RefoldAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
