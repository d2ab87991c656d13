import { QueryClient } from '@tanstack/react-query';
import { useContext, useEffect, useInsertionEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { DEFAULT_BASE_URL } from '../core/client.js';
import { RefoldError } from '../core/errors.js';
import type { FetchToken } from '../core/token.js';
import type { RefoldMessages } from '../i18n/catalog.js';
import { RefoldContext } from './context.js';
import type { RefoldContextValue } from './context.js';
import { refoldKeys } from './keys.js';
import { SessionStore } from './session.js';
import type { RefoldEvent } from './events.js';
import { takeRedirectResume } from './redirect.js';
import { sharedFlow } from './useConnect.js';

/** Props of {@link RefoldProvider}. */
export interface RefoldProviderProps {
  /**
   * Gets a session token from your backend (which calls Refold with its API key). May be an inline arrow
   * function: the provider always calls the latest one and never refetches because its identity changed.
   */
  fetchToken: FetchToken;
  /** Refold's API origin. @default 'https://app.refold.ai' */
  baseUrl?: string;
  /** Your app's QueryClient. @default a QueryClient of the provider's own */
  queryClient?: QueryClient;
  /**
   * Who the signed-in customer is, e.g. your user id. Changing it drops the cached token and that
   * customer's data before anything renders for the next one. @default 'default'
   */
  scope?: string;
  /**
   * Locale of the components' strings and dates (`en`, `es`, `fr`, `de`, `ja`; `es-MX` uses `es`). English
   * ships with the components; another locale's strings are loaded when first needed (English shows until
   * they arrive), unless you pass them as `messages` (see below). @default 'en'
   */
  locale?: string;
  /**
   * Strings over the locale's own: single ones (`{ 'common.retry': 'Retry' }`), or a whole catalog so the
   * first render (and a server render) is already in that language:
   * `import { es } from '@refold/react/locales/es'` then `locale="es" messages={es}`.
   */
  messages?: Partial<RefoldMessages>;
  /**
   * Receives `connected`, `disconnected`, `config-saved`, `workflow-toggled`, `error` and `response-warning`
   * (part of an answer left out, with its path) events. No token inside.
   */
  onEvent?: (event: RefoldEvent) => void;
  /** Your app. */
  children?: ReactNode;
}

function newQueryClient(): QueryClient {
  // Retries live in the core client (429 backoff, network retries of GETs, one replay after a 401).
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/**
 * Gives the hooks and components below it a Refold client for one customer. Nothing here touches
 * `window` during render, so it renders on the server too.
 *
 * @example
 * <RefoldProvider fetchToken={() => fetch('/api/refold/session').then((r) => r.json())} scope={user.id}>
 *   <Integrations />
 * </RefoldProvider>
 */
export function RefoldProvider(props: RefoldProviderProps): ReactNode {
  const { fetchToken, onEvent, children, locale = 'en', messages } = props;
  const scope = props.scope ?? 'default';
  const baseUrl = props.baseUrl ?? DEFAULT_BASE_URL;
  if (useContext(RefoldContext)) {
    throw new RefoldError(
      'invalid_argument',
      'RefoldProvider cannot be nested inside another RefoldProvider. Use one provider per customer; sibling ' +
        'providers with different scopes are fine.',
    );
  }
  if (typeof fetchToken !== 'function') {
    throw new RefoldError(
      'token',
      'RefoldProvider needs a fetchToken function that returns a session token from your backend, e.g. ' +
        "fetchToken={() => fetch('/api/refold/session').then((r) => r.json())}.",
    );
  }

  const [store] = useState(() => new SessionStore(fetchToken, onEvent));
  useInsertionEffect(() => store.setCallbacks(fetchToken, onEvent));

  const [ownQueryClient] = useState(newQueryClient);
  const queryClient = props.queryClient ?? ownQueryClient;
  // A new customer (or API) gets a new client with no token, in this very render.
  const session = store.session(scope, baseUrl);

  // Refetch on window focus and on reconnect, as under a QueryClientProvider (mounting is counted, so a host
  // provider mounting the same client is fine).
  useEffect(() => {
    queryClient.mount();
    return () => queryClient.unmount();
  }, [queryClient]);

  const previous = useRef(session);
  useEffect(() => {
    const old = previous.current;
    if (old === session) return;
    previous.current = session;
    // The previous customer's client stops for good: requests under way are aborted, and none of them can
    // be replayed after a 401 with the next customer's token.
    old.client.dispose();
    for (const shared of old.connectFlows.values()) {
      shared.flow.dispose();
      shared.draft.set({});
    }
    const oldKey = refoldKeys.all(old.scope);
    if (old.scope !== session.scope) {
      // The previous customer's data goes, with its requests under way.
      void queryClient.cancelQueries({ queryKey: oldKey });
      queryClient.removeQueries({ queryKey: oldKey });
    } else {
      // Same customer, another API: start the data afresh from the new one.
      void queryClient.resetQueries({ queryKey: oldKey });
    }
  }, [session, queryClient]);

  const value = useMemo<RefoldContextValue>(
    () => ({
      client: session.client,
      scope: session.scope,
      queryClient,
      locale,
      messages,
      emit: store.emit,
      connectFlows: session.connectFlows,
    }),
    [session, queryClient, locale, messages, store],
  );

  // The page came back from a full-page sign-in: its flow finishes by polling, as a popup's does.
  useEffect(() => {
    const resume = takeRedirectResume();
    if (!resume) return;
    const shared = sharedFlow(value, resume.slug, resume.connectionId);
    shared.mode = 'redirect';
    shared.resumed = true;
    void shared.flow.resume();
  }, [value]);

  return <RefoldContext.Provider value={value}>{children}</RefoldContext.Provider>;
}
