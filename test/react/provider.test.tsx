import { QueryClient } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RefoldError } from '../../src/core/errors.js';
import type { FetchToken, TokenResult } from '../../src/core/token.js';
import * as hooks from '../../src/react/index.js';
import { RefoldProvider } from '../../src/react/RefoldProvider.js';
import { useApplications } from '../../src/react/useApplications.js';
import { useRefold } from '../../src/react/useRefold.js';
import { RefoldContext } from '../../src/react/context.js';
import { useContext } from 'react';
import { mockFetchToken, renderRefoldHook, testQueryClient, setupMockServer } from './utils.js';

const { mock, sent } = setupMockServer();

/** The linked account a Bearer header's JWT was minted for. */
function accountOf(header: string | undefined): unknown {
  const payload = header?.split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { linked_account_id?: unknown })
    .linked_account_id;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const hookCalls: [string, () => unknown][] = [
  ['useRefold', () => hooks.useRefold()],
  ['useApplications', () => hooks.useApplications()],
  ['useApplication', () => hooks.useApplication('slack')],
  ['useConnect', () => hooks.useConnect('slack')],
  ['useDisconnect', () => hooks.useDisconnect('slack')],
  ['useConfig', () => hooks.useConfig({ slug: 'slack' })],
  ['useUpdateConfig', () => hooks.useUpdateConfig('slack')],
  ['useFieldOptions', () => hooks.useFieldOptions({ slug: 'slack', fieldId: 'f' })],
  ['useToggleWorkflow', () => hooks.useToggleWorkflow('slack')],
  ['useWorkflows', () => hooks.useWorkflows()],
  ['useEnabledWorkflows', () => hooks.useEnabledWorkflows()],
  ['useExecutions', () => hooks.useExecutions()],
  ['useExecution', () => hooks.useExecution('e1')],
  ['useTriggerEvent', () => hooks.useTriggerEvent()],
  ['useConnectUrl', () => hooks.useConnectUrl()],
  ['useLinkedAccount', () => hooks.useLinkedAccount()],
];

/** Renders that are expected to throw: keep React's and jsdom's error reports out of the output. */
function quietly(run: () => void) {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const silence = (event: ErrorEvent) => event.preventDefault();
  window.addEventListener('error', silence);
  try {
    run();
  } finally {
    window.removeEventListener('error', silence);
    spy.mockRestore();
  }
}

