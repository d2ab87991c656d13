import { describe, expect, it, vi } from 'vitest';
import { RefoldAbortError, RefoldTokenError } from '../../src/core/errors.js';
import { TokenManager, decodeJwtClaims, readTokenResult } from '../../src/core/token.js';
import type { FetchToken, TokenResult } from '../../src/core/token.js';
import { deferred, fakeClock, jwt } from './helpers.js';

function manager(fetchToken: FetchToken, clock = fakeClock()) {
  return { tokens: new TokenManager({ fetchToken, now: clock.now }), clock };
}

describe('TokenManager', () => {
  it('shares one fetchToken call between thirty concurrent callers', async () => {
    const fetchToken = vi.fn<FetchToken>(async () => 'session-token-a');
    const { tokens } = manager(fetchToken);
    const all = await Promise.all(Array.from({ length: 30 }, () => tokens.getToken()));
    expect(new Set(all)).toEqual(new Set(['session-token-a']));
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(fetchToken.mock.calls[0]?.[0].reason).toBe('initial');
  });

  it('gives every waiter a RefoldTokenError when fetchToken rejects, and fetches again on the next call', async () => {
    const fetchToken = vi
      .fn<FetchToken>()
      .mockRejectedValueOnce(new Error('backend down'))
      .mockResolvedValueOnce('session-token-b');
    const { tokens } = manager(fetchToken);
    const results = await Promise.allSettled([tokens.getToken(), tokens.getToken(), tokens.getToken()]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(RefoldTokenError);
      expect(String((r as PromiseRejectedResult).reason)).toContain('backend down');
    }
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await expect(tokens.getToken()).resolves.toBe('session-token-b');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it.each<[string, unknown]>([
    ['an empty string', ''],
    ['null', null],
    ['an empty object', {}],
    ['a numeric token', { token: 123 }],
    ['a live API key', 'pk_live_4f9a8b7c6d5e4f3a2b1c'],
    ['a test API key', 'tk8d7c6b5a4f3e2d1c0b9a8f7e'],
    ['a Bearer-prefixed token', 'Bearer abc.def.ghi'],
    ['a negative lifetime', { token: 'abc', expiresIn: -5 }],
  ])('refuses %s from fetchToken with a RefoldTokenError that does not echo it', async (_label, value) => {
    const { tokens } = manager(async () => value as TokenResult);
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldTokenError);
    const text = `${String(error)} ${JSON.stringify(error)}`;
    if (typeof value === 'string' && value.length > 0) expect(text).not.toContain(value);
    expect(tokens.hasToken).toBe(false);
  });

  it('tells the developer to keep an API key on the backend', () => {
    expect(() => readTokenResult('tk_test_0123456789abcdef')).toThrow(/API key.*backend/s);
  });

  it('counts expiresIn from arrival, so a client clock a year off cannot break it', async () => {
    const clock = fakeClock(Date.UTC(2027, 5, 1)); // a year ahead of the server
    const fetchToken = vi
      .fn<FetchToken>()
      .mockResolvedValueOnce({ token: 't1', expiresIn: 120 })
      .mockResolvedValueOnce('t2');
    const { tokens } = manager(fetchToken, clock);
    expect(await tokens.getToken()).toBe('t1');
    clock.advance(60_000);
    expect(await tokens.getToken()).toBe('t1');
    clock.advance(31_000); // 91 s: inside the 30 s skew window
    expect(await tokens.getToken()).toBe('t2');
    expect(fetchToken.mock.calls[1]?.[0].reason).toBe('expired');
  });

  it('accepts Refold’s own session-token answer with expires_in', async () => {
    const clock = fakeClock();
    const fetchToken = vi
      .fn<FetchToken>()
      .mockResolvedValueOnce({
        token: 't1',
        expires_in: 100,
        refresh_token: 'r',
        refresh_expires_in: 1,
      } as TokenResult)
      .mockResolvedValueOnce('t2');
    const { tokens } = manager(fetchToken, clock);
    await tokens.getToken();
    clock.advance(74_000); // 100 s lifetime: refreshed with 25 s (a quarter) left
    expect(await tokens.getToken()).toBe('t1');
    clock.advance(2_000);
    expect(await tokens.getToken()).toBe('t2');
  });

  it('takes the lifetime from a JWT’s exp - iat when no expiresIn is given, whatever the local clock says', async () => {
    const serverNow = Math.floor(Date.UTC(2026, 0, 1) / 1000);
    const clock = fakeClock(Date.UTC(2020, 0, 1)); // six years behind
    const first = jwt({ iat: serverNow, exp: serverNow + 600, linked_account_id: 'a' });
    const fetchToken = vi.fn<FetchToken>().mockResolvedValueOnce(first).mockResolvedValueOnce('second');
    const { tokens } = manager(fetchToken, clock);
    expect(await tokens.getToken()).toBe(first);
    clock.advance(560_000);
    expect(await tokens.getToken()).toBe(first);
    clock.advance(20_000); // 580 s: within 30 s of the 600 s lifetime
    expect(await tokens.getToken()).toBe('second');
  });

  it('uses an absolute expiresAt when that is all it has', async () => {
    const clock = fakeClock();
    const fetchToken = vi
      .fn<FetchToken>()
      .mockResolvedValueOnce({ token: 'abs', expiresAt: new Date(clock.now() + 300_000).toISOString() })
      .mockResolvedValueOnce('next');
    const { tokens } = manager(fetchToken, clock);
    await tokens.getToken();
    clock.advance(260_000);
    expect(await tokens.getToken()).toBe('abs');
    clock.advance(15_000);
    expect(await tokens.getToken()).toBe('next');
  });

  it('keeps a token whose absolute expiry is already past on a wrong local clock until Refold refuses it', async () => {
    const clock = fakeClock(Date.UTC(2030, 0, 1));
    const fetchToken = vi.fn<FetchToken>().mockResolvedValue({ token: 'x', expiresAt: Date.UTC(2026, 0, 1) });
    const { tokens } = manager(fetchToken, clock);
    await tokens.getToken();
    clock.advance(3_600_000);
    await tokens.getToken();
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('keeps an opaque token without lifetime until a 401', async () => {
    const clock = fakeClock();
    const fetchToken = vi
      .fn<FetchToken>()
      .mockResolvedValueOnce('opaque-1')
      .mockResolvedValueOnce('opaque-2');
    const { tokens } = manager(fetchToken, clock);
    await tokens.getToken();
    clock.advance(7 * 24 * 3_600_000);
    expect(await tokens.getToken()).toBe('opaque-1');
    expect(await tokens.refreshAfterUnauthorized('opaque-1')).toBe('opaque-2');
    expect(fetchToken.mock.calls[1]?.[0].reason).toBe('unauthorized');
  });

  it('does not refetch in a tight loop when the lifetime is shorter than the skew', async () => {
    const clock = fakeClock();
    let n = 0;
    const fetchToken = vi.fn(async () => ({ token: `short-${++n}`, expiresIn: 10 }));
    const { tokens } = manager(fetchToken, clock);
    for (let i = 0; i < 20; i++) {
      await tokens.getToken();
      clock.advance(100);
    }
    expect(fetchToken).toHaveBeenCalledTimes(1);
    clock.advance(5_000); // 7 s: more than a quarter of the 10 s lifetime left
    await tokens.getToken();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    clock.advance(600); // 7.6 s: less than a quarter left
    await tokens.getToken();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('fetches a 5 s token no more than three times in 10 s of steady traffic', async () => {
    const clock = fakeClock();
    let n = 0;
    const fetchToken = vi.fn(async () => ({ token: `five-${++n}`, expiresIn: 5 }));
    const { tokens } = manager(fetchToken, clock);
    for (let t = 0; t < 10_000; t += 50) {
      await tokens.getToken();
      clock.advance(50);
    }
    // Refreshed when a quarter of the lifetime is left (3.75 s), never sooner than half of it.
    expect(fetchToken).toHaveBeenCalledTimes(3);
  });

  it('never refreshes more than once per half-lifetime, whatever the skew asks for', async () => {
    const clock = fakeClock();
    let n = 0;
    const fetchToken = vi.fn(async () => ({ token: `t-${++n}`, expiresIn: 60 }));
    const tokens = new TokenManager({ fetchToken, now: clock.now, skewMs: 10 * 60_000 });
    await tokens.getToken();
    clock.advance(29_000);
    await tokens.getToken();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    clock.advance(16_000); // 45 s: a quarter of the lifetime left
    await tokens.getToken();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('shares one refresh between three requests refused with the same token', async () => {
    let n = 0;
    const fetchToken = vi.fn(async () => `tok-${++n}`);
    const { tokens } = manager(fetchToken);
    const first = await tokens.getToken();
    const again = await Promise.all([1, 2, 3].map(() => tokens.refreshAfterUnauthorized(first)));
    expect(again).toEqual(['tok-2', 'tok-2', 'tok-2']);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('returns the newer token at once for a 401 on a token that was already replaced', async () => {
    let n = 0;
    const fetchToken = vi.fn(async () => `tok-${++n}`);
    const { tokens } = manager(fetchToken);
    await tokens.getToken();
    await tokens.refreshAfterUnauthorized('tok-1');
    expect(await tokens.refreshAfterUnauthorized('tok-1')).toBe('tok-2');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('never lets an older fetch replace a newer token after clear()', async () => {
    const slow = deferred<TokenResult>();
    const fetchToken = vi
      .fn<FetchToken>()
      .mockReturnValueOnce(slow.promise)
      .mockResolvedValueOnce('customer-b');
    const { tokens } = manager(fetchToken);
    const old = tokens.getToken();
    tokens.clear();
    expect(fetchToken.mock.calls[0]?.[0].signal.aborted).toBe(true);
    expect(await tokens.getToken()).toBe('customer-b');
    slow.resolve('customer-a');
    await expect(old).rejects.toBeInstanceOf(RefoldAbortError);
    expect(await tokens.getToken()).toBe('customer-b');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('lets one waiter give up without cancelling the shared fetch for the others', async () => {
    const slow = deferred<TokenResult>();
    const { tokens } = manager(() => slow.promise);
    const controller = new AbortController();
    const quitter = tokens.getToken(controller.signal);
    const stayer = tokens.getToken();
    controller.abort();
    await expect(quitter).rejects.toBeInstanceOf(RefoldAbortError);
    slow.resolve('shared');
    await expect(stayer).resolves.toBe('shared');
  });

  it('throws a clear error when fetchToken is missing', () => {
    expect(() => new TokenManager({ fetchToken: undefined as unknown as FetchToken })).toThrow(
      /fetchToken must be a function/,
    );
  });
});

describe('decodeJwtClaims', () => {
  it('reads exp and iat from a JWT and nothing from an opaque token', () => {
    expect(decodeJwtClaims(jwt({ exp: 200, iat: 100 }))).toEqual({ exp: 200, iat: 100 });
    expect(decodeJwtClaims('opaque-token')).toEqual({});
    expect(decodeJwtClaims('a.!!!not-base64!!!.c')).toEqual({});
  });
});
