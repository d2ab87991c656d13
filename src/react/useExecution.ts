import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { Execution } from '../core/types.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import type { RefoldQueryOptions } from './options.js';
import { isRunning } from './useExecutions.js';

/** One run with its nodes; refetched every 3 s while it is running. */
export function useExecution(
  id: string,
  options: Omit<RefoldQueryOptions, 'refetchInterval'> = {},
): UseQueryResult<Execution, RefoldError> {
  const { client, scope, queryClient } = useRefoldContext('useExecution');
  return useQuery(
    {
      queryKey: refoldKeys.execution(scope, id),
      queryFn: ({ signal }) => client.executions.get(id, { signal }),
      retry: false,
      staleTime: options.staleTime ?? 10_000,
      enabled: (options.enabled ?? true) && typeof id === 'string' && id !== '',
      refetchInterval: (query) => (query.state.data && isRunning(query.state.data) ? 3_000 : false),
    },
    queryClient,
  );
}
