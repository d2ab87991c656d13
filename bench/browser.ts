/**
 * Browser figures, in headless Chromium (Debian's, or Playwright's own: test/browser-setup/chromium.ts): the
 * bench page (browser/page.tsx, bundled with Vite in production mode) served with mock Refolds on its own
 * origin. `/n1000/…` and `/n10000/…` are mocks with 1,000 and 10,000 generated apps; the rest is a mock with
 * the testing kit's fixture apps. Each mock has a pretend backend at `…/backend/session-token`.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import type { Browser, Page } from 'playwright';
import { createMockRefold } from '../src/testing/mock.js';
import type { MockApp, MockRefold } from '../src/testing/mock.js';
import { chromiumLaunchOptions } from '../test/browser-setup/chromium.js';
import { servePage } from '../test/browser-setup/popup-blocking.js';
import type { ListKind, LiveTimers, MemoryBench, RenderBench } from './browser/protocol.js';
import { summary } from './stats.js';

const ACCOUNT = 'bench-customer';
const SIZES = [1_000, 10_000] as const;
/** Mounts measured per list and size (after {@link WARMUP} unmeasured ones). */
export const MOUNT_RUNS = 15;
/** Keystrokes measured per list and size (after {@link WARMUP} unmeasured ones). */
export const KEYSTROKE_RUNS = 21;
/** OAuth connections measured. */
export const OAUTH_RUNS = 9;
/** ConnectDialog mount/unmount cycles between the two heap measures (after {@link DIALOG_WARMUP} others). */
export const DIALOG_CYCLES = 200;
/** ConnectDialog cycles before the first heap measure. */
export const DIALOG_WARMUP = 20;
const WARMUP = 3;

// ---------------------------------------------------------------------------------------------------------
// Generated catalogs

