import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { Config } from '../core/types.js';
import { useRefoldContext } from './context.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';
import type { ConfigQueryInput } from './queries.js';

/** Which config {@link useConfig} loads. */
export interface UseConfigInput extends ConfigQueryInput, RefoldQueryOptions {}

/**
 * The customer's configuration of an app (fields and workflows), created with defaults on first use.
 *
 * @example
 * const { data: config } = useConfig({ slug: 'hubspot' });
 */
export function useConfig(input: UseConfigInput): UseQueryResult<Config, RefoldError> {
  const context = useRefoldContext('useConfig');
  return useQuery(withQueryOptions(refoldQueries.config(context, input), input), context.queryClient);
}