describe('RefoldProvider', () => {
  it.each(hookCalls)('makes %s outside the provider throw an error that names it', (name, call) => {
    quietly(() =>
      expect(() => renderHook(call)).toThrow(new RegExp(`${name} must be used inside <RefoldProvider>`)),
    );
  });

  it('fails at once with a clear message when fetchToken is missing', () => {
    quietly(() =>
      expect(() => render(<RefoldProvider fetchToken={undefined as unknown as FetchToken} />)).toThrow(
        /needs a fetchToken function/,
      ),
    );
  });

  it('reports a nested provider', () => {
    const fetchToken = mockFetchToken(mock);
    quietly(() =>
      expect(() =>
        render(
          <RefoldProvider fetchToken={fetchToken}>
            <RefoldProvider fetchToken={fetchToken} />
          </RefoldProvider>,
        ),
      ).toThrow(/cannot be nested/),
    );
  });

  it('uses the host’s QueryClient when given one', async () => {
    const queryClient = testQueryClient();
    const { result } = renderRefoldHook(mock, () => useApplications(), { queryClient, scope: 'acme' });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(queryClient.getQueryData(['refold', 'acme', 'applications'])).toBeInstanceOf(Array);
  });

  it('works with a QueryClient of its own when given none', async () => {
    const fetchToken = mockFetchToken(mock);
    function Apps() {
      const { data } = useApplications();
      return <p>{data ? `${data.length} apps` : 'loading'}</p>;
    }
    render(
      <RefoldProvider fetchToken={fetchToken}>
        <Apps />
      </RefoldProvider>,
    );
    expect(await screen.findByText(/\d+ apps/)).toBeTruthy();
  });

  it('gives the client through useRefold, and nothing in the context holds a token', async () => {
    let context: unknown;
    function Probe() {
      context = useContext(RefoldContext);
      return null;
    }
    const { result } = renderRefoldHook(mock, () => ({ client: useRefold(), apps: useApplications() }));
    await waitFor(() => expect(result.current.apps.isSuccess).toBe(true));
    expect(typeof result.current.client.applications.list).toBe('function');
    const tokens = mock.requests.map((r) => r.headers.authorization?.slice(7)).filter(Boolean) as string[];
    expect(tokens.length).toBeGreaterThan(0);
    render(
      <RefoldProvider fetchToken={mockFetchToken(mock)}>
        <Probe />
      </RefoldProvider>,
    );
    const text = JSON.stringify(context, (_k, v: unknown) =>
      v instanceof QueryClient ? '[QueryClient]' : v,
    );
    for (const token of tokens) expect(text).not.toContain(token);
  });

  it('keeps one client and one token when an inline fetchToken changes identity', async () => {
    const calls: string[] = [];
    const queryClient = testQueryClient();
    let client: unknown;
    function Apps() {
      client = useRefold();
      const { data } = useApplications();
      return <p>{data ? 'loaded' : 'loading'}</p>;
    }
    function Host() {
      const [n, setN] = useState(0);
      return (
        <>
          <button onClick={() => setN(n + 1)}>render {n}</button>
          <RefoldProvider
            queryClient={queryClient}
            fetchToken={async () => {
              calls.push(`fetch from render ${n}`);
              return { token: mock.mintToken('customer-a') };
            }}
          >
            <Apps />
          </RefoldProvider>
        </>
      );
    }
    render(<Host />);
    await screen.findByText('loaded');
    const first = client;
    for (let i = 0; i < 3; i++) act(() => screen.getByRole('button').click());
    expect(client).toBe(first);
    expect(calls).toEqual(['fetch from render 0']);
    expect(sent()).toHaveLength(1);
  });

  it('calls the latest fetchToken when a new token is needed', async () => {
    const queryClient = testQueryClient();
    const first = vi.fn<FetchToken>(async () => mock.mintToken('customer-a'));
    const second = vi.fn<FetchToken>(async () => mock.mintToken('customer-a'));
    const wrapper = ({ children, fetchToken }: { children: ReactNode; fetchToken: FetchToken }) => (
      <RefoldProvider fetchToken={fetchToken} queryClient={queryClient}>
        {children}
      </RefoldProvider>
    );
    let current: FetchToken = first;
    const { result, rerender } = renderHook(() => useRefold(), {
      wrapper: ({ children }) => wrapper({ children, fetchToken: current }),
    });
    await result.current.applications.list();
    current = second;
    rerender();
    mock.inject({ path: '/api/v2/f-sdk/application' }, { status: 401 });
    await result.current.applications.list();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('keeps every query key under ["refold", scope]', async () => {
    const queryClient = testQueryClient();
    const { result } = renderRefoldHook(
      mock,
      () => [
        hooks.useApplications(),
        hooks.useApplication('slack'),
        hooks.useConfig({ slug: 'hubspot' }),
        hooks.useWorkflows({ page: 1 }),
        hooks.useEnabledWorkflows(),
        hooks.useExecutions({ page: 1 }),
        hooks.useLinkedAccount(),
      ],
      { queryClient, scope: 'tenant-42' },
    );
    await waitFor(() => expect(result.current.every((q) => q.isSuccess)).toBe(true));
    const keys = queryClient
      .getQueryCache()
      .getAll()
      .map((q) => q.queryKey);
    expect(keys.length).toBeGreaterThanOrEqual(7);
    for (const key of keys) expect(key.slice(0, 2)).toEqual(['refold', 'tenant-42']);
  });
});

describe('customer isolation', () => {
  function AppCount() {
    const { data, isPending } = useApplications({ connected: true });
    return <p data-testid="count">{isPending ? 'loading' : `${data?.length ?? 0} connected`}</p>;
  }

  it('never shows customer A’s apps to customer B, and drops A’s data and token on the switch', async () => {
    mock.account('customer-a').connect('slack');
    mock.account('customer-a').connect('hubspot');
    const queryClient = testQueryClient();
    const tokenFor = (account: string) => vi.fn<FetchToken>(async () => mock.mintToken(account));
    const a = tokenFor('customer-a');
    const b = tokenFor('customer-b');
    const seen: string[] = [];
    function Recorder() {
      const { data } = useApplications({ connected: true });
      seen.push(data ? `${data.length}` : '-');
      return null;
    }
    const ui = (scope: string, fetchToken: FetchToken) => (
      <RefoldProvider scope={scope} fetchToken={fetchToken} queryClient={queryClient}>
        <AppCount />
        <Recorder />
      </RefoldProvider>
    );
    const { rerender } = render(ui('a', a));
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('2 connected'));
    seen.length = 0;
    const before = mock.requests.length;
    rerender(ui('b', b));
    expect(seen[0]).toBe('-'); // the first render for B shows nothing of A's
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('0 connected'));
    expect(seen).not.toContain('2');
    expect(queryClient.getQueryCache().findAll({ queryKey: ['refold', 'a'] })).toHaveLength(0);
    expect(b).toHaveBeenCalledTimes(1);
    const afterSwitch = mock.requests.slice(before);
    expect(afterSwitch.length).toBeGreaterThan(0);
    for (const request of afterSwitch) expect(accountOf(request.headers.authorization)).toBe('customer-b');
  });

  it('never uses the old customer’s token when the scope changes during a token fetch', async () => {
    const queryClient = testQueryClient();
    mock.account('customer-a').connect('slack');
    const slow = deferred<TokenResult>();
    const a = vi.fn<FetchToken>(() => slow.promise);
    const b = vi.fn<FetchToken>(async () => mock.mintToken('customer-b'));
    const ui = (scope: string, fetchToken: FetchToken) => (
      <RefoldProvider scope={scope} fetchToken={fetchToken} queryClient={queryClient}>
        <AppCount />
      </RefoldProvider>
    );
    const { rerender } = render(ui('a', a));
    await waitFor(() => expect(a).toHaveBeenCalledTimes(1));
    rerender(ui('b', b));
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('0 connected'));
    const aToken = mock.mintToken('customer-a');
    await act(async () => slow.resolve(aToken));
    // A request sent after A's late token arrived still goes with B's.
    await act(() => queryClient.refetchQueries());
    expect(a.mock.calls[0]?.[0].signal.aborted).toBe(true);
    const used = mock.requests.map((r) => r.headers.authorization).filter(Boolean);
    expect(used.length).toBeGreaterThan(0);
    for (const header of used) {
      expect(header).not.toBe(`Bearer ${aToken}`);
      expect(accountOf(header)).toBe('customer-b');
    }
    expect(screen.getByTestId('count').textContent).toBe('0 connected');
  });

  it('never sends customer A’s write with customer B’s token when its 401 comes after the switch', async () => {
    const queryClient = testQueryClient();
    // The host's one fetchToken: its backend answers for whoever is signed in now.
    let signedIn = 'customer-a';
    const fetchToken = vi.fn<FetchToken>(async () => mock.mintToken(signedIn));
    let save: ReturnType<typeof hooks.useUpdateConfig> | undefined;
    function Saver() {
      save = hooks.useUpdateConfig('slack');
      return null;
    }
    const ui = (scope: string) => (
      <RefoldProvider scope={scope} fetchToken={fetchToken} queryClient={queryClient}>
        <Saver />
      </RefoldProvider>
    );
    const { rerender } = render(ui('a'));
    const held = mock.hold({ method: 'PUT', path: '/api/v2/f-sdk/config' });
    mock.inject(
      { method: 'PUT', path: '/api/v2/f-sdk/config' },
      { status: 401, body: { status_code: 401, error: 'INVALID_TOKEN', message: 'Invalid token' } },
    );
    let settled: unknown;
    act(() => {
      save!.mutateAsync({ fields: { min_amount: 7 } }).then(
        () => (settled = 'saved'),
        (error: unknown) => (settled = error),
      );
    });
    await held.arrived;
    signedIn = 'customer-b';
    rerender(ui('b'));
    held.release();
    await waitFor(() => expect(settled).toBeDefined());
    expect(settled).toBeInstanceOf(RefoldError);
    expect((settled as RefoldError).code).toBe('aborted');
    const puts = sent().filter((r) => r.method === 'PUT');
    expect(puts.map((r) => accountOf(r.headers.authorization))).toEqual(['customer-a']);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(mock.account('customer-b').configIds('slack')).toEqual([]);
  });

  it('serves two providers with different scopes on one page, each its own customer', async () => {
    mock.account('customer-a').connect('slack');
    const queryClient = testQueryClient();
    render(
      <>
        <section data-testid="a">
          <RefoldProvider scope="a" fetchToken={mockFetchToken(mock, 'customer-a')} queryClient={queryClient}>
            <AppCount />
          </RefoldProvider>
        </section>
        <section data-testid="b">
          <RefoldProvider scope="b" fetchToken={mockFetchToken(mock, 'customer-b')} queryClient={queryClient}>
            <AppCount />
          </RefoldProvider>
        </section>
      </>,
    );
    await waitFor(() => {
      expect(screen.getByTestId('a').textContent).toBe('1 connected');
      expect(screen.getByTestId('b').textContent).toBe('0 connected');
    });
  });
});