/** A small deterministic PRNG (mulberry32), so every run lists the same apps. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['al', 'bo', 'cu', 'da', 'fe', 'gi', 'ho', 'ju', 'ka', 'le', 'mi', 'no', 'pa', 'qui', 're'];
const MORE = ['sy', 'ta', 'vo', 'wu', 'xe', 'yo', 'zi', 'ly', 'brix', 'flow', 'desk', 'hub', 'io'];
const TAGS = ['CRM', 'Support', 'Finance', 'Marketing', 'Productivity', 'Developer tools', 'Communication'];

/** `count` OAuth apps with realistic names, descriptions and tags; icons served by the mock under `prefix`. */
function catalog(count: number, prefix: string): MockApp[] {
  const next = random(count);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const word = () => {
    const text = pick(SYLLABLES) + pick(SYLLABLES) + pick(MORE);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  return Array.from({ length: count }, (_, index) => {
    const name = next() < 0.5 ? word() : `${word()} ${word()}`;
    const slug = `${name.toLowerCase().replace(/\s+/g, '-')}-${index}`;
    const tags = next() < 0.3 ? [pick(TAGS), pick(TAGS)] : [pick(TAGS)];
    return {
      app_id: `bench${index.toString(16).padStart(19, '0')}`,
      name,
      slug,
      description: `Sync records with ${name}.`,
      icon: `${prefix}/mock-assets/icons/${slug}.svg`,
      tags: [...new Set(tags)],
      kind: 'native',
      auth_type_options: { oauth2: [] },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Server: the page, the mocks under their prefixes, and a pretend backend per mock

function route(mocks: ReadonlyMap<string, MockRefold>) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const prefix = [...mocks.keys()].find((p) => p !== '' && url.pathname.startsWith(`${p}/`)) ?? '';
    const mock = mocks.get(prefix);
    if (!mock) return new Response('Not found', { status: 404 });
    url.pathname = url.pathname.slice(prefix.length);
    if (url.pathname === '/backend/session-token') {
      return Response.json({ token: mock.mintToken(ACCOUNT), expiresIn: 3600 });
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    return mock.handler(
      new Request(url, {
        method: request.method,
        headers: request.headers,
        ...(hasBody ? { body: await request.arrayBuffer() } : {}),
      }),
    );
  };
}

// ---------------------------------------------------------------------------------------------------------
// Scenarios

type Bench<T> = { bench: T };

/** `window.bench` of a render page, called from Node. */
function renderBench(page: Page): {
  [K in keyof RenderBench]: (
    ...args: Parameters<RenderBench[K]>
  ) => Promise<Awaited<ReturnType<RenderBench[K]>>>;
} {
  return {
    load: () => page.evaluate(() => (window as unknown as Bench<RenderBench>).bench.load()),
    letters: () => page.evaluate(() => (window as unknown as Bench<RenderBench>).bench.letters()),
    mount: (kind) => page.evaluate((k) => (window as unknown as Bench<RenderBench>).bench.mount(k), kind),
    unmount: () => page.evaluate(() => (window as unknown as Bench<RenderBench>).bench.unmount()),
    arm: (letter) => page.evaluate((l) => (window as unknown as Bench<RenderBench>).bench.arm(l), letter),
    keystroke: () => page.evaluate(() => (window as unknown as Bench<RenderBench>).bench.keystroke()),
    clear: () => page.evaluate(() => (window as unknown as Bench<RenderBench>).bench.clear()),
  };
}

/** A timing repeated `runs` times, in ms. */
export type Timing = ReturnType<typeof summary>;

/** Render figures of one catalog size. */
export interface ListFigures {
  appList: { mountMs: Timing; keystrokeMs: Timing };
  baseline: { mountMs: Timing; keystrokeMs: Timing };
  /** AppList's median over the plain list's. */
  ratio: { mount: number; keystroke: number };
  /** How many apps each measured keystroke left in the list. */
  matchesPerKeystroke: Timing;
}

async function renderFigures(browser: Browser, origin: string) {
  const results: Record<string, ListFigures> = {};
  for (const size of SIZES) {
    const page = await browser.newPage();
    await page.goto(`${origin}/?scenario=render&base=/n${size}`);
    await page.waitForFunction(() => 'bench' in window);
    const bench = renderBench(page);
    const loaded = await bench.load();
    if (loaded !== size) throw new Error(`the page loaded ${loaded} apps, expected ${size}`);
    const letters = await bench.letters();
    if (letters.length === 0) throw new Error('no letter matches some apps but not all');

    const figures: Record<ListKind, { mountMs: number[]; keystrokeMs: number[]; matches: number[] }> = {
      appList: { mountMs: [], keystrokeMs: [], matches: [] },
      baseline: { mountMs: [], keystrokeMs: [], matches: [] },
    };
    // Mounts, the two lists taking turns.
    for (let run = 0; run < WARMUP + MOUNT_RUNS; run++) {
      for (const kind of ['appList', 'baseline'] as const) {
        const ms = await bench.mount(kind);
        if (run >= WARMUP) figures[kind].mountMs.push(ms);
        await bench.unmount();
      }
    }
    // Keystrokes: one letter typed into the empty search, then the search emptied again (not measured).
    for (const kind of ['appList', 'baseline'] as const) {
      await bench.mount(kind);
      for (let run = 0; run < WARMUP + KEYSTROKE_RUNS; run++) {
        const { letter } = letters[run % letters.length] ?? { letter: 'a' };
        const matches = await bench.arm(letter);
        await page.keyboard.press(letter);
        const ms = await bench.keystroke();
        if (run >= WARMUP) {
          figures[kind].keystrokeMs.push(ms);
          figures[kind].matches.push(matches);
        }
        await bench.clear();
      }
      await bench.unmount();
    }
    await page.close();

    const appList = {
      mountMs: summary(figures.appList.mountMs),
      keystrokeMs: summary(figures.appList.keystrokeMs),
    };
    const baseline = {
      mountMs: summary(figures.baseline.mountMs),
      keystrokeMs: summary(figures.baseline.keystrokeMs),
    };
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    results[String(size)] = {
      appList,
      baseline,
      ratio: {
        mount: ratio(appList.mountMs.median, baseline.mountMs.median),
        keystroke: ratio(appList.keystrokeMs.median, baseline.keystrokeMs.median),
      },
      matchesPerKeystroke: summary(figures.appList.matches),
    };
  }
  return results;
}

async function oauthFigures(browser: Browser, origin: string, mock: MockRefold, slug: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const times: number[] = [];
  const stamp = (page: Page, prefix: string) =>
    page
      .waitForEvent('console', { predicate: (m) => m.text().startsWith(prefix), timeout: 60_000 })
      .then((m) => Number(m.text().slice(prefix.length)));
  try {
    for (let run = 0; run < OAUTH_RUNS; run++) {
      mock.account(ACCOUNT).disconnect(slug);
      await page.goto(`${origin}/?scenario=oauth&slug=${encodeURIComponent(slug)}`);
      await page.locator('[data-status="idle"]:not([data-loading])').waitFor();
      const opened = page.waitForEvent('popup');
      await page.getByRole('button', { name: /connect/i }).click();
      const popup = await opened;
      await popup.waitForURL(/\/mock-oauth\/authorize/);
      const allow = popup.getByRole('button', { name: 'Allow' });
      await allow.waitFor();
      await popup.evaluate(() =>
        document.addEventListener(
          'click',
          () => console.log(`bench: allow ${performance.timeOrigin + performance.now()}`),
          { capture: true },
        ),
      );
      const allowedAt = stamp(popup, 'bench: allow ');
      const connectedAt = stamp(page, 'bench: connected ');
      await allow.click();
      times.push((await connectedAt) - (await allowedAt));
      if (!popup.isClosed()) await popup.close();
    }
  } finally {
    await context.close();
  }
  return summary(times);
}

const TIMER_TRACKER = `(() => {
  const live = new Map();
  const { setTimeout: set, setInterval: every, clearTimeout: clear, clearInterval: stop } = window;
  window.setTimeout = function (handler, delay, ...args) {
    const run = typeof handler === 'function' ? function (...a) { live.delete(id); return handler.apply(this, a); } : handler;
    const id = set.call(window, run, delay, ...args);
    live.set(id, String(Math.round(Number(delay) || 0)));
    return id;
  };
  window.setInterval = function (handler, delay, ...args) {
    const id = every.call(window, handler, delay, ...args);
    live.set(id, Math.round(Number(delay) || 0) + 'i');
    return id;
  };
  window.clearTimeout = function (id) { live.delete(id); return clear.call(window, id); };
  window.clearInterval = function (id) { live.delete(id); return stop.call(window, id); };
  window.__benchTimers = () => ({
    count: live.size,
    delays: [...live.values()].sort((a, b) => parseFloat(a) - parseFloat(b)),
  });
})();`;

async function memoryFigures(browser: Browser, origin: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.addInitScript(TIMER_TRACKER);
    await page.goto(`${origin}/?scenario=memory`);
    await page.waitForFunction(() => 'bench' in window);
    const cdp = await context.newCDPSession(page);
    const cycles = (count: number) =>
      page.evaluate((n) => (window as unknown as Bench<MemoryBench>).bench.cycles(n), count);
    const settle = async () => {
      await page.waitForTimeout(1_000); // short timers (debounces, animations) fire; what is left, stays
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const timers = await page.evaluate(() =>
        (window as unknown as { __benchTimers: () => LiveTimers }).__benchTimers(),
      );
      return { heapUsed: heap.usedSize, timers };
    };
    // The first cycles pay for one-time work (compiled code, lazy caches): measure from cycle 21, and say
    // what the first 20 added too.
    await cycles(WARMUP);
    const early = await settle();
    await cycles(DIALOG_WARMUP - WARMUP);
    const before = await settle();
    const start = performance.now();
    await cycles(DIALOG_CYCLES);
    const cyclesMs = performance.now() - start;
    const after = await settle();
    return {
      cycles: DIALOG_CYCLES,
      warmupCycles: DIALOG_WARMUP,
      heapGrowthBytes: after.heapUsed - before.heapUsed,
      heapGrowthFromCycle4Bytes: after.heapUsed - early.heapUsed,
      heapBeforeBytes: before.heapUsed,
      heapAfterBytes: after.heapUsed,
      timersLeft: after.timers.count - before.timers.count,
      liveTimersBefore: before.timers,
      liveTimersAfter: after.timers,
      msPerCycle: Math.round((cyclesMs / DIALOG_CYCLES) * 10) / 10,
    };
  } finally {
    await context.close();
  }
}

/** Runs the browser figures: `render.appList`, `oauth`, `memory.dialogCycles`. */
export async function browserFigures() {
  const fixtures = createMockRefold();
  const mocks = new Map<string, MockRefold>([['', fixtures]]);
  for (const size of SIZES) {
    mocks.set(`/n${size}`, createMockRefold({ apps: catalog(size, `/n${size}`) }));
  }
  const served = await servePage({
    entry: fileURLToPath(new URL('./browser/page.tsx', import.meta.url)),
    mode: 'production',
    handler: route(mocks),
  });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const appList = await renderFigures(browser, served.origin);
    const connectedAfterMs = await oauthFigures(browser, served.origin, fixtures, 'slack');
    const dialogCycles = await memoryFigures(browser, served.origin);
    return {
      browser: `Chromium ${browser.version()}`,
      render: { appList },
      oauth: { connectedAfterMs },
      memory: { dialogCycles },
    };
  } finally {
    await browser.close();
    await served.close();
  }
}
