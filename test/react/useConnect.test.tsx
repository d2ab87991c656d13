import { act, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RefoldApiError, RefoldPopupError, RefoldValidationError } from '../../src/core/errors.js';
import type { FetchToken } from '../../src/core/token.js';
import { RefoldProvider, useConnect } from '../../src/react/index.js';
import type { RefoldEvent, UseConnectOptions } from '../../src/react/index.js';
import { countFetches, fakeClock } from '../timing.js';
import { mockFetchToken, reactMajor, renderRefoldHook, setupMockServer, testQueryClient } from './utils.js';

const { mock, sent } = setupMockServer();
// Flows take a few requests and timers; leave loaded machines room (waitFor returns as soon as it passes).
configure({ asyncUtilTimeout: 5_000 });
const ACCOUNT = 'customer-a';
/** Short timings so that grace, timeout and polling play out in well under a second. */
const FAST: UseConnectOptions = { fastPollMs: 100, trustClosedAfterMs: 50, graceMs: 300 };

/**
 * What `window.open` returns in these tests. With `coop`, the provider's opener policy severs the handle as
 * soon as the popup is sent there: `closed` reads true for a window still open, and `close()` does nothing.
 */
function fakeWindow(options: { coop?: boolean } = {}) {
  const win = {
    closed: false,
    close: vi.fn(() => {
      if (!options.coop) win.closed = true;
    }),
    focus: vi.fn(),
    location: {
      replace: vi.fn((_url: string) => {
        if (options.coop) win.closed = true;
      }),
    },
  };
  return win;
}

function stubOpen(win: ReturnType<typeof fakeWindow> | null = fakeWindow()) {
  const open = vi.spyOn(window, 'open').mockImplementation(() => win as unknown as Window);
  return { open, win: win! };
}

const APP_PATH = '/api/v2/f-sdk/application/slack';
const appGets = (slug = 'slack') =>
  sent().filter((r) => r.method === 'GET' && r.path === `/api/v2/f-sdk/application/${slug}`).length;
const integrates = (slug = 'slack') =>
  sent().filter((r) => r.method === 'POST' && r.path === `/api/v1/${slug}/integrate`);
const saves = (slug: string) =>
  sent().filter((r) => r.method === 'POST' && r.path === `/api/v2/app/${slug}/save`);
