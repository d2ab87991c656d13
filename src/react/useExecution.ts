import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { Execution } from '../core/types.js';
import { useRefoldContext } from './context.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';

/**
 * One run with its nodes; refetched every 3 s while it is under way (`QUEUED`, `RUNNING` or `STOPPING`, as
 * `isUnderWay` says: a status it does not know counts as over). Paused while the page is hidden.
 */
export function useExecution(
  id: string,
  options: Omit<RefoldQueryOptions, 'refetchInterval'> = {},
): UseQueryResult<Execution, RefoldError> {
  const context = useRefoldContext('useExecution');
  return useQuery(withQueryOptions(refoldQueries.execution(context, id), options), context.queryClient);
}
