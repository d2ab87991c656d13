import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { installConsumerApp, locked } from './consumer-app.js';
import type { ConsumerApp } from './consumer-app.js';
import { describeSessionEndpoint } from './session-endpoint.js';

const NEXT_VERSION = '16.4.6';
const APP_LIST = /class="refold-app-list refold-root[^"]*"[^>]*data-state="loading"/;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a Next.js App Router app with the packed library', () => {
  let app: ConsumerApp;
  let port = 0;
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
    port = await freePort();
  });

  it('builds (type-checked with its own tsconfig) and server-renders the page with RefoldProvider and AppList', async () => {
    const output = await app.bin('next', ['build'], 600_000);
    expect(output).toContain('Finished TypeScript');
    expect(output).not.toMatch(/window is not defined|document is not defined/);
    // The page was prerendered at build time: the server render of the provider and the catalog.
    const html = readFileSync(join(app.dir, '.next/server/app/index.html'), 'utf8');
    expect(html).toContain('<h1>Integrations</h1>');
    expect(html).toMatch(APP_LIST);
    // styles.css reached the page's stylesheet.
    const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    expect(readFileSync(join(app.dir, '.next', css!.replace('/_next/', '')), 'utf8')).toContain(
      '--refold-accent',
    );
  });

  describeSessionEndpoint(
    'served by next start, its session route (the README’s) in front of a mock Refold',
    () => ({
      command: join(app.dir, 'node_modules/.bin/next'),
      args: ['start', '-p', String(port), '-H', '127.0.0.1'],
      cwd: app.dir,
      ready: /Ready in/,
      url: `http://127.0.0.1:${port}`,
      signIn: (linkedAccountId) => ({ cookie: `customer_id=${linkedAccountId}` }),
    }),
    (url) => {
      it('serves the server-rendered page', async () => {
        expect(await (await fetch(url())).text()).toMatch(APP_LIST);
      });
    },
  );
});
