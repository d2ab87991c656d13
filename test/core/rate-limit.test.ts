import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RefoldAbortError } from '../../src/core/errors.js';
import { RateLimiter, backoffDelay, parseRetryAfter, sleep } from '../../src/core/rate-limit.js';

const policy = {
  maxRateLimitRetries: 4,
  maxNetworkRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

describe('RateLimiter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets a burst of four through at once (one in reserve) and queues the rest at twenty per second', async () => {
    const limiter = new RateLimiter({}, () => Date.now());
    const released: number[] = [];
    const start = Date.now();
    const all = Array.from({ length: 25 }, () =>
      limiter.acquire().then(() => released.push(Date.now() - start)),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(released).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(1_100);
    await Promise.all(all);
    expect(released).toHaveLength(25);
    // After the burst, one slot every 50 ms: request 25 (index 24) goes out no sooner than 21 × 50 ms.
    expect(released[24]).toBeGreaterThanOrEqual(1_050);
    for (let i = 5; i < released.length; i++)
      expect(released[i]! - released[i - 1]!).toBeGreaterThanOrEqual(49);
  });

  it('releases waiters first in, first out', async () => {
    const limiter = new RateLimiter({ perSecond: 10, burst: 1 }, () => Date.now());
    const order: number[] = [];
    const all = [1, 2, 3, 4].map((n) => limiter.acquire().then(() => order.push(n)));
    await vi.advanceTimersByTimeAsync(500);
    await Promise.all(all);
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('drops an aborted waiter from the queue without blocking the others', async () => {
    const limiter = new RateLimiter({ perSecond: 10, burst: 1 }, () => Date.now());
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(RefoldAbortError);
    expect(limiter.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    await expect(next).resolves.toBeUndefined();
    expect(limiter.pending).toBe(0);
  });

  it('refuses nonsense settings', () => {
    expect(() => new RateLimiter({ perSecond: 0 })).toThrow(RangeError);
    expect(() => new RateLimiter({ burst: 0 })).toThrow(RangeError);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with jitter and stays under the cap', () => {
    const low = [0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, undefined, policy, () => 0));
    const high = [0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, undefined, policy, () => 0.999));
    expect(low).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
    for (const [i, h] of high.entries()) {
      expect(h).toBeGreaterThan(low[i]!);
      expect(h).toBeLessThanOrEqual(8_000);
    }
  });

  it('never waits less than Retry-After, and spreads clients told the same instant', () => {
    const delays = [0, 0.5, 0.99].map((r) => backoffDelay(0, 2_000, policy, () => r));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2_000);
    expect(new Set(delays).size).toBe(3);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);
  it.each<[string | null, number | undefined]>([
    ['2', 2_000],
    ['0', 0],
    [' 1.5 ', 1_500],
    [new Date(now + 5_000).toUTCString(), 5_000],
    [new Date(now - 5_000).toUTCString(), undefined],
    ['-3', undefined],
    ['soon', undefined],
    ['', undefined],
    ['12abc', undefined],
    [null, undefined],
  ])('reads %j as %j ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('sleep', () => {
  it('rejects with RefoldAbortError as soon as its signal fires and leaves no timer', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const p = sleep(10_000, controller.signal);
    controller.abort();
    await expect(p).rejects.toBeInstanceOf(RefoldAbortError);
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });
});
