import { forwardRef, useId, useState } from 'react';
import type { HTMLAttributes } from 'react';
import type { ConnectStatus } from '../../core/connect.js';
import { useApplication } from '../../react/useApplication.js';
import { useConnect } from '../../react/useConnect.js';
import type { UseConnectOptions } from '../../react/useConnect.js';
import { AuthForm } from '../AuthForm/index.js';
import { ErrorState } from '../shared/ErrorState.js';
import { splitTiming } from '../shared/connect-timing.js';
import { cx } from '../shared/cx.js';
import { errorKind } from '../shared/describe-error.js';
import type { WithRootProps } from '../shared/props.js';
import { useMessages } from '../shared/useMessages.js';
import { busyLabel, describeConnectFailure } from '../shared/describe-connect.js';

interface ConnectButtonOwnProps extends UseConnectOptions {
  /** The app to connect, e.g. `"slack"`. */
  slug: string;
  /**
   * Labels the button "Add another {app} account" (a new connection beside the app's others) instead of
   * "Connect {app}". Ignored with `connectionId` ("Reconnect {app}"). @defaultValue false
   */
  addAccount?: boolean;
  /** Extra class on the root. */
  className?: string;
}

/**
 * Props of {@link ConnectButton}: its own, plus any attribute of the root `<div>`. The timing options
 * (`timeoutMs`, `graceMs` …) apply to the flows this button starts; a click while another component's flow
 * for the app runs joins that flow as it is.
 */
export type ConnectButtonProps = WithRootProps<ConnectButtonOwnProps, HTMLAttributes<HTMLDivElement>>;

/**
 * The documented `data-state` of a connect flow's status: `connecting` while it runs, `connected`, `error`
 * when it ended without a connection for a reason to show (pop-up blocked, timeout, error), else
 * `disconnected` (not started, or cancelled by the user).
 */
function dataState(
  status: ConnectStatus,
  isConnecting: boolean,
): 'connected' | 'disconnected' | 'connecting' | 'error' {
  if (status === 'connected') return 'connected';
  if (isConnecting) return 'connecting';
  if (status === 'blocked' || status === 'timeout' || status === 'error') return 'error';
  return 'disconnected';
}

/**
 * Connects an app. OAuth apps: the click opens the provider's pop-up at once (synchronously, so pop-up
 * blockers allow it even when the session token is slow to come), then the button follows the flow:
 * waiting (with Cancel), connected, cancelled, pop-up blocked, timeout or error (each with a retry). A
 * blocked pop-up also offers "Continue in this tab" (a full-page sign-in that comes back and finishes here;
 * `mode="popup"` leaves it out); `mode="redirect"` always signs in with the whole page.
 * Machine-to-machine apps connect without a pop-up. Apps that need input (API keys, a Salesforce instance
 * URL) reveal their `AuthForm` below the button. Every change is announced. State in
 * `data-state="connected|disconnected|connecting|error"`, and the flow's exact status in `data-status`
 * (`idle | opening | waiting | saving | connected | cancelled | blocked | timeout | error`); a flow that ended
 * `connected` shows as `idle` once the app's data says it was disconnected since. The `ref` points
 * at the root `<div>`. The button works before the app's data has arrived (that is what lets the pop-up open
 * while a slow session token is still coming); until then OAuth is assumed, so pass `authType="keybased"`
 * for a key-based app whose data may not be cached yet.
 *
 * @example
 * <ConnectButton slug="slack" onConnected={() => toast('Slack connected')} />
 */
export const ConnectButton = forwardRef<HTMLDivElement, ConnectButtonProps>(function ConnectButton(
  {
    slug,
    className,
    onConnected,
    authType: requested,
    connectionId,
    mode,
    returnTo,
    addAccount = false,
    ...props
  },
  ref,
) {
  const { t } = useMessages('ConnectButton');
  const application = useApplication(slug);
  const [timing, rest] = splitTiming(props);
  const [expanded, setExpanded] = useState(false);
  const flow = useConnect(slug, {
    ...timing,
    authType: requested,
    connectionId,
    mode,
    returnTo,
    onConnected: () => {
      // Folded away once connected: a later "connect again" starts from the button, not a stale form.
      setExpanded(false);
      onConnected?.();
    },
  });
  const { status, app, authType, fields, isConnecting, error, connect, cancel, canRedirect } = flow;
  const formId = useId();
  const messageId = useId();
  const name = app?.name ?? slug;
  const needsInput = fields.length > 0 || authType === 'keybased';
  const busy = busyLabel(status, name, t);
  const failure = needsInput
    ? undefined
    : canRedirect
      ? t('connectButton.blockedRedirect', { name })
      : describeConnectFailure(status, error, name, t);
  const waiting = status === 'opening' || status === 'waiting';
  const label =
    connectionId !== undefined
      ? t('connectButton.reconnect', { name })
      : t(addAccount ? 'connectButton.addAccount' : 'connectButton.connect', { name });

  let announcement = '';
  if (status === 'connected') announcement = t('connectButton.connectedTo', { name });
  else if (busy && !needsInput) announcement = waiting ? `${busy} ${t('connectButton.waitingHelp')}` : busy;

  const connected = <p className="refold-connect-button__connected">{t('connectButton.connected')}</p>;
  let body;
  if (needsInput) {
    body = (
      <>
        {status === 'connected' ? (
          connected
        ) : (
          <button
            type="button"
            className="refold-button"
            aria-expanded={expanded}
            aria-controls={formId}
            onClick={() => setExpanded(!expanded)}
          >
            {label}
          </button>
        )}
        {/* The button's own useConnect reports the connection (flows are shared per app). */}
        <div id={formId} className="refold-connect-button__form" hidden={!expanded || status === 'connected'}>
          {expanded && <AuthForm slug={slug} authType={authType} connectionId={connectionId} />}
        </div>
      </>
    );
  } else if (status === 'connected') {
    body = connected;
  } else if (!app && application.error && status === 'idle') {
    body = (
      <ErrorState
        error={application.error}
        onRetry={() => void application.refetch()}
        component="ConnectButton"
      />
    );
  } else {
    body = (
      <>
        {failure && (
          <div className="refold-error" role="alert" data-error={errorKind(error)}>
            <p id={messageId}>{failure}</p>
          </div>
        )}
        <div className="refold-connect-button__actions">
          <button
            type="button"
            className="refold-button"
            aria-describedby={failure ? messageId : undefined}
            // Synchronous up to the pop-up: no await before connect(). A click while a flow runs focuses it.
            onClick={() => void connect()}
          >
            {busy && <span className="refold-spinner" aria-hidden="true" />}
            {busy ?? (failure && status !== 'cancelled' ? t('common.retry') : label)}
          </button>
          {waiting && (
            <button type="button" className="refold-button" data-variant="secondary" onClick={cancel}>
              {t('common.cancel')}
            </button>
          )}
          {canRedirect && (
            <button
              type="button"
              className="refold-button"
              data-variant="secondary"
              aria-describedby={messageId}
              onClick={() => void flow.redirect()}
            >
              {t('connectButton.redirect')}
            </button>
          )}
        </div>
      </>
    );
  }

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('refold-connect-button refold-root', className)}
      data-state={dataState(status, isConnecting)}
      data-status={status}
      data-auth-type={app ? authType : undefined}
      data-loading={!app && application.isPending ? '' : undefined}
    >
      {body}
      <p className="refold-visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
});
