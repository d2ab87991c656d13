import { useMemo } from 'react';
import { useRefoldContext } from './context.js';
import { createRefoldQueries } from './queries.js';
import type { RefoldQueries } from './queries.js';

/**
 * The Refold query factories bound to the provider's client, customer and QueryClient: for prefetching
 * (`queryClient.prefetchQuery`), `useSuspenseQuery`, `useQueries` or reading the cache, with the very keys
 * and requests the hooks use.
 *
 * @example
 * const refold = useRefoldQueries();
 * // Prefetch on hover: the ConfigForm opened next renders at once.
 * <button onMouseEnter={() => void refold.queryClient.prefetchQuery(refold.config({ slug: 'hubspot' }))} />
 * // Suspense:
 * const { data: apps } = useSuspenseQuery(refold.applications(), refold.queryClient);
 */
export function useRefoldQueries(): RefoldQueries {
  const { client, scope, queryClient } = useRefoldContext('useRefoldQueries');
  return useMemo(() => createRefoldQueries({ client, scope, queryClient }), [client, scope, queryClient]);
}