/** Spies on the focus and visibility listeners the flow adds, to check that it removes them. */
function spyFocusListeners() {
  const added = vi.spyOn(window, 'addEventListener');
  const removed = vi.spyOn(window, 'removeEventListener');
  const docAdded = vi.spyOn(document, 'addEventListener');
  const docRemoved = vi.spyOn(document, 'removeEventListener');
  const pairs = () => [
    ...added.mock.calls.filter(([type]) => type === 'focus').map(([, fn]) => ({ fn, off: removed })),
    ...docAdded.mock.calls
      .filter(([type]) => type === 'visibilitychange')
      .map(([, fn]) => ({ fn, off: docRemoved })),
  ];
  return {
    count: () => pairs().length,
    allRemoved: () =>
      pairs().every(({ fn, off }) => off.mock.calls.some(([, removedFn]) => removedFn === fn)),
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe(`useConnect on React ${reactMajor}: OAuth popup`, () => {
  it('strict mode: one token fetch, one request per query, one popup, one integrate request', async () => {
    const { open, win } = stubOpen();
    const { result, fetchToken } = renderRefoldHook(mock, () => useConnect('slack', FAST), { strict: true });
    await waitFor(() => expect(result.current.app?.slug).toBe('slack'));
    expect(sent()).toHaveLength(1);

    act(() => {
      void result.current.connect();
    });
    await waitFor(() => expect(result.current.status).toBe('waiting'));
    expect(open).toHaveBeenCalledTimes(1);
    expect(integrates()).toHaveLength(1);
    expect(win.location.replace).toHaveBeenCalledTimes(1);

    mock.completeOAuth(ACCOUNT, 'slack');
    await waitFor(() => expect(result.current.status).toBe('connected'));
    expect(open).toHaveBeenCalledTimes(1);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('opens window.open synchronously in the click handler, before the (slow) token fetch settles', async () => {
    const { open, win } = stubOpen();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetchToken = vi.fn<FetchToken>(async () => {
      await gate;
      return { token: mock.mintToken(ACCOUNT), expiresIn: 3600 };
    });
    let openCallsWhenHandlerReturned = -1;
    function ConnectSlack() {
      const slack = useConnect('slack');
      return (
        <button
          onClick={() => {
            void slack.connect();
            openCallsWhenHandlerReturned = open.mock.calls.length;
          }}
        >
          Connect {slack.status}
        </button>
      );
    }
    render(
      <RefoldProvider fetchToken={fetchToken} queryClient={testQueryClient()}>
        <ConnectSlack />
      </RefoldProvider>,
    );

    fireEvent.click(screen.getByRole('button'));
    expect(openCallsWhenHandlerReturned).toBe(1);
    expect(open).toHaveBeenCalledWith('', 'refold-connect-slack', expect.stringContaining('popup'));
    expect(win.location.replace).not.toHaveBeenCalled();
    expect(screen.getByRole('button').textContent).toBe('Connect opening');
    expect(sent()).toHaveLength(0);

    await act(async () => release());
    await waitFor(() => expect(win.location.replace).toHaveBeenCalledTimes(1));
    expect(win.location.replace.mock.calls[0]![0]).toMatch(
      /^https:\/\/app\.refold\.ai\/mock-oauth\/authorize\?state=/,
    );
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('popup blocked: `blocked` with a RefoldPopupError and a readable message, no integrate request; a retry opens it', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { result } = renderRefoldHook(mock, () => useConnect('slack'));
    await waitFor(() => expect(result.current.app).toBeDefined());

    let done!: Promise<unknown>;
    act(() => {
      done = result.current.connect();
    });
    expect(result.current.status).toBe('blocked');
    expect(result.current.isConnecting).toBe(false);
    expect(result.current.error).toBeInstanceOf(RefoldPopupError);
    expect(result.current.error).toMatchObject({ reason: 'blocked', code: 'popup_blocked' });
    expect(result.current.error?.message).toMatch(/blocked the sign-in window.*allow pop-ups/i);
    await act(() => done); // the flow is over
    expect(integrates()).toHaveLength(0);
    expect(sent()).toHaveLength(1); // the app query only

    const win = fakeWindow();
    open.mockReturnValue(win as unknown as Window);
    act(() => {
      void result.current.connect();
    });
    expect(result.current.status).toBe('opening');
    expect(result.current.error).toBeUndefined();
    act(() => result.current.cancel());
  });

  it('keeps connect and redirect stable when the app data arrives, so an effect on connect runs once', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    let effectRuns = 0;
    const { result } = renderRefoldHook(mock, () => {
      const slack = useConnect('slack');
      const { connect } = slack;
      // An app that connects on load, the way a page may: the effect must not fire again on the app's data.
      useEffect(() => {
        effectRuns += 1;
        void connect();
      }, [connect]);
      return slack;
    });
    const first = { connect: result.current.connect, redirect: result.current.redirect };
    expect(result.current.app).toBeUndefined();
    await waitFor(() => expect(result.current.app?.slug).toBe('slack'));
    expect(result.current.connect).toBe(first.connect);
    expect(result.current.redirect).toBe(first.redirect);
    expect(effectRuns).toBe(1);
    expect(open).toHaveBeenCalledTimes(1);
    expect(result.current.status).toBe('blocked');
  });

  it('user closes the popup: after the grace `cancelled`, focus listeners removed, polling stopped', async () => {
    const advance = fakeClock();
    const appFetches = countFetches(APP_PATH);
    const { win } = stubOpen();
    const listeners = spyFocusListeners();
    const { result } = renderRefoldHook(mock, () => useConnect('slack', FAST));
    act(() => {
      void result.current.connect();
    });
    await waitFor(() => expect(result.current.status).toBe('waiting'));
    await advance(150); // past trustClosedAfterMs: the handle was seen open
    win.closed = true;
    await advance(150); // the next look at the handle sees it closed
    expect(result.current.status).toBe('waiting'); // within the grace

    await waitFor(() => expect(result.current.status).toBe('cancelled'));
    expect(result.current.error).toBeInstanceOf(RefoldPopupError);
    expect(result.current.error).toMatchObject({ reason: 'closed' });
    expect(listeners.count()).toBeGreaterThan(0);
    expect(listeners.allRemoved()).toBe(true);
    const polls = appFetches();
    expect(polls).toBeGreaterThan(0); // the spy sees the polls
    await advance(400);
    expect(appFetches()).toBe(polls);
  });

  it('timeout: `timeout` with a RefoldPopupError, the popup closed, polling stopped', async () => {
    const advance = fakeClock();
    const appFetches = countFetches(APP_PATH);
    const { win } = stubOpen();
    const listeners = spyFocusListeners();
    const { result } = renderRefoldHook(mock, () =>
      useConnect('slack', { ...FAST, timeoutMs: 200, graceMs: 100 }),
    );
    act(() => {
      void result.current.connect();
    });
    await waitFor(() => expect(result.current.status).toBe('timeout'));
    expect(result.current.error).toBeInstanceOf(RefoldPopupError);
    expect(result.current.error).toMatchObject({ reason: 'timeout' });
    expect(win.close).toHaveBeenCalled();
    expect(listeners.allRemoved()).toBe(true);
    const polls = appFetches();
    expect(polls).toBeGreaterThan(0); // the spy sees the polls
    await advance(400);
    expect(appFetches()).toBe(polls);
  });

  it('opener policy: `closed` reads true at once, polling goes on, and the completed connection is detected', async () => {
    const advance = fakeClock();
    const { win } = stubOpen(fakeWindow({ coop: true }));
    const { result } = renderRefoldHook(mock, () => useConnect('slack', FAST));
    act(() => {
      void result.current.connect();
    });
    await waitFor(() => expect(win.location.replace).toHaveBeenCalled());
    expect(win.closed).toBe(true);
    const polls = appGets();
    await advance(800); // well past the trust delay and the grace
    expect(result.current.status).toBe('waiting');
    await waitFor(() => expect(appGets()).toBeGreaterThan(polls + 2));

    mock.completeOAuth(ACCOUNT, 'slack');
    await waitFor(() => expect(result.current.status).toBe('connected'));
  });

  it('unmount while the popup is open: polling stops, the popup closes, nothing fires afterwards', async () => {
    const advance = fakeClock();
    const fetches = countFetches();
    const { win } = stubOpen();
    const listeners = spyFocusListeners();
    const onEvent = vi.fn<(event: RefoldEvent) => void>();
    const onConnected = vi.fn();
    let renders = 0;
    const { result, unmount } = renderRefoldHook(
      mock,
      () => {
        renders += 1;
        return useConnect('slack', { ...FAST, onConnected });
      },
      { onEvent },
    );
    act(() => {
      void result.current.connect();
    });
    await waitFor(() => expect(result.current.status).toBe('waiting'));

    unmount();
    expect(win.close).toHaveBeenCalled();
    expect(listeners.allRemoved()).toBe(true);
    const polls = fetches();
    const rendered = renders;
    mock.completeOAuth(ACCOUNT, 'slack');
    await advance(500);
    expect(fetches()).toBe(polls);
    expect(renders).toBe(rendered);
    expect(onConnected).not.toHaveBeenCalled();
    expect(onEvent).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'connected' }));
  });

  it('double click on Connect: one popup (brought to the front), one flow, one integrate request', async () => {
    const { open, win } = stubOpen();
    function ConnectSlack() {
      const slack = useConnect('slack', FAST);
      return <button onClick={() => void slack.connect()}>{slack.status}</button>;
    }
    render(
      <RefoldProvider fetchToken={mockFetchToken(mock)} queryClient={testQueryClient()}>
        <ConnectSlack />
      </RefoldProvider>,
    );
    const button = screen.getByRole('button');
    fireEvent.click(button);
    fireEvent.click(button);
    expect(open).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(button.textContent).toBe('waiting'));
    fireEvent.click(button);
    expect(open).toHaveBeenCalledTimes(1);
    expect(integrates()).toHaveLength(1);
  });

  it('two useConnect of the same app share one flow: one popup, and it survives one of them unmounting', async () => {
    const { open, win } = stubOpen();
    const statuses: Record<string, string> = {};
    function Button({ name }: { name: string }) {
      const slack = useConnect('slack', FAST);
      statuses[name] = slack.status;
      return <button onClick={() => void slack.connect()}>{name}</button>;
    }
    function Page({ showA }: { showA: boolean }): ReactNode {
      return (
        <RefoldProvider fetchToken={fetchToken} queryClient={queryClient}>
          {showA && <Button name="A" />}
          <Button name="B" />
        </RefoldProvider>
      );
    }
    const fetchToken = mockFetchToken(mock);
    const queryClient = testQueryClient();
    const { rerender } = render(<Page showA />);

    fireEvent.click(screen.getByRole('button', { name: 'A' }));
    fireEvent.click(screen.getByRole('button', { name: 'B' }));
    expect(open).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(statuses).toEqual({ A: 'waiting', B: 'waiting' }));

    rerender(<Page showA={false} />);
    expect(win.close).not.toHaveBeenCalled();
    mock.completeOAuth(ACCOUNT, 'slack');
    await waitFor(() => expect(statuses.B).toBe('connected'));
    expect(integrates()).toHaveLength(1);
  });

  it('the timing of the hook that starts the flow applies, even when another useConnect of the app mounted first', async () => {
    stubOpen();
    const { result } = renderRefoldHook(mock, () => ({
      status: useConnect('slack'), // e.g. a status badge, mounted first, with the default timing
      button: useConnect('slack', { ...FAST, timeoutMs: 200, graceMs: 100 }),
    }));
    act(() => {
      void result.current.button.connect();
    });
    await waitFor(() => expect(result.current.button.status).toBe('timeout'));
    expect(result.current.status.status).toBe('timeout');
  });

  it('three poll failures in a row end the flow as `error`', async () => {
    const { win } = stubOpen();
    const { result } = renderRefoldHook(mock, () => useConnect('slack', FAST));
    act(() => {
      void result.current.connect();
    });
    await waitFor(() => expect(result.current.status).toBe('waiting'));
    mock.inject({ method: 'GET', path: '/api/v2/f-sdk/application/slack' }, { status: 500, times: 3 });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(RefoldApiError);
    expect(result.current.error).toMatchObject({ status: 500 });
    expect(win.close).toHaveBeenCalled();
  });

  it('polls at once when the page regains focus', async () => {
    const advance = fakeClock();
    const appFetches = countFetches(APP_PATH);
    stubOpen();
    const { result } = renderRefoldHook(mock, () => useConnect('slack', { fastPollMs: 60_000 }));
    act(() => {
      void result.current.connect();
    });
    await waitFor(() => expect(result.current.status).toBe('waiting'));
    const polls = appGets();
    const focus = () =>
      act(() => {
        window.dispatchEvent(new Event('focus'));
      });

    focus();
    await waitFor(() => expect(appGets()).toBe(polls + 1));
    const fetched = appFetches();
    await advance(200);
    expect(appFetches()).toBe(fetched); // nothing else: the next scheduled poll is a minute away
    expect(appGets()).toBe(polls + 1);
    expect(result.current.status).toBe('waiting');

    mock.completeOAuth(ACCOUNT, 'slack');
    focus();
    await waitFor(() => expect(result.current.status).toBe('connected'));
  });

  it('connected: refetches the app, fires onEvent({ type: "connected" }) and onConnected once', async () => {
    stubOpen();
    const onEvent = vi.fn<(event: RefoldEvent) => void>();
    const onConnected = vi.fn();
    const { result } = renderRefoldHook(mock, () => useConnect('slack', { ...FAST, onConnected }), {
      onEvent,
    });
    await waitFor(() => expect(result.current.app?.connected_accounts).toEqual([]));
    act(() => {
      void result.current.connect();
    });
    await waitFor(() => expect(result.current.status).toBe('waiting'));
    mock.completeOAuth(ACCOUNT, 'slack');
    await waitFor(() => expect(result.current.status).toBe('connected'));
    await waitFor(() =>
      expect(result.current.app?.connected_accounts).toMatchObject([
        { auth_type: 'oauth2', status: 'active' },
      ]),
    );
    const connected = onEvent.mock.calls.filter(([event]) => event.type === 'connected');
    expect(connected).toEqual([
      [
        {
          type: 'connected',
          slug: 'slack',
          authType: 'oauth2',
          mode: 'auto',
          durationMs: expect.any(Number),
        },
      ],
    ]);
    expect(onConnected).toHaveBeenCalledTimes(1);
  });

  it('detects a completed connection within about a second with the default 750 ms poll', async () => {
    stubOpen();
    const { result } = renderRefoldHook(mock, () => useConnect('hubspot'));
    act(() => {
      void result.current.connect();
    });
    await waitFor(() => expect(result.current.status).toBe('waiting'));
    const completedAt = Date.now();
    mock.completeOAuth(ACCOUNT, 'hubspot');
    await waitFor(() => expect(result.current.status).toBe('connected'));
    // One poll interval plus one request; the margin is for loaded machines.
    expect(Date.now() - completedAt).toBeLessThan(3_000);
  });

  it('cancel(): `cancelled` without an error, popup closed; reset() goes back to idle', async () => {
    const { win } = stubOpen();
    const { result } = renderRefoldHook(mock, () => useConnect('slack', FAST));
    act(() => {
      void result.current.connect();
    });
    await waitFor(() => expect(result.current.status).toBe('waiting'));
    act(() => result.current.cancel());
    expect(result.current.status).toBe('cancelled');
    expect(result.current.error).toBeUndefined();
    expect(win.close).toHaveBeenCalled();
    act(() => result.current.reset());
    expect(result.current.status).toBe('idle');
  });
});

