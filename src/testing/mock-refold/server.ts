/**
 * `createMockRefold()`: an in-memory Refold answering the linked-account routes of `refold-api.md` with the
 * same shapes, error bodies, auth rules, token expiry and rate limit as the real service, plus a fake OAuth
 * provider, a hosted connect page, fixture icons, request recording and fault injection.
 *
 * Runs anywhere `fetch` types exist (browsers, Node, MSW): no Node imports here.
 *
 * @module
 */
import {
  applyFieldValues,
  configValues,
  createConfigState,
  lookupIn,
  renderConfig,
  renderField,
  resolveOptions,
  shapeProblem,
  validateConfigValue,
  workflowState,
  type ConfigContext,
  type ConfigState,
  type FieldError,
} from './config.js';
import {
  checkAuthValues,
  credentialStyles,
  keybasedIdentifier,
  oauthFields,
  providerRejection,
} from './credentials.js';
import {
  DEFAULT_MOCK_API_KEY,
  MOCK_ORG_ID,
  defaultConfigTemplate,
  generateExecutions,
  hashString,
  mockApps,
  mockWorkflows,
} from './fixtures.js';
import {
  CORS_HEADERS,
  PREFLIGHT_HEADERS,
  apiError,
  defaultErrorCode,
  defaultErrorMessage,
  errorBody,
  html,
  isRecord,
  json,
  redirect,
  sleep,
} from './http.js';
import {
  authorizePage,
  connectedPage,
  deniedPage,
  hostedPage,
  iconSvg,
  indexPage,
  invalidStatePage,
  keybasedFormPage,
  page,
} from './pages.js';
import { encodeToken, randomHex, randomId } from './tokens.js';
import type {
  Fault,
  FaultMatch,
  MintTokenOptions,
  MockAccount,
  MockApp,
  MockAuthType,
  MockConfigField,
  MockConfigTemplate,
  MockConfigWrite,
  MockConnectOptions,
  MockConnection,
  MockConnectionStatus,
  MockExecution,
  MockHold,
  MockRateLimit,
  MockRefold,
  MockRefoldOptions,
  MockTriggeredEvent,
  MockWorkflow,
  RecordedRequest,
} from './types.js';
import { MOCK_EXECUTION_STATUSES, MOCK_QUEUED_STATUS } from './types.js';

// ---------------------------------------------------------------------------------------------------------
// Internal state

interface TokenRecord {
  token: string;
  linkedAccountId: string;
  expiresAt: number;
  revoked: boolean;
}

interface ConnectionRecord extends MockConnection {
  credentials?: Record<string, unknown>;
}

interface ExecutionRecord {
  doc: MockExecution;
  slug: string | undefined;
  /** A RUNNING execution started by an event completes at this time (mock clock). */
  completesAt?: number;
}

interface AccountState {
  id: string;
  objectId: string;
  createdAt: string;
  connections: Map<string, ConnectionRecord[]>;
  configs: Map<string, Map<string, ConfigState>>;
  /** Every write to a config's stored state, oldest first. */
  configWrites: MockConfigWrite[];
  executions: ExecutionRecord[] | undefined;
  events: MockTriggeredEvent[];
  rejectNext: Map<string, string>;
  currentToken: string | undefined;
}

interface OAuthFlow {
  state: string;
  linkedAccountId: string;
  slug: string;
  identifier: unknown;
  createdAt: number;
}

interface HostedSession {
  id: string;
  linkedAccountId: string;
  configId: string | undefined;
  title: string;
}

interface FaultRecord {
  match: FaultMatch;
  fault: Fault;
  remaining: number;
}

interface HoldRecord {
  match: FaultMatch;
  /** The request that arrived, once one did. */
  onArrive: (request: RecordedRequest) => void;
  released: Promise<void>;
  release: () => void;
  taken: boolean;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

type AuthKind = 'bearer' | 'api-key' | 'none';

interface RequestContext {
  request: Request;
  url: URL;
  origin: string;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  invalidJson: boolean;
  /** Set on bearer routes. */
  account: AccountState;
}

interface Route {
  method: string;
  segments: string[];
  auth: AuthKind;
  handle(context: RequestContext): Response | Promise<Response>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const badRequest = (message: string, code = 'BAD_REQUEST'): HttpError => new HttpError(400, code, message);
const notFound = (message: string): HttpError => new HttpError(404, 'NOT_FOUND', message);

const DEFAULT_RATE_LIMIT: MockRateLimit = { perSecond: 20, burst: 5 };
const REFRESH_TTL_SECONDS = 7 * 24 * 3600;
const EVENT_RUN_MS = 3_000;

function readBody(text: string, contentType: string): { body: unknown; invalidJson: boolean } {
  if (text === '') return { body: undefined, invalidJson: false };
  if (contentType.includes('application/x-www-form-urlencoded')) {
    const out: Record<string, string | string[]> = {};
    for (const [key, value] of new URLSearchParams(text)) {
      const previous = out[key];
      out[key] =
        previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
    }
    return { body: out, invalidJson: false };
  }
  const looksJson = contentType.includes('json') || contentType === '';
  if (looksJson) {
    try {
      return { body: JSON.parse(text) as unknown, invalidJson: false };
    } catch {
      return { body: text, invalidJson: contentType.includes('json') };
    }
  }
  return { body: text, invalidJson: false };
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const expected = pattern[i] ?? '';
    const segment = actual[i] ?? '';
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
    } else if (expected !== segment) {
      return undefined;
    }
  }
  return params;
}

function positiveInt(query: URLSearchParams, name: string, fallback: number, max?: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest(`${name} must be a positive integer`);
  const value = Number(raw);
  if (max !== undefined && value > max) throw badRequest(`${name} must be at most ${max}`);
  return value;
}

/** The headers as recorded: lower-case names, credentials blanked when asked. */
function recordedHeaders(
  headers: Record<string, string>,
  redactCredentials: boolean,
): Record<string, string> {
  if (!redactCredentials) return headers;
  const out = { ...headers };
  if (out['authorization'] !== undefined)
    out['authorization'] = out['authorization'].replace(/\S+$/, '[redacted]');
  if (out['x-api-key'] !== undefined) out['x-api-key'] = '[redacted]';
  return out;
}

/**
 * A page envelope. `short` sends only `totalDocs, limit, page, totalPages, hasNextPage`, as some real
 * answers do (no `hasPrevPage`, `nextPage`, `prevPage`).
 */
function paginate<T>(
  items: readonly T[],
  pageNumber: number,
  limit: number,
  short = false,
): Record<string, unknown> {
  const totalDocs = items.length;
  const totalPages = Math.ceil(totalDocs / limit) || 1;
  const start = (pageNumber - 1) * limit;
  const envelope = {
    docs: items.slice(start, start + limit),
    totalDocs,
    limit,
    page: pageNumber,
    totalPages,
    hasNextPage: pageNumber < totalPages,
  };
  if (short) return envelope;
  return {
    ...envelope,
    pagingCounter: start + 1,
    hasPrevPage: pageNumber > 1,
    prevPage: pageNumber > 1 ? pageNumber - 1 : null,
    nextPage: pageNumber < totalPages ? pageNumber + 1 : null,
  };
}

function absolute(origin: string, icon: string | undefined, slug: string): string {
  if (icon !== undefined && /^(https?:|data:)/i.test(icon)) return icon;
  const path =
    icon !== undefined && icon.startsWith('/') ? icon : `/mock-assets/icons/${encodeURIComponent(slug)}.svg`;
  return `${origin}${path}`;
}

function toIso(value: Date | string | undefined, fallback: number): string {
  if (value === undefined) return new Date(fallback).toISOString();
  return typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
}

