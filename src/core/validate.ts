import type {
  Application,
  AuthField,
  Config,
  ConfigField,
  ConfigFieldError,
  ConfigWorkflow,
  ConnectedAccount,
  EnabledWorkflow,
  Execution,
  ExecutionStatus,
  FieldOption,
  LinkedAccount,
  OAuthStart,
  Page,
  Workflow,
} from './types.js';

/**
 * Runtime checks of Refold's answers. Each checker returns a normalised copy (unknown extra fields are
 * kept, `null` for an optional field becomes absent) or throws a {@link ShapeError} naming where the shape
 * broke. Checks are strict only on what the library relies on, so that new fields never break old clients.
 */

/** Thrown by a checker; the client turns it into a `RefoldResponseError`. */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly got: unknown,
  ) {
    super(`expected ${expected} at ${path}, got ${kindOf(got)}`);
    this.name = 'ShapeError';
  }
}

/** A checker: validates `value` found at `path` and returns it typed. */
export type Checker<T> = (value: unknown, path?: string) => T;

type Dict = Record<string, unknown>;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function obj(value: unknown, path: string): Dict {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(path, 'an object', value);
  }
  return value as Dict;
}

function arr<T>(value: unknown, path: string, item: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'an array', value);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

function str(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ShapeError(path, 'a string', value);
  return value;
}

/** A required identifier: a non-empty string (numbers are accepted and turned into strings). */
function id(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value === '') throw new ShapeError(path, 'a non-empty string', value);
  return value;
}

function optional<T>(value: unknown, path: string, check: (v: unknown, p: string) => T): T | undefined {
  return value === undefined || value === null ? undefined : check(value, path);
}

function num(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(path, 'a number', value);
  return value;
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ShapeError(path, 'a boolean', value);
  return value;
}

/** Copies `source` without null/undefined values, with the checked fields in place of the raw ones. */
function merge<T>(source: Dict, checked: Dict): T {
  const out: Dict = {};
  for (const [k, v] of Object.entries(source))
    if (v !== null && v !== undefined && !(k in checked)) out[k] = v;
  for (const [k, v] of Object.entries(checked)) if (v !== undefined) out[k] = v;
  return out as T;
}

function option(value: unknown, path: string): FieldOption {
  const o = obj(value, path);
  const v = o.value;
  if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    throw new ShapeError(`${path}.value`, 'a string, number, boolean or null', v);
  }
  return merge<FieldOption>(o, { name: optional(o.name, `${path}.name`, str), value: v });
}

function options(value: unknown, path: string): FieldOption[] | undefined {
  return optional(value, path, (v, p) => arr(v, p, option));
}

function authField(value: unknown, path: string): AuthField {
  const o = obj(value, path);
  const name = id(o.name, `${path}.name`);
  return merge<AuthField>(o, {
    name,
    label: optional(o.label, `${path}.label`, str) ?? name,
    type: optional(o.type, `${path}.type`, str) ?? 'text',
    required: optional(o.required, `${path}.required`, bool) ?? false,
    placeholder: optional(o.placeholder, `${path}.placeholder`, str),
    help_text: optional(o.help_text, `${path}.help_text`, str),
    multiple: optional(o.multiple, `${path}.multiple`, bool),
    options: options(o.options, `${path}.options`),
  });
}

function authFields(value: unknown, path: string): AuthField[] | undefined {
  return optional(value, path, (v, p) => arr(v, p, authField));
}

function connectedAccount(value: unknown, path: string): ConnectedAccount {
  const o = obj(value, path);
  const authType = o.auth_type;
  if (authType !== 'oauth2' && authType !== 'keybased') {
    throw new ShapeError(`${path}.auth_type`, '"oauth2" or "keybased"', authType);
  }
  const status = o.status;
  if (status !== undefined && status !== null && status !== 'active' && status !== 'expired') {
    throw new ShapeError(`${path}.status`, '"active" or "expired"', status);
  }
  return merge<ConnectedAccount>(o, {
    identifier: optional(o.identifier, `${path}.identifier`, str) ?? '',
    auth_type: authType,
    connectedAt: optional(o.connectedAt, `${path}.connectedAt`, str) ?? '',
    connection_id: optional(o.connection_id, `${path}.connection_id`, id),
  });
}

