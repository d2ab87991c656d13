import { useQuery } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type {
  ExecuteWorkflowInput,
  ExecutionBatch,
  NodeBatchesParams,
  RerunExecutionResult,
  StopExecutionResult,
  WorkflowRunResult,
} from '../core/run-controls.js';
import type { Page } from '../core/types.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import { useRefoldMutation } from './mutation.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';

/**
 * Runs a workflow now ("sync now"). Its run shows up in `useExecutions` (refetched on success); follow it with
 * `useExecution(result.execution_id)`, which polls while it runs.
 *
 * @example
 * const run = useExecuteWorkflow();
 * run.mutate({ workflowId, slug: 'hubspot' }, { onSuccess: (r) => setRunId(r.execution_id) });
 */
export function useExecuteWorkflow(): UseMutationResult<
  WorkflowRunResult,
  RefoldError,
  ExecuteWorkflowInput
> {
  return useRefoldMutation(
    'useExecuteWorkflow',
    (client, input) => client.workflows.execute(input),
    refoldKeys.executions,
  );
}

/** Stops a running run (`mutate(executionId)`); the run and the run pages refetch. */
export function useStopExecution(): UseMutationResult<StopExecutionResult, RefoldError, string> {
  return useRefoldMutation(
    'useStopExecution',
    (client, id) => client.executions.stop(id),
    refoldKeys.executions,
    true,
  );
}

/** Runs a run again (`mutate(executionId)`): a new run, whose id the result holds; run pages refetch. */
export function useRerunExecution(): UseMutationResult<RerunExecutionResult, RefoldError, string> {
  return useRefoldMutation(
    'useRerunExecution',
    (client, id) => client.executions.rerun(id),
    refoldKeys.executions,
  );
}

/**
 * A page of a fan-out node's batches. A run of Refold's newer engine answers a `RefoldApiError` 501 (its
 * batches cannot be listed).
 */
export function useNodeBatches(
  params: NodeBatchesParams,
  options: RefoldQueryOptions = {},
): UseQueryResult<Page<ExecutionBatch>, RefoldError> {
  const context = useRefoldContext('useNodeBatches');
  return useQuery(withQueryOptions(refoldQueries.nodeBatches(context, params), options), context.queryClient);
}
