import type { Application } from '../../core/types.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import { useMessages } from '../shared/useMessages.js';
import { connectionOf, useConnectionState } from './connection.js';
import type { ConnectionState } from './connection.js';

interface ConnectionStatusBaseProps {
  /**
   * Shows this state as it is and subscribes to nothing: the cheap form for long lists, or to show a state
   * you track yourself. Without it the badge follows the app's data and its connect flow.
   */
  status?: ConnectionState;
  /** Extra class on the badge. */
  className?: string;
}

/**
 * Props of {@link ConnectionStatus}: the app's `slug` (its data is loaded), or the `app` itself (e.g. from
 * `useApplications`), or both.
 */
export type ConnectionStatusProps = ConnectionStatusBaseProps &
  ({ slug: string; app?: Application } | { app: Application; slug?: string });

/**
 * A badge with the customer's connection to one app: connected (with the connected account when known),
 * expired, not connected, or connecting while a connect flow of that app runs. Changes are announced
 * politely. State in `data-state="connected|expired|disconnected|connecting|loading"`.
 *
 * @example
 * <ConnectionStatus slug="hubspot" />
 */
export function ConnectionStatus({ status, className, ...props }: ConnectionStatusProps) {
  if (status) {
    const known = connectionOf(props.app);
    const identifier = known.state === status ? known.identifier : undefined;
    return <ConnectionBadge state={status} identifier={identifier} className={className} />;
  }
  return (
    <TrackedConnectionStatus
      slug={props.slug ?? props.app?.slug ?? ''}
      app={props.app}
      className={className}
    />
  );
}

function TrackedConnectionStatus({
  slug,
  app,
  className,
}: {
  slug: string;
  app: Application | undefined;
  className: string | undefined;
}) {
  const connection = useConnectionState(slug, app);
  if (connection.error) {
    return (
      <ErrorState
        component="ConnectionStatus"
        error={connection.error}
        onRetry={connection.retry}
        className={cx('refold-connection-status', 'refold-root', className)}
      />
    );
  }
  return (
    <ConnectionBadge
      state={connection.app ? connection.state : 'loading'}
      identifier={connection.identifier}
      className={className}
    />
  );
}

function ConnectionBadge({
  state,
  identifier,
  className,
}: {
  state: ConnectionState | 'loading';
  identifier: string | undefined;
  className: string | undefined;
}) {
  const { t } = useMessages('ConnectionStatus');
  let text: string;
  if (state === 'connected' && identifier) text = t('connectionStatus.connectedAs', { identifier });
  else if (state === 'expired' && identifier) text = t('connectionStatus.expiredAs', { identifier });
  else text = t(`connectionStatus.${state}`);
  return (
    <span
      className={cx('refold-connection-status', 'refold-badge', 'refold-root', className)}
      data-state={state}
      aria-live="polite"
      aria-atomic="true"
    >
      {(state === 'connecting' || state === 'loading') && (
        <span className="refold-spinner" aria-hidden="true" />
      )}
      {text}
    </span>
  );
}
