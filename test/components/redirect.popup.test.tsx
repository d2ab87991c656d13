// The full-page sign-in round trip in Chromium with its popup blocker on: a blocked pop-up offers "Continue
// in this tab", the page goes to the provider, comes back, and the flow finishes connected from what it kept
// in sessionStorage (slug, connection id, nonce — never a token).
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';
import { openWithPopupBlocker, waitForConsole } from '../browser-setup/popup-blocking.js';
import type { PopupBlockingSession } from '../browser-setup/popup-blocking.js';

const ENTRY = fileURLToPath(new URL('../browser-setup/fixtures/redirect-page.tsx', import.meta.url));
const ACCOUNT = 'test-customer';

describe('redirect mode in Chromium with the popup blocker on', () => {
  let session: PopupBlockingSession | undefined;
  afterEach(async () => {
    await session?.close();
  });

  it('a blocked pop-up falls back to a full-page sign-in that comes back and resumes connected, with no token stored', async () => {
    const mock = createMockRefold();
    session = await openWithPopupBlocker({ entry: ENTRY, mock, linkedAccountId: ACCOUNT });
    const { page } = session;
    const popups: unknown[] = [];
    page.on('popup', (popup) => popups.push(popup));

    const blocked = waitForConsole(page, 'connect: ');
    await page.goto(`${session.url}?autoConnect=1`);
    expect(await blocked).toBe('blocked redirect');
    expect(popups).toHaveLength(0);

    await page.getByRole('button', { name: 'Continue in this tab' }).click();
    await page.waitForURL(/\/mock-oauth\/authorize\?/);
    // What the page kept for its return: the slug and a nonce, nothing else (no token, no typed value).
    const kept = await page.evaluate(() => ({
      session: { ...sessionStorage },
      local: localStorage.length,
    }));
    expect(kept.local).toBe(0);
    expect(Object.keys(kept.session)).toEqual(['refold:connect-redirect']);
    const resume = JSON.parse(kept.session['refold:connect-redirect'] ?? '{}') as Record<string, unknown>;
    expect(Object.keys(resume).sort()).toEqual(['nonce', 'slug']);
    expect(resume['slug']).toBe('slack');
    const integrate = mock.requests.find((r) => r.path === '/api/v1/slack/integrate');
    const back = new URL(integrate?.query['redirect_url'] ?? '');
    expect(back.origin).toBe(session.origin);
    expect(back.searchParams.get('refold-resume')).toBe(resume['nonce']);

    const connected = waitForConsole(page, 'connect: ');
    await page.getByRole('button', { name: 'Allow' }).click();
    expect(await connected).toBe('connected');
    expect(mock.account(ACCOUNT).connections('slack')).toHaveLength(1);
    await expect.poll(() => page.getByText('Connected', { exact: true }).count()).toBe(1);

    // Back on the page: the return marker left the URL and nothing stays in storage.
    const after = new URL(page.url());
    expect(after.searchParams.has('refold-resume')).toBe(false);
    expect(after.searchParams.get('autoConnect')).toBe('1');
    const storage = await page.evaluate(() => ({
      session: { ...sessionStorage },
      local: { ...localStorage },
      cookies: document.cookie,
    }));
    expect(storage).toEqual({ session: {}, local: {}, cookies: '' });
    // No session token was ever written anywhere the page keeps (the whole session, both documents).
    const tokens = mock.requests
      .map((r) => r.headers.authorization?.replace(/^Bearer /, ''))
      .filter((t): t is string => Boolean(t));
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(JSON.stringify(kept) + JSON.stringify(storage)).not.toContain(token);
  });
});
