/**
 * The answer of the rule-engine route, normalised from either documented shape into the operators and the
 * right-hand choices of one left-hand column.
 *
 * @module
 */
import type { FieldOption } from './types.js';
import { ShapeError } from './validate.js';
import type { Checker } from './validate.js';

/**
 * What a rule-engine condition offers once its left-hand column is chosen: the operators, and what the
 * right-hand side takes. Normalised from either answer Refold documents for the rule-engine route.
 */
export interface RuleColumnOptions {
  /** Operators to choose from. Empty when Refold names none: the operator is then typed in. */
  operators: FieldOption[];
  /** The right-hand side: choose from `options` when there are any, else type a value. */
  rhs: {
    /** The input Refold describes: `text`, `select`, or another kind (kept as sent). @default 'text' */
    type: string;
    /** Values to choose from; empty for free input. */
    options: FieldOption[];
  };
}

type Dict = Record<string, unknown>;

const isDict = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The usable options of a list: items with a scalar (or null) `value`; other items are left out. */
function optionList(value: unknown, path: string): FieldOption[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ShapeError(path, 'an array of options', value);
  return value.filter(
    (item): item is FieldOption =>
      isDict(item) &&
      (item.value === null || ['string', 'number', 'boolean'].includes(typeof item.value)) &&
      (item.name === undefined || typeof item.name === 'string'),
  );
}

/**
 * Checks and normalises the rule-engine route's answer. Two shapes are documented:
 * `{ rule_column: { operator: { options }, rhs: { type, options? } } }`, and `{ options }` (the version of
 * the docs that asks with `{ rule_column: { name, field_type } }`), whose options are read as the right-hand
 * choices. Anything else is a {@link ShapeError} (a `RefoldResponseError` for the caller), never "no operators".
 */
export const ruleColumnOptions: Checker<RuleColumnOptions> = (value, path = '$') => {
  if (!isDict(value)) throw new ShapeError(path, 'an object', value);
  if (isDict(value.rule_column)) {
    const column = value.rule_column;
    const at = `${path}.rule_column`;
    if (!isDict(column.operator)) throw new ShapeError(`${at}.operator`, 'an object', column.operator);
    const rhs = column.rhs === undefined || column.rhs === null ? {} : column.rhs;
    if (!isDict(rhs)) throw new ShapeError(`${at}.rhs`, 'an object', rhs);
    const choices = optionList(rhs.options, `${at}.rhs.options`);
    return {
      operators: optionList(column.operator.options, `${at}.operator.options`),
      rhs: {
        type: typeof rhs.type === 'string' && rhs.type !== '' ? rhs.type : choices.length ? 'select' : 'text',
        options: choices,
      },
    };
  }
  if (Array.isArray(value.options)) {
    return { operators: [], rhs: { type: 'select', options: optionList(value.options, `${path}.options`) } };
  }
  throw new ShapeError(`${path}.rule_column`, 'an object (or an "options" array)', value.rule_column);
};
