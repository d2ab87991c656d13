import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { RefoldError } from '../../core/errors.js';
import type { Config, ConfigField, ConfigWorkflow } from '../../core/types.js';
import { useConfig } from '../../react/useConfig.js';
import { useSetConfigField } from '../../react/useSetConfigField.js';
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
  /** The stored value as the form holds it; `undefined` when the form cannot edit it (shown read-only). */
  loaded: FormValue | undefined;
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
      out.push({
        key: prefix + field.id,
        field,
        workflow,
        parentKey,
        loaded: toFormValue(field, field.value),
      });
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

/** `value` without `keys`. */
function omit<V>(value: Record<string, V>, keys: readonly string[]): Record<string, V> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

/** A parent value being stored, or whose storing failed. */
interface Write {
  value: unknown;
  error?: RefoldError;
}

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
  const setField = useSetConfigField(slug, { configId });
  const [draft, setDraft] = useState<Record<string, FormValue>>({});
  // The values sent with the last save: Refold's errors show while the field still holds them.
  const [submitted, setSubmitted] = useState<Record<string, FormValue>>({});
  const [blocked, setBlocked] = useState(false);
  // Stored values of parents before this form first wrote them, for Reset (by draft key).
  const [originals, setOriginals] = useState<Record<string, unknown>>({});
  // Parent values being stored, or whose storing failed (by draft key).
  const [writes, setWrites] = useState<Record<string, Write>>({});
  // Parent writes go out one after another, so the last choice is the one stored.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const config = query.data;
  const entries = config ? entriesOf(config) : [];
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const visible = entries.filter((e) => !e.field.hidden && (!e.workflow || e.workflow.enabled));
  const valueOf = (e: Entry): FormValue | undefined =>
    Object.hasOwn(draft, e.key) ? draft[e.key] : e.loaded;
  // What the user started from: the value before the form stored a parent, else the stored one.
  const baseline = (e: Entry): FormValue | undefined =>
    Object.hasOwn(originals, e.key) ? toFormValue(e.field, originals[e.key]) : e.loaded;
  const changed = (e: Entry): boolean =>
    e.loaded !== undefined && Object.hasOwn(draft, e.key) && !sameValue(draft[e.key], baseline(e));
  const dirty = visible.some(changed);
  const rewritten = Object.entries(originals).some(
    ([key, value]) => byKey.has(key) && !sameValue(byKey.get(key)?.field.value, value),
  );
  const errorOf = (e: Entry): string | undefined => {
    const message = save.fieldErrors[e.field.id];
    return message !== undefined && Object.hasOwn(submitted, e.key) && sameValue(submitted[e.key], valueOf(e))
      ? message
      : undefined;
  };
  const jsonBroken = (e: Entry): boolean => {
    const value = valueOf(e);
    return e.field.field_type === 'json' && typeof value === 'string' && jsonProblem(value) !== undefined;
  };
  const invalid = visible.filter((e) => errorOf(e) !== undefined || jsonBroken(e));

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

  /** Stores a parent's value now (its dependants' options are computed from the stored config). */
  const store = (entry: Entry, value: unknown, remember = true) => {
    const { key, field, workflow } = entry;
    if (remember) setOriginals((c) => (Object.hasOwn(c, key) ? c : { ...c, [key]: field.value }));
    setWrites((c) => ({ ...c, [key]: { value } }));
    const current = (c: Record<string, Write>) => sameValue(c[key]?.value, value);
    const write = () =>
      setField.mutateAsync({ fieldId: field.id, workflowId: workflow?.id, value }).then(
        () => setWrites((c) => (current(c) ? omit(c, [key]) : c)),
        (error: RefoldError) => setWrites((c) => (current(c) ? { ...c, [key]: { value, error } } : c)),
      );
    queue.current = queue.current.then(write);
  };

  const change = (entry: Entry, value: FormValue) => {
    const dependants = entries.filter((e) => e.parentKey === entry.key);
    setDraft((current) => {
      const next = { ...current, [entry.key]: value };
      // A new parent value invalidates the dependent fields' choices.
      for (const e of dependants) {
        const empty = toFormValue(e.field, undefined);
        if (empty !== undefined) next[e.key] = empty;
      }
      return next;
    });
    if (dependants.length > 0 && entry.field.field_type === 'select') {
      const wire = toWireValue(entry.field, value);
      store(entry, wire === '' ? null : wire);
    }
  };

  const submit = () => {
    if (!config || save.isPending) return;
    const broken = visible.find(jsonBroken);
    if (broken) {
      setBlocked(true);
      focusField(controlId(broken));
      return;
    }
    setBlocked(false);
    const fields: Record<string, unknown> = {};
    const workflowFields = new Map<string, Record<string, unknown>>();
    const values: Record<string, FormValue> = {};
    for (const e of visible) {
      if (!changed(e)) continue;
      const value = draft[e.key] as FormValue;
      values[e.key] = value;
      let target = fields;
      if (e.workflow) {
        target = workflowFields.get(e.workflow.id) ?? {};
        workflowFields.set(e.workflow.id, target);
      }
      target[e.field.id] = toWireValue(e.field, value);
    }
    const workflows = (config.workflows ?? [])
      .filter((w) => workflowFields.has(w.id))
      .map((w) => ({ id: w.id, enabled: w.enabled, fields: workflowFields.get(w.id) }));
    setSubmitted(values);
    save.mutate(
      {
        ...(Object.keys(fields).length > 0 && { fields }),
        ...(workflows.length > 0 && { workflows }),
      },
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
            // Saved parents are stored now: nothing left to undo or to retry for them.
            setOriginals((current) => omit(current, Object.keys(values)));
            setWrites((current) => omit(current, Object.keys(values)));
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
    // Parents this form stored get their loaded value back: one more write each.
    for (const [key, value] of Object.entries(originals)) {
      const entry = byKey.get(key);
      if (entry && !sameValue(entry.field.value, value)) store(entry, value ?? null, false);
    }
    setOriginals({});
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
    const write = parent && writes[parent.key];
    return (
      <ConfigFieldInput
        key={e.key}
        id={controlId(e)}
        field={e.field}
        value={e.loaded === undefined ? undefined : valueOf(e)}
        onChange={(value) => change(e, value)}
        error={errorOf(e)}
        slug={slug}
        configId={configId}
        workflowId={e.workflow?.id}
        parent={
          parent && {
            field: parent.field,
            storing: write !== undefined && write.error === undefined,
            error: write?.error,
            retry: () => write && store(parent, write.value, false),
          }
        }
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
          aria-disabled={!(dirty || rewritten) || undefined}
          onClick={() => (dirty || rewritten) && reset()}
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
