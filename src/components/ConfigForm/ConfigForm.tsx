import { forwardRef, useEffect, useId, useRef } from 'react';
import type { FormEvent, FormHTMLAttributes, ForwardedRef } from 'react';
import type { Config } from '../../core/types.js';
import { useToggleWorkflow } from '../../react/useToggleWorkflow.js';
import { composeEventHandlers } from '../shared/compose.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import { focusField } from '../shared/focus.js';
import type { WithRootProps } from '../shared/props.js';
import { useMessages } from '../shared/useMessages.js';
import { ConfigFieldInput } from './ConfigFieldInput.js';
import { useConfigDraft } from './useConfigDraft.js';
import type { ConfigDraftField } from './useConfigDraft.js';
import { WorkflowToggle } from './WorkflowToggle.js';

interface ConfigFormOwnProps {
  /** App slug. */
  slug: string;
  /** Config id; the customer's default config when left out. */
  configId?: string;
  /**
   * Called when the form gets (`true`) or loses (`false`) unsaved changes, e.g. to confirm before a dialog
   * closes. Not called on mount while there is nothing to save.
   */
  onDirtyChange?: (dirty: boolean) => void;
  /** Called after a save that Refold accepted without field errors. */
  onSaved?: (config: Config) => void;
  /** Extra class of the root. */
  className?: string;
}

/**
 * Props of {@link ConfigForm}: its own, plus any attribute of the root `<form>` (`id`, `aria-*`, `data-*`,
 * handlers). A given `onSubmit` runs first; calling `event.preventDefault()` in it skips the save.
 */
export type ConfigFormProps = WithRootProps<ConfigFormOwnProps, FormHTMLAttributes<HTMLFormElement>>;

/**
 * A form for one app's configuration: every config field type (text, number, email, URL, date, textarea,
 * JSON, select, multi-select, dependent selects, field mappings with one or several values per key, rule
 * engines with nested AND/OR groups), workflow switches with their own fields, save with per-field errors
 * from Refold, reset, and an unsaved-changes guard.
 *
 * It never loses or invents data:
 * - Save sends only what the user changed: `fields` holds the changed app-level fields, `workflows` only
 *   the workflows with changed fields (each with its stored `enabled` and its changed fields), and the
 *   request names the loaded config (`config_id`). A save without edits sends neither `fields` nor
 *   `workflows` (Refold stores nothing) and shows "Saved".
 * - Values it cannot edit (an unknown field type, a value of a shape its editor does not understand) are
 *   shown read-only, as text, and never sent. Values of secret-looking field types are not shown.
 * - A dependent field's options come from the stored config, so a changed parent (a select) is stored once,
 *   on the user's change, to the config and workflow being edited; the dependent field's options then load
 *   for that stored value. Reset undoes such a write with one more write of the value loaded before.
 *
 * State in `data-state`: `loading`, `ready`, `saving`, `saved`, `error`; `data-dirty` while there are
 * unsaved changes. The root is always a `<form>` (the `ref` points at it). Its state lives in the exported
 * headless hook `useConfigDraft`; each field type's values in `field-values.ts`, its editor in `field-types.tsx`.
 *
 * @example
 * <ConfigForm slug="hubspot" onDirtyChange={setDirty} />
 */
export const ConfigForm = forwardRef<HTMLFormElement, ConfigFormProps>(function ConfigForm(props, ref) {
  // A new app or config starts with a fresh draft.
  return <ConfigFormContent key={`${props.slug}\u0000${props.configId ?? ''}`} {...props} formRef={ref} />;
});

function ConfigFormContent({
  slug,
  configId,
  onDirtyChange,
  onSaved,
  className,
  formRef,
  ...rest
}: ConfigFormProps & { formRef: ForwardedRef<HTMLFormElement> }) {
  const { t } = useMessages('ConfigForm');
  const baseId = useId();
  const draft = useConfigDraft({ slug, configId });
  const toggle = useToggleWorkflow(slug, configId);
  const { query, save, fields, dirty, state } = draft;
  const config = query.data;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const latestOnDirtyChange = useRef(onDirtyChange);
  const reported = useRef(false);
  useEffect(() => {
    latestOnDirtyChange.current = onDirtyChange;
  });
  useEffect(() => {
    if (reported.current === dirty) return;
    reported.current = dirty;
    latestOnDirtyChange.current?.(dirty);
  }, [dirty]);

  const controlId = (f: ConfigDraftField) => `${baseId}-${f.key}`;
  const submit = () => draft.submit({ onInvalid: (f) => focusField(controlId(f)), onSaved });
  const onSubmit = composeEventHandlers(rest.onSubmit, (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  });
  const root = {
    ...rest,
    ref: formRef,
    className: cx('refold-config-form', 'refold-root', className),
    'data-state': state,
    noValidate: true,
    onSubmit,
  };

  if (!config) {
    if (state === 'error') {
      return (
        <form {...root}>
          <ErrorState error={query.error} onRetry={() => void query.refetch()} component="ConfigForm" />
        </form>
      );
    }
    return (
      <form {...root} aria-busy="true">
        <p role="status">
          <span className="refold-spinner" aria-hidden="true" /> {t('configForm.loading')}
        </p>
      </form>
    );
  }

  const workflows = config.workflows ?? [];
  const appFields = fields.filter((f) => !f.workflow);
  if (appFields.length === 0 && workflows.length === 0) {
    return (
      <form {...root} data-empty="">
        <p className="refold-help">{t('configForm.empty')}</p>
      </form>
    );
  }

  const status =
    state === 'saving'
      ? t('configForm.saving')
      : state === 'saved'
        ? t('configForm.saved')
        : draft.invalidCount > 0
          ? t('configForm.fieldErrors', { count: draft.invalidCount })
          : '';

  const renderField = (f: ConfigDraftField) => (
    <ConfigFieldInput
      key={f.key}
      id={controlId(f)}
      field={f.field}
      value={f.value}
      onChange={f.setValue}
      error={f.error}
      slug={slug}
      configId={configId}
      workflowId={f.workflow?.id}
      parent={f.parent}
    />
  );

  return (
    <form
      {...root}
      data-dirty={dirty ? '' : undefined}
      aria-busy={save.isPending || rest['aria-busy'] || undefined}
    >
      {appFields.map(renderField)}
      {workflows.length > 0 && (
        <fieldset className="refold-config-form__workflows">
          <legend className="refold-label">{t('configForm.workflows')}</legend>
          {workflows.map((w) => (
            <WorkflowToggle
              key={w.id}
              workflow={w}
              onToggle={(enabled) => toggle.mutate({ workflowId: w.id, enabled })}
              error={toggle.isError && toggle.variables?.workflowId === w.id ? toggle.error : undefined}
            >
              {fields.filter((f) => f.workflow?.id === w.id).map(renderField)}
            </WorkflowToggle>
          ))}
        </fieldset>
      )}
      <div className="refold-config-form__actions">
        <button type="submit" className="refold-button">
          {t('common.save')}
        </button>
        <button
          type="button"
          className="refold-button"
          data-variant="secondary"
          aria-disabled={!draft.canReset || undefined}
          onClick={() => draft.canReset && draft.reset()}
        >
          {t('configForm.reset')}
        </button>
        {dirty && <span className="refold-config-form__dirty">{t('configForm.unsaved')}</span>}
        <p role="status" className="refold-config-form__status">
          {status}
        </p>
      </div>
      {save.isError && <ErrorState error={save.error} onRetry={submit} component="ConfigForm" />}
    </form>
  );
}
