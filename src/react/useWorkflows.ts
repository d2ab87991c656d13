import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { WorkflowListParams } from '../core/client.js';
import type { RefoldError } from '../core/errors.js';
import type { EnabledWorkflow, Page, Workflow } from '../core/types.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import type { RefoldQueryOptions } from './options.js';

/**
 * A page of workflows. The previous page stays on screen while the next one loads.
 *
 * @example
 * const { data } = useWorkflows({ slug: 'hubspot', page });
 */
export function useWorkflows(
  params: WorkflowListParams & RefoldQueryOptions = {},
): UseQueryResult<Page<Workflow>, RefoldError> {
  const { client, scope, queryClient } = useRefoldContext('useWorkflows');
  const { enabled, staleTime, refetchInterval, ...filters } = params;
  return useQuery(
    {
      queryKey: refoldKeys.workflows(scope, filters),
      queryFn: ({ signal }) => client.workflows.list(filters, { signal }),
      placeholderData: keepPreviousData,
      retry: false,
      staleTime: staleTime ?? 60_000,
      enabled,
      refetchInterval,
    },
    queryClient,
  );
}

/** The workflows enabled for the customer. */
export function useEnabledWorkflows(
  options: RefoldQueryOptions = {},
): UseQueryResult<EnabledWorkflow[], RefoldError> {
  const { client, scope, queryClient } = useRefoldContext('useEnabledWorkflows');
  return useQuery(
    {
      queryKey: refoldKeys.enabledWorkflows(scope),
      queryFn: ({ signal }) => client.workflows.enabled({ signal }),
      retry: false,
      staleTime: options.staleTime ?? 30_000,
      enabled: options.enabled,
      refetchInterval: options.refetchInterval,
    },
    queryClient,
  );
}
