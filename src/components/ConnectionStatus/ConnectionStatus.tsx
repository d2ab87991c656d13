import { forwardRef } from 'react';
import type { ForwardedRef, HTMLAttributes } from 'react';
import { connectionOf } from '../../core/connections.js';
import type { Application, ConnectedAccount } from '../../core/types.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import { useMessages } from '../shared/useMessages.js';
import { connectionText, useConnectionState } from '../shared/connection.js';
import type { ConnectionState } from '../shared/connection.js';
import type { WithRootProps } from '../shared/props.js';

interface ConnectionStatusOwnProps {
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
 * `useApplications`), or both; plus any attribute of the root element (the badge's `<span>`, or the error's
 * `<div>`).
 */
export type ConnectionStatusProps = WithRootProps<ConnectionStatusOwnProps, HTMLAttributes<HTMLElement>> &
  ({ slug: string; app?: Application } | { app: Application; slug?: string });

type RootAttributes = Omit<HTMLAttributes<HTMLElement>, 'children'> & { rootRef: ForwardedRef<HTMLElement> };

/**
 * A badge with the customer's connection to one app: connected (naming the connected account when its
 * identifier says who, else its auth type and date), expired, not connected, a neutral `unknown` state
 * showing a connection status the library does not know, or connecting while a connect flow of that app
 * runs. Changes are announced politely. State in
 * `data-state="connected|expired|disconnected|unknown|connecting|loading"`. The `ref` points at the root.
 *
 * @example
 * <ConnectionStatus slug="hubspot" />
 */
export const ConnectionStatus = forwardRef<HTMLElement, ConnectionStatusProps>(function ConnectionStatus(
  { status, slug, app, ...rest },
  ref,
) {
  if (status) {
    const known = connectionOf(app);
    const account = known.state === status ? known.account : undefined;
    return <ConnectionBadge {...rest} rootRef={ref} state={status} account={account} />;
  }
  return <TrackedConnectionStatus {...rest} rootRef={ref} slug={slug ?? app?.slug ?? ''} app={app} />;
});

function TrackedConnectionStatus({
  slug,
  app,
  className,
  rootRef,
  ...rest
}: RootAttributes & { slug: string; app: Application | undefined }) {
  const connection = useConnectionState(slug, app);
  if (connection.error) {
    return (
      <ErrorState
        {...rest}
        // The root is the error's <div> here (the public ref type is HTMLElement).
        ref={rootRef as ForwardedRef<HTMLDivElement>}
        component="ConnectionStatus"
        error={connection.error}
        onRetry={connection.retry}
        className={cx('refold-connection-status', 'refold-root', className)}
      />
    );
  }
  return (
    <ConnectionBadge
      {...rest}
      rootRef={rootRef}
      className={className}
      state={connection.app ? connection.state : 'loading'}
      account={connection.account}
    />
  );
}

function ConnectionBadge({
  state,
  account,
  className,
  rootRef,
  ...rest
}: RootAttributes & { state: ConnectionState | 'loading'; account: ConnectedAccount | undefined }) {
  const { t, locale } = useMessages('ConnectionStatus');
  const text = connectionText(state, account, t, locale);
  return (
    <span
      {...rest}
      ref={rootRef}
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
