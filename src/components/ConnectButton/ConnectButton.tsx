import { useId, useState } from 'react';
import { useApplication } from '../../react/useApplication.js';
import { useConnect } from '../../react/useConnect.js';
import type { UseConnectOptions } from '../../react/useConnect.js';
import { AuthForm } from '../AuthForm/index.js';
import { ErrorState } from '../shared/ErrorState.js';
import { cx } from '../shared/cx.js';
import { errorKind } from '../shared/describe-error.js';
import { useMessages } from '../shared/useMessages.js';
import { busyLabel, describeConnectFailure } from '../shared/describe-connect.js';

/**
 * Props of {@link ConnectButton}. The timing options (`timeoutMs`, `graceMs` …) apply to the flows this
 * button starts; a click while another component's flow for the app runs joins that flow as it is.
 */
export interface ConnectButtonProps extends UseConnectOptions {
  /** The app to connect, e.g. `"slack"`. */
  slug: string;
  /** Extra class on the root. */
  className?: string;
}

/**
 * Connects an app. OAuth apps: the click opens the provider's pop-up at once (synchronously, so pop-up
 * blockers allow it even when the session token is slow to come), then the button follows the flow:
 * waiting (with Cancel), connected, cancelled, pop-up blocked, timeout or error (each with a retry).
 * Machine-to-machine apps connect without a pop-up. Apps that need input (API keys, a Salesforce instance
 * URL) reveal their `AuthForm` below the button. Every change is announced; `data-state` is the
 * flow's status. The button works before the app's data has arrived (that is what lets the pop-up open
 * while a slow session token is still coming); until then OAuth is assumed, so pass `authType="keybased"`
 * for a key-based app whose data may not be cached yet.
 *
 * @example
 * <ConnectButton slug="slack" onConnected={() => toast('Slack connected')} />
 */
export function ConnectButton({ slug, className, onConnected, ...options }: ConnectButtonProps) {
  const { t } = useMessages('ConnectButton');
  const application = useApplication(slug);
  const { app, authType, fields, status, error, connect, cancel } = useConnect(slug, {
    ...options,
    onConnected,
  });
  const [expanded, setExpanded] = useState(false);
  const formId = useId();
  const messageId = useId();
  const name = app?.name ?? slug;
  const needsInput = fields.length > 0 || authType === 'keybased';
  const busy = busyLabel(status, name, t);
  const failure = needsInput ? undefined : describeConnectFailure(status, error, name, t);
  const waiting = status === 'opening' || status === 'waiting';

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
            {t('connectButton.connect', { name })}
          </button>
        )}
        {/* The button's own useConnect reports the connection (flows are shared per app). */}
        <div id={formId} className="refold-connect-button__form" hidden={!expanded || status === 'connected'}>
          {expanded && <AuthForm slug={slug} authType={authType} />}
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
            {busy ??
              (failure && status !== 'cancelled' ? t('common.retry') : t('connectButton.connect', { name }))}
          </button>
          {waiting && (
            <button type="button" className="refold-button" data-variant="secondary" onClick={cancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </>
    );
  }

  return (
    <div
      className={cx('refold-connect-button refold-root', className)}
      data-state={status}
      data-auth-type={app ? authType : undefined}
      data-loading={!app && application.isPending ? '' : undefined}
    >
      {body}
      <p className="refold-visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
