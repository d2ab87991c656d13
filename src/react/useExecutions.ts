import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ExecutionListParams } from '../core/client.js';
import type { RefoldError } from '../core/errors.js';
import type { Execution, Page } from '../core/types.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import type { RefoldQueryOptions } from './options.js';

/** Options of {@link useExecutions}. */
export interface UseExecutionsOptions
  extends ExecutionListParams, Omit<RefoldQueryOptions, 'refetchInterval'> {
  /** How often to refetch while a run on the page is still going, in ms. @default 3_000 */
  runningRefetchInterval?: number;
}

/** True while a run may still change. */
export function isRunning(execution: Pick<Execution, 'status'>): boolean {
  return execution.status === 'RUNNING' || execution.status === 'STOPPING';
}

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
  const { client, scope, queryClient } = useRefoldContext('useExecutions');
  const { enabled, staleTime, runningRefetchInterval = 3_000, ...params } = options;
  return useQuery(
    {
      queryKey: refoldKeys.executions(scope, params),
      queryFn: ({ signal }) => client.executions.list(params, { signal }),
      placeholderData: keepPreviousData,
      retry: false,
      staleTime: staleTime ?? 10_000,
      enabled,
      refetchInterval: (query) => (query.state.data?.docs.some(isRunning) ? runningRefetchInterval : false),
    },
    queryClient,
  );
}
