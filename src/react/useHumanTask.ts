import { useQuery } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { HumanTask } from '../core/human-tasks.js';

export { noSessionToken } from '../core/human-tasks.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';
import { useRefoldMutation } from './mutation.js';
import type { RefoldQueryOptions } from './options.js';
import { refoldQueries, withQueryOptions } from './queries.js';

/**
 * A human task, read **without credentials**: no session token is fetched (under a provider with
 * `fetchToken={noSessionToken}` too). The task id is its secret: it never appears in a query key, an error
 * or an event.
 */
export function useHumanTask(
  taskId: string,
  options: RefoldQueryOptions = {},
): UseQueryResult<HumanTask, RefoldError> {
  const context = useRefoldContext('useHumanTask');
  return useQuery(withQueryOptions(refoldQueries.humanTask(context, taskId), options), context.queryClient);
}

/**
 * Answers a human task (`mutate(data)`), without credentials. Refold takes one answer: a second one, or one
 * after the task expired, is a `RefoldApiError` 400. The task refetches afterwards, so its status shows.
 */
export function useSubmitHumanTask(
  taskId: string,
): UseMutationResult<Record<string, unknown>, RefoldError, Record<string, unknown>> {
  return useRefoldMutation(
    'useSubmitHumanTask',
    (client, data) => client.humanTasks.submit(taskId, data),
    (scope) => refoldKeys.humanTask(scope, taskId),
    true,
  );
}
