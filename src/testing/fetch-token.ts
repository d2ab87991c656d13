/**
 * A `fetchToken` for tests that mints session tokens from the mock Refold, as your backend would, and can
 * hold a token fetch until the test releases it. Framework-free.
 *
 * @module
 */
import type { TokenFetchContext, TokenResult } from '../core/token.js';
import type { MockRefold } from './mock-refold/types.js';

/** Options of {@link createMockFetchToken}. */
export interface MockFetchTokenOptions {
  /** The customer the tokens are minted for. @default 'test-customer' */
  linkedAccountId?: string;
  /** Reject every call with this error (a string becomes an `Error` with that message): your backend failing. */
  error?: string | Error;
}

/** A token fetch held by {@link MockFetchToken.hold} until released. */
export interface MockTokenHold {
  /** Resolves once a token fetch starts and is held. */
  readonly arrived: Promise<void>;
  /** Lets the held fetch answer (also lets through one that has not started yet). */
  release(): void;
}

/** What {@link createMockFetchToken} answers: a `fetchToken` that counts its calls and can be held. */
export interface MockFetchToken {
  /** Mints a token from the mock (or rejects with `error`); rejects with the signal's reason on abort. */
  (context: TokenFetchContext): Promise<TokenResult>;
  /** How many times it was called. */
  calls: number;
  /**
   * Holds the next call before it answers, until `release()`: the UI stays in its "waiting for the session"
   * state for as long as the test looks at it, with no timer. Several holds take several calls, in order.
   */
  hold(): MockTokenHold;
}

interface HeldCall {
  arrive: () => void;
  released: Promise<void>;
}

/** Resolves when `released` does; rejects with the signal's reason once it aborts. */
function untilReleased(released: Promise<void>, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    void released.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

/**
 * A `fetchToken` minting session tokens from `mock` for one customer, as your backend would.
 *
 * @example Hold the token to look at the state before the session exists, then let it come.
 * ```tsx
 * const mock = createMockRefold();
 * const fetchToken = createMockFetchToken(mock);
 * const token = fetchToken.hold();
 * const screen = renderWithRefold(<AppList />, { mock, fetchToken });
 * await token.arrived;
 * expect(screen.getByRole('status')).toHaveTextContent('Loading apps…');
 * token.release();
 * expect(await screen.findByRole('listbox')).toBeTruthy();
 * expect(fetchToken.calls).toBe(1);
 * ```
 */
export function createMockFetchToken(mock: MockRefold, options: MockFetchTokenOptions = {}): MockFetchToken {
  const { linkedAccountId = 'test-customer', error } = options;
  let holds: HeldCall[] = [];
  const fetchToken = Object.assign(
    async ({ signal }: TokenFetchContext): Promise<TokenResult> => {
      fetchToken.calls += 1;
      const held = holds.shift();
      if (held !== undefined) {
        held.arrive();
        await untilReleased(held.released, signal);
      }
      signal.throwIfAborted();
      if (error !== undefined) throw typeof error === 'string' ? new Error(error) : error;
      return { token: mock.mintToken(linkedAccountId) };
    },
    {
      calls: 0,
      hold(): MockTokenHold {
        let arrive!: () => void;
        let release!: () => void;
        const arrived = new Promise<void>((resolve) => (arrive = resolve));
        const released = new Promise<void>((resolve) => (release = resolve));
        const record: HeldCall = { arrive, released };
        holds.push(record);
        return {
          arrived,
          release: () => {
            release();
            holds = holds.filter((candidate) => candidate !== record);
          },
        };
      },
    },
  );
  return fetchToken;
}
