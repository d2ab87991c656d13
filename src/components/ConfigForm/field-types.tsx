import type { ReactNode } from 'react';
import type { ConfigField, FieldOption } from '../../core/types.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { MessageParams } from '../../i18n/format.js';
import { CheckboxList } from '../shared/CheckboxList.js';
import { cx } from '../shared/cx.js';
import { useMessages } from '../shared/useMessages.js';
import { MapRows } from './MapRows.js';
import { Options, optionText } from './Options.js';
import { RuleEngineInput } from './RuleEngineInput.js';
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

/** What the control of a field type is given. @internal */
export interface FieldControlProps {
  /** The field as Refold describes it. */
  field: ConfigField;
  /** DOM id of the control (of the fieldset, for a grouped type). */
  id: string;
  /** The form value (the shape the type's `toForm` makes). */
  value: FormValue;
  /** Called with the new form value. */
  onChange: (value: FormValue) => void;
  /** The choices: the field's own, or those loaded for a dependent field. */
  options: readonly FieldOption[] | undefined;
  /** No input possible (a dependent field waiting for its parent). */
  disabled: boolean | undefined;
  /** Choices are loading. */
  busy: boolean | undefined;
  /** The field has a problem to show. */
  invalid: boolean;
  /** Ids of the field's notes, for `aria-describedby` (`undefined` for a grouped type). */
  describedBy: string | undefined;
  /** App slug (rule-engine options load per app). */
  slug: string;
  /** The config the field belongs to. */
  configId: string | undefined;
  /** The workflow of a workflow field. */
  workflowId: string | undefined;
}

/** A problem of a form value found before saving, as a message of the catalog. @internal */
export interface FieldProblem {
  /** The message. */
  key: MessageKey;
  /** Its parameters. */
  params?: MessageParams;
}

/**
 * Everything the form knows about one `field_type`. Adding a type is one entry of {@link FIELD_TYPES};
 * a type with no entry is shown read-only and never sent. @internal
 */
export interface FieldType {
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
  /** Rendered as a `<fieldset>` with a `<legend>` (a control of several inputs). @defaultValue false */
  grouped?(field: ConfigField): boolean;
  /** The control, inside the shared field layout (label, help text, hint, error). */
  Control(props: FieldControlProps): ReactNode;
}

const isEmpty = (value: unknown) => value === undefined || value === null;

/** The form value of a text-like field: a scalar as text; an object or list cannot be edited as text. */
const textForm = (_field: ConfigField, value: unknown) =>
  isEmpty(value) ? '' : isScalar(value) ? String(value) : undefined;

const textOf = (value: FormValue) => (typeof value === 'string' ? value : '');

/** Attributes of a single control (not a group). */
function single({ field, id, invalid, disabled, describedBy }: FieldControlProps) {
  return {
    id,
    className: 'refold-input',
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    disabled,
    required: field.required,
  };
}

/** An `<input>` of the given type. */
function inputOf(type: 'text' | 'email' | 'url' | 'date') {
  return function InputControl(props: FieldControlProps) {
    return (
      <input
        {...single(props)}
        placeholder={props.field.placeholder}
        type={type}
        value={textOf(props.value)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    );
  };
}

/** A `<textarea>`; JSON in a code font, without spell checking. */
function textareaOf(code: boolean) {
  return function TextareaControl(props: FieldControlProps) {
    return (
      <textarea
        {...single(props)}
        className={cx('refold-input', code && 'refold-config-form__code')}
        placeholder={props.field.placeholder}
        rows={code ? 5 : 3}
        spellCheck={!code}
        value={textOf(props.value)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    );
  };
}

/** A select: one `<select>`, or a checkbox per option for a multi-select. */
function SelectControl(props: FieldControlProps) {
  const { t } = useMessages('ConfigForm');
  const { field, id, value, onChange, options, disabled, busy, invalid } = props;
  if (field.multiple) {
    return (
      <CheckboxList
        id={id}
        choices={(options ?? []).map((o) => ({ key: optionKey(o.value), label: optionText(o, t) }))}
        selected={Array.isArray(value) ? (value as string[]) : []}
        onChange={onChange}
        invalid={invalid}
        disabled={disabled}
        className="refold-config-form__check"
      />
    );
  }
  const text = textOf(value);
  return (
    <select
      {...single(props)}
      aria-busy={busy || undefined}
      value={text}
      onChange={(e) => onChange(e.target.value)}
    >
      <Options options={options} value={text} placeholder={field.placeholder ?? t('configForm.choose')} />
    </select>
  );
}

const text: FieldType = { toForm: textForm, Control: inputOf('text') };

/** A mapping: one row per left-hand key (`map_v2`: several values per key). */
const map: FieldType = {
  toForm: (_field, value) =>
    isEmpty(value) ? {} : isRecord(value) && Object.values(value).every(isMapRow) ? value : undefined,
  grouped: () => true,
  Control: (props) => <MapRows {...props} value={props.value as Record<string, unknown>} />,
};

/**
 * The config field types the form edits, by Refold's `field_type`. Each entry says how a stored value
 * becomes a form value and back, whether its control is a group, what blocks saving, and which control
 * renders it (inside `ConfigFieldInput`'s shared layout).
 * @internal
 */
export const FIELD_TYPES: Readonly<Record<string, FieldType>> = {
  text,
  email: { toForm: textForm, Control: inputOf('email') },
  url: { toForm: textForm, Control: inputOf('url') },
  date: {
    toForm: (field, value) => textForm(field, value)?.slice(0, 10),
    Control: inputOf('date'),
  },
  number: {
    toForm: textForm,
    toWire: (_field, value) => {
      const trimmed = typeof value === 'string' ? value.trim() : '';
      return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : value;
    },
    Control: (props) => (
      <input
        {...single(props)}
        placeholder={props.field.placeholder}
        type="text"
        inputMode="decimal"
        value={textOf(props.value)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    ),
  },
  textarea: { toForm: textForm, Control: textareaOf(false) },
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
    Control: textareaOf(true),
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
    grouped: (field) => field.multiple === true,
    Control: SelectControl,
  },
  map,
  map_v2: map,
  rule_engine: {
    toForm: (_field, value) => (isEmpty(value) ? { logic: 'AND', conditions: [] } : readRuleGroup(value)),
    toWire: (_field, value) => pruneRules(value as RuleGroup),
    grouped: () => true,
    Control: ({ field, id, value, onChange, invalid, slug, configId, workflowId }) => (
      <RuleEngineInput
        {...{ field, id, onChange, invalid, slug, configId, workflowId }}
        value={value as RuleGroup}
      />
    ),
  },
};

/** The entry of a field's type, or `undefined` for a type the form does not edit (shown read-only). @internal */
export function fieldTypeOf(field: ConfigField): FieldType | undefined {
  return Object.hasOwn(FIELD_TYPES, field.field_type) ? FIELD_TYPES[field.field_type] : undefined;
}

/** The form value of a value of `field`, or `undefined` when the form cannot edit it. @internal */
export function toFormValue(field: ConfigField, value: unknown): FormValue | undefined {
  return fieldTypeOf(field)?.toForm(field, value);
}

/** The value sent to Refold for a form value of `field`. @internal */
export function toWireValue(field: ConfigField, value: FormValue): unknown {
  const type = fieldTypeOf(field);
  return type?.toWire ? type.toWire(field, value) : value;
}

/** What blocks saving a form value of `field`, if anything. @internal */
export function problemOf(field: ConfigField, value: FormValue | undefined): FieldProblem | undefined {
  return value === undefined ? undefined : fieldTypeOf(field)?.problem?.(value);
}
