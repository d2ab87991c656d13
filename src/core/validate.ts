import type {
  Application,
  AuthField,
  AuthTypeOptions,
  Config,
  ConfigField,
  ConfigFieldError,
  ConfigWorkflow,
  ConnectedAccount,
  EnabledWorkflow,
  Execution,
  ExecutionNode,
  ExecutionStatus,
  FieldOption,
  LinkedAccount,
  OAuthStart,
  Page,
  ToggledWorkflow,
  Workflow,
  WorkflowToggleResult,
} from './types.js';

/**
 * Runtime checks of Refold's answers. Each checker returns a normalised copy (unknown extra fields are
 * kept, `null` for an optional field becomes absent) or throws a {@link ShapeError} naming where the shape
 * broke. Checks are strict only on what the library relies on, so that new fields never break old clients:
 * open strings (statuses, auth types, field types …) are kept raw, an optional field of the wrong type is
 * left out, and one bad item of a list is left out of that list. Each of those is reported to `warn`.
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

/**
 * Something a checker left out of an answer to keep the rest: where (`$[3].slug`) and what was expected
 * there. Never holds a value of the answer.
 */
export interface ShapeWarning {
  /** Where in the answer, e.g. `$[3].connected_accounts[0].connectedAt`. */
  path: string;
  /** What was expected there and what was left out. */
  message: string;
}

/** Receives the warnings of a check. */
export type Warn = (warning: ShapeWarning) => void;

/** A checker: validates `value` found at `path` and returns it typed; reports what it left out to `warn`. */
export type Checker<T> = (value: unknown, path?: string, warn?: Warn) => T;

type Check<T> = (value: unknown, path: string, warn: Warn) => T;
type Dict = Record<string, unknown>;

const ignore: Warn = () => undefined;

function checker<T>(check: Check<T>): Checker<T> {
  return (value, path = '$', warn = ignore) => check(value, path, warn);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function obj(value: unknown, path: string): Dict {
  if (!isDict(value)) throw new ShapeError(path, 'an object', value);
  return value;
}

/** A list whose bad items are left out (and reported); only a value that is no list at all throws. */
function list<T>(value: unknown, path: string, warn: Warn, item: Check<T>): T[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'an array', value);
  const out: T[] = [];
  value.forEach((v, i) => {
    try {
      out.push(item(v, `${path}[${i}]`, warn));
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      warn({ path: error.path, message: `${error.message}; left ${path}[${i}] out` });
    }
  });
  return out;
}

/** An optional field: absent for null/undefined, and left out (and reported) when it has the wrong shape. */
function optional<T>(value: unknown, path: string, warn: Warn, check: Check<T>): T | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return check(value, path, warn);
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    warn({ path: error.path, message: `${error.message}; left ${path} out` });
    return undefined;
  }
}

const listOf =
  <T>(item: Check<T>): Check<T[]> =>
  (value, path, warn) =>
    list(value, path, warn, item);

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

/**
 * What a 2xx answer says went wrong, when it says so: an object with a non-empty `error` (a string or an
 * object). `message` is the answer's text (`message`, else a non-code `error`); `code` an upper-case code
 * from `error_code` or `error`. Holds only what the answer holds; the client redacts it.
 */
export function reportedFailure(
  value: unknown,
): { message: string | undefined; code: string | undefined } | undefined {
  if (!isDict(value)) return undefined;
  const { error } = value;
  const nested = isDict(error) ? error : undefined;
  if (!(typeof error === 'string' && error.trim() !== '') && !nested) return undefined;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const isCode = (v: string | undefined) => v !== undefined && /^[A-Z][A-Z0-9_]*$/.test(v);
  const errorText = text(error);
  const candidates = [text(value.error_code), errorText, text(nested?.code)];
  return {
    message: text(value.message) ?? (isCode(errorText) ? undefined : errorText) ?? text(nested?.message),
    code: candidates.find(isCode),
  };
}

