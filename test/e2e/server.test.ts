/**
 * The demo's backend over HTTP, without a browser: who gets which session token, what the browser may send,
 * how a refused key or an unreachable Refold is reported, and the port fallback.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDemo } from '../../demo/server/index.js';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';
import { listenMockRefold } from '../../src/testing/mock-refold/node.js';
import type { MockRefoldServer } from '../../src/testing/mock-refold/node.js';
import { linkedAccountOf, runDemo } from './support/session.js';

let demo: Awaited<ReturnType<typeof runDemo>>;

beforeAll(async () => {
  demo = await runDemo();
});

afterAll(async () => {
  await demo?.close();
});

/** A JSON POST as the page makes it, with `cookie` when given. */
function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Signs in as `customer` and answers the cookie header to send back. */
async function signIn(customer: string): Promise<string> {
  const response = await post('/api/demo/sign-in', { customer });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

describe('POST /api/refold/session', () => {
  it('answers a token for the signed-in customer’s own linked account, and nothing else', async () => {
    const response = await post('/api/refold/session', {}, { cookie: await signIn('globex') });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { token: string; expires_in: number };
    expect(Object.keys(body).sort()).toEqual(['expires_in', 'token']);
    expect(linkedAccountOf(body.token)).toBe('acme-demo-globex');
  });

  it('ignores any linked account or customer the browser names', async () => {
    const cookie = await signIn('northwind');
    const response = await post(
      '/api/refold/session',
      { linked_account_id: 'acme-demo-globex', customer: 'globex' },
      { cookie, linked_account_id: 'acme-demo-globex' },
    );
    const { token } = (await response.json()) as { token: string };
    expect(linkedAccountOf(token)).toBe('acme-demo-northwind');
  });

  it('asks Refold for a fresh token when the page says its token was refused', async () => {
    const cookie = await signIn('initech');
    const first = (await (await post('/api/refold/session', {}, { cookie })).json()) as { token: string };
    const again = (await (await post('/api/refold/session', {}, { cookie })).json()) as { token: string };
    const fresh = (await (
      await post('/api/refold/session', { reason: 'unauthorized' }, { cookie })
    ).json()) as {
      token: string;
    };
    expect(again.token).toBe(first.token);
    expect(fresh.token).not.toBe(first.token);
    expect(linkedAccountOf(fresh.token)).toBe('acme-demo-initech');
  });

  it('refuses a caller that is not signed in, another site, and a body that is not JSON', async () => {
    expect((await post('/api/refold/session', {})).status).toBe(401);
    const cookie = await signIn('northwind');
    const crossSite = await post('/api/refold/session', {}, { cookie, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const form = await fetch(`${demo.url}/api/refold/session`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'reason=initial',
    });
    expect(form.status).toBe(415);
    expect((await post('/api/demo/sign-in', { customer: 'acme-demo-globex' })).status).toBe(400);
  });
});

describe('with a Refold that refuses the key or cannot be reached', () => {
  let refold: MockRefoldServer;
  let rejected: Awaited<ReturnType<typeof startDemo>>;
  let unreachable: Awaited<ReturnType<typeof startDemo>>;
  const log: string[] = [];

  beforeAll(async () => {
    refold = await listenMockRefold(createMockRefold());
    const staticDir = inject('demoDist');
    rejected = await startDemo({
      staticDir,
      port: 0,
      refold: { baseUrl: refold.url, apiKey: 'tk_rotated_key_0000' },
      log: (line) => log.push(line),
    });
    // A port nothing listens on.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    unreachable = await startDemo({
      staticDir,
      port: 0,
      refold: { baseUrl: `http://127.0.0.1:${port}`, apiKey: 'tk_any' },
      log: (line) => log.push(line),
    });
  });

  afterAll(async () => {
    await rejected?.close();
    await unreachable?.close();
    await refold?.close();
  });

  async function session(server: { url: string }) {
    const me = await fetch(`${server.url}/api/demo/me`);
    const cookie = me.headers.get('set-cookie')!.split(';')[0]!;
    return fetch(`${server.url}/api/refold/session`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
  }

  it('answers 502 with a clear message and logs one line, without the key or a stack', async () => {
    const response = await session(rejected);
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('refold_rejected_key');
    expect(body.message).toMatch(/^Refold rejected the API key \(HTTP 401/);
    expect(JSON.stringify(body)).not.toContain('tk_rotated_key_0000');
    const line = log.find((entry) => entry.includes('rejected the API key'));
    expect(line).toMatch(/^\[refold\] No session token for "northwind": Refold rejected the API key/);
    expect(line).not.toContain('tk_rotated_key_0000');
    expect(line).not.toMatch(/\n\s+at /);
  });

  it('answers 504 when Refold cannot be reached', async () => {
    const response = await session(unreachable);
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({
      error: 'refold_unreachable',
      message: expect.stringMatching(
        /^Could not reach Refold at http:\/\/127\.0\.0\.1:\d+ \(network error\)\.$/,
      ),
    });
  });
});

describe('serving the front end', () => {
  it('answers client-side routes with the app under a strict Content-Security-Policy', async () => {
    const response = await fetch(`${demo.url}/settings/integrations/slack`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root"></div>');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${demo.refoldBaseUrl}`);
  });

  it('serves nothing outside the built folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      expect((await fetch(`${demo.url}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${demo.url}/api/nothing`)).status).toBe(404);
  });

  it('takes the next port when the one asked for is busy', async () => {
    const port = Number(new URL(demo.url).port);
    const second = await startDemo({
      staticDir: inject('demoDist'),
      port,
      refold: { baseUrl: demo.refoldBaseUrl, apiKey: 'x' },
    });
    try {
      expect(second.port.requested).toBe(port);
      expect(second.port.used).toBeGreaterThan(port);
    } finally {
      await second.close();
    }
  });
});
