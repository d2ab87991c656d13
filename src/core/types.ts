/**
 * Models of what Refold's linked-account API sends and takes (see `refold-api.md`). Only the fields the
 * library relies on are required; everything else is optional, because Refold adds fields over time and
 * older servers omit some.
 */

/**
 * How the library connects an app: `oauth2` (a pop-up at the provider) or `keybased` (a form of credentials
 * saved to Refold). Connector sub-types ({@link ConnectorAuthType}) are connected with the key-based form.
 */
export type AuthType = 'oauth2' | 'keybased';

/**
 * Auth types of universal connectors, connected with the key-based form and saved with `auth_type` set to
 * the sub-type. `noauth` may come with no field at all.
 */
export type ConnectorAuthType = 'api_key' | 'basic_auth' | 'bearer_token' | 'noauth';

/**
 * An auth type as Refold names it (`auth_type` of an app or a connection, a key of `auth_type_options`).
 * Open: an unknown name is kept as it came.
 */
export type AuthTypeName = AuthType | ConnectorAuthType | (string & {});

/** OAuth grant of an app; `client_credentials` apps connect machine-to-machine, without a popup. Open. */
export type GrantType =
  'authorization_code' | 'authorization_code_pkce' | 'client_credentials' | (string & {});

/** A choice offered by a select-like field. */
export interface FieldOption {
  /** Text to show; falls back to `value`. */
  name?: string;
  /** Value to send; `null` is a choice too (e.g. "none"). */
  value: string | number | boolean | null;
}

/** A field the user fills in to authenticate (API key, subdomain, OAuth pre-auth value …). */
export interface AuthField {
  /** Key of the value in the save / integrate body. */
  name: string;
  /** Label to show. */
  label: string;
  /**
   * Field type as Refold sends it: `text`, `password`, and by extension `select`, `number`, `url`, `email`,
   * `textarea`, `checkbox`. A field with `options` is a choice whatever its type.
   */
  type: string;
  /** The value must be given before saving. */
  required: boolean;
  /** Placeholder text. */
  placeholder?: string;
  /** Help text shown under the field. */
  help_text?: string;
  /** A choice field that takes several values. */
  multiple?: boolean;
  /** Choices, for select-like fields. */
  options?: FieldOption[];
}

/** Status of a connection: `active`, `expired` (connect again), or a value Refold added later (kept raw). */
export type ConnectionStatusName = 'active' | 'expired' | (string & {});

/** One connection of the linked account to an app. */
export interface ConnectedAccount {
  /**
   * Who is connected at the provider, as Refold sends it: any JSON, e.g. an e-mail string, or an object such
   * as HubSpot's `{ portalId, user, hub_domain }`. Read it with `accountLabel` rather than as text.
   */
  identifier: unknown;
  /**
   * How the connection was made (`oauth2`, `keybased`, a connector sub-type …). Some answers leave it out;
   * the app's own `auth_type` is then used when it has one.
   */
  auth_type?: AuthTypeName;
  /** When it was made (ISO 8601); empty when Refold did not say. */
  connectedAt: string;
  /**
   * `expired` connections need the user to connect again. Absent means active, unless the app says
   * `reauth_required: true` (then the connection needs a new sign-in).
   */
  status?: ConnectionStatusName;
  /** Refold's id of the connection. */
  connection_id?: string;
}

/**
 * Fields to fill per auth type: `oauth2` are pre-auth values, `keybased` the credentials, and a connector
 * sub-type (`api_key`, `basic_auth` …) its own credentials. An empty list is not an offered style, except
 * `oauth2` (an OAuth app without pre-auth fields) and `noauth`.
 */
export interface AuthTypeOptions {
  /** Pre-auth fields of OAuth (often empty). */
  oauth2?: AuthField[];
  /** Key-based credential fields. */
  keybased?: AuthField[];
  /** Fields of a connector sub-type, or of an auth type the library does not know yet. */
  [authType: string]: AuthField[] | undefined;
}