/** Throws when a 2xx answer that carries no data of its own says it failed. */
function refuseReportedFailure(value: unknown, path: string): void {
  if (reportedFailure(value)) throw new ShapeError(`${path}.error`, 'no error', 'error');
}

const option: Check<FieldOption> = (value, path, warn) => {
  const o = obj(value, path);
  const v = o.value;
  if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    throw new ShapeError(`${path}.value`, 'a string, number, boolean or null', v);
  }
  return merge<FieldOption>(o, { name: optional(o.name, `${path}.name`, warn, str), value: v });
};

const options = listOf(option);

const authField: Check<AuthField> = (value, path, warn) => {
  const o = obj(value, path);
  const name = id(o.name, `${path}.name`);
  return merge<AuthField>(o, {
    name,
    label: optional(o.label, `${path}.label`, warn, str) ?? name,
    type: optional(o.type, `${path}.type`, warn, str) ?? 'text',
    required: optional(o.required, `${path}.required`, warn, bool) ?? false,
    placeholder: optional(o.placeholder, `${path}.placeholder`, warn, str),
    help_text: optional(o.help_text, `${path}.help_text`, warn, str),
    multiple: optional(o.multiple, `${path}.multiple`, warn, bool),
    options: optional(o.options, `${path}.options`, warn, options),
  });
};

const authFields = listOf(authField);

/** Every auth type with its fields; a key whose value is no list is left out. */
const authTypeOptions: Check<AuthTypeOptions> = (value, path, warn) => {
  const o = obj(value, path);
  const out: AuthTypeOptions = {};
  for (const [key, fields] of Object.entries(o)) {
    const checked = optional(fields, `${path}.${key}`, warn, authFields);
    if (checked) out[key] = checked;
  }
  return out;
};

const connectedAccount: Check<ConnectedAccount> = (value, path, warn) => {
  const o = obj(value, path);
  return merge<ConnectedAccount>(o, {
    // Any JSON (a string for some apps, an object for others): kept as sent.
    identifier: o.identifier,
    auth_type: str(o.auth_type, `${path}.auth_type`),
    connectedAt: optional(o.connectedAt, `${path}.connectedAt`, warn, str) ?? '',
    status: optional(o.status, `${path}.status`, warn, str),
    connection_id: optional(o.connection_id, `${path}.connection_id`, warn, id),
  });
};

/** Checks one `Application`: it needs a `slug`; its name falls back to the slug. */
export const application: Checker<Application> = checker((value, path, warn) => {
  const o = obj(value, path);
  const slug = id(o.slug, `${path}.slug`);
  const name = optional(o.name, `${path}.name`, warn, str);
  return merge<Application>(o, {
    app_id: optional(o.app_id, `${path}.app_id`, warn, id),
    name: name?.trim() ? name : slug,
    slug,
    description: optional(o.description, `${path}.description`, warn, str) ?? '',
    icon: optional(o.icon, `${path}.icon`, warn, str),
    tags: optional(o.tags, `${path}.tags`, warn, listOf(str)),
    kind: optional(o.kind, `${path}.kind`, warn, str),
    grant_type: optional(o.grant_type, `${path}.grant_type`, warn, str),
    auth_type: optional(o.auth_type, `${path}.auth_type`, warn, str),
    auth_type_options: optional(o.auth_type_options, `${path}.auth_type_options`, warn, authTypeOptions),
    connected_accounts: optional(
      o.connected_accounts,
      `${path}.connected_accounts`,
      warn,
      listOf(connectedAccount),
    ),
    connected: optional(o.connected, `${path}.connected`, warn, bool),
    reauth_required: optional(o.reauth_required, `${path}.reauth_required`, warn, bool),
    auth_input_map: optional(o.auth_input_map, `${path}.auth_input_map`, warn, authFields),
  });
});

/** Checks the app list: an app that cannot be used is left out, the others are kept. */
export const applicationList: Checker<Application[]> = checker(listOf(application));

