/**
 * The demo as a customer uses it, in one Chromium session: connect a key-based app (first with refused
 * credentials), connect an OAuth app through the mock provider's popup (Deny, then Allow), change its
 * settings and a workflow, read its runs, add a second account of it and disconnect that one, disconnect,
 * switch customer. Every request of the page and its popups is recorded; at the end none may carry the API
 * key or a linked account, and no token may be left in storage or in the console.
 */
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  GLOBEX as GLOBEX_CUSTOMER,
  INITECH as INITECH_CUSTOMER,
  NORTHWIND as NORTHWIND_CUSTOMER,
} from '../../demo/server/customers.js';
import { mockApps } from '../../src/testing/mock-refold/fixtures.js';
import type { MockRefold } from '../../src/testing/mock-refold/index.js';
import {
  clientStorage,
  hasText,
  launchChromium,
  linkedAccountOf,
  recordSession,
  runDemo,
  shown,
} from './support/session.js';
import type { SessionRecord } from './support/session.js';

const NORTHWIND = NORTHWIND_CUSTOMER.linkedAccountId;
const GLOBEX = GLOBEX_CUSTOMER.linkedAccountId;
const INITECH = INITECH_CUSTOMER.linkedAccountId;
/** The catalog the demo's mock serves (its default fixtures). */
const APPS = mockApps.length;

let demo: Awaited<ReturnType<typeof runDemo>>;
let mock: MockRefold;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let session: SessionRecord;

/** The detail panel of one app (a region named after it). */
const panel = (name: string) => page.getByRole('region', { name, exact: true });

/** Opens an app from the catalog: search, then pick it in the listbox. */
async function openApp(name: string) {
  const search = page.getByRole('searchbox', { name: 'Search apps' });
  await search.fill(name);
  await page
    .getByRole('listbox', { name: 'Apps' })
    .getByRole('option', { name: new RegExp(`^${name}\\b`) })
    .click();
  await shown(panel(name));
}

beforeAll(async () => {
  demo = await runDemo();
  mock = demo.mock!;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  session = recordSession(context);
  page = await context.newPage();
});

