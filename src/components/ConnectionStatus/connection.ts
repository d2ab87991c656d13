import type { Application } from '../../core/types.js';
import { useApplication } from '../../react/useApplication.js';
import { useConnect } from '../../react/useConnect.js';

/** What a connection badge shows: the app's connection, or a connect flow in progress. */
export type ConnectionState = 'connected' | 'expired' | 'disconnected' | 'connecting';

/** An app's connection as its data tells it (no connect flow involved), and the account to name. */
export interface AppConnection {
  /** `connected` when any connection is active; `expired` when every connection needs a new sign-in. */
  state: Exclude<ConnectionState, 'connecting'>;
  /** Who is connected at the provider, when Refold says. */
  identifier: string | undefined;
}

/** The connection state of an app from its `connected_accounts` (or, from older servers, `connected`). */
export function connectionOf(app: Application | undefined): AppConnection {
  const accounts = app?.connected_accounts ?? [];
  const active = accounts.find((a) => (a.status ?? 'active') === 'active');
  if (active) return { state: 'connected', identifier: active.identifier };
  if (accounts[0]) return { state: 'expired', identifier: accounts[0].identifier };
  if (app?.connected) return { state: app.reauth_required ? 'expired' : 'connected', identifier: undefined };
  return { state: 'disconnected', identifier: undefined };
}

/**
 * The live connection of one app: its data (loaded, or `given` until it is), and `connecting` while a
 * connect flow of that app runs anywhere under the provider. @internal
 */
export function useConnectionState(slug: string, given?: Application) {
  const query = useApplication(slug);
  const { isConnecting } = useConnect(slug);
  const app = query.data ?? given;
  const connection = connectionOf(app);
  return {
    app,
    state: isConnecting ? ('connecting' as const) : connection.state,
    identifier: connection.identifier,
    error: app ? undefined : query.error,
    retry: () => void query.refetch(),
  };
}
