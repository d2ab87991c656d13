import {
  RefoldAbortError,
  RefoldApiError,
  RefoldArgumentError,
  RefoldAuthError,
  RefoldError,
  RefoldNetworkError,
  RefoldRateLimitError,
  RefoldResponseError,
  RefoldTimeoutError,
} from './errors.js';
import { RateLimiter, backoffDelay, parseRetryAfter, sleep } from './rate-limit.js';
import type { RateLimitOptions, RetryOptions } from './rate-limit.js';
import { MAX_FOREIGN_TEXT, redact } from './redact.js';
import { buildPath, describeArg, routes } from './routes.js';
import type { RouteName, RouteParams } from './routes.js';
import { TokenManager, safeCause } from './token.js';
import type { FetchToken } from './token.js';
import type {
  Application,
  AuthType,
  Config,
  ConfigField,
  EnabledWorkflow,
  Execution,
  ExecutionStatus,
  LinkedAccount,
  OAuthStart,
  Page,
  Workflow,
  WorkflowToggleResult,
} from './types.js';
import { isLoopbackHost, isSafeNavigationUrl } from './urls.js';
import { ruleColumnOptions } from './rule-options.js';
import type { RuleColumnOptions } from './rule-options.js';
import * as check from './validate.js';
import type { Checker, ShapeWarning } from './validate.js';

/** Refold's production API. */
export const DEFAULT_BASE_URL = 'https://app.refold.ai';

/** Options of {@link createRefoldClient}. */
export interface RefoldClientOptions {
  /** Asks your backend for a session token. Called lazily, once for all concurrent requests. */
  fetchToken: FetchToken;
  /** Refold's API origin. Must be `https:`; `http:` only for localhost. @default 'https://app.refold.ai' */
  baseUrl?: string;
  /** `fetch` to use (tests, server rendering). @default globalThis.fetch, looked up at each request */
  fetch?: typeof fetch;
  /** Client-side rate limit, or `false` to turn it off. @default { perSecond: 20, burst: 4 } (Refold: 20 and 5) */
  rateLimit?: RateLimitOptions | false;
  /** Retry policy for 429 answers and network failures. */
  retry?: RetryOptions;
  /** Time limit of one HTTP attempt, in ms. @default 30_000 */
  timeoutMs?: number;
  /**
   * Refresh the token when less than this remains of its lifetime (or a quarter of the lifetime, when that is
   * shorter), in ms. @default 30_000
   */
  tokenSkewMs?: number;
  /** Time limit of one `fetchToken` call, in ms: past it the call fails with a `RefoldTokenError`. @default 15_000 */
  tokenTimeoutMs?: number;
  /** Called once for every request that finally fails (never for an abort). Receives no token. */
  onError?: (error: RefoldError, context: { route: RouteName }) => void;
  /**
   * Called for each part of a successful answer that the client left out to keep the rest: an app, a run or
   * a field of the wrong shape, dropped from its list. Says where and what was expected; never a value.
   */
  onWarning?: (warning: RefoldResponseWarning) => void;
}

/** Something left out of a successful answer, reported to {@link RefoldClientOptions.onWarning}. */
export interface RefoldResponseWarning extends ShapeWarning {
  /** The route whose answer it was. */
  route: RouteName;
}

/** Per-call options. */
export interface RequestOptions {
  /** Aborts the call: waiting for a token, for the rate limiter, for a retry or for the answer. */
  signal?: AbortSignal;
}

/** Values typed into auth fields, keyed by field name. */
export type AuthValues = Record<string, string | number | boolean | string[]>;

/**
 * A config field the field routes act on. `configId` and `workflowId` go out as the query parameters
 * `config_id` and `workflow_id`: without them Refold acts on the default config and on app-level fields.
 */
export interface ConfigFieldTarget {
  /** App slug (sent as the `slug` header). */
  slug: string;
  /** Field id. */
  fieldId: string;
  /** The config the field belongs to; left out: the linked account's default config. */
  configId?: string;
  /** The workflow of a workflow field; left out for an app-level field. */
  workflowId?: string;
}

