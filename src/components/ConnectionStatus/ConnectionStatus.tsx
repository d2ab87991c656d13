import { connectionOf } from '../../core/connections.js';
import type { Application, ConnectedAccount } from '../../core/types.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import { useMessages } from '../shared/useMessages.js';
import { connectionText, useConnectionState } from '../shared/connection.js';
import type { ConnectionState } from '../shared/connection.js';

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
 * A badge with the customer's connection to one app: connected (naming the connected account when its
 * identifier says who, else its auth type and date), expired, not connected, a neutral `unknown` state
 * showing a connection status the library does not know, or connecting while a connect flow of that app
 * runs. Changes are announced politely. State in
 * `data-state="connected|expired|disconnected|unknown|connecting|loading"`.
 *
 * @example
 * <ConnectionStatus slug="hubspot" />
 */
export function ConnectionStatus({ status, className, ...props }: ConnectionStatusProps) {
  if (status) {
    const known = connectionOf(props.app);
    const account = known.state === status ? known.account : undefined;
    return <ConnectionBadge state={status} account={account} className={className} />;
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
      account={connection.account}
      className={className}
    />
  );
}

function ConnectionBadge({
  state,
  account,
  className,
}: {
  state: ConnectionState | 'loading';
  account: ConnectedAccount | undefined;
  className: string | undefined;
}) {
  const { t, locale } = useMessages('ConnectionStatus');
  const text = connectionText(state, account, t, locale);
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
