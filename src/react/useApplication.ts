import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { Application } from '../core/types.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import type { RefoldQueryOptions } from './options.js';
import { APPLICATIONS_STALE_TIME } from './useApplications.js';

/**
 * One app with the customer's connections. Starts from the app list when it is cached (no request while
 * that list is fresh).
 */
export function useApplication(
  slug: string,
  options: RefoldQueryOptions = {},
): UseQueryResult<Application, RefoldError> {
  const { client, scope, queryClient } = useRefoldContext('useApplication');
  const listKey = refoldKeys.applications(scope);
  return useQuery(
    {
      queryKey: refoldKeys.application(scope, slug),
      queryFn: ({ signal }) => client.applications.get(slug, { signal }),
      initialData: () => queryClient.getQueryData<Application[]>(listKey)?.find((app) => app.slug === slug),
      initialDataUpdatedAt: () => queryClient.getQueryState(listKey)?.dataUpdatedAt,
      retry: false,
      staleTime: options.staleTime ?? APPLICATIONS_STALE_TIME,
      enabled: (options.enabled ?? true) && typeof slug === 'string' && slug !== '',
      refetchInterval: options.refetchInterval,
    },
    queryClient,
  );
}
