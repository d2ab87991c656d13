import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ConnectDialog } from '../../src/components/ConnectDialog/index.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';
import { stubPopup } from './fake-popup.js';

const ACCOUNT = 'test-customer';

describe('ConnectDialog', () => {
  const { mock } = setupMockWorker();
  afterEach(() => vi.restoreAllMocks());

  const dialogOf = () => document.querySelector('dialog')!;
  const currentStep = () => dialogOf().querySelector('[aria-current="step"]')?.textContent;

  it('opens from its trigger as a modal dialog labelled by its title, with a step indicator, and passes axe', async () => {
    const screen = renderRefold(<ConnectDialog />, { mock });
    const trigger = screen.getByRole('button', { name: 'Connect an app' });
    expect(trigger.getAttribute('aria-haspopup')).toBe('dialog');
    expect(dialogOf().open).toBe(false);
    await userEvent.click(trigger);
    const dialog = screen.getByRole('dialog', { name: 'Connect an app' }) as HTMLDialogElement;
    expect(dialog).toBe(dialogOf());
    expect(dialog.open).toBe(true);
    expect(dialog.matches(':modal')).toBe(true);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('data-state')).toBe('open');
    expect(currentStep()).toBe('Choose an app');
    expect([...dialog.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual([
      'Choose an app',
      'Sign in',
      'Configure',
      'Done',
    ]);
    await screen.findByRole('listbox');
    await expectNoAxeViolations(screen.container);
  });

  it('closes on Escape and returns focus to the trigger', async () => {
    const onOpenChange = vi.fn();
    const screen = renderRefold(<ConnectDialog onOpenChange={onOpenChange} />, { mock });
    const trigger = screen.getByRole('button', { name: 'Connect an app' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    expect(dialogOf().open).toBe(true);
    expect(dialogOf().contains(document.activeElement)).toBe(true);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => dialogOf().open).toBe(false);
    expect(document.activeElement).toBe(trigger);
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
    expect(dialogOf().children).toHaveLength(0);
  });

  it('keeps focus inside the dialog while tabbing forwards and backwards', async () => {
    const screen = renderRefold(
      <>
        <button type="button">Outside</button>
        <ConnectDialog slug="quickbooks" />
      </>,
      { mock },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Connect an app' }));
    await screen.findByRole('button', { name: 'Connect QuickBooks' });
    const dialog = dialogOf();
    for (let i = 0; i < 6; i++) {
      await userEvent.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    for (let i = 0; i < 6; i++) {
      await userEvent.tab({ shift: true });
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  it('walks the whole flow: pick Slack, sign in through the pop-up, configure, done, and closes', async () => {
    stubPopup({ onNavigate: () => mock.completeOAuth(ACCOUNT, 'slack') });
    const onConnected = vi.fn();
    const screen = renderRefold(<ConnectDialog onConnected={onConnected} />, { mock });
    const trigger = screen.getByRole('button', { name: 'Connect an app' });
    await userEvent.click(trigger);

    await userEvent.click(await screen.findByRole('option', { name: /Slack/ }));
    expect(currentStep()).toBe('Sign in');
    const heading = screen.getByRole('heading', { name: 'Connect Slack' });
    await expect.poll(() => document.activeElement).toBe(heading);
    await expectNoAxeViolations(screen.container);

    await userEvent.click(screen.getByRole('button', { name: 'Connect Slack' }));
    await expect.poll(() => currentStep(), { timeout: 5000 }).toBe('Configure');
    expect(onConnected).toHaveBeenCalledWith('slack');
    expect(screen.getByRole('heading', { name: 'Configure Slack' })).toBeTruthy();
    await expectNoAxeViolations(screen.container);

    await userEvent.click(screen.getByRole('button', { name: 'Skip for now' }));
    expect(currentStep()).toBe('Done');
    expect(screen.getByRole('heading', { name: 'Slack is ready' })).toBeTruthy();
    await expectNoAxeViolations(screen.container);

    await userEvent.click(screen.getByRole('button', { name: 'Finish' }));
    await expect.poll(() => dialogOf().open).toBe(false);
    expect(document.activeElement).toBe(trigger);
    expect(mock.account(ACCOUNT).connections('slack')).toHaveLength(1);
  });

  it('starts at "Sign in" with slug, shows the credentials form of a key-based app, and submits it with Enter', async () => {
    const screen = renderRefold(<ConnectDialog slug="zendesk" />, { mock });
    await userEvent.click(screen.getByRole('button', { name: 'Connect an app' }));
    expect([...dialogOf().querySelectorAll('ol li')].map((li) => li.textContent)).toEqual([
      'Sign in',
      'Configure',
      'Done',
    ]);
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    await userEvent.type(await screen.findByLabelText(/^Subdomain/), 'acme');
    await userEvent.type(screen.getByLabelText(/^Agent email/), 'agent@acme.test');
    await userEvent.type(screen.getByLabelText(/^API token/), 'zd-token{Enter}');
    await expect.poll(() => currentStep(), { timeout: 5000 }).toBe('Configure');
    expect(mock.account(ACCOUNT).connections('zendesk')).toHaveLength(1);
  });

  it('asks before Close or Escape drops an edited config: Keep editing keeps every value, Discard closes', async () => {
    stubPopup({ onNavigate: () => mock.completeOAuth(ACCOUNT, 'slack') });
    const onOpenChange = vi.fn();
    const screen = renderRefold(<ConnectDialog slug="slack" onOpenChange={onOpenChange} />, { mock });
    await userEvent.click(screen.getByRole('button', { name: 'Connect an app' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Connect Slack' }));
    await expect.poll(() => currentStep(), { timeout: 5000 }).toBe('Configure');
    const amount = await screen.findByRole('textbox', { name: 'Record name prefix' });
    await userEvent.clear(amount);
    await userEvent.type(amount, '4242');

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    const question = await screen.findByRole('alertdialog', { name: 'Discard unsaved changes?' });
    expect(dialogOf().open).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep editing' }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(question.isConnected).toBe(false);
    expect(amount).toHaveValue('4242');

    await userEvent.keyboard('{Escape}');
    await screen.findByRole('alertdialog', { name: 'Discard unsaved changes?' });
    await userEvent.keyboard('{Escape}'); // Escape in the question keeps editing
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(dialogOf().open).toBe(true);
    expect(amount).toHaveValue('4242');

    await userEvent.click(screen.getByRole('button', { name: 'Skip for now' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Discard changes' }));
    expect(currentStep()).toBe('Done');
    expect(onOpenChange).not.toHaveBeenCalledWith(false);
    await expectNoAxeViolations(screen.container);
  });

  it('closes at once when nothing was edited, and asks before Back drops typed credentials', async () => {
    const screen = renderRefold(<ConnectDialog />, { mock });
    await userEvent.click(screen.getByRole('button', { name: 'Connect an app' }));
    await userEvent.click(await screen.findByRole('option', { name: /Zendesk/ }));
    await userEvent.type(await screen.findByLabelText(/^Subdomain/), 'acme');
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('alertdialog', { name: 'Discard unsaved changes?' });
    await userEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText(/^Subdomain/)).toHaveValue('acme');
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Discard changes' }));
    expect(currentStep()).toBe('Choose an app');

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await expect.poll(() => dialogOf().open).toBe(false);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  /**
   * The connection named by each config request (reads, field options, writes) after the sign-in started:
   * a request of the previous test's form may still land before it.
   */
  const configConnections = () =>
    mock.requests
      .slice(mock.requests.findIndex((r) => r.path === '/api/v1/slack/integrate'))
      .filter((r) => r.path.includes('/config'))
      .map((r) => (r.body as { connection_id?: string } | undefined)?.connection_id ?? r.query.connection_id);

  it('configures the account just added beside another: every config request, the save included, names its connection', async () => {
    const account = mock.account(ACCOUNT);
    const work = account.connect('slack', { identifier: 'work@acme.test' });
    stubPopup({ onNavigate: () => mock.completeOAuth(ACCOUNT, 'slack') });
    const screen = renderRefold(<ConnectDialog defaultOpen slug="slack" />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Add another Slack account' }));
    const prefix = await screen.findByRole('textbox', { name: 'Record name prefix' }, { timeout: 5000 });
    const added = account.connections('slack').find((c) => c.connection_id !== work.connection_id);
    expect(added?.connection_id).toEqual(expect.any(String));
    await userEvent.type(prefix, 'home-');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => currentStep()).toBe('Done');
    const named = configConnections();
    expect(named).toContain(added?.connection_id);
    expect(new Set(named)).toEqual(new Set([added?.connection_id]));
    expect(mock.requests.some((r) => r.method === 'PUT' && r.path === '/api/v2/f-sdk/config')).toBe(true);
  });

  it.each([
    ['opened on it (slug and connectionId)', true],
    ['from its list of accounts', false],
  ])('configures a reconnected account %s: its config requests name that connection', async (_, opened) => {
    const account = mock.account(ACCOUNT);
    account.connect('slack', { identifier: 'work@acme.test' });
    const home = account.connect('slack', { identifier: 'home@acme.test', status: 'expired' });
    stubPopup({ onNavigate: () => mock.completeOAuth(ACCOUNT, 'slack') });
    const screen = renderRefold(
      <ConnectDialog defaultOpen slug="slack" connectionId={opened ? home.connection_id : undefined} />,
      { mock },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Reconnect Slack' }));
    await screen.findByRole('textbox', { name: 'Record name prefix' }, { timeout: 5000 });
    expect(account.connections('slack')).toHaveLength(2);
    const named = configConnections();
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named)).toEqual(new Set([home.connection_id]));
  });

  it('configures a first connection in the default config (no connection named)', async () => {
    stubPopup({ onNavigate: () => mock.completeOAuth(ACCOUNT, 'slack') });
    const screen = renderRefold(<ConnectDialog defaultOpen slug="slack" />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Connect Slack' }));
    await screen.findByRole('textbox', { name: 'Record name prefix' }, { timeout: 5000 });
    expect(mock.account(ACCOUNT).connections('slack')).toHaveLength(1);
    const named = configConnections();
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((id) => id === undefined)).toBe(true);
  });

  it('is controlled by open and onOpenChange, and renders no trigger then', async () => {
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Add integration
          </button>
          <ConnectDialog open={open} onOpenChange={setOpen} slug="slack" />
        </>
      );
    }
    const screen = renderRefold(<Host />, { mock });
    expect(screen.queryByRole('button', { name: 'Connect an app' })).toBeNull();
    const opener = screen.getByRole('button', { name: 'Add integration' });
    await userEvent.click(opener);
    expect(dialogOf().open).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await expect.poll(() => dialogOf().open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });
});
