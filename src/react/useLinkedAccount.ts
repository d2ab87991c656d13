import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { LinkedAccount } from '../core/types.js';
import { useRefoldContext } from './context.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';

/** The linked account (the customer) the session token belongs to. */
export function useLinkedAccount(
  options: RefoldQueryOptions = {},
): UseQueryResult<LinkedAccount, RefoldError> {
  const context = useRefoldContext('useLinkedAccount');
  return useQuery(withQueryOptions(refoldQueries.linkedAccount(context), options), context.queryClient);
}
