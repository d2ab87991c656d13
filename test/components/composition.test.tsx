import { createRef } from 'react';
import type { ReactElement, RefObject } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AppCard } from '../../src/components/AppCard/index.js';
import { AppList } from '../../src/components/AppList/index.js';
import { AuthForm } from '../../src/components/AuthForm/index.js';
import { ConfigForm } from '../../src/components/ConfigForm/index.js';
import { ConnectButton } from '../../src/components/ConnectButton/index.js';
import { ConnectDialog } from '../../src/components/ConnectDialog/index.js';
import { ConnectionStatus } from '../../src/components/ConnectionStatus/index.js';
import { DisconnectButton } from '../../src/components/DisconnectButton/index.js';
import { ExecutionDetail } from '../../src/components/ExecutionDetail/index.js';
import { ExecutionList } from '../../src/components/ExecutionList/index.js';
import { HumanTaskForm } from '../../src/components/HumanTaskForm/index.js';
import { McpServerEditor, McpServerList } from '../../src/components/McpServerList/index.js';
import { RunNowButton } from '../../src/components/RunNowButton/index.js';
import { VariablesForm } from '../../src/components/VariablesForm/index.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';
import { stubPopup } from './fake-popup.js';

const ACCOUNT = 'test-customer';
const FAST = { fastPollMs: 40, trustClosedAfterMs: 60, graceMs: 120 };

