import { forwardRef, useEffect, useId, useRef } from 'react';
import type { HTMLAttributes, KeyboardEvent } from 'react';
import type { AuthType } from '../../core/types.js';
import { useApplication } from '../../react/useApplication.js';
import { useDisconnect } from '../../react/useDisconnect.js';
import { connectionLabel } from '../shared/connection.js';
import { cx } from '../shared/cx.js';
import { describeError, errorKind } from '../shared/describe-error.js';
import type { WithRootProps } from '../shared/props.js';
import { useControllableState } from '../shared/useControllableState.js';
import { useMessages } from '../shared/useMessages.js';

interface DisconnectButtonOwnProps {
  /** The app to disconnect, e.g. `"slack"`. */
  slug: string;
  /**
   * The one connection to remove (`connected_accounts[].connection_id`); the app's others stay. Needed for
   * an app with several connections. The button then names the account.
   */
  connectionId?: string;
  /** Only this kind of connection. @default all of the app's connections */
  authType?: AuthType;
  /** Called once the app is disconnected. */
  onDisconnected?: () => void;
  /**
   * Controlled: whether the confirmation shows. Leave out to let the button open and close it (from
   * `defaultOpen`).
   */
  open?: boolean;
  /** Uncontrolled: whether the confirmation shows at first (focus stays where it is). @defaultValue false */
  defaultOpen?: boolean;
  /** Called when the confirmation asks to open or close (the button, Cancel, Escape, a finished disconnect). */
  onOpenChange?: (open: boolean) => void;
  /** Extra class on the root. */
  className?: string;
}

/** Props of {@link DisconnectButton}: its own, plus any attribute of the root `<div>`. */
export type DisconnectButtonProps = WithRootProps<DisconnectButtonOwnProps, HTMLAttributes<HTMLDivElement>>;

/**
 * Disconnects an app after an inline confirmation: the button reveals a question with Disconnect and
 * Cancel (focused first; Escape cancels and returns focus to the button), shows the request pending, an
 * error with a retry, and announces the result. `data-state`: `idle | confirming | pending | error |
 * disconnected`. The confirmation is controlled (`open`, `onOpenChange`) or left to the button
 * (`defaultOpen`); the `ref` points at the root `<div>`.
 *
 * @example
 * <DisconnectButton slug="slack" onDisconnected={() => toast('Slack disconnected')} />
 */
export const DisconnectButton = forwardRef<HTMLDivElement, DisconnectButtonProps>(function DisconnectButton(
  {
    slug,
    connectionId,
    authType,
    onDisconnected,
    open,
    defaultOpen = false,
    onOpenChange,
    className,
    ...rest
  },
  ref,
) {
  const { t, locale } = useMessages('DisconnectButton');
  const { data: app } = useApplication(slug);
  const disconnect = useDisconnect(slug);
  const [confirming, setConfirming] = useControllableState({
    value: open,
    defaultValue: defaultOpen,
    onChange: onOpenChange,
  });
  const triggerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const errorId = useId();
  const name = app?.name ?? slug;
  const account = app?.connected_accounts?.find((a) => a.connection_id === connectionId);
  const label = account && connectionLabel(account, t, locale);

  // Cancel takes focus when the confirmation opens (not when it shows from the start).
  const shown = useRef(confirming);
  useEffect(() => {
    if (confirming && !shown.current) cancelRef.current?.focus();
    shown.current = confirming;
  }, [confirming]);

  function close() {
    setConfirming(false);
    triggerRef.current?.focus();
  }

  function confirm() {
    if (disconnect.isPending) return;
    disconnect.mutate(
      { ...(authType && { authType }), ...(connectionId && { connectionId }) },
      {
        onSuccess: () => {
          close();
          onDisconnected?.();
        },
      },
    );
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
    <div
      {...rest}
      ref={ref}
      className={cx('refold-disconnect-button refold-root', className)}
      data-state={state}
    >
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
        {label
          ? t('disconnectButton.labelAccount', { name, account: label })
          : t('disconnectButton.label', { name })}
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
});
