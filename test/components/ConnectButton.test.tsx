import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { useState } from 'react';
import { ConnectButton } from '../../src/components/ConnectButton/index.js';
import { ConnectionStatus } from '../../src/components/ConnectionStatus/index.js';
import { DisconnectButton } from '../../src/components/DisconnectButton/index.js';
import { isConnected } from '../../src/core/connections.js';
import { refoldKeys } from '../../src/react/keys.js';
import { useApplication } from '../../src/react/useApplication.js';
import { createMockFetchToken } from '../../src/testing/fetch-token.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';
import { countFetches, fakeClock } from '../timing.js';
import { stubPopup } from './fake-popup.js';

const ACCOUNT = 'test-customer';
/** Fast polling so that the tests take milliseconds, not seconds. */
const FAST = { fastPollMs: 40, trustClosedAfterMs: 60, graceMs: 120 };

describe('ConnectButton', () => {
  const { mock, sent } = setupMockWorker();
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const integrates = (slug: string) => sent().filter((r) => r.path === `/api/v1/${slug}/integrate`);
  const stateOf = (container: HTMLElement) => container.firstElementChild!.getAttribute('data-status');

  it('is labelled "Connect Slack" when idle, and passes axe', async () => {
    const screen = renderRefold(<ConnectButton slug="slack" />, { mock });
    expect(await screen.findByRole('button', { name: 'Connect Slack' })).toBeTruthy();
    expect(stateOf(screen.container)).toBe('idle');
    await expectNoAxeViolations(screen.container);
  });

  it('opens the pop-up inside the click before the session token arrives, waits, then shows "Connected"', async () => {
    const { open, popups } = stubPopup();
    const onConnected = vi.fn();
    const fetchToken = createMockFetchToken(mock);
    const token = fetchToken.hold();
    const screen = renderRefold(<ConnectButton slug="slack" onConnected={onConnected} {...FAST} />, {
      mock,
      fetchToken,
    });
    await token.arrived;
    // A DOM click, dispatched at once: the session token is held, so it has certainly not arrived yet.
    screen.getByRole('button', { name: /^Connect/ }).click();
    // Synchronous up to window.open: the pop-up is open while no request has been sent yet.
    expect(open).toHaveBeenCalledTimes(1);
    expect(sent()).toHaveLength(0);
    token.release();

    await expect.poll(() => stateOf(screen.container)).toBe('waiting');
    expect(popups[0]!.url).toMatch(/\/mock-oauth\/authorize\?state=/);
    expect(
      screen.getByRole('button', { name: 'Waiting for Slack…' }).querySelector('.refold-spinner'),
    ).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'Waiting for Slack… Finish signing in in the pop-up window.',
    );
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    await expectNoAxeViolations(screen.container);

    mock.completeOAuth(ACCOUNT, 'slack');
    expect(await screen.findByText('Connected')).toBeTruthy();
    expect(stateOf(screen.container)).toBe('connected');
    expect(screen.getByRole('status').textContent).toBe('Slack is connected.');
    expect(onConnected).toHaveBeenCalledTimes(1);
    expect(popups[0]!.closed).toBe(true);
    await expectNoAxeViolations(screen.container);
  });

  it('fault 10: a blocked pop-up shows a readable message and a retry, with no integrate request', async () => {
    stubPopup({ blocked: true });
    const screen = renderRefold(<ConnectButton slug="hubspot" {...FAST} />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Connect HubSpot' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Your browser blocked the pop-up. Allow pop-ups for this site, then try again.',
    );
    expect(stateOf(screen.container)).toBe('blocked');
    expect(integrates('hubspot')).toHaveLength(0);
    await expectNoAxeViolations(screen.container);

    // The retry calls connect() within its own click: with pop-ups allowed now, the flow runs.
    vi.restoreAllMocks();
    const { open } = stubPopup();
    const retry = screen.getByRole('button', { name: 'Try again' });
    expect(retry.getAttribute('aria-describedby')).toBe(alert.querySelector('p')!.id);
    await userEvent.click(retry);
    expect(open).toHaveBeenCalledTimes(1);
    await expect.poll(() => stateOf(screen.container)).toBe('waiting');
    expect(integrates('hubspot')).toHaveLength(1);
  });

  it('fault 11: closing the pop-up ends the flow as cancelled', async () => {
    const advance = fakeClock();
    const { popups } = stubPopup();
    const screen = renderRefold(<ConnectButton slug="notion" {...FAST} />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Connect Notion' }));
    await expect.poll(() => stateOf(screen.container)).toBe('waiting');
    // Closed after trustClosedAfterMs (60 ms), once the flow has seen the handle open: a handle that reads
    // closed before then is never trusted (fault 13).
    await advance(100);
    popups[0]!.closed = true;
    await advance(500); // its next look (250 ms later) sees it closed, then the grace runs out
    await expect.poll(() => stateOf(screen.container), { timeout: 3000 }).toBe('cancelled');
    expect(screen.getByRole('alert').textContent).toBe('The connection was cancelled.');
    expect(screen.getByRole('button', { name: 'Connect Notion' })).toBeTruthy();
    await expectNoAxeViolations(screen.container);
  });

  it('fault 12: a sign-in that takes too long ends as timeout, closes the pop-up and offers a retry', async () => {
    const advance = fakeClock();
    const fetches = countFetches();
    const { popups } = stubPopup();
    const screen = renderRefold(<ConnectButton slug="asana" {...FAST} timeoutMs={200} />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Connect Asana' }));
    await expect.poll(() => stateOf(screen.container), { timeout: 3000 }).toBe('timeout');
    expect(screen.getByRole('alert').textContent).toBe('Signing in to Asana took too long. Try again.');
    expect(popups[0]!.closed).toBe(true);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    // Nothing polls any more: a second's worth of timers fire and start no request.
    const count = fetches();
    await advance(1_000);
    expect(fetches()).toBe(count);
  });

  it('fault 13: a pop-up handle that reads closed at once (opener policy) still connects', async () => {
    const advance = fakeClock();
    const { popups } = stubPopup({ severOnNavigate: true });
    const screen = renderRefold(<ConnectButton slug="mailchimp" {...FAST} />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Connect Mailchimp' }));
    await expect.poll(() => stateOf(screen.container)).toBe('waiting');
    expect(popups[0]!.closed).toBe(true);
    await advance(300); // past trustClosedAfterMs and the grace
    expect(stateOf(screen.container)).toBe('waiting');
    mock.completeOAuth(ACCOUNT, 'mailchimp');
    await expect.poll(() => stateOf(screen.container), { timeout: 3000 }).toBe('connected');
  });

  it('fault 14: unmounting while waiting stops polling, closes the pop-up and logs no error', async () => {
    const errors = vi.spyOn(console, 'error');
    const advance = fakeClock();
    const fetches = countFetches();
    const { popups } = stubPopup();
    const screen = renderRefold(<ConnectButton slug="xero" {...FAST} />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Connect Xero' }));
    await expect.poll(() => stateOf(screen.container)).toBe('waiting');
    screen.unmount();
    expect(popups[0]!.closed).toBe(true);
    const count = fetches();
    await advance(1_000);
    expect(fetches()).toBe(count);
    expect(errors).not.toHaveBeenCalled();
  });

  it('fault 15: a double click opens one pop-up and sends one integrate request', async () => {
    const { open } = stubPopup();
    const integrateFetches = countFetches('/api/v1/slack/integrate');
    const screen = renderRefold(<ConnectButton slug="slack" {...FAST} />, { mock });
    await userEvent.dblClick(await screen.findByRole('button', { name: 'Connect Slack' }));
    await expect.poll(() => stateOf(screen.container)).toBe('waiting');
    expect(open).toHaveBeenCalledTimes(1);
    // Waiting means the one integrate request was answered; a second one would have started by then.
    expect(integrateFetches()).toBe(1);
    expect(integrates('slack')).toHaveLength(1);
  });

  it('Cancel ends a waiting flow as cancelled and closes the pop-up', async () => {
    const { popups } = stubPopup();
    const screen = renderRefold(<ConnectButton slug="slack" {...FAST} />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Connect Slack' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(stateOf(screen.container)).toBe('cancelled');
    expect(popups[0]!.closed).toBe(true);
  });

  it('connects a machine-to-machine app (quickbooks) without a pop-up', async () => {
    const { open } = stubPopup();
    const screen = renderRefold(<ConnectButton slug="quickbooks" />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Connect QuickBooks' }));
    expect(await screen.findByText('Connected')).toBeTruthy();
    expect(open).not.toHaveBeenCalled();
    expect(mock.account(ACCOUNT).connections('quickbooks')).toHaveLength(1);
  });

  it('reveals the credentials form for a key-based app and connects through it with the keyboard', async () => {
    const onConnected = vi.fn();
    const screen = renderRefold(<ConnectButton slug="stripe" onConnected={onConnected} />, { mock });
    const toggle = await screen.findByRole('button', { name: 'Connect Stripe' });
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await userEvent.type(await screen.findByLabelText(/^Secret key/), 'sk_test_123');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Mode/ }), 'test');
    await expectNoAxeViolations(screen.container);
    await userEvent.type(screen.getByLabelText(/^Secret key/), '{Enter}');
    expect(await screen.findByText('Connected')).toBeTruthy();
    expect(onConnected).toHaveBeenCalledTimes(1);
  });

  it('keeps the typed credentials when the form is collapsed and opened again', async () => {
    const screen = renderRefold(<ConnectButton slug="stripe" />, { mock });
    const toggle = await screen.findByRole('button', { name: 'Connect Stripe' });
    await userEvent.click(toggle);
    await userEvent.type(await screen.findByLabelText(/^Secret key/), 'sk_test_kept');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByLabelText(/^Secret key/)).toBeNull();
    await userEvent.click(toggle);
    const again = await screen.findByLabelText(/^Secret key/);
    expect(again).toHaveValue('sk_test_kept');
    // Put back through the DOM property only: never in an attribute a script or a snapshot could read.
    expect(again.getAttribute('value')).toBeNull();
    expect(screen.container.innerHTML).not.toContain('sk_test_kept');
  });

  it('with authType="keybased" offers the credentials form before the app data arrives', async () => {
    // The token is held, and so is the app's data, until the form is open.
    const fetchToken = createMockFetchToken(mock);
    const token = fetchToken.hold();
    const screen = renderRefold(<ConnectButton slug="zendesk" authType="keybased" />, { mock, fetchToken });
    const toggle = screen.getByRole('button', { name: 'Connect zendesk' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.container.firstElementChild!.hasAttribute('data-loading')).toBe(true);
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    token.release();
    expect(await screen.findByLabelText(/^API token/)).toBeTruthy();
    expect(integrates('zendesk')).toHaveLength(0);
  });

  it('offers to connect again after a disconnect, also when a new button mounts while the app’s flow lives on', async () => {
    // As in a settings page: the badge keeps the app's shared connect flow alive (catalogs show one per app)
    // while the panel swaps Connect for Disconnect and back, mounting a new ConnectButton each time.
    function Panel() {
      const { data: app } = useApplication('quickbooks');
      const connected = app !== undefined && isConnected(app);
      return (
        <>
          <ConnectionStatus slug="quickbooks" />
          {app && (connected ? <DisconnectButton slug="quickbooks" /> : <ConnectButton slug="quickbooks" />)}
        </>
      );
    }
    const screen = renderRefold(<Panel />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Connect QuickBooks' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Disconnect QuickBooks' }));
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }));

    const again = await screen.findByRole('button', { name: 'Connect QuickBooks' });
    const root = again.closest('.refold-connect-button')!;
    expect(root.getAttribute('data-state')).toBe('disconnected');
    expect(root.getAttribute('data-status')).toBe('idle');
    expect(screen.queryByText('Connected')).toBeNull();
    expect(mock.account(ACCOUNT).connections('quickbooks')).toEqual([]);
  });

  it('does not claim "Connected" once the app’s data says it was disconnected elsewhere', async () => {
    function Toggle() {
      const [shown, setShown] = useState(true);
      return (
        <>
          <button type="button" onClick={() => setShown(!shown)}>
            Toggle
          </button>
          {/* The badge keeps the flow alive while the button is away. */}
          <ConnectionStatus slug="quickbooks" />
          {shown && <ConnectButton slug="quickbooks" />}
        </>
      );
    }
    const screen = renderRefold(<Toggle />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Connect QuickBooks' }));
    expect(await screen.findByText('Connected')).toBeTruthy();

    // Removed behind the page's back (another tab, your backend), then the app's data is fetched again.
    mock.account(ACCOUNT).disconnect('quickbooks');
    await screen.queryClient.invalidateQueries({ queryKey: refoldKeys.application('default', 'quickbooks') });
    const again = await screen.findByRole('button', { name: 'Connect QuickBooks' });
    expect(again.closest('.refold-connect-button')!.getAttribute('data-state')).toBe('disconnected');

    // A button mounted afresh says the same.
    await userEvent.click(screen.getByRole('button', { name: 'Toggle' }));
    await userEvent.click(screen.getByRole('button', { name: 'Toggle' }));
    expect(await screen.findByRole('button', { name: 'Connect QuickBooks' })).toBeTruthy();
    expect(screen.queryByText('Connected')).toBeNull();
  });

  it('shows an error with a retry when the app cannot be loaded (rate limited)', async () => {
    mock.inject(
      { method: 'GET', path: '/api/v2/f-sdk/application/slack' },
      { status: 429, headers: { 'retry-after': '0' }, times: 5 },
    );
    const screen = renderRefold(<ConnectButton slug="slack" />, { mock });
    const alert = await screen.findByRole('alert', undefined, { timeout: 15_000 });
    expect(alert.textContent).toContain('Too many requests');
    await expectNoAxeViolations(screen.container);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Connect Slack' }, { timeout: 15_000 })).toBeTruthy();
  });
});