function requireObject(context: RequestContext, allowEmpty = false): Record<string, unknown> {
  if (context.invalidJson) throw badRequest('Request body is not valid JSON');
  if (context.body === undefined && allowEmpty) return {};
  if (!isRecord(context.body)) throw badRequest('Request body must be a JSON object');
  return context.body;
}

function faultMatches(match: FaultMatch, method: string, path: string): boolean {
  if (match.method === undefined ? method === 'OPTIONS' : match.method.toUpperCase() !== method) return false;
  return typeof match.path === 'string'
    ? match.path === path
    : new RegExp(match.path.source, match.path.flags).test(path);
}

function faultResponse(fault: Fault): Response | undefined {
  const extra = fault.headers ?? {};
  if (fault.kind === 'malformed') {
    const body = typeof fault.body === 'string' ? fault.body : '{"docs": [';
    return new Response(body, {
      status: fault.status ?? 200,
      headers: { ...CORS_HEADERS, 'content-type': 'application/json; charset=utf-8', ...extra },
    });
  }
  if (fault.kind === 'html-502') {
    const body =
      typeof fault.body === 'string'
        ? fault.body
        : '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    return new Response(body, {
      status: fault.status ?? 502,
      headers: { ...CORS_HEADERS, 'content-type': 'text/html', ...extra },
    });
  }
  if (fault.status === undefined && fault.body === undefined) return undefined;
  const status = fault.status ?? 200;
  const headers: Record<string, string> = { ...CORS_HEADERS };
  if (status === 429) headers['retry-after'] = '1';
  if (typeof fault.body === 'string') {
    return new Response(fault.body, {
      status,
      headers: { ...headers, 'content-type': 'text/plain; charset=utf-8', ...extra },
    });
  }
  const body =
    fault.body !== undefined
      ? fault.body
      : errorBody(status, defaultErrorCode(status), defaultErrorMessage(status));
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, 'content-type': 'application/json; charset=utf-8', ...extra },
  });
}

/** A status the list route filters by: a documented one, or the newer `QUEUED`. */
function isExecutionStatus(value: string): boolean {
  return (MOCK_EXECUTION_STATUSES as readonly string[]).includes(value) || value === MOCK_QUEUED_STATUS;
}

