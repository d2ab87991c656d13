import { useEffect, useRef, useState } from 'react';
import { addedConnectionId, connectionsOf } from '../../core/connections.js';
import type { Application } from '../../core/types.js';
import { useApplication } from '../../react/useApplication.js';
import { useRefoldContext } from '../../react/context.js';
import { useConnect } from '../../react/useConnect.js';
import { AppList } from '../AppList/index.js';
import { AuthForm } from '../AuthForm/index.js';
import { ConfigForm } from '../ConfigForm/index.js';
import { ConnectButton } from '../ConnectButton/index.js';
import { ConnectionList } from '../ConnectionList/index.js';
import { useMessages } from '../shared/useMessages.js';

/** A step of the connect dialog. @internal */
export type ConnectStep = 'pick' | 'authenticate' | 'configure' | 'done';

const STEPS: readonly ConnectStep[] = ['pick', 'authenticate', 'configure', 'done'];

/**
 * Whose config the configure step edits: a known connection (a reconnect), none (the default config), or
 * the one a flow added: told by comparing the app's data `before` the flow with its data refetched after
 * the flow ended (at `since`).
 */
type ConfigTarget = { connectionId: string | undefined } | { before: Application | undefined; since: number };

/** Props of {@link ConnectSteps}. @internal */
export interface ConnectStepsProps {
  /** Start at "authenticate" with this app. */
  initialSlug: string | undefined;
  /** With `initialSlug`: reconnect this connection of the app. */
  connectionId?: string;
  /** Called when an app got connected. */
  onConnected: ((slug: string) => void) | undefined;
  /** Closes the dialog. */
  onClose: () => void;
  /** Told whether the current step holds unsaved work (typed credentials, an edited config). */
  onDirtyChange: (dirty: boolean) => void;
  /** Runs a step change that would drop unsaved work, once the user agreed. */
  guard: (leave: () => void) => void;
  /** Hidden while the dialog asks about unsaved changes (kept mounted, so nothing typed is lost). */
  hidden: boolean;
}

/**
 * OAuth button, or the form when the app needs input (keys, pre-auth values); the app's accounts when it is
 * already connected.
 */
