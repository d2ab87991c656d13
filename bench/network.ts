/**
 * Network figures, in Node: the library (public entries only) against the mock Refold over real HTTP on
 * 127.0.0.1, React rendering into jsdom. Every `fetchToken` call is a real token fetch from a pretend backend
 * (`POST /api/v2/public/session-token` with the API key, as your backend would call Refold).
 *
 * Run by `npm run bench` in a child process (jsdom's globals stay out of the rest of the bench):
 * `node --import tsx bench/network.ts <results.json>`.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import type { FetchToken } from '../src/core/index.js';
import type { MockRefoldOptions } from '../src/testing/mock.js';
import { RATE_LIMIT_CALLS, RATE_LIMIT_FLOOR_MS, REFOLD_RATE_LIMIT } from './goals.js';
import { median } from './stats.js';

// React DOM and TanStack Query look for a browser when they load: give them jsdom's window first. Node's own
// fetch, AbortController, Event and timers stay (the library talks HTTP through Node's fetch).
const dom = new JSDOM('<!doctype html><html lang="en"><body></body></html>', {
  url: 'http://localhost/',
  pretendToBeVisual: true,
});
const globals = globalThis as unknown as Record<string, unknown>;
const windowProps = dom.window as unknown as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in globalThis)) globals[key] = windowProps[key];
}
globals['window'] = dom.window;
globals['document'] = dom.window.document;

const React = await import('react');
const { createRoot } = await import('react-dom/client');
const {
  AppList,
  RefoldProvider,
  useApplication,
  useApplications,
  useEnabledWorkflows,
  useExecutions,
  useLinkedAccount,
  useWorkflows,
} = await import('../src/index.js');
const { createRefoldClient } = await import('../src/core/index.js');
const { createMockRefold, mockApps } = await import('../src/testing/mock.js');
const { listenMockRefold } = await import('../src/testing/mock-refold/node.js');

// Every HTTP answer passes here (the library looks `fetch` up at each request): count the 429s it absorbs.
const nativeFetch = globalThis.fetch;
let answered429 = 0;
globalThis.fetch = async (input, init) => {
  const response = await nativeFetch(input, init);
  if (response.status === 429) answered429 += 1;
  return response;
};

const ACCOUNT = 'bench-customer';
const SESSION_TOKEN_PATH = '/api/v2/public/session-token';

/** A mock Refold on 127.0.0.1 and a pretend backend that counts the tokens it hands out. */
async function startMock(options: MockRefoldOptions = {}) {
  const mock = createMockRefold(options);
  const server = await listenMockRefold(mock);
  let tokenFetches = 0;
  answered429 = 0;
  /** What your backend does: mint a session token with the API key. */
  const mintOverHttp = async (signal?: AbortSignal) => {
    const response = await fetch(`${server.url}${SESSION_TOKEN_PATH}?force_refresh=true`, {
      method: 'POST',
      headers: { 'x-api-key': mock.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ linked_account_id: ACCOUNT }),
      ...(signal ? { signal } : {}),
    });
    const body = (await response.json()) as { token: string; expires_in: number };
    return { token: body.token, expiresIn: body.expires_in };
  };
  const fetchToken: FetchToken = async ({ signal }) => {
    tokenFetches += 1;
    return mintOverHttp(signal);
  };
  return {
    mock,
    server,
    fetchToken,
    mintOverHttp,
    get tokenFetches() {
      return tokenFetches;
    },
    /** API requests the mock received (the backend's token requests left out). */
    apiRequests: () => mock.requests.filter((r) => r.path !== SESSION_TOKEN_PATH && r.method !== 'OPTIONS'),
    /** 429 answers received (and absorbed by retries, unless a call failed). */
    get answered429() {
      return answered429;
    },
    reset() {
      tokenFetches = 0;
      answered429 = 0;
      mock.clearRequests();
    },
  };
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Renders `children` under a RefoldProvider in a fresh container. */
function mount(fetchToken: FetchToken, baseUrl: string, children: React.ReactNode) {
  const container = document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  const render = (node: React.ReactNode) =>
    root.render(React.createElement(RefoldProvider, { fetchToken, baseUrl }, node));
  render(children);
  return {
    container,
    render,
    unmount() {
      root.unmount();
      container.remove();
    },
  };
}

/** Twenty hooks (twenty different queries) mount in one render: how many token fetches? */
async function twentyHooks() {
  const env = await startMock();
  const slugs = mockApps.slice(0, 15).map((app) => app.slug);
  const settled = new Set<string>();
  const errors: string[] = [];
  function Probe({ name, use }: { name: string; use: () => { status: string; error: unknown } }) {
    const { status, error } = use();
    React.useEffect(() => {
      if (status === 'pending') return;
      settled.add(name);
      if (error) errors.push(`${name}: ${String(error)}`);
    }, [name, status, error]);
    return null;
  }
  const probes: [string, () => { status: string; error: unknown }][] = [
    ['useApplications', () => useApplications()],
    ['useLinkedAccount', () => useLinkedAccount()],
    ['useWorkflows', () => useWorkflows()],
    ['useEnabledWorkflows', () => useEnabledWorkflows()],
    ['useExecutions', () => useExecutions()],
    ...slugs.map((slug): [string, () => { status: string; error: unknown }] => [
      `useApplication(${slug})`,
      () => useApplication(slug),
    ]),
  ];
  const view = mount(
    env.fetchToken,
    env.server.url,
    probes.map(([name, use]) => React.createElement(Probe, { key: name, name, use })),
  );
  try {
    await waitUntil(() => settled.size === probes.length, 'twenty hooks to settle');
    return {
      hooks: probes.length,
      tokenFetches: env.tokenFetches,
      apiRequests: env.apiRequests().length,
      server429: env.answered429,
      errors,
    };
  } finally {
    view.unmount();
    await env.server.close();
  }
}

