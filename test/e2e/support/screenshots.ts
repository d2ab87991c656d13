/**
 * Deterministic screenshots of the demo (for the baseline test and `npm run screenshots`), and a PNG
 * comparison that needs no dependency: both images are decoded and compared by Chromium itself.
 *
 * Determinism: fixed viewport and device scale factor, reduced motion, animations and transitions off,
 * caret hidden, scrollbars hidden, one font (DejaVu Sans, installed with Debian's fontconfig), the mouse
 * parked and focus cleared, relative times (`<time>`) masked, and the mock's fixtures (fixed names, statuses
 * and connections per customer).
 */
import type { Browser, BrowserContext, Page } from 'playwright';
import { shown } from './browser.js';

/** One screen of the demo: who is signed in, where, and when it is ready. */
export interface Scene {
  name: string;
  customer: string;
  path: string;
  ready: (page: Page) => Promise<void>;
}

export const SCENES: readonly Scene[] = [
  {
    name: 'catalog',
    customer: 'northwind',
    path: '/settings/integrations',
    ready: (page) => shown(page.getByRole('listbox', { name: 'Apps' }).getByRole('option').first()),
  },
  {
    name: 'connected-app',
    customer: 'globex',
    path: '/settings/integrations/hubspot',
    ready: async (page) => {
      await shown(page.locator('.refold-config-form[data-state="ready"]'));
      await shown(page.getByRole('list', { name: 'Workflow runs' }).getByRole('listitem').first());
    },
  },
  {
    name: 'marketplace',
    customer: 'globex',
    path: '/settings/marketplace',
    ready: (page) => shown(page.getByRole('article', { name: 'Zendesk' })),
  },
];

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
} as const;

export type Theme = 'light' | 'dark';

const STEADY_CSS = `
*, *::before, *::after {
  font-family: 'DejaVu Sans', sans-serif !important;
  animation: none !important;
  transition: none !important;
  caret-color: transparent !important;
  scrollbar-width: none !important;
}
.refold-config-form__code { font-family: 'DejaVu Sans Mono', monospace !important; }`;

/** A browser context for screenshots of the demo at `origin`: theme, size, no motion, CSP bypassed for the steadying styles. */
export async function screenshotContext(
  browser: Browser,
  origin: string,
  customer: string,
  theme: Theme,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    colorScheme: theme,
    reducedMotion: 'reduce',
    locale: 'en-US',
    timezoneId: 'UTC',
    bypassCSP: true,
  });
  context.setDefaultTimeout(15_000);
  await context.addInitScript((value) => localStorage.setItem('acme-theme', value), theme);
  await context.addCookies([{ name: 'demo_customer', value: customer, url: origin }]);
  return context;
}

/** Opens `scene`, waits for it to settle and answers its screenshot (PNG). */
export async function captureScene(context: BrowserContext, origin: string, scene: Scene): Promise<Buffer> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}${scene.path}`);
    await scene.ready(page);
    await page.addStyleTag({ content: STEADY_CSS });
    await page.mouse.move(0, 0);
    await page.evaluate(async () => {
      (document.activeElement as HTMLElement | null)?.blur();
      await document.fonts.ready;
      // Images in view (lazy ones further down never load, and are not in the picture). No named inner
      // functions here: tsx would wrap them in a helper that the page does not have.
      const pending = [...document.images].filter((image) => {
        const box = image.getBoundingClientRect();
        return (
          !image.complete && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth
        );
      });
      await Promise.all(pending.map((image) => image.decode().catch(() => undefined)));
    });
    await page.locator('.refold-spinner').first().waitFor({ state: 'hidden' });
    return await page.screenshot({
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
      mask: [page.locator('time')],
      maskColor: '#808080',
    });
  } finally {
    await page.close();
  }
}

/** Result of {@link comparePngs}. */
export interface Comparison {
  /** Pixels whose colour differs by more than the threshold. */
  differing: number;
  total: number;
  /** Both sizes, when they differ (then nothing else is compared). */
  sizes?: string;
  /** The expected image faded, the differing pixels in red (PNG). */
  diff?: Buffer;
}

/**
 * Compares two PNGs in `page` (any page, e.g. `about:blank`): a pixel differs when one of its channels
 * differs by more than `threshold` (0–1).
 */
export async function comparePngs(
  page: Page,
  actual: Buffer,
  expected: Buffer,
  threshold: number,
): Promise<Comparison> {
  const result = await page.evaluate(
    async ({ actual, expected, threshold }) => {
      // No named inner functions (see captureScene).
      const [a, b] = await Promise.all(
        [actual, expected].map(async (base64) =>
          createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob(), {
            colorSpaceConversion: 'none',
            premultiplyAlpha: 'none',
          }),
        ),
      );
      if (a!.width !== b!.width || a!.height !== b!.height) {
        return { differing: 0, total: 0, sizes: `${a!.width}×${a!.height} vs ${b!.width}×${b!.height}` };
      }
      const { width, height } = a!;
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      const [pa, pb] = [a!, b!].map((image) => {
        context.clearRect(0, 0, width, height);
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, width, height).data;
      }) as [Uint8ClampedArray, Uint8ClampedArray];
      const out = context.createImageData(width, height);
      const limit = threshold * 255;
      let differing = 0;
      for (let i = 0; i < pa.length; i += 4) {
        const delta = Math.max(
          Math.abs(pa[i]! - pb[i]!),
          Math.abs(pa[i + 1]! - pb[i + 1]!),
          Math.abs(pa[i + 2]! - pb[i + 2]!),
          Math.abs(pa[i + 3]! - pb[i + 3]!),
        );
        if (delta > limit) {
          differing += 1;
          out.data.set([255, 0, 0, 255], i);
        } else {
          const grey = 255 - (255 - (pb[i]! + pb[i + 1]! + pb[i + 2]!) / 3) * 0.25;
          out.data.set([grey, grey, grey, 255], i);
        }
      }
      if (differing === 0) return { differing, total: width * height };
      context.putImageData(out, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { differing, total: width * height, diff: btoa(binary) };
    },
    { actual: actual.toString('base64'), expected: expected.toString('base64'), threshold },
  );
  return {
    ...result,
    ...(result.diff !== undefined && { diff: Buffer.from(result.diff, 'base64') }),
  } as Comparison;
}
