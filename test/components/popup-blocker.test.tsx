// Chromium's popup blocker is real in test/browser-setup/popup-blocking.ts (Node side, project `popup`):
// window.open in a click is allowed, window.open after a long await is blocked. Playwright's default launch
// (and so Vitest's browser mode) disables the blocker, which this test shows too.
import { chromium } from 'playwright';
import type { Browser, Page } from 'playwright';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';
import { chromiumLaunchOptions } from '../browser-setup/chromium.js';
import { openWithPopupBlocker, waitForConsole } from '../browser-setup/popup-blocking.js';
import type { PopupBlockingSession } from '../browser-setup/popup-blocking.js';

// Each button reports what window.open answered through the console: the test must not evaluate anything in
// the page while it waits, since Playwright's evaluations count as user gestures (see popup-blocking.ts).
// The page's waits are real on purpose: what is measured is how long the browser's user activation lasts.
const PAGE = `
  <main>
    <button type="button" data-wait="0">Open now</button>
    <button type="button" data-wait="1000">Open after 1 s</button>
    <button type="button" data-wait="6000">Open after 6 s</button>
  </main>
  <script>
    for (const button of document.querySelectorAll('button')) {
      button.addEventListener('click', async () => {
        const wait = Number(button.dataset.wait);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const popup = window.open('about:blank', '_blank');
        console.log('window.open: ' + (popup ? 'opened' : 'blocked'));
      });
    }
  </script>`;

/** Clicks a button (a trusted click, through CDP): what window.open answered and how many popups opened. */
async function openFrom(page: Page, name: string): Promise<{ result: string; popups: number }> {
  let popups = 0;
  page.on('popup', () => void (popups += 1));
  const report = waitForConsole(page, 'window.open: ');
  await page.getByRole('button', { name }).click();
  const result = await report;
  // The popup event may trail the page's report a little.
  if (result === 'opened' && popups === 0)
    await page.waitForEvent('popup', { timeout: 5_000 }).catch(() => undefined);
  return { result, popups };
}

describe('popup blocking in Chromium', () => {
  let session: PopupBlockingSession;
  let defaultBrowser: Browser;
  beforeAll(async () => {
    [session, defaultBrowser] = await Promise.all([
      openWithPopupBlocker({ html: PAGE }),
      chromium.launch(chromiumLaunchOptions()),
    ]);
  });
  afterAll(async () => {
    await defaultBrowser?.close();
    await session?.close();
  });

  async function freshPage(browser: 'blocker' | 'default' = 'blocker'): Promise<Page> {
    const page = browser === 'blocker' ? await session.context.newPage() : await defaultBrowser.newPage();
    await page.goto(session.url);
    return page;
  }

  // Concurrent: the waits overlap.
  it.concurrent(
    'with the blocker on, allows window.open called synchronously in a click',
    async ({ expect }) => {
      expect(await openFrom(await freshPage(), 'Open now')).toEqual({ result: 'opened', popups: 1 });
    },
  );

  it.concurrent(
    'with the blocker on, allows window.open 1 s after a click (activation lasts ~5 s)',
    async ({ expect }) => {
      expect(await openFrom(await freshPage(), 'Open after 1 s')).toEqual({ result: 'opened', popups: 1 });
    },
  );

  it.concurrent('with the blocker on, blocks window.open 6 s after a click', async ({ expect }) => {
    expect(await openFrom(await freshPage(), 'Open after 6 s')).toEqual({ result: 'blocked', popups: 0 });
  });

  it.concurrent(
    "Playwright's default launch never blocks (--disable-popup-blocking), so it cannot test this",
    async ({ expect }) => {
      expect(await openFrom(await freshPage('default'), 'Open after 6 s')).toEqual({
        result: 'opened',
        popups: 1,
      });
    },
  );

  it.concurrent(
    'serves the library, bundled with Vite, against the mock Refold on the same origin',
    async ({ expect }) => {
      const mock = createMockRefold();
      const bundled = await openWithPopupBlocker({
        entry: fileURLToPath(new URL('../browser-setup/fixtures/library-page.tsx', import.meta.url)),
        mock,
      });
      try {
        const apps = waitForConsole(bundled.page, 'apps: ');
        await bundled.page.goto(bundled.url);
        expect(Number(await apps)).toBeGreaterThan(0);
        await expect.poll(() => bundled.page.getByRole('listitem').count()).toBeGreaterThan(0);
        expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /api/v2/f-sdk/application');
      } finally {
        await bundled.close();
      }
    },
  );
});
