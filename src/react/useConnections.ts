import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { connectionsOf } from '../core/connections.js';
import type { AppConnectionItem } from '../core/connections.js';
import type { RefoldError } from '../core/errors.js';
import { useRefoldContext } from './context.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';

/**
 * Every connection of one app (an app may have several: one per account at the provider), each with its
 * `connectionId`, state and whether it needs attention. Reads the same cached app as `useApplication`: no
 * request of its own.
 *
 * @example
 * const { data: connections = [] } = useConnections('slack');
 * connections.map((c) => <li key={c.connectionId}>{accountLabel(c.account).text}</li>);
 */
export function useConnections(
  slug: string,
  options: RefoldQueryOptions = {},
): UseQueryResult<AppConnectionItem[], RefoldError> {
  const context = useRefoldContext('useConnections');
  return useQuery(
    { ...withQueryOptions(refoldQueries.application(context, slug), options), select: connectionsOf },
    context.queryClient,
  );
}
