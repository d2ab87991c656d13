import { describe, expect, it, vi } from 'vitest';
import { arr, obj, useMockServer } from './helpers.js';

const env = useMockServer();
const APPS = '/api/v2/f-sdk/application';

describe('mock Refold: rate limit (token bucket, burst 5, 20 per second)', () => {
  it('answers a burst of 10 instant requests with 5 successes then 429 RATE_LIMITED with Retry-After', async () => {
    const token = env.mock.mintToken('customer-a');
    const answers = [];
    for (let i = 0; i < 10; i += 1) answers.push(await env.call(APPS, { token, instant: true }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429, 429, 429]);
    const limited = answers[5]!;
    expect(obj(limited.json)).toMatchObject({
      status_code: 429,
      http_error_type: 'TOO_MANY_REQUESTS',
      error: 'RATE_LIMITED',
      message: expect.any(String),
    });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);

    env.clock.now += retryAfter * 1000;
    expect((await env.call(APPS, { token, instant: true })).status).toBe(200);
  });

  it('never limits a steady 20 requests per second', async () => {
    const token = env.mock.mintToken('customer-a');
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      env.clock.now += 50;
      statuses.push((await env.call(APPS, { token, instant: true })).status);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it('keeps one bucket per token, and one per API key on the session-token route', async () => {
    const a = env.mock.mintToken('customer-a');
    const b = env.mock.mintToken('customer-b');
    for (let i = 0; i < 5; i += 1) await env.call(APPS, { token: a, instant: true });
    expect((await env.call(APPS, { token: a, instant: true })).status).toBe(429);
    expect((await env.call(APPS, { token: b, instant: true })).status).toBe(200);

    const mint = () =>
      env.call('/api/v2/public/session-token', {
        method: 'POST',
        instant: true,
        headers: { 'x-api-key': env.mock.apiKey },
        body: { linked_account_id: 'customer-c' },
      });
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await mint()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe('mock Refold: fault injection', () => {
  it('fails the next `times` matching requests with the status and Refold’s error body, then answers normally', async () => {
    const token = env.mock.mintToken('customer-a');
    env.mock.inject({ method: 'GET', path: APPS }, { status: 503, times: 2 });
    const first = await env.call(APPS, { token });
    const second = await env.call(APPS, { token });
    const third = await env.call(APPS, { token });
    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    expect(first.json).toEqual({
      status_code: 503,
      http_error_type: 'SERVICE_UNAVAILABLE',
      error: 'SERVER_ERROR',
      message: expect.any(String),
    });
    expect(arr(third.json).length).toBeGreaterThan(0);
  });

  it('matches faults by method and exact path, or by a RegExp on the path', async () => {
    const token = env.mock.mintToken('customer-a');
    env.mock.inject({ method: 'POST', path: APPS }, { status: 500 });
    expect((await env.call(APPS, { token })).status).toBe(200);
    expect((await env.call(`${APPS}/slack`, { token })).status).toBe(200);
    env.mock.inject({ path: /^\/api\/v2\/f-sdk\/application\/[^/]+$/ }, { status: 404, times: 2 });
    expect((await env.call(`${APPS}/slack`, { token })).status).toBe(404);
    expect((await env.call(APPS, { token })).status).toBe(200);
    expect((await env.call(`${APPS}/hubspot`, { token })).status).toBe(404);
    expect((await env.call(`${APPS}/hubspot`, { token })).status).toBe(200);
  });

  it('answers an HTML 502 from a “gateway” for kind html-502', async () => {
    const token = env.mock.mintToken('customer-a');
    env.mock.inject({ path: APPS }, { kind: 'html-502' });
    const answer = await env.call(APPS, { token });
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.text).toMatch(/<html>.*Bad Gateway/s);
  });

  it('answers 200 with invalid JSON for kind malformed, and any body given as an override', async () => {
    const token = env.mock.mintToken('customer-a');
    env.mock.inject({ path: APPS }, { kind: 'malformed' });
    const malformed = await env.call(APPS, { token });
    expect(malformed.status).toBe(200);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/json/);
    expect(malformed.json).toBeUndefined();
    expect(malformed.text).toBe('{"docs": [');

    env.mock.inject({ path: APPS }, { body: { not: 'an array' } });
    const wrongShape = await env.call(APPS, { token });
    expect(wrongShape.status).toBe(200);
    expect(wrongShape.json).toEqual({ not: 'an array' });
  });

  it('applies faults before auth and the rate limit, so a test can force a 401 or a 429', async () => {
    const token = env.mock.mintToken('customer-a');
    env.mock.inject({ path: APPS }, { status: 429, headers: { 'retry-after': '7' } });
    const limited = await env.call(APPS);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(obj(limited.json)['error']).toBe('RATE_LIMITED');

    env.mock.inject({ path: APPS }, { status: 401 });
    const unauthorized = await env.call(APPS, { token });
    expect(unauthorized.json).toEqual({
      status_code: 401,
      http_error_type: 'UNAUTHORIZED',
      error: 'INVALID_TOKEN',
      message: 'Invalid token',
    });
  });

  // The two tests of the `delayMs` fault itself: the first waits its 250 ms, which is what it measures.
  it('delays an answer by delayMs, then answers normally with the fault’s extra headers', async () => {
    const token = env.mock.mintToken('customer-a');
    env.mock.inject({ path: APPS }, { delayMs: 250, headers: { 'x-mock-delayed': 'yes' } });
    const started = performance.now();
    const answer = await env.call(APPS, { token });
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-mock-delayed')).toBe('yes');
    expect(arr(answer.json).length).toBeGreaterThan(0);
  });

  it('stops a delayed answer when the client aborts, and keeps serving', async () => {
    const token = env.mock.mintToken('customer-a');
    env.mock.inject({ path: APPS }, { delayMs: 10_000 });
    const controller = new AbortController();
    const pending = env.call(APPS, { token, signal: controller.signal });
    await vi.waitFor(() => expect(env.mock.requests.some((r) => r.path === APPS)).toBe(true));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect((await env.call(APPS, { token })).status).toBe(200);
  });

  it('drops the connection for kind network, so fetch rejects with a TypeError, and keeps serving', async () => {
    const token = env.mock.mintToken('customer-a');
    env.mock.inject({ path: APPS }, { kind: 'network', times: 2 });
    await expect(env.call(APPS, { token })).rejects.toBeInstanceOf(TypeError);
    await expect(env.call(APPS, { token })).rejects.toBeInstanceOf(TypeError);
    expect((await env.call(APPS, { token })).status).toBe(200);
    // The handler itself throws TypeError('fetch failed') for a network fault.
    env.mock.inject({ path: APPS }, { kind: 'network' });
    await expect(
      env.mock.handler(
        new Request(`https://app.refold.ai${APPS}`, { headers: { authorization: `Bearer ${token}` } }),
      ),
    ).rejects.toThrow(new TypeError('fetch failed'));
  });

  it('records faulted requests too, and forgets every fault on reset', async () => {
    const token = env.mock.mintToken('customer-a');
    env.mock.inject({ path: APPS }, { status: 500, times: Infinity });
    expect((await env.call(APPS, { token })).status).toBe(500);
    expect(env.mock.requests.at(-1)).toMatchObject({ method: 'GET', path: APPS });
    env.mock.reset();
    expect(env.mock.requests).toHaveLength(0);
    const fresh = env.mock.mintToken('customer-a');
    expect((await env.call(APPS, { token: fresh })).status).toBe(200);
  });
});
