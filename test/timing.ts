/**
 * Time in tests without waiting for it, in jsdom (`test/react`) and in Chromium (`test/components`) alike: a
 * fake clock for the library's timers, and a count of the requests it starts.
 *
 * @module
 */
import { act } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * A fake clock for timers (polls, graces, refetch intervals), installed before they start: they still run as
 * real time passes, so requests and React go on as usual, and the answered `advance(ms)` jumps ahead at
 * once, firing every timer due by then. Undo it with `vi.useRealTimers()` (in `afterEach`).
 */
export function fakeClock(): (ms: number) => Promise<void> {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    shouldAdvanceTime: true,
    advanceTimeDelta: 5,
  });
  return (ms) => act(() => vi.advanceTimersByTimeAsync(ms).then(() => undefined));
}

/**
 * How many requests to `path` (every path when absent) the library started from now on: its `fetch` calls,
 * counted the moment each starts rather than when the mock gets it, so "no more requests" needs no wait for
 * requests still on the wire. Restored by `vi.restoreAllMocks()`.
 */
export function countFetches(path?: string): () => number {
  const spy = vi.spyOn(globalThis, 'fetch');
  const pathOf = (input: Parameters<typeof fetch>[0]) =>
    new URL(input instanceof Request ? input.url : String(input), location.href).pathname;
  return () => spy.mock.calls.filter(([input]) => path === undefined || pathOf(input) === path).length;
}
