import type { ReactNode } from 'react';
import type { ConfigField, FieldOption } from '../../core/types.js';
import { CheckboxList } from '../shared/CheckboxList.js';
import { cx } from '../shared/cx.js';
import { useMessages } from '../shared/useMessages.js';
import { FIELD_VALUES, isEditedType } from './field-values.js';
import type { EditedFieldType, FieldValues } from './field-values.js';
import { MapRows } from './MapRows.js';
import { Options, optionText } from './Options.js';
import { RuleEngineInput } from './RuleEngineInput.js';
import { optionKey } from './values.js';
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

/** An `<input>` of the given type; `number` is a text input with a decimal keypad (any text can be typed). */
function inputOf(type: 'text' | 'email' | 'url' | 'date' | 'number') {
  return function InputControl(props: FieldControlProps) {
    return (
      <input
        {...single(props)}
        placeholder={props.field.placeholder}
        type={type === 'number' ? 'text' : type}
        inputMode={type === 'number' ? 'decimal' : undefined}
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

/** How a field type is shown: its control, and whether that control is a group of inputs. @internal */
export interface FieldControl {
  /** Rendered as a `<fieldset>` with a `<legend>` (a control of several inputs). @defaultValue false */
  grouped?(field: ConfigField): boolean;
  /** The control, inside the shared field layout (label, help text, hint, error). */
  Control(props: FieldControlProps): ReactNode;
}

/** Everything the form knows about one `field_type`: its values and its control. @internal */
export type FieldType = FieldValues & FieldControl;

const group = () => true;

/** A mapping: one row per left-hand key (`map_v2`: several values per key). */
const map: FieldControl = {
  grouped: group,
  Control: (props) => <MapRows {...props} value={props.value as Record<string, unknown>} />,
};

/**
 * The control of each field type the form edits (the compiler checks there is one per entry of
 * `FIELD_VALUES`), rendered inside `ConfigFieldInput`'s shared layout.
 * @internal
 */
export const FIELD_CONTROLS: Readonly<Record<EditedFieldType, FieldControl>> = {
  text: { Control: inputOf('text') },
  email: { Control: inputOf('email') },
  url: { Control: inputOf('url') },
  date: { Control: inputOf('date') },
  number: { Control: inputOf('number') },
  textarea: { Control: textareaOf(false) },
  json: { Control: textareaOf(true) },
  select: { grouped: (field) => field.multiple === true, Control: SelectControl },
  map,
  map_v2: map,
  rule_engine: {
    grouped: group,
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
  const type = field.field_type;
  return isEditedType(type) ? { ...FIELD_VALUES[type], ...FIELD_CONTROLS[type] } : undefined;
}
