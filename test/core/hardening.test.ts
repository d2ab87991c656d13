import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRefoldClient } from '../../src/core/client.js';
import {
  RefoldAbortError,
  RefoldArgumentError,
  RefoldError,
  RefoldNetworkError,
  RefoldRateLimitError,
  RefoldResponseError,
  RefoldTimeoutError,
  RefoldTokenError,
} from '../../src/core/errors.js';
import { redact } from '../../src/core/redact.js';
import { TokenManager, looksLikeApiKey, readTokenResult } from '../../src/core/token.js';
import type { FetchToken, TokenResult } from '../../src/core/token.js';
import { useMockRefold } from './setup-mock.js';

const env = useMockRefold();
const CONFIG = '/api/v2/f-sdk/config';

/** The linked account a recorded `Bearer` JWT was minted for. */
function accountOf(authorization: string | undefined): string | undefined {
  const payload = authorization?.split(' ')[1]?.split('.')[1];
  if (!payload) return undefined;
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return (JSON.parse(json) as { linked_account_id?: string }).linked_account_id;
}

/** Every form an error could leak through. */
function textOf(error: unknown): string {
  if (!(error instanceof Error)) return JSON.stringify(error);
  const cause = error.cause instanceof Error ? `${error.cause.message} ${error.cause.stack ?? ''}` : '';
  return `${String(error)} ${JSON.stringify(error)} ${error.stack ?? ''} ${cause}`;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('dispose(): a customer switch stops the old customer’s requests', () => {
  it('never replays customer A’s write with another token when its 401 comes after the switch', async () => {
    // The provider's latest fetchToken: customer A's token first, customer B's once the customer changed.
    let customer = 'customer-a';
    const fetchToken = vi.fn<FetchToken>(async () => env.backendToken(customer));
    const client = createRefoldClient({ baseUrl: env.server.url, fetchToken });
    await client.configs.getOrCreate({ slug: 'slack' });
    env.mock.clearRequests();

    const held = env.mock.hold({ method: 'PUT', path: CONFIG });
    env.mock.inject(
      { method: 'PUT', path: CONFIG },
      { status: 401, body: { status_code: 401, error: 'INVALID_TOKEN', message: 'Invalid token' } },
    );
    const write = client.configs.update({ slug: 'slack', fields: { min_amount: 5 } });
    await held.arrived;
    customer = 'customer-b';
    client.dispose();
    held.release();

    await expect(write).rejects.toBeInstanceOf(RefoldAbortError);
    const puts = env.dataRequests().filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts.map((r) => accountOf(r.headers.authorization))).toEqual(['customer-a']);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('refuses every call after dispose with an abort, sending nothing and fetching no token', async () => {
    const { client, fetchToken } = env.client();
    client.dispose();
    await expect(client.applications.list()).rejects.toBeInstanceOf(RefoldAbortError);
    expect(fetchToken).not.toHaveBeenCalled();
    expect(env.dataRequests()).toHaveLength(0);
  });

  it('aborts a token fetch under way and never replays after a 401 once disposed', async () => {
    const signals: AbortSignal[] = [];
    const tokens = new TokenManager({
      fetchToken: ({ signal }) => {
        signals.push(signal);
        return new Promise<TokenResult>(() => undefined);
      },
    });
    const waiting = tokens.getToken();
    tokens.dispose();
    await expect(waiting).rejects.toBeInstanceOf(RefoldAbortError);
    expect(signals[0]?.aborted).toBe(true);
    await expect(tokens.refreshAfterUnauthorized('old')).rejects.toBeInstanceOf(RefoldAbortError);
    await expect(tokens.getToken()).rejects.toBeInstanceOf(RefoldAbortError);
    expect(signals).toHaveLength(1);
  });
});

describe('bounded waits', () => {
  it('ends a fetchToken that never answers with a RefoldTokenError, aborting its signal, and fetches anew next time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const signals: AbortSignal[] = [];
    const fetchToken = vi.fn<FetchToken>(({ signal }) => {
      signals.push(signal);
      return signals.length === 1 ? new Promise<TokenResult>(() => undefined) : 'second-token';
    });
    const tokens = new TokenManager({ fetchToken, timeoutMs: 15_000 });
    const first = tokens.getToken().catch((e: unknown) => e);
    const joined = tokens.getToken().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(15_000);
    for (const error of [await first, await joined]) {
      expect(error).toBeInstanceOf(RefoldTokenError);
      expect(String(error)).toMatch(/did not answer within 15 s/);
    }
    expect(signals[0]?.aborted).toBe(true);
    await expect(tokens.getToken()).resolves.toBe('second-token');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('gives the client’s tokenTimeoutMs to the token fetch', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const client = createRefoldClient({
      baseUrl: env.server.url,
      fetchToken: () => new Promise<TokenResult>(() => undefined),
      tokenTimeoutMs: 2_000,
    });
    const call = client.applications.list().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await call).toBeInstanceOf(RefoldTokenError);
    expect(env.dataRequests()).toHaveLength(0);
  });

  /** A fetch whose answer sends its headers, then never finishes its body (until the signal aborts it). */
  function stalledBodyFetch(): typeof fetch {
    return async (_input, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('[{"slug":'));
          init?.signal?.addEventListener('abort', () =>
            controller.error(new DOMException('aborted', 'AbortError')),
          );
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
  }

  it('times out a body that stalls after the headers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const client = createRefoldClient({
      baseUrl: env.server.url,
      fetchToken: () => 'opaque-session-token',
      fetch: stalledBodyFetch(),
      timeoutMs: 5_000,
      retry: { maxNetworkRetries: 0 },
    });
    const call = client.applications.list().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await call).toBeInstanceOf(RefoldTimeoutError);
  });

  it('lets the caller’s signal stop a body that stalls after the headers', async () => {
    const client = createRefoldClient({
      baseUrl: env.server.url,
      fetchToken: () => 'opaque-session-token',
      fetch: stalledBodyFetch(),
    });
    const controller = new AbortController();
    const call = client.applications.list({ signal: controller.signal }).catch((e: unknown) => e);
    await Promise.resolve();
    controller.abort();
    expect(await call).toBeInstanceOf(RefoldAbortError);
  });
});

