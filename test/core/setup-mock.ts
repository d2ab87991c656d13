import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { createRefoldClient } from '../../src/core/client.js';
import type { RefoldClientOptions } from '../../src/core/client.js';
import type { FetchToken } from '../../src/core/token.js';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';
import type { MockRefoldOptions } from '../../src/testing/mock-refold/index.js';
import { listenMockRefold } from '../../src/testing/mock-refold/node.js';

/**
 * One mock Refold on a random localhost port for a test file, reset after each test. `backendToken` plays
 * the app's backend: it mints a session token over HTTP with the API key, as a real backend would.
 * `options` go to `createMockRefold`.
 */
export function useMockRefold(options?: MockRefoldOptions) {
  const mock = createMockRefold(options);
  const server = { url: '' };
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const listening = await listenMockRefold(mock, { port: 0 });
    server.url = listening.url;
    close = listening.close;
  });
  afterEach(() => mock.reset());
  afterAll(async () => close?.());

  async function backendToken(
    linkedAccountId = 'customer-a',
  ): Promise<{ token: string; expires_in: number }> {
    const response = await fetch(`${server.url}/api/v2/public/session-token?force_refresh=true`, {
      method: 'POST',
      headers: { 'x-api-key': mock.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ linked_account_id: linkedAccountId }),
    });
    if (!response.ok) throw new Error(`session-token answered ${response.status}`);
    return (await response.json()) as { token: string; expires_in: number };
  }

  function client(overrides: Partial<RefoldClientOptions> & { account?: string } = {}) {
    const fetchToken = vi.fn<FetchToken>(async () => backendToken(overrides.account));
    const instance = createRefoldClient({ baseUrl: server.url, fetchToken, ...overrides });
    return { client: instance, fetchToken };
  }

  /** Requests the library sent (the session-token calls of the test's own "backend" left out). */
  function dataRequests() {
    return mock.requests.filter((r) => !r.path.startsWith('/api/v2/public/session-token'));
  }

  return { mock, server, backendToken, client, dataRequests };
}
