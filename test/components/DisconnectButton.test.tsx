import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { DisconnectButton } from '../../src/components/DisconnectButton/index.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';

const ACCOUNT = 'test-customer';
const DELETE_PATH = '/api/v1/linked-acc/integration/slack';

describe('DisconnectButton', () => {
  const { mock, sent } = setupMockWorker();
  beforeEach(() => void mock.account(ACCOUNT).connect('slack'));
  afterEach(() => vi.restoreAllMocks());

  const deletes = () => sent().filter((r) => r.method === 'DELETE');
  const stateOf = (container: HTMLElement) => container.firstElementChild!.getAttribute('data-state');

  it('asks for confirmation inline, focuses Cancel, and passes axe', async () => {
    const screen = renderRefold(<DisconnectButton slug="slack" />, { mock });
    const trigger = await screen.findByRole('button', { name: 'Disconnect Slack' });
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    await expectNoAxeViolations(screen.container);
    await userEvent.click(trigger);
    const group = screen.getByRole('group', { name: /Disconnect Slack\?/ });
    expect(group).toBeTruthy();
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(stateOf(screen.container)).toBe('confirming');
    await expect.poll(() => document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await expectNoAxeViolations(screen.container);
    expect(deletes()).toHaveLength(0);
  });

  it('Escape cancels the confirmation and returns focus to the button, with no request', async () => {
    const screen = renderRefold(<DisconnectButton slug="slack" />, { mock });
    const trigger = await screen.findByRole('button', { name: 'Disconnect Slack' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => document.activeElement?.textContent).toBe('Cancel');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    expect(stateOf(screen.container)).toBe('idle');
    expect(deletes()).toHaveLength(0);
  });

  it('shows the request pending, then disconnects, announces it and calls onDisconnected', async () => {
    const disconnect = mock.hold({ method: 'DELETE', path: DELETE_PATH });
    const onDisconnected = vi.fn();
    const screen = renderRefold(<DisconnectButton slug="slack" onDisconnected={onDisconnected} />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Disconnect Slack' }));
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    const pending = await screen.findByRole('button', { name: 'Disconnecting…' });
    expect(pending.getAttribute('aria-disabled')).toBe('true');
    expect(stateOf(screen.container)).toBe('pending');
    await expectNoAxeViolations(screen.container);
    pending.click(); // ignored while pending (aria-disabled: Playwright would wait for it to enable)
    await disconnect.arrived;
    expect(stateOf(screen.container)).toBe('pending');
    disconnect.release();
    await expect.poll(() => stateOf(screen.container)).toBe('disconnected');
    expect(onDisconnected).toHaveBeenCalledTimes(1);
    expect(deletes()).toHaveLength(1);
    expect(mock.account(ACCOUNT).connections('slack')).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toBe('Slack was disconnected.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Disconnect Slack' }));
  });

  it('shows an error with a retry when the disconnect fails, and the retry succeeds', async () => {
    mock.inject({ method: 'DELETE', path: DELETE_PATH }, { status: 500, times: 1 });
    const onDisconnected = vi.fn();
    const screen = renderRefold(<DisconnectButton slug="slack" onDisconnected={onDisconnected} />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Disconnect Slack' }));
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Something went wrong. Please try again.');
    expect(stateOf(screen.container)).toBe('error');
    await expectNoAxeViolations(screen.container);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await expect.poll(() => onDisconnected.mock.calls.length).toBe(1);
    expect(deletes()).toHaveLength(2);
  });
});