function Authenticate({
  slug,
  connectionId,
  onConnected,
  onDirtyChange,
}: {
  slug: string;
  connectionId: string | undefined;
  onConnected: (target: ConfigTarget) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { app, fields, values } = useConnect(slug, { connectionId });
  const typed = Object.values(values).some((v) => v !== '' && v !== false);
  useEffect(() => onDirtyChange(typed), [typed, onDirtyChange]);
  // An app already connected lists its accounts (Reconnect, Disconnect, "Add another account"), decided once
  // its data is known; with none left, the plain connect takes over for good (its flow ends here).
  const hasAccounts = connectionId === undefined && connectionsOf(app).length > 0;
  const [listing, setListing] = useState<boolean | undefined>(undefined);
  // The app's data before any flow of this step: a connection a flow adds is the one it did not list.
  const [before, setBefore] = useState<Application | undefined>(undefined);
  if (app && listing === undefined) {
    setListing(hasAccounts);
    setBefore(app);
  } else if (listing && !hasAccounts) setListing(false);
  const connected = (reconnected?: string) => {
    const known = connectionId ?? reconnected;
    onConnected(known !== undefined ? { connectionId: known } : { before, since: Date.now() });
  };
  if (listing) return <ConnectionList slug={slug} onConnected={connected} />;
  return app && fields.length === 0 ? (
    <ConnectButton slug={slug} connectionId={connectionId} onConnected={connected} />
  ) : (
    <AuthForm slug={slug} connectionId={connectionId} onConnected={connected} />
  );
}

/** The steps of the connect dialog: pick an app → authenticate → configure → done. @internal */
export function ConnectSteps({
  initialSlug,
  connectionId,
  onConnected,
  onClose,
  onDirtyChange,
  guard,
  hidden,
}: ConnectStepsProps) {
  const { t } = useMessages('ConnectDialog');
  const [slug, setSlug] = useState(initialSlug ?? '');
  const [step, setStep] = useState<ConnectStep>(initialSlug ? 'authenticate' : 'pick');
  const { data: app, dataUpdatedAt, errorUpdatedAt } = useApplication(slug);
  const [configTarget, setConfigTarget] = useState<ConfigTarget>({ connectionId: undefined });
  // After a connect, the app's data is refetched (`useConnect` invalidates it): once that answer (or its
  // failure) is in, the added connection is known, or the default config is the one to edit.
  if ('since' in configTarget && Math.max(dataUpdatedAt, errorUpdatedAt) >= configTarget.since) {
    setConfigTarget({ connectionId: addedConnectionId(configTarget.before, app) });
  }
  const [authDirty, setAuthDirty] = useState(false);
  const [configDirty, setConfigDirty] = useState(false);
  const dirty = (step === 'authenticate' && authDirty) || (step === 'configure' && configDirty);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const { emit } = useRefoldContext('ConnectDialog');
  const openedAt = useRef(0);
  useEffect(() => {
    openedAt.current = Date.now();
  }, []);
  const name = app?.name ?? slug;
  const steps = initialSlug ? STEPS.slice(1) : STEPS;
  const index = steps.indexOf(step);

  // After a step change (not on opening), focus goes to the new step's heading.
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step]);

  function go(next: ConnectStep) {
    moved.current = true;
    setStep(next);
  }

  const heading = {
    pick: t('connectDialog.step.pick'),
    authenticate: t(
      connectionId === undefined ? 'connectDialog.authenticateHeading' : 'connectDialog.reconnectHeading',
      { name },
    ),
    configure: t('connectDialog.configureHeading', { name }),
    done: t('connectDialog.doneHeading', { name }),
  }[step];

  return (
    <div className="refold-connect-dialog__body" data-step={step} hidden={hidden}>
      <ol className="refold-connect-dialog__steps" aria-label={t('connectDialog.progress')}>
        {steps.map((s, i) => (
          <li
            key={s}
            aria-current={s === step ? 'step' : undefined}
            data-state={i < index ? 'complete' : s === step ? 'current' : 'upcoming'}
          >
            {t(`connectDialog.step.${s}`)}
          </li>
        ))}
      </ol>
      <h3 ref={headingRef} tabIndex={-1} className="refold-connect-dialog__heading">
        {heading}
      </h3>
      {step === 'pick' && (
        <AppList
          onSelect={(picked) => {
            emit({ type: 'select-app', slug: picked.slug, durationMs: Date.now() - openedAt.current });
            setSlug(picked.slug);
            go('authenticate');
          }}
        />
      )}
      {step === 'authenticate' && (
        <Authenticate
          slug={slug}
          connectionId={initialSlug === slug ? connectionId : undefined}
          onDirtyChange={setAuthDirty}
          onConnected={(target) => {
            onConnected?.(slug);
            setConfigTarget(target);
            go('configure');
          }}
        />
      )}
      {step === 'configure' &&
        ('since' in configTarget ? (
          <p role="status">
            <span className="refold-spinner" aria-hidden="true" /> {t('configForm.loading')}
          </p>
        ) : (
          <ConfigForm
            slug={slug}
            connectionId={configTarget.connectionId}
            onDirtyChange={setConfigDirty}
            onSaved={() => go('done')}
          />
        ))}
      {step === 'done' && <p>{t('connectDialog.doneText', { name })}</p>}
      <div className="refold-connect-dialog__footer">
        {step === 'authenticate' && !initialSlug && (
          <button
            type="button"
            className="refold-button"
            data-variant="secondary"
            onClick={() => guard(() => go('pick'))}
          >
            {t('connectDialog.back')}
          </button>
        )}
        {step === 'configure' && (
          <button
            type="button"
            className="refold-button"
            data-variant="secondary"
            onClick={() => guard(() => go('done'))}
          >
            {t('connectDialog.skip')}
          </button>
        )}
        {step === 'done' && (
          <button type="button" className="refold-button" onClick={onClose}>
            {t('connectDialog.finish')}
          </button>
        )}
      </div>
    </div>
  );
}
