/**
 * Renders UI inside a `RefoldProvider` talking to the mock Refold, for browser tests (Testing Library's
 * `render`, which works in Vitest browser mode; interact through `userEvent` of `vitest/browser` for real,
 * trusted input events).
 *
 * @module
 */
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RenderOptions, RenderResult } from '@testing-library/react';
import { StrictMode } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { vi } from 'vitest';
import type { Mock } from 'vitest';
import type { FetchToken } from '../../src/core/token.js';
import { RefoldProvider } from '../../src/react/RefoldProvider.js';
import type { RefoldProviderProps } from '../../src/react/RefoldProvider.js';
import type { MockRefold } from '../../src/testing/mock-refold/types.js';
import { MOCK_BASE_URL } from './msw.js';

/** Options of {@link renderRefold}. */
export interface RenderRefoldOptions extends Omit<RenderOptions, 'wrapper'> {
  /** The mock Refold the worker serves (see `setupMockWorker`). */
  mock: MockRefold;
  /** Linked account the session tokens are minted for. @default 'test-customer' */
  linkedAccountId?: string;
  /** Delay of every `fetchToken` call, ms (e.g. > 5000 to outlast the browser's user activation). @default 0 */
  fetchTokenDelayMs?: number;
  /** Render inside `<StrictMode>`. @default true */
  strict?: boolean;
  /** A QueryClient of your own. @default a fresh one without retries */
  queryClient?: QueryClient;
  /** Other provider props (`baseUrl`, `scope`, `locale`, `messages`, `onEvent`, or your own `fetchToken`). */
  providerProps?: Partial<Omit<RefoldProviderProps, 'children' | 'queryClient'>>;
}

/** What {@link renderRefold} answers. */
export interface RenderRefoldResult extends RenderResult {
  /** The provider's `fetchToken` (a spy). */
  fetchToken: Mock<FetchToken>;
  queryClient: QueryClient;
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** A `fetchToken` minting from the mock as your backend would, after `delayMs`. */
export function mockFetchToken(
  mock: MockRefold,
  linkedAccountId = 'test-customer',
  delayMs = 0,
): Mock<FetchToken> {
  return vi.fn<FetchToken>(async ({ signal }) => {
    await delay(delayMs, signal);
    return { token: mock.mintToken(linkedAccountId), expiresIn: 3600 };
  });
}

/**
 * Renders `ui` inside a `RefoldProvider` (strict mode by default) whose `fetchToken` mints from `mock`.
 *
 * @example
 * const { mock } = setupMockWorker();
 * const screen = renderRefold(<AppList />, { mock });
 * expect(await screen.findByRole('list')).toBeTruthy();
 */
export function renderRefold(ui: ReactElement, options: RenderRefoldOptions): RenderRefoldResult {
  const {
    mock,
    linkedAccountId,
    fetchTokenDelayMs = 0,
    strict = true,
    queryClient: givenClient,
    providerProps = {},
    ...renderOptions
  } = options;
  const queryClient =
    givenClient ??
    new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const fetchToken = providerProps.fetchToken
    ? vi.fn<FetchToken>(providerProps.fetchToken)
    : mockFetchToken(mock, linkedAccountId, fetchTokenDelayMs);
  function Wrapper({ children }: { children: ReactNode }) {
    const tree = (
      <RefoldProvider
        baseUrl={MOCK_BASE_URL}
        {...providerProps}
        fetchToken={fetchToken}
        queryClient={queryClient}
      >
        {children}
      </RefoldProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  }
  const result = render(ui, { ...renderOptions, wrapper: Wrapper });
  return Object.assign(result, { fetchToken, queryClient });
}
