import type { RefoldError } from '../core/errors.js';
import type { ConnectMode } from '../core/connect.js';
import type { AuthType } from '../core/types.js';

/**
 * What `RefoldProvider`'s `onEvent` receives: the hook for analytics and logging. No event ever carries a
 * token or a typed secret.
 */
export type RefoldEvent =
  /** A new connection. `durationMs`: from the start of the sign-in. */
  | { type: 'connected'; slug: string; authType: AuthType; mode: ConnectMode; durationMs: number }
  /** A connection signed in again in place (`useConnect(slug, { connectionId })`): same id, same config. */
  | {
      type: 'reconnected';
      slug: string;
      authType: AuthType;
      mode: ConnectMode;
      durationMs: number;
      connectionId: string;
    }
  /** A sign-in started (a popup opened, a redirect began, credentials went out). */
  | { type: 'auth-start'; slug: string; authType: AuthType; mode: ConnectMode; connectionId?: string }
  /** A sign-in ended without a connection: popup blocked, cancelled (or closed), or too slow. */
  | {
      type: 'auth-blocked' | 'auth-cancelled' | 'auth-timeout';
      slug: string;
      authType: AuthType;
      mode: ConnectMode;
      connectionId?: string;
      durationMs: number;
    }
  /** `ConnectDialog` opened (on one app, when it opens on one). */
  | { type: 'open'; slug?: string; connectionId?: string }
  /** An app was picked in `ConnectDialog`; `durationMs` since the dialog opened. */
  | { type: 'select-app'; slug: string; durationMs: number }
  | { type: 'disconnected'; slug: string; authType?: AuthType; connectionId?: string }
  | { type: 'config-saved'; slug: string; configId: string | undefined }
  | { type: 'workflow-toggled'; slug: string; workflowId: string; enabled: boolean }
  | { type: 'error'; error: RefoldError; route?: string; slug?: string }
  /**
   * Part of a successful answer was left out to keep the rest (an app, a run, a field of an unexpected
   * shape): where (`path`, e.g. `$[3].slug`) and what was expected. Never a value of the answer.
   */
  | { type: 'response-warning'; route: string; path: string; message: string };
