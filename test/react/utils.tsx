import { QueryClient } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import type { RenderHookOptions } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { version } from 'react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import type { FetchToken } from '../../src/core/token.js';
import type { RefoldProviderProps } from '../../src/react/RefoldProvider.js';
import { createMockFetchToken } from '../../src/testing/fetch-token.js';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';
import type { MockRefold, MockRefoldOptions } from '../../src/testing/mock-refold/index.js';
import { mockRefoldHandlers } from '../../src/testing/mock-refold/msw.js';
import { renderHookWithRefold } from '../../src/testing/render.js';

/** The React major the current project runs (18 or 19). */
export const reactMajor = Number(version.split('.')[0]);

/** A mock Refold (`options` go to `createMockRefold`) served through MSW at the default base URL, reset after each test. */
export function setupMockServer(options?: MockRefoldOptions) {
  const mock = createMockRefold(options);
  const server = setupServer(...mockRefoldHandlers(mock));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup(); // before the reset: see test/browser-setup/msw.ts
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

/** fetchToken minting tokens for `account` from the mock, as the app's backend would (a spy). */
export function mockFetchToken(mock: MockRefold, account = 'customer-a') {
  return vi.fn<FetchToken>(createMockFetchToken(mock, { linkedAccountId: account }));
}

/** Renders a hook inside a RefoldProvider talking to the mock (the testing kit's `renderHookWithRefold`). */
export function renderRefoldHook<Result, Props>(
  mock: MockRefold,
  hook: (props: Props) => Result,
  options: WrapperOptions & Omit<RenderHookOptions<Props>, 'wrapper'> = {},
) {
  const {
    strict,
    account = 'customer-a',
    initialProps,
    fetchToken,
    queryClient,
    baseUrl,
    ...providerProps
  } = options;
  return renderHookWithRefold(hook, {
    mock,
    strict,
    initialProps,
    baseUrl,
    queryClient,
    fetchToken: fetchToken ?? mockFetchToken(mock, account),
    providerProps,
  });
}
