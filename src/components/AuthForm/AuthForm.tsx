import { forwardRef, useId, useState } from 'react';
import type { FormEvent, HTMLAttributes } from 'react';
import type { AuthValues } from '../../core/client.js';
import { RefoldValidationError } from '../../core/errors.js';
import type { AuthField, AuthTypeName } from '../../core/types.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { useApplication } from '../../react/useApplication.js';
import { useConnect } from '../../react/useConnect.js';
import { busyLabel, describeConnectFailure } from '../shared/describe-connect.js';
import { ErrorState } from '../shared/ErrorState.js';
import { cx } from '../shared/cx.js';
import { errorKind } from '../shared/describe-error.js';
import { focusField } from '../shared/focus.js';
import type { WithRootProps } from '../shared/props.js';
import { useMessages } from '../shared/useMessages.js';
import { AuthFieldControl } from './AuthFieldControl.js';

interface AuthFormOwnProps {
  /** The app to connect, e.g. `"zendesk"`. */
  slug: string;
  /**
   * `keybased` (credentials, saved to Refold), `oauth2` (pre-auth values such as Salesforce's instance URL,
   * then the provider's pop-up), or a connector sub-type the app offers (`api_key`, `basic_auth`,
   * `bearer_token`, `noauth`: the credentials form, saved with that `auth_type`).
   * @default what the app offers (OAuth when it offers it with fields beside others)
   */
  authType?: AuthTypeName;
  /** Called once the app is connected. */
  onConnected?: () => void;
  /**
   * Sign this connection (`connected_accounts[].connection_id`) in again with new credentials: it keeps
   * its id and config. Left out: a new connection.
   */
  connectionId?: string;
  /** Extra class on the root. */
  className?: string;
}

/** Props of {@link AuthForm}: its own, plus any attribute of the root `<div>`. */
export type AuthFormProps = WithRootProps<AuthFormOwnProps, HTMLAttributes<HTMLDivElement>>;

const INVALID: Record<string, MessageKey> = {
  number: 'authForm.error.number',
  url: 'authForm.error.url',
  email: 'authForm.error.email',
};

/** The values to send: numbers typed into number fields become numbers. */
function prepare(fields: readonly AuthField[], values: AuthValues): AuthValues {
  const out = { ...values };
  for (const field of fields) {
    const value = out[field.name];
    if (field.type === 'number' && typeof value === 'string' && value.trim() !== '') {
      const number = Number(value);
      if (Number.isFinite(number)) out[field.name] = number;
    }
  }
  return out;
}

/**
 * The form of an app's server-described auth fields (text, password, select, multi-select, number, URL,
 * e-mail, textarea, checkbox), bound to `useConnect`: checks the values before sending, shows each
 * field's problem (the server's too) and a form-level error such as "Failed to verify credentials", keeps
 * every typed value on failure, and moves focus to the first invalid field. Secrets are never prefilled
 * nor written to a DOM attribute. Connector sub-types (`api_key`, `basic_auth` …) use this form and are
 * saved with their `auth_type` (named in `data-sub-type`); `noauth` shows no field, only Connect. The `ref`
 * points at the root `<div>`.
 *
 * @example
 * <AuthForm slug="zendesk" onConnected={() => setStep('configure')} />
 */
export const AuthForm = forwardRef<HTMLDivElement, AuthFormProps>(function AuthForm(
  { slug, authType, onConnected, connectionId, className, ...rest },
  ref,
) {
  const { t } = useMessages('AuthForm');
  const application = useApplication(slug);
  const {
    app,
    fields,
    subType,
    values,
    setValue,
    status,
    error,
    fieldErrors,
    isConnecting,
    connect,
    cancel,
  } = useConnect(slug, { authType, onConnected, connectionId });
  const baseId = useId();
  // Fields changed since the last submit: their old problem is hidden until the next one.
  const [edited, setEdited] = useState<ReadonlySet<string>>(() => new Set());
  const name = app?.name ?? slug;
  const idOf = (index: number) => `${baseId}-${index}`;
  const validation = error instanceof RefoldValidationError;

  function problemOf(field: AuthField): string | undefined {
    const problem = fieldErrors[field.name];
    if (!problem || edited.has(field.name)) return undefined;
    if (!validation) return problem;
    return t(
      problem === 'required' ? 'authForm.error.required' : (INVALID[field.type] ?? 'authForm.error.invalid'),
    );
  }

  function change(field: AuthField, value: AuthValues[string]) {
    setValue(field.name, value);
    if (fieldErrors[field.name] && !edited.has(field.name)) setEdited(new Set(edited).add(field.name));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setEdited(new Set());
    // Called directly in the handler: for OAuth pre-auth fields the pop-up opens right here.
    void connect(prepare(fields, values)).then((final) => {
      const index = fields.findIndex((field) => final.fieldErrors[field.name]);
      if (index >= 0) focusField(idOf(index));
    });
  }

  const busy = busyLabel(status, name, t);
  const failure = validation ? undefined : describeConnectFailure(status, error, name, t);
  let announcement = '';
  if (status === 'connected') announcement = t('connectButton.connectedTo', { name });
  else if (busy) announcement = status === 'saving' ? busy : `${busy} ${t('connectButton.waitingHelp')}`;

  let body;
  if (!app && application.isPending) {
    body = (
      <p className="refold-auth-form__loading">
        <span className="refold-spinner" aria-hidden="true" /> {t('common.loading')}
      </p>
    );
  } else if (!app) {
    body = (
      <ErrorState error={application.error} onRetry={() => void application.refetch()} component="AuthForm" />
    );
  } else if (status === 'connected') {
    body = <p className="refold-auth-form__done">{t('connectButton.connectedTo', { name })}</p>;
  } else {
    body = (
      <form className="refold-auth-form__form" noValidate onSubmit={submit}>
        {fields.length === 0 && <p className="refold-help">{t('authForm.noFields', { name })}</p>}
        {fields.map((field, index) => (
          <AuthFieldControl
            key={field.name}
            field={field}
            id={idOf(index)}
            value={values[field.name]}
            error={problemOf(field)}
            onChange={(value) => change(field, value)}
          />
        ))}
        {failure && (
          <div className="refold-error refold-auth-form__error" role="alert" data-error={errorKind(error)}>
            <p>{failure}</p>
          </div>
        )}
        <div className="refold-auth-form__actions">
          <button type="submit" className="refold-button">
            {busy && <span className="refold-spinner" aria-hidden="true" />}
            {busy ??
              t(connectionId === undefined ? 'connectButton.connect' : 'connectButton.reconnect', { name })}
          </button>
          {(status === 'opening' || status === 'waiting') && (
            <button type="button" className="refold-button" data-variant="secondary" onClick={cancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    );
  }

  const state = app ? status : application.isPending ? 'loading' : 'error';
  return (
    <div
      {...rest}
      ref={ref}
      className={cx('refold-auth-form refold-root', className)}
      data-state={state}
      data-sub-type={subType}
      data-busy={isConnecting ? '' : undefined}
    >
      {body}
      <p className="refold-visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
});
