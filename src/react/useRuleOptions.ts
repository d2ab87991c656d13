import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { RuleColumnOptions } from '../core/rule-options.js';
import { configIdToSend } from './config-id.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import type { RefoldQueryOptions } from './options.js';

/** Which rule-engine options {@link useRuleOptions} loads. */
export interface UseRuleOptionsInput extends RefoldQueryOptions {
  /** App slug. */
  slug: string;
  /** Id of the rule-engine field. */
  fieldId: string;
  /** The left-hand column chosen; nothing is loaded until there is one. */
  lhs: string | undefined;
  /** The config the field belongs to, as given to `useConfig`; left out: the default config. */
  configId?: string;
  /** The workflow the field belongs to, for workflow fields. */
  workflowId?: string;
}

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
  const { client, scope, queryClient } = useRefoldContext('useRuleOptions');
  const { slug, fieldId, lhs, configId, workflowId, enabled, staleTime, refetchInterval } = input;
  return useQuery(
    {
      queryKey: refoldKeys.ruleOptions(scope, slug, fieldId, lhs ?? '', { configId, workflowId }),
      queryFn: ({ signal }) =>
        client.configs.ruleOptions(
          {
            slug,
            fieldId,
            lhs: lhs ?? '',
            configId: configIdToSend(queryClient, scope, slug, configId),
            workflowId,
          },
          { signal },
        ),
      retry: false,
      staleTime: staleTime ?? 5 * 60_000,
      enabled: (enabled ?? true) && Boolean(slug && fieldId && lhs),
      refetchInterval,
    },
    queryClient,
  );
}
