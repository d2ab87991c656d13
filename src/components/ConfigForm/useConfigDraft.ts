import { useRef, useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../../core/errors.js';
import type { Config, ConfigField, ConfigWorkflow } from '../../core/types.js';
import { useConfig } from '../../react/useConfig.js';
import { useSetConfigField } from '../../react/useSetConfigField.js';
import { useUpdateConfig } from '../../react/useUpdateConfig.js';
import type { UpdateConfigInput, UseUpdateConfigResult } from '../../react/useUpdateConfig.js';
import { problemOf, toFormValue, toWireValue } from './field-values.js';
import type { FieldProblem } from './field-values.js';
import { sameValue } from './values.js';
import type { FormValue } from './values.js';

/** Which config {@link useConfigDraft} edits. */
export interface UseConfigDraftOptions {
  /** App slug. */
  slug: string;
  /** Config id; the customer's default config when left out. */
  configId?: string | undefined;
}

/** The parent of a dependent field, as the draft knows it. */
export interface ConfigDraftParent {
  /** The parent field (its `value` is the stored one). */
  field: ConfigField;
  /** The parent's new value is being stored. */
  storing: boolean;
  /** Storing the parent's value failed. */
  error: RefoldError | undefined;
  /** Stores it again. */
  retry: () => void;
}

/** One field of the draft: app-level, or of one of the config's workflows. */
export interface ConfigDraftField {
  /** Key in the draft: the field id, prefixed with `workflowId/` for a workflow's field. */
  key: string;
  /** The field as Refold describes it (its `value` is the stored one). */
  field: ConfigField;
  /** The workflow of a workflow field. */
  workflow: ConfigWorkflow | undefined;
  /**
   * The form value (the user's edit, else the stored value as the field type's editor holds it), or
   * `undefined` for a value the form cannot edit (an unknown type, a shape the editor does not understand):
   * show it read-only; it is never sent.
   */
  value: FormValue | undefined;
  /** Refold's message for this field from the last save, while the field still holds the value sent. */
  error: string | undefined;
  /** What blocks saving this value (e.g. JSON that does not parse), found before any request. */
  problem: FieldProblem | undefined;
  /** The field this one depends on, for a dependent field. */
  parent: ConfigDraftParent | undefined;
  /** Sets the form value (a new parent value also empties its dependants and stores the parent). */
  setValue: (value: FormValue) => void;
}

/** What {@link ConfigDraft}'s `submit` takes. */
export interface ConfigDraftSubmitOptions {
  /** Called with the first field to fix: at once (a problem blocks the save) or when Refold refused fields. */
  onInvalid?: (field: ConfigDraftField) => void;
  /** Called after a save that Refold accepted without field errors. */
  onSaved?: (config: Config) => void;
}

/** What {@link useConfigDraft} returns. */
export interface ConfigDraft {
  /** The config query (`data`, `isPending`, `error`, `refetch`). */
  query: UseQueryResult<Config, RefoldError>;
  /** The save mutation (`isPending`, `error`, `fieldErrors` …). */
  save: UseUpdateConfigResult;
  /** The fields to show: not hidden, and of enabled workflows only; app-level ones first. */
  fields: readonly ConfigDraftField[];
  /** True while some field holds a value other than the one the user started from. */
  dirty: boolean;
  /** True when Reset has something to undo: an edit, or a parent value the form stored. */
  canReset: boolean;
  /** Fields to fix, counted once a save was tried (0 before). */
  invalidCount: number;
  /**
   * `loading`, `error` (loading failed, the save failed, or fields to fix), `ready`, `saving`, or `saved`
   * (the last save succeeded and nothing changed since).
   */
  state: 'loading' | 'error' | 'ready' | 'saving' | 'saved';
  /**
   * The request body Save sends now: only what the user changed. `fields` holds the changed app-level
   * fields, `workflows` only the workflows with changed fields (each with its stored `enabled` and its
   * changed fields); both are left out when nothing of theirs changed. A field with a `problem` is left out.
   */
  body: () => UpdateConfigInput;
  /** Saves the changes: nothing is sent while a field has a `problem` (`onInvalid` gets the first). */
  submit: (options?: ConfigDraftSubmitOptions) => void;
  /** Drops every edit; parents the form stored get their loaded value back (one more write each). */
  reset: () => void;
}

/** One field of the config or of one of its workflows, as loaded. */
interface Entry {
  key: string;
  field: ConfigField;
  workflow: ConfigWorkflow | undefined;
  /** Draft key of the field this one depends on. */
  parentKey: string | undefined;
  /** The stored value as the form holds it; `undefined` when the form cannot edit it. */
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
 * The headless state of a config form, which `ConfigForm` renders: the draft of the user's edits over the
 * loaded config, what changed, the minimal save body, Refold's errors per field (shown while the field
 * still holds the value sent), local problems that block saving, parents of dependent fields stored on
 * change, and reset. Values are form values (`FormValue`: text, option keys, the stored object of a map
 * or rule tree), the shapes the field types of `ConfigForm` edit; render them with your own controls.
 *
 * It never loses or invents data: nothing the user did not change is sent, values the form cannot edit are
 * never sent, and a failed save keeps every edit. Use one per config (give a new `key` to the component
 * using it when `slug` or `configId` changes).
 *
 * @example
 * const draft = useConfigDraft({ slug: 'hubspot' });
 * <form onSubmit={(e) => { e.preventDefault(); draft.submit({ onSaved: close }); }}>
 *   {draft.fields.map((f) => typeof f.value === 'string' && (
 *     <input key={f.key} value={f.value} onChange={(e) => f.setValue(e.target.value)} />
 *   ))}
 * </form>
 */
export function useConfigDraft({ slug, configId }: UseConfigDraftOptions): ConfigDraft {
  const query = useConfig({ slug, configId });
  const save = useUpdateConfig(slug, configId);
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

  const fields = visible.map((e): ConfigDraftField => {
    const value = valueOf(e);
    const parent = e.parentKey === undefined ? undefined : byKey.get(e.parentKey);
    const write = parent && writes[parent.key];
    return {
      key: e.key,
      field: e.field,
      workflow: e.workflow,
      value: e.loaded === undefined ? undefined : value,
      error: errorOf(e),
      problem: e.loaded === undefined ? undefined : problemOf(e.field, value),
      parent: parent && {
        field: parent.field,
        storing: write !== undefined && write.error === undefined,
        error: write?.error,
        retry: () => write && store(parent, write.value, false),
      },
      setValue: (next) => change(e, next),
    };
  });

  /** The changed values (by draft key) and the body that sends them. */
  const serialise = () => {
    const body: Record<string, unknown> = {};
    const workflowFields = new Map<string, Record<string, unknown>>();
    const values: Record<string, FormValue> = {};
    visible.forEach((e, index) => {
      const value = draft[e.key];
      if (!changed(e) || value === undefined || fields[index]?.problem) return;
      values[e.key] = value;
      let target = body;
      if (e.workflow) {
        target = workflowFields.get(e.workflow.id) ?? {};
        workflowFields.set(e.workflow.id, target);
      }
      target[e.field.id] = toWireValue(e.field, value);
    });
    const workflows = (config?.workflows ?? [])
      .filter((w) => workflowFields.has(w.id))
      .map((w) => ({ id: w.id, enabled: w.enabled, fields: workflowFields.get(w.id) }));
    const input: UpdateConfigInput = {
      ...(Object.keys(body).length > 0 && { fields: body }),
      ...(workflows.length > 0 && { workflows }),
    };
    return { input, values };
  };

  const submit = ({ onInvalid, onSaved }: ConfigDraftSubmitOptions = {}) => {
    if (!config || save.isPending) return;
    const broken = fields.find((f) => f.problem !== undefined);
    if (broken) {
      setBlocked(true);
      onInvalid?.(broken);
      return;
    }
    setBlocked(false);
    const { input, values } = serialise();
    setSubmitted(values);
    save.mutate(input, {
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
        const first = fields.find((f) => failed.has(f.field.id));
        if (first) onInvalid?.(first);
      },
    });
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

  const showErrors = blocked || Object.keys(save.fieldErrors).length > 0;
  const invalidCount = showErrors
    ? fields.filter((f) => f.error !== undefined || f.problem !== undefined).length
    : 0;
  let state: ConfigDraft['state'];
  if (!config) state = query.isError ? 'error' : 'loading';
  else if (save.isPending) state = 'saving';
  else if (save.isError || invalidCount > 0) state = 'error';
  else state = save.isSuccess && !dirty ? 'saved' : 'ready';

  return {
    query,
    save,
    fields,
    dirty,
    canReset: dirty || rewritten,
    invalidCount,
    state,
    body: () => serialise().input,
    submit,
    reset,
  };
}
