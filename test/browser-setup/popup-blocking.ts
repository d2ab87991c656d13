/**
 * Chromium with its popup blocker ON, driven from Node, for tests of what real users get when a popup opens
 * late. Playwright launches Chromium with `--disable-popup-blocking` by default (and so does Vitest's
 * browser mode), so a popup is never blocked there; this helper drops that flag.
 *
 * Measured in headless Chromium 156: `window.open` in a click is allowed; after an `await` it is still
 * allowed for about 5 s after the click (transient user activation), and blocked (`null`) after that.
 *
 * **Do not touch the page while it waits.** Playwright runs `page.evaluate`, `locator.textContent()`,
 * `expect.poll(() => locator…)` and the like *with a user gesture*, which renews the page's activation, so a
 * popup that should be blocked opens. Between the click and the popup, only wait for events: `popup`, or the
 * page's own report through the console ({@link waitForConsole}).
 *
 * @example Load the library in the page: an entry bundled with Vite, the mock Refold on the same origin.
 * ```ts
 * const mock = createMockRefold();
 * const session = await openWithPopupBlocker({
 *   entry: fileURLToPath(new URL('./connect-page.tsx', import.meta.url)), // see fixtures/library-page.tsx
 *   mock, // answers /api/… and /mock-oauth/…, plus the pretend backend's /backend/session-token?delayMs=N
 * });
 * try {
 *   await session.page.goto(`${session.url}?tokenDelayMs=6000`); // the entry reads its options from the URL
 *   const popup = session.page.waitForEvent('popup', { timeout: 20_000 });
 *   await session.page.getByRole('button', { name: 'Connect Slack' }).click();
 *   expect((await popup).url()).toContain('/mock-oauth/authorize'); // no page.evaluate before this line
 *   // or, when the page reports itself (`console.log('connect: blocked')` in the entry):
 *   // expect(await waitForConsole(session.page, 'connect: ')).toBe('blocked');
 * } finally {
 *   await session.close();
 * }
 * ```
 *
 * Node only.
 *
 * @module
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import type { Browser, BrowserContext, LaunchOptions, Page } from 'playwright';
import { build } from 'vite';
import type { Rolldown } from 'vite';
import type { MockRefold } from '../../src/testing/mock-refold/types.js';
import { chromiumLaunchOptions } from './chromium.js';

/** Launches headless Chromium (the same one as the browser projects) with its popup blocker on. */
export function launchWithPopupBlocker(options: LaunchOptions = {}): Promise<Browser> {
  const defaults = chromiumLaunchOptions();
  return chromium.launch({
    ...defaults,
    ...options,
    args: [...defaults.args, ...(options.args ?? [])],
    ignoreDefaultArgs: ['--disable-popup-blocking'],
  });
}

/** Files of a bundle, by path (`/entry.js`, `/assets/…`). */
export type BundledFiles = Map<string, { contentType: string; body: string | Uint8Array }>;

/**
 * Bundles a browser entry (TS/TSX; may import React, `src/…`, MSW …) with Vite into memory: `/entry.js` and
 * its chunks. `mode` picks React's development or production build.
 */
