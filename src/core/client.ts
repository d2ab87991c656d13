/**
 * `createRefoldClient()`: the framework-free client of one linked account. This module is the method table:
 * each method checks its arguments (`args.ts`), names its route (`routes.ts`) and the checker of its answer
 * (`validate.ts`), and hands the call to the transport (`transport.ts`: token, rate limit, 429 and 401
 * retries, time limits), which reads the answer with `response.ts`. Option defaults are set here.
 *
 * @module
 */
import {
  arrayArg,
  booleanArg,
  clientOptionsArg,
  dateArg,
  disconnectTypeArg,
  normaliseBaseUrl,
  objectArg,
  optionalSlugArg,
  optionalTextArg,
  pageArg,
  slugArg,
  statusArg,
  textArg,
  valuesArg,
} from './args.js';
import type { AuthValues } from './args.js';
import { RefoldApiError, RefoldArgumentError } from './errors.js';
import type { RefoldError } from './errors.js';
import { RateLimiter } from './rate-limit.js';
import type { RateLimitOptions, RetryOptions } from './rate-limit.js';
import { safeHostedUrl, safeOAuthStart, typedValues } from './response.js';
import type { RefoldResponseWarning } from './response.js';
import { buildPath } from './routes.js';
import type { RouteName, RouteParams } from './routes.js';
import { TokenManager } from './token.js';
import type { FetchToken } from './token.js';
import { createTransport } from './transport.js';
import type { Call } from './transport.js';
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
import { ruleColumnOptions } from './rule-options.js';
import type { RuleColumnOptions } from './rule-options.js';
import { DEFAULT_BASE_URL } from './urls.js';
import { humanTaskMethods } from './human-tasks.js';
import type { HumanTaskMethods } from './human-tasks.js';
import { mcpServerMethods } from './mcp-servers.js';
import type { McpServerMethods } from './mcp-servers.js';
import { runControlMethods } from './run-controls.js';
import type { ExecutionControlMethods, WorkflowRunMethods } from './run-controls.js';
import { variableMethods } from './variables.js';
import type { VariableMethods } from './variables.js';
import * as check from './validate.js';
import type { Checker } from './validate.js';

export { DEFAULT_BASE_URL, normaliseBaseUrl };
export type { AuthValues, RefoldResponseWarning };

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

/** Per-call options. */
export interface RequestOptions {
  /** Aborts the call: waiting for a token, for the rate limiter, for a retry or for the answer. */
  signal?: AbortSignal;
}

/**
 * Per-call options of the routes that act on one connection of an app (see {@link CONNECTION_PARAMS}).
 * Left out, Refold acts on the app as a whole (an app with several connections may refuse that: a
 * disconnect then answers 400).
 */
export interface ConnectionOptions extends RequestOptions {
  /** The connection to act on: `connected_accounts[].connection_id`. */
  connectionId?: string;
}

/**
 * How a call names the connection it acts on, in one place. **Unverified**: Refold's reference documents no
 * such parameter; its newer browser SDK passes the connection to the integrate, save, disconnect, config and
 * workflow calls. The library sends `connection_id` as a query parameter on the routes named `query`, and
 * as a field of the JSON body on those named `body` (the config bodies). Change it here if Refold documents
 * another form.
 */
export const CONNECTION_PARAMS = {
  name: 'connection_id',
  in: {
    startOAuth: 'query',
    saveCredentials: 'query',
    disconnect: 'query',
    getOrCreateConfig: 'body',
    updateConfig: 'body',
    getConfig: 'query',
    getConfigById: 'query',
    deleteConfig: 'query',
    deleteConfigById: 'query',
    listConfigs: 'query',
    getConfigField: 'query',
    setConfigField: 'query',
    ruleEngineOptions: 'query',
    toggleWorkflow: 'query',
  } satisfies Partial<Record<RouteName, 'query' | 'body'>>,
} as const;

/**
 * The query parameter of the integrate route that carries the page to come back to after a full-page
 * sign-in (`returnTo` of {@link RefoldClient.applications}`.oauthUrl`). **Unverified**: the name Refold's
 * hosted pages use for theirs (`redirect_url`); Refold's reference documents none for integrate.
 */
export const RETURN_URL_PARAM = 'redirect_url';

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
  /** The connection whose config it is (see {@link CONNECTION_PARAMS}). */
  connectionId?: string;
}

