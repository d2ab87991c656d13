import { afterAll, afterEach, beforeAll } from 'vitest';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';
import { listenMockRefold } from '../../src/testing/mock-refold/node.js';
import type { MockRefold, MockRefoldOptions } from '../../src/testing/mock-refold/index.js';

/** Start of the mock clock in every test. */
export const START = Date.UTC(2026, 0, 15, 12, 0, 0);

/** What `call` answers. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (undefined when the body is not JSON). */
  json: unknown;
}

/** A JSON object from an answer (fails the test when it is not one). */
export function obj(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

/** A JSON array from an answer (fails the test when it is not one). */
export function arr(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) throw new Error(`expected a JSON array, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>[];
}

export interface CallInit {
  method?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not move the clock before this call (default: +100 ms, so tests stay under the rate limit). */
  instant?: boolean;
}

/**
 * A mock Refold on a random localhost port with a controllable clock, reset after each test.
 */
export function useMockServer(options: MockRefoldOptions = {}) {
  const clock = { now: START };
  const mock: MockRefold = createMockRefold({ now: () => clock.now, ...options });
  const server = { url: '' };
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const listening = await listenMockRefold(mock, { port: 0 });
    server.url = listening.url;
    close = listening.close;
  });
  afterEach(() => {
    mock.reset();
    clock.now = START;
  });
  afterAll(async () => close?.());

  async function call(path: string, init: CallInit = {}): Promise<Answer> {
    if (init.instant !== true) clock.now += 100;
    const headers: Record<string, string> = { ...init.headers };
    if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${server.url}${path}`, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: init.signal,
      redirect: 'manual',
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  /** Mint a session token over HTTP, as the app's backend would. */
  async function sessionToken(linkedAccountId = 'customer-a', query = ''): Promise<Record<string, unknown>> {
    const answer = await call(`/api/v2/public/session-token${query}`, {
      method: 'POST',
      headers: { 'x-api-key': mock.apiKey },
      body: { linked_account_id: linkedAccountId },
    });
    if (answer.status !== 200) throw new Error(`session-token answered ${answer.status}: ${answer.text}`);
    return obj(answer.json);
  }

  /** A session token minted over HTTP. */
  async function token(linkedAccountId = 'customer-a'): Promise<string> {
    const body = await sessionToken(linkedAccountId, '?force_refresh=true');
    return String(body['token']);
  }

  return { mock, server, clock, call, sessionToken, token };
}

/** The payload of a JWT-shaped token. */
export function jwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  return obj(JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
}
