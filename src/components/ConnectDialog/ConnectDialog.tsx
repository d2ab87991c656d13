import { useEffect, useId, useRef, useState } from 'react';
import { cx } from '../shared/cx.js';
import { useMessages } from '../shared/useMessages.js';
import { ConnectSteps } from './ConnectSteps.js';

/** Props of {@link ConnectDialog}. */
export interface ConnectDialogProps {
  /**
   * Controlled: whether the dialog is open (no trigger is rendered; focus returns on close to what had it
   * before). Leave out for the trigger variant: a "Connect an app" button that opens the dialog.
   */
  open?: boolean;
  /** Called when the dialog asks to open or close (trigger, Escape, Close, Finish). */
  onOpenChange?: (open: boolean) => void;
  /** Skip "pick an app" and start by connecting this app. */
  initialSlug?: string;
  /** Called when an app got connected in the dialog. */
  onConnected?: (slug: string) => void;
  /** Extra class on the `<dialog>` (the root). */
  className?: string;
}

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
 * whether to discard it or keep editing.
 *
 * @example
 * <ConnectDialog onConnected={(slug) => track('connected', slug)} />
 * <ConnectDialog open={open} onOpenChange={setOpen} initialSlug="hubspot" />
 */
export function ConnectDialog({
  open: openProp,
  onOpenChange,
  initialSlug,
  onConnected,
  className,
}: ConnectDialogProps) {
  const { t } = useMessages('ConnectDialog');
  const [ownOpen, setOwnOpen] = useState(false);
  const controlled = openProp !== undefined;
  const open = controlled ? openProp : ownOpen;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Unsaved work in the current step (typed credentials, an edited config): leaving asks first.
  const dirty = useRef(false);
  const [pending, setPending] = useState<(() => void) | null>(null);

  function setOpen(next: boolean) {
    if (!controlled) setOwnOpen(next);
    if (!next) {
      dirty.current = false;
      setPending(null);
    }
    onOpenChange?.(next);
  }
  /** Runs `leave` at once, or after the user confirms that unsaved changes may go. */
  function guard(leave: () => void) {
    if (dirty.current) setPending(() => leave);
    else leave();
  }
  // The latest close (guarded) and "keep editing", for the native key listener below.
  const close = useRef(() => {});
  const keepEditing = useRef(() => {});
  useEffect(() => {
    close.current = () => guard(() => setOpen(false));
    keepEditing.current = () => setPending(null);
  });
  const confirming = pending !== null;
  const confirmingRef = useRef(confirming);
  useEffect(() => {
    confirmingRef.current = confirming;
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!open || !dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.isComposing) {
        // Handled here rather than by the browser, so that it never closes while an IME composes. Escape
        // in the "discard changes?" question means "keep editing".
        event.preventDefault();
        if (confirmingRef.current) keepEditing.current();
        else close.current();
      } else trapFocus(dialog, event);
    };
    dialog.addEventListener('keydown', onKeyDown);
    return () => {
      dialog.removeEventListener('keydown', onKeyDown);
      if (dialog.open) dialog.close();
      returnTo?.focus();
    };
  }, [open]);

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
      <dialog
        ref={dialogRef}
        className={cx('refold-connect-dialog refold-root', className)}
        data-state={open ? 'open' : 'closed'}
        aria-modal="true"
        aria-labelledby={titleId}
        onCancel={(event) => {
          // Escape: the owner decides (a controlled dialog stays open unless `open` changes).
          event.preventDefault();
          close.current();
        }}
        onClose={() => {
          // Closed by the browser itself (e.g. a second Escape): keep the state in step.
          if (open && !dialogRef.current?.open) setOpen(false);
        }}
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
                onClick={() => close.current()}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>
            <ConnectSteps
              initialSlug={initialSlug}
              onConnected={onConnected}
              onClose={() => setOpen(false)}
              onDirtyChange={(next) => {
                dirty.current = next;
              }}
              guard={guard}
              hidden={confirming}
            />
            {pending && (
              <DiscardChanges
                onKeepEditing={() => setPending(null)}
                onDiscard={() => {
                  const leave = pending;
                  dirty.current = false;
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
}
