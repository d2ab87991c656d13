import { ExecutionList } from '@refold/react';
import type { Customer } from '../api.js';
import { PageHeader } from '../components/PageHeader.js';
import { useI18n } from '../i18n.js';

/** Every run of the customer's workflows, across apps. */
export function RunsPage({ customer }: { customer: Customer }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('navRuns')} lead={t('runsLead', { customer: customer.name })} />
      <section className="acme-card" aria-label={t('navRuns')}>
        <ExecutionList pageSize={10} />
      </section>
    </>
  );
}