/** The first AppList: token fetches + API requests until its rows render; then a remount within stale time. */
async function appList() {
  const env = await startMock();
  const rows = (container: Element) => container.querySelectorAll('[role="option"]').length;
  const holder = mount(env.fetchToken, env.server.url, React.createElement(AppList));
  try {
    await waitUntil(() => rows(holder.container) > 0, 'the first app list to render');
    const cold = {
      tokenFetches: env.tokenFetches,
      apiRequests: env.apiRequests().length,
      server429: env.answered429,
    };
    // Within the stale time: unmount the list (the provider stays, as in an app), then mount it again.
    holder.render(null);
    await waitUntil(() => rows(holder.container) === 0, 'the list to unmount');
    env.reset();
    holder.render(React.createElement(AppList));
    await waitUntil(() => rows(holder.container) > 0, 'the remounted list to render');
    await sleep(1_000); // a refetch on mount would have left by now
    const warm = {
      tokenFetches: env.tokenFetches,
      apiRequests: env.apiRequests().length,
      server429: env.answered429,
    };
    return { cold, warm };
  } finally {
    holder.unmount();
    await env.server.close();
  }
}

/**
 * 50 calls start at once while the client holds an expired token. `expired`: its lifetime (1 s, known to the
 * client and to the server) has passed. `revoked`: the server refuses it (401) while the client still thinks
 * it valid, so every call meets a 401.
 */
async function fiftyConcurrent(kind: 'expired' | 'revoked') {
  const env = await startMock();
  let current: string | undefined;
  const fetchToken: FetchToken = async (context) => {
    if (kind === 'expired' && current === undefined) {
      current = env.mock.mintToken(ACCOUNT, { ttlSeconds: 1 });
      return { token: current, expiresIn: 1 };
    }
    const result = await env.fetchToken(context);
    current = typeof result === 'string' ? result : result.token;
    return result;
  };
  const client = createRefoldClient({ fetchToken, baseUrl: env.server.url });
  try {
    await client.applications.list();
    if (kind === 'expired') await sleep(1_200);
    else if (current) env.mock.revokeToken(current);
    env.reset();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => client.applications.list()));
    const failed = results.filter((r) => r.status === 'rejected');
    return {
      tokenFetches: env.tokenFetches,
      server429: env.answered429,
      failedCalls: failed.length,
      ...(failed[0]?.status === 'rejected' ? { firstFailure: String(failed[0].reason) } : {}),
    };
  } finally {
    await env.server.close();
  }
}

/** 100 calls at once against the mock's 20 rps / burst 5: 429s that reach callers, and the time taken. */
async function rateLimitRun() {
  const env = await startMock({ rateLimit: { ...REFOLD_RATE_LIMIT } });
  const token = await env.mintOverHttp();
  const client = createRefoldClient({
    fetchToken: async () => token,
    baseUrl: env.server.url,
  });
  try {
    const start = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: RATE_LIMIT_CALLS }, () => client.applications.list()),
    );
    const totalMs = Math.round((performance.now() - start) * 10) / 10;
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    const is429 = (reason: unknown) =>
      typeof reason === 'object' &&
      reason !== null &&
      ((reason as { code?: unknown }).code === 'rate_limited' ||
        (reason as { status?: unknown }).status === 429);
    return {
      totalMs,
      surfaced429: reasons.filter(is429).length,
      otherFailures: reasons.filter((r) => !is429(r)).length,
      server429: env.answered429,
    };
  } finally {
    await env.server.close();
  }
}

const RATE_LIMIT_RUNS = 3;

async function figures() {
  const hooks = await twentyHooks();
  const list = await appList();
  const expired = await fiftyConcurrent('expired');
  const revoked = await fiftyConcurrent('revoked');
  const runs = [];
  for (let i = 0; i < RATE_LIMIT_RUNS; i++) runs.push(await rateLimitRun());
  return {
    tokenFetches: { twentyHooks: hooks.tokenFetches, twentyHooksDetail: hooks },
    requests: {
      coldFirstList: list.cold.tokenFetches + list.cold.apiRequests,
      warmRemount: list.warm.tokenFetches + list.warm.apiRequests,
      detail: list,
    },
    refresh: {
      fiftyConcurrentExpired: expired.tokenFetches,
      fiftyConcurrentRevoked: revoked.tokenFetches,
      detail: { expired, revoked },
    },
    rateLimit: {
      surfaced429: Math.max(...runs.map((r) => r.surfaced429)),
      totalMs: median(runs.map((r) => r.totalMs)),
      limitMs: RATE_LIMIT_FLOOR_MS,
      runs: RATE_LIMIT_RUNS,
      calls: RATE_LIMIT_CALLS,
      limit: REFOLD_RATE_LIMIT,
      detail: runs,
    },
  };
}

/** What bench/network.ts writes. */
export type NetworkFigures = Awaited<ReturnType<typeof figures>>;

const out = process.argv[2];
if (!out) throw new Error('usage: node --import tsx bench/network.ts <out.json>');
writeFileSync(out, JSON.stringify(await figures(), null, 2));
// jsdom and React may keep handles (timers of TanStack Query's cache) open: the figures are written.
process.exit(0);
