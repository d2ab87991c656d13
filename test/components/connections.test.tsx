import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  AppCard,
  ConfigForm,
  ConnectButton,
  ConnectDialog,
  ConnectionList,
  ConnectionStatus,
  DisconnectButton,
  connectDialogUrl,
  openConnectDialog,
} from '../../src/components/index.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';
import type { RefoldEvent } from '../../src/react/index.js';
import { stubPopup } from './fake-popup.js';

const ACCOUNT = 'test-customer';

describe('several connections and reconnect in the components', () => {
  const { mock } = setupMockWorker();
  const start = window.location.href;
  afterEach(() => {
    vi.restoreAllMocks();
    window.history.replaceState(null, '', start);
  });

  /** A work account and an expired home account of Slack. */
  function twoSlackAccounts() {
    const account = mock.account(ACCOUNT);
    const work = account.connect('slack', { identifier: 'work@acme.test' });
    const home = account.connect('slack', { identifier: 'home@acme.test', status: 'expired' });
    return { account, work, home };
  }

  it('ConnectDialog with slug and connectionId opens on "Reconnect" and repairs that connection in place', async () => {
    const { account, work, home } = twoSlackAccounts();
    stubPopup({ onNavigate: () => mock.completeOAuth(ACCOUNT, 'slack') });
    const onConnected = vi.fn();
    const screen = renderRefold(
      <ConnectDialog defaultOpen slug="slack" connectionId={home.connection_id} onConnected={onConnected} />,
      { mock },
    );
    expect(await screen.findByRole('heading', { name: 'Reconnect Slack' })).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Reconnect Slack' }));
    await expect.poll(() => onConnected.mock.calls, { timeout: 5000 }).toEqual([['slack']]);
    const integrate = mock.requests.find((r) => r.path === '/api/v1/slack/integrate');
    expect(integrate?.query).toEqual({ connection_id: home.connection_id });
    expect(account.connections('slack')).toMatchObject([
      { connection_id: work.connection_id, status: 'active' },
      { connection_id: home.connection_id, status: 'active', identifier: 'home@acme.test' },
    ]);
  });

  it('ConnectDialog on an app already connected shows its accounts: Reconnect the expired one, or add another', async () => {
    const { account } = twoSlackAccounts();
    stubPopup({ onNavigate: () => mock.completeOAuth(ACCOUNT, 'slack') });
    const onConnected = vi.fn();
    const screen = renderRefold(<ConnectDialog defaultOpen slug="slack" onConnected={onConnected} />, {
      mock,
    });
    const list = await screen.findByRole('list', { name: 'Slack accounts' });
    expect(list.querySelectorAll('li')).toHaveLength(2);
    expect(screen.getAllByRole('button', { name: 'Reconnect Slack' })).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Add another Slack account' }));
    await expect.poll(() => onConnected.mock.calls, { timeout: 5000 }).toEqual([['slack']]);
    expect(await screen.findByRole('heading', { name: 'Configure Slack' })).toBeTruthy();
    expect(account.connections('slack')).toHaveLength(3);
  });

  it('ConnectDialog on a connected app goes back to "Connect" once its last account is disconnected', async () => {
    mock.account(ACCOUNT).connect('slack', { identifier: 'work@acme.test' });
    const screen = renderRefold(<ConnectDialog defaultOpen slug="slack" />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Disconnect Slack (work@acme.test)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByRole('button', { name: 'Connect Slack' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Slack accounts' })).toBeNull();
  });

  it('ConnectDialog with deepLink opens on the app of the page URL’s connect link and clears the link', async () => {
    window.history.replaceState(null, '', connectDialogUrl({ slug: 'zendesk' }));
    expect(new URL(window.location.href).searchParams.get('refold-connect')).toBe('zendesk');
    const screen = renderRefold(<ConnectDialog deepLink />, { mock });
    expect(await screen.findByRole('heading', { name: 'Connect Zendesk' })).toBeTruthy();
    expect(document.querySelector('dialog')?.open).toBe(true);
    expect(new URL(window.location.href).searchParams.has('refold-connect')).toBe(false);
  });

  it('openConnectDialog() from elsewhere on the page opens a deepLink dialog on that app', async () => {
    const screen = renderRefold(
      <>
        <button type="button" onClick={() => openConnectDialog({ slug: 'slack' })}>
          Connect Slack elsewhere
        </button>
        <ConnectDialog deepLink />
      </>,
      { mock },
    );
    expect(document.querySelector('dialog')?.open).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Connect Slack elsewhere' }));
    expect(await screen.findByRole('heading', { name: 'Connect Slack' })).toBeTruthy();
    expect(document.querySelector('dialog')?.open).toBe(true);
  });

  it('connectDialogUrl builds a link to another page with the app and connection, never more', () => {
    expect(connectDialogUrl({ slug: 'slack', connectionId: 'conn_1' }, '/settings/apps?tab=2')).toBe(
      '/settings/apps?tab=2&refold-connect=slack&refold-connection=conn_1',
    );
    expect(connectDialogUrl({ slug: 'slack' }, 'https://app.example/settings')).toBe(
      'https://app.example/settings?refold-connect=slack',
    );
  });

  it('ConnectButton with connectionId reads "Reconnect {app}"; with addAccount, "Add another {app} account"', async () => {
    const { home } = twoSlackAccounts();
    const screen = renderRefold(
      <>
        <ConnectButton slug="slack" connectionId={home.connection_id} />
        <ConnectButton slug="slack" addAccount />
      </>,
      { mock },
    );
    expect(await screen.findByRole('button', { name: 'Reconnect Slack' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add another Slack account' })).toBeTruthy();
  });

  it('DisconnectButton with connectionId names the account and removes only that connection', async () => {
    const { account, work, home } = twoSlackAccounts();
    const screen = renderRefold(<DisconnectButton slug="slack" connectionId={work.connection_id} />, {
      mock,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Disconnect Slack (work@acme.test)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    await expect
      .poll(() => account.connections('slack').map((c) => c.connection_id))
      .toEqual([home.connection_id]);
  });

  it('ConnectionList shows each connection with its label and state, Reconnect only for the expired one, and passes axe', async () => {
    const { work, home } = twoSlackAccounts();
    const screen = renderRefold(<ConnectionList slug="slack" />, { mock });
    const list = await screen.findByRole('list', { name: 'Slack accounts' });
    const items = [...list.querySelectorAll<HTMLElement>('li')];
    expect(items.map((li) => li.querySelector('.refold-connection-list__label')?.textContent)).toEqual([
      'Connected as work@acme.test',
      'Connection expired for home@acme.test',
    ]);
    expect(items.map((li) => li.dataset.state)).toEqual(['active', 'expired']);
    expect(items.map((li) => li.hasAttribute('data-attention'))).toEqual([false, true]);
    expect(screen.getAllByRole('button', { name: 'Reconnect Slack' })).toHaveLength(1);
    expect(items[1]!.contains(screen.getByRole('button', { name: 'Reconnect Slack' }))).toBe(true);
    expect(screen.getByRole('button', { name: 'Disconnect Slack (work@acme.test)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Disconnect Slack (home@acme.test)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add another Slack account' })).toBeTruthy();
    expect(work.connection_id).not.toBe(home.connection_id);
    await expectNoAxeViolations(screen.container);
  });

  it('ConnectionList: reconnecting the expired one keeps both connections and makes it active', async () => {
    const { account, home } = twoSlackAccounts();
    stubPopup({ onNavigate: () => mock.completeOAuth(ACCOUNT, 'slack') });
    const screen = renderRefold(<ConnectionList slug="slack" />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Reconnect Slack' }));
    await expect
      .poll(() =>
        [...document.querySelectorAll<HTMLElement>('.refold-connection-list__item')].map(
          (li) => li.dataset.state,
        ),
      )
      .toEqual(['active', 'active']);
    expect(account.connections('slack').map((c) => c.connection_id)).toContain(home.connection_id);
    expect(account.connections('slack')).toHaveLength(2);
  });

  it('ConnectionList: "Add another account" makes a new connection beside the others', async () => {
    const { account } = twoSlackAccounts();
    stubPopup({ onNavigate: () => mock.completeOAuth(ACCOUNT, 'slack') });
    const screen = renderRefold(<ConnectionList slug="slack" addAccount />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Add another Slack account' }));
    await expect.poll(() => document.querySelectorAll('.refold-connection-list__item').length).toBe(3);
    expect(account.connections('slack')).toHaveLength(3);
  });

  it('AppCard with connections lists them under the card; disconnecting one leaves the other', async () => {
    const { account, home } = twoSlackAccounts();
    const screen = renderRefold(<AppCard slug="slack" connections />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Disconnect Slack (work@acme.test)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    await expect.poll(() => document.querySelectorAll('.refold-connection-list__item').length).toBe(1);
    expect(account.connections('slack').map((c) => c.connection_id)).toEqual([home.connection_id]);
  });

  it('ConnectionStatus of an app with several connections lists each with its label and state, and passes axe', async () => {
    twoSlackAccounts();
    const screen = renderRefold(<ConnectionStatus slug="slack" />, { mock });
    const list = await screen.findByRole('list', { name: 'Slack accounts' });
    expect(list).toHaveAttribute('data-state', 'connected');
    expect(list).toHaveAttribute('aria-live', 'polite');
    const badges = [...list.querySelectorAll<HTMLElement>('[role="listitem"]')];
    expect(badges.map((b) => [b.dataset.state, b.textContent])).toEqual([
      ['connected', 'Connected as work@acme.test'],
      ['expired', 'Connection expired for home@acme.test'],
    ]);
    await expectNoAxeViolations(screen.container);
  });

  it('ConnectionStatus keeps one badge while a flow runs, with `summary`, and for an app with one connection', async () => {
    const { account } = twoSlackAccounts();
    account.connect('zendesk', { identifier: 'help@acme.test' });
    const screen = renderRefold(
      <>
        <ConnectionStatus slug="slack" summary />
        <ConnectionStatus slug="slack" status="connecting" />
        <ConnectionStatus slug="zendesk" />
      </>,
      { mock },
    );
    expect(await screen.findByText('Connected as work@acme.test')).toBeTruthy();
    expect(await screen.findByText('Connected as help@acme.test')).toBeTruthy();
    expect(screen.getByText('Connecting…')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('AppCard names each connection; with `connections` (its own list below) or `status`, one badge', async () => {
    twoSlackAccounts();
    const screen = renderRefold(<AppCard slug="slack" />, { mock });
    const list = await screen.findByRole('list', { name: 'Slack accounts' });
    expect(list.querySelectorAll('[role="listitem"]')).toHaveLength(2);
    screen.rerender(<AppCard slug="slack" connections />);
    await screen.findByRole('button', { name: 'Disconnect Slack (work@acme.test)' });
    expect(screen.getAllByRole('list', { name: 'Slack accounts' })).toHaveLength(1);
    expect(document.querySelector('.refold-app-card__status')).toHaveTextContent(
      'Connected as work@acme.test',
    );
  });

  it('ConnectionList of an app with no connection says so and offers no "Add another account"', async () => {
    const screen = renderRefold(<ConnectionList slug="slack" />, { mock });
    expect(await screen.findByText('No Slack account is connected.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add another Slack account' })).toBeNull();
  });

  it('ConnectDialog tells the funnel: open once (strict mode too), then select-app with the time since opening', async () => {
    const events: RefoldEvent[] = [];
    const screen = renderRefold(<ConnectDialog />, {
      mock,
      providerProps: { onEvent: (e) => events.push(e) },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Connect an app' }));
    const listbox = await screen.findByRole('listbox', {}, { timeout: 10_000 });
    const slack = [...listbox.querySelectorAll<HTMLElement>('[role="option"]')].find((o) =>
      o.textContent?.includes('Slack'),
    )!;
    await userEvent.click(slack);
    await screen.findByRole('heading', { name: 'Connect Slack' });
    const funnel = events.filter((e) => e.type === 'open' || e.type === 'select-app');
    expect(funnel).toEqual([
      { type: 'open' },
      { type: 'select-app', slug: 'slack', durationMs: expect.any(Number) },
    ]);
  });

  it('ConfigForm with connectionId reads that connection’s config (connection_id sent)', async () => {
    const { home } = twoSlackAccounts();
    const screen = renderRefold(<ConfigForm slug="slack" connectionId={home.connection_id} />, { mock });
    await screen.findByRole('button', { name: 'Save' }, { timeout: 10_000 });
    const read = mock.requests.find((r) => r.method === 'POST' && r.path === '/api/v2/f-sdk/config');
    expect(read?.body).toMatchObject({ slug: 'slack', connection_id: home.connection_id });
  });
});
