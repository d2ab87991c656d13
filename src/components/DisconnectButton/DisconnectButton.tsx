import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { AuthType } from '../../core/types.js';
import { useApplication } from '../../react/useApplication.js';
import { useDisconnect } from '../../react/useDisconnect.js';
import { cx } from '../shared/cx.js';
import { describeError, errorKind } from '../shared/describe-error.js';
import { useMessages } from '../shared/useMessages.js';

/** Props of {@link DisconnectButton}. */
export interface DisconnectButtonProps {
  /** The app to disconnect, e.g. `"slack"`. */
  slug: string;
  /** Only this kind of connection. @default all of the app's connections */
  authType?: AuthType;
  /** Called once the app is disconnected. */
  onDisconnected?: () => void;
  /** Extra class on the root. */
  className?: string;
}

/**
 * Disconnects an app after an inline confirmation: the button reveals a question with Disconnect and
 * Cancel (focused first; Escape cancels and returns focus to the button), shows the request pending, an
 * error with a retry, and announces the result. `data-state`: `idle | confirming | pending | error |
 * disconnected`.
 *
 * @example
 * <DisconnectButton slug="slack" onDisconnected={() => toast('Slack disconnected')} />
 */
export function DisconnectButton({ slug, authType, onDisconnected, className }: DisconnectButtonProps) {
  const { t } = useMessages('DisconnectButton');
  const { data: app } = useApplication(slug);
  const disconnect = useDisconnect(slug);
  const [confirming, setConfirming] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const errorId = useId();
  const name = app?.name ?? slug;

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  function close() {
    setConfirming(false);
    triggerRef.current?.focus();
  }

  function confirm() {
    if (disconnect.isPending) return;
    disconnect.mutate(authType ? { authType } : {}, {
      onSuccess: () => {
        close();
        onDisconnected?.();
      },
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  }

  let state = 'idle';
  if (disconnect.isSuccess) state = 'disconnected';
  else if (confirming) state = disconnect.isPending ? 'pending' : disconnect.isError ? 'error' : 'confirming';

  return (
    <div className={cx('refold-disconnect-button refold-root', className)} data-state={state}>
      <button
        ref={triggerRef}
        type="button"
        className="refold-button"
        data-variant="secondary"
        aria-expanded={confirming}
        onClick={() => {
          disconnect.reset();
          setConfirming(!confirming);
        }}
      >
        {t('disconnectButton.label', { name })}
      </button>
      {confirming && (
        <div className="refold-disconnect-button__confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId}>{t('disconnectButton.question', { name })}</p>
          {disconnect.isError && (
            <div className="refold-error" role="alert" data-error={errorKind(disconnect.error)}>
              <p id={errorId}>{describeError(disconnect.error, t)}</p>
            </div>
          )}
          <div className="refold-disconnect-button__actions">
            <button
              type="button"
              className="refold-button"
              data-variant="danger"
              aria-disabled={disconnect.isPending || undefined}
              aria-describedby={disconnect.isError ? errorId : undefined}
              onClick={confirm}
              onKeyDown={onKeyDown}
            >
              {disconnect.isPending && <span className="refold-spinner" aria-hidden="true" />}
              {disconnect.isPending
                ? t('disconnectButton.pending')
                : disconnect.isError
                  ? t('common.retry')
                  : t('disconnectButton.confirm')}
            </button>
            <button
              ref={cancelRef}
              type="button"
              className="refold-button"
              data-variant="secondary"
              onClick={close}
              onKeyDown={onKeyDown}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <p className="refold-visually-hidden" role="status">
        {disconnect.isPending
          ? t('disconnectButton.pending')
          : disconnect.isSuccess
            ? t('disconnectButton.done', { name })
            : ''}
      </p>
    </div>
  );
}
