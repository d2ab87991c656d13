import type { ConfigField } from '../../core/types.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { MessageParams } from '../../i18n/format.js';
import {
  NULL_KEY,
  isMapRow,
  isRecord,
  isScalar,
  jsonProblem,
  optionKey,
  optionValue,
  pruneRules,
  readRuleGroup,
} from './values.js';
import type { FormValue, RuleGroup } from './values.js';

/** A problem of a form value found before saving, as a message of the catalog. @internal */
export interface FieldProblem {
  /** The message. */
  key: MessageKey;
  /** Its parameters. */
  params?: MessageParams;
}

/**
 * How the values of one `field_type` are edited: what {@link useConfigDraft} needs, without the controls (in
 * `field-types.tsx`), so that a form of one's own over the headless draft does not download them. Adding a
 * type is one entry of {@link FIELD_VALUES} and one of `FIELD_CONTROLS`; a type with no entry is shown
 * read-only and never sent. @internal
 */
export interface FieldValues {
  /**
   * The form value of a value of the field (`field.value` for the stored one; `undefined` gives the empty
   * form value), or `undefined` when the editor cannot edit it: the field is then shown read-only and
   * never sent.
   */
  toForm(field: ConfigField, value: unknown): FormValue | undefined;
  /** The value sent to Refold for a form value. @defaultValue the form value as it is */
  toWire?(field: ConfigField, value: FormValue): unknown;
  /** A problem that blocks saving (shown under the field, the field focused). @defaultValue none */
  problem?(value: FormValue): FieldProblem | undefined;
}

const isEmpty = (value: unknown) => value === undefined || value === null;

/** The form value of a text-like field: a scalar as text; an object or list cannot be edited as text. */
const textForm = (_field: ConfigField, value: unknown) =>
  isEmpty(value) ? '' : isScalar(value) ? String(value) : undefined;

const text: FieldValues = { toForm: textForm };

/** A mapping: one row per left-hand key (`map_v2`: several values per key). */
const map: FieldValues = {
  toForm: (_field, value) =>
    isEmpty(value) ? {} : isRecord(value) && Object.values(value).every(isMapRow) ? value : undefined,
};

/**
 * The config field types the form edits, by Refold's `field_type`: how a stored value becomes a form value
 * and back, and what blocks saving.
 * @internal
 */
export const FIELD_VALUES = {
  text,
  email: text,
  url: text,
  date: { toForm: (field, value) => textForm(field, value)?.slice(0, 10) },
  number: {
    toForm: textForm,
    toWire: (_field, value) => {
      const trimmed = typeof value === 'string' ? value.trim() : '';
      return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : value;
    },
  },
  textarea: text,
  json: {
    // Edited as its source text; a value stored as an object is sent back as one.
    toForm: (_field, value) =>
      isEmpty(value) ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2),
    toWire: (field, value) =>
      typeof field.value === 'object' && field.value !== null && typeof value === 'string'
        ? value.trim() === ''
          ? ''
          : JSON.parse(value)
        : value,
    problem: (value) => {
      const problem = typeof value === 'string' ? jsonProblem(value) : undefined;
      if (problem === undefined) return undefined;
      return problem === 'invalid'
        ? { key: 'configForm.jsonInvalid' }
        : { key: 'configForm.jsonInvalidAt', params: problem };
    },
  },
  select: {
    // Option keys (a list for a multi-select), so that a `null` option is a choice like any other.
    toForm: (field, value) => {
      const nullChosen = value === null && field.options?.some((o) => o.value === null) === true;
      if (field.multiple) {
        if (value === undefined || (value === null && !nullChosen)) return [];
        const list = Array.isArray(value) ? value : [value];
        return list.every(isScalar) ? list.map(optionKey) : undefined;
      }
      if (nullChosen) return NULL_KEY;
      if (isEmpty(value)) return '';
      if (Array.isArray(value)) {
        // One value in a list reads as that value; several can't be shown by a single select.
        return value.length <= 1 && value.every(isScalar) ? optionKey(value[0]) : undefined;
      }
      return isScalar(value) ? optionKey(value) : undefined;
    },
    // Options keep their type.
    toWire: ({ options }, value) => {
      if (Array.isArray(value)) return value.map((key) => optionValue(options, key));
      return value === '' ? '' : optionValue(options, String(value));
    },
  },
  map,
  map_v2: map,
  rule_engine: {
    toForm: (_field, value) => (isEmpty(value) ? { logic: 'AND', conditions: [] } : readRuleGroup(value)),
    toWire: (_field, value) => pruneRules(value as RuleGroup),
  },
} satisfies Record<string, FieldValues>;

/** A field type the form edits. @internal */
export type EditedFieldType = keyof typeof FIELD_VALUES;

/** Whether the form edits fields of this type (not a name of `Object.prototype`). @internal */
export function isEditedType(type: string): type is EditedFieldType {
  return Object.hasOwn(FIELD_VALUES, type);
}

function valuesOf(field: ConfigField): FieldValues | undefined {
  return isEditedType(field.field_type) ? FIELD_VALUES[field.field_type] : undefined;
}

/** The form value of a value of `field`, or `undefined` when the form cannot edit it. @internal */
export function toFormValue(field: ConfigField, value: unknown): FormValue | undefined {
  return valuesOf(field)?.toForm(field, value);
}

/** The value sent to Refold for a form value of `field`. @internal */
export function toWireValue(field: ConfigField, value: FormValue): unknown {
  const type = valuesOf(field);
  return type?.toWire ? type.toWire(field, value) : value;
}

/** What blocks saving a form value of `field`, if anything. @internal */
export function problemOf(field: ConfigField, value: FormValue | undefined): FieldProblem | undefined {
  return value === undefined ? undefined : valuesOf(field)?.problem?.(value);
}
