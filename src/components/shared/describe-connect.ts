import type { ConnectStatus } from '../../core/connect.js';
import { describeError } from './describe-error.js';
import type { Translator } from './useMessages.js';

/**
 * What to tell the user when a connect flow ended without a connection (`blocked`, `timeout`, `cancelled`,
 * `error`), or `undefined` for any other status. Shared by `ConnectButton` and `AuthForm`. @internal
 */
export function describeConnectFailure(
  status: ConnectStatus,
  error: unknown,
  name: string,
  t: Translator['t'],
): string | undefined {
  if (status === 'blocked') return t('connectButton.blocked');
  if (status === 'timeout') return t('connectButton.timeout', { name });
  if (status === 'cancelled') return t('connectButton.cancelled');
  if (status === 'error') return describeError(error, t);
  return undefined;
}

/** The label of a running flow's button, or `undefined` when none runs. @internal */
export function busyLabel(status: ConnectStatus, name: string, t: Translator['t']): string | undefined {
  if (status === 'opening') return t('connectButton.opening', { name });
  if (status === 'waiting') return t('connectButton.waiting', { name });
  if (status === 'saving') return t('connectButton.saving', { name });
  return undefined;
}
