/**
 * Models of what Refold's linked-account API sends and takes (see `refold-api.md`). Only the fields the
 * library relies on are required; everything else is optional, because Refold adds fields over time and
 * older servers omit some.
 */

/** How an app authenticates a connection. */
export type AuthType = 'oauth2' | 'keybased';

/** OAuth grant of an app; `client_credentials` apps connect machine-to-machine, without a popup. */
export type GrantType = 'authorization_code' | 'authorization_code_pkce' | 'client_credentials';

/** A choice offered by a select-like field. */
export interface FieldOption {
  /** Text to show; falls back to `value`. */
  name?: string;
  /** Value to send (`null` is a real choice some fields offer, e.g. "none"). */
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

/** One connection of the linked account to an app. */
export interface ConnectedAccount {
  /** Who is connected at the provider (an e-mail, a workspace name …). */
  identifier: string;
  /** How the connection was made. */
  auth_type: AuthType;
  /** When it was made (ISO 8601). */
  connectedAt: string;
  /** `expired` connections need the user to connect again. Absent means active. */
  status?: 'active' | 'expired';
  /** Refold's id of the connection. */
  connection_id?: string;
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
  /** Native, custom or universal connector. */
  kind?: 'native' | 'custom' | 'universal_connector';
  /** OAuth grant; absent means `authorization_code`. */
  grant_type?: GrantType;
  /** Fields to fill per auth style: `oauth2` are pre-auth values, `keybased` the credentials. */
  auth_type_options?: { oauth2?: AuthField[]; keybased?: AuthField[] };
  /** The linked account's connections to this app. */
  connected_accounts?: ConnectedAccount[];
  /** @deprecated Use `connected_accounts`. */
  connected?: boolean;
  /** @deprecated Use `auth_type_options`. */
  auth_type?: string;
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
  /** For map fields: the labels (left-hand side) to map; an object is metadata (e.g. `{ env: 'production' }`). */
  labels?: FieldOption[] | Record<string, unknown>;
  /** For `map_v2` fields: the choices to map from (`lhs`) and to (`rhs`), as Refold sends them. */
  mapping?: Record<string, unknown>;
}

/** A workflow as it appears inside a config. */
export interface ConfigWorkflow {
  /** Workflow id. */
  id: string;
  /** Name. */
  name: string;
  /** Description. */
  description?: string;
  /** Whether it runs for this config. */
  enabled: boolean;
  /** The workflow's own fields. */
  fields?: ConfigField[];
}

/** An error Refold reports for one field of a config update. */
export interface ConfigFieldError {
  /** Field id. */
  id: string;
  /** Field label. */
  name?: string;
  /** What is wrong. */
  error: { message: string };
}

/** The linked account's configuration of one app. */
export interface Config {
  /** App slug. */
  slug: string;
  /** Config id (defaults to the linked account id). */
  config_id: string;
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

/** Status of a run. */
export type ExecutionStatus = 'COMPLETED' | 'RUNNING' | 'ERRORED' | 'STOPPED' | 'STOPPING' | 'TIMED_OUT';

/** One node (step) of a run. */
export interface ExecutionNode {
  /** Node id. */
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

/** A run of a workflow. */
export interface Execution {
  /** Execution id. */
  _id: string;
  /** Name. */
  name: string;
  /** Status. */
  status: ExecutionStatus;
  /** The app it ran for. */
  associated_application?: { _id: string; name: string; icon?: string };
  /** The workflow that ran. */
  associated_workflow?: { _id: string; name: string };
  /** Environment. */
  environment?: 'test' | 'production';
  /** Config id. */
  config_id?: string;
  /** When it started (ISO 8601). */
  createdAt: string;
  /** 0–100, while running. */
  completion_percentage?: number;
  /** Steps. */
  nodes?: ExecutionNode[];
}

/** Refold's pagination envelope. */
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

/** Options of a rule-engine field. */
export interface RuleOptions {
  /** Operators and right-hand side choices, as Refold sends them. */
  [key: string]: unknown;
}
