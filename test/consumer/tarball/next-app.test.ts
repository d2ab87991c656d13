import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMockRefold } from '../../../src/testing/index.js';
import { listenMockRefold } from '../../../src/testing/mock-refold/node.js';
import type { MockRefoldServer } from '../../../src/testing/mock-refold/node.js';
import { childEnv, installConsumerApp, locked } from './consumer-app.js';
import type { ConsumerApp } from './consumer-app.js';

const NEXT_VERSION = '16.4.6';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a Next.js App Router app with the packed library', () => {
  let app: ConsumerApp;
  beforeAll(async () => {
    app = await installConsumerApp({
      template: 'next-app',
      dependencies: {
        next: NEXT_VERSION,
        ...locked(
          'react',
          'react-dom',
          '@tanstack/react-query',
          'typescript',
          '@types/node',
          '@types/react',
          '@types/react-dom',
        ),
      },
      tarball: inject('refoldTarball'),
    });
  });

  it('builds (type-checked with its own tsconfig) and server-renders the page with RefoldProvider and AppList', async () => {
    const output = await app.bin('next', ['build'], 600_000);
    expect(output).toContain('Finished TypeScript');
    expect(output).not.toMatch(/window is not defined|document is not defined/);
    // The page was prerendered at build time: the server render of the provider and the catalog.
    const html = readFileSync(join(app.dir, '.next/server/app/index.html'), 'utf8');
    expect(html).toContain('<h1>Integrations</h1>');
    expect(html).toMatch(/class="refold-app-list refold-root[^"]*"[^>]*data-state="loading"/);
    // styles.css reached the page's stylesheet.
    const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    expect(readFileSync(join(app.dir, '.next', css!.replace('/_next/', '')), 'utf8')).toContain(
      '--refold-accent',
    );
  });

  describe('served by next start, its session route talking to a mock Refold', () => {
    const mock = createMockRefold();
    let refold: MockRefoldServer;
    let next: ChildProcess;
    let url = '';
    beforeAll(async () => {
      refold = await listenMockRefold(mock);
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      next = spawn(
        join(app.dir, 'node_modules/.bin/next'),
        ['start', '-p', String(port), '-H', '127.0.0.1'],
        {
          cwd: app.dir,
          env: { ...childEnv(), REFOLD_BASE_URL: refold.url, REFOLD_API_KEY: mock.apiKey },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      // Ready once it says so; its output is in the error should it stop first.
      await new Promise<void>((resolve, reject) => {
        let output = '';
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          if (/Ready in/.test(output)) resolve();
        };
        next.stdout?.on('data', read);
        next.stderr?.on('data', read);
        next.once('exit', (code) => reject(new Error(`next start exited (${code}):\n${output}`)));
      });
    });
    afterAll(async () => {
      if (next?.exitCode === null) {
        const exited = new Promise((resolve) => next.once('exit', resolve));
        next.kill();
        await exited;
      }
      await refold?.close();
    });

    const session = (body: object, cookie?: string) =>
      fetch(`${url}/api/refold/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
        body: JSON.stringify(body),
      });

    it('serves the server-rendered page', async () => {
      const html = await (await fetch(url)).text();
      expect(html).toMatch(/class="refold-app-list refold-root[^"]*"[^>]*data-state="loading"/);
    });

    it('mints a session token for the signed-in customer with the API key, and forces a new one after a 401', async () => {
      const first = await session({ reason: 'initial' }, 'customer_id=acme');
      expect(first.status).toBe(200);
      const body = (await first.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['expires_in', 'token']);
      expect(body['token']).toMatch(/^[\w-]+\.[\w-]+\.[\w-]*$/);

      expect((await session({ reason: 'unauthorized' }, 'customer_id=acme')).status).toBe(200);
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
  });
});
