import type { ReactNode } from 'react';
import type { RefoldError } from '../../core/errors.js';
import type { ConfigField, FieldOption } from '../../core/types.js';
import { hasValue } from '../../react/queries.js';
import { useFieldOptions } from '../../react/useFieldOptions.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import { useMessages } from '../shared/useMessages.js';
import type { Translator } from '../shared/useMessages.js';
import { Options, optionText } from './Options.js';
import { RuleEngineInput } from './RuleEngineInput.js';
import { isSecretField, jsonProblem, mapRows, optionKey, optionValue } from './values.js';
import type { FormValue, RuleGroup } from './values.js';

/** The parent of a dependent field, as the form knows it. */
export interface ParentState {
  /** The parent field (its `value` is the stored one). */
  field: ConfigField;
  /** The parent's value is being stored. */
  storing: boolean;
  /** Storing the parent's value failed. */
  error: RefoldError | undefined;
  /** Stores it again. */
  retry: () => void;
}

/** Props of {@link ConfigFieldInput}. */
export interface ConfigFieldInputProps {
  /** The field as Refold describes it. */
  field: ConfigField;
  /** DOM id of the control (of the group, for grouped fields). */
  id: string;
  /** Current form value; `undefined` for a value the form cannot edit (shown read-only). */
  value: FormValue | undefined;
  /** Called with the new form value. */
  onChange: (value: FormValue) => void;
  /** Refold's message for this field, from the last save. */
  error?: string | undefined;
  /** App slug (options of dependent and rule-engine fields are loaded per app). */
  slug: string;
  /** The config the field belongs to, as given to the form. */
  configId?: string | undefined;
  /** Workflow of the field, for workflow fields. */
  workflowId?: string | undefined;
  /** The field this one depends on (dependent fields only). */
  parent?: ParentState | undefined;
  /** Extra class of the field's wrapper. */
  className?: string | undefined;
}

const GROUP_TYPES = new Set(['map', 'map_v2', 'rule_engine']);

/**
 * One config field of any type, labelled, with its help text, hint and error. Dependent fields load their
 * options for their parent's stored value; values the form cannot edit are shown read-only.
 * @internal
 */
export function ConfigFieldInput(props: ConfigFieldInputProps) {
  const { value } = props;
  if (value === undefined) return <ReadOnlyField {...props} />;
  return props.parent ? (
    <DependentField {...props} value={value} parent={props.parent} />
  ) : (
    <FieldLayout {...props} value={value} options={props.field.options} />
  );
}

function ReadOnlyField({ field, id, className }: ConfigFieldInputProps) {
  const { t } = useMessages('ConfigForm');
  const { value } = field;
  const shown = isSecretField(field)
    ? t('configForm.secretHidden')
    : value === undefined || value === null
      ? t('configForm.noValue')
      : typeof value === 'string'
        ? value
        : JSON.stringify(value, null, 2);
  return (
    <div
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={cx(`${id}-note`, field.help_text && `${id}-help`)}
      className={cx('refold-field', 'refold-config-form__field', className)}
      data-type={field.field_type}
      data-readonly=""
    >
      <span id={`${id}-label`} className="refold-label">
        {field.name}
      </span>
      <pre id={id} className="refold-config-form__readonly">
        {shown}
      </pre>
      <p id={`${id}-note`} className="refold-help">
        {t('configForm.readOnly')}
      </p>
      {field.help_text && (
        <p id={`${id}-help`} className="refold-help">
          {field.help_text}
        </p>
      )}
    </div>
  );
}

