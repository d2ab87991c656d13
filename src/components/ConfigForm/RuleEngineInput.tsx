import type { ConfigField } from '../../core/types.js';
import { useRuleOptions } from '../../react/useRuleOptions.js';
import { ErrorState } from '../shared/ErrorState.js';
import { useMessages } from '../shared/useMessages.js';
import { Options } from './Options.js';
import { isRuleGroup, optionKey, optionValue } from './values.js';
import type { RuleCondition, RuleGroup } from './values.js';

/** Where a rule engine's options come from. */
interface RuleContext {
  field: ConfigField;
  slug: string;
  configId: string | undefined;
  connectionId?: string | undefined;
  workflowId: string | undefined;
  invalid: boolean;
}

interface RuleEngineInputProps extends RuleContext {
  /** DOM id prefix. */
  id: string;
  /** The stored tree with the user's edits. */
  value: RuleGroup;
  onChange: (value: RuleGroup) => void;
}

/**
 * A rule-engine editor for Refold's stored shape `{ logic, conditions: [condition | group] }`: AND/OR per
 * group, conditions of left-hand column, operator and right-hand value, nested groups, add and remove.
 * Keys it does not know (on conditions and groups) are kept as they were. @internal
 */
export function RuleEngineInput({ id, value, onChange, ...context }: RuleEngineInputProps) {
  return <RuleGroupEditor id={`${id}-g1`} path="1" group={value} onChange={onChange} context={context} />;
}

interface RuleGroupEditorProps {
  id: string;
  /** The group's number for people: `1`, `1.2`, `1.2.1` … */
  path: string;
  group: RuleGroup;
  onChange: (group: RuleGroup) => void;
  /** Removes this (nested) group. */
  onRemove?: () => void;
  context: RuleContext;
}

