import { forwardRef } from 'react';
import type { ForwardedRef, HTMLAttributes, ReactNode } from 'react';
import type { AppHealth } from '../../core/health.js';
import type { Application } from '../../core/types.js';
import { formatRelativeTime } from '../../i18n/format.js';
import { statusLabel } from '../ExecutionList/StatusBadge.js';
import { ConnectionList } from '../ConnectionList/index.js';
import { ConnectionStatus } from '../ConnectionStatus/index.js';
import { useConnectionState } from '../shared/connection.js';
import type { ConnectionState } from '../shared/connection.js';
import { AppIcon } from '../shared/AppIcon.js';
import { cx } from '../shared/cx.js';
import { ErrorState } from '../shared/ErrorState.js';
import type { WithRootProps } from '../shared/props.js';
import { useMessages } from '../shared/useMessages.js';

interface AppCardOwnProps {
  /**
   * Shows this connection state as it is and subscribes to nothing (the cheap form for long lists: one
   * badge, also for an app with several connections). Without it the card follows the app's data and its
   * connect flow, and names each of the app's connections.
   */
  status?: ConnectionState;
  /** An action at the end of the card, e.g. a `ConnectButton`. */
  action?: ReactNode;
  /**
   * The app's health (from `useConnectionHealth`): shows its last run's status and time, and "Needs
   * attention" (with `data-attention` on the card) when a connection expired or the last run failed.
   */
  health?: AppHealth;
  /**
   * Lists each of the app's connections under the card, with its label and its own Reconnect and
   * Disconnect, and "Add another account" (`ConnectionList`). @defaultValue false
   */
  connections?: boolean;
  /** Extra class on the card. */
  className?: string;
}

/**
 * Props of {@link AppCard}: the app's `slug` (its data is loaded), or the `app` itself, or both; plus any
 * attribute of the root `<div>`.
 */
export type AppCardProps = WithRootProps<AppCardOwnProps, HTMLAttributes<HTMLDivElement>> &
  ({ slug: string; app?: Application } | { app: Application; slug?: string });

type RootAttributes = Omit<HTMLAttributes<HTMLDivElement>, 'children'> & {
  rootRef: ForwardedRef<HTMLDivElement>;
  action?: ReactNode;
  health?: AppHealth;
  connections?: boolean;
};

/**
 * One app of the catalog: icon (initials when the icon is missing or not allowed), name, description
 * (clamped by CSS), categories, connection status and an optional action. Server text is shown as text.
 * State in `data-state="connected|expired|disconnected|connecting"` (`loading` while the app loads). The
 * `ref` points at the root `<div>`.
 *
 * @example
 * <AppCard slug="hubspot" action={<ConnectButton slug="hubspot" />} />
 */
export const AppCard = forwardRef<HTMLDivElement, AppCardProps>(function AppCard(
  { status, slug, app, ...rest },
  ref,
) {
  if (status && app) return <AppCardView {...rest} rootRef={ref} app={app} state={status} summary />;
  return <TrackedAppCard {...rest} rootRef={ref} slug={slug ?? app?.slug ?? ''} app={app} status={status} />;
});

function TrackedAppCard({
  slug,
  app: given,
  status,
  ...rest
}: RootAttributes & { slug: string; app: Application | undefined; status: ConnectionState | undefined }) {
  const { t } = useMessages('AppCard');
  const { app, state, error, retry } = useConnectionState(slug, given);
  if (app) return <AppCardView {...rest} app={app} state={status ?? state} summary={status !== undefined} />;
  const { rootRef, action: _action, health: _health, connections: _list, className, ...attributes } = rest;
  return (
    <div
      {...attributes}
      ref={rootRef}
      className={cx('refold-app-card', 'refold-root', className)}
      data-state={error ? 'error' : 'loading'}
    >
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
  health,
  connections = false,
  className,
  rootRef,
  summary = false,
  ...attributes
}: RootAttributes & { app: Application; state: ConnectionState; summary?: boolean }) {
  return (
    <div
      {...attributes}
      ref={rootRef}
      className={cx('refold-app-card', 'refold-root', className)}
      data-state={state}
      data-attention={health?.needsAttention ? '' : undefined}
    >
      <AppIcon name={app.name} src={app.icon} className="refold-app-card__icon" />
      <div className="refold-app-card__body">
        <span className="refold-app-card__name">{app.name}</span>
        {app.tags?.map((tag, index) => (
          <span key={index} className="refold-app-card__tag refold-badge">
            {tag}
          </span>
        ))}
        {app.description && <span className="refold-app-card__description">{app.description}</span>}
        {health && <HealthLine health={health} />}
      </div>
      <ConnectionStatus
        app={app}
        status={state}
        summary={summary || connections}
        className="refold-app-card__status"
      />
      {action && <div className="refold-app-card__action">{action}</div>}
      {connections && <ConnectionList slug={app.slug} className="refold-app-card__connections" />}
    </div>
  );
}

/** The last run's status and time, and "Needs attention" when the app needs it. */
function HealthLine({ health }: { health: AppHealth }) {
  const { t, locale } = useMessages('AppCard');
  const run = health.lastRun;
  const status = run ? statusLabel(run.status, t) : '';
  return (
    <span className="refold-app-card__health">
      {health.needsAttention && (
        <span className="refold-badge refold-app-card__attention">
          {t('connectionStatus.needsAttention')}
        </span>
      )}
      {run
        ? t('connectionStatus.lastRun', {
            status,
            time: run.createdAt ? formatRelativeTime(run.createdAt, locale) : '',
          })
        : t('connectionStatus.noRuns')}
    </span>
  );
}
