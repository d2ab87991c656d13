import type { ReactNode } from 'react';
import type { ConfigField, FieldOption } from '../../core/types.js';
import { useFieldOptions } from '../../react/useFieldOptions.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import { useMessages } from '../shared/useMessages.js';
import type { Translator } from '../shared/useMessages.js';
import { Options } from './Options.js';
import { RuleEngineInput } from './RuleEngineInput.js';
import { isEmptyValue, jsonProblem, toWireValue } from './values.js';
import type { FormValue, Rule } from './values.js';

/** Props of {@link ConfigFieldInput}. */
export interface ConfigFieldInputProps {
  /** The field as Refold describes it. */
  field: ConfigField;
  /** DOM id of the control (of the group, for grouped fields). */
  id: string;
  /** Current form value. */
  value: FormValue;
  /** Called with the new form value. */
  onChange: (value: FormValue) => void;
  /** Refold's message for this field, from the last save. */
  error?: string | undefined;
  /** App slug (options of dependent and rule-engine fields are loaded per app). */
  slug: string;
  /** Workflow of the field, for workflow fields. */
  workflowId?: string | undefined;
  /** The field this one depends on and its current value (dependent fields only). */
  parent?: { field: ConfigField; value: FormValue } | undefined;
  /** Extra class of the field's wrapper. */
  className?: string | undefined;
}

const GROUP_TYPES = new Set(['map', 'map_v2', 'rule_engine']);

/**
 * One config field of any type, labelled, with its help text, hint and error. Dependent fields load their
 * options once their parent has a value.
 * @internal
 */
export function ConfigFieldInput(props: ConfigFieldInputProps) {
  return props.parent ? (
    <DependentField {...props} parent={props.parent} />
  ) : (
    <FieldLayout {...props} options={props.field.options} />
  );
}

function DependentField(props: ConfigFieldInputProps & { parent: { field: ConfigField; value: FormValue } }) {
  const { t } = useMessages('ConfigForm');
  const { field, parent, slug, workflowId } = props;
  const ready = !isEmptyValue(parent.value);
  const query = useFieldOptions({
    slug,
    fieldId: field.id,
    workflowId,
    parent: { id: parent.field.id, value: toWireValue(parent.field, parent.value) },
  });
  const loading = ready && query.isPending;
  return (
    <FieldLayout
      {...props}
      options={ready ? query.data?.options : []}
      disabled={!ready || loading}
      busy={loading}
      hint={
        ready
          ? loading
            ? t('configForm.loadingOptions')
            : undefined
          : t('configForm.dependsOn', { parent: parent.field.name })
      }
      extra={
        query.isError && (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} component="ConfigForm" />
        )
      }
    />
  );
}

interface LayoutProps extends ConfigFieldInputProps {
  options: readonly FieldOption[] | undefined;
  disabled?: boolean;
  busy?: boolean;
  hint?: string | undefined;
  extra?: ReactNode;
}

function FieldLayout(props: LayoutProps) {
  const { t } = useMessages('ConfigForm');
  const { field, id, value, error, hint, extra, className } = props;
  const problem = field.field_type === 'json' && typeof value === 'string' ? jsonProblem(value) : undefined;
  const message =
    error ??
    (problem === undefined
      ? undefined
      : problem === 'invalid'
        ? t('configForm.jsonInvalid')
        : t('configForm.jsonInvalidAt', problem));
  const describedBy =
    cx(hint && `${id}-hint`, field.help_text && `${id}-help`, message && `${id}-error`) || undefined;
  const group = GROUP_TYPES.has(field.field_type) || (field.field_type === 'select' && field.multiple);
  const mark = field.required && (
    <span className="refold-config-form__required" aria-hidden="true">
      *
    </span>
  );
  const control = renderControl(props, describedBy, message !== undefined, t);
  const notes = (
    <>
      {hint && (
        <p id={`${id}-hint`} className="refold-help">
          {hint}
        </p>
      )}
      {field.help_text && (
        <p id={`${id}-help`} className="refold-help">
          {field.help_text}
        </p>
      )}
      {extra}
      {message && (
        <p id={`${id}-error`} className="refold-field-error">
          {message}
        </p>
      )}
    </>
  );
  const classes = cx('refold-field', 'refold-config-form__field', className);
  const invalid = message ? '' : undefined;
  if (group) {
    return (
      <fieldset
        id={id}
        className={classes}
        data-type={field.field_type}
        data-invalid={invalid}
        aria-describedby={describedBy}
      >
        <legend className="refold-label">
          {field.name}
          {mark}
          {field.required && <span className="refold-visually-hidden">{t('configForm.required')}</span>}
        </legend>
        {control}
        {notes}
      </fieldset>
    );
  }
  return (
    <div className={classes} data-type={field.field_type} data-invalid={invalid}>
      <label className="refold-label" htmlFor={id}>
        {field.name}
        {mark}
      </label>
      {control}
      {notes}
    </div>
  );
}