/** Filters of {@link RefoldClient.executions}`.list`. */
export interface ExecutionListParams {
  /** 1-based page. @default 1 */
  page?: number;
  /** Page size (1–100). @default 10 */
  limit?: number;
  /** Only runs of this app. */
  slug?: string;
  /** Only runs with this status. */
  status?: ExecutionStatus;
  /** Only runs of this workflow. */
  workflowId?: string;
  /** Runs started at or after. */
  startDate?: Date | string;
  /** Runs started at or before. */
  endDate?: Date | string;
}

/** Filters of {@link RefoldClient.workflows}`.list`. */
export interface WorkflowListParams {
  /** 1-based page. @default 1 */
  page?: number;
  /** Page size (1–100). */
  limit?: number;
  /** Only workflows of this app. */
  slug?: string;
  /** Name contains. */
  name?: string;
  /** Only published (true) or unpublished (false) workflows. */
  published?: boolean;
}

/** A framework-free Refold client for one linked account (one customer), authenticated by session token. */
export interface RefoldClient {
  /** The API origin requests go to. */
  readonly baseUrl: string;
  /** The app catalog and connections. */
  readonly applications: {
    /** Every app with the linked account's connection status. */
    list(options?: RequestOptions): Promise<Application[]>;
    /** One app. */
    get(slug: string, options?: RequestOptions): Promise<Application>;
    /** Starts OAuth: `{ auth_url }` to open in a popup, or `{ connected }` for machine-to-machine apps. */
    oauthUrl(slug: string, values?: AuthValues, options?: RequestOptions): Promise<OAuthStart>;
    /** Saves key-based credentials. A failed verification at the provider is a `RefoldApiError` (500). */
    saveCredentials(
      slug: string,
      values: AuthValues,
      options?: RequestOptions & { authType?: string },
    ): Promise<{ success: boolean }>;
    /** Removes the app's connections: all of them, or only those of `authType`. */
    disconnect(slug: string, authType?: AuthType, options?: RequestOptions): Promise<void>;
  };
  /** Configurations of the linked account's apps. */
  readonly configs: {
    /** Returns the config, creating it with defaults if needed. */
    getOrCreate(
      input: { slug: string; configId?: string; labels?: Record<string, string> },
      options?: RequestOptions,
    ): Promise<Config>;
    /** Returns an existing config. */
    get(slug: string, configId?: string, options?: RequestOptions): Promise<Config>;
    /** Saves field values and workflow toggles. Field errors come back in `field_errors`. */
    update(
      input: {
        slug: string;
        configId?: string;
        fields?: Record<string, unknown>;
        workflows?: { id: string; enabled: boolean; fields?: Record<string, unknown> }[];
      },
      options?: RequestOptions,
    ): Promise<Config>;
    /** Deletes a config. */
    remove(slug: string, configId?: string, options?: RequestOptions): Promise<void>;
    /** Config ids of an app. */
    list(slug: string, options?: RequestOptions): Promise<{ config_id: string }[]>;
    /**
     * One field with its options, read from the stored config (a dependent field's options follow its
     * parent's stored value). Sends nothing but `{}`: it never writes.
     */
    field(input: ConfigFieldTarget, options?: RequestOptions): Promise<ConfigField>;
    /** Stores one field's value (`undefined` is sent as `null`, which clears it). */
    setField(input: ConfigFieldTarget & { value: unknown }, options?: RequestOptions): Promise<ConfigField>;
    /**
     * Operators and right-hand choices of a rule-engine field for one left-hand column, normalised from
     * either documented answer. An answer of another shape is a `RefoldResponseError`.
     */
    ruleOptions(
      input: ConfigFieldTarget & { lhs: string },
      options?: RequestOptions,
    ): Promise<RuleColumnOptions>;
    /** Turns one workflow on or off. */
    toggleWorkflow(
      input: { slug: string; configId: string; workflowId: string; enabled: boolean },
      options?: RequestOptions,
    ): Promise<WorkflowToggleResult>;
  };
  /** Workflows. */
  readonly workflows: {
    /** A page of workflows. */
    list(params?: WorkflowListParams, options?: RequestOptions): Promise<Page<Workflow>>;
    /** Workflows enabled for the linked account. */
    enabled(options?: RequestOptions): Promise<EnabledWorkflow[]>;
  };
  /** Workflow runs. */
  readonly executions: {
    /** A page of runs, newest first. */
    list(params?: ExecutionListParams, options?: RequestOptions): Promise<Page<Execution>>;
    /** One run with its nodes. */
    get(id: string, options?: RequestOptions): Promise<Execution>;
  };
  /** Events. */
  readonly events: {
    /** Triggers an event; runs are asynchronous. */
    trigger(
      input: { event: string; payload?: Record<string, unknown>; slug?: string; configId?: string },
      options?: RequestOptions,
    ): Promise<{ message: string }>;
  };
  /** A URL of Refold's hosted connect page for this linked account. */
  connectUrl(
    input?: { configId?: string; branding?: Record<string, unknown> },
    options?: RequestOptions,
  ): Promise<{ hosted_url: string }>;
  /** The linked account the session token belongs to. */
  linkedAccount(options?: RequestOptions): Promise<LinkedAccount>;
  /** Drops the cached token and abandons a token fetch under way (the customer changed or signed out). */
  clearToken(): void;
  /**
   * Ends the client for good (the customer changed or signed out): aborts every request under way, drops the
   * token, and refuses every later call, token fetch and replay with a `RefoldAbortError`. So a request of
   * the previous customer that meets a 401 is never replayed with the next customer's token.
   */
  dispose(): void;
}

