import type { ConfigField, FieldOption } from '../../core/types.js';
import { useRuleOptions } from '../../react/useRuleOptions.js';
import { ErrorState } from '../shared/ErrorState.js';
import { useMessages } from '../shared/useMessages.js';
import { Options } from './Options.js';
import type { FormValue, Rule } from './values.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isOption = (value: unknown): value is FieldOption =>
  isRecord(value) && ['string', 'number', 'boolean'].includes(typeof value['value']);

/** Operators and right-hand choices from the rule-engine route's answer (`{ rule_column: { operator, rhs } }`). */
function readRuleOptions(data: unknown): { operators: FieldOption[]; values: FieldOption[] | undefined } {
  const column = isRecord(data) && isRecord(data['rule_column']) ? data['rule_column'] : {};
  const options = (part: unknown) =>
    isRecord(part) && Array.isArray(part['options']) ? part['options'].filter(isOption) : undefined;
  return { operators: options(column['operator']) ?? [], values: options(column['rhs']) };
}

interface RuleEngineInputProps {
  field: ConfigField;
  id: string;
  slug: string;
  rules: Rule[];
  invalid: boolean;
  onChange: (value: FormValue) => void;
}

/** Rows of left-hand column, operator and right-hand value, with add and remove. @internal */
export function RuleEngineInput({ field, id, slug, rules, invalid, onChange }: RuleEngineInputProps) {
  const { t } = useMessages('ConfigForm');
  return (
    <>
      {rules.length === 0 && <p className="refold-help">{t('configForm.ruleEmpty')}</p>}
      {rules.map((rule, index) => (
        <RuleRow
          key={index}
          id={`${id}-${index}`}
          field={field}
          slug={slug}
          rule={rule}
          number={index + 1}
          invalid={invalid}
          onChange={(next) => onChange(rules.map((r, i) => (i === index ? next : r)))}
          onRemove={() => {
            onChange(rules.filter((_, i) => i !== index));
            document.getElementById(`${id}-add`)?.focus();
          }}
        />
      ))}
      <button
        type="button"
        id={`${id}-add`}
        className="refold-button"
        data-variant="secondary"
        onClick={() => onChange([...rules, { lhs: '', operator: '', rhs: '' }])}
      >
        {t('configForm.ruleAdd')}
      </button>
    </>
  );
}

interface RuleRowProps {
  id: string;
  field: ConfigField;
  slug: string;
  rule: Rule;
  number: number;
  invalid: boolean;
  onChange: (rule: Rule) => void;
  onRemove: () => void;
}

function RuleRow({ id, field, slug, rule, number, invalid, onChange, onRemove }: RuleRowProps) {
  const { t } = useMessages('ConfigForm');
  const query = useRuleOptions({ slug, fieldId: field.id, lhs: rule.lhs || undefined });
  const { operators, values } = readRuleOptions(query.data);
  const waiting = rule.lhs === '' || query.isPending;
  const common = { className: 'refold-input', 'aria-invalid': invalid || undefined };
  const choose = t('configForm.choose');
  return (
    <div className="refold-config-form__row" data-rule="">
      <label className="refold-visually-hidden" htmlFor={`${id}-lhs`}>
        {t('configForm.ruleColumn', { number })}
      </label>
      <select
        {...common}
        id={`${id}-lhs`}
        value={rule.lhs}
        onChange={(e) => onChange({ lhs: e.target.value, operator: '', rhs: '' })}
      >
        <Options options={field.options} value={rule.lhs} placeholder={choose} />
      </select>
      <label className="refold-visually-hidden" htmlFor={`${id}-op`}>
        {t('configForm.ruleOperator', { number })}
      </label>
      <select
        {...common}
        id={`${id}-op`}
        disabled={waiting}
        aria-busy={(rule.lhs !== '' && query.isPending) || undefined}
        value={rule.operator}
        onChange={(e) => onChange({ ...rule, operator: e.target.value })}
      >
        <Options options={operators} value={rule.operator} placeholder={choose} />
      </select>
      <label className="refold-visually-hidden" htmlFor={`${id}-rhs`}>
        {t('configForm.ruleValue', { number })}
      </label>
      {values ? (
        <select
          {...common}
          id={`${id}-rhs`}
          disabled={waiting}
          value={rule.rhs}
          onChange={(e) => onChange({ ...rule, rhs: e.target.value })}
        >
          <Options options={values} value={rule.rhs} placeholder={choose} />
        </select>
      ) : (
        <input
          {...common}
          id={`${id}-rhs`}
          disabled={waiting}
          value={rule.rhs}
          onChange={(e) => onChange({ ...rule, rhs: e.target.value })}
        />
      )}
      <button type="button" className="refold-button" data-variant="secondary" onClick={onRemove}>
        {t('configForm.ruleRemove', { number })}
      </button>
      {query.isError && (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} component="ConfigForm" />
      )}
    </div>
  );
}
