import { useMutation } from '@tanstack/react-query';
import type { QueryKey, UseMutationResult } from '@tanstack/react-query';
import type { RefoldClient } from '../core/client.js';
import type { RefoldError } from '../core/errors.js';
import { useRefoldContext } from './context.js';

/**
 * A mutation of the provider's client that refetches the queries under `refetch(scope)` once it succeeded
 * (or, with `always`, once it settled either way: a stop that failed may still have changed the run).
 * @internal
 */
export function useRefoldMutation<Input, Result>(
  hookName: string,
  run: (client: RefoldClient, input: Input) => Promise<Result>,
  refetch: (scope: string) => QueryKey,
  always = false,
): UseMutationResult<Result, RefoldError, Input> {
  const { client, scope, queryClient } = useRefoldContext(hookName);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: refetch(scope) });
  return useMutation(
    {
      mutationFn: (input) => run(client, input),
      ...(always ? { onSettled: invalidate } : { onSuccess: invalidate }),
    },
    queryClient,
  );
}