const DEFAULT_RETRY: Required<RetryOptions> = {
  maxRateLimitRetries: 4,
  maxNetworkRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

type Query = Record<string, string | number | boolean | undefined>;

interface Call<T, R extends RouteName> {
  route: R;
  /** The route's path with its parameters filled in (checked when the call is made, before any await). */
  path: string;
  check: Checker<T>;
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** Values the user typed: blanked out of any error message, should the server echo them. */
  secrets?: readonly string[];
  /** Overrides the route's method (the legacy GET form of the OAuth start). */
  method?: 'GET';
  signal: AbortSignal | undefined;
}

/**
 * Creates a Refold client for the browser (or any JavaScript runtime with `fetch`). It authenticates with a
 * session token from `fetchToken` only, never an API key.
 *
 * @example
 * const refold = createRefoldClient({ fetchToken: () => fetch('/api/refold-token').then((r) => r.json()) });
 * const apps = await refold.applications.list();
 */
export function createRefoldClient(options: RefoldClientOptions): RefoldClient {
  if (typeof options !== 'object' || options === null) {
    throw new RefoldArgumentError('createRefoldClient needs an options object with a fetchToken function.');
  }
  if (typeof options.fetchToken !== 'function') {
    throw new RefoldArgumentError(
      'createRefoldClient: fetchToken must be a function that returns a session token from your backend.',
    );
  }
  const baseUrl = normaliseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const tokens = new TokenManager({
    fetchToken: options.fetchToken,
    skewMs: options.tokenSkewMs,
    timeoutMs: options.tokenTimeoutMs,
  });
  // Aborted by dispose(): every request of this client listens to it.
  const lifetime = new AbortController();
  const limiter = options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit);
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function send<T, R extends RouteName>(call: Call<T, R>): Promise<T> {
    // The caller's signal and dispose() both stop the call.
    const { signal, release } = anySignal(call.signal, lifetime.signal);
    try {
      return await attempt({ ...call, signal });
    } catch (error) {
      const failure = toRefoldError(error);
      if (!(failure instanceof RefoldAbortError)) options.onError?.(failure, { route: call.route });
      throw failure;
    } finally {
      release();
    }
  }

  async function attempt<T, R extends RouteName>(call: Call<T, R> & { signal: AbortSignal }): Promise<T> {
    const method = call.method ?? routes[call.route].method;
    const url = baseUrl + call.path + queryString(call.query);
    const { signal } = call;
    if (signal.aborted) throw new RefoldAbortError();
    let token = await tokens.getToken(signal);
    let replayedAfter401 = false;
    let rateLimited = 0;
    let networkFailures = 0;
    for (;;) {
      await limiter?.acquire(signal);
      let response: Response;
      try {
        response = await fetchOnce(url, method, token, call, timeoutMs);
      } catch (error) {
        if (signal.aborted) throw new RefoldAbortError();
        const failure =
          error instanceof RefoldTimeoutError
            ? error
            : new RefoldNetworkError(
                `Could not reach Refold (${method} ${routes[call.route].path}). Check the connection and try again.`,
                // Never the raw error: a fetch that refused a header value may quote it.
                { cause: safeCause(error) },
              );
        // Only a GET is replayed: a write may have reached the server before the connection failed.
        if (method !== 'GET' || networkFailures >= retry.maxNetworkRetries) throw failure;
        await sleep(backoffDelay(networkFailures++, undefined, retry), signal);
        continue;
      }
      if (response.status === 401) {
        const body = await readErrorBody(response);
        if (replayedAfter401) {
          throw new RefoldAuthError(
            `Refold refused the session token twice (${body.message ?? 'Invalid token'}). Check that your backend mints it for this environment.`,
            { status: 401, apiCode: body.code },
          );
        }
        replayedAfter401 = true;
        token = await tokens.refreshAfterUnauthorized(token, signal);
        continue;
      }
      if (response.status === 429) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        await response.body?.cancel().catch(() => undefined);
        const retryAfterS = retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);
        if (rateLimited >= retry.maxRateLimitRetries || (retryAfterMs ?? 0) > retry.maxRetryAfterMs) {
          throw new RefoldRateLimitError(
            `Refold is receiving too many requests; try again ${waitText(retryAfterS)}.`,
            retryAfterS,
          );
        }
        await sleep(backoffDelay(rateLimited++, retryAfterMs, retry), signal);
        continue;
      }
      if (!response.ok) throw await apiError(response, call.secrets);
      return parseBody(response, call, options.onWarning);
    }
  }

  /**
   * One HTTP exchange, the whole body included: the time limit and the caller's signal cover reading the body,
   * so a body that stalls after the headers never hangs the call. Answers a buffered `Response`.
   */
  async function fetchOnce<T, R extends RouteName>(
    url: string,
    method: string,
    token: string,
    call: Call<T, R>,
    limitMs: number,
  ): Promise<Response> {
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    call.signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limitMs);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...call.headers,
      authorization: `Bearer ${token}`,
    };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await doFetch(url, {
        method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: controller.signal,
        credentials: 'omit',
      });
      const text = await response.text();
      return new Response(text === '' || NULL_BODY_STATUS.has(response.status) ? null : text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      if (timedOut) {
        throw new RefoldTimeoutError(
          `Refold did not answer within ${Math.round(limitMs / 1000)} s (${method} ${routes[call.route].path}).`,
        );
      }
      throw error;
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    }
  }

  const go = <T, R extends RouteName>(
    route: R,
    params: RouteParams<R>,
    checker: Checker<T>,
    options: RequestOptions | undefined,
    extra: Omit<Call<T, R>, 'route' | 'path' | 'check' | 'signal'> = {},
  ): Promise<T> =>
    send({ route, path: buildPath(route, params), check: checker, signal: options?.signal, ...extra });

  const nothing = check.nothing;

  async function startOAuth(params: { slug: string }, body: AuthValues, opts: RequestOptions | undefined) {
    const secrets = typedValues(body);
    try {
      return await go('startOAuth', params, safeOAuthStart, opts, { body, secrets });
    } catch (error) {
      // Older servers only know GET (they answer 405, or a bare 404 page). Values the user typed never go
      // into a URL (logs, proxies and history keep URLs), so the GET form is tried only when there are none.
      if (!(error instanceof RefoldApiError) || !isMissingRoute(error) || Object.keys(body).length > 0) {
        throw error;
      }
      return go('startOAuth', params, safeOAuthStart, opts, { method: 'GET' });
    }
  }

  return {
    baseUrl,
    applications: {
      list: (opts) => go('listApplications', {}, check.applicationList, opts),
      get: (slug, opts) =>
        go('getApplication', { slug: slugArg('applications.get', slug) }, check.application, opts),
      oauthUrl: (slug, values = {}, opts) =>
        startOAuth(
          { slug: slugArg('applications.oauthUrl', slug) },
          valuesArg('applications.oauthUrl', values),
          opts,
        ),
      saveCredentials: (slug, values, opts) => {
        const typed = valuesArg('applications.saveCredentials', values);
        const body: Record<string, unknown> = { ...typed };
        if (opts?.authType !== undefined)
          body.auth_type = textArg('applications.saveCredentials', 'authType', opts.authType);
        return go(
          'saveCredentials',
          { slug: slugArg('applications.saveCredentials', slug) },
          check.success,
          opts,
          { body, secrets: typedValues(typed) },
        );
      },
      disconnect: (slug, authType, opts) => {
        if (authType !== undefined && authType !== 'oauth2' && authType !== 'keybased') {
          throw new RefoldArgumentError(
            'applications.disconnect: authType must be "oauth2", "keybased" or left out (all).',
          );
        }
        return go('disconnect', { slug: slugArg('applications.disconnect', slug) }, nothing, opts, {
          query: { auth_type: authType },
        });
      },
    },
    configs: {
      getOrCreate: (input, opts) => {
        const slug = slugArg('configs.getOrCreate', input?.slug);
        return go('getOrCreateConfig', {}, check.config, opts, {
          body: {
            slug,
            ...(input.configId !== undefined && {
              config_id: textArg('configs.getOrCreate', 'configId', input.configId),
            }),
            ...(input.labels !== undefined && { labels: input.labels }),
          },
        });
      },
      get: (slug, configId, opts) => {
        const s = slugArg('configs.get', slug);
        return configId === undefined
          ? go('getConfig', { slug: s }, check.config, opts)
          : go(
              'getConfigById',
              { slug: s, configId: textArg('configs.get', 'configId', configId) },
              check.config,
              opts,
            );
      },
      update: (input, opts) => {
        const slug = slugArg('configs.update', input?.slug);
        if (input.fields !== undefined && !isPlainObject(input.fields)) {
          throw new RefoldArgumentError('configs.update: fields must be an object of { [fieldId]: value }.');
        }
        if (input.workflows !== undefined && !Array.isArray(input.workflows)) {
          throw new RefoldArgumentError(
            'configs.update: workflows must be an array of { id, enabled, fields? }.',
          );
        }
        return go('updateConfig', {}, check.config, opts, {
          body: {
            slug,
            ...(input.configId !== undefined && {
              config_id: textArg('configs.update', 'configId', input.configId),
            }),
            ...(input.fields !== undefined && { fields: input.fields }),
            ...(input.workflows !== undefined && { workflows: input.workflows }),
          },
        });
      },
      remove: (slug, configId, opts) => {
        const s = slugArg('configs.remove', slug);
        return configId === undefined
          ? go('deleteConfig', { slug: s }, nothing, opts)
          : go(
              'deleteConfigById',
              { slug: s, configId: textArg('configs.remove', 'configId', configId) },
              nothing,
              opts,
            );
      },
      list: (slug, opts) =>
        go('listConfigs', { slug: slugArg('configs.list', slug) }, check.configIdList, opts),
      field: (input, opts) =>
        go(
          'getConfigField',
          { fieldId: textArg('configs.field', 'fieldId', input?.fieldId) },
          check.configField,
          opts,
          fieldCall('configs.field', input, {}),
        ),
      setField: (input, opts) =>
        go(
          'setConfigField',
          { fieldId: textArg('configs.setField', 'fieldId', input?.fieldId) },
          check.configField,
          opts,
          fieldCall('configs.setField', input, { value: input.value === undefined ? null : input.value }),
        ),
      ruleOptions: (input, opts) =>
        go(
          'ruleEngineOptions',
          { fieldId: textArg('configs.ruleOptions', 'fieldId', input?.fieldId) },
          ruleColumnOptions,
          opts,
          fieldCall('configs.ruleOptions', input, {
            rule_column: { lhs: textArg('configs.ruleOptions', 'lhs', input.lhs) },
          }),
        ),
      toggleWorkflow: (input, opts) => {
        const where = 'configs.toggleWorkflow';
        if (typeof input?.enabled !== 'boolean')
          throw new RefoldArgumentError(`${where}: enabled must be true or false.`);
        return go(
          'toggleWorkflow',
          {
            slug: slugArg(where, input.slug),
            configId: textArg(where, 'configId', input.configId),
            workflowId: textArg(where, 'workflowId', input.workflowId),
          },
          check.toggledWorkflows,
          opts,
          { body: { enabled: input.enabled } },
        );
      },
    },
    workflows: {
      list: (params = {}, opts) =>
        go('listWorkflows', {}, check.workflowPage, opts, {
          query: {
            page: pageArg('workflows.list', 'page', params.page),
            limit: pageArg('workflows.list', 'limit', params.limit, 100),
            slug: params.slug === undefined ? undefined : slugArg('workflows.list', params.slug),
            name: params.name,
            published: params.published,
          },
        }),
      enabled: (opts) => go('enabledWorkflows', {}, check.enabledWorkflowList, opts),
    },
    executions: {
      list: (params = {}, opts) => {
        const where = 'executions.list';
        if (params.status !== undefined && !check.isExecutionStatus(params.status)) {
          throw new RefoldArgumentError(
            `${where}: status must be one of ${check.executionStatuses.join(', ')}.`,
          );
        }
        return go('listExecutions', {}, check.executionPage, opts, {
          query: {
            page: pageArg(where, 'page', params.page),
            limit: pageArg(where, 'limit', params.limit, 100),
            slug: params.slug === undefined ? undefined : slugArg(where, params.slug),
            status: params.status,
            workflow_id:
              params.workflowId === undefined ? undefined : textArg(where, 'workflowId', params.workflowId),
            start_date: dateArg(where, 'startDate', params.startDate),
            end_date: dateArg(where, 'endDate', params.endDate),
          },
        });
      },
      get: (id, opts) =>
        go('getExecution', { id: textArg('executions.get', 'id', id) }, check.execution, opts),
    },
    events: {
      trigger: (input, opts) => {
        const where = 'events.trigger';
        const event = textArg(where, 'event', input?.event);
        if (input.payload !== undefined && !isPlainObject(input.payload)) {
          throw new RefoldArgumentError(`${where}: payload must be a plain object.`);
        }
        const headers: Record<string, string> = {};
        if (input.slug !== undefined) headers.slug = slugArg(where, input.slug);
        if (input.configId !== undefined) headers.config_id = textArg(where, 'configId', input.configId);
        return go('triggerEvent', {}, check.message, opts, {
          body: { event, payload: input.payload ?? {} },
          headers,
        });
      },
    },
    connectUrl: (input = {}, opts) => {
      if (input.branding !== undefined && !isPlainObject(input.branding)) {
        throw new RefoldArgumentError('connectUrl: branding must be a plain object.');
      }
      return go('connectUrl', {}, safeHostedUrl, opts, {
        body: input.branding ?? {},
        query: {
          config_id:
            input.configId === undefined ? undefined : textArg('connectUrl', 'configId', input.configId),
        },
      });
    },
    linkedAccount: (opts) => go('activeLinkedAccount', {}, check.linkedAccount, opts),
    clearToken: () => tokens.clear(),
    dispose: () => {
      tokens.dispose();
      lifetime.abort();
    },
  };
}

