import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefoldClient } from '../../src/core/client.js';
import { checkAuthValues, createConnectFlow, isConnecting, resolveAuth } from '../../src/core/connect.js';
import type { ConnectFlowOptions, PopupHost, PopupWindow } from '../../src/core/connect.js';
import {
  RefoldApiError,
  RefoldArgumentError,
  RefoldPopupError,
  RefoldResponseError,
  RefoldValidationError,
} from '../../src/core/errors.js';
import type { FetchToken } from '../../src/core/token.js';
import type { Application } from '../../src/core/types.js';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';
import { deferred } from './helpers.js';
import { useMockRefold } from './setup-mock.js';

const ACCOUNT = 'customer-a';

/**
 * A popup the test drives. `userClose()` is the user closing it; `sever()` is a provider whose
 * `Cross-Origin-Opener-Policy: same-origin` cuts the handle off: it then reads closed while the window is
 * still open, and `close()` on it does nothing.
 */
class FakePopup implements PopupWindow {
  url: string | undefined;
  #gone = false;
  #severed = false;
  constructor(private readonly severOnNavigate = false) {}
  get closed(): boolean {
    return this.#gone || this.#severed;
  }
  readonly close = vi.fn(() => {
    if (!this.#severed) this.#gone = true;
  });
  readonly focus = vi.fn();
  readonly navigate = vi.fn((url: string) => {
    this.url = url;
    if (this.severOnNavigate) this.sever();
  });
  userClose() {
    this.#gone = true;
  }
  sever() {
    this.#severed = true;
  }
}

/** A PopupHost whose popups and focus listeners the test can see. */
function fakeHost(options: { blocked?: boolean; coop?: boolean } = {}) {
  const popups: FakePopup[] = [];
  const focusListeners = new Set<() => void>();
  const host = {
    open: vi.fn((_name: string): FakePopup | null => {
      if (options.blocked) return null;
      const popup = new FakePopup(options.coop);
      popups.push(popup);
      return popup;
    }),
    onFocus: vi.fn((listener: () => void) => {
      focusListeners.add(listener);
      return () => {
        focusListeners.delete(listener);
      };
    }),
  } satisfies PopupHost;
  const focus = () => {
    for (const listener of [...focusListeners]) listener();
  };
  return { host, popups, focusListeners, focus };
}

/**
 * The real client against the mock Refold in the same process (no sockets), so that fake timers drive every
 * wait: the polls, the grace, the timeout and the client's own timers.
 */
function inProcess(fetchToken?: FetchToken) {
  const mock = createMockRefold();
  const token = vi.fn<FetchToken>(fetchToken ?? (async () => mock.mintToken(ACCOUNT)));
  const client = createRefoldClient({
    fetchToken: token,
    fetch: (input, init) => mock.handler(new Request(input, init)),
  });
  const requests = (method: string, path: string) =>
    mock.requests.filter((r) => r.method === method && r.path === path);
  const appGets = (slug = 'slack') => requests('GET', `/api/v2/f-sdk/application/${slug}`).length;
  const integrates = (slug = 'slack') => requests('POST', `/api/v1/${slug}/integrate`).length;
  return { mock, client, fetchToken: token, appGets, integrates };
}

/** Lets requests and the timers due now run. */
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('createConnectFlow: OAuth popup and completion detection (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Starts a Slack flow and waits until it polls. */
  async function waiting(
    env: ReturnType<typeof inProcess>,
    options: Partial<ConnectFlowOptions> & { coop?: boolean } = {},
  ) {
    const { coop, ...rest } = options;
    const fake = fakeHost({ coop });
    const onConnected = vi.fn();
    const flow = createConnectFlow({
      client: env.client,
      slug: 'slack',
      host: fake.host,
      onConnected,
      ...rest,
    });
    const done = flow.start();
    await flush();
    expect(flow.getState().status).toBe('waiting');
    return { ...fake, flow, done, onConnected, popup: fake.popups[0]! };
  }

  it('opens the popup synchronously inside start(), before the token fetch settles, then points it at auth_url', async () => {
    const token = deferred<string>();
    const env = inProcess(() => token.promise);
    const { host, popups } = fakeHost();
    const flow = createConnectFlow({ client: env.client, slug: 'slack', host });

    void flow.start();
    // Still inside the "click": the popup is open, nothing has been awaited, nothing sent.
    expect(host.open).toHaveBeenCalledTimes(1);
    expect(host.open).toHaveBeenCalledWith('refold-connect-slack');
    expect(flow.getState()).toMatchObject({ status: 'opening', authType: 'oauth2' });
    expect(popups[0]!.navigate).not.toHaveBeenCalled();
    expect(env.mock.requests).toHaveLength(0);

    token.resolve(env.mock.mintToken(ACCOUNT));
    await flush();
    expect(popups[0]!.navigate).toHaveBeenCalledTimes(1);
    expect(popups[0]!.url).toMatch(/^https:\/\/app\.refold\.ai\/mock-oauth\/authorize\?state=/);
    expect(flow.getState().status).toBe('waiting');
    expect(env.integrates()).toBe(1);
    flow.cancel();
  });

  it('detects a completed connection within a second with the 750 ms fast poll, then leaves nothing behind', async () => {
    const env = inProcess();
    const { flow, done, popup, onConnected, focusListeners } = await waiting(env);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(flow.getState().status).toBe('waiting');

    env.mock.completeOAuth(ACCOUNT, 'slack');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(flow.getState()).toEqual({
      status: 'connected',
      authType: 'oauth2',
      error: undefined,
      fieldErrors: {},
    });
    await expect(done).resolves.toMatchObject({ status: 'connected' });
    expect(onConnected).toHaveBeenCalledExactlyOnceWith({ slug: 'slack', authType: 'oauth2' });
    expect(popup.close).toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    expect(focusListeners.size).toBe(0);
  });

  it('polls about every 750 ms during the first minute, then every 3 s, never two at a time', async () => {
    const env = inProcess();
    let inFlight = 0;
    let maxInFlight = 0;
    const client = createRefoldClient({
      fetchToken: async () => env.mock.mintToken(ACCOUNT),
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method !== 'GET') return env.mock.handler(request);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          return await env.mock.handler(request);
        } finally {
          inFlight -= 1;
        }
      },
    });
    const { flow, focus } = await waiting({ ...env, client });
    const start = env.appGets();

