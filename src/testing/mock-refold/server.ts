/**
 * `createMockRefold()`: an in-memory Refold answering the linked-account routes of `refold-api.md` with the
 * same shapes, error bodies, auth rules, token expiry and rate limit as the real service, plus a fake OAuth
 * provider, a hosted connect page, fixture icons, request recording, holds and fault injection.
 *
 * This module composes the parts: one shared state (`state.ts`), one module of routes per resource
 * (`resources/`: session, apps, configs, workflows, executions, events, hosted), the steering around them
 * (`control.ts`: recording, holds, faults, rate limit) and the request pipeline ({@link handle}).
 *
 * Runs anywhere `fetch` types exist (browsers, Node, MSW): no Node imports here.
 *
 * @module
 */
import { accountView } from './account-view.js';
import {
  addHold,
  faultResponse,
  injectFault,
  rateLimitAnswer,
  recordRequest,
  takeFault,
  waitWhileHeld,
} from './control.js';
import { CORS_HEADERS, HttpError, PREFLIGHT_HEADERS, apiError, sleep } from './http.js';
import { appRoutes, finishOAuth, settleAutoOAuth } from './resources/apps.js';
import { configRoutes } from './resources/configs.js';
import { eventRoutes } from './resources/events.js';
import { executionRoutes } from './resources/executions.js';
import { hostedRoutes } from './resources/hosted.js';
import { createHumanTask, currentTask, humanTaskRoutes } from './resources/human-tasks.js';
import { mcpServerRoutes } from './resources/mcp-servers.js';
import { runControlRoutes } from './resources/run-controls.js';
import { variableRoutes } from './resources/variables.js';
import { authenticate, mint, sessionRoutes } from './resources/session.js';
import { workflowRoutes } from './resources/workflows.js';
import { createRouter, readBody } from './routing.js';
import type { RequestContext } from './routing.js';
import { createState, emptyAccount, resetState } from './state.js';
import type { MockState } from './state.js';
import type { MintTokenOptions, MockRefold, MockRefoldOptions, RecordedRequest } from './types.js';

/**
 * Create an in-memory Refold. Mount it with `mockRefoldHandlers` (MSW) or `listenMockRefold` (Node), or call
 * `mock.handler(request)` directly.
 *
 * @example
 * ```ts
 * const mock = createMockRefold({ now: () => clock });
 * const token = mock.mintToken('customer-1');
 * const res = await mock.handler(new Request('https://app.refold.ai/api/v2/f-sdk/application', {
 *   headers: { authorization: `Bearer ${token}` },
 * }));
 * ```
 */
export function createMockRefold(options: MockRefoldOptions = {}): MockRefold {
  const state = createState(options);
  const router = createRouter();
  for (const resource of [
    sessionRoutes,
    appRoutes,
    configRoutes,
    workflowRoutes,
    executionRoutes,
    eventRoutes,
    hostedRoutes,
    runControlRoutes,
    variableRoutes,
    mcpServerRoutes,
    humanTaskRoutes,
  ]) {
    resource(state, router.route);
  }
  // Page routes have no account; a shared placeholder keeps the context type simple and is never stored.
  const placeholder = emptyAccount();

  /**
   * One request, in order: recorded; held while a hold keeps it; refused if malformed; answered by an
   * injected fault; else routed, authenticated, rate-limited and handled.
   */
  async function handle(request: Request): Promise<Response> {
    settleAutoOAuth(state);
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const path = url.pathname;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    const text = method === 'GET' || method === 'HEAD' ? '' : await request.text();
    const { body, invalidJson } = readBody(text, headers['content-type'] ?? '');
    const query: Record<string, string> = {};
    url.searchParams.forEach((value, key) => {
      query[key] = value;
    });
    const entry: RecordedRequest = {
      method,
      path,
      url: url.href,
      query,
      headers,
      body: structuredClone(body),
      at: state.settings.now(),
    };
    await waitWhileHeld(state, recordRequest(state, entry));

    // What the real API refuses before any route runs: an empty path segment, a JSON body sent without a
    // JSON content type.
    if (method !== 'OPTIONS' && path.includes('//')) {
      return apiError(400, 'BAD_REQUEST', `Empty path segment in ${path}`);
    }
    if (path.startsWith('/api/') && text !== '' && !(headers['content-type'] ?? '').includes('json')) {
      return apiError(400, 'BAD_REQUEST', 'A request body needs content-type: application/json');
    }

    const fault = takeFault(state, method, path);
    let extraHeaders: Record<string, string> = {};
    if (fault !== undefined) {
      if (fault.delayMs !== undefined && fault.delayMs > 0) await sleep(fault.delayMs, request.signal);
      if (fault.kind === 'network') throw new TypeError('fetch failed');
      const answer = faultResponse(fault);
      if (answer !== undefined) return answer;
      extraHeaders = fault.headers ?? {};
    }
    const response = await route(request, url, method, headers, body, invalidJson);
    for (const [key, value] of Object.entries(extraHeaders)) response.headers.set(key, value);
    return response;
  }

  async function route(
    request: Request,
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: unknown,
    invalidJson: boolean,
  ): Promise<Response> {
    if (method === 'OPTIONS')
      return new Response(null, { status: 204, headers: { ...CORS_HEADERS, ...PREFLIGHT_HEADERS } });
    const matched = router.match(method, url.pathname);
    if (matched === undefined) return apiError(404, 'NOT_FOUND', `Cannot ${method} ${url.pathname}`);
    const caller = authenticate(state, matched.route.auth, headers);
    if (caller instanceof Response) return caller;
    if (caller.limitKey !== undefined) {
      const limited = rateLimitAnswer(state, caller.limitKey);
      if (limited !== undefined) return limited;
    }
    const context: RequestContext = {
      request,
      url,
      origin: url.origin,
      method,
      params: matched.params,
      query: url.searchParams,
      headers,
      body,
      invalidJson,
      account: caller.account ?? placeholder,
    };
    try {
      return await matched.route.handle(context);
    } catch (error) {
      if (error instanceof HttpError) return apiError(error.status, error.code, error.message);
      return apiError(500, 'SERVER_ERROR', 'Internal server error');
    }
  }

  return testApi(state, handle);
}

/** The `MockRefold` object: the handler and what tests steer and inspect. */
function testApi(state: MockState, handler: (request: Request) => Promise<Response>): MockRefold {
  return {
    handler,
    get apiKey() {
      return state.settings.apiKey;
    },
    mintToken(linkedAccountId: string, mintOptions: MintTokenOptions = {}): string {
      if (linkedAccountId === '') throw new Error('linkedAccountId must not be empty');
      return mint(state, linkedAccountId, mintOptions.ttlSeconds ?? state.settings.tokenTtlSeconds).token;
    },
    revokeToken(token: string): void {
      const record = state.tokens.get(token);
      if (record !== undefined) record.revoked = true;
    },
    inject: (match, fault) => injectFault(state, match, fault),
    hold: (match) => addHold(state, match),
    get requests(): readonly RecordedRequest[] {
      return [...state.recorded];
    },
    clearRequests(): void {
      state.recorded = [];
    },
    reset(): void {
      resetState(state);
    },
    account: (linkedAccountId) => accountView(state, linkedAccountId),
    createHumanTask: (task) => createHumanTask(state, task),
    humanTask: (id) => structuredClone(currentTask(state, id)),
    completeOAuth(linkedAccountId: string, slug: string): void {
      finishOAuth(state, linkedAccountId, slug);
    },
  };
}
