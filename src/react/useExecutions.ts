import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { Execution, Page } from '../core/types.js';
import { useRefoldContext } from './context.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';
import type { ExecutionsQueryInput } from './queries.js';

/** Options of {@link useExecutions}. */
export interface UseExecutionsOptions
  extends ExecutionsQueryInput, Omit<RefoldQueryOptions, 'refetchInterval'> {}

/**
 * A page of workflow runs, newest first. The previous page stays on screen while the next loads, and the page
 * refetches every few seconds while any run on it is `RUNNING` (stops once none is).
 *
 * @example
 * const { data, isPlaceholderData } = useExecutions({ page, status: 'ERRORED' });
 */
export function useExecutions(
  options: UseExecutionsOptions = {},
): UseQueryResult<Page<Execution>, RefoldError> {
  const context = useRefoldContext('useExecutions');
  const { enabled, staleTime, ...input } = options;
  return useQuery(
    withQueryOptions(refoldQueries.executions(context, input), { enabled, staleTime }),
    context.queryClient,
  );
}