describe('requests and tokens', () => {
  it('fetches one token and sends one request for twenty hooks mounting at once', async () => {
    const { result, fetchToken } = renderRefoldHook(mock, () =>
      Array.from({ length: 20 }, () => useApplications()),
    );
    await waitFor(() => expect(result.current.every((q) => q.isSuccess)).toBe(true));
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(sent()).toHaveLength(1);
  });

  it('in strict mode still fetches one token and sends one request per query', async () => {
    const { result, fetchToken } = renderRefoldHook(
      mock,
      () => [useApplications(), hooks.useExecutions({ page: 1 }), hooks.useLinkedAccount()],
      { strict: true },
    );
    await waitFor(() => expect(result.current.every((q) => q.isSuccess)).toBe(true));
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(sent()).toHaveLength(3);
  });

  it('sends no request when remounted within the stale time', async () => {
    const queryClient = testQueryClient();
    const first = renderRefoldHook(mock, () => useApplications(), { queryClient });
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true));
    first.unmount();
    const second = renderRefoldHook(mock, () => useApplications(), { queryClient });
    expect(second.result.current.data?.length).toBeGreaterThan(0);
    expect(queryClient.isFetching()).toBe(0); // mounted, and no fetch started: no request will come
    expect(sent()).toHaveLength(1);
  });

  it('reports an app left out of a list as a response-warning event with its path, and shows the others', async () => {
    const onEvent = vi.fn();
    mock.inject(
      { path: '/api/v2/f-sdk/application' },
      { body: [{ name: 'Slack', slug: 'slack' }, { name: 'No slug' }, { name: 'HubSpot', slug: 'hubspot' }] },
    );
    const { result } = renderRefoldHook(mock, () => useApplications(), { onEvent });
    await waitFor(() => expect(result.current.data?.map((a) => a.slug)).toEqual(['slack', 'hubspot']));
    expect(onEvent).toHaveBeenCalledExactlyOnceWith({
      type: 'response-warning',
      route: 'listApplications',
      path: '$[1].slug',
      message: expect.stringContaining('left $[1] out'),
    });
  });

  it('reports a persistent 401 once through onEvent, with no token in the event', async () => {
    const onEvent = vi.fn();
    mock.inject({ path: '/api/v2/f-sdk/application' }, { status: 401, times: 5 });
    const { result } = renderRefoldHook(mock, () => useApplications(), { onEvent });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.name).toBe('RefoldAuthError');
    const errors = onEvent.mock.calls.filter(([e]) => (e as { type: string }).type === 'error');
    expect(errors).toHaveLength(1);
    const tokens = mock.requests.map((r) => r.headers.authorization?.slice(7)).filter(Boolean) as string[];
    for (const token of tokens) expect(JSON.stringify(errors[0]?.[0])).not.toContain(token);
    expect(errors[0]?.[0].error).toBeInstanceOf(RefoldError);
  });
});
