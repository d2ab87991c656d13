/**
 * The Vite + React consumer app (test/consumer/apps/vite-react) on one React major: type-checks against the
 * shipped declarations, builds, renders the catalog in Chromium against the testing kit's mock, and runs a
 * component test written with the testing kit.
 *
 * @module
 */
import { join } from 'node:path';
import { chromium } from 'playwright';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunchOptions } from '../../browser-setup/chromium.js';
import { installConsumerApp, locked, serveStatic } from './consumer-app.js';
import type { ConsumerApp } from './consumer-app.js';

/** The app's dependencies besides React, at this repository's versions. */
const TOOLS = locked(
  '@tanstack/react-query',
  'vite',
  '@vitejs/plugin-react',
  'typescript',
  '@types/node',
  'msw',
  'vitest',
  'jsdom',
  '@testing-library/react',
  '@testing-library/dom',
);

/** Declares the suite of the Vite + React app on React `major`, with these React packages. */
export function describeViteApp(major: 18 | 19, react: Record<string, string>): void {
  describe(`a Vite + React ${major} app with the packed library`, () => {
    let app: ConsumerApp;
    beforeAll(async () => {
      app = await installConsumerApp({
        template: 'vite-react',
        dependencies: { ...TOOLS, ...react },
        tarball: inject('refoldTarball'),
      });
      await app.bin('msw', ['init', 'public', '--save=false']);
    });

    it('type-checks against the shipped declarations with the template tsconfig (vite/client types)', async () => {
      await app.bin('tsc', ['-b']);
    });

    it('builds, and renders the catalog in Chromium against the mock Refold', async () => {
      await app.bin('vite', ['build', '--logLevel', 'warn']);
      const server = await serveStatic(join(app.dir, 'dist'));
      const browser = await chromium.launch(chromiumLaunchOptions());
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
        });
        await page.goto(server.url);
        await page.getByRole('option', { name: /Slack/ }).waitFor({ timeout: 20_000 });
        expect(await page.locator('main').getAttribute('data-react')).toMatch(new RegExp(`^${major}\\.`));
        expect(await page.getByRole('option').count()).toBeGreaterThan(3);
        expect(await page.locator('[data-state="ready"]').count()).toBeGreaterThan(0);
        // The stylesheet came along: its custom properties apply to the components.
        const accent = await page
          .locator('.refold-app-list')
          .first()
          .evaluate((element) => getComputedStyle(element).getPropertyValue('--refold-accent'));
        expect(accent.trim()).not.toBe('');
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
        await server.close();
      }
    });

    it('runs a component test written with the testing kit (createMockRefold, renderWithRefold)', async () => {
      const output = await app.bin('vitest', ['run', '--reporter', 'dot']);
      expect(output).toMatch(/Tests\s+3 passed/);
    });
  });
}
