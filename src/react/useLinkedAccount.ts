import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { LinkedAccount } from '../core/types.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import type { RefoldQueryOptions } from './options.js';

/** The linked account (the customer) the session token belongs to. */
export function useLinkedAccount(
  options: RefoldQueryOptions = {},
): UseQueryResult<LinkedAccount, RefoldError> {
  const { client, scope, queryClient } = useRefoldContext('useLinkedAccount');
  return useQuery(
    {
      queryKey: refoldKeys.linkedAccount(scope),
      queryFn: ({ signal }) => client.linkedAccount({ signal }),
      retry: false,
      staleTime: options.staleTime ?? 5 * 60_000,
      enabled: options.enabled,
      refetchInterval: options.refetchInterval,
    },
    queryClient,
  );
}