/** Checks and normalises `baseUrl`: https, or http on localhost; no query or fragment; no trailing slash. */
export function normaliseBaseUrl(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RefoldArgumentError(`baseUrl must be a URL string such as "${DEFAULT_BASE_URL}".`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RefoldArgumentError(
      `baseUrl is not a valid absolute URL; use something like "${DEFAULT_BASE_URL}".`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new RefoldArgumentError(
      `baseUrl must use https (plain http is allowed only for localhost); got "${url.protocol}//${url.host}".`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new RefoldArgumentError('baseUrl must not carry credentials, a query or a fragment.');
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function slugArg(where: string, slug: unknown): string {
  if (typeof slug !== 'string' || slug.trim() === '') {
    throw new RefoldArgumentError(
      `${where}: slug must be an app slug such as "slack"; got ${describeArg(slug)}.`,
    );
  }
  return slug.trim();
}

function textArg(where: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RefoldArgumentError(`${where}: ${name} must be a non-empty string; got ${describeArg(value)}.`);
  }
  return value;
}

/** The slug header, the `config_id`/`workflow_id` query and the body of a field route. */
function fieldCall(where: string, input: ConfigFieldTarget, body: unknown) {
  const optional = (name: string, value: string | undefined) =>
    value === undefined ? undefined : textArg(where, name, value);
  return {
    body,
    headers: { slug: slugArg(where, input.slug) },
    query: {
      config_id: optional('configId', input.configId),
      workflow_id: optional('workflowId', input.workflowId),
    },
  };
}

function pageArg(where: string, name: string, value: number | undefined, max = Number.MAX_SAFE_INTEGER) {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RefoldArgumentError(
      `${where}: ${name} must be a whole number from 1 to ${max}; got ${String(value)}.`,
    );
  }
  return value;
}

function dateArg(where: string, name: string, value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new RefoldArgumentError(`${where}: ${name} must be a Date or an ISO date string.`);
  return date.toISOString();
}

function valuesArg(where: string, values: unknown): AuthValues {
  if (!isPlainObject(values)) {
    throw new RefoldArgumentError(`${where}: values must be an object of { [fieldName]: value }.`);
  }
  for (const [key, value] of Object.entries(values)) {
    const ok =
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    if (!ok)
      throw new RefoldArgumentError(
        `${where}: the value of "${key}" must be a string, number, boolean or string[].`,
      );
  }
  return values as AuthValues;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Statuses whose answer has no body (a `Response` refuses one). */
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/**
 * A signal aborted as soon as any of `signals` is, and `release`, which stops listening to them (call it
 * when the work is done, so a long-lived signal does not collect listeners).
 */
function anySignal(...signals: (AbortSignal | undefined)[]): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const release = new AbortController();
  for (const signal of signals) {
    if (!signal) continue;
    if (signal.aborted) {
      controller.abort();
      break;
    }
    signal.addEventListener('abort', () => controller.abort(), { once: true, signal: release.signal });
  }
  return { signal: controller.signal, release: () => release.abort() };
}

/** "in 20 s", "in 3 min", "later": a wait as a person reads it, capped at an hour. */
function waitText(seconds: number | undefined): string {
  if (seconds === undefined) return 'shortly';
  if (seconds < 60) return `in ${seconds} s`;
  if (seconds <= 3600) return `in ${Math.ceil(seconds / 60)} min`;
  return 'later';
}

/** The OAuth start answer, with an authorization URL the popup may be sent to (https; http on loopback). */
const safeOAuthStart: Checker<OAuthStart> = (value, path = '$') => {
  const started = check.oauthStart(value, path);
  if (started.auth_url !== undefined && !isSafeNavigationUrl(started.auth_url)) {
    throw new check.ShapeError(`${path}.auth_url`, 'an https URL', started.auth_url);
  }
  return started;
};

/** The hosted connect answer, with a URL that may be opened (https; http on loopback). */
const safeHostedUrl: Checker<{ hosted_url: string }> = (value, path = '$') => {
  const answer = check.hostedUrl(value, path);
  if (!isSafeNavigationUrl(answer.hosted_url)) {
    throw new check.ShapeError(`${path}.hosted_url`, 'an https URL', answer.hosted_url);
  }
  return answer;
};

function isMissingRoute(error: RefoldApiError): boolean {
  return (
    error.status === 405 ||
    (error.status === 404 && error.apiCode === undefined && error.httpErrorType === undefined)
  );
}

interface ErrorBody {
  message: string | undefined;
  code: string | undefined;
  httpErrorType: string | undefined;
  fieldErrors: Record<string, string>;
  json: boolean;
}

async function readErrorBody(response: Response, secrets: readonly string[] = []): Promise<ErrorBody> {
  const out: ErrorBody = {
    message: undefined,
    code: undefined,
    httpErrorType: undefined,
    fieldErrors: {},
    json: false,
  };
  let text = '';
  try {
    text = await response.text();
  } catch {
    return out;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return out;
  }
  if (typeof parsed !== 'object' || parsed === null) return out;
  const body = parsed as Record<string, unknown>;
  out.json = true;
  // Cut first, then clean: the cost stays linear in what is kept, whatever the server sends.
  const str = (v: unknown) =>
    typeof v === 'string' && v.trim() !== ''
      ? redact(blank(v.trim().slice(0, 2 * MAX_FOREIGN_TEXT), secrets))
      : undefined;
  out.message = str(body.message) ?? str(body.error_description);
  out.code = str(body.error_code) ?? str(body.error);
  out.httpErrorType = str(body.http_error_type);
  if (Array.isArray(body.field_errors)) {
    for (const item of body.field_errors as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const fe = item as Record<string, unknown>;
      const key = str(fe.id) ?? str(fe.name);
      const err = fe.error;
      const msg =
        typeof err === 'object' && err !== null ? str((err as Record<string, unknown>).message) : str(err);
      if (key && msg) out.fieldErrors[key] = msg;
    }
  }
  return out;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Replaces every typed value (of four characters or more) found in `text`. */
function blank(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

/** The typed values of an auth body, for {@link blank}. */
function typedValues(values: AuthValues): string[] {
  return Object.values(values).flatMap((v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []));
}

async function apiError(response: Response, secrets?: readonly string[]): Promise<RefoldApiError> {
  const body = await readErrorBody(response, secrets);
  const reason = REASONS[response.status] ?? 'Error';
  return new RefoldApiError({
    status: response.status,
    message: body.message ?? `Refold answered ${response.status} ${reason}. Try again in a moment.`,
    httpErrorType: body.httpErrorType,
    apiCode: body.code,
    fieldErrors: body.fieldErrors,
  });
}

async function parseBody<T, R extends RouteName>(
  response: Response,
  call: Call<T, R>,
  onWarning: ((warning: RefoldResponseWarning) => void) | undefined,
): Promise<T> {
  const text = await response.text();
  let value: unknown;
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      throw new RefoldResponseError(`Refold's answer to ${call.route} is not JSON.`, {
        status: response.status,
        path: '$',
      });
    }
  }
  try {
    return call.check(value, '$', (warning) => onWarning?.({ route: call.route, ...warning }));
  } catch (error) {
    if (!(error instanceof check.ShapeError)) throw error;
    // A 2xx answer without the data the route needs, that says `error`, is a failure Refold reported.
    const failure = check.reportedFailure(value);
    if (failure) {
      const clean = (v: string | undefined) =>
        v && redact(blank(v.slice(0, 2 * MAX_FOREIGN_TEXT), call.secrets ?? []));
      throw new RefoldApiError({
        status: response.status,
        message: clean(failure.message) || `Refold could not complete ${call.route}.`,
        apiCode: failure.code,
      });
    }
    throw new RefoldResponseError(
      `Refold's answer to ${call.route} has an unexpected shape: ${error.message}.`,
      {
        status: response.status,
        path: error.path,
      },
    );
  }
}

function toRefoldError(error: unknown): RefoldError {
  if (error instanceof RefoldError) return error;
  if (error instanceof Error && error.name === 'AbortError') return new RefoldAbortError();
  return new RefoldNetworkError('The request failed unexpectedly.', { cause: safeCause(error) });
}
