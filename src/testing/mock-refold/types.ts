/**
 * Shapes used by the mock Refold: its fixtures, its options and its inspection API.
 *
 * These are written from `refold-api.md` on purpose, independently of `src/core/types.ts`, so that a mistake
 * in the client's types is not mirrored (and so masked) by the mock.
 *
 * @module
 */

import type { MockHumanTask, MockHumanTaskInput } from './resources/human-tasks.js';
import type { MockVariableDefinition } from './resources/variables.js';

/** One choice of a select-like field: `name` is shown, `value` is sent. */
export interface MockOption {
  /** Human-readable label. */
  name?: string;
  /** Value stored and sent back. */
  value: string;
}

/** A choice of an auth field: its `value` may be `null` (e.g. "default region"), as in real answers. */
export interface MockAuthOption {
  /** Human-readable label. */
  name?: string;
  /** Value sent; `null` means "no value". */
  value: string | null;
}

/**
 * How a linked account authenticates with an app: `oauth2`, `keybased`, or a connector sub-type
 * (`api_key`, `basic_auth`, `bearer_token`, `noauth`) saved with `auth_type` in the body.
 */
export type MockAuthType = 'oauth2' | 'keybased' | (string & {});

/** OAuth grant of an app; `client_credentials` apps connect without a popup. */
export type MockGrantType = 'authorization_code' | 'authorization_code_pkce' | 'client_credentials';

/** Where an app comes from in Refold. */
export type MockAppKind = 'native' | 'custom' | 'universal_connector';

/**
 * An authentication input field (a pre-auth field of an OAuth app, or a key-based credential field).
 * `type` seen in the wild: `text`, `password`; the fixtures also use `select`, `number`, `url`, `email`,
 * `textarea` and `checkbox`. A field with `options` is a choice, `multiple` makes it a multi-select.
 */
export interface MockAuthField {
  /** Key of the value in the integrate / save body. */
  name: string;
  /** Label shown to the user. */
  label: string;
  /** Input type. */
  type: string;
  /** Whether a non-empty value is needed. */
  required: boolean;
  /** Placeholder text. */
  placeholder: string;
  /** Extra help shown under the field. */
  help_text?: string;
  /** Whether several options may be chosen. */
  multiple?: boolean;
  /** The choices of a select field. */
  options?: MockAuthOption[];
}

/** A value that the fake provider refuses on a key-based save, so demos can try the failure path. */
export interface MockCredentialRule {
  /** Field name whose value is checked. */
  field: string;
  /** The value that fails verification. */
  value: string;
  /** Text after "Failed to verify credentials: ". */
  reason: string;
}

/** Mock-only behaviour of an app; never sent over the wire. */
export interface MockAppBehaviour {
  /** When set, every key-based save of this app fails with this reason. */
  rejectCredentials?: string;
  /** Values that make a key-based save fail (e.g. `api_token === 'wrong'`). */
  wrongCredentials?: MockCredentialRule[];
  /**
   * Identifier of a new OAuth connection, any JSON as in real answers (HubSpot's is an object with portal id,
   * user and hub domain). Default `{linked account}@{slug}.example`.
   */
  oauthIdentifier?: unknown;
}

/** An application as stored by the mock (the wire shape is derived from it per request). */
export interface MockApp {
  /** Refold's id of the app. */
  app_id: string;
  /** Display name. */
  name: string;
  /** Unique slug used in every route. */
  slug: string;
  /** One-line description. */
  description: string;
  /**
   * Icon URL. Absolute `http(s):`/`data:` URLs are sent as they are; a path starting with `/` is made
   * absolute with the request's origin; absent means `/mock-assets/icons/{slug}.svg` on the mock's origin.
   */
  icon?: string;
  /** Categories, e.g. `CRM`, `Support`. */
  tags: string[];
  /** Where the app comes from. */
  kind: MockAppKind;
  /** OAuth grant type (default `authorization_code`). */
  grant_type?: MockGrantType;
  /**
   * The app's `auth_type` on the wire: a connector sub-type (`api_key` …) makes `save` require that
   * `auth_type` in its body. Default: `oauth2` when the app offers OAuth, else `keybased`.
   */
  auth_type?: MockAuthType;
  /**
   * Supported auth types and the fields each needs. An empty `oauth2` list beside a non-empty one of
   * another type does not offer OAuth (as in real answers: `{ keybased: [...], oauth2: [] }` is key-based).
   */
  auth_type_options: {
    /** Pre-auth fields sent to `integrate` (may be empty). */
    oauth2?: MockAuthField[];
    /** Credential fields sent to `save`. */
    keybased?: MockAuthField[];
    /** Credential fields of a connector sub-type (`api_key`, `basic_auth`, `noauth` …), saved with `auth_type`. */
    [subType: string]: MockAuthField[] | undefined;
  };
  /** Mock-only behaviour. */
  mock?: MockAppBehaviour;
}

