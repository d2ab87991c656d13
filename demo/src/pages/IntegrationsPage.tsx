import {
  AppCard,
  AppList,
  ConfigForm,
  ConnectButton,
  ConnectDialog,
  DisconnectButton,
  ExecutionList,
  connectionsOf,
  isConnected,
  useApplication,
  useApplications,
} from '@refold/react';
import { Fragment, useId, useRef } from 'react';
import type { Customer } from '../api.js';
import { BackIcon, PlugIcon, ShieldIcon } from '../components/icons.js';
import { PageHeader } from '../components/PageHeader.js';
import { useI18n } from '../i18n.js';
import { followLink, navigate, paths, useFocusAfterNavigation } from '../router.js';

/** The settings page built from the library's components: catalog, connect, status, config, runs. */
export function IntegrationsPage({
  slug,
  customer,
  mode,
}: {
  slug: string | undefined;
  customer: Customer;
  mode: 'mock' | 'refold';
}) {
  const { t } = useI18n();
  const { data: apps } = useApplications();
  const catalogId = useId();
  return (
    <>
      <PageHeader
        title={t('navIntegrations')}
        lead={t('integrationsLead', { customer: customer.name })}
        actions={<ConnectDialog />}
      />
      <aside className="acme-callout" aria-label={t('securityTitle')}>
        <ShieldIcon />
        <div>
          <p className="acme-callout__title">
            {t('securityTitle')}{' '}
            <span className="acme-pill" data-tone={mode === 'mock' ? 'neutral' : 'success'}>
              {mode === 'mock' ? t('modeMock') : t('modeRefold')}
            </span>
          </p>
          <p className="acme-muted">{t('securityBody')}</p>
        </div>
      </aside>
      <div className="acme-integrations" data-selected={slug ? '' : undefined}>
        <section className="acme-card acme-catalog" aria-labelledby={catalogId}>
          <div className="acme-card__header">
            <h2 id={catalogId}>{t('catalog')}</h2>
            {apps && (
              <p className="acme-muted">
                {t('connectedCount', { connected: apps.filter(isConnected).length, total: apps.length })}
              </p>
            )}
          </div>
          <AppList onSelect={(app) => navigate(paths.app(app.slug))} />
        </section>
        {slug ? (
          <AppDetail key={slug} slug={slug} />
        ) : (
          <section className="acme-card acme-detail acme-detail--empty" aria-label={t('catalog')}>
            <PlugIcon />
            <p className="acme-muted">{t('pickApp')}</p>
          </section>
        )}
      </div>
    </>
  );
}

/** One app: its card, connect or disconnect, and once connected its settings and recent runs. */
function AppDetail({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { data: app } = useApplication(slug);
  const section = useRef<HTMLElement>(null);
  const ids = { title: useId(), settings: useId(), runs: useId() };
  useFocusAfterNavigation(section, slug);
  const name = app?.name ?? slug;
  const connected = app ? isConnected(app) : false;
  // Several accounts (added from the dialog): each with its own Reconnect and Disconnect, in the card.
  const several = connectionsOf(app).length > 1;
  return (
    <section ref={section} className="acme-card acme-detail" aria-labelledby={ids.title} tabIndex={-1}>
      <a className="acme-back" href={paths.integrations} onClick={followLink}>
        <BackIcon />
        {t('allApps')}
      </a>
      <h2 id={ids.title} className="acme-visually-hidden">
        {name}
      </h2>
      {/* Keyed on the connection: a disconnect starts the card and the connect button afresh. */}
      <Fragment key={String(connected)}>
        <AppCard slug={slug} connections={several} className="acme-detail__card" />
        {app && !several && (
          <div className="acme-detail__actions">
            {connected ? <DisconnectButton slug={slug} /> : <ConnectButton slug={slug} />}
          </div>
        )}
      </Fragment>
      {connected ? (
        <>
          <section className="acme-detail__section" aria-labelledby={ids.settings}>
            <h3 id={ids.settings}>{t('settingsTitle')}</h3>
            <ConfigForm slug={slug} />
          </section>
          <section className="acme-detail__section" aria-labelledby={ids.runs}>
            <h3 id={ids.runs}>{t('runsTitle')}</h3>
            <ExecutionList slug={slug} pageSize={5} />
          </section>
        </>
      ) : (
        app && <p className="acme-muted">{t('connectFirst', { app: name })}</p>
      )}
    </section>
  );
}
