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
  if (status === 'error') return describeError(error, t);
  return status === 'blocked' || status === 'timeout' || status === 'cancelled'
    ? t(`connectButton.${status}`, { name })
    : undefined;
}

/** The label of a running flow's button, or `undefined` when none runs. @internal */
export function busyLabel(status: ConnectStatus, name: string, t: Translator['t']): string | undefined {
  return status === 'opening' || status === 'waiting' || status === 'saving'
    ? t(`connectButton.${status}`, { name })
    : undefined;
}