/** Checks the OAuth start answer: `{ auth_url }` or `{ connected }`. */
export const oauthStart: Checker<OAuthStart> = checker((value, path) => {
  const o = obj(value, path);
  if (typeof o.auth_url === 'string' && o.auth_url !== '') return { auth_url: o.auth_url };
  if (typeof o.connected === 'boolean') return { connected: o.connected };
  throw new ShapeError(`${path}.auth_url`, 'a URL string (or a "connected" boolean)', o.auth_url);
});

/**
 * Checks `{ success }` answers; a body without `success` counts as success when the status was 2xx, unless
 * it carries an `error`.
 */
export const success: Checker<{ success: boolean }> = checker((value, path, warn) => {
  if (value === undefined || value === null || value === '') return { success: true };
  const o = obj(value, path);
  const said = optional(o.success, `${path}.success`, warn, bool);
  if (said !== true) refuseReportedFailure(o, path);
  return { ...o, success: said ?? true };
});

/** Anything (for routes whose answer the library does not read), unless it carries an `error`. */
export const nothing: Checker<void> = checker((value, path) => {
  refuseReportedFailure(value, path);
});

/** `labels` of a config or field: `{ name, value }` options, or key/value labels kept as sent. */
const labels: Check<FieldOption[] | Dict> = (value, path, warn) =>
  Array.isArray(value) ? options(value, path, warn) : { ...obj(value, path) };

/** Checks one config field. */
export const configField: Checker<ConfigField> = checker((value, path, warn) => {
  const o = obj(value, path);
  const fieldId = id(o.id, `${path}.id`);
  return merge<ConfigField>(o, {
    id: fieldId,
    name: optional(o.name, `${path}.name`, warn, str) ?? fieldId,
    field_type: optional(o.field_type, `${path}.field_type`, warn, str) ?? 'text',
    required: optional(o.required, `${path}.required`, warn, bool),
    multiple: optional(o.multiple, `${path}.multiple`, warn, bool),
    hidden: optional(o.hidden, `${path}.hidden`, warn, bool),
    placeholder: optional(o.placeholder, `${path}.placeholder`, warn, str),
    help_text: optional(o.help_text, `${path}.help_text`, warn, str),
    options: optional(o.options, `${path}.options`, warn, options),
    parent: optional(o.parent, `${path}.parent`, warn, str),
    labels: optional(o.labels, `${path}.labels`, warn, labels),
    mapping: optional(o.mapping, `${path}.mapping`, warn, (v, p) => ({ ...obj(v, p) })),
  });
});

const configFields = listOf(configField);

const configWorkflow: Check<ConfigWorkflow> = (value, path, warn) => {
  const o = obj(value, path);
  const workflowId = id(o.id ?? o._id, `${path}.id`);
  return merge<ConfigWorkflow>(o, {
    id: workflowId,
    name: optional(o.name, `${path}.name`, warn, str) ?? workflowId,
    description: optional(o.description, `${path}.description`, warn, str),
    enabled: optional(o.enabled, `${path}.enabled`, warn, bool) ?? false,
    fields: optional(o.fields, `${path}.fields`, warn, configFields),
  });
};

const fieldError: Check<ConfigFieldError> = (value, path, warn) => {
  const o = obj(value, path);
  const message =
    typeof o.error === 'string'
      ? o.error
      : str(obj(o.error, `${path}.error`).message, `${path}.error.message`);
  return merge<ConfigFieldError>(o, {
    id: id(o.id, `${path}.id`),
    name: optional(o.name, `${path}.name`, warn, str),
    error: { message },
  });
};

/** Checks a `Config`. */
export const config: Checker<Config> = checker((value, path, warn) => {
  const o = obj(value, path);
  return merge<Config>(o, {
    slug: id(o.slug, `${path}.slug`),
    config_id: optional(o.config_id, `${path}.config_id`, warn, id),
    labels: optional(o.labels, `${path}.labels`, warn, labels),
    fields: optional(o.fields, `${path}.fields`, warn, configFields),
    workflows: optional(o.workflows, `${path}.workflows`, warn, listOf(configWorkflow)),
    field_errors: optional(o.field_errors, `${path}.field_errors`, warn, listOf(fieldError)),
  });
});