/**
 * Field types of a config field, as listed in `refold-api.md`; any other string is a type a client may not
 * know (stored and sent back as it is, unchecked).
 */
export type MockConfigFieldType =
  | 'text'
  | 'number'
  | 'email'
  | 'url'
  | 'date'
  | 'textarea'
  | 'json'
  | 'select'
  | 'map'
  | 'map_v2'
  | 'rule_engine'
  | (string & {});

/** A choice of a config field: `value` is stored and sent back; `null` is a real choice ("none"). */
export interface MockConfigOption {
  /** Human-readable label. */
  name?: string;
  /** Value stored and sent back. */
  value: string | null;
}

/** One side of a `map_v2` field's `mapping`: a list of choices, or an object holding them in `options`. */
export type MockMappingSide =
  MockConfigOption[] | { name?: string; type?: string; options: MockConfigOption[] };

/** One left-hand column of a rule-engine field and what the rule-engine route answers for it. */
export interface MockRuleColumn {
  /** Label of the column. */
  name: string;
  /** The `lhs` value sent to the rule-engine route. */
  value: string;
  /** Right-hand side input: free text or a choice. */
  rhs: { type: 'text' | 'select'; options?: MockOption[] };
  /** Operators offered for this column. */
  operators: MockOption[];
}

/** A config field template. Mock-only keys (`optionsByParent`, `ruleColumns`) are never sent. */
export interface MockConfigField {
  /** Field id (key in `fields` of an update). */
  id: string;
  /** Label. */
  name: string;
  /** Field type. */
  field_type: MockConfigFieldType;
  /** Whether a non-empty value is needed. */
  required?: boolean;
  /** Whether a select accepts several values. */
  multiple?: boolean;
  /** Hidden from end users. */
  hidden?: boolean;
  /** Default value of a new config. */
  value?: unknown;
  /** Placeholder. */
  placeholder?: string;
  /** Help text. */
  help_text?: string;
  /** Static choices (select, map targets, rule-engine left-hand columns are derived from `ruleColumns`). */
  options?: MockConfigOption[];
  /** Id of the field this one depends on: no options until the parent has a value. */
  parent?: string;
  /** Options of a dependent field, by the parent's value. */
  optionsByParent?: Record<string, MockConfigOption[]>;
  /** Left-hand labels of a map field, or (an object) labels as metadata, as the API reference shows them. */
  labels?: MockOption[] | Record<string, string>;
  /** For a `map_v2` field: the choices to map from (`lhs`) and to (`rhs`). */
  mapping?: { lhs: MockMappingSide; rhs: MockMappingSide };
  /** Columns of a rule-engine field. */
  ruleColumns?: MockRuleColumn[];
}

/** App-level config template of one app. Workflows come from {@link MockWorkflow} with the same slug. */
export interface MockConfigTemplate {
  /** App-level fields. */
  fields: MockConfigField[];
}

/** A workflow of the org. `fields` is the workflow's own config fields (not sent by the workflow list). */
export interface MockWorkflow {
  /** Workflow id. */
  _id: string;
  /** Name. */
  name: string;
  /** Description. */
  description?: string;
  /** Slug of the app it belongs to. */
  slug?: string;
  /** Whether it is published (only published workflows appear in configs). */
  published: boolean;
  /** ISO date. */
  createdAt: string;
  /** ISO date. */
  updatedAt: string;
  /** Workflow-level config fields. */
  fields?: MockConfigField[];
}

/** Documented execution status (the ones the list route filters by). */
export type MockExecutionStatus = 'COMPLETED' | 'RUNNING' | 'ERRORED' | 'STOPPED' | 'STOPPING' | 'TIMED_OUT';

/** Every documented execution status, in a stable order. */
export const MOCK_EXECUTION_STATUSES: readonly MockExecutionStatus[] = [
  'COMPLETED',
  'RUNNING',
  'ERRORED',
  'STOPPED',
  'STOPPING',
  'TIMED_OUT',
];

/** A status newer than the documented ones, used by the generated runs too (real answers have such). */
export const MOCK_QUEUED_STATUS = 'QUEUED';

