import { createRefoldClient } from '../core/client.js';
import type { RefoldClient } from '../core/client.js';
import { RefoldAbortError } from '../core/errors.js';
import type { FetchToken } from '../core/token.js';
import type { SharedConnectFlow } from './context.js';
import type { RefoldEvent } from './events.js';

/** The client of one customer at one API, and what hangs off it. @internal */
export interface Session {
  client: RefoldClient;
  scope: string;
  baseUrl: string;
  connectFlows: Map<string, SharedConnectFlow>;
}

/**
 * What a `RefoldProvider` keeps across renders: the latest callbacks (called through, so a new
 * `fetchToken` identity never recreates anything) and the current session, recreated only when the
 * customer (`scope`) or the API (`baseUrl`) changes. @internal
 */
export class SessionStore {
  #fetchToken: FetchToken;
  #onEvent: ((event: RefoldEvent) => void) | undefined;
  #session: Session | undefined;

  constructor(fetchToken: FetchToken, onEvent: ((event: RefoldEvent) => void) | undefined) {
    this.#fetchToken = fetchToken;
    this.#onEvent = onEvent;
  }

  /** Points at the latest callbacks. */
  setCallbacks(fetchToken: FetchToken, onEvent: ((event: RefoldEvent) => void) | undefined): void {
    this.#fetchToken = fetchToken;
    this.#onEvent = onEvent;
  }

  /** Sends an event to the latest `onEvent`. */
  readonly emit = (event: RefoldEvent): void => {
    this.#onEvent?.(event);
  };

  /** The session for `scope` at `baseUrl`: the current one, or a new one with no token. */
  session(scope: string, baseUrl: string): Session {
    const current = this.#session;
    if (current && current.scope === scope && current.baseUrl === baseUrl) return current;
    const next: Session = {
      scope,
      baseUrl,
      connectFlows: new Map(),
      client: createRefoldClient({
        baseUrl,
        // Only the current session may ask for a token: once the customer changed, the previous session's
        // client is never given the next customer's token (its requests are disposed of as well).
        fetchToken: (context) => {
          if (this.#session !== next) {
            throw new RefoldAbortError('The customer changed: no token is fetched for the previous one.');
          }
          return this.#fetchToken(context);
        },
        onError: (error, { route }) => this.emit({ type: 'error', error, route }),
        onWarning: (warning) => this.emit({ type: 'response-warning', ...warning }),
      }),
    };
    this.#session = next;
    return next;
  }
}
