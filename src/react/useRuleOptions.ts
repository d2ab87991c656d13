import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
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
}

/**
 * Operators and right-hand choices of a rule-engine field for one left-hand column.
 *
 * @example
 * const { data } = useRuleOptions({ slug: 'hubspot', fieldId: 'routing_rules', lhs: 'country' });
 */
export function useRuleOptions(
  input: UseRuleOptionsInput,
): UseQueryResult<Record<string, unknown> | unknown[], RefoldError> {
  const { client, scope, queryClient } = useRefoldContext('useRuleOptions');
  const { slug, fieldId, lhs, enabled, staleTime, refetchInterval } = input;
  return useQuery(
    {
      queryKey: refoldKeys.ruleOptions(scope, slug, fieldId, lhs ?? ''),
      queryFn: ({ signal }) => client.configs.ruleOptions({ slug, fieldId, lhs: lhs ?? '' }, { signal }),
      retry: false,
      staleTime: staleTime ?? 5 * 60_000,
      enabled: (enabled ?? true) && Boolean(slug && fieldId && lhs),
      refetchInterval,
    },
    queryClient,
  );
}
