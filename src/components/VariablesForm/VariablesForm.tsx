import { forwardRef, useId, useState } from 'react';
import type { FormEvent, HTMLAttributes } from 'react';
import type { VariableDefinition, VariableValue } from '../../core/variables.js';
import { useAllVariables, useRemoveVariable, useSetVariable } from '../../react/useVariables.js';
import { ErrorState } from '../shared/ErrorState.js';
import { FieldLayout } from '../shared/FieldLayout.js';
import { cx } from '../shared/cx.js';
import { describeError } from '../shared/describe-error.js';
import type { WithRootProps } from '../shared/props.js';
import { useMessages } from '../shared/useMessages.js';
import type { Translator } from '../shared/useMessages.js';

interface VariablesFormOwnProps {
  /**
   * The definitions to show, from your backend: Refold lists definitions for the API key only
   * (`GET /api/v2/public/env/definitions?scope=linked_account`). Only `linked_account` ones can be set here.
   */
  definitions: readonly VariableDefinition[];
  /** Called after a save stored every changed value. */
  onSaved?: () => void;
  /** Extra class of the root. */
  className?: string;
}

/** Props of {@link VariablesForm}: its own, plus any attribute of the root `<div>`. */
export type VariablesFormProps = WithRootProps<VariablesFormOwnProps, HTMLAttributes<HTMLDivElement>>;

const INPUT_TYPES: Record<string, string> = { number: 'number', url: 'url' };

/** What is wrong with a typed value for its format, if anything. */
function formatProblem(
  definition: VariableDefinition,
  value: string,
  t: Translator['t'],
): string | undefined {
  if (definition.var_format === 'number' && !Number.isFinite(Number(value.trim() || 'x'))) {
    return t('variablesForm.error.number');
  }
  if (definition.var_format === 'url') {
    try {
      if (['http:', 'https:'].includes(new URL(value).protocol)) return undefined;
    } catch {
      // Not a URL: said below.
    }
    return t('variablesForm.error.url');
  }
  return undefined;
}

/**
 * The customer's own variables, one field per definition: text, number or URL by its format. An encrypted
 * value is write-only: the field starts empty and says whether a value is set; typing replaces it. Save
 * sends only the values the user changed (a stored value is never sent back); Remove deletes one.
 *
 * The stored values are read with `useAllVariables`: every page (100 values each) before the fields show,
 * so no field reads "not set" only because its value sits on a later page. The read stops after 10 pages
 * (1,000 values); a definition whose value lies beyond shows as not set, and saving it still replaces
 * (upserts) that value. A refetch (after a save or a remove) keeps the fields, and what the user typed,
 * on screen while the pages come in again.
 *
 * `data-state`: `loading | ready | saving | saved | error`. The `ref` points at the root `<div>`.
 *
 * @example
 * const { data: definitions = [] } = useQuery({ queryKey: ['vars'], queryFn: () => fetch('/api/variable-definitions').then((r) => r.json()) });
 * <VariablesForm definitions={definitions} />
 */
