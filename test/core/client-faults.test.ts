import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefoldClient } from '../../src/core/client.js';
import {
  RefoldAbortError,
  RefoldApiError,
  RefoldAuthError,
  RefoldError,
  RefoldNetworkError,
  RefoldRateLimitError,
  RefoldResponseError,
  RefoldTimeoutError,
  RefoldTokenError,
} from '../../src/core/errors.js';
import type { FetchToken, TokenResult } from '../../src/core/token.js';
import { useMockRefold } from './setup-mock.js';

const env = useMockRefold();
const APPS = '/api/v2/f-sdk/application';

/** Everything a token could leak into. */
function expectNoToken(tokens: string[], ...things: unknown[]) {
  for (const thing of things) {
    const text =
      thing instanceof Error
        ? `${String(thing)} ${JSON.stringify(thing)} ${thing.stack ?? ''}`
        : JSON.stringify(thing);
    for (const token of tokens) expect(text).not.toContain(token);
  }
}

describe('tokens (fault cases 1–6)', () => {
  it('fetches one token for thirty concurrent calls with no token yet', async () => {
    const { client, fetchToken } = env.client();
    await Promise.all([
      ...Array.from({ length: 20 }, () => client.applications.list()),
      ...Array.from({ length: 10 }, () => client.applications.get('slack')),
    ]);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    // Under heavy load a request may be retried after a 429; each call still sent at least one request.
    expect(env.dataRequests().length).toBeGreaterThanOrEqual(30);
  });

  it('gives every waiter a RefoldTokenError when fetchToken rejects, sends nothing, and fetches again next time', async () => {
    const fetchToken = vi
      .fn<FetchToken>()
      .mockRejectedValueOnce(new Error('session endpoint 500'))
      .mockImplementation(async () => env.backendToken());
    const client = createRefoldClient({ baseUrl: env.server.url, fetchToken });
    const results = await Promise.allSettled([client.applications.list(), client.applications.list()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(RefoldTokenError);
    expect(env.dataRequests()).toHaveLength(0);
    await expect(client.applications.list()).resolves.toBeInstanceOf(Array);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it.each<[string, unknown]>([
    ['an empty string', ''],
    ['null', null],
    ['an empty object', {}],
    ['a numeric token', { token: 123 }],
    ['an API key', 'tk_test_mock_0123456789abcdef'],
  ])('refuses %s from fetchToken and never sends Bearer undefined', async (_label, value) => {
    const client = createRefoldClient({
      baseUrl: env.server.url,
      fetchToken: async () => value as TokenResult,
    });
    await expect(client.applications.list()).rejects.toBeInstanceOf(RefoldTokenError);
    expect(env.dataRequests()).toHaveLength(0);
  });

  it('replays a call once with one new token after one 401', async () => {
    const { client, fetchToken } = env.client();
    await client.applications.list();
    env.mock.clearRequests();
    env.mock.inject(
      { method: 'GET', path: APPS },
      {
        status: 401,
        body: {
          status_code: 401,
          http_error_type: 'UNAUTHORIZED',
          error: 'INVALID_TOKEN',
          message: 'Invalid token',
        },
      },
    );
    await expect(client.applications.list()).resolves.toBeInstanceOf(Array);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(fetchToken.mock.calls[1]?.[0].reason).toBe('unauthorized');
    const sent = env.dataRequests();
    expect(sent).toHaveLength(2);
    expect(sent[0]?.headers.authorization).not.toBe(sent[1]?.headers.authorization);
  });

  it('gives up after two data calls and two token fetches when the 401 persists, reporting one error', async () => {
    const onError = vi.fn();
    const { client, fetchToken } = env.client({ onError });
    env.mock.inject(
      { path: APPS },
      {
        status: 401,
        times: 10,
        body: {
          status_code: 401,
          http_error_type: 'UNAUTHORIZED',
          error: 'INVALID_TOKEN',
          message: 'Invalid token',
        },
      },
    );
    const error = await client.applications.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldAuthError);
    expect((error as RefoldAuthError).apiCode).toBe('INVALID_TOKEN');
    expect(env.dataRequests()).toHaveLength(2);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(RefoldAuthError);
  });

  it('shares one refresh between three parallel 401s and replays each request once', async () => {
    const { client, fetchToken } = env.client();
    await client.applications.list();
    env.mock.clearRequests();
    env.mock.inject(
      { path: APPS },
      { status: 401, times: 3, body: { status_code: 401, error: 'INVALID_TOKEN', message: 'Invalid token' } },
    );
    await Promise.all([client.applications.list(), client.applications.list(), client.applications.list()]);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(env.dataRequests()).toHaveLength(6);
  });

  it('refreshes after the mock expires a real token', async () => {
    const { client, fetchToken } = env.client();
    await client.applications.list();
    const [first] = env.dataRequests();
    env.mock.revokeToken(first!.headers.authorization!.slice('Bearer '.length));
    await expect(client.applications.list()).resolves.toBeInstanceOf(Array);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });
});

describe('server answers (fault cases 16–20)', () => {
  it('waits at least Retry-After before retrying a 429', async () => {
    const { client } = env.client();
    env.mock.inject(
      { path: APPS },
      {
        status: 429,
        headers: { 'retry-after': '2' },
        body: {
          status_code: 429,
          http_error_type: 'TOO_MANY_REQUESTS',
          error: 'RATE_LIMITED',
          message: 'Too Many Requests',
        },
      },
    );
    const started = performance.now();
    await expect(client.applications.list()).resolves.toBeInstanceOf(Array);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(env.dataRequests()).toHaveLength(2);
  });

  it('ends with a RefoldRateLimitError after its retry limit', async () => {
    const { client } = env.client({ retry: { maxRateLimitRetries: 2, baseDelayMs: 10 } });
    env.mock.inject({ path: APPS }, { status: 429, times: 10, headers: { 'retry-after': '0' } });
    const error = await client.applications.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldRateLimitError);
    expect((error as RefoldRateLimitError).retryAfter).toBe(0);
    expect(env.dataRequests()).toHaveLength(3);
  });

  it('does not wait for a Retry-After beyond its limit', async () => {
    const { client } = env.client();
    env.mock.inject({ path: APPS }, { status: 429, headers: { 'retry-after': '3600' } });
    const error = await client.applications.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldRateLimitError);
    expect((error as RefoldRateLimitError).retryAfter).toBe(3600);
    expect(String(error)).toMatch(/try again in 60 min/);
  });

  it('lets no 429 reach the caller in a burst of 100 calls against 20 rps / burst 5', async () => {
    const { client } = env.client();
    await client.linkedAccount(); // token first, so the burst measures data calls only
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => client.executions.list({ limit: 1 })),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(0);
    expect(env.dataRequests().length).toBeGreaterThanOrEqual(101);
  }, 30_000);

  it.each([400, 403, 404])('attempts a %i once', async (status) => {
    const { client } = env.client();
    env.mock.inject(
      { path: APPS },
      {
        status,
        body: { status_code: status, http_error_type: 'X', error: 'SOME_CODE', message: `answer ${status}` },
      },
    );
    const error = await client.applications.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect(error).toMatchObject({ status, apiCode: 'SOME_CODE', message: `answer ${status}` });
    expect(env.dataRequests()).toHaveLength(1);
  });

  it('reads the error code from error_code too', async () => {
    const { client } = env.client();
    env.mock.inject(
      { path: APPS },
      {
        status: 400,
        body: { status_code: 400, error_code: 'INVALID_LINKED_ACCOUNT_ID', message: 'bad account' },
      },
    );
    await expect(client.applications.list()).rejects.toMatchObject({ apiCode: 'INVALID_LINKED_ACCOUNT_ID' });
  });

  it('retries a GET after a network failure', async () => {
    const { client } = env.client({ retry: { baseDelayMs: 10 } });
    await client.linkedAccount();
    env.mock.clearRequests();
    env.mock.inject({ path: APPS }, { kind: 'network' });
    await expect(client.applications.list()).resolves.toBeInstanceOf(Array);
    expect(env.dataRequests()).toHaveLength(2);
  });

  it('ends with a RefoldNetworkError when the GET keeps failing', async () => {
    const { client } = env.client({ retry: { baseDelayMs: 10 } });
    env.mock.inject({ path: APPS }, { kind: 'network', times: 5 });
    await expect(client.applications.list()).rejects.toBeInstanceOf(RefoldNetworkError);
    expect(env.dataRequests()).toHaveLength(3);
  });

  it('never replays a POST after a network failure', async () => {
    const { client } = env.client({ retry: { baseDelayMs: 10 } });
    env.mock.inject({ method: 'POST', path: '/api/v2/public/event/trigger' }, { kind: 'network' });
    await expect(client.events.trigger({ event: 'x' })).rejects.toBeInstanceOf(RefoldNetworkError);
    expect(env.dataRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('replays a POST after a 429 and after a 401', async () => {
    const { client } = env.client({ retry: { baseDelayMs: 10 } });
    env.mock.inject(
      { method: 'POST', path: '/api/v2/public/event/trigger' },
      { status: 429, headers: { 'retry-after': '0' } },
    );
    await expect(client.events.trigger({ event: 'x' })).resolves.toBeDefined();
    env.mock.inject(
      { method: 'POST', path: '/api/v2/public/event/trigger' },
      { status: 401, body: { status_code: 401, error: 'INVALID_TOKEN', message: 'Invalid token' } },
    );
    await expect(client.events.trigger({ event: 'y' })).resolves.toBeDefined();
    expect(env.dataRequests().filter((r) => r.method === 'POST')).toHaveLength(4);
  });

  it('turns an HTML 502 from a gateway into a RefoldApiError with a generic message', async () => {
    const { client } = env.client();
    env.mock.inject({ path: APPS }, { kind: 'html-502' });
    const error = await client.applications.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect(error).toMatchObject({ status: 502 });
    expect((error as Error).message).toBe('Refold answered 502 Bad Gateway. Try again in a moment.');
    expect((error as Error).message).not.toContain('<');
  });

  it('turns a body that is not JSON into a RefoldResponseError', async () => {
    const { client } = env.client();
    env.mock.inject({ path: APPS }, { kind: 'malformed' });
    await expect(client.applications.list()).rejects.toBeInstanceOf(RefoldResponseError);
  });

  it('turns an app list that is not a list into a RefoldResponseError that says where', async () => {
    const { client } = env.client();
    env.mock.inject({ path: APPS }, { status: 200, body: { apps: [] } });
    const error = await client.applications.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldResponseError);
    expect((error as RefoldResponseError).path).toBe('$');
  });

  it('turns one app without slug into a RefoldResponseError that says where', async () => {
    const { client } = env.client();
    env.mock.inject({ path: `${APPS}/slack` }, { status: 200, body: { name: 'Nameless' } });
    const error = await client.applications.get('slack').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldResponseError);
    expect((error as RefoldResponseError).path).toBe('$.slug');
  });

  it('leaves an app without slug out of the list, keeps the others, and reports where', async () => {
    const onWarning = vi.fn();
    const { client } = env.client({ onWarning });
    env.mock.inject(
      { path: APPS },
      { status: 200, body: [{ name: 'Nameless' }, { name: 'Slack', slug: 'slack' }] },
    );
    await expect(client.applications.list()).resolves.toMatchObject([{ slug: 'slack' }]);
    expect(onWarning).toHaveBeenCalledExactlyOnceWith({
      route: 'listApplications',
      path: '$[0].slug',
      message: expect.stringContaining('a non-empty string'),
    });
  });
});

describe('aborts and time limits (fault case 29)', () => {
  it('aborts the HTTP request when the caller’s signal fires, with no error but an abort', async () => {
    const { client } = env.client();
    await client.linkedAccount();
    const held = env.mock.hold({ path: APPS }); // answered only after the test (reset releases it)
    const controller = new AbortController();
    const pending = client.applications.list({ signal: controller.signal });
    await held.arrived;
    expect(env.dataRequests().some((r) => r.path === APPS)).toBe(true);
    const started = performance.now();
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(RefoldAbortError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('does not even fetch a token for a call aborted before it starts', async () => {
    const { client, fetchToken } = env.client();
    const controller = new AbortController();
    controller.abort();
    await expect(client.applications.list({ signal: controller.signal })).rejects.toBeInstanceOf(
      RefoldAbortError,
    );
    expect(fetchToken).not.toHaveBeenCalled();
  });

  it('stops waiting for a slow token when aborted, without reporting an error', async () => {
    const onError = vi.fn();
    const client = createRefoldClient({
      baseUrl: env.server.url,
      fetchToken: () => new Promise<string>(() => undefined),
      onError,
    });
    const controller = new AbortController();
    const pending = client.applications.list({ signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(RefoldAbortError);
    expect(onError).not.toHaveBeenCalled();
  });

  it('ends a request that takes longer than timeoutMs with a RefoldTimeoutError', async () => {
    // The one real wait here is the client's own time limit (300 ms), which is what this tests.
    const { client } = env.client({ timeoutMs: 300, retry: { maxNetworkRetries: 0 } });
    env.mock.hold({ path: APPS }); // never answered within the test (reset releases it)
    await expect(client.applications.list()).rejects.toBeInstanceOf(RefoldTimeoutError);
  });
});

describe('no leaks (fault cases 25, 26, 30)', () => {
  const touched: string[] = [];
  const saved: Record<string, PropertyDescriptor | undefined> = {};
  beforeEach(() => {
    for (const name of ['localStorage', 'sessionStorage', 'indexedDB', 'document']) {
      saved[name] = Object.getOwnPropertyDescriptor(globalThis, name);
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          touched.push(name);
          return undefined;
        },
      });
    }
  });
  afterEach(() => {
    for (const [name, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else Reflect.deleteProperty(globalThis, name);
    }
  });

  it('never touches storage, cookies or the document, and never logs', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const { client } = env.client();
    await client.applications.list();
    env.mock.inject(
      { path: APPS },
      { status: 401, times: 2, body: { status_code: 401, error: 'INVALID_TOKEN', message: 'Invalid token' } },
    );
    await client.applications.list().catch(() => undefined);
    expect(touched).toEqual([]);
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });

  it('keeps every token out of errors, their JSON and their stack', async () => {
    const { client } = env.client();
    await client.applications.list();
    const tokens = env.mock.requests.flatMap((r) =>
      r.headers.authorization ? [r.headers.authorization.slice(7)] : [],
    );
    expect(tokens.length).toBeGreaterThan(0);
    const errors: unknown[] = [];
    env.mock.inject(
      { path: APPS },
      {
        status: 401,
        times: 2,
        body: { status_code: 401, error: 'INVALID_TOKEN', message: `Invalid token ${tokens[0]}` },
      },
    );
    errors.push(await client.applications.list().catch((e: unknown) => e));
    env.mock.inject({ path: APPS }, { status: 400, body: { message: `bad Bearer ${tokens[0]}` } });
    errors.push(await client.applications.list().catch((e: unknown) => e));
    const leaky = createRefoldClient({
      baseUrl: env.server.url,
      fetchToken: async () => {
        throw new Error(`could not refresh ${tokens[0]}`);
      },
    });
    errors.push(await leaky.applications.list().catch((e: unknown) => e));
    for (const e of errors) expect(e).toBeInstanceOf(RefoldError);
    expectNoToken(tokens, ...errors, client);
  });

  it('never sends x-api-key or linked_account_id, whatever the call', async () => {
    const { client } = env.client();
    await client.applications.list();
    await client.configs.getOrCreate({ slug: 'hubspot' });
    await client.executions.list();
    await client.events.trigger({ event: 'e', slug: 'hubspot' });
    for (const request of env.dataRequests()) {
      expect(request.headers['x-api-key']).toBeUndefined();
      expect(request.headers.linked_account_id).toBeUndefined();
      expect(request.url).not.toMatch(/token=|eyJ/);
    }
  });
});

describe('typed secrets (fault case 21)', () => {
  it('blanks a typed secret out of an error message that echoes it', async () => {
    const { client } = env.client();
    const secret = 'sk_live_typed_secret_value';
    env.mock.inject(
      { method: 'POST', path: '/api/v2/app/stripe/save' },
      {
        status: 500,
        body: {
          status_code: 500,
          error: 'SERVER_ERROR',
          message: `Failed to verify credentials: key ${secret} is invalid`,
        },
      },
    );
    const error = await client.applications
      .saveCredentials('stripe', { secret_key: secret, mode: 'live' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect((error as Error).message).toBe('Failed to verify credentials: key [redacted] is invalid');
    expect(JSON.stringify(error)).not.toContain(secret);
  });
});
