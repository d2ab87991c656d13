import { RefoldProvider } from '@refold/react';
import type { FetchToken } from '@refold/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { fetchSessionToken, getMe, signIn } from './api.js';
import type { Me } from './api.js';
import { GridIcon, HistoryIcon, LogoMark, MoonIcon, PlugIcon } from './components/icons.js';
import { I18nContext, LOCALES, isLocale, translator } from './i18n.js';
import type { Locale } from './i18n.js';
import { IntegrationsPage } from './pages/IntegrationsPage.js';
import { MarketplacePage } from './pages/MarketplacePage.js';
import { RunsPage } from './pages/RunsPage.js';
import { followLink, paths, useRoute } from './router.js';

type Theme = 'light' | 'dark';

/** A preference kept in localStorage (theme, language: nothing secret). */
function stored<T extends string>(key: string, valid: (value: unknown) => value is T, fallback: () => T): T {
  try {
    const value = localStorage.getItem(key);
    return valid(value) ? value : fallback();
  } catch {
    return fallback();
  }
}

const isTheme = (value: unknown): value is Theme => value === 'light' || value === 'dark';
const systemTheme = (): Theme => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
const browserLocale = (): Locale => {
  const language = navigator.language.split('-')[0];
  return isLocale(language) ? language : 'en';
};

export function App() {
  const [me, setMe] = useState<Me>();
  const [loadFailed, setLoadFailed] = useState(false);
  const [switching, setSwitching] = useState(false);
  const [tokenProblem, setTokenProblem] = useState<string>();
  const [theme, setTheme] = useState<Theme>(() => stored('acme-theme', isTheme, systemTheme));
  const [locale, setLocale] = useState<Locale>(() => stored('acme-locale', isLocale, browserLocale));
  const i18n = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  const { t } = i18n;
  const route = useRoute();

  useEffect(() => {
    getMe().then(setMe, () => setLoadFailed(true));
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('acme-theme', theme);
  }, [theme]);

  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem('acme-locale', locale);
  }, [locale]);

  // The backend's session route, plus a banner when it fails (e.g. Refold rejected the server's key).
  const fetchToken = useCallback<FetchToken>(async (context) => {
    try {
      const result = await fetchSessionToken(context);
      setTokenProblem(undefined);
      return result;
    } catch (error) {
      if (!context.signal.aborted) setTokenProblem(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }, []);

  async function switchCustomer(id: string) {
    if (!me || id === me.customer.id) return;
    // The pages unmount first (their requests stop), then the server switches the cookie, then the provider
    // gets the new `scope`: it drops the previous customer's token and data.
    setSwitching(true);
    try {
      const { customer } = await signIn(id);
      setMe({ ...me, customer });
    } catch {
      setLoadFailed(true);
    } finally {
      setSwitching(false);
    }
  }

  const navItems = [
    {
      href: paths.integrations,
      label: t('navIntegrations'),
      icon: <PlugIcon />,
      current: route.page === 'integrations',
    },
    { href: paths.runs, label: t('navRuns'), icon: <HistoryIcon />, current: route.page === 'runs' },
    {
      href: paths.marketplace,
      label: t('navMarketplace'),
      note: t('navMarketplaceNote'),
      icon: <GridIcon />,
      current: route.page === 'marketplace',
    },
  ];

  let content;
  if (loadFailed) {
    content = (
      <p className="acme-banner" data-tone="danger" role="alert">
        {t('loadFailed')}
      </p>
    );
  } else if (!me || switching) {
    content = (
      <p className="acme-loading" role="status">
        <span className="refold-spinner" aria-hidden="true" /> {switching ? t('switching') : t('loading')}
      </p>
    );
  } else if (route.page === 'runs') {
    content = <RunsPage customer={me.customer} />;
  } else if (route.page === 'marketplace') {
    content = <MarketplacePage refoldBaseUrl={me.refold.baseUrl} />;
  } else {
    content = <IntegrationsPage slug={route.slug} customer={me.customer} mode={me.refold.mode} />;
  }

  return (
    <I18nContext.Provider value={i18n}>
      <a className="acme-skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="acme-topbar">
        <a className="acme-brand" href={paths.integrations} onClick={followLink}>
          <LogoMark />
          <span>Acme CRM</span>
        </a>
        <span className="acme-pill">{t('demo')}</span>
        <div className="acme-topbar__prefs">
          <div className="acme-control">
            {/* The select shows the language by name; the label is for assistive technology. */}
            <label htmlFor="acme-locale" className="acme-visually-hidden">
              {t('language')}
            </label>
            <select
              id="acme-locale"
              className="acme-select"
              value={locale}
              onChange={(event) => isLocale(event.target.value) && setLocale(event.target.value)}
            >
              {LOCALES.map((option) => (
                <option key={option.value} value={option.value} lang={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="acme-icon-button"
            aria-pressed={theme === 'dark'}
            aria-label={t('darkMode')}
            title={t('darkMode')}
            onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          >
            <MoonIcon />
          </button>
        </div>
        {me && (
          <div className="acme-control acme-topbar__account">
            <label htmlFor="acme-customer">{t('customer')}</label>
            <select
              id="acme-customer"
              className="acme-select"
              value={me.customer.id}
              disabled={switching}
              onChange={(event) => void switchCustomer(event.target.value)}
            >
              {me.customers.map((customer) => (
                <option key={customer.id} value={customer.id}>
                  {customer.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </header>
      <div className="acme-shell">
        <nav className="acme-nav" aria-label={t('settings')}>
          <p className="acme-nav__title" aria-hidden="true">
            {t('settings')}
          </p>
          <ul>
            {navItems.map((item) => (
              <li key={item.href}>
                <a
                  href={item.href}
                  onClick={followLink}
                  aria-current={item.current ? 'page' : undefined}
                  className="acme-nav__link"
                >
                  {item.icon}
                  <span>{item.label}</span>
                  {item.note && <span className="acme-nav__note">{item.note}</span>}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="acme-main" tabIndex={-1}>
          {tokenProblem && !switching && (
            <p className="acme-banner" data-tone="danger" role="alert">
              {t('tokenFailed', { message: tokenProblem })}
            </p>
          )}
          {me ? (
            <RefoldProvider
              fetchToken={fetchToken}
              baseUrl={me.refold.baseUrl}
              scope={me.customer.id}
              locale={locale}
            >
              {content}
            </RefoldProvider>
          ) : (
            content
          )}
        </main>
      </div>
    </I18nContext.Provider>
  );
}
