import type { ConfigField, FieldOption } from '../../core/types.js';

/** A condition of a rule-engine value. Keys the form does not know (e.g. `type`) are kept. @internal */
export interface RuleCondition {
  /** Left-hand column. */
  lhs?: unknown;
  /** Operator. */
  operator?: unknown;
  /** Right-hand value. */
  rhs?: unknown;
  [key: string]: unknown;
}

/** A group of a rule-engine value: conditions and nested groups joined with AND or OR. @internal */
export interface RuleGroup {
  /** How the items combine. */
  logic: 'AND' | 'OR';
  /** Conditions and nested groups, in order. */
  conditions: (RuleCondition | RuleGroup)[];
  [key: string]: unknown;
}

/**
 * A field value as the form holds it: text for inputs (JSON as its source text), option keys for selects
 * (a list for multi-selects), the stored object for maps (left key → right value or values) and the stored
 * tree for rule engines. Maps and rule trees keep every part the form does not edit as it was. @internal
 */
export type FormValue = string | string[] | Record<string, unknown> | RuleGroup;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Scalar = string | number | boolean | null;
const isScalar = (value: unknown): value is Scalar =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** The option key of a `null` value, so that a `null` option can be chosen in a `<select>`. @internal */
export const NULL_KEY = 'refold:null';

/** The `<option value>` of an option's value. @internal */
export function optionKey(value: unknown): string {
  return value === null ? NULL_KEY : value === undefined ? '' : String(value);
}

/** The option value (with its type) of a `<option value>`; a key no option has stays a string. @internal */
export function optionValue(options: readonly FieldOption[] | undefined, key: string): unknown {
  const found = options?.find((option) => optionKey(option.value) === key);
  return found ? found.value : key === NULL_KEY ? null : key;
}

/** True for a rule-engine group: `{ logic, conditions }`. @internal */
export function isRuleGroup(item: unknown): item is RuleGroup {
  return isRecord(item) && 'conditions' in item;
}

function readRuleGroup(value: unknown): RuleGroup | undefined {
  if (
    !isRecord(value) ||
    (value.logic !== 'AND' && value.logic !== 'OR') ||
    !Array.isArray(value.conditions)
  ) {
    return undefined;
  }
  const fine = value.conditions.every((item) =>
    isRuleGroup(item)
      ? readRuleGroup(item) !== undefined
      : isRecord(item) &&
        [item.lhs, item.operator, item.rhs].every((part) => part === undefined || isScalar(part)),
  );
  return fine ? (value as RuleGroup) : undefined;
}

const isMapRow = (row: unknown) => isScalar(row) || (Array.isArray(row) && row.every(isScalar));

/** Field types whose value is never shown, even read-only. */
const SECRET_TYPE = /password|secret|token|api[_-]?key/i;

/** True for a field whose value must never be shown. @internal */
export function isSecretField(field: ConfigField): boolean {
  return SECRET_TYPE.test(field.field_type);
}

const TEXT_TYPES = new Set(['text', 'number', 'email', 'url', 'date', 'textarea']);

/**
 * The form value of a value of `field` (pass `field.value` for the stored one), or `undefined` when the
 * form cannot edit it:
 * an unknown field type, or a value of a shape the field's editor does not understand (an object in a text
 * field, a list of several values in a single select …). Such values are shown read-only and never sent.
 * @internal
 */
export function toFormValue(field: ConfigField, value: unknown): FormValue | undefined {
  const type = field.field_type;
  const empty = value === undefined || value === null;
  if (TEXT_TYPES.has(type)) {
    if (empty) return '';
    if (!isScalar(value)) return undefined;
    return type === 'date' ? String(value).slice(0, 10) : String(value);
  }
  switch (type) {
    case 'json':
      return empty ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    case 'select': {
      const nullChosen = value === null && field.options?.some((o) => o.value === null) === true;
      if (field.multiple) {
        if (value === undefined || (value === null && !nullChosen)) return [];
        const list = Array.isArray(value) ? value : [value];
        return list.every(isScalar) ? list.map(optionKey) : undefined;
      }
      if (nullChosen) return NULL_KEY;
      if (empty) return '';
      if (Array.isArray(value)) {
        // One value in a list reads as that value; several can't be shown by a single select.
        return value.length <= 1 && value.every(isScalar) ? optionKey(value[0]) : undefined;
      }
      return isScalar(value) ? optionKey(value) : undefined;
    }
    case 'map':
    case 'map_v2':
      if (empty) return {};
      return isRecord(value) && Object.values(value).every(isMapRow) ? value : undefined;
    case 'rule_engine':
      return empty ? { logic: 'AND', conditions: [] } : readRuleGroup(value);
    default:
      return undefined;
  }
}