const INPUT_TYPES: Record<string, string> = { email: 'email', url: 'url', date: 'date' };

function renderControl(
  props: LayoutProps,
  describedBy: string | undefined,
  invalid: boolean,
  t: Translator['t'],
) {
  const choose = t('configForm.choose');
  const { field, id, value, onChange, options, disabled, busy, slug } = props;
  const common = {
    className: 'refold-input',
    'aria-invalid': invalid || undefined,
    disabled,
  };
  const single = {
    ...common,
    id,
    'aria-describedby': describedBy,
    required: field.required,
  };
  const text = typeof value === 'string' ? value : '';
  switch (field.field_type) {
    case 'textarea':
    case 'json':
      return (
        <textarea
          {...single}
          className={cx('refold-input', field.field_type === 'json' && 'refold-config-form__code')}
          placeholder={field.placeholder}
          rows={field.field_type === 'json' ? 5 : 3}
          spellCheck={field.field_type !== 'json'}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'select': {
      if (field.multiple) {
        const list = Array.isArray(value) ? (value as string[]) : [];
        return (options ?? []).map((o, i) => {
          const v = String(o.value);
          return (
            <label key={v} className="refold-config-form__check">
              <input
                type="checkbox"
                id={`${id}-${i}`}
                aria-invalid={common['aria-invalid']}
                disabled={disabled}
                checked={list.includes(v)}
                onChange={(e) => onChange(e.target.checked ? [...list, v] : list.filter((x) => x !== v))}
              />
              {o.name ?? v}
            </label>
          );
        });
      }
      return (
        <select
          {...single}
          aria-busy={busy || undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        >
          <Options options={options} value={text} placeholder={field.placeholder ?? choose} />
        </select>
      );
    }
    case 'map':
    case 'map_v2': {
      const map = value && !Array.isArray(value) && typeof value === 'object' ? value : {};
      return (Array.isArray(field.labels) ? field.labels : []).map((label, i) => {
        const key = String(label.value);
        const chosen = map[key] ?? '';
        return (
          <div key={key} className="refold-config-form__row">
            <label htmlFor={`${id}-${i}`}>{label.name ?? key}</label>
            <select
              {...common}
              id={`${id}-${i}`}
              value={chosen}
              onChange={(e) =>
                onChange(
                  Object.fromEntries(
                    Object.entries({ ...map, [key]: e.target.value }).filter(([, target]) => target !== ''),
                  ),
                )
              }
            >
              <Options options={options} value={chosen} placeholder={t('configForm.notMapped')} />
            </select>
          </div>
        );
      });
    }
    case 'rule_engine':
      return (
        <RuleEngineInput
          field={field}
          id={id}
          slug={slug}
          rules={Array.isArray(value) ? (value as Rule[]) : []}
          invalid={invalid}
          onChange={onChange}
        />
      );
    case 'number':
      return (
        <input
          {...single}
          placeholder={field.placeholder}
          type="text"
          inputMode="decimal"
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    default:
      return (
        <input
          {...single}
          placeholder={field.placeholder}
          type={INPUT_TYPES[field.field_type] ?? 'text'}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}
