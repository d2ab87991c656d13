import type { ConfigField, FieldOption } from '../../core/types.js';

/** One rule of a rule-engine field, as the form edits it. @internal */
export interface Rule {
  /** Left-hand column. */
  lhs: string;
  /** Operator. */
  operator: string;
  /** Right-hand value. */
  rhs: string;
}

/**
 * A field value as the form holds it: text for inputs (JSON as its source text), a list for multi-selects,
 * label → option for maps, rows for a rule engine. @internal
 */
export type FormValue = string | string[] | Record<string, string> | Rule[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value);

function readRules(value: unknown): Rule[] {
  const list = Array.isArray(value) ? value : isRecord(value) ? value['rules'] : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).map((rule) => ({
    lhs: text(rule['lhs']),
    operator: text(rule['operator']),
    rhs: text(rule['rhs']),
  }));
}

/** The form value of a field's stored value. @internal */
export function toFormValue(field: ConfigField): FormValue {
  const { value } = field;
  switch (field.field_type) {
    case 'select':
      if (field.multiple) return (Array.isArray(value) ? value : value == null ? [] : [value]).map(text);
      return Array.isArray(value) ? text(value[0]) : text(value);
    case 'map':
    case 'map_v2': {
      const out: Record<string, string> = {};
      if (isRecord(value)) {
        for (const [label, target] of Object.entries(value)) {
          const one = Array.isArray(target) ? target[0] : target;
          if (one !== undefined && one !== null && one !== '') out[label] = text(one);
        }
      }
      return out;
    }
    case 'rule_engine':
      return readRules(value);
    case 'json':
      return typeof value === 'string' || value === undefined ? text(value) : JSON.stringify(value, null, 2);
    case 'date':
      return text(value).slice(0, 10);
    default:
      return text(value);
  }
}

function optionValue(options: readonly FieldOption[] | undefined, chosen: string): unknown {
  return options?.find((option) => String(option.value) === chosen)?.value ?? chosen;
}

/** The value sent to Refold for a form value (options keep their type; numbers become numbers). @internal */
export function toWireValue(field: ConfigField, value: FormValue, options = field.options): unknown {
  switch (field.field_type) {
    case 'number': {
      const trimmed = typeof value === 'string' ? value.trim() : '';
      return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : value;
    }
    case 'select':
      if (Array.isArray(value)) return value.map((item) => optionValue(options, String(item)));
      return value === '' ? '' : optionValue(options, String(value));
    case 'rule_engine':
      return { rules: (value as Rule[]).filter((rule) => rule.lhs !== '') };
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

/** Deep equality of two form values. @internal */
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

/** True when a form value holds nothing. @internal */
export function isEmptyValue(value: FormValue | undefined): boolean {
  if (value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}
