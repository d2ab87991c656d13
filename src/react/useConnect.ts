import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { AuthValues } from '../core/client.js';
import { createConnectFlow, isConnecting, resolveAuth } from '../core/connect.js';
import { connectionOf } from '../core/connections.js';
import type { ConnectMode, ConnectState, ConnectStatus, ConnectTiming } from '../core/connect.js';
import type { RefoldError } from '../core/errors.js';
import type { Application, AuthField, AuthType, AuthTypeName } from '../core/types.js';
import { connectFlowKey, createConnectDraft, useRefoldContext } from './context.js';
import type { RefoldContextValue, SharedConnectFlow } from './context.js';
import { invalidateApp } from './invalidate.js';
import { trackFunnel } from './funnel.js';
import { browserPopupHost } from './popup.js';
import { useApplication } from './useApplication.js';

/**
 * Options of {@link useConnect}. The timing options apply to the flows this hook's `connect` starts (a
 * `connect` that joins a running flow keeps that flow's timing).
 */
export interface UseConnectOptions extends ConnectTiming {
  /**
   * `oauth2`, `keybased`, or a connector sub-type the app offers (`api_key`, `basic_auth` …); default: what
   * the app offers (OAuth when it offers it with others).
   */
  authType?: AuthTypeName;
  /** Called when the app's flow ends connected (whichever hook started it), while this hook is mounted. */
  onConnected?: () => void;
  /**
   * Reconnect in place: sign this connection (`connected_accounts[].connection_id`) in again, e.g. an
   * expired one. It keeps its id and config; no second connection is made. Left out: a new connection (for
   * an app already connected, another account). Hooks with the same slug and `connectionId` share a flow.
   */
  connectionId?: string;
  /**
   * OAuth in a `popup`, a full-page `redirect` (the page goes to the provider and comes back to `returnTo`,
   * where the flow resumes from `sessionStorage`: slug, connection id and a nonce, never a token), or
   * `auto`: the popup, the redirect where popups cannot work (detected), and after a blocked popup the
   * offer of a redirect (`canRedirect`, `redirect()`). @defaultValue 'auto'
   */
  mode?: ConnectMode;
  /** For a full-page sign-in: the absolute URL to come back to. @defaultValue the current page */
  returnTo?: string;
}

/** What {@link useConnect} returns. */
export interface UseConnectResult {
  /**
   * `idle | opening | waiting | saving | connected | cancelled | blocked | timeout | error`. A flow that ended
   * `connected` reads `idle` again once the app's data says it was disconnected since.
   */
  status: ConnectStatus;
  /** True while a flow runs (`opening`, `waiting`, `saving`). */
  isConnecting: boolean;
  /**
   * Why the flow ended without a connection: `RefoldPopupError` (blocked, closed, timeout),
   * `RefoldValidationError`, `RefoldApiError` …
   */
  error: RefoldError | undefined;
  /** Problems per field name: `required`, `invalid`, or the server's message. */
  fieldErrors: Readonly<Record<string, string>>;
  /** The auth style this hook connects with: `oauth2` (pop-up) or `keybased` (form, sub-types included). */
  authType: AuthType;
  /** The connector sub-type sent as `auth_type` with the credentials (`api_key`, `noauth` …), if any. */
  subType: string | undefined;
  /** The app (once loaded). */
  app: Application | undefined;
  /** The fields to fill for `authType` (pre-auth values for OAuth, credentials for key-based). */
  fields: AuthField[];
  /**
   * Values typed so far, shared by every `useConnect` of the app: kept when a connect fails and while any of
   * them stays mounted (a form collapsed and opened again shows them), cleared once connected.
   */
  values: AuthValues;
  /** Sets one value. */
  setValue: (name: string, value: AuthValues[string]) => void;
  /**
   * Starts the flow with `values` (default: the values set so far). **Call it directly in the click (or
   * submit) handler**: the OAuth popup opens before any `await`, which is what browsers require. A second
   * call while a flow runs focuses its popup. Before `app` has loaded the auth style is unknown and OAuth is
   * assumed: wait for `app` (or pass `authType`) for key-based apps.
   */
  connect: (values?: AuthValues) => Promise<ConnectState>;
  /**
   * True when the popup was blocked and a full-page sign-in can be offered instead (mode `auto` or
   * `redirect`): call {@link UseConnectResult.redirect} from the user's click.
   */
  canRedirect: boolean;
  /** Signs in with the whole page instead of a popup: the page goes to the provider and comes back. */
  redirect: (values?: AuthValues) => Promise<ConnectState>;
  /** Ends a running flow as `cancelled`. */
  cancel: () => void;
  /** Back to `idle` after a finished flow. */
  reset: () => void;
}

/**
 * The flow of the app (or of one of its connections) under this provider, created on first use
 * (render-safe: creating it has no effect). @internal
 */
