/**
 * The mock Refold behind MSW's service worker (`public/mockServiceWorker.js`), for browser tests.
 *
 * @example
 * const { mock } = setupMockWorker(); // in a test file: started before, reset after each, stopped after all
 * renderRefold(<AppList />, { mock });
 *
 * @module
 */
import { cleanup } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';
import { mockRefoldHandlers } from '../../src/testing/mock-refold/msw.js';
import type { MockRefold, MockRefoldOptions } from '../../src/testing/mock-refold/types.js';

/** Where the mock answers unless told otherwise (the library's default `baseUrl`). */
export const MOCK_BASE_URL = 'https://app.refold.ai';

/** Options of {@link startMockWorker}. */
export interface StartMockWorkerOptions {
  /** Origin (and optional path) the mock answers under. @default {@link MOCK_BASE_URL} */
  baseUrl?: string;
  /**
   * A request to any other origin than the page's own (Vite's modules, the worker file) fails the request
   * with a network error and logs it. @default true
   */
  strict?: boolean;
}

/** A started worker and the mock it serves. */
export interface MockWorker {
  worker: SetupWorker;
  mock: MockRefold;
  /** Back to the mock's handlers only, and the mock back to its fixtures. */
  reset(): void;
  /** Stops the worker. */
  stop(): void;
}

/** Starts MSW's service worker with the mock's handlers. Requests to the page's own origin pass through. */
export async function startMockWorker(
  mock: MockRefold = createMockRefold(),
  options: StartMockWorkerOptions = {},
): Promise<MockWorker> {
  const { baseUrl = MOCK_BASE_URL, strict = true } = options;
  const worker = setupWorker(...mockRefoldHandlers(mock, baseUrl));
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    quiet: true,
    onUnhandledRequest(request, print) {
      if (new URL(request.url).origin === location.origin || !strict) return;
      print.error();
    },
  });
  return {
    worker,
    mock,
    reset() {
      worker.resetHandlers();
      mock.reset();
    },
    stop: () => worker.stop(),
  };
}

/**
 * For a test file: creates a mock (or takes yours), starts the worker before all tests, resets the mock and
 * any `worker.use()` overrides after each test, and stops the worker after all.
 */
export function setupMockWorker(
  options: StartMockWorkerOptions & { mock?: MockRefold; mockOptions?: MockRefoldOptions } = {},
) {
  const mock = options.mock ?? createMockRefold(options.mockOptions);
  let started: MockWorker | undefined;
  beforeAll(async () => {
    started = await startMockWorker(mock, options);
  });
  afterEach(() => {
    // Unmount first: Vitest runs this hook before the setup file's cleanup (after-hooks run in reverse), and a
    // component still mounted would send its next requests into the fresh mock of the following test.
    cleanup();
    started?.reset();
  });
  afterAll(() => started?.stop());
  return {
    mock,
    /** The MSW worker (for `worker.use(...)` overrides); available once `beforeAll` ran. */
    get worker(): SetupWorker {
      if (!started) throw new Error('The mock worker starts in beforeAll; use it inside a test.');
      return started.worker;
    },
    /** Requests the library sent (CORS preflights left out). */
    sent: () => mock.requests.filter((r) => r.method !== 'OPTIONS'),
  };
}