function RuleGroupEditor({ id, path, group, onChange, onRemove, context }: RuleGroupEditorProps) {
  const { t } = useMessages('ConfigForm');
  const items = group.conditions;
  const setItem = (index: number, next: RuleCondition | RuleGroup) =>
    onChange({ ...group, conditions: items.map((item, i) => (i === index ? next : item)) });
  const removeItem = (index: number) => {
    onChange({ ...group, conditions: items.filter((_, i) => i !== index) });
    document.getElementById(`${id}-add`)?.focus();
  };
  let conditions = 0;
  let groups = 0;
  return (
    <fieldset className="refold-config-form__rule-group" data-logic={group.logic}>
      <legend className="refold-label">{t('configForm.ruleGroup', { group: path })}</legend>
      <div className="refold-config-form__row">
        <label className="refold-visually-hidden" htmlFor={`${id}-logic`}>
          {t('configForm.ruleLogic', { group: path })}
        </label>
        <select
          id={`${id}-logic`}
          className="refold-input"
          aria-invalid={context.invalid || undefined}
          value={group.logic}
          onChange={(e) => onChange({ ...group, logic: e.target.value === 'OR' ? 'OR' : 'AND' })}
        >
          <option value="AND">{t('configForm.ruleAnd')}</option>
          <option value="OR">{t('configForm.ruleOr')}</option>
        </select>
      </div>
      {items.length === 0 && <p className="refold-help">{t('configForm.ruleEmpty')}</p>}
      {items.map((item, index) => {
        if (isRuleGroup(item)) {
          const child = `${path}.${++groups}`;
          return (
            <RuleGroupEditor
              key={index}
              id={`${id}-g${groups}`}
              path={child}
              group={item}
              onChange={(next) => setItem(index, next)}
              onRemove={() => removeItem(index)}
              context={context}
            />
          );
        }
        const number = ++conditions;
        return (
          <RuleRow
            key={index}
            id={`${id}-c${number}`}
            names={{ number, group: path }}
            condition={item}
            context={context}
            onChange={(next) => setItem(index, next)}
            onRemove={() => removeItem(index)}
          />
        );
      })}
      <div className="refold-config-form__row">
        <button
          type="button"
          id={`${id}-add`}
          className="refold-button"
          data-variant="secondary"
          aria-label={t('configForm.ruleAdd', { group: path })}
          onClick={() => onChange({ ...group, conditions: [...items, { lhs: '', operator: '', rhs: '' }] })}
        >
          {t('configForm.ruleAddShort')}
        </button>
        <button
          type="button"
          className="refold-button"
          data-variant="secondary"
          aria-label={t('configForm.ruleAddGroup', { group: path })}
          onClick={() =>
            onChange({
              ...group,
              conditions: [...items, { logic: 'AND', conditions: [] } satisfies RuleGroup],
            })
          }
        >
          {t('configForm.ruleAddGroupShort')}
        </button>
        {onRemove && (
          <button
            type="button"
            className="refold-button"
            data-variant="secondary"
            aria-label={t('configForm.ruleRemoveGroup', { group: path })}
            onClick={onRemove}
          >
            {t('configForm.ruleRemoveGroupShort')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

interface RuleRowProps {
  id: string;
  /** The condition's number within its group, and the group's. */
  names: { number: number; group: string };
  condition: RuleCondition;
  context: RuleContext;
  onChange: (condition: RuleCondition) => void;
  onRemove: () => void;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function RuleRow({ id, names, condition, context, onChange, onRemove }: RuleRowProps) {
  const { t } = useMessages('ConfigForm');
  const { field, slug, configId, connectionId, workflowId, invalid } = context;
  const lhs = optionKey(condition.lhs);
  const query = useRuleOptions({
    slug,
    fieldId: field.id,
    lhs: lhs || undefined,
    configId,
    connectionId,
    workflowId,
  });
  const operators = query.data?.operators ?? [];
  const values = query.data?.rhs.options ?? [];
  // Nothing to choose from until the column's options arrived (an unknown answer is an error, not "none").
  const waiting = lhs === '' || !query.isSuccess;
  const common = { className: 'refold-input', 'aria-invalid': invalid || undefined };
  const choose = t('configForm.choose');
  const operatorKey = optionKey(condition.operator);
  const rhsKey = optionKey(condition.rhs);
  return (
    <div className="refold-config-form__row" data-rule="">
      <label className="refold-visually-hidden" htmlFor={`${id}-lhs`}>
        {t('configForm.ruleColumn', names)}
      </label>
      <select
        {...common}
        id={`${id}-lhs`}
        value={lhs}
        // A new column changes what the operator and value mean: both start over.
        onChange={(e) =>
          onChange({ ...condition, lhs: optionValue(field.options, e.target.value), operator: '', rhs: '' })
        }
      >
        <Options options={field.options} value={lhs} placeholder={choose} />
      </select>
      <label className="refold-visually-hidden" htmlFor={`${id}-op`}>
        {t('configForm.ruleOperator', names)}
      </label>
      {waiting || operators.length > 0 ? (
        <select
          {...common}
          id={`${id}-op`}
          disabled={waiting}
          aria-busy={(lhs !== '' && query.isPending) || undefined}
          value={operatorKey}
          onChange={(e) => onChange({ ...condition, operator: optionValue(operators, e.target.value) })}
        >
          <Options options={operators} value={operatorKey} placeholder={choose} />
        </select>
      ) : (
        <input
          {...common}
          id={`${id}-op`}
          value={text(condition.operator)}
          onChange={(e) => onChange({ ...condition, operator: e.target.value })}
        />
      )}
      <label className="refold-visually-hidden" htmlFor={`${id}-rhs`}>
        {t('configForm.ruleValue', names)}
      </label>
      {values.length > 0 ? (
        <select
          {...common}
          id={`${id}-rhs`}
          disabled={waiting}
          value={rhsKey}
          onChange={(e) => onChange({ ...condition, rhs: optionValue(values, e.target.value) })}
        >
          <Options options={values} value={rhsKey} placeholder={choose} />
        </select>
      ) : (
        <input
          {...common}
          id={`${id}-rhs`}
          disabled={waiting}
          value={text(condition.rhs)}
          onChange={(e) => onChange({ ...condition, rhs: e.target.value })}
        />
      )}
      <button
        type="button"
        className="refold-button"
        data-variant="secondary"
        aria-label={t('configForm.ruleRemove', names)}
        onClick={onRemove}
      >
        {t('configForm.ruleRemoveShort')}
      </button>
      {query.isError && (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} component="ConfigForm" />
      )}
    </div>
  );
}
