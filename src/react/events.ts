import type { RefoldError } from '../core/errors.js';
import type { AuthType } from '../core/types.js';

/**
 * What `RefoldProvider`'s `onEvent` receives: the hook for analytics and logging. No event ever carries a
 * token or a typed secret.
 */
export type RefoldEvent =
  | { type: 'connected'; slug: string; authType: AuthType }
  /** A connection signed in again in place (`useConnect(slug, { connectionId })`): same id, same config. */
  | { type: 'reconnected'; slug: string; authType: AuthType; connectionId: string }
  | { type: 'disconnected'; slug: string; authType?: AuthType; connectionId?: string }
  | { type: 'config-saved'; slug: string; configId: string | undefined }
  | { type: 'workflow-toggled'; slug: string; workflowId: string; enabled: boolean }
  | { type: 'error'; error: RefoldError; route?: string; slug?: string }
  /**
   * Part of a successful answer was left out to keep the rest (an app, a run, a field of an unexpected
   * shape): where (`path`, e.g. `$[3].slug`) and what was expected. Never a value of the answer.
   */
  | { type: 'response-warning'; route: string; path: string; message: string };
