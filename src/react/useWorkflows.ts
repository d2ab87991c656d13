import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { WorkflowListParams } from '../core/client.js';
import type { RefoldError } from '../core/errors.js';
import type { EnabledWorkflow, Page, Workflow } from '../core/types.js';
import { useRefoldContext } from './context.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';

/**
 * A page of workflows. The previous page stays on screen while the next one loads.
 *
 * @example
 * const { data } = useWorkflows({ slug: 'hubspot', page });
 */
export function useWorkflows(
  params: WorkflowListParams & RefoldQueryOptions = {},
): UseQueryResult<Page<Workflow>, RefoldError> {
  const context = useRefoldContext('useWorkflows');
  const { enabled, staleTime, refetchInterval, ...filters } = params;
  return useQuery(
    withQueryOptions(refoldQueries.workflows(context, filters), { enabled, staleTime, refetchInterval }),
    context.queryClient,
  );
}

/** The workflows enabled for the customer. */
export function useEnabledWorkflows(
  options: RefoldQueryOptions = {},
): UseQueryResult<EnabledWorkflow[], RefoldError> {
  const context = useRefoldContext('useEnabledWorkflows');
  return useQuery(withQueryOptions(refoldQueries.enabledWorkflows(context), options), context.queryClient);
}
