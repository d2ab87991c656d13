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
 * refetches every few seconds (`runningRefetchInterval`) while any run on it is under way: `QUEUED`, `RUNNING`
 * or `STOPPING`, as `isUnderWay` says. It stops once every run on the page is over (a status it does not know
 * counts as over), pauses while the page is hidden, and ends when the last component using it unmounts.
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
