import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { AuthValues, RefoldClient } from '../core/client.js';
import type { ConnectFlow, ConnectMode } from '../core/connect.js';
import { RefoldError } from '../core/errors.js';
import type { RefoldMessages } from '../i18n/catalog.js';
import type { RefoldEvent } from './events.js';

/** Values typed for one app's connect, shared by its hooks, so a form that unmounts (collapsed) keeps them. */
export interface ConnectDraft {
  /** The values typed so far. */
  get(): AuthValues;
  /** Replaces them and tells the listeners. */
  set(values: AuthValues): void;
  /** Listens to changes; returns a function that stops listening. */
  subscribe(listener: () => void): () => void;
}

/** A connect flow shared by every `useConnect` of the same app under one provider. */
export interface SharedConnectFlow {
  /** The flow. */
  flow: ConnectFlow;
  /** The values typed for it: kept while any hook of the app is mounted, cleared once connected. */
  draft: ConnectDraft;
  /** Mounted hooks using it; the flow stops (and the draft is cleared) when the last one unmounts. */
  users: number;
  /** The app it connects. */
  slug: string;
  /** The mode of the latest start (for the funnel events). */
  mode: ConnectMode;
  /** Set while the flow resumes after a full-page sign-in (its start was counted before the page left). */
  resumed: boolean;
}

/**
 * The key of a shared connect flow in {@link RefoldContextValue.connectFlows}: one flow per app for a new
 * connection, and one per connection signed in again. @internal
 */
export function connectFlowKey(slug: string, connectionId?: string): string {
  return connectionId === undefined ? slug : `${slug}\u0000${connectionId}`;
}

/** A {@link ConnectDraft} in memory. @internal */
export function createConnectDraft(): ConnectDraft {
  let values: AuthValues = {};
  const listeners = new Set<() => void>();
  return {
    get: () => values,
    set(next) {
      values = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** What the provider shares with its hooks. It holds the client, never a token. */
export interface RefoldContextValue {
  /** The Refold client of the current customer. */
  client: RefoldClient;
  /** The customer's scope: the second element of every query key. */
  scope: string;
  /** The QueryClient the hooks use. */
  queryClient: QueryClient;
  /** Locale for components. */
  locale: string;
  /** The provider's `messages`: single strings, or a whole catalog, over the locale's own. */
  messages: Partial<RefoldMessages> | undefined;
  /** Sends an event to `onEvent`. */
  emit: (event: RefoldEvent) => void;
  /** Connect flows by {@link connectFlowKey}. */
  connectFlows: Map<string, SharedConnectFlow>;
}

/** @internal */
export const RefoldContext = createContext<RefoldContextValue | null>(null);
RefoldContext.displayName = 'RefoldContext';

/**
 * The provider's value; throws an error naming `hookName` when used outside `RefoldProvider`.
 * @internal
 */
export function useRefoldContext(hookName: string): RefoldContextValue {
  const value = useContext(RefoldContext);
  if (!value) {
    throw new RefoldError(
      'invalid_argument',
      `${hookName} must be used inside <RefoldProvider>. Wrap the part of your app that uses Refold in ` +
        '<RefoldProvider fetchToken={…}>.',
    );
  }
  return value;
}