describe(`useConnect on React ${reactMajor}: no popup`, () => {
  it('machine-to-machine (client_credentials): connected without window.open', async () => {
    const open = vi.spyOn(window, 'open');
    const onEvent = vi.fn<(event: RefoldEvent) => void>();
    const { result } = renderRefoldHook(mock, () => useConnect('quickbooks'), { onEvent });
    await waitFor(() => expect(result.current.app?.grant_type).toBe('client_credentials'));
    expect(result.current.authType).toBe('oauth2');

    act(() => {
      void result.current.connect();
    });
    expect(result.current.status).toBe('saving');
    await waitFor(() => expect(result.current.status).toBe('connected'));
    expect(open).not.toHaveBeenCalled();
    expect(onEvent).toHaveBeenCalledWith({
      type: 'connected',
      slug: 'quickbooks',
      authType: 'oauth2',
      mode: 'auto',
      durationMs: expect.any(Number),
    });
    await waitFor(() => expect(result.current.app?.connected_accounts).toHaveLength(1));
  });

  it('OAuth pre-auth fields: checked before the popup opens, then sent in the integrate body', async () => {
    const { open } = stubOpen();
    const { result } = renderRefoldHook(mock, () => useConnect('salesforce', FAST));
    await waitFor(() => expect(result.current.fields.map((f) => f.name)).toEqual(['instance_url']));

    act(() => {
      void result.current.connect();
    });
    expect(result.current.status).toBe('error');
    expect(result.current.error).toBeInstanceOf(RefoldValidationError);
    expect(result.current.fieldErrors).toEqual({ instance_url: 'required' });
    expect(open).not.toHaveBeenCalled();

    act(() => result.current.setValue('instance_url', 'https://acme.my.salesforce.com'));
    act(() => {
      void result.current.connect();
    });
    expect(open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(result.current.status).toBe('waiting'));
    expect(integrates('salesforce').map((r) => r.body)).toEqual([
      { instance_url: 'https://acme.my.salesforce.com' },
    ]);
    act(() => result.current.cancel());
  });

  it('key-based: an empty required field sends nothing and is named in fieldErrors; typed values stay', async () => {
    const open = vi.spyOn(window, 'open');
    const { result } = renderRefoldHook(mock, () => useConnect('zendesk'));
    await waitFor(() => expect(result.current.fields).toHaveLength(3));
    expect(result.current.authType).toBe('keybased');

    act(() => result.current.setValue('subdomain', 'acme'));
    let done!: Promise<unknown>;
    act(() => {
      done = result.current.connect();
    });
    expect(result.current.status).toBe('error');
    expect(result.current.error).toBeInstanceOf(RefoldValidationError);
    expect(result.current.fieldErrors).toEqual({ email: 'required', api_token: 'required' });
    expect(result.current.values).toEqual({ subdomain: 'acme' });
    await act(() => done); // the flow is over
    expect(saves('zendesk')).toHaveLength(0);
    expect(open).not.toHaveBeenCalled();
  });

  it('key-based: a refused save keeps every typed value and shows the server message, without the secret; a good one connects', async () => {
    const onEvent = vi.fn<(event: RefoldEvent) => void>();
    const { result } = renderRefoldHook(mock, () => useConnect('zendesk'), { onEvent });
    await waitFor(() => expect(result.current.fields).toHaveLength(3));
    const typed = { subdomain: 'acme', email: 'agent@acme.example', api_token: 'zd-secret-51c0' };
    mock.account(ACCOUNT).rejectNextSave('zendesk', 'the token was revoked');
    act(() => {
      for (const [name, value] of Object.entries(typed)) result.current.setValue(name, value);
    });
    act(() => {
      void result.current.connect();
    });
    expect(result.current.status).toBe('saving');
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(RefoldApiError);
    expect(result.current.error?.message).toBe('Failed to verify credentials: the token was revoked');
    expect(result.current.values).toEqual(typed);
    expect(saves('zendesk').map((r) => r.body)).toEqual([typed]);
    const shown = JSON.stringify([result.current.error, result.current.fieldErrors, onEvent.mock.calls]);
    expect(shown).not.toContain(typed.api_token);

    act(() => {
      void result.current.connect();
    });
    await waitFor(() => expect(result.current.status).toBe('connected'));
    expect(result.current.values).toEqual({});
    expect(onEvent).toHaveBeenCalledWith({
      type: 'connected',
      slug: 'zendesk',
      authType: 'keybased',
      mode: 'auto',
      durationMs: expect.any(Number),
    });
    await waitFor(() =>
      expect(result.current.app?.connected_accounts).toMatchObject([{ auth_type: 'keybased' }]),
    );
  });
  it('key-based form for `{ keybased: [...], oauth2: [] }`: no popup, the credentials saved', async () => {
    const open = vi.spyOn(window, 'open');
    const { result } = renderRefoldHook(mock, () => useConnect('intercom'));
    await waitFor(() => expect(result.current.fields.map((f) => f.name)).toEqual(['access_token']));
    expect(result.current).toMatchObject({ authType: 'keybased', subType: undefined });
    act(() => result.current.setValue('access_token', 'dG9rOm-1'));
    act(() => {
      void result.current.connect();
    });
    await waitFor(() => expect(result.current.status).toBe('connected'));
    expect(open).not.toHaveBeenCalled();
    expect(saves('intercom').map((r) => r.body)).toEqual([{ access_token: 'dG9rOm-1' }]);
  });

  it('connector sub-type: the key-based form, saved with auth_type; `noauth` connects with nothing typed', async () => {
    const { result } = renderRefoldHook(mock, () => ({
      twilio: useConnect('twilio'),
      holidays: useConnect('public-holidays'),
    }));
    await waitFor(() => expect(result.current.twilio.subType).toBe('basic_auth'));
    expect(result.current.twilio.authType).toBe('keybased');
    expect(result.current.twilio.fields.map((f) => f.name)).toEqual([
      'account_sid',
      'auth_token',
      'from_number',
      'region',
    ]);
    await waitFor(() => expect(result.current.holidays.subType).toBe('noauth'));
    expect(result.current.holidays.fields).toEqual([]);
    act(() => {
      void result.current.twilio.connect({ account_sid: 'AC9', auth_token: 'tw-1' });
      void result.current.holidays.connect();
    });
    await waitFor(() => expect(result.current.twilio.status).toBe('connected'));
    await waitFor(() => expect(result.current.holidays.status).toBe('connected'));
    expect(saves('twilio').map((r) => r.body)).toEqual([
      { account_sid: 'AC9', auth_token: 'tw-1', auth_type: 'basic_auth' },
    ]);
    expect(saves('public-holidays').map((r) => r.body)).toEqual([{ auth_type: 'noauth' }]);
  });
});
