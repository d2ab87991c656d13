/**
 * The demo's pages at 360 and 1,280 px wide, light and dark: nothing spills out sideways or is cut off
 * (test/browser-setup/overflow.ts), and axe finds no WCAG 2.2 AA violation. The stories get the same checks
 * in their own projects (.storybook/preview.tsx).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WCAG_AA_TAGS, formatViolations } from '../browser-setup/axe.js';
import { findOverflow } from '../browser-setup/overflow.js';
import { SCENES } from './support/screenshots.js';
import type { Scene } from './support/screenshots.js';
import { launchChromium, runDemo, shown } from './support/session.js';

/** The screens of the screenshot test, and more states: forms, an opened run, the connect dialog. */
const scenes: Scene[] = [
  ...SCENES,
  {
    name: 'a key-based app’s credentials form',
    customer: 'northwind',
    path: '/settings/integrations/custom-webhook',
    ready: async (page) => {
      await page.getByRole('button', { name: 'Connect Custom Webhook', exact: true }).click();
      await shown(page.getByLabel('Extra headers'));
    },
  },
  {
    name: 'the run history with a run opened',
    customer: 'globex',
    path: '/settings/runs',
    ready: async (page) => {
      await page.getByRole('list', { name: 'Workflow runs' }).getByRole('button').first().click();
      await shown(page.getByRole('list', { name: 'Steps' }));
    },
  },
  {
    name: 'the headless marketplace with a form open',
    customer: 'globex',
    path: '/settings/marketplace',
    ready: async (page) => {
      await page.getByRole('button', { name: 'Connect Jira' }).click();
      await shown(page.getByRole('group', { name: /Projects/ }));
    },
  },
  {
    name: 'the connect dialog',
    customer: 'northwind',
    path: '/settings/integrations',
    ready: async (page) => {
      await page.getByRole('button', { name: 'Connect an app' }).click();
      await shown(page.getByRole('dialog').getByRole('option').first());
    },
  },
];

let demo: Awaited<ReturnType<typeof runDemo>>;
let browser: Browser;
let axeSource: string;

beforeAll(async () => {
  demo = await runDemo();
  browser = await launchChromium();
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});

/** axe's WCAG 2.2 AA violations on the page, readable (empty: none). Evaluated scripts pass the page's CSP. */
async function axeViolations(page: Page): Promise<string> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (tags) =>
      (
        window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
      ).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_AA_TAGS,
  );
  return formatViolations(results.violations);
}

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

it('notices a page that scrolls sideways, spills out or cuts text', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 400 } });
  await page.setContent(`
    <div class="wide">A row of 600 px</div>
    <div class="cut">A box that cuts a long word: Donaudampfschifffahrtsgesellschaftskapitän</div>
    <p class="ellipsis">An ellipsis is a choice, not a bug: Donaudampfschifffahrtsgesellschaftskapitän</p>
    <style>
      .wide { width: 600px; }
      .cut, .ellipsis { width: 100px; overflow: hidden; white-space: nowrap; }
      .ellipsis { text-overflow: ellipsis; }
    </style>`);
  const found = await page.evaluate(findOverflow, await page.evaluateHandle(() => document.documentElement));
  await page.close();
  expect(found).toEqual([
    expect.stringMatching(/^<html> .* scrolls sideways: \d+ > 360 px$/),
    expect.stringMatching(/^<div\.wide> "A row of 600 px" spans 8…608 px, outside 0…360 px$/),
    expect.stringMatching(/^<div\.cut> "A box that cuts .*" cuts its content: \d+ > 100 px$/),
  ]);
});

describe.each([360, 1280])('the demo at %i px wide', (width) => {
  it('fits every page, light and dark, with nothing cut off (and no axe violation)', async () => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const problems: string[] = [];
    for (const scene of scenes) {
      await context.addCookies([{ name: 'demo_customer', value: scene.customer, url: demo.url }]);
      await page.goto(`${demo.url}${scene.path}`);
      await scene.ready(page);
      for (const theme of ['light', 'dark']) {
        // As the theme switch does (it may sit behind a modal dialog here).
        // Then the colour transitions run to their end (axe would measure colours half-way).
        await page.evaluate(async (value) => {
          document.documentElement.dataset['theme'] = value;
          const transitions = document
            .getAnimations()
            .filter((animation) => animation instanceof CSSTransition);
          await Promise.all(transitions.map((transition) => transition.finished.catch(() => undefined)));
        }, theme);
        const found = await page.evaluate(
          findOverflow,
          await page.evaluateHandle(() => document.documentElement),
        );
        problems.push(...found.map((line) => `${scene.name} (${theme}): ${line}`));
        // Colours depend on the theme, not on the width: axe looks at both themes at 1,280 px.
        if (width === 360) continue;
        const violations = await axeViolations(page);
        if (violations) problems.push(`${scene.name} (${theme}), axe:\n${violations}`);
      }
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});

it('fits 360 px in every language of the demo', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  for (const locale of ['es', 'fr', 'de', 'ja']) {
    for (const scene of scenes.slice(0, 2)) {
      await context.addCookies([{ name: 'demo_customer', value: scene.customer, url: demo.url }]);
      await page.goto(`${demo.url}${scene.path}`);
      await page.evaluate((value) => localStorage.setItem('acme-locale', value), locale);
      await page.reload();
      await shown(page.locator(`html[lang="${locale}"] .refold-app-card`).filter({ visible: true }).first());
      const found = await page.evaluate(
        findOverflow,
        await page.evaluateHandle(() => document.documentElement),
      );
      problems.push(...found.map((line) => `${scene.name} (${locale}): ${line}`));
    }
  }
  await context.close();
  expect(problems).toEqual([]);
});
