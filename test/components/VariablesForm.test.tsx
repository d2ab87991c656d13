import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { VariablesForm } from '../../src/components/VariablesForm/index.js';
import type { VariableDefinition } from '../../src/core/variables.js';
import { mockVariableDefinitions } from '../../src/testing/mock-refold/index.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';

// What the host's backend hands the page (definitions are API-key only).
const definitions: VariableDefinition[] = mockVariableDefinitions.map((d) => ({ ...d }));
const idOf = (name: string) => definitions.find((d) => d.name === name)!._id;

describe('VariablesForm', () => {
  const { mock, sent } = setupMockWorker();
  const writes = () => sent().filter((r) => r.method === 'POST' && r.path === '/api/v2/public/env/values');

  it('renders one field per linked-account definition by format, and passes axe', async () => {
    const screen = renderRefold(<VariablesForm definitions={definitions} />, { mock });
    const batch = (await screen.findByLabelText('BATCH_SIZE')) as HTMLInputElement;
    expect(batch.type).toBe('number');
    expect((screen.getByLabelText('WEBHOOK_URL') as HTMLInputElement).type).toBe('url');
    expect((screen.getByLabelText('SIGNING_SECRET') as HTMLInputElement).type).toBe('password');
    expect(screen.queryByLabelText('ORG_ENDPOINT')).toBeNull();
    expect(screen.getAllByText('Not set')).toHaveLength(4);
    await expectNoAxeViolations(screen.container);
  });

  it('saves only what changed, checks formats first, and never shows an encrypted value', async () => {
    const screen = renderRefold(<VariablesForm definitions={definitions} />, { mock });
    await userEvent.fill(await screen.findByLabelText('WEBHOOK_URL'), 'not a url');
    await userEvent.fill(screen.getByLabelText('SIGNING_SECRET'), 'whsec_abcdef');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter a web address, such as https://example.com.')).toBeTruthy();
    expect(writes()).toHaveLength(0);

    await userEvent.fill(screen.getByLabelText('WEBHOOK_URL'), 'https://hooks.example.com/sync');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => writes().length).toBe(2);
    expect(writes().map((r) => r.body)).toEqual([
      { variable_definition_id: idOf('WEBHOOK_URL'), value: 'https://hooks.example.com/sync' },
      { variable_definition_id: idOf('SIGNING_SECRET'), value: 'whsec_abcdef' },
    ]);
    await expect.poll(() => screen.container.firstElementChild!.getAttribute('data-state')).toBe('saved');
    const secret = screen.getByLabelText('SIGNING_SECRET') as HTMLInputElement;
    await expect.poll(() => screen.queryByText(/A value is stored/)).toBeTruthy();
    expect(secret.value).toBe('');
    expect(screen.container.innerHTML).not.toContain('whsec_abcdef');
    expect(screen.container.innerHTML).not.toContain('[REDACTED]');

    await userEvent.unhover(screen.getByRole('button', { name: 'Save' }));
    await expectNoAxeViolations(screen.container);

    // Saving again with nothing changed sends nothing (the stored values are never sent back).
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(writes()).toHaveLength(2);
  });

  it('removes a stored value', async () => {
    const screen = renderRefold(<VariablesForm definitions={definitions} />, { mock });
    await userEvent.fill(await screen.findByLabelText('REGION'), 'eu-west-1');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Remove REGION' }));
    await expect.poll(() => sent().some((r) => r.method === 'DELETE')).toBe(true);
    await expect.poll(() => screen.getAllByText('Not set').length).toBe(4);
  });
});