/** Status of one node of an execution. */
export type MockNodeStatus =
  'Success' | 'Ready' | 'Errored' | 'Waiting' | 'Stopped' | 'Rejected' | 'Errored_and_Skipped' | 'Timed_Out';

/** One node of an execution. */
export interface MockExecutionNode {
  /** Node id. */
  node_id: string;
  /** Node name. */
  node_name: string;
  /** Node type. */
  node_type: string;
  /** Node status. */
  node_status: MockNodeStatus;
  /** Attempts made so far. */
  attempts_made: number;
  /** Attempts allowed. */
  maximum_attempts: number;
  /** Input of the node. */
  input_data?: unknown;
  /** Last output of the node. */
  latest_output?: unknown;
}

/** An execution (a run of a workflow) as sent by the executions routes; the single-run route leaves out `_id`. */
export interface MockExecution {
  /** Execution id. */
  _id: string;
  /** Name (usually the workflow's). */
  name: string;
  /** Status: a documented one, or a newer one such as `QUEUED`. */
  status: MockExecutionStatus | (string & {});
  /** App of the workflow (`icon` may be a `/` path, made absolute per request). */
  associated_application: { _id: string; name: string; icon?: string };
  /** The workflow that ran. */
  associated_workflow: { _id: string; name: string };
  /** Environment. */
  environment: 'test' | 'production';
  /** Config the run used. */
  config_id: string;
  /** Linked account it ran for. */
  linked_account_id: string;
  /** Org id. */
  org_id: string;
  /** ISO date of the start. */
  createdAt: string;
  /** ISO date of the last change. */
  updatedAt?: string;
  /** 0–100. */
  completion_percentage?: number;
  /** Event that started it, if any. */
  trigger_application_event?: string;
  /** Nodes, in order. */
  nodes?: MockExecutionNode[];
  /** Run by Refold's newer engine: its node batches answer 501. */
  executed_by_thanos?: boolean;
}

/** Context given to an executions generator. */
export interface MockExecutionSeedContext {
  /** Linked account the executions are for. */
  linkedAccountId: string;
  /** The mock's apps. */
  apps: readonly MockApp[];
  /** The mock's workflows. */
  workflows: readonly MockWorkflow[];
  /** Current time (ms) of the mock's clock. */
  now: number;
}

/**
 * A fault to inject: the next `times` matching requests fail.
 * - `status`: answer with this status and `body` (default: the real error body for the status);
 * - `kind: 'malformed'`: 200 with invalid JSON (`{"docs": [`);
 * - `kind: 'html-502'`: 502 with an HTML gateway page;
 * - `kind: 'network'`: the handler throws `TypeError('fetch failed')` (the Node server destroys the socket,
 *   the MSW handlers answer `Response.error()`);
 * - `body` alone: 200 with that body (a string is sent as it is);
 * - `delayMs`: wait first (aborted by the request's signal); alone or with `headers` only, the real answer
 *   follows, with `headers` added.
 */
export interface Fault {
  /** How many matching requests fail (default 1; `Infinity` for all). */
  times?: number;
  /** Status to answer with. */
  status?: number;
  /** Body to answer with: a string is sent verbatim, anything else as JSON. */
  body?: unknown;
  /** Headers added to the answer. */
  headers?: Record<string, string>;
  /** Delay before answering, in ms. */
  delayMs?: number;
  /** A special failure. */
  kind?: 'malformed' | 'html-502' | 'network';
}

/** Which requests a fault applies to. */
export interface FaultMatch {
  /** HTTP method (any method but `OPTIONS` when absent). */
  method?: string;
  /** Exact path without query (e.g. `/api/v2/f-sdk/application`), or a RegExp tested against the path. */
  path: string | RegExp;
}

/** One request as the mock received it. */
export interface RecordedRequest {
  /** Upper-case method. */
  method: string;
  /** Path without query. */
  path: string;
  /** Full URL. */
  url: string;
  /** Query parameters (last value wins). */
  query: Record<string, string>;
  /** Headers with lower-case names. */
  headers: Record<string, string>;
  /** Parsed body: JSON value, form fields object, raw text, or `undefined` when empty. */
  body: unknown;
  /** Time (ms, the mock's clock) it arrived. */
  at: number;
}

/** Status of a connection: `active`, `expired`, or any other value a test wants (real answers may send one). */
export type MockConnectionStatus = 'active' | 'expired' | (string & {});

/** A connection of a linked account to an app, as sent in `connected_accounts`. */
export interface MockConnection {
  /** Connection id. */
  connection_id: string;
  /** How it was made. */
  auth_type: MockAuthType;
  /** Account identifier at the provider: any JSON (an email, a subdomain, HubSpot's object…); may be absent. */
  identifier?: unknown;
  /** ISO date. */
  connectedAt: string;
  /** Whether it still works. */
  status: MockConnectionStatus;
}

