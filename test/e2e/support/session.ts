/**
 * Helpers of the end-to-end tests: the demo on free ports, Chromium, and a recorder of everything the
 * browser session does (requests of every page and popup, console, session tokens handed out).
 */
import type { BrowserContext, Locator, Page } from 'playwright';
import { expect, inject } from 'vitest';
import { startDemo } from '../../../demo/server/index.js';
import type { RunningDemo, StartDemoOptions } from '../../../demo/server/index.js';
import { shown } from './browser.js';

export { launchChromium, shown } from './browser.js';

/** The demo (built by the global setup) with its embedded mock, both on free ports; problems go to `log`. */
export async function runDemo(
  options: Partial<StartDemoOptions> = {},
): Promise<RunningDemo & { log: string[] }> {
  const log: string[] = [];
  const demo = await startDemo({
    staticDir: inject('demoDist'),
    port: 0,
    mockPort: 0,
    log: (line) => log.push(line),
    ...options,
  });
  return Object.assign(demo, { log });
}

/** Waits for `locator`'s text to match. */
export async function hasText(locator: Locator, expected: RegExp | string, timeout = 10_000): Promise<void> {
  await shown(locator, timeout);
  const matcher =
    typeof expected === 'string' ? expect.stringContaining(expected) : expect.stringMatching(expected);
  await expect.poll(async () => (await locator.textContent()) ?? '', { timeout }).toEqual(matcher);
}

/** One request the browser made. */
export interface SeenRequest {
  method: string;
  url: string;
  /** Every header, names in lower case (cookies included). */
  headers: Record<string, string>;
  body: string | null;
}

/** What a browser context did: its requests (popups included), console lines and the tokens it was given. */
export interface SessionRecord {
  requests: SeenRequest[];
  console: string[];
  /** Every session token the demo backend handed to the page. */
  tokens: Set<string>;
  /** Bodies of the backend's session answers, as JSON. */
  sessionAnswers: unknown[];
  /** Waits for the records of everything seen so far. */
  settled(): Promise<void>;
}

/** Starts recording `context` (call before opening pages). */
export function recordSession(context: BrowserContext): SessionRecord {
  const record: SessionRecord = {
    requests: [],
    console: [],
    tokens: new Set(),
    sessionAnswers: [],
    settled: async () => {
      while (pending.length > 0) await Promise.all(pending.splice(0));
    },
  };
  const pending: Promise<unknown>[] = [];
  context.on('request', (request) => {
    const seen = { method: request.method(), url: request.url(), body: request.postData() };
    pending.push(
      request.allHeaders().then(
        (headers) => record.requests.push({ ...seen, headers }),
        () => record.requests.push({ ...seen, headers: request.headers() }),
      ),
    );
  });
  context.on('response', (response) => {
    if (new URL(response.url()).pathname !== '/api/refold/session' || !response.ok()) return;
    pending.push(
      response.json().then(
        (body: { token?: string }) => {
          record.sessionAnswers.push(body);
          if (body.token) record.tokens.add(body.token);
        },
        () => undefined,
      ),
    );
  });
  context.on('console', (message) => record.console.push(`${message.type()}: ${message.text()}`));
  context.on('weberror', (error) => record.console.push(`page error: ${error.error().message}`));
  return record;
}

/**
 * Everything the page keeps on the client, as one string: localStorage, sessionStorage, the cookies the page
 * can read, the names and every record of every IndexedDB database, and the Cache Storage entries.
 */
export async function clientStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: unknown[] = [{ ...localStorage }, { ...sessionStorage }, document.cookie];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of db.objectStoreNames) {
        const all = db.transaction(store).objectStore(store).getAll();
        dump.push(
          info.name,
          store,
          await new Promise((resolve) => (all.onsuccess = () => resolve(all.result))),
        );
      }
      db.close();
    }
    for (const name of await caches.keys())
      dump.push(
        name,
        (await (await caches.open(name)).keys()).map((r) => r.url),
      );
    return JSON.stringify(dump);
  });
}

/** The `linked_account_id` inside a session token (a JWT), or `undefined` for an opaque one. */
export function linkedAccountOf(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    return typeof claims['linked_account_id'] === 'string' ? claims['linked_account_id'] : undefined;
  } catch {
    return undefined;
  }
}
