import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import type { DialogHTMLAttributes, KeyboardEvent, SyntheticEvent } from 'react';
import { useRefoldContext } from '../../react/context.js';
import { composeEventHandlers } from '../shared/compose.js';
import { cx } from '../shared/cx.js';
import type { WithRootProps } from '../shared/props.js';
import { useControllableState } from '../shared/useControllableState.js';
import { useMessages } from '../shared/useMessages.js';
import { ConnectSteps } from './ConnectSteps.js';
import { CONNECT_LINK_PARAMS, OPEN_CONNECT_DIALOG_EVENT, readConnectLink } from './deep-link.js';
import type { ConnectTarget } from './deep-link.js';

interface ConnectDialogOwnProps {
  /**
   * Controlled: whether the dialog is open (no trigger is rendered; focus returns on close to what had it
   * before). Leave out for the trigger variant: a "Connect an app" button that opens the dialog.
   */
  open?: boolean;
  /** Trigger variant: whether the dialog is open at first. @defaultValue false */
  defaultOpen?: boolean;
  /** Called when the dialog asks to open or close (trigger, Escape, Close, Finish). */
  onOpenChange?: (open: boolean) => void;
  /** Open on this app: skip "pick an app" and start by connecting it. */
  slug?: string;
  /**
   * With `slug`: open on this connection of the app (`connected_accounts[].connection_id`) and sign it in
   * again ("Reconnect"): it keeps its id and config.
   */
  connectionId?: string;
  /**
   * Follow deep links: open on the app named by the page URL's connect link (`connectDialogUrl`; the link's
   * parameters are then removed from the address bar) and whenever `openConnectDialog({ slug })` is called
   * elsewhere on the page. @defaultValue false
   */
  deepLink?: boolean;
  /** Called when an app got connected in the dialog. */
  onConnected?: (slug: string) => void;
  /** Extra class on the `<dialog>` (the root). */
  className?: string;
}

/**
 * Props of {@link ConnectDialog}: its own, plus any attribute of the root `<dialog>`. A given `onKeyDown` or
 * `onCancel` runs first; calling `event.preventDefault()` in it skips the dialog's own handling (Escape,
 * Tab kept inside) for that event.
 */
export type ConnectDialogProps = WithRootProps<
  ConnectDialogOwnProps,
  DialogHTMLAttributes<HTMLDialogElement>
>;

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keeps Tab and Shift+Tab inside `dialog`. */
function trapFocus(dialog: HTMLDialogElement, event: KeyboardEvent) {
  if (event.key !== 'Tab') return;
  const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  );
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/** "Discard unsaved changes?", asked before any way out of a step with unsaved work. */
function DiscardChanges({ onKeepEditing, onDiscard }: { onKeepEditing: () => void; onDiscard: () => void }) {
  const { t } = useMessages('ConnectDialog');
  const titleId = useId();
  const textId = useId();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      className="refold-connect-dialog__confirm"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
    >
      <h3 id={titleId} className="refold-connect-dialog__heading">
        {t('connectDialog.discardTitle')}
      </h3>
      <p id={textId}>{t('connectDialog.discardText')}</p>
      <div className="refold-connect-dialog__footer">
        <button ref={keep} type="button" className="refold-button" onClick={onKeepEditing}>
          {t('connectDialog.keepEditing')}
        </button>
        <button type="button" className="refold-button" data-variant="secondary" onClick={onDiscard}>
          {t('connectDialog.discard')}
        </button>
      </div>
    </div>
  );
}

/**
 * The whole connect flow in a modal dialog: pick an app (`AppList`) → sign in (`ConnectButton`
 * or `AuthForm`) → configure (`ConfigForm`) → done, with a step indicator. A native `<dialog>`
 * opened with `showModal()`: the page behind is inert, focus stays inside, Escape closes it and focus goes
 * back to where it was. Controlled (`open`, `onOpenChange`) or with its own trigger button. Every way out of a
 * step with unsaved work (typed credentials, an edited config) — Close, Escape, Back, Skip — first asks
 * whether to discard it or keep editing. The configure step edits the config of the connection just signed
 * in: a reconnected one, or an account added beside others (found in the app's data refetched after the
 * connect); an app's first connection uses the default config.
 *
 * Open on one app with `slug` (and on one of its connections, to reconnect it, with `connectionId`), or
 * from "Connect Slack" links and buttons elsewhere in the host app with `deepLink` (see `connectDialogUrl`
 * and `openConnectDialog`).
 *
 * @example
 * <ConnectDialog onConnected={(slug) => track('connected', slug)} />
 * <ConnectDialog open={open} onOpenChange={setOpen} slug="hubspot" />
 * <ConnectDialog deepLink /> // + <button onClick={() => openConnectDialog({ slug: 'slack' })}>
 */
