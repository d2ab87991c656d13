import type { ReactNode } from 'react';
import type { Application } from '../../core/types.js';
import { ConnectionStatus } from '../ConnectionStatus/index.js';
import { useConnectionState } from '../shared/connection.js';
import type { ConnectionState } from '../shared/connection.js';
import { AppIcon } from '../shared/AppIcon.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import { useMessages } from '../shared/useMessages.js';

interface AppCardBaseProps {
  /**
   * Shows this connection state as it is and subscribes to nothing (the cheap form for long lists).
   * Without it the card follows the app's data and its connect flow.
   */
  status?: ConnectionState;
  /** An action at the end of the card, e.g. a `ConnectButton`. */
  action?: ReactNode;
  /** Extra class on the card. */
  className?: string;
}

/** Props of {@link AppCard}: the app's `slug` (its data is loaded), or the `app` itself, or both. */
export type AppCardProps = AppCardBaseProps &
  ({ slug: string; app?: Application } | { app: Application; slug?: string });

/**
 * One app of the catalog: icon (initials when the icon is missing or not allowed), name, description
 * (clamped by CSS), categories, connection status and an optional action. Server text is shown as text.
 * State in `data-state="connected|expired|disconnected|connecting"` (`loading` while the app loads).
 *
 * @example
 * <AppCard slug="hubspot" action={<ConnectButton slug="hubspot" />} />
 */
export function AppCard({ status, action, className, ...props }: AppCardProps) {
  if (status && props.app) {
    return <AppCardView app={props.app} state={status} action={action} className={className} />;
  }
  return (
    <TrackedAppCard
      slug={props.slug ?? props.app?.slug ?? ''}
      app={props.app}
      status={status}
      action={action}
      className={className}
    />
  );
}

function TrackedAppCard({
  slug,
  app: given,
  status,
  action,
  className,
}: {
  slug: string;
  app: Application | undefined;
  status: ConnectionState | undefined;
  action: ReactNode;
  className: string | undefined;
}) {
  const { t } = useMessages('AppCard');
  const { app, state, error, retry } = useConnectionState(slug, given);
  if (app) return <AppCardView app={app} state={status ?? state} action={action} className={className} />;
  return (
    <div className={cx('refold-app-card', 'refold-root', className)} data-state={error ? 'error' : 'loading'}>
      {error ? (
        <ErrorState component="AppCard" error={error} onRetry={retry} />
      ) : (
        <p role="status" className="refold-app-card__loading">
          <span className="refold-spinner" aria-hidden="true" /> {t('appCard.loading')}
        </p>
      )}
    </div>
  );
}

function AppCardView({
  app,
  state,
  action,
  className,
}: {
  app: Application;
  state: ConnectionState;
  action: ReactNode;
  className: string | undefined;
}) {
  return (
    <div className={cx('refold-app-card', 'refold-root', className)} data-state={state}>
      <AppIcon name={app.name} src={app.icon} className="refold-app-card__icon" />
      <div className="refold-app-card__body">
        <span className="refold-app-card__name">{app.name}</span>
        {app.tags?.map((tag, index) => (
          <span key={index} className="refold-app-card__tag refold-badge">
            {tag}
          </span>
        ))}
        {app.description && <span className="refold-app-card__description">{app.description}</span>}
      </div>
      <ConnectionStatus app={app} status={state} className="refold-app-card__status" />
      {action && <div className="refold-app-card__action">{action}</div>}
    </div>
  );
}
