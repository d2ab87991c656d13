/**
 * Starts the demo: the backend of {@link createDemoHandler} on a local port, talking either to real Refold
 * (`refold` given) or to the mock Refold of the testing kit, started in this process with its fake OAuth
 * provider (no account, no network). Used by `npm start` (scripts/start-demo.ts) and the end-to-end tests.
 *
 * @module
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// In your app: `@refold/react/testing` and `@refold/react/testing/node` (only for a local mock).
import { createMockRefold } from '../../src/testing/mock-refold/index.js';
import type { MockRefold, MockRefoldOptions } from '../../src/testing/mock-refold/index.js';
import { listenMockRefold } from '../../src/testing/mock-refold/node.js';
import type { MockRefoldServer } from '../../src/testing/mock-refold/node.js';
import { createDemoHandler } from './app.js';
import { GLOBEX, INITECH } from './customers.js';
import type { RefoldServerConfig } from './refold-session.js';

/** Options of {@link startDemo}. */
export interface StartDemoOptions {
  /** The built front end (see demo/build.ts). */
  staticDir: string;
  /** Port of the demo; when taken, the next free one. `0`: any free port. @default 3000 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' (this machine only) */
  host?: string;
  /** Real Refold. Left out: the embedded mock Refold. */
  refold?: RefoldServerConfig;
  /** Port of the embedded mock; when taken, the next free one. @default 4010 */
  mockPort?: number;
  /** Options of the embedded mock (tests pass fixed data here). */
  mockOptions?: MockRefoldOptions;
  /** Where the server reports problems. @default console.error */
  log?: (line: string) => void;
}

/** A running demo. */
export interface RunningDemo {
  /** The page to open, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** The port asked for and the one taken (they differ when the first was busy). */
  port: { requested: number; used: number };
  /** `mock`: the embedded mock Refold; `refold`: real Refold. */
  mode: 'mock' | 'refold';
  /** Refold's origin as the browser sees it. */
  refoldBaseUrl: string;
  /** The embedded mock (mock mode only): tests inspect its recorded requests. */
  mock?: MockRefold;
  /** Stops the server (and the embedded mock). */
  close(): Promise<void>;
}

/** How many ports after the requested one are tried. */
const PORT_TRIES = 20;

/** Tries `port`, `port + 1` … until one is free (any port for `0`). Answers the port taken. */
async function listenFrom<T>(port: number, listen: (port: number) => Promise<T>): Promise<T> {
  for (let candidate = port; ; candidate += 1) {
    try {
      return await listen(candidate);
    } catch (error) {
      const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!busy || port === 0) throw error;
      if (candidate >= port + PORT_TRIES - 1) {
        throw new Error(`Ports ${port}–${candidate} are all in use: set PORT to a free port.`, {
          cause: error,
        });
      }
    }
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A few connections made up front, so the customers differ from the first look (mock mode only). */
function seedDemoAccounts(mock: MockRefold): void {
  const globex = mock.account(GLOBEX.linkedAccountId);
  globex.connect('hubspot', { authType: 'oauth2', identifier: 'revops@globex.example' });
  globex.connect('stripe', { authType: 'keybased', identifier: 'acct_globex_live' });
  const initech = mock.account(INITECH.linkedAccountId);
  initech.connect('slack', { authType: 'oauth2', identifier: 'initech.slack.com' });
}

/** Starts the demo server (and the embedded mock Refold unless `refold` is given). */
export async function startDemo(options: StartDemoOptions): Promise<RunningDemo> {
  const { host = '127.0.0.1', port = 3000, log } = options;
  let mock: MockRefold | undefined;
  let mockServer: MockRefoldServer | undefined;
  let refold = options.refold;
  if (!refold) {
    mock = createMockRefold(options.mockOptions);
    seedDemoAccounts(mock);
    const started = mock;
    mockServer = await listenFrom(options.mockPort ?? 4010, (candidate) =>
      listenMockRefold(started, { port: candidate, host }),
    );
    refold = { baseUrl: mockServer.url, apiKey: mock.apiKey };
  }

  const server = createServer(
    createDemoHandler({ staticDir: options.staticDir, refold, mode: mock ? 'mock' : 'refold', log }),
  );
  let used: number;
  try {
    used = await listenFrom(port, (candidate) => listen(server, candidate, host));
  } catch (error) {
    await mockServer?.close();
    throw error;
  }
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${used}`,
    port: { requested: port, used },
    mode: mock ? 'mock' : 'refold',
    refoldBaseUrl: new URL(refold.baseUrl).origin,
    ...(mock && { mock }),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await mockServer?.close();
    },
  };
}