function DependentField(props: ConfigFieldInputProps & { value: FormValue; parent: ParentState }) {
  const { t } = useMessages('ConfigForm');
  const { field, parent, slug, configId, workflowId } = props;
  const stored = parent.field.value;
  const ready = !parent.storing && parent.error === undefined && hasValue(stored);
  const query = useFieldOptions({
    slug,
    configId,
    fieldId: field.id,
    workflowId,
    parent: { id: parent.field.id, value: stored },
    enabled: ready,
  });
  const loading = parent.storing || (ready && query.isPending);
  const retry = parent.error ? parent.retry : () => void query.refetch();
  const failure = parent.error ?? (ready && query.isError ? query.error : undefined);
  return (
    <FieldLayout
      {...props}
      options={ready ? query.data?.options : []}
      disabled={!ready || loading}
      busy={loading}
      hint={
        loading
          ? t('configForm.loadingOptions')
          : ready || failure
            ? undefined
            : t('configForm.dependsOn', { parent: parent.field.name })
      }
      extra={failure && <ErrorState error={failure} onRetry={retry} component="ConfigForm" />}
    />
  );
}

interface LayoutProps extends ConfigFieldInputProps {
  value: FormValue;
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
  const { field, id, value, onChange, options, disabled, busy } = props;
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
          const key = optionKey(o.value);
          return (
            <label key={key} className="refold-config-form__check">
              <input
                type="checkbox"
                id={`${id}-${i}`}
                aria-invalid={common['aria-invalid']}
                disabled={disabled}
                checked={list.includes(key)}
                onChange={(e) => onChange(e.target.checked ? [...list, key] : list.filter((x) => x !== key))}
              />
              {optionText(o, t)}
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
    case 'map_v2':
      return (
        <MapRows
          field={field}
          id={id}
          value={value as Record<string, unknown>}
          options={options}
          invalid={invalid}
          disabled={disabled}
          onChange={onChange}
        />
      );
    case 'rule_engine':
      return (
        <RuleEngineInput
          field={field}
          id={id}
          slug={props.slug}
          configId={props.configId}
          workflowId={props.workflowId}
          value={value as RuleGroup}
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

interface MapRowsProps {
  field: ConfigField;
  id: string;
  value: Record<string, unknown>;
  options: readonly FieldOption[] | undefined;
  invalid: boolean;
  disabled: boolean | undefined;
  onChange: (value: FormValue) => void;
}

/**
 * One row per left-hand key: a select of the right-hand choices, or a multi-select where a key takes
 * several values. Only the row changed is replaced; every other stored row stays exactly as it was.
 */
function MapRows({ field, id, value, options, invalid, disabled, onChange }: MapRowsProps) {
  const { t } = useMessages('ConfigForm');
  const { rows, targets } = mapRows(field, value, options);
  const setRow = (key: string, row: unknown) => {
    const { [key]: _old, ...rest } = value;
    onChange(row === undefined ? rest : { ...rest, [key]: row });
  };
  return rows.map((row, i) => {
    const stored = value[row.key];
    const common = {
      id: `${id}-${i}`,
      className: 'refold-input',
      'aria-invalid': invalid || undefined,
      disabled,
    };
    if (row.multiple) {
      const keys = (Array.isArray(stored) ? stored : hasValue(stored) ? [stored] : []).map(optionKey);
      return (
        <div key={row.key} className="refold-config-form__row">
          <label htmlFor={common.id}>{row.name}</label>
          <select
            {...common}
            multiple
            value={keys}
            onChange={(e) => {
              const chosen = [...e.target.selectedOptions].map((o) => optionValue(targets, o.value));
              setRow(row.key, chosen.length > 0 ? chosen : undefined);
            }}
          >
            <Options options={targets} value={keys} />
          </select>
        </div>
      );
    }
    const key = optionKey(stored);
    return (
      <div key={row.key} className="refold-config-form__row">
        <label htmlFor={common.id}>{row.name}</label>
        <select
          {...common}
          value={key}
          onChange={(e) =>
            setRow(row.key, e.target.value === '' ? undefined : optionValue(targets, e.target.value))
          }
        >
          <Options options={targets} value={key} placeholder={t('configForm.notMapped')} />
        </select>
      </div>
    );
  });
}