/** Checks the list of config ids of an app. */
export const configIdList: Checker<{ config_id: string }[]> = checker(
  listOf((v, p) => {
    const o = obj(v, p);
    return { ...o, config_id: id(o.config_id, `${p}.config_id`) };
  }),
);

/**
 * Checks the answer of a workflow toggle, documented as `{ workflows: [{ id, enabled, data_slots? }] }`
 * (no names). The library does not read it, so anything but a reported `error` is accepted.
 */
export const toggledWorkflows: Checker<WorkflowToggleResult> = checker((value, path, warn) => {
  refuseReportedFailure(value, path);
  const o = isDict(value) ? value : {};
  const workflow: Check<ToggledWorkflow> = (v, p) => {
    const w = obj(v, p);
    return merge<ToggledWorkflow>(w, {
      id: id(w.id ?? w._id, `${p}.id`),
      enabled: optional(w.enabled, `${p}.enabled`, warn, bool),
      name: optional(w.name, `${p}.name`, warn, str),
    });
  };
  return { ...o, workflows: optional(o.workflows, `${path}.workflows`, warn, listOf(workflow)) ?? [] };
});

/** Checks rule-engine options (an object or a list, as the server sends them); an `error` is a failure. */
export const ruleOptions: Checker<Record<string, unknown> | unknown[]> = checker((value, path) => {
  if (Array.isArray(value)) return value;
  refuseReportedFailure(value, path);
  return obj(value, path);
});

const workflow: Check<Workflow> = (value, path, warn) => {
  const o = obj(value, path);
  return merge<Workflow>(o, {
    _id: id(o._id ?? o.id, `${path}._id`),
    name: optional(o.name, `${path}.name`, warn, str) ?? '',
    description: optional(o.description, `${path}.description`, warn, str),
    slug: optional(o.slug, `${path}.slug`, warn, str),
    published: optional(o.published, `${path}.published`, warn, bool) ?? false,
    createdAt: optional(o.createdAt, `${path}.createdAt`, warn, str),
    updatedAt: optional(o.updatedAt, `${path}.updatedAt`, warn, str),
  });
};

/** Checks the enabled-workflow list. */
export const enabledWorkflowList: Checker<EnabledWorkflow[]> = checker(
  listOf((v, p, warn) => {
    const o = obj(v, p);
    return merge<EnabledWorkflow>(o, {
      id: id(o.id ?? o._id, `${p}.id`),
      name: optional(o.name, `${p}.name`, warn, str) ?? '',
      description: optional(o.description, `${p}.description`, warn, str),
      icon: optional(o.icon, `${p}.icon`, warn, str),
      config_id: optional(o.config_id, `${p}.config_id`, warn, id),
    });
  }),
);

const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'COMPLETED',
  'RUNNING',
  'ERRORED',
  'STOPPED',
  'STOPPING',
  'TIMED_OUT',
];

/** True for a status Refold documents (anything else is shown as an unknown status). */
export function isExecutionStatus(value: unknown): value is ExecutionStatus {
  return EXECUTION_STATUSES.includes(value as ExecutionStatus);
}

/** Every documented execution status, in display order. */
export const executionStatuses = EXECUTION_STATUSES;

const named: Check<{ _id?: string; name: string }> = (value, path, warn) => {
  const n = obj(value, path);
  return merge<{ _id?: string; name: string }>(n, {
    _id: optional(n._id, `${path}._id`, warn, id),
    name: optional(n.name, `${path}.name`, warn, str) ?? '',
  });
};

const executionNode: Check<ExecutionNode> = (value, path, warn) => {
  const node = obj(value, path);
  return merge<ExecutionNode>(node, {
    node_id: optional(node.node_id, `${path}.node_id`, warn, id) ?? '',
    node_name: optional(node.node_name, `${path}.node_name`, warn, str) ?? '',
    node_status: optional(node.node_status, `${path}.node_status`, warn, str) ?? '',
    attempts_made: optional(node.attempts_made, `${path}.attempts_made`, warn, num),
    maximum_attempts: optional(node.maximum_attempts, `${path}.maximum_attempts`, warn, num),
  });
};