/** Conditions without a left-hand column (added, never filled) are left out, at every depth. */
function pruneRules(group: RuleGroup): RuleGroup {
  return {
    ...group,
    conditions: group.conditions.flatMap((item): (RuleCondition | RuleGroup)[] =>
      isRuleGroup(item) ? [pruneRules(item)] : item.lhs === '' || item.lhs === undefined ? [] : [item],
    ),
  };
}

/** The value sent to Refold for a form value (options keep their type; numbers become numbers). @internal */
export function toWireValue(field: ConfigField, value: FormValue, options = field.options): unknown {
  switch (field.field_type) {
    case 'number': {
      const trimmed = typeof value === 'string' ? value.trim() : '';
      return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : value;
    }
    case 'select':
      if (Array.isArray(value)) return value.map((key) => optionValue(options, key));
      return value === '' ? '' : optionValue(options, String(value));
    case 'rule_engine':
      return pruneRules(value as RuleGroup);
    case 'json':
      return typeof field.value === 'object' && field.value !== null && typeof value === 'string'
        ? value.trim() === ''
          ? ''
          : JSON.parse(value)
        : value;
    default:
      return value;
  }
}

/** A readable problem with JSON source text, or `undefined` when it parses (empty text is fine). @internal */
export function jsonProblem(source: string): { line: number; column: number } | 'invalid' | undefined {
  if (source.trim() === '') return undefined;
  try {
    JSON.parse(source);
    return undefined;
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    if (position === undefined) return 'invalid';
    const before = source.slice(0, Number(position)).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
}

/** Deep equality of two values (key order ignored). @internal */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** The options a side of a `map_v2` `mapping` offers: a list of options, or an object with `options`. */
function mappingSide(mapping: unknown, side: 'lhs' | 'rhs'): FieldOption[] | undefined {
  const part = isRecord(mapping) ? mapping[side] : undefined;
  const list = Array.isArray(part) ? part : isRecord(part) ? part.options : undefined;
  return Array.isArray(list)
    ? list.filter((o): o is FieldOption => isRecord(o) && isScalar(o.value))
    : undefined;
}

/**
 * What a map field maps: its left-hand rows (from `mapping.lhs`, else `labels` given as a list, plus any
 * stored key no label names) and right-hand choices (from `mapping.rhs`, else `options`). A row takes
 * several values on a `map_v2` field, a field or label marked `multiple`, or a row stored as a list.
 * @internal
 */
export function mapRows(
  field: ConfigField,
  value: Record<string, unknown>,
  options: readonly FieldOption[] | undefined,
): { rows: { key: string; name: string; multiple: boolean }[]; targets: readonly FieldOption[] } {
  const labels = mappingSide(field.mapping, 'lhs') ?? (Array.isArray(field.labels) ? field.labels : []);
  const rows = labels
    .filter((label) => label.value !== null)
    .map((label) => ({
      key: String(label.value),
      name: label.name ?? String(label.value),
      multiple:
        field.field_type === 'map_v2' ||
        field.multiple === true ||
        (label as { multiple?: unknown }).multiple === true ||
        Array.isArray(value[String(label.value)]),
    }));
  for (const key of Object.keys(value)) {
    if (!rows.some((row) => row.key === key)) {
      rows.push({ key, name: key, multiple: field.field_type === 'map_v2' || Array.isArray(value[key]) });
    }
  }
  return { rows, targets: mappingSide(field.mapping, 'rhs') ?? options ?? [] };
}
