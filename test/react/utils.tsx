import { QueryClient } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { RenderHookOptions } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { StrictMode, version } from 'react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import type { FetchToken } from '../../src/core/token.js';
import { RefoldProvider } from '../../src/react/RefoldProvider.js';
import type { RefoldProviderProps } from '../../src/react/RefoldProvider.js';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';
import { mockRefoldHandlers } from '../../src/testing/mock-refold/msw.js';

/** The React major the current project runs (18 or 19). */
export const reactMajor = Number(version.split('.')[0]);

/** A mock Refold served through MSW at the default base URL, reset after each test. */
export function setupMockServer() {
  const mock = createMockRefold();
  const server = setupServer(...mockRefoldHandlers(mock));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    mock.reset();
    server.resetHandlers();
  });
  afterAll(() => server.close());
  /** Requests the hooks sent. */
  const sent = () => mock.requests.filter((r) => r.method !== 'OPTIONS');
  return { mock, server, sent };
}

/** A fresh QueryClient like the provider's own, with unlimited gc so assertions can read the cache. */
export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

interface WrapperOptions extends Partial<Omit<RefoldProviderProps, 'children'>> {
  strict?: boolean;
  account?: string;
}

/** fetchToken minting tokens for `account` from the mock, as the app's backend would. */
export function mockFetchToken(mock: ReturnType<typeof createMockRefold>, account = 'customer-a') {
  return vi.fn<FetchToken>(async () => ({ token: mock.mintToken(account), expiresIn: 3600 }));
}

/** Renders a hook inside a RefoldProvider talking to the mock. */
export function renderRefoldHook<Result, Props>(
  mock: ReturnType<typeof createMockRefold>,
  hook: (props: Props) => Result,
  options: WrapperOptions & Omit<RenderHookOptions<Props>, 'wrapper'> = {},
) {
  const { strict, account, initialProps, ...providerProps } = options;
  const fetchToken = providerProps.fetchToken ?? mockFetchToken(mock, account);
  const queryClient = providerProps.queryClient ?? testQueryClient();
  function Wrapper({ children }: { children: ReactNode }) {
    const tree = (
      <RefoldProvider {...providerProps} fetchToken={fetchToken} queryClient={queryClient}>
        {children}
      </RefoldProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  }
  const rendered = renderHook(hook, { wrapper: Wrapper, initialProps });
  return { ...rendered, fetchToken, queryClient };
}
