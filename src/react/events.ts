import type { RefoldError } from '../core/errors.js';
import type { AuthType } from '../core/types.js';

/**
 * What `RefoldProvider`'s `onEvent` receives: the hook for analytics and logging. No event ever carries a
 * token or a typed secret.
 */
export type RefoldEvent =
  | { type: 'connected'; slug: string; authType: AuthType }
  | { type: 'disconnected'; slug: string; authType?: AuthType }
  | { type: 'config-saved'; slug: string; configId: string }
  | { type: 'workflow-toggled'; slug: string; workflowId: string; enabled: boolean }
  | { type: 'error'; error: RefoldError; route?: string; slug?: string };