    await vi.advanceTimersByTimeAsync(60_000);
    const firstMinute = env.appGets() - start;
    expect(firstMinute).toBeGreaterThanOrEqual(75);
    expect(firstMinute).toBeLessThanOrEqual(81);

    await vi.advanceTimersByTimeAsync(30_000);
    const slow = env.appGets() - start - firstMinute;
    expect(slow).toBeGreaterThanOrEqual(9);
    expect(slow).toBeLessThanOrEqual(11);

    // A slow answer (held): focus events meanwhile send nothing more.
    const held = env.mock.hold({ method: 'GET', path: '/api/v2/f-sdk/application/slack' });
    focus();
    await held.arrived;
    const during = env.appGets();
    focus();
    focus();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(env.appGets()).toBe(during);
    expect(maxInFlight).toBe(1);
    held.release();
    flow.cancel();
  });

  it('polls at once when the page regains focus, replacing the scheduled poll', async () => {
    const env = inProcess();
    const { flow, focus, focusListeners } = await waiting(env, { fastPollMs: 10_000 });
    expect(focusListeners.size).toBe(1);
    const before = env.appGets();

    focus();
    await flush();
    expect(env.appGets()).toBe(before + 1);

    // The next poll comes a full interval after the focus poll, not on the old schedule.
    await vi.advanceTimersByTimeAsync(9_999);
    expect(env.appGets()).toBe(before + 1);
    await vi.advanceTimersByTimeAsync(1);
    expect(env.appGets()).toBe(before + 2);
    flow.cancel();
  });

  it('popup blocked: `blocked` with a typed RefoldPopupError and a readable message, and no request at all', async () => {
    const env = inProcess();
    const blocked = fakeHost({ blocked: true });
    const flow = createConnectFlow({ client: env.client, slug: 'slack', host: blocked.host });

    const final = await flow.start();
    expect(final.status).toBe('blocked');
    expect(final.error).toBeInstanceOf(RefoldPopupError);
    expect(final.error).toMatchObject({ reason: 'blocked', code: 'popup_blocked' });
    expect(final.error?.message).toMatch(/blocked the sign-in window.*allow pop-ups/i);
    expect(isConnecting(final.status)).toBe(false);
    await flush();
    expect(env.mock.requests).toHaveLength(0);
    expect(env.fetchToken).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('user closes the popup: polls at once, keeps polling through the 6 s grace, then `cancelled` with no timer or listener left', async () => {
    const env = inProcess();
    const { flow, done, popup, focusListeners, onConnected } = await waiting(env);
    await vi.advanceTimersByTimeAsync(3_000); // the handle was seen open
    const before = env.appGets();

    popup.userClose();
    await vi.advanceTimersByTimeAsync(250);
    expect(env.appGets()).toBeGreaterThan(before); // the poll at once
    await vi.advanceTimersByTimeAsync(5_000);
    expect(flow.getState().status).toBe('waiting');
    const polledInGrace = env.appGets() - before;
    expect(polledInGrace).toBeGreaterThanOrEqual(6);

    await vi.advanceTimersByTimeAsync(1_000);
    const final = flow.getState();
    expect(final.status).toBe('cancelled');
    expect(final.error).toBeInstanceOf(RefoldPopupError);
    expect(final.error).toMatchObject({ reason: 'closed' });
    await expect(done).resolves.toBe(final);
    expect(vi.getTimerCount()).toBe(0);
    expect(focusListeners.size).toBe(0);
    const after = env.appGets();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(env.appGets()).toBe(after);
    expect(onConnected).not.toHaveBeenCalled();
  });

  it('a connection completed during the grace after the popup closed is still detected', async () => {
    const env = inProcess();
    const { flow, popup } = await waiting(env);
    await vi.advanceTimersByTimeAsync(3_500);
    popup.userClose();
    await vi.advanceTimersByTimeAsync(2_000);
    env.mock.completeOAuth(ACCOUNT, 'slack');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(flow.getState().status).toBe('connected');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('timeout: `timeout` with a RefoldPopupError after the grace, the popup closed, every timer cleared', async () => {
    const env = inProcess();
    const { flow, popup, focusListeners } = await waiting(env, { timeoutMs: 10_000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(popup.close).toHaveBeenCalled();
    expect(flow.getState().status).toBe('waiting'); // the grace: a connection may land at the last moment

    await vi.advanceTimersByTimeAsync(6_000);
    const final = flow.getState();
    expect(final.status).toBe('timeout');
    expect(final.error).toBeInstanceOf(RefoldPopupError);
    expect(final.error).toMatchObject({ reason: 'timeout', code: 'popup_timeout' });
    expect(final.error?.message).toMatch(/took too long/);
    expect(vi.getTimerCount()).toBe(0);
    expect(focusListeners.size).toBe(0);
  });

  it('timing given to start() applies to that run, over the options the flow was created with', async () => {
    const env = inProcess();
    const { host } = fakeHost();
    const flow = createConnectFlow({ client: env.client, slug: 'slack', host, timeoutMs: 60_000 });
    void flow.start({ timeoutMs: 1_000, graceMs: 500 });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(flow.getState().status).toBe('timeout');

    void flow.start(); // the flow's own options again
    await vi.advanceTimersByTimeAsync(1_500);
    expect(flow.getState().status).toBe('waiting');
    flow.cancel();
  });

  it('the default timeout is 5 minutes', async () => {
    const env = inProcess();
    const { flow } = await waiting(env);
    await vi.advanceTimersByTimeAsync(299_000);
    expect(flow.getState().status).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1_000 + 6_000);
    expect(flow.getState().status).toBe('timeout');
  });

  it('opener policy: a handle that reads `closed` at once does not end the flow; polling goes on and the connection is detected', async () => {
    const env = inProcess();
    const { flow, popup } = await waiting(env, { coop: true });
    expect(popup.closed).toBe(true);
    const before = env.appGets();

    await vi.advanceTimersByTimeAsync(60_000);
    expect(flow.getState().status).toBe('waiting');
    expect(env.appGets() - before).toBeGreaterThan(70);

    env.mock.completeOAuth(ACCOUNT, 'slack');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(flow.getState().status).toBe('connected');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('opener policy: a handle that reads open at first and closed once the provider page loads does not end the flow', async () => {
    const env = inProcess();
    const { flow, popup } = await waiting(env);
    expect(popup.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    popup.sever(); // the provider's page arrived with COOP: same-origin

    await vi.advanceTimersByTimeAsync(20_000);
    expect(flow.getState().status).toBe('waiting');
    env.mock.completeOAuth(ACCOUNT, 'slack');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(flow.getState().status).toBe('connected');
  });

  it('the blank popup closed before the authorization URL arrived ends the flow as cancelled, without navigating', async () => {
    const token = deferred<string>();
    const env = inProcess(() => token.promise);
    const { host, popups, focusListeners } = fakeHost();
    const flow = createConnectFlow({ client: env.client, slug: 'slack', host });
    const done = flow.start();
    popups[0]!.userClose();

    token.resolve(env.mock.mintToken(ACCOUNT));
    await flush();
    await expect(done).resolves.toMatchObject({ status: 'cancelled', error: { reason: 'closed' } });
    expect(popups[0]!.navigate).not.toHaveBeenCalled();
    expect(focusListeners.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('three poll failures in a row end the flow with the last error; fewer are tolerated', async () => {
    const env = inProcess();
    const appPath = { method: 'GET', path: '/api/v2/f-sdk/application/slack' };
    const { flow, popup } = await waiting(env);

    env.mock.inject(appPath, { status: 500, times: 2 });
    await vi.advanceTimersByTimeAsync(750 * 3); // two failures, then a success resets the count
    expect(flow.getState().status).toBe('waiting');

    env.mock.inject(appPath, { status: 503, times: 3 });
    await vi.advanceTimersByTimeAsync(750 * 3);
    const final = flow.getState();
    expect(final.status).toBe('error');
    expect(final.error).toBeInstanceOf(RefoldApiError);
    expect(final.error).toMatchObject({ status: 503 });
    expect(popup.close).toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('double start while a flow runs: one popup (focused again), one integrate request, one shared result', async () => {
    const env = inProcess();
    const { host, popups } = fakeHost();
    const onConnected = vi.fn();
    const flow = createConnectFlow({ client: env.client, slug: 'slack', host, onConnected });

    const first = flow.start();
    const second = flow.start();
    expect(second).toBe(first);
    expect(host.open).toHaveBeenCalledTimes(1);
    expect(popups[0]!.focus).toHaveBeenCalledTimes(1);

    await flush();
    void flow.start(); // and again while waiting
    expect(host.open).toHaveBeenCalledTimes(1);
    expect(env.integrates()).toBe(1);

    env.mock.completeOAuth(ACCOUNT, 'slack');
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(first).resolves.toMatchObject({ status: 'connected' });
    expect(onConnected).toHaveBeenCalledTimes(1);
  });

  it('a click after the popup was closed early ends the old flow as cancelled and opens a new popup in that click', async () => {
    const env = inProcess();
    const { flow, popup, host, popups, done } = await waiting(env);
    await vi.advanceTimersByTimeAsync(1_000);
    popup.userClose(); // before `closed` can be trusted (3 s): the flow alone could not tell
    await vi.advanceTimersByTimeAsync(5_000);
    expect(flow.getState().status).toBe('waiting');

    const again = flow.start();
    // Inside the same click: the old flow ended, a new popup is open, nothing awaited.
    await expect(done).resolves.toMatchObject({ status: 'cancelled', error: { reason: 'closed' } });
    expect(host.open).toHaveBeenCalledTimes(2);
    expect(flow.getState().status).toBe('opening');
    await flush();
    expect(flow.getState().status).toBe('waiting');
    expect(popups[1]!.navigate).toHaveBeenCalledTimes(1);
    expect(env.integrates()).toBe(2);

    env.mock.completeOAuth(ACCOUNT, 'slack');
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(again).resolves.toMatchObject({ status: 'connected' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a click during the grace after the popup closed opens a new popup at once instead of being ignored', async () => {
    const env = inProcess();
    const { flow, popup, host, done } = await waiting(env);
    await vi.advanceTimersByTimeAsync(3_500);
    popup.userClose();
    await vi.advanceTimersByTimeAsync(500); // the close is seen: the 6 s grace runs
    expect(flow.getState().status).toBe('waiting');

    void flow.start();
    expect(host.open).toHaveBeenCalledTimes(2);
    await expect(done).resolves.toMatchObject({ status: 'cancelled' });
    await flush();
    expect(flow.getState().status).toBe('waiting');
    // The old grace timer is gone with the old flow: the new one is not cut short by it.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(flow.getState().status).toBe('waiting');
    flow.cancel();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a click on a flow whose provider severed the handle (COOP) starts over with one new popup and closes the old handle', async () => {
    const env = inProcess();
    const { flow, host, popups } = await waiting(env, { coop: true });
    void flow.start();
    expect(host.open).toHaveBeenCalledTimes(2);
    expect(popups[0]!.close).toHaveBeenCalled();
    await flush();
    expect(flow.getState().status).toBe('waiting');
    flow.cancel();
  });

  it('cancel() ends the flow as `cancelled` without an error, closes the popup, stops polling', async () => {
    const env = inProcess();
    const { flow, done, popup, focusListeners } = await waiting(env);
    flow.cancel();
    expect(flow.getState()).toMatchObject({ status: 'cancelled', error: undefined });
    await expect(done).resolves.toMatchObject({ status: 'cancelled' });
    expect(popup.close).toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    expect(focusListeners.size).toBe(0);
    const polls = env.appGets();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(env.appGets()).toBe(polls);

    flow.reset();
    expect(flow.getState().status).toBe('idle');
  });

  it('dispose() stops a flow silently: no listener call, nothing sent, popup closed, back to idle', async () => {
    const token = deferred<string>();
    const env = inProcess(() => token.promise);
    const { host, popups } = fakeHost();
    const flow = createConnectFlow({ client: env.client, slug: 'slack', host });
    const done = flow.start();
    const listener = vi.fn();
    flow.subscribe(listener);

    flow.dispose();
    expect(listener).not.toHaveBeenCalled();
    expect(flow.getState().status).toBe('idle');
    await expect(done).resolves.toMatchObject({ status: 'idle' });
    expect(popups[0]!.close).toHaveBeenCalled();

    token.resolve(env.mock.mintToken(ACCOUNT));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(env.mock.requests).toHaveLength(0);
    expect(listener).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an app already connected by OAuth: the old connection is not taken for the new one', async () => {
    const env = inProcess();
    env.mock.account(ACCOUNT).connect('slack', { connectedAt: '2025-01-01T00:00:00.000Z' });
    const { flow } = await waiting(env);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(flow.getState().status).toBe('waiting');

    env.mock.completeOAuth(ACCOUNT, 'slack');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(flow.getState().status).toBe('connected');
  });

  it('an expired connection made active again counts as connected', async () => {
    const env = inProcess();
    env.mock.account(ACCOUNT).connect('slack', { status: 'expired' });
    const { flow } = await waiting(env);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(flow.getState().status).toBe('waiting');
    env.mock.completeOAuth(ACCOUNT, 'slack');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(flow.getState().status).toBe('connected');
  });

  it('an integrate failure ends the flow as `error` and closes the popup', async () => {
    const env = inProcess();
    env.mock.inject({ method: 'POST', path: '/api/v1/slack/integrate' }, { status: 500 });
    const { host, popups } = fakeHost();
    const flow = createConnectFlow({ client: env.client, slug: 'slack', host });
    const final = await flow.start();
    expect(final.status).toBe('error');
    expect(final.error).toBeInstanceOf(RefoldApiError);
    expect(popups[0]!.close).toHaveBeenCalled();
    expect(popups[0]!.navigate).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an authorization URL that is not http(s) is never opened', async () => {
    const env = inProcess();
    env.mock.inject(
      { method: 'POST', path: '/api/v1/slack/integrate' },
      { body: { auth_url: 'javascript:alert(1)' } },
    );
    const { host, popups } = fakeHost();
    const final = await createConnectFlow({ client: env.client, slug: 'slack', host }).start();
    expect(final.status).toBe('error');
    expect(final.error).toBeInstanceOf(RefoldResponseError);
    expect(popups[0]!.navigate).not.toHaveBeenCalled();
    expect(popups[0]!.close).toHaveBeenCalled();
  });

  it('integrate answering `{ connected: false }` is an error, not a connection', async () => {
    const env = inProcess();
    env.mock.inject({ method: 'POST', path: '/api/v1/slack/integrate' }, { body: { connected: false } });
    const { host } = fakeHost();
    const onConnected = vi.fn();
    const final = await createConnectFlow({ client: env.client, slug: 'slack', host, onConnected }).start();
    expect(final.status).toBe('error');
    expect(final.error).toBeInstanceOf(RefoldApiError);
    expect(onConnected).not.toHaveBeenCalled();
  });
});

describe('createConnectFlow against the mock over HTTP', () => {
  const env = useMockRefold();
  const app = (slug: string): Promise<Application> => env.client().client.applications.get(slug);
  const sent = (method: string, path: string) =>
    env.dataRequests().filter((r) => r.method === method && r.path === path);

  it('machine-to-machine (client_credentials): connects without a popup, even without a popup host', async () => {
    const quickbooks = await app('quickbooks');
    expect(quickbooks.grant_type).toBe('client_credentials');
    const { client } = env.client();
    const { host } = fakeHost();
    const onConnected = vi.fn();
    const flow = createConnectFlow({ client, slug: 'quickbooks', host, onConnected });

    const done = flow.start({ app: quickbooks });
    expect(flow.getState()).toMatchObject({ status: 'saving', authType: 'oauth2' });
    await expect(done).resolves.toMatchObject({ status: 'connected' });
    expect(host.open).not.toHaveBeenCalled();
    expect(onConnected).toHaveBeenCalledExactlyOnceWith({ slug: 'quickbooks', authType: 'oauth2' });
    expect(env.mock.account(ACCOUNT).connections('quickbooks')).toMatchObject([{ auth_type: 'oauth2' }]);

    env.mock.account(ACCOUNT).disconnect('quickbooks');
    const hostless = createConnectFlow({ client, slug: 'quickbooks' });
    await expect(hostless.start({ app: quickbooks })).resolves.toMatchObject({ status: 'connected' });
  });

  it('an app not known to be machine-to-machine gets a popup first, closed again when Refold connects it directly', async () => {
    const { client } = env.client();
    const { host, popups } = fakeHost();
    const final = await createConnectFlow({ client, slug: 'quickbooks', host }).start();
    expect(final.status).toBe('connected');
    expect(host.open).toHaveBeenCalledTimes(1);
    expect(popups[0]!.navigate).not.toHaveBeenCalled();
    expect(popups[0]!.close).toHaveBeenCalled();
  });

  it('OAuth pre-auth values are checked before anything opens, then sent in the integrate body', async () => {
    const salesforce = await app('salesforce');
    const { client } = env.client();
    const { host, popups } = fakeHost();
    const flow = createConnectFlow({ client, slug: 'salesforce', host });
    const integrate = () => sent('POST', '/api/v1/salesforce/integrate');

    const missing = await flow.start({ app: salesforce, values: {} });
    expect(missing.status).toBe('error');
    expect(missing.error).toBeInstanceOf(RefoldValidationError);
    expect(missing.fieldErrors).toEqual({ instance_url: 'required' });
    const invalid = await flow.start({ app: salesforce, values: { instance_url: 'acme' } });
    expect(invalid.fieldErrors).toEqual({ instance_url: 'invalid' });
    expect(host.open).not.toHaveBeenCalled();
    expect(integrate()).toHaveLength(0);

    const done = flow.start({ app: salesforce, values: { instance_url: 'https://acme.my.salesforce.com' } });
    expect(host.open).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(flow.getState().status).toBe('waiting'), { timeout: 5_000 });
    expect(integrate().map((r) => r.body)).toEqual([{ instance_url: 'https://acme.my.salesforce.com' }]);
    expect(popups[0]!.url).toContain('/mock-oauth/authorize?state=');

    env.mock.completeOAuth(ACCOUNT, 'salesforce');
    await expect(done).resolves.toMatchObject({ status: 'connected' });
    expect(env.mock.account(ACCOUNT).connections('salesforce')[0]?.identifier).toBe(
      `${ACCOUNT}@acme.my.salesforce.com`,
    );
  });

  it('detects a completed connection over HTTP with the default timing', async () => {
    const { client } = env.client();
    const { host } = fakeHost();
    const flow = createConnectFlow({ client, slug: 'hubspot', host });
    const done = flow.start();
    await vi.waitFor(() => expect(flow.getState().status).toBe('waiting'), { timeout: 5_000 });
    const completedAt = Date.now();
    env.mock.completeOAuth(ACCOUNT, 'hubspot');
    await expect(done).resolves.toMatchObject({ status: 'connected' });
    // 750 ms between polls plus one request; generous for a loaded machine.
    expect(Date.now() - completedAt).toBeLessThan(3_000);
  });

  it('key-based: a required field left empty sends nothing and names the field', async () => {
    const zendesk = await app('zendesk');
    const { client } = env.client();
    const flow = createConnectFlow({ client, slug: 'zendesk' });
    const final = await flow.start({
      app: zendesk,
      values: { subdomain: 'acme', email: '', api_token: '   ' },
    });
    expect(final.status).toBe('error');
    expect(final.authType).toBe('keybased');
    expect(final.error).toBeInstanceOf(RefoldValidationError);
    expect(final.fieldErrors).toEqual({ email: 'required', api_token: 'required' });
    const badEmail = await flow.start({
      app: zendesk,
      values: { subdomain: 'acme', email: 'not-an-email', api_token: 'tok' },
    });
    expect(badEmail.fieldErrors).toEqual({ email: 'invalid' });
    expect(sent('POST', '/api/v2/app/zendesk/save')).toHaveLength(0);
  });

  it('key-based: a refused secret ends as `error` with the server message, never echoing the secret; a good one connects', async () => {
    const zendesk = await app('zendesk');
    const { client } = env.client();
    const onConnected = vi.fn();
    const flow = createConnectFlow({ client, slug: 'zendesk', onConnected });
    const values = { subdomain: 'acme', email: 'agent@acme.example', api_token: 'wrong' };

    const saving = flow.start({ app: zendesk, values });
    expect(flow.getState()).toMatchObject({ status: 'saving', authType: 'keybased' });
    const refused = await saving;
    expect(refused.status).toBe('error');
    expect(refused.error).toBeInstanceOf(RefoldApiError);
    expect(refused.error?.message).toMatch(/^Failed to verify credentials: Zendesk rejected/);

    const secret = 'zd-secret-7f3a9c';
    env.mock.account(ACCOUNT).rejectNextSave('zendesk', 'the token was revoked');
    const again = await flow.start({ app: zendesk, values: { ...values, api_token: secret } });
    expect(again.status).toBe('error');
    expect(JSON.stringify(again)).not.toContain(secret);
    expect(String(again.error)).not.toContain(secret);
    expect(onConnected).not.toHaveBeenCalled();

    const good = await flow.start({ app: zendesk, values: { ...values, api_token: secret } });
    expect(good.status).toBe('connected');
    expect(onConnected).toHaveBeenCalledExactlyOnceWith({ slug: 'zendesk', authType: 'keybased' });
    expect(env.mock.account(ACCOUNT).savedCredentials('zendesk')).toEqual({ ...values, api_token: secret });
  });

  it('key-based: a double submit saves once', async () => {
    const stripe = await app('stripe');
    const { client } = env.client();
    const flow = createConnectFlow({ client, slug: 'stripe' });
    const values = { secret_key: 'sk_test_123', mode: 'test' };
    const first = flow.start({ app: stripe, values });
    const second = flow.start({ app: stripe, values });
    expect(second).toBe(first);
    await expect(first).resolves.toMatchObject({ status: 'connected' });
    expect(sent('POST', '/api/v2/app/stripe/save')).toHaveLength(1);
  });

  it('key-based only when OAuth is listed empty: Intercom saves its access token, never opens a popup', async () => {
    const intercom = await app('intercom');
    expect(intercom.auth_type_options).toMatchObject({ oauth2: [], keybased: [{ name: 'access_token' }] });
    const { client } = env.client();
    const host = fakeHost();
    const flow = createConnectFlow({ client, slug: 'intercom', host: host.host });
    const final = await flow.start({ app: intercom, values: { access_token: 'dG9rOm-123' } });
    expect(final).toMatchObject({ status: 'connected', authType: 'keybased' });
    expect(host.host.open).not.toHaveBeenCalled();
    expect(sent('POST', '/api/v1/intercom/integrate')).toHaveLength(0);
    expect(sent('POST', '/api/v2/app/intercom/save')[0]?.body).toEqual({ access_token: 'dG9rOm-123' });
  });

  it.each([
    ['twilio', 'basic_auth', { account_sid: 'AC123', auth_token: 'tw-secret' }],
    ['statuspage', 'api_key', { page_id: 'kctbh9vrtdwd', api_key: 'sp-secret' }],
    ['public-holidays', 'noauth', {}],
  ])(
    'a connector sub-type app (%s) sends auth_type %s with its credentials',
    async (slug, subType, values) => {
      const found = await app(slug);
      const { client } = env.client();
      const onConnected = vi.fn();
      const flow = createConnectFlow({ client, slug, onConnected });
      const final = await flow.start({ app: found, values });
      expect(final).toMatchObject({ status: 'connected', authType: 'keybased' });
      expect(sent('POST', `/api/v2/app/${slug}/save`)[0]?.body).toEqual({ ...values, auth_type: subType });
      expect(env.mock.account(ACCOUNT).connections(slug)[0]?.auth_type).toBe(subType);
      expect(onConnected).toHaveBeenCalledExactlyOnceWith({ slug, authType: 'keybased' });
    },
  );

  it('a save answered `{ success: false }` is an error, not a connection', async () => {
    const { client } = env.client();
    env.mock.inject({ method: 'POST', path: '/api/v2/app/stripe/save' }, { body: { success: false } });
    const flow = createConnectFlow({ client, slug: 'stripe' });
    const final = await flow.start({ authType: 'keybased', values: { secret_key: 'sk', mode: 'test' } });
    expect(final.status).toBe('error');
    expect(final.error).toBeInstanceOf(RefoldApiError);
  });

  it('OAuth without a popup host is a clear error, and nothing is sent', async () => {
    const { client } = env.client();
    const final = await createConnectFlow({ client, slug: 'slack' }).start();
    expect(final.status).toBe('error');
    expect(final.error).toBeInstanceOf(RefoldArgumentError);
    expect(env.dataRequests()).toHaveLength(0);
    expect(() => createConnectFlow({ client, slug: ' ' })).toThrow(RefoldArgumentError);
  });
});

describe('connect helpers', () => {
  it('resolveAuth: an empty list is not an offered style; OAuth wins only when offered with fields or alone', () => {
    const base = { name: 'X', slug: 'x', description: '' };
    const key = { name: 'api_key', label: 'API key', type: 'password', required: true };
    const pre = { name: 'instance_url', label: 'Instance', type: 'url', required: true };
    const style = (app: Application | undefined, requested?: string) => {
      const { authType, subType, fields } = resolveAuth(app, requested);
      return { authType, subType, fields: fields.map((f) => f.name) };
    };
    expect(style(undefined)).toEqual({ authType: 'oauth2', subType: undefined, fields: [] });
    // Documented: `{ keybased: [...], oauth2: [] }` means key-based only.
    expect(style({ ...base, auth_type_options: { keybased: [key], oauth2: [] } })).toEqual({
      authType: 'keybased',
      subType: undefined,
      fields: ['api_key'],
    });
    expect(style({ ...base, auth_type_options: { oauth2: [] } })).toMatchObject({
      authType: 'oauth2',
      fields: [],
    });
    expect(style({ ...base, auth_type_options: { oauth2: [pre], keybased: [key] } })).toMatchObject({
      authType: 'oauth2',
      fields: ['instance_url'],
    });
    expect(style({ ...base, auth_type_options: { keybased: [] } })).toMatchObject({ authType: 'keybased' });
    expect(style({ ...base, auth_type_options: { oauth2: [], keybased: [] } })).toMatchObject({
      authType: 'oauth2',
    });
    expect(style({ ...base, auth_type_options: { oauth2: [] } }, 'keybased')).toMatchObject({
      authType: 'keybased',
      fields: [],
    });
    expect(
      style({ ...base, auth_type_options: { oauth2: [pre], keybased: [key] } }, 'keybased'),
    ).toMatchObject({ authType: 'keybased', fields: ['api_key'] });
    // Older servers: the deprecated `auth_type` and `auth_input_map`.
    expect(style({ ...base, auth_type: 'keybased', auth_input_map: [key] })).toEqual({
      authType: 'keybased',
      subType: undefined,
      fields: ['api_key'],
    });
  });

  it('resolveAuth: connector sub-types use the key-based form and name the sub-type; unknown types never crash', () => {
    const base = { name: 'X', slug: 'x', description: '' };
    const user = { name: 'username', label: 'User', type: 'text', required: true };
    const key = { name: 'api_key', label: 'API key', type: 'password', required: true };
    const style = (app: Application, requested?: string) => {
      const { authType, subType, fields } = resolveAuth(app, requested);
      return { authType, subType, fields: fields.map((f) => f.name) };
    };
    // As an auth_type_options key …
    expect(style({ ...base, auth_type: 'basic_auth', auth_type_options: { basic_auth: [user] } })).toEqual({
      authType: 'keybased',
      subType: 'basic_auth',
      fields: ['username'],
    });
    // … as the app's auth_type over key-based fields, or alone with the deprecated fields …
    expect(style({ ...base, auth_type: 'api_key', auth_type_options: { keybased: [key] } })).toEqual({
      authType: 'keybased',
      subType: 'api_key',
      fields: ['api_key'],
    });
    expect(style({ ...base, auth_type: 'bearer_token', auth_input_map: [key] })).toEqual({
      authType: 'keybased',
      subType: 'bearer_token',
      fields: ['api_key'],
    });
    // … `noauth` is offered without any field, even beside an empty oauth2 list …
    expect(style({ ...base, auth_type: 'noauth', auth_type_options: { noauth: [] } })).toEqual({
      authType: 'keybased',
      subType: 'noauth',
      fields: [],
    });
    // … several sub-types: the app's own auth_type first, or the one asked for.
    const both = {
      ...base,
      auth_type: 'basic_auth',
      auth_type_options: { api_key: [key], basic_auth: [user] },
    };
    expect(style(both).subType).toBe('basic_auth');
    expect(style(both, 'api_key')).toMatchObject({ subType: 'api_key', fields: ['api_key'] });
    expect(style(both, 'keybased').subType).toBe('basic_auth');
    // An auth type nobody documented is kept raw and handled like a sub-type.
    expect(style({ ...base, auth_type_options: { magic_link: [user] } })).toEqual({
      authType: 'keybased',
      subType: 'magic_link',
      fields: ['username'],
    });
    expect(style({ ...base, auth_type: 'something_new' })).toMatchObject({ subType: 'something_new' });
  });

  it('checkAuthValues: required, numbers, URLs, e-mail addresses, required checkboxes', () => {
    const field = (name: string, type: string, required = true) => ({ name, label: name, type, required });
    const fields = [
      field('n', 'number'),
      field('u', 'url'),
      field('e', 'email'),
      field('c', 'checkbox'),
      field('o', 'text', false),
    ];
    expect(checkAuthValues(fields, { n: 'x', u: 'ftp://a', e: 'a@b', c: false })).toEqual({
      n: 'invalid',
      u: 'invalid',
      e: 'invalid',
      c: 'required',
    });
    expect(checkAuthValues(fields, { n: '4', u: 'https://a.example', e: 'a@b.example', c: true })).toEqual(
      {},
    );
  });
});