/** An app of the catalog with the linked account's connection status. */
export interface Application {
  /** Refold's id of the app. */
  app_id?: string;
  /** Display name. */
  name: string;
  /** Stable identifier used in every route. */
  slug: string;
  /** Short description; empty when Refold sends none. */
  description: string;
  /** Icon URL (check it with the library's URL allow-list before rendering). */
  icon?: string;
  /** Categories, e.g. `CRM`, `Communication`. */
  tags?: string[];
  /** Native, custom or universal connector (open: other values are kept). */
  kind?: 'native' | 'custom' | 'universal_connector' | (string & {});
  /** OAuth grant; absent means `authorization_code`. */
  grant_type?: GrantType;
  /** Fields to fill per auth type. */
  auth_type_options?: AuthTypeOptions;
  /** The linked account's connections to this app. */
  connected_accounts?: ConnectedAccount[];
  /** @deprecated Use `connected_accounts`. */
  connected?: boolean;
  /**
   * The app's auth type. Deprecated for `oauth2`/`keybased` (use `auth_type_options`), but it names the
   * sub-type of a universal connector (`api_key`, `basic_auth`, `bearer_token`, `noauth`).
   */
  auth_type?: AuthTypeName;
  /** @deprecated Use `connected_accounts[].status`. */
  reauth_required?: boolean;
  /** @deprecated Use `auth_type_options.keybased`. */
  auth_input_map?: AuthField[];
}

/** Config field types Refold sends. Unknown future types are kept as plain strings. */
export type ConfigFieldType =
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

/** A field of a config or of one of its workflows. */
export interface ConfigField {
  /** Field id, used as key in `fields` of an update. */
  id: string;
  /** Label. */
  name: string;
  /** Type of input. */
  field_type: ConfigFieldType;
  /** Must have a value. */
  required?: boolean;
  /** Select with several values. */
  multiple?: boolean;
  /** Not shown to the user. */
  hidden?: boolean;
  /** Current value. */
  value?: unknown;
  /** Placeholder. */
  placeholder?: string;
  /** Help text. */
  help_text?: string;
  /** Choices (select, map targets, rule-engine columns). */
  options?: FieldOption[];
  /** Id of the field whose value decides this one's options; no options until the parent has a value. */
  parent?: string;
  /**
   * For map fields, the labels (left-hand side) to map, as a list of options (SDK types); or key/value
   * labels such as `{ env: 'production' }` (API reference), kept as sent.
   */
  labels?: FieldOption[] | Record<string, unknown>;
  /** For `map_v2` fields: the choices to map from and to (`{ lhs, rhs }`), kept as sent. */
  mapping?: Record<string, unknown>;
  /** For rule-engine fields: the columns, kept as sent. */
  rule_columns?: unknown;
}

/** A workflow as it appears inside a config. */
export interface ConfigWorkflow {
  /** Workflow id. */
  id: string;
  /** Name (the id when Refold sends none). */
  name: string;
  /** Description. */
  description?: string;
  /** Whether it runs for this config. */
  enabled: boolean;
  /** The workflow's own fields. */
  fields?: ConfigField[];
}

/** A workflow in the answer of a workflow toggle: `{ id, enabled, data_slots? }`, with no name. */
export interface ToggledWorkflow {
  /** Workflow id. */
  id: string;
  /** Whether it now runs for this config, when Refold says. */
  enabled?: boolean;
  /** Name, when Refold sends one. */
  name?: string;
  /** Anything else Refold sends (`data_slots` …). */
  [key: string]: unknown;
}

/** Answer of a workflow toggle. */
export interface WorkflowToggleResult {
  /** The config's workflows as Refold sends them back (may be empty). */
  workflows: ToggledWorkflow[];
}

/** An error Refold reports for one field of a config update. */
export interface ConfigFieldError {
  /** Field id. */
  id: string;
  /** Field label. */
  name?: string;
  /** What is wrong (a plain-string error is turned into `{ message }`). */
  error: { message: string };
}