// A failed step leaves a picture of the page behind (test-results/e2e/failures, ignored).
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  await page.screenshot({ path: `test-results/e2e/failures/${task.name.replace(/\W+/g, '-')}.png` });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('the demo, end to end', () => {
  it('opens on the Integrations page, signed in as the first customer, with the whole catalog', async () => {
    await page.goto(demo.url);
    await shown(page.getByRole('heading', { level: 1, name: 'Integrations' }));
    expect(await page.getByRole('combobox', { name: 'Customer' }).inputValue()).toBe('northwind');
    await hasText(page.locator('.refold-app-list__status'), `${APPS} apps`);
    await hasText(page.getByRole('main'), `0 of ${APPS} apps connected`);
  });

  it('reaches an app and its connect button with the keyboard alone', async () => {
    await page.getByRole('searchbox', { name: 'Search apps' }).focus();
    await page.keyboard.type('Zendesk');
    const listbox = page.getByRole('listbox', { name: 'Apps' });
    await expect.poll(() => listbox.getByRole('option').count()).toBe(1);
    for (
      let tab = 0;
      tab < 20 && !(await listbox.evaluate((list) => list === document.activeElement));
      tab++
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    // The chosen app's panel takes the focus; the next Tab lands on its connect button.
    await expect
      .poll(() => panel('Zendesk').evaluate((region) => region === document.activeElement))
      .toBe(true);
    await page.keyboard.press('Tab');
    const connect = panel('Zendesk').getByRole('button', { name: 'Connect Zendesk', exact: true });
    await expect.poll(() => connect.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('keeps what was typed when the provider refuses the credentials, then connects with good ones', async () => {
    const zendesk = panel('Zendesk');
    await zendesk.getByRole('button', { name: 'Connect Zendesk', exact: true, expanded: false }).click();
    const form = zendesk.locator('form');
    await form.getByLabel('Subdomain').fill('northwind');
    await form.getByLabel('Agent email').fill('it@northwind.example');
    await form.getByLabel(/^API token/).fill('wrong');
    await form.getByRole('button', { name: 'Connect Zendesk', exact: true }).click();

    await hasText(form.getByRole('alert'), 'Zendesk rejected the credentials');
    expect(await form.getByLabel('Subdomain').inputValue()).toBe('northwind');
    expect(await form.getByLabel('Agent email').inputValue()).toBe('it@northwind.example');
    expect(await form.getByLabel(/^API token/).inputValue()).toBe('wrong');
    expect(mock.account(NORTHWIND).connections('zendesk')).toEqual([]);

    await form.getByLabel(/^API token/).fill('zd_live_4f1c9a');
    await form.getByRole('button', { name: 'Connect Zendesk', exact: true }).click();
    await shown(zendesk.getByRole('button', { name: 'Disconnect Zendesk', exact: true }));
    await hasText(zendesk.locator('.refold-connection-status'), 'Connected');
    expect(mock.account(NORTHWIND).savedCredentials('zendesk')).toMatchObject({ subdomain: 'northwind' });
  });

  it('saves a changed setting and switches a workflow on', async () => {
    const zendesk = panel('Zendesk');
    const settings = zendesk.locator('form.refold-config-form');
    await shown(settings.getByLabel('Batch size'));
    await settings.getByLabel('Batch size').fill('250');
    await settings.getByRole('button', { name: 'Save' }).click();
    await hasText(settings.getByRole('status').last(), 'Saved');

    const workflow = settings.getByRole('switch', { name: 'Escalate urgent tickets' });
    await workflow.click();
    await expect.poll(() => workflow.getAttribute('aria-checked')).toBe('true');

    const config = () =>
      mock.account(NORTHWIND).config('zendesk') as {
        fields: { id: string; value: unknown }[];
        workflows: { name: string; enabled: boolean }[];
      };
    expect(config().fields.find((field) => field.id === 'batch_size')?.value).toBe(250);
    // The switch turns on at once (optimistic); the server has it once the toggle's request lands.
    await expect
      .poll(() => config().workflows.find((wf) => wf.name === 'Escalate urgent tickets')?.enabled)
      .toBe(true);
  });

  it('shows the app’s recent runs and their steps', async () => {
    const runs = panel('Zendesk').getByRole('list', { name: 'Workflow runs' });
    const first = runs.getByRole('button').first();
    await first.click();
    await shown(panel('Zendesk').getByRole('list', { name: 'Steps' }).first());
  });

  it('connects an OAuth app through the provider’s popup: Deny first, then Allow', async () => {
    await openApp('Slack');
    const slack = panel('Slack');

    // Deny: the provider says so; the user closes its window and cancels.
    const denied = page.waitForEvent('popup');
    await slack.getByRole('button', { name: 'Connect Slack', exact: true }).click();
    const popup = await denied;
    await popup.getByRole('button', { name: 'Deny' }).click();
    await shown(popup.getByRole('heading', { name: 'Access denied' }));
    await popup.close();
    await slack.getByRole('button', { name: 'Cancel' }).click();
    await hasText(slack.getByRole('alert'), 'The connection was cancelled.');
    expect(mock.account(NORTHWIND).connections('slack')).toEqual([]);

    // Allow: the page notices the new connection by itself.
    const allowed = page.waitForEvent('popup');
    await slack.getByRole('button', { name: 'Connect Slack', exact: true }).click();
    const second = await allowed;
    await second.getByRole('button', { name: 'Allow' }).click();
    await shown(slack.getByRole('button', { name: 'Disconnect Slack', exact: true }), 15_000);
    expect(mock.account(NORTHWIND).connections('slack')).toHaveLength(1);
    if (!second.isClosed()) await second.close();
  });

  it('adds a second Slack account from the dialog, disconnects one, and the other stays', async () => {
    await page.getByRole('button', { name: 'Connect an app' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect an app' });
    await dialog.getByRole('searchbox', { name: 'Search apps' }).fill('Slack');
    await dialog.getByRole('option', { name: /^Slack\b/ }).click();
    const added = page.waitForEvent('popup');
    await dialog.getByRole('button', { name: 'Add another Slack account' }).click();
    const popup = await added;
    await popup.getByRole('button', { name: 'Allow' }).click();
    await shown(dialog.getByRole('heading', { name: 'Configure Slack' }), 15_000);
    if (!popup.isClosed()) await popup.close();
    await dialog.getByRole('button', { name: 'Close' }).click();
    const [first, second] = mock.account(NORTHWIND).connections('slack');
    expect(second?.connection_id).toBeDefined();
    expect(second?.connection_id).not.toBe(first?.connection_id);

    // Two accounts: the headless Marketplace card sends to the app's page, which lists each with its own
    // Disconnect.
    await page.getByRole('link', { name: /Marketplace/ }).click();
    await page
      .getByRole('article', { name: 'Slack' })
      .getByRole('link', { name: 'Manage Slack accounts' })
      .click();
    const slack = panel('Slack');
    const accounts = slack.getByRole('list', { name: 'Slack accounts' }).getByRole('listitem');
    await expect.poll(() => accounts.count()).toBe(2);
    await accounts
      .last()
      .getByRole('button', { name: /^Disconnect Slack/ })
      .click();
    await slack
      .getByRole('group', { name: /^Disconnect Slack/ })
      .getByRole('button', { name: 'Disconnect', exact: true })
      .click();
    await shown(slack.getByRole('button', { name: 'Disconnect Slack', exact: true }));
    expect(
      mock
        .account(NORTHWIND)
        .connections('slack')
        .map((c) => c.connection_id),
    ).toEqual([first?.connection_id]);
  });

  it('disconnects after confirmation', async () => {
    const slack = panel('Slack');
    await slack.getByRole('button', { name: 'Disconnect Slack', exact: true }).click();
    await slack
      .getByRole('group', { name: /^Disconnect Slack\?/ })
      .getByRole('button', { name: 'Disconnect', exact: true })
      .click();
    await shown(slack.getByRole('button', { name: 'Connect Slack', exact: true }));
    expect(mock.account(NORTHWIND).connections('slack')).toEqual([]);
  });

  it('lists every run on the Run history page', async () => {
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Run history' })
      .click();
    await shown(page.getByRole('heading', { level: 1, name: 'Run history' }));
    await shown(page.getByRole('list', { name: 'Workflow runs' }).getByRole('listitem').first());
    await hasText(page.getByRole('navigation', { name: 'Pages of runs' }), 'Page 1 of');
  });

  it('shows the same connections on the headless Marketplace page', async () => {
    await page.getByRole('link', { name: /Marketplace/ }).click();
    const zendesk = page.getByRole('article', { name: 'Zendesk' });
    await hasText(zendesk, 'Connected');
    await shown(zendesk.getByRole('button', { name: 'Disconnect Zendesk', exact: true }));
    await hasText(page.getByRole('article', { name: 'Slack' }), 'Not connected');
  });

  it('shows none of the first customer’s connections after a switch to another customer', async () => {
    await page.getByRole('link', { name: 'Integrations' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Integrations' }));
    const before = session.requests.length;
    await page.getByRole('combobox', { name: 'Customer' }).selectOption('globex');
    await hasText(page.getByRole('main'), 'Connect the tools Globex Corporation already uses.');
    await hasText(page.getByRole('main'), `2 of ${APPS} apps connected`);

    await page.getByRole('checkbox', { name: 'Connected only' }).check();
    const options = page.getByRole('listbox', { name: 'Apps' }).getByRole('option');
    await expect.poll(() => options.count()).toBe(2);
    const names = await options.locator('.refold-app-card__name').allTextContents();
    expect(names.sort()).toEqual(['HubSpot', 'Stripe']);
    expect(mock.account(NORTHWIND).connections('zendesk')).toHaveLength(1);

    // Every Refold call since the switch carried a token of the new customer.
    await session.settled();
    const bearers = session.requests
      .slice(before)
      .map((request) => /^Bearer (.+)$/.exec(request.headers['authorization'] ?? '')?.[1])
      .filter((token): token is string => token !== undefined);
    expect(bearers.length).toBeGreaterThan(0);
    expect(new Set(bearers.map(linkedAccountOf))).toEqual(new Set([GLOBEX]));
  });

  it('stops an OAuth connect under way when the customer changes, and connects nobody', async () => {
    await page.getByRole('checkbox', { name: 'Connected only' }).uncheck();
    await openApp('Notion');
    const opened = page.waitForEvent('popup');
    await panel('Notion').getByRole('button', { name: 'Connect Notion', exact: true }).click();
    const popup = await opened;
    await shown(popup.getByRole('button', { name: 'Allow' }));
    // The provider's page cannot reach back into this tab (its opener was cut). The price: once it shows the
    // provider's origin, Chromium no longer lets this tab close it, so the flow stops and the user closes it.
    expect(await popup.evaluate(() => window.opener)).toBeNull();
    const before = session.requests.length;
    await page.getByRole('combobox', { name: 'Customer' }).selectOption('initech');
    await hasText(page.getByRole('main'), 'Connect the tools Initech already uses.');
    await session.settled();
    // The previous customer's flow stopped polling: every call since the switch is the new customer's.
    const accounts = session.requests
      .slice(before)
      .map((request) => /^Bearer (.+)$/.exec(request.headers['authorization'] ?? '')?.[1])
      .filter((token): token is string => token !== undefined)
      .map(linkedAccountOf);
    expect(accounts.length).toBeGreaterThan(0);
    expect(new Set(accounts)).toEqual(new Set([INITECH]));
    await popup.close();
    expect(mock.account(GLOBEX).connections('notion')).toEqual([]);
    expect(mock.account(INITECH).connections('notion')).toEqual([]);
  });

  it('never let the API key, a linked account or a token leak from the browser session', async () => {
    await session.settled();
    const { requests, tokens } = session;
    expect(requests.length).toBeGreaterThan(20);
    expect(tokens.size).toBeGreaterThanOrEqual(2);

    // No request of the page or its popups names a linked account or carries the key.
    for (const request of requests) {
      const names = Object.keys(request.headers).map((name) => name.toLowerCase());
      expect(names, `${request.method} ${request.url}`).not.toContain('x-api-key');
      expect(names, `${request.method} ${request.url}`).not.toContain('linked_account_id');
      expect(JSON.stringify(request)).not.toContain(mock.apiKey);
    }
    // Tokens go to Refold only, in the Authorization header only, never in a URL.
    for (const request of requests) {
      if (request.headers['authorization']) expect(request.url.startsWith(demo.refoldBaseUrl)).toBe(true);
      for (const token of tokens) expect(request.url).not.toContain(token);
    }
    // The backend's answer is the token and its lifetime, nothing else.
    for (const answer of session.sessionAnswers)
      expect(Object.keys(answer as object).sort()).toEqual(['expires_in', 'token']);

    const stored = [await clientStorage(page), JSON.stringify(await context.cookies())].join('\n');
    const logged = session.console.join('\n');
    for (const token of tokens) {
      expect(stored).not.toContain(token);
      expect(logged).not.toContain(token);
    }
    expect(logged).not.toMatch(/Bearer|Refused to|Content Security Policy/i);
    // CSP-safe markup: no inline style attribute anywhere in the app.
    expect(await page.locator('[style]').count()).toBe(0);
    expect(demo.log).toEqual([]);
  });
});
