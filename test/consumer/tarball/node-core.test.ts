import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { installConsumerApp, locked, run } from './consumer-app.js';
import type { ConsumerApp } from './consumer-app.js';
import { describeSessionEndpoint } from './session-endpoint.js';

describe('a plain TypeScript Node app on @refold/react/core, with no React installed', () => {
  let app: ConsumerApp;
  beforeAll(async () => {
    app = await installConsumerApp({
      template: 'node-core',
      dependencies: {
        ...locked('typescript', '@types/node'),
        express: '5.3.0',
        '@types/express': '5.0.6',
      },
      tarball: inject('refoldTarball'),
      omitPeers: true,
    });
  });

  it('installs without React, React DOM or TanStack Query', () => {
    expect(existsSync(join(app.dir, 'node_modules/@refold/react/package.json'))).toBe(true);
    for (const peer of ['react', 'react-dom', '@tanstack/react-query']) {
      expect(existsSync(join(app.dir, 'node_modules', peer)), peer).toBe(false);
    }
  });

  it('type-checks under nodenext, including the stylesheet import with no *.css declarations', async () => {
    await app.bin('tsc', ['-p', '.']);
  });

  it('runs: lists the catalog through the core client and the mock Refold served over HTTP', async () => {
    const output = await run(process.execPath, ['out/main.js'], app.dir);
    expect(JSON.parse(output.trim())).toEqual({
      apps: expect.any(Number),
      connected: ['slack'],
      missing: 'RefoldApiError 404',
    });
  });

  describeSessionEndpoint('the README’s Express session route in front of a mock Refold', () => ({
    command: process.execPath,
    args: ['out/express-server.js'],
    cwd: app.dir,
    ready: /listening on (\S+)/,
    signIn: (linkedAccountId) => ({ customer: linkedAccountId }),
  }));
});
