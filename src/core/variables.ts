/**
 * The customer's own environment-variable values (`client.variables`): scope `linked_account`, the only one
 * a session token reaches. Encrypted values are write-only: Refold sends `"[REDACTED]"` (or, answering a
 * write, its ciphertext) in their place; the client leaves `value` out and sets `encrypted`, so the
 * placeholder is never shown nor sent back. The definitions are API-key only: your backend hands them over.
 *
 * @module
 */
import { optionalTextArg, pageArg, textArg } from './args.js';
import type { RequestOptions } from './client.js';
import { RefoldArgumentError } from './errors.js';
import { pageQuery } from './resource.js';
import type { PageParams, Send } from './resource.js';
import type { Page } from './types.js';
import { bool, checker, id, isDict, merge, nothing, obj, page, reader, str } from './validate.js';
import type { Check, Checker } from './validate.js';

/** What Refold sends in place of an encrypted value. */
export const REDACTED_VALUE = '[REDACTED]';

/** Format of a variable: `string`, `number`, `url`, or a newer one (kept raw, edited as text). */
export type VariableFormat = 'string' | 'number' | 'url' | (string & {});

/**
 * A variable definition. The definition routes take the **API key only**: a browser cannot list them. Your
 * backend reads them (`GET /api/v2/public/env/definitions?scope=linked_account`) and hands the page what it
 * shows; values listed with a session token name their definition by id only (some answers embed
 * `{ _id, name, scope, encrypted }`).
 */
export interface VariableDefinition {
  /** Definition id (`variable_definition_id` of its values). */
  _id: string;
  /** Name, as referenced in workflows. */
  name: string;
  /** What the value is for. */
  description?: string;
  /** `org`, `workspace`, `linked_account` or `workflow`; a session token reaches `linked_account` only. */
  scope?: string;
  /** Format Refold checks values against. @defaultValue `'string'` */
  var_format?: VariableFormat;
  /** Write-only: the value is never shown again once set. */
  encrypted?: boolean;
  /** Anything else Refold sends. */
  [key: string]: unknown;
}

/** A variable's value for the customer (`EnvVariableValue`). */
export interface VariableValue {
  /** Id of the value (what `variables.remove` takes); the single-value route leaves it out. */
  _id?: string;
  /** Its definition's id (from the embedded definition when Refold embeds one). */
  variable_definition_id: string;
  /** The definition as Refold embedded it in `variable_definition_id`, when it did. */
  definition?: Partial<VariableDefinition>;
  /** The value; absent when encrypted (write-only) or unset. */
  value?: string;
  /** Write-only: the value is set but never readable. */
  encrypted: boolean;
  /** The definition's name (single-value route). */
  name?: string;
  /** The definition's scope (single-value route). */
  scope?: string;
  /** `test` or `production`. */
  environment?: string;
  /** ISO 8601. */
  updatedAt?: string;
  /** Anything else Refold sends. */
  [key: string]: unknown;
}

/** Which values {@link VariableMethods.list} lists. */
export interface VariableListParams extends PageParams {
  /** Only the value of this definition. */
  definitionId?: string;
}

/** Which values {@link VariableMethods.listAll} reads. */
export interface AllVariablesParams {
  /** Values asked for per page (1–100). @defaultValue 100 */
  limit?: number;
  /**
   * Pages read at most: a bound, so that an answer that keeps saying `hasNextPage` cannot loop for ever.
   * @defaultValue 10 (1,000 values at the default `limit`)
   */
  maxPages?: number;
}

/** Every value of the customer, as {@link VariableMethods.listAll} read it page by page. */
export interface VariableValueList {
  /** The values in Refold's order, each once (a value seen on two pages, as rows shift, is kept once). */
  docs: VariableValue[];
  /** `false` when `maxPages` pages were read and Refold still had more: the rest are not in `docs`. */
  complete: boolean;
}

/** Page size of {@link VariableMethods.listAll}: the largest `limit` a list call sends. */
const ALL_LIMIT = 100;

/** Pages {@link VariableMethods.listAll} reads at most. */
const ALL_MAX_PAGES = 10;

/** What {@link VariableMethods.set} stores. */
export interface SetVariableInput {
  /** The definition (`variable_definition_id`). */
  definitionId: string;
  /** The value; a number is sent as text (Refold stores text and checks it against the definition's format). */
  value: string | number;
}

/**
 * The customer's own variable values (scope `linked_account`; a session token reaches no other). The
 * definitions are API-key only: get them from your backend. Encrypted values are write-only.
 */
export interface VariableMethods {
  /** A page of the customer's values. */
  list(params?: VariableListParams, options?: RequestOptions): Promise<Page<VariableValue>>;
  /**
   * Every value of the customer: pages 1, 2, … one after the other (100 values each) until Refold says
   * there is no next page or sends an empty one, at most `maxPages` (10) pages. When that bound stops it
   * early, `complete` is `false`. A failed page fails the whole read.
   */
  listAll(params?: AllVariablesParams, options?: RequestOptions): Promise<VariableValueList>;
  /** The value of one definition; `null` when Refold answers that none is set. */
  get(definitionId: string, options?: RequestOptions): Promise<VariableValue | null>;
  /**
   * Sets (upserts) a value; the answer never holds an encrypted one. Refuses Refold's `"[REDACTED]"`
   * placeholder: it is not a value, and sending it back would overwrite the secret.
   */
  set(input: SetVariableInput, options?: RequestOptions): Promise<VariableValue>;
  /** Deletes a value by its `_id`. */
  remove(valueId: string, options?: RequestOptions): Promise<void>;
}

