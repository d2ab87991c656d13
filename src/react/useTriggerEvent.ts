import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import { useRefoldContext } from './context.js';
import { refoldKeys } from './keys.js';

/** What {@link useTriggerEvent}'s `mutate` takes. */
export interface TriggerEventInput {
  /** Event name. */
  event: string;
  /** Event data. */
  payload?: Record<string, unknown>;
  /** Only the workflows of this app. */
  slug?: string;
  /** Only this config. */
  configId?: string;
}

/** Triggers an event; the runs it starts show up in `useExecutions` (refetched on success). */
export function useTriggerEvent(): UseMutationResult<{ message: string }, RefoldError, TriggerEventInput> {
  const { client, scope, queryClient } = useRefoldContext('useTriggerEvent');
  return useMutation(
    {
      mutationFn: (input) => client.events.trigger(input),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: refoldKeys.executions(scope) }),
    },
    queryClient,
  );
}
