/**
 * Runtime checks of Refold's answers: one checker per answer shape, strict about what the library needs and
 * tolerant of everything else (unknown values, extra or missing optional fields). A part of a list with the
 * wrong shape is left out and reported as a warning; an answer without what the route needs is a
 * {@link ShapeError}.
 *
 * @module
 */
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

/** A checker with every argument given (what the helpers below compose). @internal */
export type Check<T> = (value: unknown, path: string, warn: Warn) => T;
type Dict = Record<string, unknown>;

const ignore: Warn = () => undefined;

/** A {@link Checker} from a {@link Check} (the path defaults to `$`, warnings to nowhere). @internal */
export function checker<T>(check: Check<T>): Checker<T> {
  return (value, path = '$', warn = ignore) => check(value, path, warn);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** True for a JSON object (not null, not an array). @internal */
export function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as an object, else a {@link ShapeError}. @internal */
export function obj(value: unknown, path: string): Dict {
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

/** Reads the optional fields of `o`, found at `path`: `read('name', str)`. @internal */
export function reader(o: Dict, path: string, warn: Warn) {
  return <T>(key: string, check: Check<T>): T | undefined => optional(o[key], `${path}.${key}`, warn, check);
}

/** A {@link Check} of a list whose bad items are left out. @internal */
export const listOf =
  <T>(item: Check<T>): Check<T[]> =>
  (value, path, warn) =>
    list(value, path, warn, item);

/** `value` as a string, else a {@link ShapeError}. @internal */
export function str(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ShapeError(path, 'a string', value);
  return value;
}

/** A required identifier: a non-empty string (numbers are accepted and turned into strings). @internal */
export function id(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value === '') throw new ShapeError(path, 'a non-empty string', value);
  return value;
}

/** `value` as a finite number, else a {@link ShapeError}. @internal */
export function num(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(path, 'a number', value);
  return value;
}

/** `value` as a boolean, else a {@link ShapeError}. @internal */
export function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ShapeError(path, 'a boolean', value);
  return value;
}

/** Copies `source` without null/undefined values, with the checked fields in place of the raw ones. @internal */
export function merge<T>(source: Dict, checked: Dict): T {
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
export function refuseReportedFailure(value: unknown, path: string): void {
  if (reportedFailure(value)) throw new ShapeError(`${path}.error`, 'no error', 'error');
}

const option: Check<FieldOption> = (value, path, warn) => {
  const o = obj(value, path);
  const read = reader(o, path, warn);
  const v = o.value;
  if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    throw new ShapeError(`${path}.value`, 'a string, number, boolean or null', v);
  }
  return merge<FieldOption>(o, { name: read('name', str), value: v });
};

const options = listOf(option);

