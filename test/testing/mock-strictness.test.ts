import { describe, expect, it } from 'vitest';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';
import { obj, useMockServer } from './helpers.js';

describe('the mock refuses what the real API may refuse', () => {
  const { call, token } = useMockServer();

  it('answers 400 to a path with an empty segment', async () => {
    const answer = await call('/api/v2/f-sdk/application//', { token: await token() });
    expect(answer.status).toBe(400);
    expect(obj(answer.json)['status_code']).toBe(400);
  });

  it('answers 400 to a JSON body sent without a JSON content type', async () => {
    const answer = await call('/api/v2/f-sdk/config', {
      method: 'POST',
      token: await token(),
      body: JSON.stringify({ slug: 'slack' }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(answer.status).toBe(400);
    expect(String(obj(answer.json)['message'])).toMatch(/content-type/);
  });

  it.each(['0', '101', '-1', '2.5', ''])('answers 400 to limit=%j on a paged route', async (limit) => {
    const answer = await call(`/api/v2/public/execution?limit=${limit}`, { token: await token() });
    expect(answer.status).toBe(400);
  });

  it('takes limit=100', async () => {
    const answer = await call('/api/v2/public/execution?limit=100', { token: await token() });
    expect(answer.status).toBe(200);
  });
});

describe('the mock’s request log', () => {
  it('keeps only the newest requests, up to maxRecordedRequests', async () => {
    const mock = createMockRefold({ maxRecordedRequests: 3, rateLimit: false });
    for (let i = 0; i < 5; i++) {
      await mock.handler(new Request(`https://app.refold.ai/api/v2/public/execution?page=${i + 1}`));
    }
    expect(mock.requests.map((r) => r.query['page'])).toEqual(['3', '4', '5']);
  });

  it('records credentials as [redacted] when asked (npm start), and as sent otherwise', async () => {
    const redacting = createMockRefold({ redactRecordedCredentials: true });
    const token = redacting.mintToken('customer-a');
    await redacting.handler(
      new Request('https://app.refold.ai/api/v2/f-sdk/application', {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    await redacting.handler(
      new Request('https://app.refold.ai/api/v2/public/session-token', {
        method: 'POST',
        headers: { 'x-api-key': redacting.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ linked_account_id: 'customer-a' }),
      }),
    );
    const log = JSON.stringify(redacting.requests);
    expect(log).not.toContain(token);
    expect(log).not.toContain(redacting.apiKey);
    expect(redacting.requests[0]?.headers['authorization']).toBe('Bearer [redacted]');

    const plain = createMockRefold();
    const other = plain.mintToken('customer-a');
    await plain.handler(
      new Request('https://app.refold.ai/api/v2/f-sdk/application', {
        headers: { authorization: `Bearer ${other}` },
      }),
    );
    expect(plain.requests[0]?.headers['authorization']).toBe(`Bearer ${other}`);
  });
});

describe('hold(match) → release()', () => {
  it('holds the matching request before its answer until released, and lets others through', async () => {
    const mock = createMockRefold();
    const token = mock.mintToken('customer-a');
    const headers = { authorization: `Bearer ${token}` };
    const held = mock.hold({ method: 'GET', path: '/api/v2/f-sdk/application' });
    let answered = false;
    const slow = mock
      .handler(new Request('https://app.refold.ai/api/v2/f-sdk/application', { headers }))
      .then((response) => {
        answered = true;
        return response;
      });
    const arrived = await held.arrived;
    expect(arrived.path).toBe('/api/v2/f-sdk/application');
    const other = await mock.handler(
      new Request('https://app.refold.ai/api/v2/f-sdk/application/slack', { headers }),
    );
    expect(other.status).toBe(200);
    expect(answered).toBe(false);
    held.release();
    expect((await slow).status).toBe(200);
    expect(answered).toBe(true);
  });

  it('releases every hold on reset()', async () => {
    const mock = createMockRefold();
    const token = mock.mintToken('customer-a');
    mock.hold({ path: '/api/v2/f-sdk/application' });
    const pending = mock.handler(
      new Request('https://app.refold.ai/api/v2/f-sdk/application', {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    await Promise.resolve();
    mock.reset();
    // The token died with the reset: the released request is answered, not left hanging.
    expect((await pending).status).toBe(401);
  });
});
