import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { McpServerList } from '../../src/components/McpServerList/index.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';

describe('McpServerList', () => {
  const { mock, sent } = setupMockWorker();
  const stateOf = (container: HTMLElement) => container.firstElementChild!.getAttribute('data-state');

  it('creates, edits (sending only the changed fields) and deletes a server, passing axe', async () => {
    const screen = renderRefold(<McpServerList />, { mock });
    await expect.poll(() => stateOf(screen.container)).toBe('empty');
    await expectNoAxeViolations(screen.container);

    await userEvent.click(screen.getByRole('button', { name: 'New MCP server' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(screen.getAllByText('This field is required.')).toHaveLength(2);
    await userEvent.fill(screen.getByRole('textbox', { name: /Name/ }), 'Support agent');
    await userEvent.fill(screen.getByRole('textbox', { name: /Description/ }), 'Answers tickets');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await expect.poll(() => stateOf(screen.container)).toBe('ready');
    expect(screen.getByText('Support agent')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Edit Support agent' }));
    const safe = (await screen.findByRole('checkbox', { name: /Ask before actions/ })) as HTMLInputElement;
    expect(safe.checked).toBe(true);
    await userEvent.click(safe);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => sent().filter((r) => r.method === 'PUT').length).toBe(1);
    expect(sent().find((r) => r.method === 'PUT')?.body).toEqual({ safe_mode: false });
    await expectNoAxeViolations(screen.container);

    await userEvent.click(await screen.findByRole('button', { name: 'Delete Support agent' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await expect.poll(() => stateOf(screen.container)).toBe('empty');
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Support agent was deleted.')).toBe(
      true,
    );
  });
});
