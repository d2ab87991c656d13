/**
 * Configs of the mock: stored values per (account, app, config id), their wire shape, and the validation of
 * writes. A value of the wrong structure (a rule-engine value without `logic`/`conditions`, a map whose
 * values are not strings or lists of strings) is refused with a 400, as a strict server would; a value that
 * is well formed but wrong (not an option, not an email …) comes back as a `field_error`.
 *
 * @module
 */
import { isRecord } from './http.js';
import type {
  MockConfigField,
  MockConfigOption,
  MockConfigTemplate,
  MockConfigValues,
  MockMappingSide,
  MockOption,
  MockWorkflow,
} from './types.js';

/** Stored state of one workflow inside a config. */
export interface WorkflowState {
  /** Whether the workflow runs for this config. */
  enabled: boolean;
  /** Workflow field values by field id. */
  values: Map<string, unknown>;
}

/** Stored state of one config. */
export interface ConfigState {
  /** App slug. */
  slug: string;
  /** Config id. */
  config_id: string;
  /** Dynamic labels given at creation (used as the left side of map fields). */
  labels?: MockOption[];
  /** App-level field values by field id. */
  values: Map<string, unknown>;
  /** Workflow states by workflow id (created on first access). */
  workflows: Map<string, WorkflowState>;
}

/** What a config of one app is made of: its template and the app's published workflows. */
export interface ConfigContext {
  /** App-level fields. */
  template: MockConfigTemplate;
  /** Published workflows of the app. */
  workflows: readonly MockWorkflow[];
}

/** One entry of `field_errors`. */
export interface FieldError {
  /** Field id. */
  id: string;
  /** Field name. */
  name: string;
  /** What is wrong. */
  error: { message: string };
  /** Workflow of the field, for workflow fields. */
  workflow_id?: string;
}

function defaults(fields: readonly MockConfigField[] | undefined): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const field of fields ?? []) {
    if (field.value !== undefined) values.set(field.id, structuredClone(field.value));
  }
  return values;
}

/** A new config with the templates' default values and every workflow disabled. */
export function createConfigState(
  slug: string,
  configId: string,
  context: ConfigContext,
  labels?: MockOption[],
): ConfigState {
  const state: ConfigState = {
    slug,
    config_id: configId,
    values: defaults(context.template.fields),
    workflows: new Map(),
  };
  if (labels !== undefined) state.labels = labels;
  return state;
}

/** The state of a workflow in a config, created (disabled, defaults) on first access. */
export function workflowState(config: ConfigState, workflow: MockWorkflow): WorkflowState {
  let state = config.workflows.get(workflow._id);
  if (state === undefined) {
    state = { enabled: false, values: defaults(workflow.fields) };
    config.workflows.set(workflow._id, state);
  }
  return state;
}

function sideOptions(side: MockMappingSide | undefined): MockConfigOption[] | undefined {
  return side === undefined ? undefined : Array.isArray(side) ? side : side.options;
}

/** Options of a field given a lookup of the current values: a dependent field has none until its parent has a value. */
export function resolveOptions(
  field: MockConfigField,
  lookup: (id: string) => unknown,
): MockConfigOption[] | undefined {
  if (field.mapping !== undefined) return sideOptions(field.mapping.rhs) ?? field.options;
  if (field.field_type === 'rule_engine') {
    return field.ruleColumns?.map((column) => ({ name: column.name, value: column.value })) ?? field.options;
  }
  if (field.parent !== undefined) {
    const parentValue = lookup(field.parent);
    if (parentValue === undefined || parentValue === null || parentValue === '') return [];
    const key = Array.isArray(parentValue) ? String(parentValue[0]) : String(parentValue);
    return field.optionsByParent?.[key] ?? field.options ?? [];
  }
  return field.options;
}

/** The wire shape of one field (mock-only keys removed). */
export function renderField(
  field: MockConfigField,
  value: unknown,
  lookup: (id: string) => unknown,
  withOptions: boolean,
  labels?: MockOption[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: field.id,
    name: field.name,
    field_type: field.field_type,
    required: field.required ?? false,
  };
  if (field.multiple !== undefined) out['multiple'] = field.multiple;
  if (field.hidden !== undefined) out['hidden'] = field.hidden;
  if (field.placeholder !== undefined) out['placeholder'] = field.placeholder;
  if (field.help_text !== undefined) out['help_text'] = field.help_text;
  if (field.parent !== undefined) out['parent'] = field.parent;
  const isMap = field.field_type === 'map' || field.field_type === 'map_v2';
  const fieldLabels = isMap && labels !== undefined && labels.length > 0 ? labels : field.labels;
  if (fieldLabels !== undefined) out['labels'] = structuredClone(fieldLabels);
  if (field.mapping !== undefined) out['mapping'] = structuredClone(field.mapping);
  if (withOptions && field.mapping === undefined) {
    const options = resolveOptions(field, lookup);
    if (options !== undefined) out['options'] = structuredClone(options);
  }
  if (value !== undefined) out['value'] = structuredClone(value);
  return out;
}

