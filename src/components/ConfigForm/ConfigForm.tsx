import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Config, ConfigField, ConfigWorkflow } from '../../core/types.js';
import { useConfig } from '../../react/useConfig.js';
import { useToggleWorkflow } from '../../react/useToggleWorkflow.js';
import { useUpdateConfig } from '../../react/useUpdateConfig.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import { useMessages } from '../shared/useMessages.js';
import { ConfigFieldInput } from './ConfigFieldInput.js';
import { WorkflowToggle } from './WorkflowToggle.js';
import { jsonProblem, sameValue, toFormValue, toWireValue } from './values.js';
import type { FormValue } from './values.js';

/** Props of {@link ConfigForm}. */
export interface ConfigFormProps {
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

/** One field of the config or of one of its workflows. */
interface Entry {
  /** Draft key: the field id, prefixed with `workflowId/` for workflow fields. */
  key: string;
  field: ConfigField;
  workflow?: ConfigWorkflow;
  /** Draft key of the field this one depends on. */
  parentKey?: string;
}

function entriesOf(config: Config): Entry[] {
  const out: Entry[] = [];
  const add = (fields: ConfigField[] | undefined, workflow?: ConfigWorkflow) => {
    const prefix = workflow ? `${workflow.id}/` : '';
    for (const field of fields ?? []) {
      const { parent } = field;
      const parentKey =
        parent === undefined
          ? undefined
          : workflow?.fields?.some((f) => f.id === parent)
            ? prefix + parent
            : config.fields?.some((f) => f.id === parent)
              ? parent
              : undefined;
      out.push({ key: prefix + field.id, field, workflow, parentKey });
    }
  };
  add(config.fields);
  for (const workflow of config.workflows ?? []) add(workflow.fields, workflow);
  return out;
}

function focusField(id: string) {
  const target = document.getElementById(id);
  const control = target?.matches('input, select, textarea')
    ? target
    : target?.querySelector<HTMLElement>('input, select, textarea, button');
  control?.focus();
}

/**
 * A form for one app's configuration: every config field type (text, number, email, URL, date, textarea,
 * JSON, select, multi-select, dependent selects, field mappings, rule engines), workflow switches with their
 * own fields, save with per-field errors from Refold, reset, and an unsaved-changes guard.
 *
 * State in `data-state`: `loading`, `ready`, `saving`, `saved`, `error`; `data-dirty` while there are
 * unsaved changes.
 *
 * @example
 * <ConfigForm slug="hubspot" onDirtyChange={setDirty} />
 */
export function ConfigForm(props: ConfigFormProps) {
  // A new app or config starts with a fresh draft.
  return <ConfigFormContent key={`${props.slug}\u0000${props.configId ?? ''}`} {...props} />;
}

function ConfigFormContent({ slug, configId, onDirtyChange, onSaved, className }: ConfigFormProps) {
  const { t } = useMessages('ConfigForm');
  const baseId = useId();
  const query = useConfig({ slug, configId });
  const save = useUpdateConfig(slug, configId);
  const toggle = useToggleWorkflow(slug, configId);
  const [draft, setDraft] = useState<Record<string, FormValue>>({});
  // The values sent with the last save: Refold's errors show while the field still holds them.
  const [submitted, setSubmitted] = useState<Record<string, FormValue>>({});
  const [blocked, setBlocked] = useState(false);

  const config = query.data;
  const entries = config ? entriesOf(config) : [];
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const visible = entries.filter((e) => !e.field.hidden && (!e.workflow || e.workflow.enabled));
  const valueOf = (e: Entry): FormValue =>
    Object.hasOwn(draft, e.key) ? (draft[e.key] as FormValue) : toFormValue(e.field);
  const dirty = visible.some(
    (e) => Object.hasOwn(draft, e.key) && !sameValue(draft[e.key], toFormValue(e.field)),
  );
  const errorOf = (e: Entry): string | undefined => {
    const message = save.fieldErrors[e.field.id];
    return message !== undefined && Object.hasOwn(submitted, e.key) && sameValue(submitted[e.key], valueOf(e))
      ? message
      : undefined;
  };
  const invalid = visible.filter((e) => {
    const value = valueOf(e);
    return (
      errorOf(e) !== undefined || (e.field.field_type === 'json' && jsonProblem(String(value)) !== undefined)
    );
  });

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

  const controlId = (e: Entry) => `${baseId}-${e.key}`;

  const change = (entry: Entry, value: FormValue) =>
    setDraft((current) => {
      const next = { ...current, [entry.key]: value };
      // A new parent value invalidates the dependent fields' choices.
      for (const e of entries) {
        if (e.parentKey === entry.key) next[e.key] = e.field.multiple ? [] : '';
      }
      return next;
    });

  const submit = () => {
    if (!config || save.isPending) return;
    const broken = visible.find((e) => e.field.field_type === 'json' && jsonProblem(String(valueOf(e))));
    if (broken) {
      setBlocked(true);
      focusField(controlId(broken));
      return;
    }
    setBlocked(false);
    const fields: Record<string, unknown> = {};
    const workflows = (config.workflows ?? []).map((w) => ({
      id: w.id,
      enabled: w.enabled,
      fields: {} as Record<string, unknown>,
    }));
    const values: Record<string, FormValue> = {};
    for (const e of visible) {
      if (!Object.hasOwn(draft, e.key) && e.field.value === undefined) continue;
      values[e.key] = valueOf(e);
      const wire = toWireValue(e.field, values[e.key] as FormValue);
      const target = e.workflow ? workflows.find((w) => w.id === e.workflow?.id)?.fields : fields;
      if (target) target[e.field.id] = wire;
    }
    setSubmitted(values);
    save.mutate(
      { fields, workflows },
      {
        onSuccess: (saved) => {
          const failed = new Set(saved.field_errors?.map((e) => e.id));
          if (failed.size === 0) {
            // Saved values now come from Refold; anything typed during the save stays in the draft.
            setDraft((current) =>
              Object.fromEntries(
                Object.entries(current).filter(([key, value]) => !sameValue(value, values[key])),
              ),
            );
            onSaved?.(saved);
            return;
          }
          const first = visible.find((e) => failed.has(e.field.id));
          if (first) focusField(controlId(first));
        },
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const reset = () => {
    setDraft({});
    setSubmitted({});
    setBlocked(false);
    save.reset();
  };

  const root = cx('refold-config-form', 'refold-root', className);

  if (!config) {
    if (query.isError) {
      return (
        <div className={root} data-state="error">
          <ErrorState error={query.error} onRetry={() => void query.refetch()} component="ConfigForm" />
        </div>
      );
    }
    return (
      <div className={root} data-state="loading" aria-busy="true">
        <p role="status">
          <span className="refold-spinner" aria-hidden="true" /> {t('configForm.loading')}
        </p>
      </div>
    );
  }

  const workflows = config.workflows ?? [];
  const appEntries = visible.filter((e) => !e.workflow);
  if (appEntries.length === 0 && workflows.length === 0) {
    return (
      <div className={root} data-state="ready" data-empty="">
        <p className="refold-help">{t('configForm.empty')}</p>
      </div>
    );
  }

  const showErrors = blocked || Object.keys(save.fieldErrors).length > 0;
  const errorCount = showErrors ? invalid.length : 0;
  const state = save.isPending
    ? 'saving'
    : save.isError || errorCount > 0
      ? 'error'
      : save.isSuccess && !dirty
        ? 'saved'
        : 'ready';
  const status =
    state === 'saving'
      ? t('configForm.saving')
      : state === 'saved'
        ? t('configForm.saved')
        : errorCount > 0
          ? t('configForm.fieldErrors', { count: errorCount })
          : '';

  const renderField = (e: Entry) => {
    const parent = e.parentKey === undefined ? undefined : byKey.get(e.parentKey);
    return (
      <ConfigFieldInput
        key={e.key}
        id={controlId(e)}
        field={e.field}
        value={valueOf(e)}
        onChange={(value) => change(e, value)}
        error={errorOf(e)}
        slug={slug}
        workflowId={e.workflow?.id}
        parent={parent && { field: parent.field, value: valueOf(parent) }}
      />
    );
  };

  return (
    <form
      className={root}
      data-state={state}
      data-dirty={dirty ? '' : undefined}
      aria-busy={save.isPending || undefined}
      noValidate
      onSubmit={onSubmit}
    >
      {appEntries.map(renderField)}
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
              {visible.filter((e) => e.workflow?.id === w.id).map(renderField)}
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
          aria-disabled={!dirty || undefined}
          onClick={() => dirty && reset()}
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