export const ConnectDialog = forwardRef<HTMLDialogElement, ConnectDialogProps>(function ConnectDialog(
  {
    open: openProp,
    defaultOpen = false,
    onOpenChange,
    slug,
    connectionId,
    deepLink = false,
    onConnected,
    className,
    onKeyDown,
    onCancel,
    onClose,
    ...rest
  },
  ref,
) {
  const { t } = useMessages('ConnectDialog');
  const [open, setOpenState, controlled] = useControllableState({
    value: openProp,
    defaultValue: defaultOpen,
    onChange: onOpenChange,
  });
  const dialogRef = useRef<HTMLDialogElement>(null);
  useImperativeHandle(ref, () => dialogRef.current as HTMLDialogElement, []);
  const titleId = useId();
  // Unsaved work in the current step (typed credentials, an edited config): leaving asks first.
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  // The app a deep link asked for, over the `slug` prop.
  const [linked, setLinked] = useState<ConnectTarget | undefined>(undefined);
  const target: ConnectTarget | undefined = linked ?? (slug ? { slug, connectionId } : undefined);

  function setOpen(next: boolean) {
    setOpenState(next);
    if (!next) {
      setDirty(false);
      setPending(null);
      setLinked(undefined);
    }
  }

  // Deep links: the page's own URL once, then every openConnectDialog() call.
  const openOn = useRef<(to: ConnectTarget) => void>(() => undefined);
  useEffect(() => {
    openOn.current = (to) => {
      setLinked(to);
      setOpenState(true);
    };
  });
  useEffect(() => {
    if (!deepLink) return;
    const url = new URL(window.location.href);
    const fromUrl = readConnectLink(url);
    if (fromUrl) {
      url.searchParams.delete(CONNECT_LINK_PARAMS.slug);
      url.searchParams.delete(CONNECT_LINK_PARAMS.connectionId);
      window.history.replaceState(window.history.state, '', url.href);
      openOn.current(fromUrl);
    }
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (isTarget(detail)) openOn.current(detail);
    };
    window.addEventListener(OPEN_CONNECT_DIALOG_EVENT, listener);
    return () => window.removeEventListener(OPEN_CONNECT_DIALOG_EVENT, listener);
  }, [deepLink]);
  /** Runs `leave` at once, or after the user confirms that unsaved changes may go. */
  function guard(leave: () => void) {
    if (dirty) setPending(() => leave);
    else leave();
  }
  const close = () => guard(() => setOpen(false));

  // The funnel's first step, once per opening (a deep link's app included).
  const { emit } = useRefoldContext('ConnectDialog');
  const opened = open ? (target?.slug ?? '') : undefined;
  const openedConnection = target?.connectionId;
  const told = useRef<string | undefined>(undefined);
  useEffect(() => {
    const key = opened === undefined ? undefined : `${opened}\u0000${openedConnection ?? ''}`;
    // Once per opening, also when strict mode runs the effect twice.
    if (key === told.current) return;
    told.current = key;
    if (opened === undefined) return;
    emit({
      type: 'open',
      ...(opened && { slug: opened }),
      ...(opened && openedConnection !== undefined && { connectionId: openedConnection }),
    });
  }, [opened, openedConnection, emit]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!open || !dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      returnTo?.focus();
    };
  }, [open]);

  function keyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
      // Handled here rather than by the browser, so that it never closes while an IME composes. Escape in
      // the "discard changes?" question means "keep editing".
      event.preventDefault();
      if (pending) setPending(null);
      else close();
    } else trapFocus(event.currentTarget, event);
  }

  return (
    <>
      {!controlled && (
        <button
          type="button"
          className="refold-button refold-connect-dialog__trigger"
          aria-haspopup="dialog"
          onClick={() => setOpen(true)}
        >
          {t('connectDialog.trigger')}
        </button>
      )}
      {/* The modal dialog pattern handles its keys: Escape closes it, Tab stays inside. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <dialog
        {...rest}
        ref={dialogRef}
        className={cx('refold-connect-dialog refold-root', className)}
        data-state={open ? 'open' : 'closed'}
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={composeEventHandlers(onKeyDown, keyDown)}
        onCancel={composeEventHandlers(onCancel, (event: SyntheticEvent<HTMLDialogElement>) => {
          // Escape: the owner decides (a controlled dialog stays open unless `open` changes).
          event.preventDefault();
          close();
        })}
        onClose={composeEventHandlers(onClose, (event: SyntheticEvent<HTMLDialogElement>) => {
          // Closed by the browser itself (e.g. a second Escape): keep the state in step.
          if (open && !event.currentTarget.open) setOpen(false);
        })}
      >
        {open && (
          <>
            <div className="refold-connect-dialog__header">
              <h2 id={titleId} className="refold-connect-dialog__title">
                {t('connectDialog.title')}
              </h2>
              <button
                type="button"
                className="refold-button"
                data-variant="secondary"
                aria-label={t('common.close')}
                onClick={close}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>
            <ConnectSteps
              // A new target starts the steps afresh.
              key={target ? `${target.slug}\u0000${target.connectionId ?? ''}` : ''}
              initialSlug={target?.slug}
              connectionId={target?.connectionId}
              onConnected={onConnected}
              onClose={() => setOpen(false)}
              onDirtyChange={setDirty}
              guard={guard}
              hidden={pending !== null}
            />
            {pending && (
              <DiscardChanges
                onKeepEditing={() => setPending(null)}
                onDiscard={() => {
                  const leave = pending;
                  setDirty(false);
                  setPending(null);
                  leave();
                }}
              />
            )}
          </>
        )}
      </dialog>
    </>
  );
});

function isTarget(value: unknown): value is ConnectTarget {
  if (typeof value !== 'object' || value === null) return false;
  const { slug, connectionId } = value as Record<string, unknown>;
  return (
    typeof slug === 'string' &&
    slug !== '' &&
    (connectionId === undefined || typeof connectionId === 'string')
  );
}
