/**
 * `@refold/react/testing/react`: render your components and hooks under a `RefoldProvider` that talks to the
 * mock Refold. Needs `@testing-library/react`.
 *
 * @module
 */
import { QueryClient } from '@tanstack/react-query';
import { render, renderHook } from '@testing-library/react';
import type {
  RenderHookOptions,
  RenderHookResult,
  RenderOptions,
  RenderResult,
} from '@testing-library/react';
import { StrictMode } from 'react';
import type { ReactElement, ReactNode } from 'react';
import type { FetchToken } from '../core/token.js';
import { RefoldProvider } from '../react/RefoldProvider.js';
import type { RefoldProviderProps } from '../react/RefoldProvider.js';
import { createMockFetchToken } from './fetch-token.js';
import type { MockFetchToken } from './fetch-token.js';
import type { MockRefold } from './mock-refold/types.js';

/** Options of {@link createRefoldWrapper}, {@link renderWithRefold} and {@link renderHookWithRefold}. */
export interface RefoldWrapperOptions<Token extends FetchToken = MockFetchToken> {
  /** The mock Refold whose handlers your MSW server (or `listenMockRefold`) serves. */
  mock: MockRefold;
  /** Linked account the session tokens are minted for. @default 'test-customer' */
  linkedAccountId?: string;
  /** Where the mock is served. @default 'https://app.refold.ai' (the MSW default) */
  baseUrl?: string;
  /** Render inside `<StrictMode>`. @default false */
  strict?: boolean;
  /** A QueryClient of your own. @default a fresh one, without retries and with unlimited `gcTime` */
  queryClient?: QueryClient;
  /**
   * The provider's `fetchToken`, e.g. `createMockFetchToken(mock)` after `.hold()`, one that fails, or a spy
   * of your test framework around one. @default `createMockFetchToken(mock, { linkedAccountId })`
   */
  fetchToken?: Token;
  /** Other provider props (`scope`, `locale`, `messages`, `onEvent`). */
  providerProps?: Omit<RefoldProviderProps, 'fetchToken' | 'baseUrl' | 'queryClient' | 'children'>;
}

/** What {@link createRefoldWrapper} answers. */
export interface RefoldWrapper<Token extends FetchToken = MockFetchToken> {
  /** A `RefoldProvider` (in `<StrictMode>` with `strict`) around its children: Testing Library's `wrapper`. */
  wrapper: (props: { children?: ReactNode }) => ReactElement;
  /** The provider's `fetchToken` (by default a {@link MockFetchToken}: read `calls`, call `hold()`). */
  fetchToken: Token;
  /** The QueryClient the hooks use. */
  queryClient: QueryClient;
}

/** Options of {@link renderWithRefold}. */
export interface RenderWithRefoldOptions<Token extends FetchToken = MockFetchToken>
  extends Omit<RenderOptions, 'wrapper'>, RefoldWrapperOptions<Token> {}

/** What {@link renderWithRefold} returns. */
export interface RenderWithRefoldResult<Token extends FetchToken = MockFetchToken> extends RenderResult {
  /** The provider's `fetchToken` (by default a {@link MockFetchToken}: count its `calls`). */
  fetchToken: Token;
  /** The QueryClient the hooks use. */
  queryClient: QueryClient;
}

/** Options of {@link renderHookWithRefold}. */
export interface RenderHookWithRefoldOptions<Props, Token extends FetchToken = MockFetchToken>
  extends Omit<RenderHookOptions<Props>, 'wrapper'>, RefoldWrapperOptions<Token> {}

/** What {@link renderHookWithRefold} returns. */
export interface RenderHookWithRefoldResult<
  Result,
  Props,
  Token extends FetchToken = MockFetchToken,
> extends RenderHookResult<Result, Props> {
  /** The provider's `fetchToken`. */
  fetchToken: Token;
  /** The QueryClient the hooks use. */
  queryClient: QueryClient;
}