/** Filters of {@link RefoldClient.executions}`.list`. */
export interface ExecutionListParams {
  /** 1-based page. @default 1 */
  page?: number;
  /** Page size (1–100). @default 10 */
  limit?: number;
  /** Only runs of this app, or of these apps (sent comma-separated, as Refold's reference lists them). */
  slug?: string | readonly string[];
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
    /**
     * Starts OAuth: `{ auth_url }` to open in a popup (or the page), or `{ connected }` for machine-to-machine
     * apps. With `connectionId`, signs that connection in again (it keeps its id and config). `returnTo`: an
     * absolute `http(s)` URL for the provider to send the page back to after a full-page sign-in (sent as
     * {@link RETURN_URL_PARAM}, unverified).
     */
    oauthUrl(
      slug: string,
      values?: AuthValues,
      options?: ConnectionOptions & { returnTo?: string },
    ): Promise<OAuthStart>;
    /**
     * Saves key-based credentials (with `connectionId`: new credentials for that connection). A failed
     * verification at the provider is a `RefoldApiError` (500).
     */
    saveCredentials(
      slug: string,
      values: AuthValues,
      options?: ConnectionOptions & { authType?: string },
    ): Promise<{ success: boolean }>;
    /**
     * Removes the app's connections: the one of `connectionId`, else all of them, or only those of
     * `authType`. Refold answers 400 to a disconnect without `connectionId` when the app has several.
     */
    disconnect(slug: string, authType?: AuthType, options?: ConnectionOptions): Promise<void>;
  };
  /** Configurations of the linked account's apps. */
  readonly configs: {
    /** Returns the config, creating it with defaults if needed. */
    getOrCreate(
      input: { slug: string; configId?: string; labels?: Record<string, string>; connectionId?: string },
      options?: RequestOptions,
    ): Promise<Config>;
    /** Returns an existing config. */
    get(slug: string, configId?: string, options?: ConnectionOptions): Promise<Config>;
    /** Saves field values and workflow toggles. Field errors come back in `field_errors`. */
    update(
      input: {
        slug: string;
        configId?: string;
        connectionId?: string;
        fields?: Record<string, unknown>;
        workflows?: { id: string; enabled: boolean; fields?: Record<string, unknown> }[];
      },
      options?: RequestOptions,
    ): Promise<Config>;
    /** Deletes a config. */
    remove(slug: string, configId?: string, options?: ConnectionOptions): Promise<void>;
    /** Config ids of an app. */
    list(slug: string, options?: ConnectionOptions): Promise<{ config_id: string }[]>;
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
      input: { slug: string; configId: string; workflowId: string; enabled: boolean; connectionId?: string },
      options?: RequestOptions,
    ): Promise<WorkflowToggleResult>;
  };
  /** Workflows, and running one now ({@link WorkflowRunMethods}). */
  readonly workflows: WorkflowRunMethods & {
    /** A page of workflows. */
    list(params?: WorkflowListParams, options?: RequestOptions): Promise<Page<Workflow>>;
    /** Workflows enabled for the linked account. */
    enabled(options?: RequestOptions): Promise<EnabledWorkflow[]>;
  };
  /** Workflow runs, and their controls ({@link ExecutionControlMethods}). */
  readonly executions: ExecutionControlMethods & {
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
  /** The customer's own variable values (encrypted ones write-only). */
  readonly variables: VariableMethods;
  /** MCP servers (the reference leaves their URL and owner open: see `McpServer`). */
  readonly mcpServers: McpServerMethods;
  /** Human tasks, sent without any credentials: the task id is the secret. */
  readonly humanTasks: HumanTaskMethods;
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
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Creates a Refold client for the browser (or any JavaScript runtime with `fetch`). It authenticates with a
 * session token from `fetchToken` only, never an API key.
 *
 * @example
 * const refold = createRefoldClient({ fetchToken: () => fetch('/api/refold-token').then((r) => r.json()) });
 * const apps = await refold.applications.list();
 */
export function createRefoldClient(options: RefoldClientOptions): RefoldClient {
  clientOptionsArg(options);
  const baseUrl = normaliseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const tokens = new TokenManager({
    fetchToken: options.fetchToken,
    skewMs: options.tokenSkewMs,
    timeoutMs: options.tokenTimeoutMs,
  });
  const transport = createTransport({
    baseUrl,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    tokens,
    limiter: options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit),
    retry: { ...DEFAULT_RETRY, ...options.retry },
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    onError: options.onError,
    onWarning: options.onWarning,
  });

  /**
   * Sends `route` with its path parameters (checked now, before any await) and what else the call carries;
   * a `connectionId` goes where {@link CONNECTION_PARAMS} says.
   */
  const go = <T, R extends RouteName>(
    route: R,
    params: RouteParams<R>,
    checker: Checker<T>,
    options: RequestOptions | undefined,
    {
      connectionId,
      ...extra
    }: Omit<Call<T>, 'route' | 'path' | 'check' | 'signal'> & { connectionId?: unknown } = {},
  ): Promise<T> => {
    const id = optionalTextArg(route, 'connectionId', connectionId);
    if (id !== undefined) {
      const where: string | undefined = (CONNECTION_PARAMS.in as Partial<Record<RouteName, string>>)[route];
      if (where === 'body') extra.body = { ...(extra.body as object), [CONNECTION_PARAMS.name]: id };
      else extra.query = { ...extra.query, [CONNECTION_PARAMS.name]: id };
    }
    return transport.send({
      route,
      path: buildPath(route, params),
      check: checker,
      signal: options?.signal,
      ...extra,
    });
  };

  const nothing = check.nothing;
  const runs = runControlMethods(go);

  async function startOAuth(
    params: { slug: string },
    body: AuthValues,
    opts: (ConnectionOptions & { returnTo?: string }) | undefined,
  ) {
    const secrets = typedValues(body);
    const returnTo = opts?.returnTo;
    if (returnTo !== undefined && !/^https?:\/\/[^/]/i.test(String(returnTo))) {
      throw new RefoldArgumentError('applications.oauthUrl: returnTo must be an absolute http(s) URL.');
    }
    const call = { connectionId: opts?.connectionId, query: { [RETURN_URL_PARAM]: returnTo } };
    try {
      return await go('startOAuth', params, safeOAuthStart, opts, { body, secrets, ...call });
    } catch (error) {
      // Older servers only know GET (they answer 405, or a bare 404 page). Values the user typed never go
      // into a URL (logs, proxies and history keep URLs), so the GET form is tried only when there are none.
      if (!(error instanceof RefoldApiError) || !isMissingRoute(error) || Object.keys(body).length > 0) {
        throw error;
      }
      return go('startOAuth', params, safeOAuthStart, opts, { method: 'GET', ...call });
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
        const where = 'applications.saveCredentials';
        const typed = valuesArg(where, values);
        const authType = optionalTextArg(where, 'authType', opts?.authType);
        return go('saveCredentials', { slug: slugArg(where, slug) }, check.success, opts, {
          body: { ...typed, ...(authType !== undefined && { auth_type: authType }) },
          secrets: typedValues(typed),
          connectionId: opts?.connectionId,
        });
      },
      disconnect: (slug, authType, opts) => {
        const where = 'applications.disconnect';
        const type = disconnectTypeArg(where, authType);
        return go('disconnect', { slug: slugArg(where, slug) }, nothing, opts, {
          query: { auth_type: type },
          connectionId: opts?.connectionId,
        });
      },
    },
    configs: {
      getOrCreate: (input, opts) => {
        const where = 'configs.getOrCreate';
        const slug = slugArg(where, input?.slug);
        const configId = optionalTextArg(where, 'configId', input.configId);
        return go('getOrCreateConfig', {}, check.config, opts, {
          body: {
            slug,
            ...(configId !== undefined && { config_id: configId }),
            ...(input.labels !== undefined && { labels: input.labels }),
          },
          connectionId: input.connectionId,
        });
      },
      get: (slug, configId, opts) => {
        const s = slugArg('configs.get', slug);
        const extra = { connectionId: opts?.connectionId };
        return configId === undefined
          ? go('getConfig', { slug: s }, check.config, opts, extra)
          : go(
              'getConfigById',
              { slug: s, configId: textArg('configs.get', 'configId', configId) },
              check.config,
              opts,
              extra,
            );
      },
      update: (input, opts) => {
        const where = 'configs.update';
        const slug = slugArg(where, input?.slug);
        const fields = objectArg(where, 'fields', input.fields, 'an object of { [fieldId]: value }');
        const workflows = arrayArg(
          where,
          'workflows',
          input.workflows,
          'an array of { id, enabled, fields? }',
        );
        const configId = optionalTextArg(where, 'configId', input.configId);
        return go('updateConfig', {}, check.config, opts, {
          body: {
            slug,
            ...(configId !== undefined && { config_id: configId }),
            ...(fields !== undefined && { fields }),
            ...(workflows !== undefined && { workflows }),
          },
          connectionId: input.connectionId,
        });
      },
      remove: (slug, configId, opts) => {
        const s = slugArg('configs.remove', slug);
        const extra = { connectionId: opts?.connectionId };
        return configId === undefined
          ? go('deleteConfig', { slug: s }, nothing, opts, extra)
          : go(
              'deleteConfigById',
              { slug: s, configId: textArg('configs.remove', 'configId', configId) },
              nothing,
              opts,
              extra,
            );
      },
      list: (slug, opts) =>
        go('listConfigs', { slug: slugArg('configs.list', slug) }, check.configIdList, opts, {
          connectionId: opts?.connectionId,
        }),
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
        const enabled = booleanArg(where, 'enabled', input?.enabled);
        return go(
          'toggleWorkflow',
          {
            slug: slugArg(where, input.slug),
            configId: textArg(where, 'configId', input.configId),
            workflowId: textArg(where, 'workflowId', input.workflowId),
          },
          check.toggledWorkflows,
          opts,
          { body: { enabled }, connectionId: input.connectionId },
        );
      },
    },
    workflows: {
      list: (params = {}, opts) =>
        go('listWorkflows', {}, check.workflowPage, opts, {
          query: {
            page: pageArg('workflows.list', 'page', params.page),
            limit: pageArg('workflows.list', 'limit', params.limit, 100),
            slug: optionalSlugArg('workflows.list', params.slug),
            name: params.name,
            published: params.published,
          },
        }),
      enabled: (opts) => go('enabledWorkflows', {}, check.enabledWorkflowList, opts),
      ...runs.workflows,
    },
    executions: {
      list: (params = {}, opts) => {
        const where = 'executions.list';
        const status = statusArg(where, params.status);
        return go('listExecutions', {}, check.executionPage, opts, {
          query: {
            page: pageArg(where, 'page', params.page),
            limit: pageArg(where, 'limit', params.limit, 100),
            slug: slugListArg(where, params.slug),
            status,
            workflow_id: optionalTextArg(where, 'workflowId', params.workflowId),
            start_date: dateArg(where, 'startDate', params.startDate),
            end_date: dateArg(where, 'endDate', params.endDate),
          },
        });
      },
      get: (id, opts) =>
        go('getExecution', { id: textArg('executions.get', 'id', id) }, check.execution, opts),
      ...runs.executions,
    },
    events: {
      trigger: (input, opts) => {
        const where = 'events.trigger';
        const event = textArg(where, 'event', input?.event);
        const payload = objectArg(where, 'payload', input.payload);
        const headers: Record<string, string> = {};
        if (input.slug !== undefined) headers.slug = slugArg(where, input.slug);
        if (input.configId !== undefined) headers.config_id = textArg(where, 'configId', input.configId);
        return go('triggerEvent', {}, check.message, opts, {
          body: { event, payload: payload ?? {} },
          headers,
        });
      },
    },
    connectUrl: (input = {}, opts) => {
      const branding = objectArg('connectUrl', 'branding', input.branding);
      return go('connectUrl', {}, safeHostedUrl, opts, {
        body: branding ?? {},
        query: { config_id: optionalTextArg('connectUrl', 'configId', input.configId) },
      });
    },
    linkedAccount: (opts) => go('activeLinkedAccount', {}, check.linkedAccount, opts),
    variables: variableMethods(go),
    mcpServers: mcpServerMethods(go),
    humanTasks: humanTaskMethods(go),
    clearToken: () => tokens.clear(),
    dispose: () => transport.dispose(),
  };
}

/** The slug header, the `config_id`/`workflow_id` query and the body of a field route. */
function fieldCall(where: string, input: ConfigFieldTarget, body: unknown) {
  return {
    body,
    connectionId: input.connectionId,
    headers: { slug: slugArg(where, input.slug) },
    query: {
      config_id: optionalTextArg(where, 'configId', input.configId),
      workflow_id: optionalTextArg(where, 'workflowId', input.workflowId),
    },
  };
}

/** `slug` of the executions route: one slug, or several sent comma-separated. */
function slugListArg(where: string, slug: string | readonly string[] | undefined): string | undefined {
  if (typeof slug !== 'object') return optionalSlugArg(where, slug);
  return slug.map((one) => slugArg(where, one)).join(',') || undefined;
}

/** A 405, or a bare 404 page (no Refold error body): the server does not know the route. */
function isMissingRoute(error: RefoldApiError): boolean {
  return (
    error.status === 405 ||
    (error.status === 404 && error.apiCode === undefined && error.httpErrorType === undefined)
  );
}
