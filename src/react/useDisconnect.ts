import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { AuthType } from '../core/types.js';
import { useRefoldContext } from './context.js';
import { invalidateApp } from './invalidate.js';

/** What {@link useDisconnect}'s `mutate` takes. */
export interface DisconnectInput {
  /** Only this kind of connection; all of the app's connections when left out. */
  authType?: AuthType;
}

/**
 * Removes the customer's connection to `slug`. On success the app's connect flow (shared by its
 * `useConnect` hooks) goes back to `idle` (so nothing still says "connected"), the app's queries are
 * refetched and `onEvent({ type: 'disconnected' })` fires.
 *
 * @example
 * const disconnect = useDisconnect('slack');
 * <button onClick={() => disconnect.mutate({})}>Disconnect</button>
 */
export function useDisconnect(slug: string): UseMutationResult<void, RefoldError, DisconnectInput> {
  const { client, scope, queryClient, emit, connectFlows } = useRefoldContext('useDisconnect');
  return useMutation(
    {
      mutationFn: (input) => client.applications.disconnect(slug, input.authType),
      onSuccess: async (_data, input) => {
        // A flow that ended `connected` would otherwise keep saying so to every button mounted later.
        connectFlows.get(slug)?.flow.reset();
        emit({ type: 'disconnected', slug, ...(input.authType && { authType: input.authType }) });
        await invalidateApp(queryClient, scope, slug);
      },
    },
    queryClient,
  );
}
