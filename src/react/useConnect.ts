import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AuthValues } from '../core/client.js';
import { authFieldsOf, createConnectFlow, isConnecting, resolveAuthType } from '../core/connect.js';
import type { ConnectState, ConnectStatus, ConnectTiming, PopupHost } from '../core/connect.js';
import type { RefoldError } from '../core/errors.js';
import type { Application, AuthField, AuthType } from '../core/types.js';
import { useRefoldContext } from './context.js';
import type { RefoldContextValue, SharedConnectFlow } from './context.js';
import { invalidateApp } from './invalidate.js';
import { browserPopupHost } from './popup.js';
import { useApplication } from './useApplication.js';

/** Options of {@link useConnect}. */
export interface UseConnectOptions extends ConnectTiming {
  /** `oauth2` or `keybased`; default: what the app supports (OAuth when it supports both). */
  authType?: AuthType;
  /** Called when this flow ends connected. */
  onConnected?: () => void;
}

/** What {@link useConnect} returns. */
export interface UseConnectResult {
  /** `idle | opening | waiting | saving | connected | cancelled | blocked | timeout | error`. */
  status: ConnectStatus;
  /** True while a flow runs (`opening`, `waiting`, `saving`). */
  isConnecting: boolean;
  /** Why the flow failed: `RefoldPopupError` (blocked, timeout), `RefoldValidationError`, `RefoldApiError` … */
  error: RefoldError | undefined;
  /** Problems per field name: `required`, `invalid`, or the server's message. */
  fieldErrors: Readonly<Record<string, string>>;
  /** The auth style this hook connects with. */
  authType: AuthType;
  /** The app (once loaded). */
  app: Application | undefined;
  /** The fields to fill for `authType` (pre-auth values for OAuth, credentials for key-based). */
  fields: AuthField[];
  /** Values typed so far. Kept when a save fails; cleared once connected. */
  values: AuthValues;
  /** Sets one value. */
  setValue: (name: string, value: AuthValues[string]) => void;
  /**
   * Starts the flow. **Call it directly in the click (or submit) handler**: the OAuth popup opens before any
   * `await`, which is what browsers require. A second call while a flow runs focuses its popup.
   */
  connect: (values?: AuthValues) => Promise<ConnectState>;
  /** Ends a running flow as `cancelled`. */
  cancel: () => void;
  /** Back to `idle` after a finished flow. */
  reset: () => void;
}

const IDLE_STATE: ConnectState = { status: 'idle', authType: undefined, error: undefined, fieldErrors: {} };

/** Opens popups through the browser, looked up only when a flow starts (never during render). */
const lazyBrowserHost: PopupHost = {
  open: (name) => browserPopupHost()?.open(name) ?? null,
  onFocus: (listener) => browserPopupHost()?.onFocus(listener) ?? (() => undefined),
};

function sharedFlow(context: RefoldContextValue, slug: string, timing: ConnectTiming): SharedConnectFlow {
  let shared = context.connectFlows.get(slug);
  if (!shared) {
    const { client, queryClient, scope, emit } = context;
    shared = {
      users: 0,
      flow: createConnectFlow({
        ...timing,
        client,
        slug,
        host: lazyBrowserHost,
        onConnected: ({ authType }) => {
          emit({ type: 'connected', slug, authType });
          void invalidateApp(queryClient, scope, slug);
        },
      }),
    };
    context.connectFlows.set(slug, shared);
  }
  return shared;
}

/**
 * Connects the customer to an app, whatever its auth style: OAuth in a popup (opened synchronously inside
 * the click, then completion detected by polling), key-based credentials (checked before sending, kept on
 * failure), or machine-to-machine with no popup at all. Every `useConnect` of the same app under one
 * provider shares one flow, so two buttons never open two popups.
 *
 * @example
 * const connect = useConnect('hubspot');
 * <button onClick={() => connect.connect()} disabled={connect.isConnecting}>Connect</button>
 */
export function useConnect(slug: string, options: UseConnectOptions = {}): UseConnectResult {
  const context = useRefoldContext('useConnect');
  const { data: app } = useApplication(slug);
  const { authType: requested, onConnected, ...timing } = options;
  const shared = sharedFlow(context, slug, timing);
  const { flow } = shared;
  const state = useSyncExternalStore(flow.subscribe, flow.getState, () => IDLE_STATE);
  const authType = resolveAuthType(app, requested);
  const [values, setValues] = useState<AuthValues>({});

  // Count the hooks sharing the flow; the last one to unmount stops it (timers, polling, popup).
  useEffect(() => {
    shared.users += 1;
    return () => {
      shared.users -= 1;
      if (shared.users === 0) shared.flow.dispose();
    };
  }, [shared]);

  const onConnectedRef = useRef(onConnected);
  useEffect(() => {
    onConnectedRef.current = onConnected;
  });

  const valuesRef = useRef(values);
  useEffect(() => {
    valuesRef.current = values;
  });

  const connect = useCallback(
    (given?: AuthValues) => {
      const sent = given ?? valuesRef.current;
      // Synchronous up to the popup: flow.start opens it before anything awaits.
      const done = flow.start({ authType: requested, values: sent, app });
      void done.then((final) => {
        if (final.status !== 'connected') return;
        setValues({});
        onConnectedRef.current?.();
      });
      return done;
    },
    [flow, requested, app],
  );

  const setValue = useCallback((name: string, value: AuthValues[string]) => {
    setValues((current) => ({ ...current, [name]: value }));
  }, []);

  return {
    status: state.status,
    isConnecting: isConnecting(state.status),
    error: state.error,
    fieldErrors: state.fieldErrors,
    authType,
    app,
    fields: authFieldsOf(app, authType),
    values,
    setValue,
    connect,
    cancel: flow.cancel,
    reset: flow.reset,
  };
}
