/**
 * The demo's main screens in Chromium, light and dark, at 1,280 and 360 px, compared with the baselines in
 * test/e2e/baselines (committed) so that a style change shows in review. Every capture is also written to
 * test-results/e2e/screenshots (ignored), with a diff image for each mismatch.
 *
 * `UPDATE_SCREENSHOTS=1` rewrites the baselines. A missing baseline is written and fails the test once.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENES, VIEWPORTS, captureScene, comparePngs, screenshotContext } from './support/screenshots.js';
import type { Theme } from './support/screenshots.js';
import { launchChromium, runDemo } from './support/session.js';

/**
 * A pixel differs when one of its channels moves by more than this: the same Chromium and fonts render the
 * same pixels (0 differ between runs here), so the tolerance is small and a changed colour, border or
 * radius shows.
 */
const THRESHOLD = 0.02;
/** Share of differing pixels tolerated: about 50 pixels of a 1,280 × 800 screen, 13 of a 360 × 740 one. */
const MAX_DIFF_RATIO = 0.00005;

const baselines = fileURLToPath(new URL('./baselines/', import.meta.url));
const artifacts = fileURLToPath(new URL('../../test-results/e2e/screenshots/', import.meta.url));
const update = process.env['UPDATE_SCREENSHOTS'] === '1';

let demo: Awaited<ReturnType<typeof runDemo>>;
let browser: Browser;
let comparer: Page;

beforeAll(async () => {
  demo = await runDemo();
  browser = await launchChromium();
  comparer = await browser.newPage();
  await mkdir(artifacts, { recursive: true });
  await mkdir(baselines, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const cases = SCENES.flatMap((scene) =>
  (['light', 'dark'] as const).flatMap((theme) =>
    (['desktop', 'phone'] as const).map((size) => ({ scene, theme, size })),
  ),
);

describe('screenshots of the demo', () => {
  it.each(cases)('$scene.name, $theme, $size', async ({ scene, theme, size }) => {
    const name = `${scene.name}-${size}-${theme satisfies Theme}`;
    const context = await screenshotContext(browser, demo.url, scene.customer, theme, VIEWPORTS[size]);
    const actual = await captureScene(context, demo.url, scene);
    await context.close();
    await writeFile(`${artifacts}${name}.png`, actual);

    const baseline = `${baselines}${name}.png`;
    if (update || !existsSync(baseline)) {
      await writeFile(baseline, actual);
      expect(update, `No baseline for ${name} yet: written to ${baseline}, commit it`).toBe(true);
      return;
    }
    const result = await comparePngs(comparer, actual, await readFile(baseline), THRESHOLD);
    if (result.diff) await writeFile(`${artifacts}${name}.diff.png`, result.diff);
    expect(result.sizes, `${name}: the size changed`).toBeUndefined();
    expect(
      result.differing / result.total,
      `${name}: ${result.differing} pixels differ from the baseline (see ${artifacts}${name}.diff.png; ` +
        'UPDATE_SCREENSHOTS=1 accepts the change)',
    ).toBeLessThanOrEqual(MAX_DIFF_RATIO);
  });
});
