import { Fragment, forwardRef } from 'react';
import type { ForwardedRef, HTMLAttributes } from 'react';
import { connectionOf, connectionsOf } from '../../core/connections.js';
import type { Application, ConnectedAccount } from '../../core/types.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import { useMessages } from '../shared/useMessages.js';
import { connectionText, itemState, useConnectionState } from '../shared/connection.js';
import type { ConnectionState } from '../shared/connection.js';
import type { WithRootProps } from '../shared/props.js';

interface ConnectionStatusOwnProps {
  /**
   * Shows this state as it is and subscribes to nothing: the cheap form for long lists, or to show a state
   * you track yourself. Without it the badge follows the app's data and its connect flow.
   */
  status?: ConnectionState;
  /**
   * One badge for the app even when it has several connections (e.g. beside a `ConnectionList` that names
   * each). @defaultValue false
   */
  summary?: boolean;
  /** Extra class on the badge (on the list, for an app with several connections). */
  className?: string;
}

/**
 * Props of {@link ConnectionStatus}: the app's `slug` (its data is loaded), or the `app` itself (e.g. from
 * `useApplications`), or both; plus any attribute of the root element (the badge's `<span>`, the list's
 * `<span role="list">`, or the error's `<div>`).
 */
export type ConnectionStatusProps = WithRootProps<ConnectionStatusOwnProps, HTMLAttributes<HTMLElement>> &
  ({ slug: string; app?: Application } | { app: Application; slug?: string });

type RootAttributes = Omit<HTMLAttributes<HTMLElement>, 'children'> & { rootRef: ForwardedRef<HTMLElement> };

/**
 * A badge with the customer's connection to one app: connected (naming the connected account when its
 * identifier says who, else its auth type and date), expired, not connected, a neutral `unknown` state
 * showing a connection status the library does not know, or connecting while a connect flow of that app
 * runs. An app with several connections gets one badge per connection, each with its label and state, in a
 * list named "{app} accounts" (`summary` keeps one badge). Changes are announced politely. State in
 * `data-state="connected|expired|disconnected|unknown|connecting|loading"` (the app's, on the list too). The
 * `ref` points at the root: one element, the live region, whether it shows one badge or the list (an app
 * that gets a second connection keeps it; only an error that leaves no data replaces it).
 *
 * @example
 * <ConnectionStatus slug="hubspot" />
 */
export const ConnectionStatus = forwardRef<HTMLElement, ConnectionStatusProps>(function ConnectionStatus(
  { status, slug, app, ...rest },
  ref,
) {
  if (status) return <ConnectionBadges {...rest} rootRef={ref} state={status} app={app} />;
  return <TrackedConnectionStatus {...rest} rootRef={ref} slug={slug ?? app?.slug ?? ''} app={app} />;
});

function TrackedConnectionStatus({
  slug,
  app,
  summary,
  className,
  rootRef,
  ...rest
}: RootAttributes & { slug: string; app: Application | undefined; summary?: boolean }) {
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
    <ConnectionBadges
      {...rest}
      rootRef={rootRef}
      className={className}
      summary={summary}
      state={connection.app ? connection.state : 'loading'}
      app={connection.app}
    />
  );
}

const BADGE = 'refold-connection-status refold-badge refold-root';

/**
 * The app's badge; or, for an app with several connections whose `state` is the one its data tells, a
 * list of badges, one per connection. Both shapes share one root element, the polite live region: when a
 * second connection turns the badge into a list, the `ref` keeps its target and the change is announced.
 */
function ConnectionBadges({
  state,
  app,
  summary = false,
  className,
  rootRef,
  ...rest
}: RootAttributes & {
  state: ConnectionState | 'loading';
  app: Application | undefined;
  summary?: boolean;
}) {
  const { t } = useMessages('ConnectionStatus');
  const known = connectionOf(app);
  const items = !summary && app && state === known.state ? connectionsOf(app) : [];
  const list = items.length > 1;
  return (
    <span
      {...rest}
      {...(list && { role: 'list', 'aria-label': t('connectionList.label', { name: app?.name ?? '' }) })}
      ref={rootRef}
      aria-live="polite"
      aria-atomic
      className={cx(list ? 'refold-root' : BADGE, className)}
      data-state={state}
    >
      {list ? (
        items.map((item, index) => (
          <Fragment key={item.connectionId ?? index}>
            {index > 0 && ' '}
            <span role="listitem" className={BADGE} data-state={itemState(item)}>
              <BadgeText state={itemState(item)} account={item.account} />
            </span>
          </Fragment>
        ))
      ) : (
        <BadgeText state={state} account={state === known.state ? known.account : undefined} />
      )}
    </span>
  );
}

/** What a badge says, with a spinner while something loads or connects. */
function BadgeText({
  state,
  account,
}: {
  state: ConnectionState | 'loading';
  account: ConnectedAccount | undefined;
}) {
  const { t, locale } = useMessages('ConnectionStatus');
  return (
    <>
      {(state === 'connecting' || state === 'loading') && (
        <span className="refold-spinner" aria-hidden="true" />
      )}
      {connectionText(state, account, t, locale)}
    </>
  );
}
