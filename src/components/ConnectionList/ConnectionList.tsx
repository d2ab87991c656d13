import { forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import { useApplication } from '../../react/useApplication.js';
import { useConnections } from '../../react/useConnections.js';
import { ConnectButton } from '../ConnectButton/index.js';
import { DisconnectButton } from '../DisconnectButton/index.js';
import { connectionText, itemState } from '../shared/connection.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import type { WithRootProps } from '../shared/props.js';
import { useMessages } from '../shared/useMessages.js';

interface ConnectionListOwnProps {
  /** The app whose connections to list, e.g. `"slack"`. */
  slug: string;
  /**
   * Offers "Add another {app} account" (a new connection beside the others) once the app has one. Turn it
   * off for apps your product connects only once. @defaultValue true
   */
  addAccount?: boolean;
  /**
   * Called when one of the list's flows ends connected: with the `connectionId` of a reconnected account;
   * with none for an added one (its id is in the app's data once refetched).
   */
  onConnected?: (connectionId?: string) => void;
  /** Extra class on the root. */
  className?: string;
}

/** Props of {@link ConnectionList}: its own, plus any attribute of the root `<div>`. */
export type ConnectionListProps = WithRootProps<ConnectionListOwnProps, HTMLAttributes<HTMLDivElement>>;

/**
 * Every connection of one app (an app may have several: one per account at the provider), each with its
 * label (who is connected) and state, "Reconnect" for one that needs it (signed in again in place: same
 * connection, same config) and "Disconnect" for that one alone; then "Add another {app} account". State
 * in `data-state="loading|error|empty|ready"`, each item's in `data-state="active|expired|unknown"` with
 * `data-attention` when it needs the customer. The `ref` points at the root `<div>`.
 *
 * @example
 * <ConnectionList slug="slack" />
 */
export const ConnectionList = forwardRef<HTMLDivElement, ConnectionListProps>(function ConnectionList(
  { slug, addAccount = true, onConnected, className, ...rest },
  ref,
) {
  const { t, locale } = useMessages('ConnectionList');
  const { data: app } = useApplication(slug);
  const { data: connections, error, refetch } = useConnections(slug);
  const name = app?.name ?? slug;
  const state = connections ? (connections.length ? 'ready' : 'empty') : error ? 'error' : 'loading';
  // Older servers send no connection ids: a single connection can still be removed as the app's.
  const alone = connections?.length === 1;

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('refold-connection-list refold-root', className)}
      data-state={state}
    >
      {state === 'loading' && (
        <p role="status">
          <span className="refold-spinner" aria-hidden="true" /> {t('common.loading')}
        </p>
      )}
      {state === 'error' && (
        <ErrorState component="ConnectionList" error={error} onRetry={() => void refetch()} />
      )}
      {state === 'empty' && (
        <p className="refold-connection-list__empty">{t('connectionList.empty', { name })}</p>
      )}
      {connections && connections.length > 0 && (
        <ul className="refold-connection-list__items" aria-label={t('connectionList.label', { name })}>
          {connections.map((connection, index) => (
            <li
              key={connection.connectionId ?? index}
              className="refold-connection-list__item"
              data-state={connection.state}
              data-attention={connection.needsAttention ? '' : undefined}
            >
              <span className="refold-connection-list__label">
                {connectionText(itemState(connection), connection.account, t, locale)}
              </span>
              <span className="refold-connection-list__actions">
                {connection.needsAttention && connection.connectionId !== undefined && (
                  <ConnectButton
                    slug={slug}
                    connectionId={connection.connectionId}
                    onConnected={() => onConnected?.(connection.connectionId)}
                  />
                )}
                {(connection.connectionId !== undefined || alone) && (
                  <DisconnectButton slug={slug} connectionId={connection.connectionId} />
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {addAccount && state === 'ready' && (
        <ConnectButton slug={slug} addAccount onConnected={() => onConnected?.()} />
      )}
    </div>
  );
});