/**
 * Checks one execution: nothing is required and an unknown status is kept as sent; but an object with an
 * `error` and no id or status is a reported failure, not a run.
 */
export const execution: Checker<Execution> = checker((value, path, warn) => {
  const o = obj(value, path);
  if (o._id === undefined && o.id === undefined && o.status === undefined) refuseReportedFailure(o, path);
  return merge<Execution>(o, {
    _id: optional(o._id ?? o.id, `${path}._id`, warn, id),
    name: optional(o.name, `${path}.name`, warn, str) ?? '',
    status: optional(o.status, `${path}.status`, warn, str) ?? '',
    associated_application: optional(o.associated_application, `${path}.associated_application`, warn, named),
    associated_workflow: optional(o.associated_workflow, `${path}.associated_workflow`, warn, named),
    execution_source: optional(o.execution_source, `${path}.execution_source`, warn, str),
    environment: optional(o.environment, `${path}.environment`, warn, str),
    config_id: optional(o.config_id, `${path}.config_id`, warn, id),
    createdAt: optional(o.createdAt, `${path}.createdAt`, warn, str),
    completion_percentage: optional(o.completion_percentage, `${path}.completion_percentage`, warn, num),
    nodes: optional(o.nodes, `${path}.nodes`, warn, listOf(executionNode)),
  });
});

/** Builds a checker for Refold's pagination envelope around `item`; what the server leaves out is derived. */
export function page<T>(item: Check<T>): Checker<Page<T>> {
  return checker((value, path, warn) => {
    const o = obj(value, path);
    const docs = list(o.docs, `${path}.docs`, warn, item);
    const count = (key: string) => optional(o[key], `${path}.${key}`, warn, num);
    const flag = (key: string) => optional(o[key], `${path}.${key}`, warn, bool);
    const limit = count('limit') ?? docs.length;
    const pageNo = count('page') ?? 1;
    const totalDocs = count('totalDocs') ?? docs.length;
    const totalPages = count('totalPages') ?? (limit > 0 ? Math.ceil(totalDocs / limit) : 1);
    const hasNextPage = flag('hasNextPage') ?? pageNo < totalPages;
    const hasPrevPage = flag('hasPrevPage') ?? pageNo > 1;
    return {
      docs,
      totalDocs,
      limit,
      page: pageNo,
      totalPages,
      hasNextPage,
      hasPrevPage,
      nextPage: count('nextPage') ?? (hasNextPage ? pageNo + 1 : null),
      prevPage: count('prevPage') ?? (hasPrevPage ? pageNo - 1 : null),
    };
  });
}

/** Checks the workflow page. */
export const workflowPage: Checker<Page<Workflow>> = page(workflow);

/** Checks the execution page: a run that is not even an object is left out, every other run is kept. */
export const executionPage: Checker<Page<Execution>> = page(execution);

/** Checks `{ message }` (event trigger); an answer with an `error` is a failure. */
export const message: Checker<{ message: string }> = checker((value, path, warn) => {
  if (value === undefined || value === null || value === '') return { message: '' };
  const o = obj(value, path);
  refuseReportedFailure(o, path);
  return { ...o, message: optional(o.message, `${path}.message`, warn, str) ?? '' };
});

/** Checks `{ hosted_url }`. */
export const hostedUrl: Checker<{ hosted_url: string }> = checker((value, path) => {
  const o = obj(value, path);
  return { ...o, hosted_url: str(o.hosted_url, `${path}.hosted_url`) };
});

/** Checks the active linked account. */
export const linkedAccount: Checker<LinkedAccount> = checker((value, path, warn) => {
  const o = obj(value, path);
  return merge<LinkedAccount>(o, {
    _id: id(o._id, `${path}._id`),
    account_id: id(o.account_id ?? o._id, `${path}.account_id`),
    name: optional(o.name, `${path}.name`, warn, str),
    environment: optional(o.environment, `${path}.environment`, warn, str),
  });
});