describe('arguments that would change the path', () => {
  it.each(['..', '.', ' .. ', ''])('refuses %j as a slug before sending anything', async (slug) => {
    const { client, fetchToken } = env.client();
    expect(() => client.applications.disconnect(slug)).toThrow(RefoldArgumentError);
    expect(() => client.applications.get(slug)).toThrow(RefoldArgumentError);
    expect(() => client.executions.get(slug)).toThrow(RefoldArgumentError);
    expect(fetchToken).not.toHaveBeenCalled();
    expect(env.dataRequests()).toHaveLength(0);
  });

  it('still sends an id that merely contains dots', async () => {
    const { client } = env.client();
    await expect(client.applications.get('acme.v2')).rejects.toMatchObject({ status: 404 });
    expect(env.dataRequests().at(-1)?.path).toBe('/api/v2/f-sdk/application/acme.v2');
  });
});

describe('foreign text: redacted, cut, linear', () => {
  it('cuts a 100,000-character server message to 500 characters before it reaches an error', async () => {
    const { client } = env.client();
    const huge = `${'x'.repeat(50_000)} eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl ${'y'.repeat(50_000)}`;
    env.mock.inject({ path: '/api/v2/f-sdk/application' }, { status: 400, body: { message: huge } });
    const error = await client.applications.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldError);
    expect((error as Error).message.length).toBeLessThanOrEqual(500);
  });

  it('redacts credentials but keeps ordinary words, including in text longer than it keeps', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
    const opaque = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8';
    const text = redact(`Token ${jwt} expired; bearer ${opaque}; key ${opaque}. Contact support.`);
    expect(text).not.toContain(jwt);
    expect(text).not.toContain(opaque);
    expect(text).toContain('Contact support.');
    const long = redact(`${'word '.repeat(200)}${opaque}`);
    expect(long.length).toBeLessThanOrEqual(500);
    expect(redact(`${'a'.repeat(480)} ${jwt}`)).not.toContain(jwt.slice(0, 20));
  });
});