/** Checks one `Application`. */
export const application: Checker<Application> = (value, path = '$') => {
  const o = obj(value, path);
  const options =
    o.auth_type_options === undefined || o.auth_type_options === null
      ? undefined
      : obj(o.auth_type_options, `${path}.auth_type_options`);
  return merge<Application>(o, {
    app_id: optional(o.app_id, `${path}.app_id`, id),
    name: str(o.name, `${path}.name`),
    slug: id(o.slug, `${path}.slug`),
    description: optional(o.description, `${path}.description`, str) ?? '',
    icon: optional(o.icon, `${path}.icon`, str),
    tags: optional(o.tags, `${path}.tags`, (v, p) => arr(v, p, str)),
    auth_type_options: options && {
      ...options,
      oauth2: authFields(options.oauth2, `${path}.auth_type_options.oauth2`),
      keybased: authFields(options.keybased, `${path}.auth_type_options.keybased`),
    },
    connected_accounts: optional(o.connected_accounts, `${path}.connected_accounts`, (v, p) =>
      arr(v, p, connectedAccount),
    ),
    connected: optional(o.connected, `${path}.connected`, bool),
    auth_input_map: authFields(o.auth_input_map, `${path}.auth_input_map`),
  });
};

/** Checks the app list. */
export const applicationList: Checker<Application[]> = (value, path = '$') => arr(value, path, application);

/** Checks the OAuth start answer: `{ auth_url }` or `{ connected }`. */
export const oauthStart: Checker<OAuthStart> = (value, path = '$') => {
  const o = obj(value, path);
  if (typeof o.auth_url === 'string' && o.auth_url !== '') return { auth_url: o.auth_url };
  if (typeof o.connected === 'boolean') return { connected: o.connected };
  throw new ShapeError(`${path}.auth_url`, 'a URL string (or a "connected" boolean)', o.auth_url);
};

/** Checks `{ success }` answers; a body without `success` counts as success when the status was 2xx. */
export const success: Checker<{ success: boolean }> = (value, path = '$') => {
  if (value === undefined || value === null || value === '') return { success: true };
  const o = obj(value, path);
  return { ...o, success: optional(o.success, `${path}.success`, bool) ?? true };
};

/** Anything (for routes whose answer the library does not read). */
export const anything: Checker<unknown> = (value) => value;

/** Checks one config field. */
export const configField: Checker<ConfigField> = (value, path = '$') => {
  const o = obj(value, path);
  return merge<ConfigField>(o, {
    id: id(o.id, `${path}.id`),
    name: optional(o.name, `${path}.name`, str) ?? id(o.id, `${path}.id`),
    field_type: optional(o.field_type, `${path}.field_type`, str) ?? 'text',
    required: optional(o.required, `${path}.required`, bool),
    multiple: optional(o.multiple, `${path}.multiple`, bool),
    hidden: optional(o.hidden, `${path}.hidden`, bool),
    placeholder: optional(o.placeholder, `${path}.placeholder`, str),
    help_text: optional(o.help_text, `${path}.help_text`, str),
    options: options(o.options, `${path}.options`),
    parent: optional(o.parent, `${path}.parent`, str),
    // An array of options (the SDK's shape) or an object of metadata (the API reference's).
    labels: Array.isArray(o.labels)
      ? options(o.labels, `${path}.labels`)
      : typeof o.labels === 'object' && o.labels !== null
        ? o.labels
        : undefined,
  });
};

function configFields(value: unknown, path: string): ConfigField[] | undefined {
  return optional(value, path, (v, p) => arr(v, p, configField));
}

