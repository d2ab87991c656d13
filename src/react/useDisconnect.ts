import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import type { AuthType } from '../core/types.js';
import { useRefoldContext } from './context.js';
import { invalidateApp } from './invalidate.js';

/** What {@link useDisconnect}'s `mutate` takes. */
export interface DisconnectInput {
  /**
   * The one connection to remove (`connected_accounts[].connection_id`); the others stay. Needed when the
   * app has several connections: Refold refuses (400) a disconnect without it then.
   */
  connectionId?: string;
  /** Only this kind of connection; all of the app's connections when left out (and no `connectionId`). */
  authType?: AuthType;
}

/**
 * Removes the customer's connection to `slug` (one of them with `connectionId`). On success the app's
 * finished connect flows (shared by its `useConnect` hooks) go back to `idle` (so nothing still says
 * "connected"), the app's queries are refetched and `onEvent({ type: 'disconnected' })` fires.
 *
 * @example
 * const disconnect = useDisconnect('slack');
 * <button onClick={() => disconnect.mutate({ connectionId: account.connection_id })}>Disconnect</button>
 */
export function useDisconnect(slug: string): UseMutationResult<void, RefoldError, DisconnectInput> {
  const { client, scope, queryClient, emit, connectFlows } = useRefoldContext('useDisconnect');
  return useMutation(
    {
      mutationFn: ({ authType, connectionId }) =>
        client.applications.disconnect(slug, authType, { connectionId }),
      onSuccess: async (_data, { authType, connectionId }) => {
        // A flow that ended `connected` would otherwise keep saying so to every button mounted later.
        for (const shared of connectFlows.values()) if (shared.slug === slug) shared.flow.reset();
        emit({
          type: 'disconnected',
          slug,
          ...(authType && { authType }),
          ...(connectionId && { connectionId }),
        });
        await invalidateApp(queryClient, scope, slug);
      },
    },
    queryClient,
  );
}
