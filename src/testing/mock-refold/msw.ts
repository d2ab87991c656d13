/**
 * MSW v2 handlers that route every request under a base URL to a mock Refold (tests, Storybook).
 *
 * @module
 */
import { HttpResponse, http, type HttpHandler } from 'msw';
import type { MockRefold } from './types.js';

/**
 * MSW handlers answering every request under `baseUrl` with `mock.handler`. A `network` fault (or a request
 * aborted during a delay) becomes `Response.error()`, so `fetch` rejects with a `TypeError` as it would on a
 * real network failure.
 *
 * @example
 * ```ts
 * const mock = createMockRefold();
 * const server = setupServer(...mockRefoldHandlers(mock));
 * ```
 */
export function mockRefoldHandlers(mock: MockRefold, baseUrl = 'https://app.refold.ai'): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  return [
    http.all(`${base}/*`, async ({ request }) => {
      try {
        return await mock.handler(request);
      } catch {
        return HttpResponse.error();
      }
    }),
  ];
}
