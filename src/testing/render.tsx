import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RenderOptions, RenderResult } from '@testing-library/react';
import { StrictMode } from 'react';
import type { ReactElement, ReactNode } from 'react';
import type { FetchToken } from '../core/token.js';
import { RefoldProvider } from '../react/RefoldProvider.js';
import type { RefoldProviderProps } from '../react/RefoldProvider.js';
import type { MockRefold } from './mock-refold/types.js';

/** Options of {@link renderWithRefold}. */
export interface RenderWithRefoldOptions extends Omit<RenderOptions, 'wrapper'> {
  /** The mock Refold whose handlers your MSW server (or `listenMockRefold`) serves. */
  mock: MockRefold;
  /** Linked account the session tokens are minted for. @default 'test-customer' */
  linkedAccountId?: string;
  /** Where the mock is served. @default 'https://app.refold.ai' (the MSW default) */
  baseUrl?: string;
  /** Render inside `<StrictMode>`. @default false */
  strict?: boolean;
  /** A QueryClient of your own. @default a fresh one, without retries */
  queryClient?: QueryClient;
  /** Other provider props (`scope`, `locale`, `messages`, `onEvent`). */
  providerProps?: Omit<RefoldProviderProps, 'fetchToken' | 'baseUrl' | 'queryClient' | 'children'>;
}

/** What {@link renderWithRefold} returns. */
export interface RenderWithRefoldResult extends RenderResult {
  /** The provider's `fetchToken` (count its calls). */
  fetchToken: FetchToken & { calls: number };
  /** The QueryClient the hooks use. */
  queryClient: QueryClient;
}

/**
 * Renders `ui` inside a `RefoldProvider` whose `fetchToken` mints session tokens from the mock, the way your
 * backend would. Serve the mock first with `mockRefoldHandlers(mock)` in MSW.
 *
 * @example
 * const mock = createMockRefold();
 * const server = setupServer(...mockRefoldHandlers(mock));
 * renderWithRefold(<AppList />, { mock });
 */
export function renderWithRefold(ui: ReactElement, options: RenderWithRefoldOptions): RenderWithRefoldResult {
  const {
    mock,
    linkedAccountId = 'test-customer',
    baseUrl,
    strict = false,
    providerProps,
    ...renderOptions
  } = options;
  const queryClient =
    options.queryClient ??
    new QueryClient({
      defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
    });
  const fetchToken = Object.assign(
    async () => {
      fetchToken.calls += 1;
      return { token: mock.mintToken(linkedAccountId) };
    },
    { calls: 0 },
  );
  function Wrapper({ children }: { children: ReactNode }) {
    const tree = (
      <RefoldProvider {...providerProps} fetchToken={fetchToken} baseUrl={baseUrl} queryClient={queryClient}>
        {children}
      </RefoldProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  }
  const result = render(ui, { ...renderOptions, wrapper: Wrapper });
  return Object.assign(result, { fetchToken, queryClient });
}
