import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AppList } from '../../src/components/AppList/index.js';
import { mockApps } from '../../src/testing/mock-refold/fixtures.js';
import type { MockExecution } from '../../src/testing/mock-refold/index.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';

const { mock, sent } = setupMockWorker();
const ACCOUNT = 'test-customer';

function run(slug: string, status: string, hoursAgo: number): MockExecution {
  const app = mockApps.find((a) => a.slug === slug)!;
  const at = new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  return {
    _id: `run-${slug}-${hoursAgo}`,
    name: `${app.name} sync`,
    status,
    associated_application: { _id: app.app_id, name: app.name },
    associated_workflow: { _id: 'wf', name: `${app.name} sync` },
    environment: 'test',
    config_id: ACCOUNT,
    linked_account_id: ACCOUNT,
    org_id: 'org',
    createdAt: at,
  };
}

/** Slack: last run failed; HubSpot: connection expired, no run; Zendesk: healthy. */
function seed() {
  const account = mock.account(ACCOUNT);
  account.connect('slack');
  account.connect('hubspot', { status: 'expired' });
  account.connect('zendesk', { credentials: { subdomain: 'acme', email: 'a@acme.test', api_token: 'x' } });
  account.setExecutions([
    run('slack', 'COMPLETED', 5),
    run('slack', 'ERRORED', 1),
    run('zendesk', 'COMPLETED', 2),
  ]);
}

const row = (listbox: HTMLElement, name: string) =>
  [...listbox.querySelectorAll<HTMLElement>('.refold-app-card')].find(
    (card) => card.querySelector('.refold-app-card__name')?.textContent === name,
  );

describe('AppList with health at a glance', () => {
  it('reads the runs of every connected app in one request and shows each app’s last run and attention', async () => {
    seed();
    const screen = renderRefold(<AppList health />, { mock });
    const listbox = await screen.findByRole('listbox', { name: 'Apps' }, { timeout: 10_000 });
    await expect
      .poll(() => row(listbox, 'Slack')?.querySelector('.refold-app-card__health')?.textContent)
      .toMatch(/^Needs attentionLast run .+: Failed$/);
    const runs = sent().filter((r) => r.path === '/api/v2/public/execution');
    expect(runs).toHaveLength(1);
    expect(runs[0]?.query).toMatchObject({ slug: 'hubspot,slack,zendesk', limit: '100' });
    expect(row(listbox, 'Slack')?.hasAttribute('data-attention')).toBe(true);
    expect(row(listbox, 'HubSpot')?.querySelector('.refold-app-card__health')?.textContent).toBe(
      'Needs attentionNo runs yet',
    );
    expect(row(listbox, 'Zendesk')?.hasAttribute('data-attention')).toBe(false);
    expect(row(listbox, 'Zendesk')?.querySelector('.refold-app-card__health')?.textContent).toMatch(
      /^Last run .+: Completed$/,
    );
  });

  it('the "Needs attention" filter keeps only the apps that need attention', async () => {
    seed();
    const screen = renderRefold(<AppList health />, { mock });
    const listbox = await screen.findByRole('listbox', { name: 'Apps' }, { timeout: 10_000 });
    await expect.poll(() => row(listbox, 'Slack')?.hasAttribute('data-attention')).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Needs attention' }));
    await expect
      .poll(() => [...listbox.querySelectorAll('.refold-app-card__name')].map((n) => n.textContent))
      .toEqual(['Slack', 'HubSpot']);
  });

  it('without health, sends no executions request and shows no filter', async () => {
    seed();
    const screen = renderRefold(<AppList />, { mock });
    await screen.findByRole('listbox', { name: 'Apps' }, { timeout: 10_000 });
    expect(screen.queryByRole('checkbox', { name: 'Needs attention' })).toBeNull();
    expect(sent().some((r) => r.path === '/api/v2/public/execution')).toBe(false);
  });
});