const authField: Check<AuthField> = (value, path, warn) => {
  const o = obj(value, path);
  const read = reader(o, path, warn);
  const name = id(o.name, `${path}.name`);
  return merge<AuthField>(o, {
    name,
    label: read('label', str) ?? name,
    type: read('type', str) ?? 'text',
    required: read('required', bool) ?? false,
    placeholder: read('placeholder', str),
    help_text: read('help_text', str),
    multiple: read('multiple', bool),
    options: read('options', options),
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
  const read = reader(o, path, warn);
  return merge<ConnectedAccount>(o, {
    // Any JSON (a string for some apps, an object for others): kept as sent.
    identifier: o.identifier,
    // Some answers leave it out (the app's own `auth_type` then says it; see `application`).
    auth_type: read('auth_type', str),
    connectedAt: read('connectedAt', str) ?? '',
    status: read('status', str),
    connection_id: read('connection_id', id),
  });
};

/** Checks one `Application`: it needs a `slug`; its name falls back to the slug. */
export const application: Checker<Application> = checker((value, path, warn) => {
  const o = obj(value, path);
  const read = reader(o, path, warn);
  const slug = id(o.slug, `${path}.slug`);
  const name = read('name', str);
  const authType = read('auth_type', str);
  const accounts = read('connected_accounts', listOf(connectedAccount))?.map((account) =>
    account.auth_type === undefined && authType !== undefined ? { ...account, auth_type: authType } : account,
  );
  return merge<Application>(o, {
    app_id: read('app_id', id),
    name: name?.trim() ? name : slug,
    slug,
    description: read('description', str) ?? '',
    icon: read('icon', str),
    tags: read('tags', listOf(str)),
    kind: read('kind', str),
    grant_type: read('grant_type', str),
    auth_type: authType,
    auth_type_options: read('auth_type_options', authTypeOptions),
    connected_accounts: accounts,
    connected: read('connected', bool),
    reauth_required: read('reauth_required', bool),
    auth_input_map: read('auth_input_map', authFields),
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
  const read = reader(o, path, warn);
  const said = read('success', bool);
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
  const read = reader(o, path, warn);
  const fieldId = id(o.id, `${path}.id`);
  return merge<ConfigField>(o, {
    id: fieldId,
    name: read('name', str) ?? fieldId,
    field_type: read('field_type', str) ?? 'text',
    required: read('required', bool),
    multiple: read('multiple', bool),
    hidden: read('hidden', bool),
    placeholder: read('placeholder', str),
    help_text: read('help_text', str),
    options: read('options', options),
    parent: read('parent', str),
    labels: read('labels', labels),
    mapping: read('mapping', (v, p) => ({ ...obj(v, p) })),
  });
});

const configFields = listOf(configField);

const configWorkflow: Check<ConfigWorkflow> = (value, path, warn) => {
  const o = obj(value, path);
  const read = reader(o, path, warn);
  const workflowId = id(o.id ?? o._id, `${path}.id`);
  return merge<ConfigWorkflow>(o, {
    id: workflowId,
    name: read('name', str) ?? workflowId,
    description: read('description', str),
    enabled: read('enabled', bool) ?? false,
    fields: read('fields', configFields),
  });
};

const fieldError: Check<ConfigFieldError> = (value, path, warn) => {
  const o = obj(value, path);
  const read = reader(o, path, warn);
  const message =
    typeof o.error === 'string'
      ? o.error
      : str(obj(o.error, `${path}.error`).message, `${path}.error.message`);
  return merge<ConfigFieldError>(o, {
    id: id(o.id, `${path}.id`),
    name: read('name', str),
    error: { message },
  });
};

/** Checks a `Config`. */
export const config: Checker<Config> = checker((value, path, warn) => {
  const o = obj(value, path);
  const read = reader(o, path, warn);
  return merge<Config>(o, {
    slug: id(o.slug, `${path}.slug`),
    config_id: read('config_id', id),
    labels: read('labels', labels),
    fields: read('fields', configFields),
    workflows: read('workflows', listOf(configWorkflow)),
    field_errors: read('field_errors', listOf(fieldError)),
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
    const read = reader(w, p, warn);
    return merge<ToggledWorkflow>(w, {
      id: id(w.id ?? w._id, `${p}.id`),
      enabled: read('enabled', bool),
      name: read('name', str),
    });
  };
  return { ...o, workflows: reader(o, path, warn)('workflows', listOf(workflow)) ?? [] };
});

const workflow: Check<Workflow> = (value, path, warn) => {
  const o = obj(value, path);
  const read = reader(o, path, warn);
  return merge<Workflow>(o, {
    _id: id(o._id ?? o.id, `${path}._id`),
    name: read('name', str) ?? '',
    description: read('description', str),
    slug: read('slug', str),
    published: read('published', bool) ?? false,
    createdAt: read('createdAt', str),
    updatedAt: read('updatedAt', str),
  });
};

/** Checks the enabled-workflow list. */
export const enabledWorkflowList: Checker<EnabledWorkflow[]> = checker(
  listOf((v, p, warn) => {
    const o = obj(v, p);
    const read = reader(o, p, warn);
    return merge<EnabledWorkflow>(o, {
      id: id(o.id ?? o._id, `${p}.id`),
      name: read('name', str) ?? '',
      description: read('description', str),
      icon: read('icon', str),
      config_id: read('config_id', id),
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
  const read = reader(n, path, warn);
  return merge<{ _id?: string; name: string }>(n, {
    _id: read('_id', id),
    name: read('name', str) ?? '',
  });
};

const executionNode: Check<ExecutionNode> = (value, path, warn) => {
  const node = obj(value, path);
  const read = reader(node, path, warn);
  return merge<ExecutionNode>(node, {
    node_id: read('node_id', id) ?? '',
    node_name: read('node_name', str) ?? '',
    node_status: read('node_status', str) ?? '',
    attempts_made: read('attempts_made', num),
    maximum_attempts: read('maximum_attempts', num),
  });
};

/**
 * Checks one execution: nothing is required and an unknown status is kept as sent; but an object with an
 * `error` and no id or status is a reported failure, not a run.
 */
export const execution: Checker<Execution> = checker((value, path, warn) => {
  const o = obj(value, path);
  const read = reader(o, path, warn);
  if (o._id === undefined && o.id === undefined && o.status === undefined) refuseReportedFailure(o, path);
  return merge<Execution>(o, {
    _id: optional(o._id ?? o.id, `${path}._id`, warn, id),
    name: read('name', str) ?? '',
    status: read('status', str) ?? '',
    associated_application: read('associated_application', named),
    associated_workflow: read('associated_workflow', named),
    execution_source: read('execution_source', str),
    environment: read('environment', str),
    config_id: read('config_id', id),
    createdAt: read('createdAt', str),
    completion_percentage: read('completion_percentage', num),
    nodes: read('nodes', listOf(executionNode)),
  });
});

/** Builds a checker for Refold's pagination envelope around `item`; what the server leaves out is derived. */
export function page<T>(item: Check<T>): Checker<Page<T>> {
  return checker((value, path, warn) => {
    const o = obj(value, path);
    const docs = list(o.docs, `${path}.docs`, warn, item);
    const read = reader(o, path, warn);
    const count = (key: string) => read(key, num);
    const flag = (key: string) => read(key, bool);
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
  const read = reader(o, path, warn);
  refuseReportedFailure(o, path);
  return { ...o, message: read('message', str) ?? '' };
});

/** Checks `{ hosted_url }`. */
export const hostedUrl: Checker<{ hosted_url: string }> = checker((value, path) => {
  const o = obj(value, path);
  return { ...o, hosted_url: str(o.hosted_url, `${path}.hosted_url`) };
});

/** Checks the active linked account. */
export const linkedAccount: Checker<LinkedAccount> = checker((value, path, warn) => {
  const o = obj(value, path);
  const read = reader(o, path, warn);
  return merge<LinkedAccount>(o, {
    _id: id(o._id, `${path}._id`),
    account_id: id(o.account_id ?? o._id, `${path}.account_id`),
    name: read('name', str),
    environment: read('environment', str),
  });
});
