import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';
import { openWithPopupBlocker, waitForConsole } from '../browser-setup/popup-blocking.js';

const entry = fileURLToPath(new URL('../browser-setup/fixtures/connect-page.tsx', import.meta.url));

describe('ConnectButton in Chromium with its popup blocker on', () => {
  // The 8 s token fetch is real on purpose: it must outlast the click's user activation (~5 s), after which a
  // late window.open would be blocked. A fake clock cannot stand in for the browser's own.
  it.each([0, 8_000])(
    'opens the OAuth popup from the click when the token fetch takes %i ms, and connects',
    async (tokenDelayMs) => {
      const mock = createMockRefold();
      const session = await openWithPopupBlocker({ entry, mock });
      try {
        await session.page.goto(`${session.url}?tokenDelayMs=${tokenDelayMs}`);
        // Click as soon as the button shows, while the token is still on its way (the name is the slug until
        // the app arrives).
        const button = session.page.getByRole('button', { name: /^Connect slack$/i });
        await button.waitFor();
        const popupEvent = session.page.waitForEvent('popup', { timeout: 30_000 });
        const clickedAt = Date.now();
        await button.click();
        const popup = await popupEvent;
        // The blank popup opened inside the click; once the slow token arrived it was sent to the provider.
        await popup.waitForURL(/\/mock-oauth\/authorize/, { timeout: tokenDelayMs + 20_000 });
        // For the slow token, the popup was sent to the provider more than 5 s after the click: far past the
        // user activation a late window.open would have needed.
        if (tokenDelayMs > 0) expect(Date.now() - clickedAt).toBeGreaterThan(5_500);
        const connected = waitForConsole(session.page, 'connect: ');
        await popup.getByRole('button', { name: /allow/i }).click();
        expect(await connected).toBe('connected');
      } finally {
        await session.close();
      }
    },
    60_000,
  );

  it('cuts the popup’s opener, and a click after the user closed the popup opens a new one that connects', async () => {
    const mock = createMockRefold();
    const session = await openWithPopupBlocker({ entry, mock });
    try {
      await session.page.goto(session.url);
      const button = session.page.getByRole('button', { name: /^Connect slack$/i });
      await button.waitFor();
      const firstPopup = session.page.waitForEvent('popup', { timeout: 30_000 });
      await button.click();
      const first = await firstPopup;
      await first.waitForURL(/\/mock-oauth\/authorize/);
      // The provider's page cannot reach back into the host tab.
      expect(await first.evaluate(() => window.opener)).toBeNull();

      // Closed at once, before the flow can trust `closed` (3 s): the next click must not be swallowed.
      await first.close();
      const secondPopup = session.page.waitForEvent('popup', { timeout: 30_000 });
      await session.page.getByRole('button', { name: /slack/i }).first().click();
      const second = await secondPopup;
      await second.waitForURL(/\/mock-oauth\/authorize/);
      expect(await second.evaluate(() => window.opener)).toBeNull();
      const connected = waitForConsole(session.page, 'connect: ');
      await second.getByRole('button', { name: /allow/i }).click();
      expect(await connected).toBe('connected');
    } finally {
      await session.close();
    }
  }, 60_000);
});
