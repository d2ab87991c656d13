import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefoldClient } from '../../src/core/client.js';
import { createConnectFlow } from '../../src/core/connect.js';
import type { PopupHost, RedirectHost, RedirectResume } from '../../src/core/connect.js';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';

const ACCOUNT = 'customer-a';
const PAGE = 'https://host.example/settings?tab=apps';

/** The real client against the mock in the same process, and a page host whose redirects the test sees. */
function setup(options: { blocked?: boolean; unsupported?: boolean } = {}) {
  const mock = createMockRefold();
  const client = createRefoldClient({
    fetchToken: async () => mock.mintToken(ACCOUNT),
    fetch: (input, init) => mock.handler(new Request(input, init)),
  });
  const went: { url: string; resume: RedirectResume }[] = [];
  const redirect: RedirectHost = {
    returnUrl: (nonce, returnTo) => `${returnTo ?? PAGE}&refold-resume=${nonce}`,
    go: (url, resume) => went.push({ url, resume }),
    popupsUnsupported: () => options.unsupported === true,
  };
  const open = vi.fn(() => null);
  const host: PopupHost = { open, onFocus: () => () => undefined, redirect };
  return { mock, client, host, open, went };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('createConnectFlow: full-page sign-in (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('mode redirect: no popup; integrate carries the return URL; the page goes to auth_url keeping slug, connection id and nonce only', async () => {
    const env = setup();
    const id = env.mock.account(ACCOUNT).connect('slack', { status: 'expired' }).connection_id;
    const flow = createConnectFlow({ client: env.client, slug: 'slack', host: env.host, connectionId: id });
    void flow.start({ mode: 'redirect' });
    await flush();
    expect(env.open).not.toHaveBeenCalled();
    expect(flow.getState().status).toBe('waiting');
    expect(env.went).toHaveLength(1);
    const [{ url, resume }] = env.went as [(typeof env.went)[number]];
    expect(Object.keys(resume).sort()).toEqual(['connectionId', 'nonce', 'slug']);
    expect(resume).toMatchObject({ slug: 'slack', connectionId: id });
    expect(resume.nonce).toMatch(/^[0-9a-f]{32}$/);
    const integrate = env.mock.requests.find((r) => r.path === '/api/v1/slack/integrate');
    expect(integrate?.query).toEqual({
      connection_id: id,
      redirect_url: `${PAGE}&refold-resume=${resume.nonce}`,
    });
    expect(url).toMatch(/\/mock-oauth\/authorize\?state=/);
  });

  it('mode auto goes straight to the full page where popups cannot work; a blocked popup stays blocked', async () => {
    const unsupported = setup({ unsupported: true });
    const flow = createConnectFlow({ client: unsupported.client, slug: 'slack', host: unsupported.host });
    void flow.start({ mode: 'auto' });
    await flush();
    expect(unsupported.open).not.toHaveBeenCalled();
    expect(unsupported.went).toHaveLength(1);

    const blocked = setup();
    const other = createConnectFlow({ client: blocked.client, slug: 'slack', host: blocked.host });
    const state = await other.start({ mode: 'auto' });
    expect(state.status).toBe('blocked');
    expect(blocked.went).toHaveLength(0);
    expect(blocked.mock.requests).toHaveLength(0);
  });

  it('resume(): ends connected once the page came back to a working connection made by the sign-in', async () => {
    const env = setup();
    const onConnected = vi.fn();
    const flow = createConnectFlow({ client: env.client, slug: 'slack', host: env.host, onConnected });
    env.mock.account(ACCOUNT).connect('slack');
    const done = flow.resume({ fastPollMs: 100, graceMs: 1_000 });
    expect(flow.getState().status).toBe('waiting');
    await flush();
    expect((await done).status).toBe('connected');
    expect(onConnected).toHaveBeenCalledWith({ slug: 'slack', authType: 'oauth2' });
  });

  it('resume(): ends cancelled after the grace period when the user came back without connecting (a denied reconnect)', async () => {
    const env = setup();
    const id = env.mock.account(ACCOUNT).connect('slack', { status: 'expired' }).connection_id;
    const flow = createConnectFlow({ client: env.client, slug: 'slack', host: env.host, connectionId: id });
    const done = flow.resume({ fastPollMs: 100, graceMs: 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await done).toMatchObject({ status: 'cancelled', error: undefined });
    const polls = env.mock.requests.filter((r) => r.path === '/api/v2/f-sdk/application/slack');
    expect(polls.length).toBeGreaterThan(1);
  });
});