/** Options of {@link MockAccount.connect}. */
export interface MockConnectOptions {
  /** Auth type (default: `oauth2` when the app supports it, else `keybased`). */
  authType?: MockAuthType;
  /** Identifier, any JSON (default derived from the account and app). */
  identifier?: unknown;
  /** Status (default `active`). */
  status?: MockConnectionStatus;
  /** Connection date (default: now). */
  connectedAt?: Date | string;
  /** Key-based credential values to store. */
  credentials?: Record<string, unknown>;
  /**
   * The connection's id (default: a random `conn_…`); a connection of the app with this id is updated in
   * place.
   */
  connectionId?: string;
}

/** An event received by the event-trigger route. */
export interface MockTriggeredEvent {
  /** Event name. */
  event: string;
  /** Payload as sent. */
  payload: unknown;
  /** `slug` header, if any. */
  slug?: string;
  /** Config id used. */
  config_id: string;
  /** Time (ms). */
  at: number;
}

/** The values a config stores: "nothing else changed" is a comparison of two of these. */
export interface MockConfigValues {
  /** App-level values by field id. */
  fields: Record<string, unknown>;
  /** Per workflow id: its switch and its values by field id. */
  workflows: Record<string, { enabled: boolean; fields: Record<string, unknown> }>;
}

/** One write to a config's stored state, as the mock applied it. */
export interface MockConfigWrite {
  /** The route: `PUT /api/v2/f-sdk/config`, the set-field route, or the workflow toggle. */
  route: 'update-config' | 'set-field' | 'toggle-workflow';
  /** App slug. */
  slug: string;
  /** Config written. */
  config_id: string;
  /** Workflow written, for workflow values and switches. */
  workflow_id?: string;
  /** Values stored by this write, by field id (`null`: cleared); values refused with a field error are left out. */
  fields: Record<string, unknown>;
  /** The workflow's switch, when the write set it. */
  enabled?: boolean;
  /** Time (ms, the mock's clock). */
  at: number;
}

/** Test-side view of one linked account: inspect and change its state directly. */
export interface MockAccount {
  /** The linked account id. */
  readonly linkedAccountId: string;
  /** Connections, all apps or one app (copies). */
  connections(slug?: string): MockConnection[];
  /**
   * Connect an app directly. A connection of the same auth type and identifier is updated in place (it keeps
   * its `connection_id`); another identifier adds a connection (apps may have several).
   */
  connect(slug: string, options?: MockConnectOptions): MockConnection;
  /** Mark connections of an app `active`, `expired` or another status (all auth types when `authType` is absent). */
  setConnectionStatus(slug: string, status: MockConnectionStatus, authType?: MockAuthType): void;
  /** Remove connections of an app; answers how many were removed. */
  disconnect(slug: string, authType?: MockAuthType): number;
  /** Make the next key-based save of this app fail with "Failed to verify credentials: {reason}". */
  rejectNextSave(slug: string, reason: string): void;
  /** Values of the last successful key-based (or sub-type) save of an app (copy), if any. */
  savedCredentials(slug: string): Record<string, unknown> | undefined;
  /** Config ids of an app. */
  configIds(slug: string): string[];
  /** A config as the API would send it, or `undefined`. */
  config(slug: string, configId?: string): Record<string, unknown> | undefined;
  /** The values a config stores (a copy), or `undefined` when it does not exist. */
  configValues(slug: string, configId?: string): MockConfigValues | undefined;
  /** Every write to this account's configs (of one app, when `slug` is given), oldest first (copies). */
  configWrites(slug?: string): MockConfigWrite[];
  /** Executions of this account, newest first (copies; icons as stored). */
  executions(): MockExecution[];
  /** Replace this account's executions. */
  setExecutions(executions: MockExecution[]): void;
  /**
   * Store (upsert) this account's value of a `linked_account` variable definition, as the write route
   * would: throws for an unknown definition, another scope or a value of the wrong format.
   */
  setVariable(definitionId: string, value: string): void;
  /** Events received by the event-trigger route. */
  events(): MockTriggeredEvent[];
  /** OAuth flows started and not yet finished (slug and opaque state). */
  pendingOAuth(): { slug: string; state: string }[];
}

/** Rate limit of the mock: a token bucket per session token (per API key on the session-token route). */
export interface MockRateLimit {
  /** Sustained rate (refill per second). */
  perSecond: number;
  /** Bucket capacity (requests allowed at one instant). */
  burst: number;
}

