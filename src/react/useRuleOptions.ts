import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { RuleColumnOptions } from '../core/rule-options.js';
import { useRefoldContext } from './context.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';
import type { RuleOptionsQueryInput } from './queries.js';

/** Which rule-engine options {@link useRuleOptions} loads. */
export interface UseRuleOptionsInput extends RuleOptionsQueryInput, RefoldQueryOptions {}

/**
 * Operators and right-hand choices of a rule-engine field for one left-hand column, normalised from either
 * answer Refold documents (`rule_column` or `options`). The request is a read scoped with `config_id` and
 * `workflow_id`.
 *
 * @example
 * const { data } = useRuleOptions({ slug: 'hubspot', fieldId: 'routing_rules', lhs: 'country' });
 * data?.operators; // [{ name: 'is', value: 'eq' }, …]
 */
export function useRuleOptions(input: UseRuleOptionsInput): UseQueryResult<RuleColumnOptions, RefoldError> {
  const context = useRefoldContext('useRuleOptions');
  return useQuery(withQueryOptions(refoldQueries.ruleOptions(context, input), input), context.queryClient);
}
