/**
 * The headless page: the same catalog and connect behaviour as the Integrations page, built only from the
 * library's hooks, with Acme's own markup and CSS (marketplace.css). No library component, no library class.
 */
import { connectionsOf, isConnected, useApplications, useConnect, useDisconnect } from '@refold/react';
import type { Application, AuthField, UseConnectResult } from '@refold/react';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { SearchIcon } from '../components/icons.js';
import { PageHeader } from '../components/PageHeader.js';
import { useI18n } from '../i18n.js';
import { followLink, paths } from '../router.js';
import '../styles/marketplace.css';

export function MarketplacePage({ refoldBaseUrl }: { refoldBaseUrl: string }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string>();
  const search = useDeferredValue(query);
  const all = useApplications();
  const shown = useApplications({ search, ...(category && { tags: [category] }) });
  const categories = useMemo(
    () => [...new Set((all.data ?? []).flatMap((app) => app.tags ?? []))].sort(),
    [all.data],
  );
  const searchId = useId();

  return (
    <>
      <PageHeader title={t('navMarketplace')} lead={t('marketplaceLead')} />
      <div className="mk-toolbar">
        <div className="mk-search">
          <label htmlFor={searchId} className="acme-visually-hidden">
            {t('search')}
          </label>
          <SearchIcon />
          <input
            id={searchId}
            type="search"
            className="mk-search__input"
            placeholder={t('search')}
            autoComplete="off"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <div className="mk-chips" role="group" aria-label={t('categories')}>
          {[undefined, ...categories].map((tag) => (
            <button
              key={tag ?? ''}
              type="button"
              className="mk-chip"
              aria-pressed={category === tag}
              onClick={() => setCategory(tag)}
            >
              {tag ?? t('allCategories')}
            </button>
          ))}
        </div>
      </div>
      {shown.error && (
        <p className="acme-banner" data-tone="danger" role="alert">
          {shown.error.message}
        </p>
      )}
      {shown.isPending && !shown.error && (
        <p className="acme-loading" role="status">
          <span className="refold-spinner" aria-hidden="true" /> {t('loading')}
        </p>
      )}
      {shown.data?.length === 0 && (
        <p className="mk-empty" role="status">
          {t('noMatch', { query: search })}
        </p>
      )}
      <ul className="mk-grid">
        {shown.data?.map((app) => (
          <li key={app.slug}>
            <MarketCard app={app} refoldBaseUrl={refoldBaseUrl} />
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Server-sent icons are only used from `https:` or Refold's own origin (as the library's components do);
 * anything else gets initials. With headless hooks this check is yours to make.
 */
function safeIcon(icon: string | undefined, refoldBaseUrl: string): string | undefined {
  if (!icon) return undefined;
  try {
    const url = new URL(icon);
    return url.protocol === 'https:' || url.origin === new URL(refoldBaseUrl).origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function Logo({ app, refoldBaseUrl }: { app: Application; refoldBaseUrl: string }) {
  const src = safeIcon(app.icon, refoldBaseUrl);
  const initials = app.name
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return src ? (
    <img className="mk-logo" src={src} alt="" width={40} height={40} />
  ) : (
    <span className="mk-logo" aria-hidden="true">
      {initials}
    </span>
  );
}

function MarketCard({ app, refoldBaseUrl }: { app: Application; refoldBaseUrl: string }) {
  const { t } = useI18n();
  const connect = useConnect(app.slug);
  const disconnect = useDisconnect(app.slug);
  const [formOpen, setFormOpen] = useState(false);
  const ids = { name: useId(), form: useId() };
  const connected = isConnected(app);
  const needsInput = connect.fields.length > 0 || connect.authType === 'keybased';
  const problem = connect.status === 'cancelled' ? undefined : (connect.error ?? disconnect.error)?.message;

  let action;
  if (connectionsOf(app).length > 1) {
    // Several accounts: a plain disconnect would not know which; each is managed on the app's page.
    action = (
      <a
        className="mk-button"
        data-variant="quiet"
        href={paths.app(app.slug)}
        aria-label={t('manageAccountsOf', { app: app.name })}
        onClick={followLink}
      >
        {t('manageAccounts')}
      </a>
    );
  } else if (connected) {
    action = (
      <button
        type="button"
        className="mk-button"
        data-variant="quiet"
        aria-label={t('disconnectApp', { app: app.name })}
        disabled={disconnect.isPending}
        onClick={() => disconnect.mutate({})}
      >
        {t('disconnect')}
      </button>
    );
  } else if (needsInput) {
    action = (
      <button
        type="button"
        className="mk-button"
        aria-label={t('connectApp', { app: app.name })}
        aria-expanded={formOpen}
        aria-controls={ids.form}
        onClick={() => setFormOpen(!formOpen)}
      >
        {t('connect')}
      </button>
    );
  } else {
    action = (
      <button
        type="button"
        className="mk-button"
        aria-label={t('connectApp', { app: app.name })}
        disabled={connect.isConnecting}
        // Straight from the click: the OAuth popup must open before any await.
        onClick={() => void connect.connect()}
      >
        {connect.isConnecting ? t('connecting') : t('connect')}
      </button>
    );
  }

  return (
    <article className="mk-card" aria-labelledby={ids.name} data-connected={connected ? '' : undefined}>
      <div className="mk-card__top">
        <Logo app={app} refoldBaseUrl={refoldBaseUrl} />
        <span className="mk-status">{connected ? t('connected') : t('notConnected')}</span>
      </div>
      <h2 id={ids.name} className="mk-card__name" title={app.name}>
        {app.name}
      </h2>
      <p className="mk-card__description" title={app.description}>
        {app.description}
      </p>
      <ul className="mk-tags" aria-label={t('categories')}>
        {app.tags?.map((tag) => (
          <li key={tag}>{tag}</li>
        ))}
      </ul>
      <div className="mk-card__footer">{action}</div>
      {problem && (
        <p className="mk-problem" role="alert">
          {problem}
        </p>
      )}
      {needsInput && !connected && (
        <div id={ids.form} hidden={!formOpen}>
          {formOpen && <CredentialsForm connect={connect} onCancel={() => setFormOpen(false)} />}
        </div>
      )}
    </article>
  );
}

/** The app's credential fields as Acme's own inputs; values, checks and errors come from `useConnect`. */
function CredentialsForm({ connect, onCancel }: { connect: UseConnectResult; onCancel: () => void }) {
  const { t } = useI18n();
  const formId = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    void connect.connect();
  }
  return (
    <form className="mk-form" onSubmit={submit} noValidate>
      {connect.fields.map((field) => (
        <CredentialField key={field.name} field={field} id={`${formId}-${field.name}`} connect={connect} />
      ))}
      <div className="mk-form__actions">
        <button type="submit" className="mk-button" disabled={connect.isConnecting}>
          {connect.isConnecting ? t('connecting') : t('saveConnect')}
        </button>
        <button type="button" className="mk-button" data-variant="quiet" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function CredentialField({
  field,
  id,
  connect,
}: {
  field: AuthField;
  id: string;
  connect: UseConnectResult;
}) {
  const { t } = useI18n();
  const value = connect.values[field.name];
  const problem = connect.fieldErrors[field.name];
  // `required` and `invalid` come from the library's own checks; anything else is the server's message.
  const error =
    problem === 'required' ? t('fieldRequired') : problem === 'invalid' ? t('fieldInvalid') : problem;
  const label = (
    <>
      {field.label}
      {field.required && <span className="mk-required"> ({t('required')})</span>}
    </>
  );
  const described = [field.help_text && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ');
  const common = {
    id,
    name: field.name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described || undefined,
  };
  let control;
  if (field.options && field.multiple) {
    const selected = Array.isArray(value) ? value : [];
    return (
      <fieldset className="mk-field" aria-describedby={described || undefined}>
        <legend>{label}</legend>
        {field.options.map((option) => {
          const optionValue = String(option.value);
          return (
            <label key={optionValue} className="mk-check">
              <input
                type="checkbox"
                checked={selected.includes(optionValue)}
                onChange={(event) =>
                  connect.setValue(
                    field.name,
                    event.target.checked
                      ? [...selected, optionValue]
                      : selected.filter((v) => v !== optionValue),
                  )
                }
              />
              {option.name ?? optionValue}
            </label>
          );
        })}
        <Notes id={id} field={field} error={error} />
      </fieldset>
    );
  }
  if (field.type === 'checkbox' && !field.options) {
    return (
      <div className="mk-field">
        <label className="mk-check">
          <input
            type="checkbox"
            {...common}
            checked={value === true}
            onChange={(event) => connect.setValue(field.name, event.target.checked)}
          />
          {label}
        </label>
        <Notes id={id} field={field} error={error} />
      </div>
    );
  }
  if (field.options) {
    control = (
      <select
        {...common}
        className="mk-input"
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => connect.setValue(field.name, event.target.value)}
      >
        <option value="">{field.placeholder}</option>
        {field.options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {option.name ?? String(option.value)}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'textarea') {
    control = (
      <textarea
        {...common}
        className="mk-input"
        rows={3}
        placeholder={field.placeholder}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => connect.setValue(field.name, event.target.value)}
      />
    );
  } else {
    const secret = field.type === 'password';
    control = (
      <input
        {...common}
        className="mk-input"
        type={secret ? 'password' : ['email', 'url', 'number'].includes(field.type) ? field.type : 'text'}
        placeholder={field.placeholder}
        autoComplete="off"
        // A secret stays uncontrolled, so it is never written into a `value` attribute.
        {...(secret ? {} : { value: typeof value === 'string' || typeof value === 'number' ? value : '' })}
        onChange={(event) => connect.setValue(field.name, event.target.value)}
      />
    );
  }
  return (
    <div className="mk-field">
      <label htmlFor={id}>{label}</label>
      {control}
      <Notes id={id} field={field} error={error} />
    </div>
  );
}

function Notes({ id, field, error }: { id: string; field: AuthField; error: string | undefined }) {
  return (
    <>
      {field.help_text && (
        <p id={`${id}-help`} className="mk-help">
          {field.help_text}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mk-error">
          {error}
        </p>
      )}
    </>
  );
}
