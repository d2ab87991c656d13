import type { ReactNode } from 'react';
import type { ConfigField, FieldOption } from '../../core/types.js';
import { hasValue } from '../../react/queries.js';
import { useFieldOptions } from '../../react/useFieldOptions.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import { FieldLayout } from '../shared/FieldLayout.js';
import { useMessages } from '../shared/useMessages.js';
import { fieldTypeOf } from './field-types.js';
import type { FieldType } from './field-types.js';
import { isSecretField } from './values.js';
import type { ConfigDraftParent } from './useConfigDraft.js';
import type { FormValue } from './values.js';

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
  parent?: ConfigDraftParent | undefined;
  /** Extra class of the field's wrapper. */
  className?: string | undefined;
}

/**
 * One config field of any type: its type's control (from `FIELD_CONTROLS` in `field-types.tsx`) in the shared
 * field layout, with label, help text, hint and error. Dependent fields load their options for their
 * parent's stored value; a type the form does not know, or a value its editor cannot edit, is shown
 * read-only.
 * @internal
 */
export function ConfigFieldInput(props: ConfigFieldInputProps) {
  const { value } = props;
  const type = fieldTypeOf(props.field);
  if (value === undefined || type === undefined) return <ReadOnlyField {...props} />;
  return props.parent ? (
    <DependentField {...props} type={type} value={value} parent={props.parent} />
  ) : (
    <ConfigFieldLayout {...props} type={type} value={value} options={props.field.options} />
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

function DependentField(
  props: ConfigFieldInputProps & { type: FieldType; value: FormValue; parent: ConfigDraftParent },
) {
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
    <ConfigFieldLayout
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
  type: FieldType;
  value: FormValue;
  options: readonly FieldOption[] | undefined;
  disabled?: boolean;
  busy?: boolean;
  hint?: string | undefined;
  extra?: ReactNode;
}

/** An editable field: its type's control in the shared layout, with Refold's error or the type's problem. */
function ConfigFieldLayout(props: LayoutProps) {
  const { t } = useMessages('ConfigForm');
  const { type, field, id, value, error, hint, extra, className } = props;
  const problem = type.problem?.(value);
  const message = error ?? (problem && t(problem.key, problem.params));
  return (
    <FieldLayout
      id={id}
      label={field.name}
      required={field.required}
      requiredText={t('configForm.required')}
      group={type.grouped?.(field) ?? false}
      type={field.field_type}
      hint={hint}
      help={field.help_text}
      error={message}
      extra={extra}
      className={cx('refold-config-form__field', className)}
    >
      {(describedBy) => (
        <type.Control
          field={field}
          id={id}
          value={value}
          onChange={props.onChange}
          options={props.options}
          disabled={props.disabled}
          busy={props.busy}
          invalid={message !== undefined}
          describedBy={describedBy}
          slug={props.slug}
          configId={props.configId}
          workflowId={props.workflowId}
        />
      )}
    </FieldLayout>
  );
}