export async function bundleEntry(
  entry: string,
  mode: 'development' | 'production' = 'development',
): Promise<BundledFiles> {
  const result = await build({
    configFile: false,
    root: fileURLToPath(new URL('../..', import.meta.url)),
    publicDir: false,
    logLevel: 'warn',
    mode,
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    build: {
      write: false,
      minify: false,
      sourcemap: 'inline',
      target: 'es2022',
      modulePreload: false,
      lib: { entry, formats: ['es'], fileName: () => 'entry.js' },
      rolldownOptions: {
        // Dependencies' 'use client' directives mean nothing in a test page.
        onLog(level, log, handler) {
          if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
        },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files: BundledFiles = new Map();
  for (const item of outputs.flatMap((o) => o.output)) {
    const contentType = item.fileName.endsWith('.js')
      ? 'text/javascript; charset=utf-8'
      : item.fileName.endsWith('.css')
        ? 'text/css; charset=utf-8'
        : 'application/octet-stream';
    files.set(`/${item.fileName}`, { contentType, body: item.type === 'chunk' ? item.code : item.source });
  }
  return files;
}

/** Options of {@link servePage}. */
export interface ServePageOptions {
  /**
   * The document at `/` (and `/index.html`). A whole document, or a body fragment wrapped in a minimal one.
   * With `entry`, `<script type="module" src="/entry.js">` is added. @default an empty page
   */
  html?: string;
  /** A module bundled with {@link bundleEntry} and loaded by the page. */
  entry?: string;
  /** `mode` of {@link bundleEntry}. @default 'development' */
  mode?: 'development' | 'production';
  /** Serve `public/mockServiceWorker.js` too, for an entry that starts MSW's worker. @default false */
  mswWorker?: boolean;
  /**
   * A mock Refold served on the page's own origin (so the page uses `baseUrl: location.origin`), with a
   * pretend backend beside it: `GET /backend/session-token?delayMs=N` answers `{ token, expiresIn }` for
   * `linkedAccountId` after N ms, as your backend would (a slow one with N > 5000).
   */
  mock?: MockRefold;
  /** Linked account of the pretend backend's tokens. @default 'test-customer' */
  linkedAccountId?: string;
  /** Answers every other request (after `mock`'s routes); else 404. */
  handler?: (request: Request) => Response | Promise<Response>;
}

/** A page served on `http://127.0.0.1:<port>`. */
export interface ServedPage {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

function documentOf(html: string, withEntry: boolean): string {
  const script = withEntry ? '<script type="module" src="/entry.js"></script>' : '';
  if (/<html[\s>]/i.test(html)) return withEntry ? html.replace(/<\/body>/i, `${script}</body>`) : html;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title></head><body>${html}${script}</body></html>`;
}

function toRequest(incoming: IncomingMessage, body: Buffer, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || ['connection', 'keep-alive', 'transfer-encoding', 'host'].includes(name))
      continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = (incoming.method ?? 'GET').toUpperCase();
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD' && body.length > 0) init.body = new Uint8Array(body);
  return new Request(new URL(incoming.url ?? '/', origin), init);
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'transfer-encoding') headers[name] = value;
  });
  const body = response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

function routeOf(options: ServePageOptions): ((request: Request) => Promise<Response>) | undefined {
  const { mock, handler, linkedAccountId = 'test-customer' } = options;
  if (!mock) return handler && (async (request) => handler(request));
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/backend/session-token') {
      // A real delay on purpose: a slow backend must outlast the browser's user activation (~5 s).
      await new Promise((resolve) => setTimeout(resolve, Number(url.searchParams.get('delayMs') ?? 0)));
      return Response.json({ token: mock.mintToken(linkedAccountId), expiresIn: 3600 });
    }
    const response = await mock.handler(request);
    return response.status === 404 && handler ? handler(request) : response;
  };
}

/** Serves a page (and its bundled entry) on 127.0.0.1 with a free port. */
export async function servePage(options: ServePageOptions = {}): Promise<ServedPage> {
  const files: BundledFiles = options.entry ? await bundleEntry(options.entry, options.mode) : new Map();
  const page = documentOf(options.html ?? '', options.entry !== undefined);
  files.set('/', { contentType: 'text/html; charset=utf-8', body: page });
  files.set('/index.html', { contentType: 'text/html; charset=utf-8', body: page });
  if (options.mswWorker) {
    const worker = await readFile(new URL('../../public/mockServiceWorker.js', import.meta.url), 'utf8');
    files.set('/mockServiceWorker.js', { contentType: 'text/javascript; charset=utf-8', body: worker });
  }
  let origin = '';
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const path = new URL(incoming.url ?? '/', 'http://localhost').pathname;
      const file = incoming.method === 'GET' || incoming.method === 'HEAD' ? files.get(path) : undefined;
      if (file) {
        outgoing.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-store' });
        outgoing.end(incoming.method === 'HEAD' ? undefined : file.body);
        return;
      }
      const handler = routeOf(options);
      if (!handler) {
        outgoing.writeHead(404, { 'content-type': 'text/plain' });
        outgoing.end('Not found');
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      await send(await handler(toRequest(incoming, Buffer.concat(chunks), origin)), outgoing);
    })().catch(() => {
      // A handler's network fault (or any failure): the client sees a reset connection.
      incoming.socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Waits for the page's next console message starting with `prefix` and answers the rest of it. Listening to
 * events never acts on the page, so, unlike `page.evaluate` or locator queries, it grants no user activation.
 * Call it (without awaiting) before the click that leads to the message.
 */
export async function waitForConsole(page: Page, prefix: string, timeout = 30_000): Promise<string> {
  const message = await page.waitForEvent('console', {
    predicate: (m) => m.text().startsWith(prefix),
    timeout,
  });
  return message.text().slice(prefix.length);
}

/** A served page and a Chromium with its popup blocker on, not yet navigated. */
export interface PopupBlockingSession extends ServedPage {
  browser: Browser;
  context: BrowserContext;
  /** A fresh page; `goto(session.url)` to load the served one. */
  page: Page;
  /** Closes the browser and the server. */
  close(): Promise<void>;
}

/** {@link servePage} + {@link launchWithPopupBlocker} + a new page. Always `close()` it (in `finally`/`afterAll`). */
export async function openWithPopupBlocker(
  options: ServePageOptions & { launch?: LaunchOptions } = {},
): Promise<PopupBlockingSession> {
  const served = await servePage(options);
  let browser: Browser | undefined;
  try {
    browser = await launchWithPopupBlocker(options.launch);
    const context = await browser.newContext();
    const page = await context.newPage();
    const opened = browser;
    return {
      ...served,
      browser: opened,
      context,
      page,
      close: async () => {
        await opened.close();
        await served.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await served.close();
    throw error;
  }
}
