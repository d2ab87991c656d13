import { useMutation } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { RefoldError } from '../core/errors.js';
import { useRefoldContext } from './context.js';
import { useUnmountSignal } from './useUnmountSignal.js';

/** What {@link useConnectUrl}'s `mutate` takes. */
export interface ConnectUrlInput {
  /** Config the hosted page configures. */
  configId?: string;
  /** Branding of the hosted page. */
  branding?: Record<string, unknown>;
}

/**
 * Gets a URL of Refold's hosted connect page for the customer (to open in a new tab or send by e-mail).
 *
 * @example
 * const hosted = useConnectUrl();
 * const { hosted_url } = await hosted.mutateAsync({});
 */
export function useConnectUrl(): UseMutationResult<{ hosted_url: string }, RefoldError, ConnectUrlInput> {
  const { client, queryClient } = useRefoldContext('useConnectUrl');
  const signal = useUnmountSignal();
  return useMutation({ mutationFn: (input) => client.connectUrl(input, { signal: signal() }) }, queryClient);
}
