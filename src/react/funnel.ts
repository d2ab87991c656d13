import { isConnecting } from '../core/connect.js';
import type { ConnectStatus } from '../core/connect.js';
import type { RefoldEvent } from './events.js';
import type { SharedConnectFlow } from './context.js';

/**
 * Sends the funnel events of one shared connect flow to `onEvent` as its status changes: `auth-start`, then
 * `connected` / `reconnected`, `auth-blocked`, `auth-cancelled` or `auth-timeout`, each with the slug, the
 * mode and the time spent since the start. Never a token nor a typed value. @internal
 */
export function trackFunnel(
  shared: SharedConnectFlow,
  emit: (event: RefoldEvent) => void,
  connectionId: string | undefined,
): void {
  const { flow, slug } = shared;
  let previous: ConnectStatus = flow.getState().status;
  let startedAt = Date.now();
  flow.subscribe(() => {
    const { status, authType = 'oauth2' } = flow.getState();
    const was = previous;
    previous = status;
    if (status === was) return;
    const base = { slug, mode: shared.mode, authType, ...(connectionId !== undefined && { connectionId }) };
    if (isConnecting(status)) {
      // `opening` → `waiting` is the same sign-in; every run starts with `opening` or `saving` (or `waiting`
      // for a resume), also after an unmount stopped the last one silently.
      if (status === 'waiting' && isConnecting(was)) return;
      startedAt = Date.now();
      // The page's return from a full-page sign-in continues the flow that started before it left.
      if (shared.resumed) shared.resumed = false;
      else emit({ type: 'auth-start', ...base });
      return;
    }
    const durationMs = isConnecting(was) ? Date.now() - startedAt : 0;
    if (status === 'connected') {
      emit(
        connectionId === undefined
          ? { type: 'connected', slug, authType, mode: shared.mode, durationMs }
          : { type: 'reconnected', slug, authType, mode: shared.mode, durationMs, connectionId },
      );
    } else if (status === 'blocked') emit({ type: 'auth-blocked', ...base, durationMs });
    else if (status === 'cancelled') emit({ type: 'auth-cancelled', ...base, durationMs });
    else if (status === 'timeout') emit({ type: 'auth-timeout', ...base, durationMs });
  });
}
