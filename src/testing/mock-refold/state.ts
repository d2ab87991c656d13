/**
 * The shared state of one mock Refold: its settings (from `MockRefoldOptions`), the fixtures it serves, and
 * every account, token, OAuth flow, hosted session, fault, hold, bucket and recorded request. Every resource
 * module (`resources/*.ts`) and the request pipeline (`control.ts`, `server.ts`) read and change this one
 * object; `resetState` brings it back to the fixtures. Also the lookups they all need: apps, accounts and
 * config templates.
 *
 * @module
 */
import type { ConfigContext, ConfigState } from './config.js';
import type { Bucket, FaultRecord, HoldRecord } from './control.js';
import {
  DEFAULT_MOCK_API_KEY,
  defaultConfigTemplate,
  hashString,
  mockApps,
  mockWorkflows,
} from './fixtures.js';
import { notFound } from './http.js';
import type { MockHumanTask } from './resources/human-tasks.js';
import type { MockVariableDefinition } from './resources/variables.js';
import { randomHex } from './tokens.js';
import type {
  MockApp,
  MockConfigTemplate,
  MockConfigWrite,
  MockConnection,
  MockExecution,
  MockRateLimit,
  MockRefoldOptions,
  MockTriggeredEvent,
  MockWorkflow,
  RecordedRequest,
} from './types.js';

/** A session token the mock minted. */
export interface TokenRecord {
  token: string;
  linkedAccountId: string;
  expiresAt: number;
  revoked: boolean;
}

/** A connection, with the credentials it was saved with (never sent back). */
export interface ConnectionRecord extends MockConnection {
  credentials?: Record<string, unknown>;
}

/** A run of an account. */
export interface ExecutionRecord {
  doc: MockExecution;
  slug: string | undefined;
  /** A RUNNING execution started by an event completes at this time (mock clock). */
  completesAt?: number;
}

/** One linked account: its connections, configs, runs and events. */
export interface AccountState {
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

/** An OAuth flow started at the fake provider and not yet finished. */
export interface OAuthFlow {
  state: string;
  linkedAccountId: string;
  slug: string;
  identifier: unknown;
  createdAt: number;
  /** The connection signed in again (integrate with `connection_id`); a new connection when absent. */
  connectionId?: string;
  /** Where the provider sends the page back after Allow or Deny (integrate with `redirect_url`). */
  returnTo?: string;
}

/** A hosted connect link. */
export interface HostedSession {
  id: string;
  linkedAccountId: string;
  configId: string | undefined;
  title: string;
}

/** The options of the mock, defaults applied. */
export interface MockSettings {
  readonly apiKey: string;
  readonly tokenTtlSeconds: number;
  readonly rateLimit: MockRateLimit | false;
  /** The mock's clock (ms). */
  readonly now: () => number;
  readonly oauthAutoDelayMs: number | undefined;
  readonly executions: MockRefoldOptions['executions'];
  readonly maxRecorded: number;
  readonly redactCredentials: boolean;
  readonly sourceApps: readonly MockApp[];
  readonly sourceWorkflows: readonly MockWorkflow[];
  readonly sourceConfigs: Record<string, MockConfigTemplate>;
  /** Variable definitions, when the options give them. */
  readonly variableDefinitions: readonly MockVariableDefinition[] | undefined;
}

/** Everything one mock holds. */
export interface MockState {
  readonly settings: MockSettings;
  apps: MockApp[];
  workflows: MockWorkflow[];
  configTemplates: Map<string, MockConfigTemplate>;
  accounts: Map<string, AccountState>;
  tokens: Map<string, TokenRecord>;
  oauthFlows: Map<string, OAuthFlow>;
  hostedSessions: Map<string, HostedSession>;
  faults: FaultRecord[];
  buckets: Map<string, Bucket>;
  recorded: RecordedRequest[];
  holds: HoldRecord[];
  /** Human tasks by id (they belong to no account: the id is the secret). */
  humanTasks: Map<string, MockHumanTask>;
}

const DEFAULT_RATE_LIMIT: MockRateLimit = { perSecond: 20, burst: 5 };

/** A new mock's state, loaded with its fixtures. */
export function createState(options: MockRefoldOptions): MockState {
  const state: MockState = {
    settings: {
      apiKey: options.apiKey ?? DEFAULT_MOCK_API_KEY,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
      now: options.now ?? ((): number => Date.now()),
      oauthAutoDelayMs: options.oauthAutoDelayMs,
      executions: options.executions,
      maxRecorded: Math.max(1, options.maxRecordedRequests ?? 1000),
      redactCredentials: options.redactRecordedCredentials ?? false,
      sourceApps: options.apps ?? mockApps,
      sourceWorkflows: options.workflows ?? mockWorkflows,
      sourceConfigs: options.configs ?? {},
      variableDefinitions: options.variableDefinitions,
    },
    apps: [],
    workflows: [],
    configTemplates: new Map(),
    accounts: new Map(),
    tokens: new Map(),
    oauthFlows: new Map(),
    hostedSessions: new Map(),
    faults: [],
    buckets: new Map(),
    recorded: [],
    holds: [],
    humanTasks: new Map(),
  };
  resetState(state);
  return state;
}

/** Back to the fixtures: no accounts, tokens, faults, recorded requests or rate-limit state; holds released. */
export function resetState(state: MockState): void {
  const { sourceApps, sourceWorkflows, sourceConfigs } = state.settings;
  state.apps = structuredClone([...sourceApps]);
  state.workflows = structuredClone([...sourceWorkflows]);
  state.configTemplates = new Map(Object.entries(structuredClone(sourceConfigs)));
  state.accounts = new Map();
  state.tokens = new Map();
  state.oauthFlows = new Map();
  state.hostedSessions = new Map();
  state.faults = [];
  state.buckets = new Map();
  state.recorded = [];
  state.humanTasks = new Map();
  for (const held of state.holds) held.release();
  state.holds = [];
}

/** The app with this slug, if any. */
export function findApp(state: MockState, slug: string): MockApp | undefined {
  return state.apps.find((app) => app.slug === slug);
}

/** The app with this slug; a 404 answer when there is none. */
export function appOr404(state: MockState, slug: string): MockApp {
  const app = findApp(state, slug);
  if (app === undefined) throw notFound(`Application not found: ${slug}`);
  return app;
}

/** The app's config template (created from the defaults on first use) and its published workflows. */
export function configContext(state: MockState, app: MockApp): ConfigContext {
  let template = state.configTemplates.get(app.slug);
  if (template === undefined) {
    template = defaultConfigTemplate(app);
    state.configTemplates.set(app.slug, template);
  }
  return {
    template,
    workflows: state.workflows.filter((workflow) => workflow.published && workflow.slug === app.slug),
  };
}

/** The linked account with this id, created on first use. */
export function ensureAccount(state: MockState, id: string): AccountState {
  let account = state.accounts.get(id);
  if (account === undefined) {
    account = {
      ...emptyAccount(id),
      objectId: `6500${hashString(`account:${id}`).toString(16).padStart(8, '0')}${randomHex(12)}`,
      createdAt: new Date(state.settings.now()).toISOString(),
      // Generated (or copied from the options) on first use.
      executions: undefined,
    };
    state.accounts.set(id, account);
  }
  return account;
}

/**
 * An account with nothing in it. Page routes (no token) get one as their context's account: it keeps the
 * context type simple and is never stored.
 */
export function emptyAccount(id = ''): AccountState {
  return {
    id,
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
}
