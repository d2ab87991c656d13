import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { Config } from '../core/types.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import type { RefoldQueryOptions } from './options.js';

/** Which config {@link useConfig} loads. */
export interface UseConfigInput extends RefoldQueryOptions {
  /** App slug. */
  slug: string;
  /** Config id; the customer's default config when left out. */
  configId?: string;
  /** Labels for a config created on first use. */
  labels?: Record<string, string>;
}

/**
 * The customer's configuration of an app (fields and workflows), created with defaults on first use.
 *
 * @example
 * const { data: config } = useConfig({ slug: 'hubspot' });
 */
export function useConfig(input: UseConfigInput): UseQueryResult<Config, RefoldError> {
  const { client, scope, queryClient } = useRefoldContext('useConfig');
  const { slug, configId, labels, enabled, staleTime, refetchInterval } = input;
  return useQuery(
    {
      queryKey: refoldKeys.config(scope, slug, configId),
      queryFn: ({ signal }) => client.configs.getOrCreate({ slug, configId, labels }, { signal }),
      retry: false,
      staleTime: staleTime ?? 30_000,
      enabled: (enabled ?? true) && typeof slug === 'string' && slug !== '',
      refetchInterval,
    },
    queryClient,
  );
}