function configWorkflow(value: unknown, path: string): ConfigWorkflow {
  const o = obj(value, path);
  return merge<ConfigWorkflow>(o, {
    id: id(o.id ?? o._id, `${path}.id`),
    name: str(o.name, `${path}.name`),
    description: optional(o.description, `${path}.description`, str),
    enabled: optional(o.enabled, `${path}.enabled`, bool) ?? false,
    fields: configFields(o.fields, `${path}.fields`),
  });
}

function fieldError(value: unknown, path: string): ConfigFieldError {
  const o = obj(value, path);
  const e = obj(o.error, `${path}.error`);
  return merge<ConfigFieldError>(o, {
    id: id(o.id, `${path}.id`),
    name: optional(o.name, `${path}.name`, str),
    error: { message: str(e.message, `${path}.error.message`) },
  });
}

/** Checks a `Config`. */
export const config: Checker<Config> = (value, path = '$') => {
  const o = obj(value, path);
  return merge<Config>(o, {
    slug: id(o.slug, `${path}.slug`),
    config_id: id(o.config_id, `${path}.config_id`),
    fields: configFields(o.fields, `${path}.fields`),
    workflows: optional(o.workflows, `${path}.workflows`, (v, p) => arr(v, p, configWorkflow)),
    field_errors: optional(o.field_errors, `${path}.field_errors`, (v, p) => arr(v, p, fieldError)),
  });
};

/** Checks the list of config ids of an app. */
export const configIdList: Checker<{ config_id: string }[]> = (value, path = '$') =>
  arr(value, path, (v, p) => {
    const o = obj(v, p);
    return { ...o, config_id: id(o.config_id, `${p}.config_id`) };
  });

/** Checks the answer of a workflow toggle. */
export const toggledWorkflows: Checker<{ workflows: ConfigWorkflow[] }> = (value, path = '$') => {
  const o = obj(value, path);
  return { ...o, workflows: arr(o.workflows, `${path}.workflows`, configWorkflow) };
};

/** Checks rule-engine options (an object or a list, as the server sends them). */
export const ruleOptions: Checker<Record<string, unknown> | unknown[]> = (value, path = '$') => {
  if (Array.isArray(value)) return value;
  return obj(value, path);
};

function workflow(value: unknown, path: string): Workflow {
  const o = obj(value, path);
  return merge<Workflow>(o, {
    _id: id(o._id, `${path}._id`),
    name: str(o.name, `${path}.name`),
    description: optional(o.description, `${path}.description`, str),
    slug: optional(o.slug, `${path}.slug`, str),
    published: optional(o.published, `${path}.published`, bool) ?? false,
    createdAt: optional(o.createdAt, `${path}.createdAt`, str),
    updatedAt: optional(o.updatedAt, `${path}.updatedAt`, str),
  });
}

/** Checks the enabled-workflow list. */
export const enabledWorkflowList: Checker<EnabledWorkflow[]> = (value, path = '$') =>
  arr(value, path, (v, p) => {
    const o = obj(v, p);
    return merge<EnabledWorkflow>(o, {
      id: id(o.id ?? o._id, `${p}.id`),
      name: str(o.name, `${p}.name`),
      description: optional(o.description, `${p}.description`, str),
      icon: optional(o.icon, `${p}.icon`, str),
      config_id: optional(o.config_id, `${p}.config_id`, id),
    });
  });

const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'COMPLETED',
  'RUNNING',
  'ERRORED',
  'STOPPED',
  'STOPPING',
  'TIMED_OUT',
];

/** True for a status Refold documents. */
export function isExecutionStatus(value: unknown): value is ExecutionStatus {
  return EXECUTION_STATUSES.includes(value as ExecutionStatus);
}

/** Every documented execution status, in display order. */
export const executionStatuses = EXECUTION_STATUSES;

