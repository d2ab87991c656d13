/**
 * The README's session endpoints, run for real: a server process of a consumer app (`next start`, the
 * Express example) in front of a mock Refold, and the checks every such endpoint must pass.
 *
 * @module
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockRefold } from '../../../src/testing/mock.js';
import { listenMockRefold } from '../../../src/testing/mock-refold/node.js';
import type { MockRefoldServer } from '../../../src/testing/mock-refold/node.js';
import { childEnv } from './consumer-app.js';

/** How to start the app's server: its command, and the line it prints once ready (its first group: the URL). */
export interface EndpointServer {
  command: string;
  args: string[];
  cwd: string;
  /** Matched against the output; the first group, if any, is the server's URL. */
  ready: RegExp;
  /** The URL, when the ready line does not print it. */
  url?: string;
  /** Request headers that sign a customer in as `linkedAccountId`. */
  signIn: (linkedAccountId: string) => Record<string, string>;
}

/**
 * Starts the server with `REFOLD_BASE_URL` and `REFOLD_API_KEY` of a mock Refold, and declares the endpoint's
 * tests. `more` declares other tests of the same running server (it gets its URL).
 */
export function describeSessionEndpoint(
  name: string,
  server: () => EndpointServer,
  more?: (url: () => string) => void,
): void {
  describe(name, () => {
    const mock = createMockRefold();
    let refold: MockRefoldServer;
    let stop = async () => {};
    let url = '';
    let signIn: EndpointServer['signIn'];
    beforeAll(async () => {
      refold = await listenMockRefold(mock);
      const options = server();
      signIn = options.signIn;
      const child = spawn(options.command, options.args, {
        cwd: options.cwd,
        env: { ...childEnv(), REFOLD_BASE_URL: refold.url, REFOLD_API_KEY: mock.apiKey },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      stop = async () => {
        if (child.exitCode === null) child.kill();
        await exited;
      };
      // Ready once it says so; its output is in the error should it stop first.
      url = await new Promise<string>((resolve, reject) => {
        let output = '';
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const ready = options.ready.exec(output);
          if (ready) resolve(ready[1] ?? options.url ?? '');
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.once('exit', (code) => reject(new Error(`${options.command} exited (${code}):\n${output}`)));
      });
    });
    afterAll(async () => {
      await stop();
      await refold?.close();
    });

    const session = (body: object, headers: Record<string, string> = {}) =>
      fetch(`${url}/api/refold/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

    it('mints a session token for the signed-in customer with the API key, and forces a new one after a 401', async () => {
      const first = await session({ reason: 'initial' }, signIn('acme'));
      expect(first.status).toBe(200);
      const body = (await first.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['expires_in', 'token']);
      expect(body['token']).toMatch(/^[\w-]+\.[\w-]+\.[\w-]*$/);

      expect((await session({ reason: 'unauthorized' }, signIn('acme'))).status).toBe(200);
      const minted = mock.requests.filter((request) => request.path === '/api/v2/public/session-token');
      expect(minted.map((request) => request.query['force_refresh'])).toEqual([undefined, 'true']);
      expect(minted.map((request) => request.body)).toEqual([
        { linked_account_id: 'acme' },
        { linked_account_id: 'acme' },
      ]);
      expect(minted.every((request) => request.headers['x-api-key'] === mock.apiKey)).toBe(true);
    });

    it('refuses a visitor who is not signed in, without asking Refold', async () => {
      mock.clearRequests();
      expect((await session({ reason: 'initial' })).status).toBe(401);
      expect(mock.requests).toEqual([]);
    });

    more?.(() => url);
  });
}