const definitionSummary: Check<Partial<VariableDefinition>> = (value, path, warn) => {
  const o = obj(value, path);
  const read = reader(o, path, warn);
  return merge<Partial<VariableDefinition>>(o, {
    _id: read('_id', id),
    name: read('name', str),
    var_format: read('var_format', str),
    encrypted: read('encrypted', bool),
  });
};

/**
 * Checks one variable value. `variable_definition_id` is an id, or the definition itself (some answers embed
 * it). An encrypted value (`encrypted: true`, an encrypted embedded definition, or the `[REDACTED]`
 * placeholder) comes out without `value`. `sent` is the value a write sent: an answer holding anything else
 * (Refold's ciphertext) counts as encrypted too.
 */
export function variableValue(sent?: string): Check<VariableValue> {
  return (value, path, warn) => {
    const o = obj(value, path);
    const read = reader(o, path, warn);
    const raw = o.variable_definition_id;
    const definition = isDict(raw)
      ? definitionSummary(raw, `${path}.variable_definition_id`, warn)
      : undefined;
    const text = read('value', (v, p) => (typeof v === 'number' ? String(v) : str(v, p)));
    const encrypted =
      read('encrypted', bool) === true ||
      definition?.encrypted === true ||
      text === REDACTED_VALUE ||
      (sent !== undefined && text !== undefined && text !== sent);
    return merge<VariableValue>(o, {
      _id: read('_id', id),
      variable_definition_id: id(definition?._id ?? raw, `${path}.variable_definition_id`),
      definition,
      value: encrypted ? undefined : text,
      encrypted,
      name: read('name', str),
      scope: read('scope', str),
      environment: read('environment', str),
      updatedAt: read('updatedAt', str),
    });
  };
}

/** Checks a page of variable values: a value that cannot be tied to a definition is left out. */
export const variablePage = page(variableValue());

/**
 * The single-value answer, which may leave out the definition id; `null` when it says no value is set (no
 * answer, or a `value` of `null`, even for an encrypted definition).
 */
function variableOrNull(definitionId: string): Checker<VariableValue | null> {
  const item = variableValue();
  return checker((value, path, warn) => {
    if (!isDict(value))
      return value === null || value === undefined || value === '' ? null : item(value, path, warn);
    if (value.value === null || value.value === undefined) return null;
    return item({ variable_definition_id: definitionId, ...value }, path, warn);
  });
}

/** A value to store: text or a finite number (as text), never the `[REDACTED]` placeholder. */
function valueArg(where: string, value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string')
    throw new RefoldArgumentError(`${where}: value must be a string or a number.`);
  if (value === REDACTED_VALUE) {
    throw new RefoldArgumentError(
      `${where}: "${REDACTED_VALUE}" is Refold's placeholder for an encrypted value, not a value; sending it back would overwrite the secret.`,
    );
  }
  return value;
}

/** Reads pages 1 … `maxPages` of `list` until the last one; see {@link VariableMethods.listAll}. */
async function readAll(
  list: VariableMethods['list'],
  params: PageParams,
  maxPages: number,
  opts: RequestOptions | undefined,
): Promise<VariableValueList> {
  const docs: VariableValue[] = [];
  const seen = new Set<string>();
  for (let page = 1; page <= maxPages; page += 1) {
    const answer = await list({ ...params, page }, opts);
    for (const value of answer.docs) {
      if (value._id !== undefined) {
        if (seen.has(value._id)) continue;
        seen.add(value._id);
      }
      docs.push(value);
    }
    if (!answer.hasNextPage || answer.docs.length === 0) return { docs, complete: true };
  }
  return { docs, complete: false };
}

/** The variable methods of the client. @internal */
export function variableMethods(go: Send): VariableMethods {
  const list: VariableMethods['list'] = (params = {}, opts) =>
    go('listVariables', { scope: 'linked_account' }, variablePage, opts, {
      query: {
        ...pageQuery('variables.list', params),
        variable_definition_id: optionalTextArg('variables.list', 'definitionId', params.definitionId),
      },
    });
  return {
    list,
    listAll: (params = {}, opts) => {
      const where = 'variables.listAll';
      const maxPages = pageArg(where, 'maxPages', params.maxPages) ?? ALL_MAX_PAGES;
      const limit = pageArg(where, 'limit', params.limit, ALL_LIMIT) ?? ALL_LIMIT;
      return readAll(list, { limit }, maxPages, opts);
    },
    get: (definitionId, opts) => {
      const definition = textArg('variables.get', 'definitionId', definitionId);
      return go('getVariable', { definitionId: definition }, variableOrNull(definition), opts);
    },
    set: (input, opts) => {
      const where = 'variables.set';
      const definition = textArg(where, 'definitionId', input?.definitionId);
      const value = valueArg(where, input.value);
      return go('setVariable', {}, checker(variableValue(value)), opts, {
        body: { variable_definition_id: definition, value },
        secrets: [value],
      });
    },
    remove: (valueId, opts) =>
      go('removeVariable', { valueId: textArg('variables.remove', 'valueId', valueId) }, nothing, opts),
  };
}
