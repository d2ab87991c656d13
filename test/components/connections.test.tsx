import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  ConnectButton,
  ConnectDialog,
  DisconnectButton,
  connectDialogUrl,
  openConnectDialog,
} from '../../src/components/index.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';
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
    await userEvent.click(screen.getByRole('button', { name: /^Disconnect$/ }));
    await expect
      .poll(() => account.connections('slack').map((c) => c.connection_id))
      .toEqual([home.connection_id]);
  });
});