/** Checks one execution. */
export const execution: Checker<Execution> = (value, path = '$') => {
  const o = obj(value, path);
  if (!isExecutionStatus(o.status)) {
    throw new ShapeError(`${path}.status`, `one of ${EXECUTION_STATUSES.join(', ')}`, o.status);
  }
  const named = (v: unknown, p: string) => {
    const n = obj(v, p);
    return { ...n, _id: id(n._id, `${p}._id`), name: optional(n.name, `${p}.name`, str) ?? '' };
  };
  return merge<Execution>(o, {
    _id: id(o._id, `${path}._id`),
    name: optional(o.name, `${path}.name`, str) ?? '',
    status: o.status,
    associated_application: optional(o.associated_application, `${path}.associated_application`, named),
    associated_workflow: optional(o.associated_workflow, `${path}.associated_workflow`, named),
    config_id: optional(o.config_id, `${path}.config_id`, id),
    createdAt: str(o.createdAt, `${path}.createdAt`),
    completion_percentage: optional(o.completion_percentage, `${path}.completion_percentage`, num),
    nodes: optional(o.nodes, `${path}.nodes`, (v, p) =>
      arr(v, p, (n, np) => {
        const node = obj(n, np);
        return {
          ...node,
          node_id: id(node.node_id, `${np}.node_id`),
          node_name: optional(node.node_name, `${np}.node_name`, str) ?? '',
          node_status: optional(node.node_status, `${np}.node_status`, str) ?? '',
        };
      }),
    ),
  });
};

/** Builds a checker for Refold's pagination envelope around `item`. */
export function page<T>(item: (v: unknown, p: string) => T): Checker<Page<T>> {
  return (value, path = '$') => {
    const o = obj(value, path);
    const docs = arr(o.docs, `${path}.docs`, item);
    const limit = optional(o.limit, `${path}.limit`, num) ?? docs.length;
    const pageNo = optional(o.page, `${path}.page`, num) ?? 1;
    const totalDocs = optional(o.totalDocs, `${path}.totalDocs`, num) ?? docs.length;
    const totalPages =
      optional(o.totalPages, `${path}.totalPages`, num) ?? (limit > 0 ? Math.ceil(totalDocs / limit) : 1);
    const hasNextPage = optional(o.hasNextPage, `${path}.hasNextPage`, bool) ?? pageNo < totalPages;
    const hasPrevPage = optional(o.hasPrevPage, `${path}.hasPrevPage`, bool) ?? pageNo > 1;
    return {
      docs,
      totalDocs,
      limit,
      page: pageNo,
      totalPages,
      hasNextPage,
      hasPrevPage,
      nextPage: optional(o.nextPage, `${path}.nextPage`, num) ?? (hasNextPage ? pageNo + 1 : null),
      prevPage: optional(o.prevPage, `${path}.prevPage`, num) ?? (hasPrevPage ? pageNo - 1 : null),
    };
  };
}

/** Checks the workflow page. */
export const workflowPage: Checker<Page<Workflow>> = page(workflow);

/** Checks the execution page. */
export const executionPage: Checker<Page<Execution>> = page(execution);

/** Checks `{ message }` (event trigger). */
export const message: Checker<{ message: string }> = (value, path = '$') => {
  if (value === undefined || value === null || value === '') return { message: '' };
  const o = obj(value, path);
  return { ...o, message: optional(o.message, `${path}.message`, str) ?? '' };
};

/** Checks `{ hosted_url }`. */
export const hostedUrl: Checker<{ hosted_url: string }> = (value, path = '$') => {
  const o = obj(value, path);
  return { ...o, hosted_url: str(o.hosted_url, `${path}.hosted_url`) };
};

/** Checks the active linked account. */
export const linkedAccount: Checker<LinkedAccount> = (value, path = '$') => {
  const o = obj(value, path);
  return merge<LinkedAccount>(o, {
    _id: id(o._id, `${path}._id`),
    account_id: id(o.account_id ?? o._id, `${path}.account_id`),
    name: optional(o.name, `${path}.name`, str),
    environment: optional(o.environment, `${path}.environment`, str),
  });
};
