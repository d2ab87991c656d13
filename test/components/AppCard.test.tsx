import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AppCard } from '../../src/components/AppCard/index.js';
import type { Application } from '../../src/core/types.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';
import { ConnectZendesk } from './connect-zendesk.js';
import { HOSTILE_DESCRIPTION, HOSTILE_NAME } from './catalog-fixtures.js';

const { mock, sent } = setupMockWorker();
const ACCOUNT = 'test-customer';

const card = (container: HTMLElement) => container.querySelector<HTMLElement>('.refold-app-card')!;

describe('AppCard', () => {
  it('shows a connected app with its account, tags and icon, with no axe violations', async () => {
    // HubSpot names its connection with an object { portalId, user, hub_domain }, as the real service does.
    mock.account(ACCOUNT).connect('hubspot');
    const screen = renderRefold(<AppCard slug="hubspot" className="mine" />, { mock });
    expect(await screen.findByText('Connected as sales@acme.example (acme.hubspot.com)')).toBeTruthy();
    expect(card(screen.container).textContent).not.toContain('[object Object]');
    const root = card(screen.container);
    expect(root).toHaveAttribute('data-state', 'connected');
    expect(root.className).toBe('refold-app-card refold-root mine');
    expect(screen.getByText('HubSpot')).toBeTruthy();
    expect(screen.getByText('CRM')).toBeTruthy();
    expect(screen.getByText('Marketing')).toBeTruthy();
    expect(root.querySelector('img')?.getAttribute('src')).toMatch(/\/mock-assets\/icons\/hubspot\.svg$/);
    await expectNoAxeViolations(screen.container);
  });

  it('shows a disconnected app with the action slot', async () => {
    const screen = renderRefold(
      <AppCard
        slug="slack"
        action={
          <button type="button" className="refold-button">
            Connect
          </button>
        }
      />,
      { mock },
    );
    expect(await screen.findByText('Not connected')).toBeTruthy();
    expect(card(screen.container)).toHaveAttribute('data-state', 'disconnected');
    expect(screen.getByRole('button', { name: 'Connect' }).closest('.refold-app-card__action')).toBeTruthy();
    await expectNoAxeViolations(screen.container);
  });

  it('shows an expired connection', async () => {
    mock.account(ACCOUNT).connect('notion', { status: 'expired', identifier: 'ops@acme.example' });
    const screen = renderRefold(<AppCard slug="notion" />, { mock });
    expect(await screen.findByText('Connection expired for ops@acme.example')).toBeTruthy();
    expect(card(screen.container)).toHaveAttribute('data-state', 'expired');
    await expectNoAxeViolations(screen.container);
  });

  it('shows a connection status it does not know as a neutral state with the raw status', async () => {
    mock.account(ACCOUNT).connect('notion', { status: 'pending_verification' });
    const screen = renderRefold(<AppCard slug="notion" />, { mock });
    expect(await screen.findByText('Connection status: pending_verification')).toBeTruthy();
    expect(card(screen.container)).toHaveAttribute('data-state', 'unknown');
    await expectNoAxeViolations(screen.container);
  });

  it('follows a connect flow of its app: connecting, then connected', async () => {
    const save = mock.hold({ method: 'POST', path: '/api/v2/app/zendesk/save' });
    const screen = renderRefold(
      <>
        <AppCard slug="zendesk" />
        <ConnectZendesk />
      </>,
      { mock },
    );
    await screen.findByText('Not connected');
    await userEvent.click(screen.getByRole('button', { name: 'Connect Zendesk' }));
    await expect.poll(() => card(screen.container).dataset.state).toBe('connecting');
    expect(screen.getByText('Connecting…')).toBeTruthy();
    await save.arrived;
    await expectNoAxeViolations(screen.container);
    save.release();
    await expect.poll(() => card(screen.container).dataset.state).toBe('connected');
  });

  it('shows a loading state, then an error with a retry that refetches', async () => {
    const load = mock.hold({ path: '/api/v2/f-sdk/application/slack' });
    mock.inject({ path: '/api/v2/f-sdk/application/slack' }, { status: 500 });
    const screen = renderRefold(<AppCard slug="slack" />, { mock });
    expect(card(screen.container)).toHaveAttribute('data-state', 'loading');
    expect(screen.getByRole('status')).toHaveTextContent('Loading app…');
    await load.arrived;
    await expectNoAxeViolations(screen.container);
    load.release();
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong');
    expect(card(screen.container)).toHaveAttribute('data-state', 'error');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Slack')).toBeTruthy();
    expect(sent().filter((r) => r.path === '/api/v2/f-sdk/application/slack')).toHaveLength(2);
  });

  it('with `app` and `status` sends no request', async () => {
    const app: Application = { name: 'Acme', slug: 'acme', description: 'Billing.' };
    const screen = renderRefold(<AppCard app={app} status="disconnected" />, { mock });
    expect(screen.getByText('Acme')).toBeTruthy();
    expect(screen.queryClient.isFetching()).toBe(0); // mounted, and no fetch started: no request will come
    expect(screen.fetchToken).not.toHaveBeenCalled();
    expect(sent()).toHaveLength(0);
  });

  it('renders hostile name, description, tags and identifier as text (fault 23)', async () => {
    const app: Application = {
      name: HOSTILE_NAME,
      slug: 'hostile',
      description: HOSTILE_DESCRIPTION,
      tags: ['<script>alert(3)</script>'],
      connected_accounts: [
        { identifier: '<img src=y onerror=alert(4)>', auth_type: 'oauth2', connectedAt: '' },
      ],
    };
    const screen = renderRefold(<AppCard app={app} status="connected" />, { mock });
    expect(screen.getByText(HOSTILE_NAME)).toBeTruthy();
    expect(screen.getByText(HOSTILE_DESCRIPTION)).toBeTruthy();
    expect(screen.getByText('<script>alert(3)</script>')).toBeTruthy();
    expect(screen.getByText('Connected as <img src=y onerror=alert(4)>')).toBeTruthy();
    expect(screen.container.querySelector('script, img, b')).toBeNull();
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:text/html', 'data:text/html,<script>alert(1)</script>'],
    ['plain http elsewhere', 'http://evil.example/x.png'],
    ['protocol-relative', '//evil.example/x.png'],
  ])('shows initials, not an <img>, for a %s icon (fault 24)', async (_, icon) => {
    const app: Application = { name: 'Evil Corp', slug: 'evil', description: '', icon };
    const screen = renderRefold(<AppCard app={app} status="disconnected" />, { mock });
    expect(screen.container.querySelector('img')).toBeNull();
    expect(screen.container.querySelector('[data-fallback]')).toHaveTextContent('EC');
    expect(screen.container.innerHTML).not.toContain('evil.example');
  });

  it('clamps a long description with CSS, keeping all of it as text', async () => {
    const description = 'A long description of everything this app synchronises. '.repeat(20);
    const app: Application = { name: 'Long', slug: 'long', description };
    const screen = renderRefold(<AppCard app={app} status="disconnected" />, { mock });
    const text = screen.container.querySelector<HTMLElement>('.refold-app-card__description')!;
    expect(text.textContent).toBe(description);
    expect(getComputedStyle(text).webkitLineClamp).toBe('2');
    expect(text.getBoundingClientRect().height).toBeLessThan(60);
  });
});