export function sharedFlow(
  context: RefoldContextValue,
  slug: string,
  connectionId?: string,
): SharedConnectFlow {
  const key = connectFlowKey(slug, connectionId);
  let shared = context.connectFlows.get(key);
  if (!shared) {
    const { client, queryClient, scope, emit } = context;
    shared = {
      users: 0,
      slug,
      mode: 'auto',
      resumed: false,
      draft: createConnectDraft(),
      flow: createConnectFlow({
        client,
        slug,
        connectionId,
        host: browserPopupHost,
        onConnected: () => void invalidateApp(queryClient, scope, slug),
      }),
    };
    trackFunnel(shared, emit, connectionId);
    context.connectFlows.set(key, shared);
  }
  return shared;
}

/**
 * Connects the customer to an app, whatever its auth style: OAuth in a popup (opened synchronously inside
 * the click, then completion detected by polling), key-based credentials (checked before sending, kept on
 * failure), or machine-to-machine with no popup at all. Every `useConnect` of the same app under one
 * provider shares one flow, so two buttons never open two popups; the flow stops when the last of them
 * unmounts. On success the app's queries are refetched and `onEvent` receives `{ type: 'connected' }`
 * (`reconnected` with `connectionId`); the funnel events `auth-start`, `auth-blocked`, `auth-cancelled`
 * and `auth-timeout` tell the rest, each with the mode and the time spent.
 *
 * @example
 * const hubspot = useConnect('hubspot');
 * <button onClick={() => hubspot.connect()} disabled={hubspot.isConnecting}>Connect</button>
 */
export function useConnect(slug: string, options: UseConnectOptions = {}): UseConnectResult {
  const context = useRefoldContext('useConnect');
  const { data: app, isFetching } = useApplication(slug);
  const requested = options.authType;
  const shared = sharedFlow(context, slug, options.connectionId);
  const { flow, draft } = shared;
  const state = useSyncExternalStore(flow.subscribe, flow.getState, flow.getState);
  const values = useSyncExternalStore(draft.subscribe, draft.get, draft.get);
  const { authType, subType, fields } = resolveAuth(app, requested);

  // Count the hooks sharing the flow; the last one to unmount stops it (timers, polling, popup).
  useEffect(() => {
    shared.users += 1;
    return () => {
      shared.users -= 1;
      if (shared.users === 0) {
        shared.flow.dispose();
        shared.draft.set({});
      }
    };
  }, [shared]);

  // The latest options and app data, read when `connect` runs: neither inline options nor the app's data
  // arriving changes its identity (an effect that calls `connect` on change would otherwise run it again).
  const latest = useRef({ options, app });
  useEffect(() => {
    latest.current = { options, app };
  });

  // Every mounted hook of the app hears of a connection as the flow reports it, before React re-renders, so a
  // parent that unmounts the form on "connected" still gets its callback.
  useEffect(() => {
    let previous = flow.getState().status;
    return flow.subscribe(() => {
      const { status } = flow.getState();
      if (status === 'connected' && previous !== 'connected') {
        draft.set({});
        latest.current.options.onConnected?.();
      }
      previous = status;
    });
  }, [flow, draft]);

  const start = useCallback(
    (given: AuthValues | undefined, mode: ConnectMode | undefined) => {
      const {
        authType: _a,
        onConnected: _o,
        connectionId: _c,
        mode: own = 'auto',
        returnTo,
        ...timing
      } = latest.current.options;
      // Synchronous up to the popup: flow.start opens it before anything awaits.
      // The draft's latest values, also when set in the same event as this call.
      const values = given ?? draft.get();
      shared.mode = mode ?? own;
      return flow.start({
        ...timing,
        authType: requested,
        values,
        app: latest.current.app,
        mode: shared.mode,
        returnTo,
      });
    },
    [shared, flow, draft, requested],
  );
  const connect = useCallback((given?: AuthValues) => start(given, undefined), [start]);
  const redirect = useCallback((given?: AuthValues) => start(given, 'redirect'), [start]);

  const setValue = useCallback(
    (name: string, value: AuthValues[string]) => draft.set({ ...draft.get(), [name]: value }),
    [draft],
  );

  // A flow that ended connected, for an app whose current data (not being refetched) says disconnected since
  // (elsewhere: another tab, the server): idle again, so that no UI on this hook claims "connected".
  const disconnectedSince =
    state.status === 'connected' &&
    app !== undefined &&
    !isFetching &&
    connectionOf(app).state === 'disconnected';

  return {
    status: disconnectedSince ? 'idle' : state.status,
    isConnecting: isConnecting(state.status),
    error: state.error,
    fieldErrors: state.fieldErrors,
    authType,
    subType,
    app,
    fields,
    values,
    setValue,
    connect,
    canRedirect: state.status === 'blocked' && options.mode !== 'popup',
    redirect,
    cancel: flow.cancel,
    reset: flow.reset,
  };
}