/** The linked account's configuration of one app. */
export interface Config {
  /** App slug. */
  slug: string;
  /** Config id; absent when Refold leaves it out (the default config's id is the linked account id). */
  config_id?: string;
  /** Key/value labels (API reference) or `{ name, value }` labels (SDK types), kept as sent. */
  labels?: FieldOption[] | Record<string, unknown>;
  /** App-level fields. */
  fields?: ConfigField[];
  /** Workflows with their toggles and fields. */
  workflows?: ConfigWorkflow[];
  /** Errors of the last update, per field. */
  field_errors?: ConfigFieldError[];
}

/** A workflow of the catalog. */
export interface Workflow {
  /** Workflow id. */
  _id: string;
  /** Name. */
  name: string;
  /** Description. */
  description?: string;
  /** App slug it belongs to. */
  slug?: string;
  /** Published workflows can be enabled. */
  published: boolean;
  /** ISO 8601. */
  createdAt?: string;
  /** ISO 8601. */
  updatedAt?: string;
}

/** A workflow enabled for the linked account. */
export interface EnabledWorkflow {
  /** Workflow id. */
  id: string;
  /** Name. */
  name: string;
  /** Description. */
  description?: string;
  /** Icon URL. */
  icon?: string;
  /** Config it is enabled in. */
  config_id?: string;
  /** App slug (or app object on some servers). */
  application?: unknown;
}

/** Documented statuses of a run (the ones a list can be filtered by). */
export type ExecutionStatus = 'COMPLETED' | 'RUNNING' | 'ERRORED' | 'STOPPED' | 'STOPPING' | 'TIMED_OUT';

/** Status of a run as Refold sends it: a documented one, or a newer value (e.g. `QUEUED`) kept raw. */
export type ExecutionStatusName = ExecutionStatus | (string & {});

/** One node (step) of a run. */
export interface ExecutionNode {
  /** Node id; empty when Refold sends none. */
  node_id: string;
  /** Node name. */
  node_name: string;
  /** Node status. */
  node_status: string;
  /** Attempts so far. */
  attempts_made?: number;
  /** Attempts allowed. */
  maximum_attempts?: number;
  /** Anything else Refold sends for the node. */
  [key: string]: unknown;
}

/** A run of a workflow. Only what the list can show without is optional. */
export interface Execution {
  /** Execution id (`_id`, else `id`); the single-run route may leave it out. */
  _id?: string;
  /** Name; empty when Refold sends none. */
  name: string;
  /** Status, kept raw: show an unknown one as neutral. Empty when Refold sends none. */
  status: ExecutionStatusName;
  /** The app it ran for. */
  associated_application?: { _id?: string; name: string; icon?: string };
  /** The workflow that ran. */
  associated_workflow?: { _id?: string; name: string };
  /** What started the run (open string). */
  execution_source?: string;
  /** Environment (open string). */
  environment?: 'test' | 'production' | (string & {});
  /** Config id. */
  config_id?: string;
  /** When it started (ISO 8601), when Refold says. */
  createdAt?: string;
  /** 0–100, while running. */
  completion_percentage?: number;
  /** Steps. */
  nodes?: ExecutionNode[];
}

/**
 * Refold's pagination envelope. Refold may send only `totalDocs, limit, page, totalPages, hasNextPage`;
 * the rest is derived from them.
 */
export interface Page<T> {
  /** Items of this page. */
  docs: T[];
  /** Items in all pages. */
  totalDocs: number;
  /** Page size. */
  limit: number;
  /** This page (1-based). */
  page: number;
  /** Number of pages. */
  totalPages: number;
  /** There is a next page. */
  hasNextPage: boolean;
  /** There is a previous page. */
  hasPrevPage: boolean;
  /** Next page number, or null. */
  nextPage: number | null;
  /** Previous page number, or null. */
  prevPage: number | null;
}

/** Answer of the OAuth start route. */
export type OAuthStart =
  { auth_url: string; connected?: undefined } | { connected: boolean; auth_url?: undefined };

/** The linked account the session token belongs to. */
export interface LinkedAccount {
  /** Refold's id. */
  _id: string;
  /** The app's own id for its customer (the linked account id your backend minted the token for). */
  account_id: string;
  /** Display name. */
  name?: string;
  /** `test` or `production`. */
  environment?: string;
  /** Anything else Refold sends. */
  [key: string]: unknown;
}
