import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { Application } from '../core/types.js';
import { useRefoldContext } from './context.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';

/**
 * One app with the customer's connections. Starts from the app list when it is cached (no request while
 * that list is fresh).
 */
export function useApplication(
  slug: string,
  options: RefoldQueryOptions = {},
): UseQueryResult<Application, RefoldError> {
  const context = useRefoldContext('useApplication');
  return useQuery(withQueryOptions(refoldQueries.application(context, slug), options), context.queryClient);
}
