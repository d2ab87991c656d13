import { act, configure, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RefoldApiError } from '../../src/core/errors.js';
import {
  useConfig,
  useConnect,
  useConnections,
  useDisconnect,
  useFieldOptions,
  useSetConfigField,
  useToggleWorkflow,
  useUpdateConfig,
} from '../../src/react/index.js';
import type { RefoldEvent } from '../../src/react/index.js';
import { reactMajor, renderRefoldHook, setupMockServer } from './utils.js';

const { mock, sent } = setupMockServer();
configure({ asyncUtilTimeout: 5_000 });
const ACCOUNT = 'customer-a';
const FAST = { fastPollMs: 100, trustClosedAfterMs: 50, graceMs: 300 };

function stubPopup() {
  const win = { closed: false, close: vi.fn(), focus: vi.fn(), location: { replace: vi.fn() } };
  win.close.mockImplementation(() => (win.closed = true));
  return vi.spyOn(window, 'open').mockImplementation(() => win as unknown as Window);
}

/** Two Slack connections of the customer: a work account and an expired home account. */
function twoSlackAccounts() {
  const account = mock.account(ACCOUNT);
  const work = account.connect('slack', { identifier: 'work@acme.test' });
  const home = account.connect('slack', { identifier: 'home@acme.test', status: 'expired' });
  return { account, work, home };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe(`several connections per app on React ${reactMajor}`, () => {
  it('useConnections lists every connection of the app with its id, state and whether it needs attention', async () => {
    const { work, home } = twoSlackAccounts();
    const { result } = renderRefoldHook(mock, () => useConnections('slack'));
    await waitFor(() => expect(result.current.data).toHaveLength(2));
    expect(result.current.data).toMatchObject([
      { connectionId: work.connection_id, state: 'active', needsAttention: false },
      { connectionId: home.connection_id, state: 'expired', needsAttention: true },
    ]);
    expect(result.current.data?.[1]?.account.identifier).toBe('home@acme.test');
  });

  it('disconnects one connection by its id and leaves the other; the event names it', async () => {
    const { account, work, home } = twoSlackAccounts();
    const events: RefoldEvent[] = [];
    const { result } = renderRefoldHook(
      mock,
      () => ({ connections: useConnections('slack'), disconnect: useDisconnect('slack') }),
      { onEvent: (event) => events.push(event) },
    );
    await waitFor(() => expect(result.current.connections.data).toHaveLength(2));
    await act(() => result.current.disconnect.mutateAsync({ connectionId: work.connection_id }));
    const request = sent().find((r) => r.method === 'DELETE');
    expect(request?.query).toEqual({ connection_id: work.connection_id });
    expect(account.connections('slack').map((c) => c.connection_id)).toEqual([home.connection_id]);
    await waitFor(() => expect(result.current.connections.data).toHaveLength(1));
    expect(events).toContainEqual({ type: 'disconnected', slug: 'slack', connectionId: work.connection_id });
  });

  it('a disconnect without a connection id, when the app has several, fails with Refold’s 400 and removes nothing', async () => {
    const { account } = twoSlackAccounts();
    const { result } = renderRefoldHook(mock, () => useDisconnect('slack'));
    await act(() => result.current.mutateAsync({}).catch(() => undefined));
    await waitFor(() => expect(result.current.error).toBeInstanceOf(RefoldApiError));
    expect(result.current.error).toMatchObject({ status: 400 });
    expect(account.connections('slack')).toHaveLength(2);
  });
});

describe(`reconnect in place on React ${reactMajor}`, () => {
  it('signs an expired connection in again: same connection_id, config kept, no new connection, a reconnected event', async () => {
    const open = stubPopup();
    const { account, work, home } = twoSlackAccounts();
    const events: RefoldEvent[] = [];
    const id = home.connection_id;
    const { result } = renderRefoldHook(
      mock,
      () => ({
        reconnect: useConnect('slack', { ...FAST, connectionId: id }),
        config: useConfig({ slug: 'slack', connectionId: id }),
        save: useUpdateConfig('slack', undefined, { connectionId: id }),
      }),
      { onEvent: (event) => events.push(event) },
    );
    await waitFor(() => expect(result.current.config.data).toBeDefined());
    const fieldId = result.current.config.data?.fields?.find((f) => f.field_type === 'text')?.id;
    expect(fieldId).toBeDefined();
    await act(() => result.current.save.mutateAsync({ fields: { [fieldId!]: 'kept value' } }));
    const stored = account.configValues('slack');

    act(() => {
      void result.current.reconnect.connect();
    });
    await waitFor(() => expect(result.current.reconnect.status).toBe('waiting'));
    expect(open).toHaveBeenCalledWith('', `refold-connect-slack:${id}`, expect.any(String));
    const integrate = sent().find((r) => r.path === '/api/v1/slack/integrate');
    expect(integrate?.query).toEqual({ connection_id: id });
    mock.completeOAuth(ACCOUNT, 'slack');
    await waitFor(() => expect(result.current.reconnect.status).toBe('connected'));

    const after = account.connections('slack');
    expect(after.map((c) => c.connection_id)).toEqual([work.connection_id, id]);
    expect(after[1]).toMatchObject({ status: 'active', identifier: 'home@acme.test' });
    expect(account.configValues('slack')).toEqual(stored);
    expect(events.filter((e) => e.type !== 'response-warning')).toEqual([
      { type: 'config-saved', slug: 'slack', configId: expect.any(String) },
      { type: 'auth-start', slug: 'slack', authType: 'oauth2', mode: 'auto', connectionId: id },
      {
        type: 'reconnected',
        slug: 'slack',
        authType: 'oauth2',
        mode: 'auto',
        durationMs: expect.any(Number),
        connectionId: id,
      },
    ]);
    const configCalls = sent().filter((r) => r.path === '/api/v2/f-sdk/config');
    expect(configCalls.every((r) => (r.body as Record<string, unknown>)['connection_id'] === id)).toBe(true);
  });

  it('re-saves key-based credentials for one connection in place', async () => {
    const account = mock.account(ACCOUNT);
    const old = account.connect('zendesk', { identifier: 'agent@acme.test', status: 'expired' });
    const { result } = renderRefoldHook(mock, () =>
      useConnect('zendesk', { connectionId: old.connection_id }),
    );
    await waitFor(() => expect(result.current.app).toBeDefined());
    await act(() =>
      result.current.connect({ subdomain: 'acme', email: 'agent@acme.test', api_token: 'zd-new' }),
    );
    expect(result.current.status).toBe('connected');
    expect(sent().find((r) => r.path === '/api/v2/app/zendesk/save')?.query).toEqual({
      connection_id: old.connection_id,
    });
    expect(account.connections('zendesk')).toMatchObject([
      { connection_id: old.connection_id, status: 'active' },
    ]);
  });

  it('toggles a workflow of one connection’s config with its connection_id', async () => {
    const { home } = twoSlackAccounts();
    const id = home.connection_id;
    const { result } = renderRefoldHook(mock, () => ({
      config: useConfig({ slug: 'slack', connectionId: id }),
      toggle: useToggleWorkflow('slack', undefined, { connectionId: id }),
    }));
    await waitFor(() => expect(result.current.config.data?.workflows?.length).toBeGreaterThan(0));
    const workflow = result.current.config.data!.workflows![0]!;
    await act(() =>
      result.current.toggle.mutateAsync({ workflowId: workflow.id, enabled: !workflow.enabled }),
    );
    expect(sent().find((r) => r.method === 'PATCH')?.query).toEqual({ connection_id: id });
  });
});

describe(`config fields of one connection on React ${reactMajor}`, () => {
  it('field reads and writes of one connection’s config carry its connection_id; the cached config shows the write', async () => {
    const { home } = twoSlackAccounts();
    const id = home.connection_id;
    const { result } = renderRefoldHook(mock, () => ({
      config: useConfig({ slug: 'slack', connectionId: id }),
      setField: useSetConfigField('slack', { connectionId: id }),
    }));
    await waitFor(() => expect(result.current.config.data).toBeDefined());
    const field = result.current.config.data!.fields!.find((f) => f.field_type === 'text')!;
    const options = renderRefoldHook(mock, () =>
      useFieldOptions({ slug: 'slack', fieldId: field.id, connectionId: id }),
    );
    await waitFor(() => expect(options.result.current.isFetched).toBe(true));
    await act(() => result.current.setField.mutateAsync({ fieldId: field.id, value: 'per-connection' }));
    const fieldCalls = sent().filter((r) => r.path === `/api/v2/public/config/field/${field.id}`);
    expect(fieldCalls.map((r) => r.method)).toEqual(['POST', 'PUT']);
    for (const call of fieldCalls) expect(call.query).toMatchObject({ connection_id: id });
    expect(result.current.config.data!.fields!.find((f) => f.id === field.id)?.value).toBe('per-connection');
  });
});

describe(`funnel events on React ${reactMajor}`, () => {
  it('a blocked popup: auth-blocked with the mode; a cancelled flow: auth-start then auth-cancelled with the time spent; no token', async () => {
    const events: RefoldEvent[] = [];
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { result } = renderRefoldHook(mock, () => useConnect('slack', { ...FAST, mode: 'popup' }), {
      onEvent: (event) => events.push(event),
    });
    await waitFor(() => expect(result.current.app).toBeDefined());
    await act(() => result.current.connect());
    expect(result.current.canRedirect).toBe(false);
    expect(events).toContainEqual({
      type: 'auth-blocked',
      slug: 'slack',
      authType: 'oauth2',
      mode: 'popup',
      durationMs: 0,
    });

    open.mockRestore();
    stubPopup();
    act(() => {
      void result.current.connect();
    });
    await waitFor(() => expect(result.current.status).toBe('waiting'));
    act(() => result.current.cancel());
    const funnel = events.filter((e) => e.type.startsWith('auth-'));
    expect(funnel.map((e) => e.type)).toEqual(['auth-blocked', 'auth-start', 'auth-cancelled']);
    expect(funnel[2]).toMatchObject({ mode: 'popup', durationMs: expect.any(Number) });
    const tokens = mock.requests.map((r) => r.headers.authorization?.replace('Bearer ', '') ?? '');
    for (const token of tokens.filter(Boolean)) expect(JSON.stringify(events)).not.toContain(token);
  });

  it('in auto mode (the default) a blocked popup can be redirected instead', async () => {
    vi.spyOn(window, 'open').mockImplementation(() => null);
    const { result } = renderRefoldHook(mock, () => useConnect('slack', FAST));
    await waitFor(() => expect(result.current.app).toBeDefined());
    await act(() => result.current.connect());
    expect(result.current.status).toBe('blocked');
    expect(result.current.canRedirect).toBe(true);
  });
});
