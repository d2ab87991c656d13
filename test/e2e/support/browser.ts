/**
 * Chromium for the end-to-end tests and `npm run screenshots`, and a wait that both use. No Vitest import:
 * scripts run these outside the test runner.
 */
import { chromium } from 'playwright';
import type { Browser, Locator } from 'playwright';
import { chromiumLaunchOptions } from '../../browser-setup/chromium.js';

/** Headless Chromium (Debian's, CHROMIUM_PATH, or Playwright's own), as in the other browser projects. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/** Waits for `locator` to be visible. */
export function shown(locator: Locator, timeout = 10_000): Promise<void> {
  return locator.waitFor({ state: 'visible', timeout });
}