// ---------------------------------------------------------------------------------------------------------
// The mock

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
  const apiKey = options.apiKey ?? DEFAULT_MOCK_API_KEY;
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  const rateLimit: MockRateLimit | false = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const now = options.now ?? ((): number => Date.now());
  const oauthAutoDelayMs = options.oauthAutoDelayMs;
  const sourceApps: readonly MockApp[] = options.apps ?? mockApps;
  const sourceWorkflows: readonly MockWorkflow[] = options.workflows ?? mockWorkflows;
  const sourceConfigs: Record<string, MockConfigTemplate> = options.configs ?? {};

  let apps: MockApp[] = [];
  let workflows: MockWorkflow[] = [];
  let configTemplates = new Map<string, MockConfigTemplate>();
  let accounts = new Map<string, AccountState>();
  let tokens = new Map<string, TokenRecord>();
  let oauthFlows = new Map<string, OAuthFlow>();
  let hostedSessions = new Map<string, HostedSession>();
  let faults: FaultRecord[] = [];
  let buckets = new Map<string, Bucket>();
  let recorded: RecordedRequest[] = [];
  let holds: HoldRecord[] = [];
  const maxRecorded = Math.max(1, options.maxRecordedRequests ?? 1000);
  const redactCredentials = options.redactRecordedCredentials ?? false;

  function load(): void {
    apps = structuredClone([...sourceApps]);
    workflows = structuredClone([...sourceWorkflows]);
    configTemplates = new Map(Object.entries(structuredClone(sourceConfigs)));
    accounts = new Map();
    tokens = new Map();
    oauthFlows = new Map();
    hostedSessions = new Map();
    faults = [];
    buckets = new Map();
    recorded = [];
    for (const held of holds) held.release();
    holds = [];
  }
  load();

  const findApp = (slug: string): MockApp | undefined => apps.find((app) => app.slug === slug);

  function appOr404(slug: string): MockApp {
    const app = findApp(slug);
    if (app === undefined) throw notFound(`Application not found: ${slug}`);
    return app;
  }

  function configContext(app: MockApp): ConfigContext {
    let template = configTemplates.get(app.slug);
    if (template === undefined) {
      template = defaultConfigTemplate(app);
      configTemplates.set(app.slug, template);
    }
    return {
      template,
      workflows: workflows.filter((workflow) => workflow.published && workflow.slug === app.slug),
    };
  }

  // --- accounts -----------------------------------------------------------------------------------------

  function ensureAccount(id: string): AccountState {
    let account = accounts.get(id);
    if (account === undefined) {
      account = {
        id,
        objectId: `6500${hashString(`account:${id}`).toString(16).padStart(8, '0')}${randomHex(12)}`,
        createdAt: new Date(now()).toISOString(),
        connections: new Map(),
        configs: new Map(),
        configWrites: [],
        executions: undefined,
        events: [],
        rejectNext: new Map(),
        currentToken: undefined,
      };
      accounts.set(id, account);
    }
    return account;
  }

  function slugOfExecution(doc: MockExecution): string | undefined {
    const app = apps.find(
      (candidate) =>
        candidate.app_id === doc.associated_application._id ||
        candidate.name === doc.associated_application.name,
    );
    return app?.slug;
  }

  function executionsOf(account: AccountState): ExecutionRecord[] {
    if (account.executions === undefined) {
      const source = options.executions;
      const docs =
        source === undefined
          ? generateExecutions({ linkedAccountId: account.id, apps, workflows, now: now() })
          : Array.isArray(source)
            ? structuredClone(source)
            : source({ linkedAccountId: account.id, apps, workflows, now: now() });
      account.executions = docs.map((doc) => ({ doc, slug: slugOfExecution(doc) }));
    }
    const time = now();
    for (const record of account.executions) {
      if (record.completesAt !== undefined && record.doc.status === 'RUNNING' && time >= record.completesAt) {
        record.doc.status = 'COMPLETED';
        record.doc.completion_percentage = 100;
        record.doc.updatedAt = new Date(record.completesAt).toISOString();
        for (const node of record.doc.nodes ?? []) node.node_status = 'Success';
        record.completesAt = undefined;
      }
    }
    return account.executions;
  }

  function connectionsOf(account: AccountState, slug: string): ConnectionRecord[] {
    return account.connections.get(slug) ?? [];
  }

  function addConnection(
    account: AccountState,
    app: MockApp,
    authType: MockAuthType,
    identifier: unknown,
    status: MockConnectionStatus = 'active',
    connectedAt?: Date | string,
    credentials?: Record<string, unknown>,
  ): ConnectionRecord {
    const others = connectionsOf(account, app.slug).filter((connection) => connection.auth_type !== authType);
    const record: ConnectionRecord = {
      connection_id: `conn_${randomHex(16)}`,
      auth_type: authType,
      identifier: structuredClone(identifier),
      connectedAt: toIso(connectedAt, now()),
      status,
    };
    if (credentials !== undefined) record.credentials = structuredClone(credentials);
    account.connections.set(app.slug, [...others, record]);
    return record;
  }

  /** Removes the app's connections of `authType` (`keybased` covers sub-types too), or all of them. */
  function removeConnections(account: AccountState, slug: string, authType?: MockAuthType): number {
    const current = connectionsOf(account, slug);
    const matches = (connection: ConnectionRecord): boolean =>
      connection.auth_type === authType || (authType === 'keybased' && connection.auth_type !== 'oauth2');
    const kept = authType === undefined ? [] : current.filter((connection) => !matches(connection));
    if (kept.length === 0) account.connections.delete(slug);
    else account.connections.set(slug, kept);
    return current.length - kept.length;
  }

  const publicConnection = (record: ConnectionRecord): MockConnection => ({
    ...(record.identifier !== undefined && { identifier: structuredClone(record.identifier) }),
    auth_type: record.auth_type,
    connectedAt: record.connectedAt,
    status: record.status,
    connection_id: record.connection_id,
  });

  function appToWire(app: MockApp, account: AccountState, origin: string): Record<string, unknown> {
    const connections = connectionsOf(account, app.slug);
    const out: Record<string, unknown> = {
      _id: app.app_id,
      app_id: app.app_id,
      name: app.name,
      slug: app.slug,
      type: app.kind === 'custom' ? 'custom' : app.slug,
      description: app.description,
      icon: absolute(origin, app.icon, app.slug),
      tags: [...app.tags],
      kind: app.kind,
      auth_type_options: structuredClone(app.auth_type_options),
      connected_accounts: connections.map(publicConnection),
      connected: connections.length > 0,
      reauth_required: connections.some((connection) => connection.status === 'expired'),
      auth_type: app.auth_type ?? (oauthFields(app) !== undefined ? 'oauth2' : 'keybased'),
      auth_input_map: structuredClone(credentialStyles(app)[0]?.fields ?? []),
    };
    if (app.grant_type !== undefined) out['grant_type'] = app.grant_type;
    return out;
  }

  function linkedAccountToWire(account: AccountState): Record<string, unknown> {
    return {
      _id: account.objectId,
      account_id: account.id,
      name: account.id,
      environment: 'test',
      associated_org: MOCK_ORG_ID,
      createdAt: account.createdAt,
      updatedAt: account.createdAt,
    };
  }

  // --- tokens -------------------------------------------------------------------------------------------

  function mint(linkedAccountId: string, ttlSeconds: number): TokenRecord {
    const account = ensureAccount(linkedAccountId);
    const time = now();
    const iat = Math.floor(time / 1000);
    const token = encodeToken({
      org_id: MOCK_ORG_ID,
      linked_account_id: linkedAccountId,
      environment: 'test',
      iat,
      exp: iat + ttlSeconds,
      jti: randomId(12),
    });
    const record: TokenRecord = {
      token,
      linkedAccountId,
      expiresAt: time + ttlSeconds * 1000,
      revoked: false,
    };
    tokens.set(token, record);
    account.currentToken = token;
    return record;
  }

  function validToken(token: string | undefined): TokenRecord | undefined {
    if (token === undefined) return undefined;
    const record = tokens.get(token);
    if (record === undefined || record.revoked || now() >= record.expiresAt) return undefined;
    return record;
  }

  // --- OAuth ---------------------------------------------------------------------------------------------

  function finishOAuth(linkedAccountId: string, slug: string, identifier?: unknown): void {
    const app = appOr404(slug);
    const account = ensureAccount(linkedAccountId);
    const existing = connectionsOf(account, slug).find((connection) => connection.auth_type === 'oauth2');
    const pending = [...oauthFlows.values()].filter(
      (flow) => flow.linkedAccountId === linkedAccountId && flow.slug === slug,
    );
    addConnection(
      account,
      app,
      'oauth2',
      identifier ??
        pending.at(-1)?.identifier ??
        existing?.identifier ??
        app.mock?.oauthIdentifier ??
        `${linkedAccountId}@${slug}.example`,
    );
    for (const [state, flow] of oauthFlows) {
      if (flow.linkedAccountId === linkedAccountId && flow.slug === slug) oauthFlows.delete(state);
    }
  }

  function settleAutoOAuth(): void {
    if (oauthAutoDelayMs === undefined) return;
    const time = now();
    for (const flow of [...oauthFlows.values()]) {
      if (oauthFlows.has(flow.state) && time >= flow.createdAt + oauthAutoDelayMs) {
        finishOAuth(flow.linkedAccountId, flow.slug, flow.identifier);
      }
    }
  }

  function startOAuth(
    account: AccountState,
    app: MockApp,
    values: Record<string, unknown>,
    origin: string,
  ): string {
    const state = randomId(24);
    const instance = values['instance_url'];
    let identifier: unknown = app.mock?.oauthIdentifier ?? `${account.id}@${app.slug}.example`;
    if (typeof instance === 'string') {
      try {
        identifier = `${account.id}@${new URL(instance).host}`;
      } catch {
        // keep the default identifier
      }
    }
    oauthFlows.set(state, {
      state,
      linkedAccountId: account.id,
      slug: app.slug,
      identifier,
      createdAt: now(),
    });
    return `${origin}/mock-oauth/authorize?state=${encodeURIComponent(state)}`;
  }

  // --- key-based save ------------------------------------------------------------------------------------

  type SaveResult = { ok: true } | { ok: false; status: 400 | 500; message: string };

  /**
   * Saves credentials. A connector sub-type app requires its `auth_type` in the body (a plain key-based one
   * takes none); the connection records that auth type.
   */
  function saveCredentials(
    account: AccountState,
    app: MockApp,
    input: Record<string, unknown>,
    authType: unknown,
  ): SaveResult {
    const styles = credentialStyles(app);
    if (styles.length === 0) {
      return { ok: false, status: 400, message: `${app.name} does not support key-based authentication` };
    }
    const style = styles.find((candidate) =>
      authType === undefined ? candidate.authType === 'keybased' : candidate.authType === authType,
    );
    if (style === undefined) {
      const allowed = styles.map((candidate) => candidate.authType).join(', ');
      const message =
        authType === undefined
          ? `auth_type is required for ${app.name}: one of ${allowed}`
          : `auth_type must be one of ${allowed} for ${app.name}`;
      return { ok: false, status: 400, message };
    }
    const { fields } = style;
    const check = checkAuthValues(fields, input);
    if (!check.ok) return { ok: false, status: 400, message: check.message };
    const once = account.rejectNext.get(app.slug);
    account.rejectNext.delete(app.slug);
    const reason = once ?? providerRejection(app, check.values);
    if (reason !== undefined)
      return { ok: false, status: 500, message: `Failed to verify credentials: ${reason}` };
    addConnection(
      account,
      app,
      style.authType,
      keybasedIdentifier(app, fields, check.values),
      'active',
      undefined,
      check.values,
    );
    return { ok: true };
  }

  // --- configs -------------------------------------------------------------------------------------------

  function configsOf(account: AccountState, slug: string): Map<string, ConfigState> {
    let map = account.configs.get(slug);
    if (map === undefined) {
      map = new Map();
      account.configs.set(slug, map);
    }
    return map;
  }

  function getOrCreateConfig(
    account: AccountState,
    app: MockApp,
    configId: string,
    labels?: unknown,
  ): ConfigState {
    const map = configsOf(account, app.slug);
    let config = map.get(configId);
    if (config === undefined) {
      const parsedLabels = Array.isArray(labels)
        ? labels.filter(isRecord).map((label) => ({
            name: typeof label['name'] === 'string' ? label['name'] : String(label['value'] ?? ''),
            value: String(label['value'] ?? label['name'] ?? ''),
          }))
        : undefined;
      config = createConfigState(app.slug, configId, configContext(app), parsedLabels);
      map.set(configId, config);
    }
    return config;
  }

  function existingConfig(account: AccountState, slug: string, configId: string): ConfigState {
    const config = account.configs.get(slug)?.get(configId);
    if (config === undefined) throw notFound(`Config not found: ${configId}`);
    return config;
  }

  const withOptions = (context: RequestContext): boolean =>
    context.headers['disable_field_options'] !== 'true';

  /** The app of a config-field route (`slug` header): unknown slugs answer 500 like the real service. */
  function schemaApp(context: RequestContext): MockApp {
    const slug = context.headers['slug'];
    if (slug === undefined || slug === '') throw badRequest('The slug header is required');
    const app = findApp(slug);
    if (app === undefined) throw new HttpError(500, 'SERVER_ERROR', `Schema not found for slug: ${slug}`);
    return app;
  }

  /**
   * The config a field route acts on: the one named by the `config_id` query parameter (404 when there is no
   * such config), else the default config, exactly as Refold does. No header and no other fallback.
   */
  function fieldConfig(context: RequestContext, app: MockApp): ConfigState {
    const configId = context.query.get('config_id');
    if (configId === null || configId === '' || configId === context.account.id) {
      return getOrCreateConfig(context.account, app, context.account.id);
    }
    return existingConfig(context.account, app.slug, configId);
  }

  function logWrite(
    context: RequestContext,
    write: Omit<MockConfigWrite, 'at' | 'workflow_id'> & { workflow_id?: string | undefined },
  ): void {
    const { workflow_id, ...rest } = write;
    context.account.configWrites.push({
      ...rest,
      ...(workflow_id === undefined ? {} : { workflow_id }),
      at: now(),
    });
  }

  interface FieldTarget {
    config: ConfigState;
    /** Set for a workflow's field (reached only with `workflow_id`). */
    workflowId?: string;
    field: MockConfigField;
    values: Map<string, unknown>;
    lookup: (id: string) => unknown;
  }

  function fieldTarget(context: RequestContext, app: MockApp): FieldTarget {
    const fieldId = context.params['fieldId'] ?? '';
    const configContextValue = configContext(app);
    const config = fieldConfig(context, app);
    const workflowId = context.query.get('workflow_id');
    if (workflowId !== null && workflowId !== '') {
      const workflow = configContextValue.workflows.find((candidate) => candidate._id === workflowId);
      if (workflow === undefined) throw notFound(`Workflow not found: ${workflowId}`);
      const state = workflowState(config, workflow);
      const field = workflow.fields?.find((candidate) => candidate.id === fieldId);
      if (field === undefined) throw notFound(`Field not found: ${fieldId}`);
      return { config, workflowId, field, values: state.values, lookup: lookupIn(config, state) };
    }
    const field = configContextValue.template.fields.find((candidate) => candidate.id === fieldId);
    if (field === undefined) throw notFound(`Field not found: ${fieldId}`);
    return { config, field, values: config.values, lookup: lookupIn(config) };
  }

  // --- route handlers ------------------------------------------------------------------------------------

  const routes: Route[] = [];
  const route = (method: string, path: string, auth: AuthKind, handle: Route['handle']): void => {
    routes.push({ method, segments: splitPath(path), auth, handle });
  };

  // Session tokens (backend, API key).
  route('POST', '/api/v2/public/session-token', 'api-key', (context) => {
    const body = requireObject(context, true);
    const id = body['linked_account_id'];
    if (typeof id !== 'string' || id.trim() === '') {
      throw new HttpError(400, 'INVALID_LINKED_ACCOUNT_ID', 'linked_account_id is required');
    }
    const account = ensureAccount(id);
    const force = context.query.get('force_refresh') === 'true';
    const current = force ? undefined : validToken(account.currentToken);
    const record = current ?? mint(id, tokenTtlSeconds);
    return json(200, {
      token: record.token,
      refresh_token: randomId(32),
      expires_in: Math.max(1, Math.floor((record.expiresAt - now()) / 1000)),
      refresh_expires_in: REFRESH_TTL_SECONDS,
    });
  });

  route('POST', '/api/v2/public/session-token/revoke', 'bearer', (context) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(context.headers['authorization'] ?? '')?.[1];
    const record = token === undefined ? undefined : tokens.get(token);
    let revoked = 0;
    if (record !== undefined && !record.revoked) {
      record.revoked = true;
      revoked = 1;
    }
    return json(200, { success: true, revoked_count: revoked });
  });

  // Apps and connections.
  route('GET', '/api/v2/f-sdk/application', 'bearer', (context) =>
    json(
      200,
      apps.map((app) => appToWire(app, context.account, context.origin)),
    ),
  );

  route('GET', '/api/v2/f-sdk/application/:slug', 'bearer', (context) =>
    json(200, appToWire(appOr404(context.params['slug'] ?? ''), context.account, context.origin)),
  );

  const integrate = (context: RequestContext, input: Record<string, unknown>): Response => {
    const app = appOr404(context.params['slug'] ?? '');
    const fields = oauthFields(app);
    if (fields === undefined) throw badRequest(`${app.name} does not support OAuth`);
    const check = checkAuthValues(fields, input);
    if (!check.ok) throw badRequest(check.message);
    if (app.grant_type === 'client_credentials') {
      addConnection(
        context.account,
        app,
        'oauth2',
        app.mock?.oauthIdentifier ?? `${app.slug} service account`,
      );
      return json(200, { connected: true });
    }
    return json(200, { auth_url: startOAuth(context.account, app, check.values, context.origin) });
  };
  route('POST', '/api/v1/:slug/integrate', 'bearer', (context) =>
    integrate(context, requireObject(context, true)),
  );
  route('GET', '/api/v1/:slug/integrate', 'bearer', (context) =>
    integrate(context, Object.fromEntries(context.query.entries())),
  );

  route('POST', '/api/v2/app/:slug/save', 'bearer', (context) => {
    const app = appOr404(context.params['slug'] ?? '');
    const body = requireObject(context);
    const { auth_type: authType, ...values } = body;
    const result = saveCredentials(context.account, app, values, authType);
    if (!result.ok) {
      throw new HttpError(
        result.status,
        result.status === 500 ? 'SERVER_ERROR' : 'BAD_REQUEST',
        result.message,
      );
    }
    return json(200, { success: true });
  });

  route('DELETE', '/api/v1/linked-acc/integration/:slug', 'bearer', (context) => {
    const app = appOr404(context.params['slug'] ?? '');
    const authType = context.query.get('auth_type');
    const known = ['oauth2', 'keybased', ...credentialStyles(app).map((style) => style.authType)];
    if (authType !== null && !known.includes(authType)) {
      throw badRequest(`auth_type must be one of ${[...new Set(known)].join(', ')}`);
    }
    removeConnections(context.account, app.slug, authType ?? undefined);
    const integrations = apps.flatMap((candidate) =>
      connectionsOf(context.account, candidate.slug).map((connection) => ({
        type: candidate.slug,
        name: candidate.name,
        identifier: connection.identifier,
        auth_type: connection.auth_type,
        reauth_required: connection.status === 'expired',
        createdAt: connection.connectedAt,
      })),
    );
    return json(200, { ...linkedAccountToWire(context.account), integrations });
  });

  // Configs.
  route('POST', '/api/v2/f-sdk/config', 'bearer', (context) => {
    const body = requireObject(context);
    const slug = body['slug'];
    if (typeof slug !== 'string' || slug === '') throw badRequest('slug is required');
    const configId = body['config_id'];
    if (configId !== undefined && (typeof configId !== 'string' || configId === '')) {
      throw badRequest('config_id must be a non-empty string');
    }
    const app = appOr404(slug);
    const config = getOrCreateConfig(context.account, app, configId ?? context.account.id, body['labels']);
    return json(200, renderConfig(config, configContext(app), withOptions(context)));
  });

  /**
   * Updates a config, merging per given field id: a field the body does not name keeps its stored value
   * (so does a workflow the body does not list). A value of the wrong structure answers 400 and nothing is
   * stored; a well-formed but invalid value comes back in `field_errors` while the others are stored.
   */
  route('PUT', '/api/v2/f-sdk/config', 'bearer', (context) => {
    const body = requireObject(context);
    const slug = body['slug'];
    if (typeof slug !== 'string' || slug === '') throw badRequest('slug is required');
    const app = appOr404(slug);
    const configId = body['config_id'];
    if (configId !== undefined && (typeof configId !== 'string' || configId === '')) {
      throw badRequest('config_id must be a non-empty string');
    }
    const fields = body['fields'];
    if (fields !== undefined && !isRecord(fields)) {
      throw badRequest('fields must be an object of { [fieldId]: value }');
    }
    const workflowInput = body['workflows'] ?? [];
    if (!Array.isArray(workflowInput)) throw badRequest('workflows must be an array');
    const contextValue = configContext(app);
    const updates = workflowInput.map((entry: unknown) => {
      if (!isRecord(entry) || typeof entry['id'] !== 'string') throw badRequest('each workflow needs an id');
      const workflow = contextValue.workflows.find((candidate) => candidate._id === entry['id']);
      if (workflow === undefined) throw badRequest(`Unknown workflow: ${entry['id']}`);
      if (entry['enabled'] !== undefined && typeof entry['enabled'] !== 'boolean') {
        throw badRequest('workflow enabled must be a boolean');
      }
      const workflowFields = entry['fields'] ?? {};
      if (!isRecord(workflowFields)) throw badRequest('workflow fields must be an object');
      return { workflow, enabled: entry['enabled'], fields: workflowFields };
    });
    const checkShapes = (template: readonly MockConfigField[], values: Record<string, unknown>) => {
      for (const [id, value] of Object.entries(values)) {
        const field = template.find((candidate) => candidate.id === id);
        const problem = field === undefined ? undefined : shapeProblem(field, value);
        if (problem !== undefined) throw badRequest(problem, 'INVALID_FIELD_VALUE');
      }
    };
    checkShapes(contextValue.template.fields, fields ?? {});
    for (const update of updates) checkShapes(update.workflow.fields ?? [], update.fields);

    const config = getOrCreateConfig(context.account, app, configId ?? context.account.id);
    const errors: FieldError[] = [];
    if (fields !== undefined) {
      const applied = applyFieldValues(contextValue.template.fields, fields, config.values, lookupIn(config));
      errors.push(...applied.errors);
      logWrite(context, {
        route: 'update-config',
        slug: app.slug,
        config_id: config.config_id,
        fields: applied.stored,
      });
    }
    for (const update of updates) {
      const state = workflowState(config, update.workflow);
      if (typeof update.enabled === 'boolean') state.enabled = update.enabled;
      const applied = applyFieldValues(
        update.workflow.fields ?? [],
        update.fields,
        state.values,
        lookupIn(config, state),
        update.workflow._id,
      );
      errors.push(...applied.errors);
      logWrite(context, {
        route: 'update-config',
        slug: app.slug,
        config_id: config.config_id,
        workflow_id: update.workflow._id,
        fields: applied.stored,
        ...(typeof update.enabled === 'boolean' && { enabled: update.enabled }),
      });
    }
    return json(200, renderConfig(config, contextValue, withOptions(context), errors));
  });

  const getConfig = (context: RequestContext): Response => {
    const app = appOr404(context.params['slug'] ?? '');
    const config = existingConfig(
      context.account,
      app.slug,
      context.params['configId'] ?? context.account.id,
    );
    return json(200, renderConfig(config, configContext(app), withOptions(context)));
  };
  const deleteConfig = (context: RequestContext): Response => {
    const app = appOr404(context.params['slug'] ?? '');
    const configId = context.params['configId'] ?? context.account.id;
    existingConfig(context.account, app.slug, configId);
    configsOf(context.account, app.slug).delete(configId);
    return json(200, { message: 'Config deleted successfully' });
  };
  route('GET', '/api/v2/f-sdk/slug/:slug/config', 'bearer', getConfig);
  route('GET', '/api/v2/f-sdk/slug/:slug/config/:configId', 'bearer', getConfig);
  route('DELETE', '/api/v2/f-sdk/slug/:slug/config', 'bearer', deleteConfig);
  route('DELETE', '/api/v2/f-sdk/slug/:slug/config/:configId', 'bearer', deleteConfig);

  route('GET', '/api/v2/public/slug/:slug/configs', 'bearer', (context) => {
    const app = appOr404(context.params['slug'] ?? '');
    const ids = [...(context.account.configs.get(app.slug)?.keys() ?? [])];
    return json(
      200,
      ids.map((id) => ({ config_id: id })),
    );
  });

  /** The answer of both field routes: the field with its current value (and options, unless turned off). */
  const renderTarget = (target: FieldTarget, context: RequestContext) =>
    renderField(
      target.field,
      target.values.get(target.field.id),
      target.lookup,
      withOptions(context),
      target.config.labels,
    );

  route('POST', '/api/v2/public/config/field/:fieldId', 'bearer', (context) => {
    if (context.invalidJson) throw badRequest('Request body is not valid JSON');
    const app = schemaApp(context);
    const target = fieldTarget(context, app);
    return json(200, renderTarget(target, context));
  });

  route('PUT', '/api/v2/public/config/field/:fieldId', 'bearer', (context) => {
    const body = requireObject(context);
    if (!('value' in body)) throw badRequest('value is required');
    const app = schemaApp(context);
    const target = fieldTarget(context, app);
    const problem = shapeProblem(target.field, body['value']);
    if (problem !== undefined) throw badRequest(problem, 'INVALID_FIELD_VALUE');
    const check = validateConfigValue(
      target.field,
      body['value'],
      resolveOptions(target.field, target.lookup),
    );
    if (!check.ok) throw badRequest(check.message, 'INVALID_FIELD_VALUE');
    if (check.value === undefined) target.values.delete(target.field.id);
    else target.values.set(target.field.id, check.value);
    logWrite(context, {
      route: 'set-field',
      slug: app.slug,
      config_id: target.config.config_id,
      workflow_id: target.workflowId,
      fields: { [target.field.id]: check.value === undefined ? null : structuredClone(check.value) },
    });
    return json(200, renderTarget(target, context));
  });

  route('POST', '/api/v2/public/config/rule-engine/:fieldId', 'bearer', (context) => {
    const body = requireObject(context);
    const column = body['rule_column'];
    const lhs = isRecord(column) ? column['lhs'] : undefined;
    if (typeof lhs !== 'string' || lhs === '') throw badRequest('rule_column.lhs is required');
    const app = schemaApp(context);
    const target = fieldTarget(context, app);
    if (target.field.field_type !== 'rule_engine')
      throw badRequest(`${target.field.name} is not a rule-engine field`);
    const ruleColumn = target.field.ruleColumns?.find((candidate) => candidate.value === lhs);
    if (ruleColumn === undefined) throw badRequest(`Unknown rule column: ${lhs}`);
    const rhs: Record<string, unknown> = { name: 'value', type: ruleColumn.rhs.type };
    if (ruleColumn.rhs.options !== undefined) rhs['options'] = structuredClone(ruleColumn.rhs.options);
    return json(200, {
      rule_column: {
        rhs,
        operator: { name: 'operator', type: 'select', options: structuredClone(ruleColumn.operators) },
      },
    });
  });

  route('PATCH', '/api/v2/public/slug/:slug/config/:configId/workflows/:workflowId', 'bearer', (context) => {
    const app = appOr404(context.params['slug'] ?? '');
    const body = requireObject(context);
    if (typeof body['enabled'] !== 'boolean') throw badRequest('enabled must be a boolean');
    const config = existingConfig(context.account, app.slug, context.params['configId'] ?? '');
    const contextValue = configContext(app);
    const workflow = contextValue.workflows.find(
      (candidate) => candidate._id === context.params['workflowId'],
    );
    if (workflow === undefined) throw notFound(`Workflow not found: ${context.params['workflowId'] ?? ''}`);
    workflowState(config, workflow).enabled = body['enabled'];
    logWrite(context, {
      route: 'toggle-workflow',
      slug: app.slug,
      config_id: config.config_id,
      workflow_id: workflow._id,
      fields: {},
      enabled: body['enabled'],
    });
    // As documented: each workflow's id and state, without names or fields.
    return json(200, {
      workflows: contextValue.workflows.map((candidate) => ({
        id: candidate._id,
        enabled: workflowState(config, candidate).enabled,
      })),
    });
  });

  // Workflows.
  route('GET', '/api/v2/public/workflow/enabled', 'bearer', (context) => {
    const out: Record<string, unknown>[] = [];
    for (const [slug, configs] of context.account.configs) {
      const app = findApp(slug);
      if (app === undefined) continue;
      const contextValue = configContext(app);
      for (const config of configs.values()) {
        for (const workflow of contextValue.workflows) {
          if (!workflowState(config, workflow).enabled) continue;
          out.push({
            id: workflow._id,
            name: workflow.name,
            description: workflow.description ?? '',
            icon: absolute(context.origin, app.icon, app.slug),
            createdAt: workflow.createdAt,
            updatedAt: workflow.updatedAt,
            config_id: config.config_id,
            application: {
              _id: app.app_id,
              name: app.name,
              slug: app.slug,
              icon: absolute(context.origin, app.icon, app.slug),
            },
          });
        }
      }
    }
    return json(200, out);
  });

  route('GET', '/api/v2/public/workflow', 'bearer', (context) => {
    const pageNumber = positiveInt(context.query, 'page', 1);
    const limit = positiveInt(context.query, 'limit', 10, 100);
    const slug = context.query.get('slug');
    const name = context.query.get('name')?.toLowerCase();
    const published = context.query.get('published');
    if (published !== null && published !== 'true' && published !== 'false') {
      throw badRequest('published must be true or false');
    }
    const list = workflows
      .filter((workflow) => (slug === null || slug === '' ? true : workflow.slug === slug))
      .filter((workflow) =>
        name === undefined || name === '' ? true : workflow.name.toLowerCase().includes(name),
      )
      .filter((workflow) => (published === null ? true : workflow.published === (published === 'true')))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((workflow) => {
        const out: Record<string, unknown> = {
          _id: workflow._id,
          name: workflow.name,
          published: workflow.published,
          createdAt: workflow.createdAt,
          updatedAt: workflow.updatedAt,
        };
        if (workflow.description !== undefined) out['description'] = workflow.description;
        if (workflow.slug !== undefined) out['slug'] = workflow.slug;
        return out;
      });
    return json(200, paginate(list, pageNumber, limit));
  });

  // Executions.
  const executionToWire = (doc: MockExecution, origin: string): MockExecution => {
    const copy = structuredClone(doc);
    const slug = slugOfExecution(doc) ?? 'app';
    if (copy.associated_application.icon !== undefined) {
      copy.associated_application.icon = absolute(origin, copy.associated_application.icon, slug);
    }
    return copy;
  };

  route('GET', '/api/v2/public/execution', 'bearer', (context) => {
    const { query } = context;
    const pageNumber = positiveInt(query, 'page', 1);
    const limit = positiveInt(query, 'limit', 10, 100);
    const list = (name: string): string[] | undefined => {
      const raw = query.get(name);
      return raw === null || raw === '' ? undefined : raw.split(',').map((part) => part.trim());
    };
    const slugs = list('slug');
    const statuses = list('status');
    const bad = statuses?.find((status) => !isExecutionStatus(status));
    if (bad !== undefined) {
      const allowed = [...MOCK_EXECUTION_STATUSES, MOCK_QUEUED_STATUS].join(', ');
      throw badRequest(`status must be one of ${allowed} (got "${bad}")`);
    }
    const date = (name: string): number | undefined => {
      const raw = query.get(name);
      if (raw === null || raw === '') return undefined;
      const value = Date.parse(raw);
      if (Number.isNaN(value)) throw badRequest(`${name} must be an ISO 8601 date`);
      return value;
    };
    const start = date('start_date');
    const end = date('end_date');
    const workflowIdFilter = query.get('workflow_id');
    const workflowName = query.get('workflow_name')?.toLowerCase();
    const filtered = executionsOf(context.account)
      .filter((record) => slugs === undefined || (record.slug !== undefined && slugs.includes(record.slug)))
      .filter((record) => statuses === undefined || statuses.includes(record.doc.status))
      .filter(
        (record) =>
          workflowIdFilter === null ||
          workflowIdFilter === '' ||
          record.doc.associated_workflow._id === workflowIdFilter,
      )
      .filter(
        (record) =>
          workflowName === undefined ||
          workflowName === '' ||
          record.doc.associated_workflow.name.toLowerCase().includes(workflowName),
      )
      .filter((record) => {
        const at = Date.parse(record.doc.createdAt);
        return (start === undefined || at >= start) && (end === undefined || at <= end);
      })
      .sort((a, b) => Date.parse(b.doc.createdAt) - Date.parse(a.doc.createdAt))
      .map((record) => executionToWire(record.doc, context.origin));
    // Real execution pages may carry only totalDocs, limit, page, totalPages and hasNextPage.
    return json(200, paginate(filtered, pageNumber, limit, true));
  });

  route('GET', '/api/v2/public/execution/:id', 'bearer', (context) => {
    const record = executionsOf(context.account).find(
      (candidate) => candidate.doc._id === context.params['id'],
    );
    if (record === undefined) throw notFound(`Execution not found: ${context.params['id'] ?? ''}`);
    // The single run comes without its `_id`, as real answers may.
    const { _id: _omitted, ...run } = executionToWire(record.doc, context.origin);
    return json(200, run);
  });

  // Events.
  route('POST', '/api/v2/public/event/trigger', 'bearer', (context) => {
    const body = requireObject(context);
    const event = typeof body['event'] === 'string' && body['event'] !== '' ? body['event'] : body['trigger'];
    if (typeof event !== 'string' || event === '') throw badRequest('event is required');
    const slug = context.headers['slug'];
    const app = slug === undefined || slug === '' ? undefined : appOr404(slug);
    const configId = context.headers['config_id'] ?? context.account.id;
    const time = now();
    const received: MockTriggeredEvent = {
      event,
      payload: structuredClone(body['payload']),
      config_id: configId,
      at: time,
    };
    if (app !== undefined) received.slug = app.slug;
    context.account.events.push(received);
    // Start a run of every enabled workflow of the app's config; each completes a few seconds later.
    const config = app === undefined ? undefined : context.account.configs.get(app.slug)?.get(configId);
    if (app !== undefined && config !== undefined) {
      const records = executionsOf(context.account);
      for (const workflow of configContext(app).workflows) {
        if (!workflowState(config, workflow).enabled) continue;
        const id = `67c3${randomHex(20)}`;
        records.unshift({
          slug: app.slug,
          completesAt: time + EVENT_RUN_MS,
          doc: {
            _id: id,
            name: workflow.name,
            status: 'RUNNING',
            associated_application: {
              _id: app.app_id,
              name: app.name,
              icon: app.icon ?? `/mock-assets/icons/${app.slug}.svg`,
            },
            associated_workflow: { _id: workflow._id, name: workflow.name },
            environment: 'test',
            config_id: configId,
            linked_account_id: context.account.id,
            org_id: MOCK_ORG_ID,
            createdAt: new Date(time).toISOString(),
            updatedAt: new Date(time).toISOString(),
            completion_percentage: 0,
            trigger_application_event: event,
            nodes: [
              {
                node_id: `${id.slice(-6)}-n1`,
                node_name: 'Trigger',
                node_type: 'trigger',
                node_status: 'Waiting',
                attempts_made: 1,
                maximum_attempts: 3,
                input_data: { event },
                latest_output: null,
              },
            ],
          },
        });
      }
    }
    return json(200, { message: 'Webhook Fired Success' });
  });

  // Hosted connect and the active linked account.
  route('POST', '/api/v2/public/connect-url', 'bearer', (context) => {
    const body = requireObject(context, true);
    const id = randomId(18);
    const configId = context.query.get('config_id');
    const title =
      typeof body['name'] === 'string' && body['name'] !== '' ? body['name'] : 'Connect your apps';
    hostedSessions.set(id, {
      id,
      linkedAccountId: context.account.id,
      configId: configId === null || configId === '' ? undefined : configId,
      title,
    });
    return json(200, { hosted_url: `${context.origin}/mock-hosted/connect/${id}` });
  });

  route('GET', '/api/v2/public/session/active-linked-account', 'bearer', (context) =>
    json(200, linkedAccountToWire(context.account)),
  );

  // Pages: root, icons, the fake OAuth provider, the hosted connect page.
  route('GET', '/', 'none', (context) => html(200, indexPage(context.origin, apps)));

  route('GET', '/mock-assets/icons/:file', 'none', (context) => {
    const file = context.params['file'] ?? '';
    const app = file.endsWith('.svg') ? findApp(file.slice(0, -4)) : undefined;
    if (app === undefined) return apiError(404, 'NOT_FOUND', `Icon not found: ${file}`);
    return new Response(iconSvg(app.name, app.slug), {
      status: 200,
      headers: { ...CORS_HEADERS, 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=3600' },
    });
  });

  route('GET', '/mock-oauth/authorize', 'none', (context) => {
    const flow = oauthFlows.get(context.query.get('state') ?? '');
    const app = flow === undefined ? undefined : findApp(flow.slug);
    if (flow === undefined || app === undefined) return html(400, invalidStatePage());
    return html(
      200,
      authorizePage(app, absolute(context.origin, app.icon, app.slug), flow.state, flow.linkedAccountId),
    );
  });

  route('POST', '/mock-oauth/authorize', 'none', (context) => {
    const form = isRecord(context.body) ? context.body : {};
    const state = typeof form['state'] === 'string' ? form['state'] : '';
    const flow = oauthFlows.get(state);
    const app = flow === undefined ? undefined : findApp(flow.slug);
    if (flow === undefined || app === undefined) return html(400, invalidStatePage());
    if (form['decision'] === 'allow') {
      finishOAuth(flow.linkedAccountId, flow.slug, flow.identifier);
      return html(200, connectedPage(app.name));
    }
    oauthFlows.delete(state);
    return html(200, deniedPage(app.name));
  });

  const hostedSession = (context: RequestContext): HostedSession | undefined =>
    hostedSessions.get(context.params['id'] ?? '');
  const sessionPath = (session: HostedSession): string =>
    `/mock-hosted/connect/${encodeURIComponent(session.id)}`;
  const expiredHosted = (): Response =>
    html(404, page('Link expired', '<h1>This connect link is invalid or has expired</h1>'));

  route('GET', '/mock-hosted/connect/:id', 'none', (context) => {
    const session = hostedSession(context);
    if (session === undefined) return expiredHosted();
    const account = ensureAccount(session.linkedAccountId);
    return html(
      200,
      hostedPage(
        sessionPath(session),
        session.title,
        apps.map((app) => ({
          app,
          iconUrl: absolute(context.origin, app.icon, app.slug),
          connections: connectionsOf(account, app.slug).map(publicConnection),
        })),
      ),
    );
  });

  route('POST', '/mock-hosted/connect/:id/oauth/:slug', 'none', (context) => {
    const session = hostedSession(context);
    const app = findApp(context.params['slug'] ?? '');
    const fields = app === undefined ? undefined : oauthFields(app);
    if (session === undefined || app === undefined || fields === undefined) return expiredHosted();
    const account = ensureAccount(session.linkedAccountId);
    const input = isRecord(context.body) ? context.body : {};
    const check = checkAuthValues(fields, input);
    if (!check.ok)
      return html(
        400,
        page('Missing information', `<h1>Cannot connect</h1><p class="error">${check.message}</p>`),
      );
    if (app.grant_type === 'client_credentials') {
      addConnection(account, app, 'oauth2', app.mock?.oauthIdentifier ?? `${app.slug} service account`);
      return redirect(sessionPath(session));
    }
    return redirect(startOAuth(account, app, check.values, context.origin));
  });

  const keybasedPage = (context: RequestContext): Response => {
    const session = hostedSession(context);
    const app = findApp(context.params['slug'] ?? '');
    // The hosted page offers the app's first credential style (its sub-type, when it has one).
    const style = app === undefined ? undefined : credentialStyles(app)[0];
    if (session === undefined || app === undefined || style === undefined) return expiredHosted();
    const action = `${sessionPath(session)}/keybased/${encodeURIComponent(app.slug)}`;
    const form = (values: Record<string, unknown>, error?: string) =>
      keybasedFormPage(app, style.fields, action, sessionPath(session), values, error);
    if (context.method === 'GET') return html(200, form({}));
    const input = isRecord(context.body) ? context.body : {};
    const result = saveCredentials(
      ensureAccount(session.linkedAccountId),
      app,
      input,
      style.authType === 'keybased' ? undefined : style.authType,
    );
    if (result.ok) return redirect(sessionPath(session));
    return html(result.status, form(input, result.message));
  };
  route('GET', '/mock-hosted/connect/:id/keybased/:slug', 'none', keybasedPage);
  route('POST', '/mock-hosted/connect/:id/keybased/:slug', 'none', keybasedPage);

  // Page routes have no account; a shared placeholder keeps the context type simple and is never stored.
  const placeholder: AccountState = {
    id: '',
    objectId: '',
    createdAt: '',
    connections: new Map(),
    configs: new Map(),
    configWrites: [],
    executions: [],
    events: [],
    rejectNext: new Map(),
    currentToken: undefined,
  };

  // --- the handler ---------------------------------------------------------------------------------------

  function takeFault(method: string, path: string): Fault | undefined {
    const record = faults.find(
      (candidate) => candidate.remaining > 0 && faultMatches(candidate.match, method, path),
    );
    if (record === undefined) return undefined;
    record.remaining -= 1;
    faults = faults.filter((candidate) => candidate.remaining > 0);
    return record.fault;
  }

  function rateLimited(key: string): number | undefined {
    if (rateLimit === false) return undefined;
    const time = now();
    const bucket = buckets.get(key) ?? { tokens: rateLimit.burst, updatedAt: time };
    const elapsed = Math.max(0, time - bucket.updatedAt);
    bucket.tokens = Math.min(rateLimit.burst, bucket.tokens + (elapsed * rateLimit.perSecond) / 1000);
    bucket.updatedAt = time;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rateLimit.perSecond));
  }

  async function handler(request: Request): Promise<Response> {
    settleAutoOAuth();
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
      headers: recordedHeaders(headers, redactCredentials),
      body: structuredClone(body),
      at: now(),
    };
    recorded.push(entry);
    if (recorded.length > maxRecorded) recorded.splice(0, recorded.length - maxRecorded);

    const held = holds.find((candidate) => !candidate.taken && faultMatches(candidate.match, method, path));
    if (held !== undefined) {
      held.taken = true;
      held.onArrive(structuredClone(entry));
      await held.released;
      holds = holds.filter((candidate) => candidate !== held);
    }

    // What the real API refuses before any route runs: an empty path segment, a JSON body sent without a
    // JSON content type.
    if (method !== 'OPTIONS' && path.includes('//')) {
      return apiError(400, 'BAD_REQUEST', `Empty path segment in ${path}`);
    }
    if (path.startsWith('/api/') && text !== '' && !(headers['content-type'] ?? '').includes('json')) {
      return apiError(400, 'BAD_REQUEST', 'A request body needs content-type: application/json');
    }

    const fault = takeFault(method, path);
    let extraHeaders: Record<string, string> = {};
    if (fault !== undefined) {
      if (fault.delayMs !== undefined && fault.delayMs > 0) await sleep(fault.delayMs, request.signal);
      if (fault.kind === 'network') throw new TypeError('fetch failed');
      const answer = faultResponse(fault);
      if (answer !== undefined) return answer;
      extraHeaders = fault.headers ?? {};
    }
    const response = await route_(request, url, method, headers, body, invalidJson);
    for (const [key, value] of Object.entries(extraHeaders)) response.headers.set(key, value);
    return response;
  }

  async function route_(
    request: Request,
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: unknown,
    invalidJson: boolean,
  ): Promise<Response> {
    if (method === 'OPTIONS')
      return new Response(null, { status: 204, headers: { ...CORS_HEADERS, ...PREFLIGHT_HEADERS } });
    const segments = splitPath(url.pathname);
    let matched: { route: Route; params: Record<string, string> } | undefined;
    for (const candidate of routes) {
      if (candidate.method !== method && !(candidate.method === 'GET' && method === 'HEAD')) continue;
      const params = matchSegments(candidate.segments, segments);
      if (params !== undefined) {
        matched = { route: candidate, params };
        break;
      }
    }
    if (matched === undefined) return apiError(404, 'NOT_FOUND', `Cannot ${method} ${url.pathname}`);

    let account: AccountState | undefined;
    let limitKey: string | undefined;
    if (matched.route.auth === 'bearer') {
      const authorization = headers['authorization'];
      if (authorization === undefined || authorization.trim() === '') {
        return apiError(401, 'INVALID_TOKEN', 'Authorization Token Missing');
      }
      const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      const record = validToken(token);
      if (record === undefined || token === undefined) return apiError(401, 'INVALID_TOKEN', 'Invalid token');
      account = ensureAccount(record.linkedAccountId);
      limitKey = `token:${token}`;
    } else if (matched.route.auth === 'api-key') {
      const key = headers['x-api-key'];
      if (key === undefined || key === '') return apiError(401, 'INVALID_API_KEY', 'API key missing');
      if (key !== apiKey) return apiError(401, 'INVALID_API_KEY', 'Invalid API key');
      limitKey = `key:${key}`;
    }
    if (limitKey !== undefined && rateLimit !== false) {
      const retryAfter = rateLimited(limitKey);
      if (retryAfter !== undefined) {
        return apiError(
          429,
          'RATE_LIMITED',
          `Rate limit exceeded: ${rateLimit.perSecond} requests per second, bursts of ${rateLimit.burst}`,
          { 'retry-after': String(retryAfter) },
        );
      }
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
      account: account ?? placeholder,
    };
    try {
      return await matched.route.handle(context);
    } catch (error) {
      if (error instanceof HttpError) return apiError(error.status, error.code, error.message);
      return apiError(500, 'SERVER_ERROR', 'Internal server error');
    }
  }

  // --- the test-side API ---------------------------------------------------------------------------------

  function accountView(linkedAccountId: string): MockAccount {
    settleAutoOAuth();
    const state = (): AccountState => ensureAccount(linkedAccountId);
    state();
    const storedConfig = (slug: string, configId: string | undefined) => {
      const app = findApp(slug);
      const config = state()
        .configs.get(slug)
        ?.get(configId ?? linkedAccountId);
      return app === undefined || config === undefined ? undefined : { config, context: configContext(app) };
    };
    return {
      linkedAccountId,
      connections: (slug) => {
        const account = state();
        const slugs = slug === undefined ? [...account.connections.keys()] : [slug];
        return slugs.flatMap((one) => connectionsOf(account, one).map(publicConnection));
      },
      connect: (slug, connectOptions: MockConnectOptions = {}) => {
        const app = findApp(slug);
        if (app === undefined) throw new Error(`Unknown app slug: ${slug}`);
        const styles = credentialStyles(app);
        const authType =
          connectOptions.authType ??
          (oauthFields(app) !== undefined ? 'oauth2' : (styles[0]?.authType ?? 'keybased'));
        const fields =
          styles.find((style) => style.authType === authType)?.fields ?? app.auth_type_options.keybased ?? [];
        const identifier =
          'identifier' in connectOptions
            ? connectOptions.identifier
            : authType === 'oauth2'
              ? (app.mock?.oauthIdentifier ?? `${linkedAccountId}@${slug}.example`)
              : keybasedIdentifier(app, fields, connectOptions.credentials ?? {});
        return publicConnection(
          addConnection(
            state(),
            app,
            authType,
            identifier,
            connectOptions.status ?? 'active',
            connectOptions.connectedAt,
            connectOptions.credentials,
          ),
        );
      },
      setConnectionStatus: (slug, status, authType) => {
        for (const connection of connectionsOf(state(), slug)) {
          if (authType === undefined || connection.auth_type === authType) connection.status = status;
        }
      },
      disconnect: (slug, authType) => removeConnections(state(), slug, authType),
      rejectNextSave: (slug, reason) => {
        state().rejectNext.set(slug, reason);
      },
      savedCredentials: (slug) => {
        const record = connectionsOf(state(), slug).find((connection) => connection.auth_type !== 'oauth2');
        return record?.credentials === undefined ? undefined : structuredClone(record.credentials);
      },
      configIds: (slug) => [...(state().configs.get(slug)?.keys() ?? [])],
      config: (slug, configId) => {
        const found = storedConfig(slug, configId);
        return found && renderConfig(found.config, found.context, true);
      },
      configValues: (slug, configId) => {
        const found = storedConfig(slug, configId);
        return found && configValues(found.config, found.context);
      },
      configWrites: (slug) =>
        structuredClone(state().configWrites.filter((write) => slug === undefined || write.slug === slug)),
      executions: () =>
        executionsOf(state())
          .map((record) => structuredClone(record.doc))
          .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)),
      setExecutions: (list) => {
        state().executions = structuredClone(list).map((doc) => ({ doc, slug: slugOfExecution(doc) }));
      },
      events: () => structuredClone(state().events),
      pendingOAuth: () =>
        [...oauthFlows.values()]
          .filter((flow) => flow.linkedAccountId === linkedAccountId)
          .map((flow) => ({ slug: flow.slug, state: flow.state })),
    };
  }

  return {
    handler,
    get apiKey() {
      return apiKey;
    },
    mintToken(linkedAccountId: string, mintOptions: MintTokenOptions = {}): string {
      if (linkedAccountId === '') throw new Error('linkedAccountId must not be empty');
      return mint(linkedAccountId, mintOptions.ttlSeconds ?? tokenTtlSeconds).token;
    },
    revokeToken(token: string): void {
      const record = tokens.get(token);
      if (record !== undefined) record.revoked = true;
    },
    inject(match: FaultMatch, fault: Fault): void {
      const times = fault.times ?? 1;
      if (times > 0) faults.push({ match, fault, remaining: times });
    },
    hold(match: FaultMatch): MockHold {
      let onArrive!: (request: RecordedRequest) => void;
      let release!: () => void;
      const arrived = new Promise<RecordedRequest>((resolve) => (onArrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const record: HoldRecord = { match, onArrive, released, release, taken: false };
      holds.push(record);
      return {
        arrived,
        release: () => {
          record.release();
          if (!record.taken) holds = holds.filter((candidate) => candidate !== record);
        },
      };
    },
    get requests(): readonly RecordedRequest[] {
      return [...recorded];
    },
    clearRequests(): void {
      recorded = [];
    },
    reset(): void {
      load();
    },
    account: accountView,
    completeOAuth(linkedAccountId: string, slug: string): void {
      finishOAuth(linkedAccountId, slug);
    },
  };
}