export const VariablesForm = forwardRef<HTMLDivElement, VariablesFormProps>(function VariablesForm(
  { definitions, onSaved, className, ...rest },
  ref,
) {
  const { t } = useMessages('VariablesForm');
  const id = useId();
  const values = useAllVariables();
  const set = useSetVariable();
  const remove = useRemoveVariable();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const stored = new Map<string, VariableValue>(
    (values.data?.docs ?? []).map((value) => [value.variable_definition_id, value]),
  );
  const shown = definitions.filter((d) => d.scope === undefined || d.scope === 'linked_account');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const changed = shown.filter((d) => {
      const typed = draft[d._id];
      return typed !== undefined && typed !== '' && typed !== stored.get(d._id)?.value;
    });
    const found: Record<string, string> = {};
    for (const d of changed) {
      const problem = formatProblem(d, draft[d._id] ?? '', t);
      if (problem) found[d._id] = problem;
    }
    setProblems(found);
    setSaved(false);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const failed: Record<string, string> = {};
    for (const d of changed) {
      try {
        await set.mutateAsync({ definitionId: d._id, value: draft[d._id] ?? '' });
        setDraft((current) => {
          const { [d._id]: _done, ...others } = current;
          return others;
        });
      } catch (error) {
        failed[d._id] = describeError(error, t);
      }
    }
    setSaving(false);
    setProblems(failed);
    if (Object.keys(failed).length === 0) {
      setSaved(changed.length > 0);
      if (changed.length > 0) onSaved?.();
    }
  }

  const state = values.isError
    ? 'error'
    : !values.data
      ? 'loading'
      : saving
        ? 'saving'
        : saved
          ? 'saved'
          : 'ready';

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('refold-variables-form', 'refold-root', className)}
      data-state={state}
      aria-busy={state === 'loading' || undefined}
    >
      {values.isError && (
        <ErrorState error={values.error} onRetry={() => void values.refetch()} component="VariablesForm" />
      )}
      {state === 'loading' && (
        <p role="status">
          <span className="refold-spinner" aria-hidden="true" /> {t('variablesForm.loading')}
        </p>
      )}
      {values.data && shown.length === 0 && <p className="refold-help">{t('variablesForm.empty')}</p>}
      {values.data && shown.length > 0 && (
        <form className="refold-variables-form__form" noValidate onSubmit={(e) => void submit(e)}>
          {shown.map((d) => {
            const value = stored.get(d._id);
            const isSet = value !== undefined && (value.encrypted || value.value !== undefined);
            const encrypted = d.encrypted === true || value?.encrypted === true;
            const fieldId = `${id}-${d._id}`;
            const valueId = isSet ? value._id : undefined;
            const typed = draft[d._id] ?? (encrypted ? '' : (value?.value ?? ''));
            const hint = encrypted
              ? isSet
                ? t('variablesForm.encryptedSet')
                : t('variablesForm.encryptedNotSet')
              : undefined;
            return (
              <FieldLayout
                key={d._id}
                id={fieldId}
                label={d.name}
                requiredText=""
                type={d.var_format ?? 'string'}
                hint={hint}
                help={d.description}
                error={problems[d._id]}
                className="refold-variables-form__field"
                extra={
                  <div className="refold-variables-form__meta">
                    <span className="refold-badge" data-set={isSet ? '' : undefined}>
                      {isSet ? t('variablesForm.set') : t('variablesForm.notSet')}
                    </span>
                    {valueId && (
                      <button
                        type="button"
                        className="refold-button"
                        data-variant="secondary"
                        aria-disabled={remove.isPending || saving || undefined}
                        onClick={() => !remove.isPending && !saving && remove.mutate(valueId)}
                      >
                        {t('variablesForm.remove', { name: d.name })}
                      </button>
                    )}
                  </div>
                }
              >
                {(describedBy) => (
                  <input
                    id={fieldId}
                    className="refold-input"
                    type={encrypted ? 'password' : (INPUT_TYPES[d.var_format ?? ''] ?? 'text')}
                    autoComplete={encrypted ? 'new-password' : 'off'}
                    inputMode={d.var_format === 'number' ? 'decimal' : undefined}
                    value={typed}
                    aria-describedby={describedBy}
                    aria-invalid={problems[d._id] ? true : undefined}
                    onChange={(e) => {
                      setSaved(false);
                      setDraft((current) => ({ ...current, [d._id]: e.target.value }));
                    }}
                  />
                )}
              </FieldLayout>
            );
          })}
          {remove.isError && <ErrorState error={remove.error} component="VariablesForm" />}
          <div className="refold-variables-form__actions">
            <button type="submit" className="refold-button" aria-disabled={saving || undefined}>
              {saving && <span className="refold-spinner" aria-hidden="true" />}
              {saving ? t('variablesForm.saving') : t('common.save')}
            </button>
            <p role="status" className="refold-help">
              {saved ? t('variablesForm.saved') : ''}
            </p>
          </div>
        </form>
      )}
    </div>
  );
});