describe('components open for composition', () => {
  const { mock, sent } = setupMockWorker();
  afterEach(() => vi.restoreAllMocks());

  /** Any root element of the library, so that one ref fits every component. */
  type Root = HTMLDivElement & HTMLDialogElement & HTMLFormElement;
  interface RootProps {
    ref: RefObject<Root | null>;
    id: string;
    'aria-describedby': string;
    onClick: () => void;
  }
  const roots: [string, (props: RootProps) => ReactElement, string][] = [
    ['AppList', (props) => <AppList {...props} />, '.refold-app-list'],
    ['AppCard', (props) => <AppCard {...props} slug="slack" />, '.refold-app-card'],
    [
      'ConnectionStatus',
      (props) => <ConnectionStatus {...props} slug="slack" />,
      '.refold-connection-status',
    ],
    ['AuthForm', (props) => <AuthForm {...props} slug="zendesk" />, '.refold-auth-form'],
    ['ConnectButton', (props) => <ConnectButton {...props} slug="slack" />, '.refold-connect-button'],
    [
      'DisconnectButton',
      (props) => <DisconnectButton {...props} slug="slack" />,
      '.refold-disconnect-button',
    ],
    ['ConnectDialog', (props) => <ConnectDialog {...props} />, '.refold-connect-dialog'],
    ['ConfigForm', (props) => <ConfigForm {...props} slug="hubspot" />, '.refold-config-form'],
    ['ExecutionList', (props) => <ExecutionList {...props} />, '.refold-execution-list'],
    ['RunNowButton', (props) => <RunNowButton {...props} workflowId="wf" slug="slack" />, '.refold-run-now'],
    [
      'ExecutionDetail',
      (props) => <ExecutionDetail {...props} executionId="run" />,
      '.refold-execution-detail',
    ],
    ['VariablesForm', (props) => <VariablesForm {...props} definitions={[]} />, '.refold-variables-form'],
    ['McpServerList', (props) => <McpServerList {...props} />, '.refold-mcp-list'],
    ['McpServerEditor', (props) => <McpServerEditor {...props} />, '.refold-mcp-editor'],
    ['HumanTaskForm', (props) => <HumanTaskForm {...props} taskId="task" />, '.refold-human-task'],
  ];

  it.each(roots)(
    '%s forwards its ref to the root and puts extra attributes on it',
    async (_name, ui, root) => {
      const ref = createRef<Root>();
      const onClick = vi.fn();
      const screen = renderRefold(ui({ ref, id: 'mine', 'aria-describedby': 'outside', onClick }), { mock });
      const node = screen.container.querySelector<HTMLElement>(root)!;
      expect(node).toBeTruthy();
      expect(ref.current).toBe(node);
      expect(node.id).toBe('mine');
      expect(node.getAttribute('aria-describedby')).toBe('outside');
      node.click();
      expect(onClick).toHaveBeenCalledTimes(1);
    },
  );

  it('ConfigForm runs the user’s onSubmit first; preventDefault in it skips the save', async () => {
    const saves = () => sent().filter((r) => r.method === 'PUT');
    let prevent = true;
    const onSubmit = vi.fn((event: { preventDefault(): void }) => {
      if (prevent) event.preventDefault();
    });
    const screen = renderRefold(<ConfigForm slug="hubspot" onSubmit={onSubmit} />, { mock });
    await userEvent.fill(await screen.findByRole('textbox', { name: 'Batch size' }), '7');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(saves()).toHaveLength(0);

    prevent = false;
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => saves().length).toBe(1);
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('ConnectDialog runs the user’s onKeyDown first; preventDefault on Escape keeps it open', async () => {
    const onKeyDown = vi.fn((event: { key: string; preventDefault(): void }) => {
      if (event.key === 'Escape') event.preventDefault();
    });
    const screen = renderRefold(<ConnectDialog defaultOpen onKeyDown={onKeyDown} />, { mock });
    const dialog = screen.getByRole('dialog', { name: 'Connect an app' }) as HTMLDialogElement;
    await screen.findByRole('listbox');
    await userEvent.keyboard('{Escape}');
    expect(onKeyDown).toHaveBeenCalled();
    expect(dialog.open).toBe(true);
  });

  it('ConnectDialog: defaultOpen starts open with its trigger; Escape closes it and says so', async () => {
    const onOpenChange = vi.fn();
    const screen = renderRefold(<ConnectDialog defaultOpen onOpenChange={onOpenChange} />, { mock });
    const dialog = screen.getByRole('dialog', { name: 'Connect an app' }) as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    await screen.findByRole('listbox');
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => dialog.open).toBe(false);
    expect(onOpenChange.mock.calls).toEqual([[false]]);
    expect(screen.getByRole('button', { name: 'Connect an app' })).toBeTruthy();
  });

  it('DisconnectButton: controlled, the confirmation follows `open` and asks through onOpenChange', async () => {
    mock.account(ACCOUNT).connect('slack');
    const onOpenChange = vi.fn();
    const screen = renderRefold(<DisconnectButton slug="slack" open onOpenChange={onOpenChange} />, { mock });
    expect(await screen.findByRole('group', { name: /Disconnect Slack\?/ })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onOpenChange.mock.calls).toEqual([[false]]);
    // The owner keeps it open.
    expect(screen.getByRole('group', { name: /Disconnect Slack\?/ })).toBeTruthy();

    screen.rerender(<DisconnectButton slug="slack" open={false} onOpenChange={onOpenChange} />);
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('DisconnectButton: defaultOpen shows the confirmation at first without taking focus', async () => {
    mock.account(ACCOUNT).connect('slack');
    const screen = renderRefold(<DisconnectButton slug="slack" defaultOpen />, { mock });
    expect(await screen.findByRole('group', { name: /Disconnect Slack\?/ })).toBeTruthy();
    expect(document.activeElement).toBe(document.body);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.container.firstElementChild?.getAttribute('data-state')).toBe('idle');
  });

  it('ConnectButton: data-state in the documented vocabulary, the flow’s status in data-status', async () => {
    const root = () => document.querySelector('.refold-connect-button')!;
    const states = () => [root().getAttribute('data-state'), root().getAttribute('data-status')];
    stubPopup();
    const screen = renderRefold(<ConnectButton slug="slack" {...FAST} />, { mock });
    await screen.findByRole('button', { name: 'Connect Slack' });
    expect(states()).toEqual(['disconnected', 'idle']);
    await userEvent.click(screen.getByRole('button', { name: 'Connect Slack' }));
    await expect.poll(states).toEqual(['connecting', 'waiting']);
    mock.completeOAuth(ACCOUNT, 'slack');
    await expect.poll(states).toEqual(['connected', 'connected']);
  });

  it('ConnectButton: a blocked pop-up is data-state="error"', async () => {
    stubPopup({ blocked: true });
    const screen = renderRefold(<ConnectButton slug="hubspot" {...FAST} />, { mock });
    await userEvent.click(await screen.findByRole('button', { name: 'Connect HubSpot' }));
    await screen.findByRole('alert');
    const root = screen.container.firstElementChild!;
    expect([root.getAttribute('data-state'), root.getAttribute('data-status')]).toEqual(['error', 'blocked']);
  });
});
