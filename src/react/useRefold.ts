import type { RefoldClient } from '../core/client.js';
import { useRefoldContext } from './context.js';

/**
 * The Refold client of the current customer, for calls no hook covers. It never exposes the token.
 *
 * @example
 * const refold = useRefold();
 * await refold.events.trigger({ event: 'invoice.paid', payload: { id } });
 */
export function useRefold(): RefoldClient {
  return useRefoldContext('useRefold').client;
}
