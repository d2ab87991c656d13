/**
 * `npm run screenshots`: regenerates the README's pictures of the demo, docs/demo-light.png and
 * docs/demo-dark.png, with the same steady settings as the screenshot tests (test/e2e/support/screenshots.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildDemo } from '../demo/build.js';
import { startDemo } from '../demo/server/index.js';
import { SCENES, VIEWPORTS, captureScene, screenshotContext } from '../test/e2e/support/screenshots.js';
import { launchChromium } from '../test/e2e/support/browser.js';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const scene = SCENES.find((candidate) => candidate.name === 'connected-app');
if (!scene) throw new Error('The connected-app scene is missing from test/e2e/support/screenshots.ts.');

const demo = await startDemo({ staticDir: await buildDemo(), port: 0, mockPort: 0 });
const browser = await launchChromium();
try {
  await mkdir(docs, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    const context = await screenshotContext(browser, demo.url, scene.customer, theme, VIEWPORTS.desktop);
    await writeFile(`${docs}demo-${theme}.png`, await captureScene(context, demo.url, scene));
    await context.close();
    console.log(`Wrote docs/demo-${theme}.png`);
  }
} finally {
  await browser.close();
  await demo.close();
}
