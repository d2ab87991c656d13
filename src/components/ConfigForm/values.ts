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

/** True for a plain object (not `null`, not a list). @internal */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Scalar = string | number | boolean | null;
/** True for a JSON scalar: text, number, boolean or `null`. @internal */
export const isScalar = (value: unknown): value is Scalar =>
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

/** The stored value as a rule tree the editor understands, else `undefined`. @internal */
export function readRuleGroup(value: unknown): RuleGroup | undefined {
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

/** True for a stored map row: a scalar or a list of scalars. @internal */
export const isMapRow = (row: unknown) => isScalar(row) || (Array.isArray(row) && row.every(isScalar));

/** Field types whose value is never shown, even read-only. */
const SECRET_TYPE = /password|secret|token|api[_-]?key/i;

/** True for a field whose value must never be shown. @internal */
export function isSecretField(field: ConfigField): boolean {
  return SECRET_TYPE.test(field.field_type);
}

/** Conditions without a left-hand column (added, never filled) are left out, at every depth. @internal */
export function pruneRules(group: RuleGroup): RuleGroup {
  return {
    ...group,
    conditions: group.conditions.flatMap((item): (RuleCondition | RuleGroup)[] =>
      isRuleGroup(item) ? [pruneRules(item)] : item.lhs === '' || item.lhs === undefined ? [] : [item],
    ),
  };
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