/** A lookup of a config's values: the workflow's own first (when given), then the app-level ones. */
export function lookupIn(config: ConfigState, workflow?: WorkflowState): (id: string) => unknown {
  return (id) => (workflow?.values.has(id) === true ? workflow.values.get(id) : config.values.get(id));
}

/** The wire shape of a config's workflows. */
export function renderWorkflows(
  config: ConfigState,
  context: ConfigContext,
  withOptions: boolean,
): Record<string, unknown>[] {
  return context.workflows.map((workflow) => {
    const state = workflowState(config, workflow);
    const lookup = lookupIn(config, state);
    const out: Record<string, unknown> = { id: workflow._id, name: workflow.name, enabled: state.enabled };
    if (workflow.description !== undefined) out['description'] = workflow.description;
    out['fields'] = (workflow.fields ?? []).map((field) =>
      renderField(field, state.values.get(field.id), lookup, withOptions),
    );
    return out;
  });
}

/** The wire shape of a config. */
export function renderConfig(
  config: ConfigState,
  context: ConfigContext,
  withOptions: boolean,
  fieldErrors?: FieldError[],
): Record<string, unknown> {
  const lookup = lookupIn(config);
  const out: Record<string, unknown> = {
    slug: config.slug,
    config_id: config.config_id,
    fields: context.template.fields.map((field) =>
      renderField(field, config.values.get(field.id), lookup, withOptions, config.labels),
    ),
    workflows: renderWorkflows(config, context, withOptions),
  };
  if (fieldErrors !== undefined && fieldErrors.length > 0) out['field_errors'] = fieldErrors;
  return out;
}

/** The values a config stores, as plain objects (a copy). */
export function configValues(config: ConfigState, context: ConfigContext): MockConfigValues {
  const workflows: MockConfigValues['workflows'] = {};
  for (const workflow of context.workflows) {
    const state = workflowState(config, workflow);
    workflows[workflow._id] = {
      enabled: state.enabled,
      fields: structuredClone(Object.fromEntries(state.values)),
    };
  }
  return { fields: structuredClone(Object.fromEntries(config.values)), workflows };
}

/** Result of validating one value. */
export type ValueCheck = { ok: true; value: unknown } | { ok: false; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Validate (and normalise) a value for a config field. `undefined`/`null`/`''` clears the value, unless the
 * field is required. `options` are the field's current options (undefined: not checked).
 */
export function validateConfigValue(
  field: MockConfigField,
  value: unknown,
  options: MockConfigOption[] | undefined,
): ValueCheck {
  if (isEmpty(value)) {
    return field.required === true
      ? { ok: false, message: `${field.name} is required` }
      : { ok: true, value: undefined };
  }
  const allowed = options === undefined ? undefined : new Set(options.map((option) => option.value));
  switch (field.field_type) {
    case 'text':
    case 'textarea':
      return typeof value === 'string'
        ? { ok: true, value }
        : { ok: false, message: `${field.name} must be text` };
    case 'number': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof number === 'number' && Number.isFinite(number)
        ? { ok: true, value: number }
        : { ok: false, message: `${field.name} must be a number` };
    }
    case 'email':
      return typeof value === 'string' && EMAIL.test(value)
        ? { ok: true, value }
        : { ok: false, message: `${field.name} must be a valid email address` };
    case 'url':
      return typeof value === 'string' && isHttpUrl(value)
        ? { ok: true, value }
        : { ok: false, message: `${field.name} must be a valid http(s) URL` };
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value))
        ? { ok: true, value }
        : { ok: false, message: `${field.name} must be a date (YYYY-MM-DD)` };
    case 'json':
      if (typeof value === 'string') {
        try {
          JSON.parse(value);
          return { ok: true, value };
        } catch {
          return { ok: false, message: `${field.name} must be valid JSON` };
        }
      }
      return typeof value === 'object'
        ? { ok: true, value }
        : { ok: false, message: `${field.name} must be valid JSON` };
    case 'select': {
      if (field.multiple === true) {
        const list = Array.isArray(value) ? value : [value];
        if (!list.every((item) => typeof item === 'string' || typeof item === 'number')) {
          return { ok: false, message: `${field.name} must be a list of options` };
        }
        const strings = list.map(String);
        const bad = allowed === undefined ? undefined : strings.find((item) => !allowed.has(item));
        return bad === undefined
          ? { ok: true, value: strings }
          : { ok: false, message: `${field.name}: "${bad}" is not one of the options` };
      }
      if (typeof value !== 'string' && typeof value !== 'number') {
        return { ok: false, message: `${field.name} must be one of the options` };
      }
      const text = String(value);
      return allowed === undefined || allowed.has(text)
        ? { ok: true, value: text }
        : { ok: false, message: `${field.name}: "${text}" is not one of the options` };
    }
    case 'map':
    case 'map_v2': {
      // The structure was checked by `shapeProblem`: rows are strings, lists of strings, or null.
      const rows = leftValues(field);
      for (const [key, target] of Object.entries(value as Record<string, unknown>)) {
        if (rows !== undefined && !rows.has(key)) {
          return { ok: false, message: `${field.name}: "${key}" is not a label of this mapping` };
        }
        for (const item of Array.isArray(target) ? target : [target]) {
          if (item === null || item === '' || allowed === undefined || allowed.has(item as string)) continue;
          return { ok: false, message: `${field.name}: "${String(item)}" is not one of the options` };
        }
      }
      return { ok: true, value };
    }
    default:
      return { ok: true, value };
  }
}

