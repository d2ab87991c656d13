import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ConnectButton } from '../../src/components/ConnectButton/index.js';
import { DisconnectButton } from '../../src/components/DisconnectButton/index.js';
import { ConnectionStatus } from '../../src/components/ConnectionStatus/index.js';
import type { ConnectionState } from '../../src/components/ConnectionStatus/index.js';
import type { Application } from '../../src/core/types.js';
import { de } from '../../src/i18n/locales/de.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';
import { ConnectZendesk } from './connect-zendesk.js';
import { stubPopup } from './fake-popup.js';

const { mock, sent } = setupMockWorker();
const ACCOUNT = 'test-customer';

const badge = (container: HTMLElement) => container.querySelector<HTMLElement>('.refold-connection-status')!;

describe('ConnectionStatus', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each<[string, (id: string) => void, ConnectionState, string]>([
    [
      'connected',
      (id) => void mock.account(id).connect('slack', { identifier: 'team@acme.example' }),
      'connected',
      'Connected as team@acme.example',
    ],
    [
      'expired',
      (id) => void mock.account(id).connect('slack', { status: 'expired', identifier: 'old@acme.example' }),
      'expired',
      'Connection expired for old@acme.example',
    ],
    ['not connected', () => undefined, 'disconnected', 'Not connected'],
    [
      'a status it does not know, neutral, with the raw status',
      (id) => void mock.account(id).connect('slack', { status: 'revoked' }),
      'unknown',
      'Connection status: revoked',
    ],
  ])('shows %s from the app data, with no axe violations', async (_, setup, state, text) => {
    setup(ACCOUNT);
    const screen = renderRefold(<ConnectionStatus slug="slack" />, { mock });
    expect(await screen.findByText(text)).toBeTruthy();
    expect(badge(screen.container)).toHaveAttribute('data-state', state);
    await expectNoAxeViolations(screen.container);
  });

  it('names an account from an object identifier, never as [object Object]', async () => {
    mock.account(ACCOUNT).connect('hubspot');
    const screen = renderRefold(<ConnectionStatus slug="hubspot" />, { mock });
    expect(await screen.findByText('Connected as sales@acme.example (acme.hubspot.com)')).toBeTruthy();
    const app = (identifier: unknown): Application => ({
      name: 'X',
      slug: 'x',
      description: '',
      connected_accounts: [{ identifier, auth_type: 'oauth2', connectedAt: '' }],
    });
    const named = renderRefold(
      <>
        <ConnectionStatus app={app({ portalId: 24681357 })} status="connected" />
        <ConnectionStatus app={app({ name: 'Acme Workspace', team_id: 'T1' })} status="connected" />
        <ConnectionStatus app={app(8675309)} status="connected" />
      </>,
      { mock },
    );
    expect([...named.container.querySelectorAll('[data-state]')].map((b) => b.textContent)).toEqual([
      'Connected as 24681357',
      'Connected as Acme Workspace',
      'Connected as 8675309',
    ]);
  });

  it('names an account it cannot read by its auth type and connection date', async () => {
    // Public Holidays (`noauth`) connects without any identifier; an object without known keys neither names one.
    mock.account(ACCOUNT).connect('public-holidays', { connectedAt: '2026-03-05T12:00:00Z' });
    const screen = renderRefold(<ConnectionStatus slug="public-holidays" />, { mock });
    expect(await screen.findByText('Connected (No sign-in · Mar 5, 2026)')).toBeTruthy();
    const app: Application = {
      name: 'X',
      slug: 'x',
      description: '',
      connected_accounts: [
        {
          identifier: { scopes: ['a'] },
          auth_type: 'api_key',
          connectedAt: '2026-01-02T12:00:00Z',
          status: 'expired',
        },
      ],
    };
    const expired = renderRefold(<ConnectionStatus app={app} status="expired" />, {
      mock,
      providerProps: { locale: 'de', messages: de },
    });
    expect(badge(expired.container)).toHaveTextContent('Verbindung abgelaufen (API-Schlüssel · 02.01.2026)');
  });

  it('says "Connected" without an account name when Refold sends only `connected: true`', async () => {
    const app: Application = { name: 'Old', slug: 'old', description: '', connected: true };
    const screen = renderRefold(<ConnectionStatus app={app} status="connected" />, { mock });
    expect(badge(screen.container)).toHaveTextContent(/^Connected$/);
  });

  it('announces, in the same polite live region, the flow going from not connected to connecting to connected', async () => {
    const save = mock.hold({ method: 'POST', path: '/api/v2/app/zendesk/save' });
    const screen = renderRefold(
      <>
        <ConnectionStatus slug="zendesk" />
        <ConnectZendesk />
      </>,
      { mock },
    );
    await screen.findByText('Not connected');
    const region = badge(screen.container);
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveAttribute('aria-atomic', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Connect Zendesk' }));
    await expect.poll(() => region.dataset.state).toBe('connecting');
    expect(region).toHaveTextContent('Connecting…');
    await save.arrived;
    await expectNoAxeViolations(screen.container);
    save.release();
    await expect.poll(() => region.textContent).toBe('Connected as agent@acme.example');
    expect(badge(screen.container)).toBe(region);
  });

  it('keeps its root, the polite live region and the ref target, when a second account turns the badge into a list and back', async () => {
    const account = mock.account(ACCOUNT);
    const work = account.connect('slack', { identifier: 'work@acme.example' });
    stubPopup({ onNavigate: () => mock.completeOAuth(ACCOUNT, 'slack') });
    const ref = createRef<HTMLElement>();
    const screen = renderRefold(
      <>
        <ConnectionStatus ref={ref} slug="slack" />
        <ConnectButton slug="slack" addAccount />
        <DisconnectButton slug="slack" connectionId={work.connection_id} />
      </>,
      { mock },
    );
    await screen.findByText('Connected as work@acme.example');
    const root = ref.current!;
    const live = () => [root.getAttribute('aria-live'), root.getAttribute('aria-atomic')];
    expect(live()).toEqual(['polite', 'true']);

    await userEvent.click(screen.getByRole('button', { name: 'Add another Slack account' }));
    const list = await screen.findByRole('list', { name: 'Slack accounts' }, { timeout: 5000 });
    expect(list).toBe(root);
    expect(ref.current).toBe(root);
    expect(live()).toEqual(['polite', 'true']);
    const added = account.connections('slack').find((c) => c.connection_id !== work.connection_id)!;
    expect(root).toHaveTextContent(`Connected as work@acme.example Connected as ${String(added.identifier)}`);
    await expectNoAxeViolations(screen.container);

    await userEvent.click(screen.getByRole('button', { name: 'Disconnect Slack (work@acme.example)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    await expect.poll(() => root.getAttribute('role')).toBeNull();
    expect(ref.current).toBe(root);
    expect(root.isConnected).toBe(true);
    expect(root).not.toHaveAttribute('aria-label');
    expect(root).toHaveTextContent(`Connected as ${String(added.identifier)}`);
    expect(live()).toEqual(['polite', 'true']);
  });

  it('shows a checking state while loading, then an error with a retry', async () => {
    const load = mock.hold({ path: '/api/v2/f-sdk/application/slack' });
    mock.inject({ path: '/api/v2/f-sdk/application/slack' }, { status: 500 });
    const screen = renderRefold(<ConnectionStatus slug="slack" />, { mock });
    expect(badge(screen.container)).toHaveAttribute('data-state', 'loading');
    expect(badge(screen.container)).toHaveTextContent('Checking connection…');
    await load.arrived;
    await expectNoAxeViolations(screen.container);
    load.release();
    expect(await screen.findByRole('alert')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Not connected')).toBeTruthy();
  });

  it('with `status` subscribes to nothing and sends no request', async () => {
    const screen = renderRefold(
      <>
        {(['connected', 'expired', 'disconnected', 'connecting'] as const).map((status) => (
          <ConnectionStatus key={status} slug="slack" status={status} />
        ))}
      </>,
      { mock },
    );
    expect([...screen.container.querySelectorAll('[data-state]')].map((b) => b.textContent)).toEqual([
      'Connected',
      'Connection expired',
      'Not connected',
      'Connecting…',
    ]);
    expect(screen.queryClient.isFetching()).toBe(0); // mounted, and no fetch started: no request will come
    await expectNoAxeViolations(screen.container);
    expect(screen.fetchToken).not.toHaveBeenCalled();
    expect(sent()).toHaveLength(0);
  });

  it('renders a hostile account identifier as text (fault 23)', async () => {
    const app: Application = {
      name: 'X',
      slug: 'x',
      description: '',
      connected_accounts: [
        { identifier: '<img src=x onerror=alert(1)>', auth_type: 'oauth2', connectedAt: '' },
      ],
    };
    const screen = renderRefold(<ConnectionStatus app={app} status="connected" />, { mock });
    expect(badge(screen.container).textContent).toBe('Connected as <img src=x onerror=alert(1)>');
    expect(screen.container.querySelector('img')).toBeNull();
  });

  it('renders in the provider locale at once when given its catalog', () => {
    const screen = renderRefold(<ConnectionStatus slug="slack" status="disconnected" />, {
      mock,
      providerProps: { locale: 'de', messages: de },
    });
    expect(badge(screen.container)).toHaveTextContent('Nicht verbunden');
  });

  it('loads the provider locale’s strings when only the locale is given, showing English meanwhile', async () => {
    const screen = renderRefold(<ConnectionStatus slug="slack" status="disconnected" />, {
      mock,
      providerProps: { locale: 'de-AT' },
    });
    await expect.poll(() => badge(screen.container).textContent).toBe('Nicht verbunden');
  });
});