/**
 * Builds the provider that {@link renderWithRefold} renders under, for your own `render`/`renderHook` calls or
 * a Storybook decorator: a `RefoldProvider` whose `fetchToken` mints session tokens from the mock.
 *
 * @example
 * const { wrapper, fetchToken } = createRefoldWrapper({ mock, strict: true });
 * render(<AppList />, { wrapper });
 * expect(await screen.findByRole('listbox')).toBeTruthy();
 * expect(fetchToken.calls).toBe(1);
 */
export function createRefoldWrapper<Token extends FetchToken = MockFetchToken>(
  options: RefoldWrapperOptions<Token>,
): RefoldWrapper<Token> {
  const { mock, linkedAccountId, baseUrl, strict = false, providerProps } = options;
  const queryClient =
    options.queryClient ??
    new QueryClient({
      defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
    });
  const fetchToken =
    options.fetchToken ?? (createMockFetchToken(mock, { linkedAccountId }) as FetchToken as Token);
  function RefoldTestWrapper({ children }: { children?: ReactNode }): ReactElement {
    const tree = (
      <RefoldProvider {...providerProps} fetchToken={fetchToken} baseUrl={baseUrl} queryClient={queryClient}>
        {children}
      </RefoldProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  }
  return { wrapper: RefoldTestWrapper, fetchToken, queryClient };
}

/** The wrapper built from the provider options, and the options left for Testing Library. */
function splitOptions<Token extends FetchToken, Rest extends object>(
  options: RefoldWrapperOptions<Token> & Rest,
) {
  const { mock, linkedAccountId, baseUrl, strict, queryClient, fetchToken, providerProps, ...rest } = options;
  const built = createRefoldWrapper<Token>({
    mock,
    linkedAccountId,
    baseUrl,
    strict,
    queryClient,
    fetchToken,
    providerProps,
  });
  return { built, rest };
}

/**
 * Renders `ui` inside a `RefoldProvider` whose `fetchToken` mints session tokens from the mock, the way your
 * backend would. Serve the mock first with `mockRefoldHandlers(mock)` in MSW.
 *
 * @example
 * const mock = createMockRefold();
 * const server = setupServer(...mockRefoldHandlers(mock));
 * const screen = renderWithRefold(<AppList />, { mock });
 * expect(await screen.findByRole('listbox', { name: 'Apps' })).toBeTruthy();
 * expect(screen.fetchToken.calls).toBe(1);
 *
 * @example Hold a request to see the in-between state, then release it.
 * const held = mock.hold({ method: 'DELETE', path: '/api/v2/f-sdk/application/slack' });
 * const screen = renderWithRefold(<DisconnectButton slug="slack" />, { mock, strict: true });
 * // … click Disconnect, then confirm …
 * await held.arrived;
 * expect(screen.getByRole('button', { name: 'Disconnecting…' })).toBeTruthy();
 * held.release();
 */
export function renderWithRefold<Token extends FetchToken = MockFetchToken>(
  ui: ReactElement,
  options: RenderWithRefoldOptions<Token>,
): RenderWithRefoldResult<Token> {
  const { built, rest } = splitOptions(options);
  const result = render(ui, { ...rest, wrapper: built.wrapper });
  return Object.assign(result, { fetchToken: built.fetchToken, queryClient: built.queryClient });
}

/**
 * Renders a hook inside the same provider as {@link renderWithRefold} (Testing Library's `renderHook`).
 *
 * @example
 * const { result, fetchToken } = renderHookWithRefold(() => useApplications(), { mock });
 * await waitFor(() => expect(result.current.isSuccess).toBe(true));
 * expect(fetchToken.calls).toBe(1);
 */
export function renderHookWithRefold<Result, Props = undefined, Token extends FetchToken = MockFetchToken>(
  hook: (props: Props) => Result,
  options: RenderHookWithRefoldOptions<Props, Token>,
): RenderHookWithRefoldResult<Result, Props, Token> {
  const { built, rest } = splitOptions(options);
  const result = renderHook(hook, { ...rest, wrapper: built.wrapper });
  return Object.assign(result, { fetchToken: built.fetchToken, queryClient: built.queryClient });
}