/** The left-hand keys a map field accepts, or `undefined` when any key goes (dynamic labels). */
function leftValues(field: MockConfigField): Set<string | null> | undefined {
  const side = sideOptions(field.mapping?.lhs);
  if (side !== undefined) return new Set(side.map((option) => option.value));
  if (field.field_type === 'map' && Array.isArray(field.labels) && field.labels.length > 0) {
    return new Set(field.labels.map((label) => label.value));
  }
  return undefined;
}

function ruleProblem(value: unknown, path: string): string | undefined {
  if (!isRecord(value)) return `${path} must be an object { logic, conditions }`;
  if (value['logic'] !== 'AND' && value['logic'] !== 'OR') return `${path}.logic must be "AND" or "OR"`;
  const conditions = value['conditions'];
  if (!Array.isArray(conditions)) return `${path}.conditions must be an array`;
  for (const [index, item] of conditions.entries()) {
    const at = `${path}.conditions[${index}]`;
    if (isRecord(item) && ('conditions' in item || 'logic' in item)) {
      const problem = ruleProblem(item, at);
      if (problem !== undefined) return problem;
      continue;
    }
    if (!isRecord(item))
      return `${at} must be a condition { lhs, operator, rhs } or a group { logic, conditions }`;
    if (typeof item['lhs'] !== 'string' || item['lhs'] === '') return `${at}.lhs must be a non-empty string`;
    if (typeof item['operator'] !== 'string' || item['operator'] === '') {
      return `${at}.operator must be a non-empty string`;
    }
    const rhs = item['rhs'];
    const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
    if (!(scalar(rhs) || (Array.isArray(rhs) && rhs.every(scalar)))) {
      return `${at}.rhs must be a string, number, boolean, null or a list of them`;
    }
  }
  return undefined;
}

/**
 * What is wrong with the structure of a value (a 400 for a strict server), or `undefined`. Rule engines
 * take `{ logic: 'AND' | 'OR', conditions: [{ lhs, operator, rhs } | { logic, conditions }] }`, nested;
 * maps an object whose values are strings, lists of strings, or null. Empty values (which clear) pass.
 */
export function shapeProblem(field: MockConfigField, value: unknown): string | undefined {
  if (isEmpty(value)) return undefined;
  if (field.field_type === 'rule_engine') {
    const problem = ruleProblem(value, 'value');
    return problem === undefined ? undefined : `${field.name}: ${problem}`;
  }
  if (field.field_type === 'map' || field.field_type === 'map_v2') {
    const row = (v: unknown) => v === null || typeof v === 'string';
    const fine =
      isRecord(value) && Object.values(value).every((v) => row(v) || (Array.isArray(v) && v.every(row)));
    return fine ? undefined : `${field.name}: a mapping must be an object of strings or lists of strings`;
  }
  return undefined;
}

/** Apply `{ [fieldId]: value }` to a set of fields, parents before dependants: the errors, and what was stored. */
export function applyFieldValues(
  fields: readonly MockConfigField[],
  input: Record<string, unknown>,
  target: Map<string, unknown>,
  lookup: (id: string) => unknown,
  workflowId?: string,
): { errors: FieldError[]; stored: Record<string, unknown> } {
  const errors: FieldError[] = [];
  const stored: Record<string, unknown> = {};
  const entries = Object.entries(input);
  const byId = new Map(fields.map((field) => [field.id, field]));
  // Parents first, so that a dependent field is checked against its parent's new value.
  entries.sort(
    ([a], [b]) => Number(byId.get(a)?.parent !== undefined) - Number(byId.get(b)?.parent !== undefined),
  );
  for (const [id, value] of entries) {
    const field = byId.get(id);
    const base = workflowId === undefined ? {} : { workflow_id: workflowId };
    if (field === undefined) {
      errors.push({ id, name: id, error: { message: `Unknown field: ${id}` }, ...base });
      continue;
    }
    const check = validateConfigValue(field, value, resolveOptions(field, lookup));
    if (!check.ok) {
      errors.push({ id, name: field.name, error: { message: check.message }, ...base });
      continue;
    }
    if (check.value === undefined) target.delete(id);
    else target.set(id, check.value);
    stored[id] = check.value === undefined ? null : structuredClone(check.value);
  }
  return { errors, stored };
}
