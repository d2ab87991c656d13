import { describe, expect, it } from 'vitest';
import { START, jwtPayload, obj, useMockServer } from './helpers.js';

const env = useMockServer();
const APPS = '/api/v2/f-sdk/application';

const invalidToken = (message: string) => ({
  status_code: 401,
  http_error_type: 'UNAUTHORIZED',
  error: 'INVALID_TOKEN',
  message,
});

describe('mock Refold: session tokens and Bearer auth', () => {
  it('answers 401 INVALID_TOKEN "Authorization Token Missing" when no Authorization header is sent', async () => {
    const answer = await env.call(APPS);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual(invalidToken('Authorization Token Missing'));
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers 401 INVALID_TOKEN for a malformed Authorization header', async () => {
    const token = await env.token();
    for (const header of [token, `Token ${token}`, 'Bearer', 'Bearer undefined', `Basic ${token}`]) {
      const answer = await env.call(APPS, { headers: { authorization: header } });
      expect(answer.status, header.slice(0, 12)).toBe(401);
      expect(answer.json).toEqual(invalidToken('Invalid token'));
    }
  });

  it('answers 401 INVALID_TOKEN for a JWT-shaped token it never minted', async () => {
    const token = await env.token();
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    const answer = await env.call(APPS, { token: forged });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual(invalidToken('Invalid token'));
  });

  it('answers 401 INVALID_TOKEN for an expired token, and accepts it until the last second', async () => {
    const token = await env.token();
    env.clock.now += 3600_000 - 1_000;
    expect((await env.call(APPS, { token, instant: true })).status).toBe(200);
    env.clock.now += 1_000;
    const answer = await env.call(APPS, { token, instant: true });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual(invalidToken('Invalid token'));
  });

  it('answers 401 for a token revoked by the test or by the revoke route', async () => {
    const first = await env.token('customer-a');
    env.mock.revokeToken(first);
    expect((await env.call(APPS, { token: first })).status).toBe(401);

    const second = await env.token('customer-a');
    const revoked = await env.call('/api/v2/public/session-token/revoke', { method: 'POST', token: second });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toEqual({ success: true, revoked_count: 1 });
    expect((await env.call(APPS, { token: second })).json).toEqual(invalidToken('Invalid token'));
  });

  it('does not let x-api-key (with linked_account_id) authenticate a linked-account route', async () => {
    await env.token('customer-a');
    const answer = await env.call(APPS, {
      headers: { 'x-api-key': env.mock.apiKey, linked_account_id: 'customer-a' },
    });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual(invalidToken('Authorization Token Missing'));
  });

  it('requires the API key on the session-token route: missing, wrong or a Bearer token is 401', async () => {
    const body = { linked_account_id: 'customer-a' };
    const path = '/api/v2/public/session-token';
    const missing = await env.call(path, { method: 'POST', body });
    const wrong = await env.call(path, { method: 'POST', body, headers: { 'x-api-key': 'tk_test_other' } });
    const bearer = await env.call(path, { method: 'POST', body, token: env.mock.mintToken('customer-a') });
    for (const answer of [missing, wrong, bearer]) {
      expect(answer.status).toBe(401);
      expect(obj(answer.json)).toMatchObject({ status_code: 401, http_error_type: 'UNAUTHORIZED' });
    }
  });

  it('answers 400 INVALID_LINKED_ACCOUNT_ID without linked_account_id, and 400 for a body that is not JSON', async () => {
    const headers = { 'x-api-key': env.mock.apiKey };
    const path = '/api/v2/public/session-token';
    const missing = await env.call(path, { method: 'POST', headers, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({
      status_code: 400,
      http_error_type: 'BAD_REQUEST',
      error: 'INVALID_LINKED_ACCOUNT_ID',
      message: 'linked_account_id is required',
    });
    const broken = await env.call(path, { method: 'POST', headers, body: '{"linked_account_id":' });
    expect(broken.status).toBe(400);
  });

  it('returns the still-valid token again, and a new one with force_refresh=true', async () => {
    const first = await env.sessionToken('customer-a');
    expect(first).toEqual({
      token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: 3600,
      refresh_expires_in: expect.any(Number),
    });
    env.clock.now += 600_000;
    const again = await env.sessionToken('customer-a');
    expect(again['token']).toBe(first['token']);
    // 600 s (and the helper's 100 ms per call) later: the remaining lifetime, in whole seconds.
    expect(again['expires_in']).toBe(2999);
    const forced = await env.sessionToken('customer-a', '?force_refresh=true');
    expect(forced['token']).not.toBe(first['token']);
    expect(forced['expires_in']).toBe(3600);
    // The earlier token stays valid until it expires.
    expect((await env.call(APPS, { token: String(first['token']) })).status).toBe(200);
  });

  it('mints JWT-shaped tokens whose payload names the account, with exp - iat equal to the TTL', async () => {
    const token = await env.token('customer-a');
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const payload = jwtPayload(token);
    expect(payload).toMatchObject({
      linked_account_id: 'customer-a',
      environment: 'test',
      org_id: expect.any(String),
      iat: Math.floor(env.clock.now / 1000),
    });
    expect(Number(payload['exp']) - Number(payload['iat'])).toBe(3600);
    const short = env.mock.mintToken('customer-a', { ttlSeconds: 90 });
    const shortPayload = jwtPayload(short);
    expect(Number(shortPayload['exp']) - Number(shortPayload['iat'])).toBe(90);
  });

  it('mints a different token every time, even within the same second', () => {
    env.clock.now = START;
    const tokens = new Set(Array.from({ length: 25 }, () => env.mock.mintToken('customer-a')));
    expect(tokens.size).toBe(25);
  });
});