/** Options of {@link createMockRefold}. */
export interface MockRefoldOptions {
  /** Apps (default: {@link mockApps}). */
  apps?: MockApp[];
  /** App-level config templates by slug; apps without one get {@link defaultConfigTemplate}. */
  configs?: Record<string, MockConfigTemplate>;
  /** Org workflows (default: {@link mockWorkflows}). */
  workflows?: MockWorkflow[];
  /** Executions of every new account: a list (copied per account) or a generator (default: 60 generated). */
  executions?: MockExecution[] | ((context: MockExecutionSeedContext) => MockExecution[]);
  /** The API key (default `tk_test_mock_0123456789abcdef`). */
  apiKey?: string;
  /** Lifetime of minted session tokens, seconds (default 3600). */
  tokenTtlSeconds?: number;
  /** Rate limit, or `false` for none (default `{ perSecond: 20, burst: 5 }`). */
  rateLimit?: MockRateLimit | false;
  /** Clock in ms (default `Date.now`). */
  now?: () => number;
  /**
   * When set, a started OAuth flow completes by itself (as if allowed) this many ms later on the mock clock;
   * checked lazily, at the next request (or `account()` call) after that time, so no timer is left running.
   */
  oauthAutoDelayMs?: number;
  /** How many requests {@link MockRefold.requests} keeps (the oldest go first). @default 1000 */
  maxRecordedRequests?: number;
  /**
   * Record `Bearer` tokens and API keys as `[redacted]` (for a long-running mock such as `npm start`, whose
   * request log should hold no credential). Tests that decode a recorded token keep the default. @default false
   */
  redactRecordedCredentials?: boolean;
  /** The org's variable definitions (default: {@link mockVariableDefinitions}). */
  variableDefinitions?: MockVariableDefinition[];
}

/** A request held by {@link MockRefold.hold} until released. */
export interface MockHold {
  /** Resolves with the request once one that matches arrives (it is recorded, then held before any answer). */
  readonly arrived: Promise<RecordedRequest>;
  /** Lets the held request go on to its answer (also lets through one that has not arrived yet). */
  release(): void;
}

/** Options of {@link MockRefold.mintToken}. */
export interface MintTokenOptions {
  /** Lifetime in seconds (default: the mock's `tokenTtlSeconds`). */
  ttlSeconds?: number;
}

/** An in-memory Refold. */
export interface MockRefold {
  /** The whole server as one fetch-style handler. Throws `TypeError('fetch failed')` for a network fault. */
  handler(request: Request): Promise<Response>;
  /** The API key that the session-token route accepts. */
  readonly apiKey: string;
  /** Mint a new session token for a linked account (created if new), like `?force_refresh=true`. */
  mintToken(linkedAccountId: string, options?: MintTokenOptions): string;
  /** Revoke a token: later requests with it answer 401. */
  revokeToken(token: string): void;
  /** Make the next `fault.times` answers of matching requests fail. */
  inject(match: FaultMatch, fault: Fault): void;
  /**
   * Hold the next request that matches before it is answered, until `release()`: a test can look at the
   * in-between state (a spinner, a disabled button) for as long as it needs, then let the answer come, with
   * no timer. `reset()` releases every hold.
   *
   * @example
   * const held = mock.hold({ method: 'PUT', path: '/api/v2/f-sdk/config' });
   * await user.click(save);
   * await held.arrived;
   * expect(form.dataset.state).toBe('saving');
   * held.release();
   */
  hold(match: FaultMatch): MockHold;
  /** Every request received since the start or the last {@link MockRefold.clearRequests} (a copy). */
  readonly requests: readonly RecordedRequest[];
  /** Forget the recorded requests. */
  clearRequests(): void;
  /** Back to the fixtures: no accounts, tokens, faults, recorded requests or rate-limit state. */
  reset(): void;
  /** Inspect or change a linked account (created if new). */
  account(linkedAccountId: string): MockAccount;
  /** Creates a human task (the defaults of {@link mockHumanTask} for what is left out); answers its id. */
  createHumanTask(task?: MockHumanTaskInput): string;
  /** A human task as stored now (a copy: status, and the submitted answer merged into `data`). */
  humanTask(id: string): MockHumanTask | undefined;
  /**
   * Finish an OAuth connection as if the user clicked Allow: the connection the last flow of the app signs
   * in again keeps its id; a flow started without `connection_id` adds a connection.
   */
  completeOAuth(linkedAccountId: string, slug: string): void;
}