describe('token hygiene', () => {
  it.each([
    ['a control character', 'abc\u0007def'],
    ['a non-ASCII character', 'tökén-abcdef'],
    ['a zero-width space', 'abc\u200bdef'],
  ])('refuses a token with %s before any request', async (_label, token) => {
    const client = createRefoldClient({ baseUrl: env.server.url, fetchToken: () => token });
    const error = await client.applications.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldTokenError);
    expect(textOf(error)).not.toContain(token);
    expect(env.dataRequests()).toHaveLength(0);
  });

  it('keeps no raw cause that could hold the Authorization header', async () => {
    const token = 'opaque-session-token-5f4e3d2c1b0a';
    const onError = vi.fn();
    const client = createRefoldClient({
      baseUrl: env.server.url,
      fetchToken: () => token,
      retry: { maxNetworkRetries: 0 },
      onError,
      fetch: async (_input, init) => {
        const header = new Headers(init?.headers).get('authorization') ?? '';
        throw new TypeError(`Failed to execute 'fetch': invalid header value "${header}"`);
      },
    });
    const error = await client.applications.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldNetworkError);
    expect(textOf(error)).not.toContain(token);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(textOf(onError.mock.calls[0]?.[0])).not.toContain(token);
  });

  it('keeps no raw cause of a failing fetchToken either', async () => {
    const secret = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    const client = createRefoldClient({
      baseUrl: env.server.url,
      fetchToken: () => {
        const failure = new Error(`refused ${secret}`) as Error & { token?: string };
        failure.token = secret;
        throw failure;
      },
    });
    const error = await client.applications.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldTokenError);
    expect(textOf(error)).not.toContain(secret);
    expect(JSON.stringify((error as Error).cause)).not.toContain(secret);
  });

  it.each([
    'pk_live_4f9a8b7c6d5e4f3a2b1c',
    'PK_LIVE_4F9A8B7C6D5E4F3A2B1C',
    'pk.live.4f9a8b7c6d5e4f3a2b1c',
    'Pk-Live-4f9a8b7c6d5e4f3a2b1c',
    'tk_test_mock_0123456789abcdef',
    'TK:test:0123456789abcdef',
    'tk8d7c6b5a4f3e2d1c0b9a8f7e',
  ])('refuses the API key %s, case-insensitively and with any separator', (key) => {
    expect(looksLikeApiKey(key)).toBe(true);
    expect(() => readTokenResult(key)).toThrow(/API key/);
  });

  it.each([
    ['a JWT', env.mock.mintToken('customer-a')],
    ['a long opaque token starting with tk', `tk${'9f8e7d6c5b4a'.repeat(6)}-x_Q`],
    ['an opaque token starting with tkn-', 'tkn-8f2d1c0b9a8e7d6c5b4a3f2e1d0c9b8a'],
    ['an opaque token starting with pk that is 80 characters long', `pk${'a1'.repeat(39)}`],
  ])('accepts %s as a session token', (_label, token) => {
    expect(looksLikeApiKey(token)).toBe(false);
    expect(readTokenResult(token).token).toBe(token);
  });
});

describe('URLs from the server', () => {
  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://evil.example/authorize',
    '//evil.example/authorize',
    'https://user:pass@evil.example/',
    '/relative/path',
  ])('refuses the authorization URL %s', async (authUrl) => {
    const { client } = env.client();
    env.mock.inject(
      { method: 'POST', path: '/api/v1/slack/integrate' },
      { status: 200, body: { auth_url: authUrl } },
    );
    const error = await client.applications.oauthUrl('slack').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldResponseError);
    expect((error as RefoldResponseError).path).toBe('$.auth_url');
    expect(textOf(error)).not.toContain(authUrl);
  });

  it('accepts https and loopback http authorization URLs', async () => {
    const { client } = env.client();
    env.mock.inject(
      { method: 'POST', path: '/api/v1/slack/integrate' },
      { status: 200, body: { auth_url: 'https://slack.com/oauth/v2/authorize?client_id=1' } },
    );
    await expect(client.applications.oauthUrl('slack')).resolves.toEqual({
      auth_url: 'https://slack.com/oauth/v2/authorize?client_id=1',
    });
    const local = await client.applications.oauthUrl('slack');
    expect(local.auth_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('refuses a hosted connect URL that is not https', async () => {
    const { client } = env.client();
    env.mock.inject(
      { method: 'POST', path: '/api/v2/public/connect-url' },
      { status: 200, body: { hosted_url: 'javascript:alert(document.cookie)' } },
    );
    await expect(client.connectUrl()).rejects.toBeInstanceOf(RefoldResponseError);
  });
});

describe('Retry-After as a person reads it', () => {
  it.each([
    ['3600', /try again in 60 min/],
    ['99999', /try again later/],
  ])('says a Retry-After of %s s as %s', async (seconds, expected) => {
    const { client } = env.client();
    env.mock.inject(
      { path: '/api/v2/f-sdk/application' },
      { status: 429, headers: { 'retry-after': seconds } },
    );
    const error = await client.applications.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldRateLimitError);
    expect(String(error)).toMatch(expected);
    expect(String(error)).not.toMatch(/\d{3,} s/);
  });
});
