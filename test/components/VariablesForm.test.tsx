import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { VariablesForm } from '../../src/components/VariablesForm/index.js';
import type { VariableDefinition } from '../../src/core/variables.js';
import { mockVariableDefinitions } from '../../src/testing/mock-refold/index.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';
import { manyVariableDefinitions, storeFeatureValues } from '../many-variables.js';

// What the host's backend hands the page (definitions are API-key only).
const definitions: VariableDefinition[] = mockVariableDefinitions.map((d) => ({ ...d }));
const idOf = (name: string) => definitions.find((d) => d.name === name)!._id;

// The org also has 130 feature switches: with stored values, more than one page of 100.
const features = manyVariableDefinitions(130);

describe('VariablesForm', () => {
  const { mock, sent } = setupMockWorker({ mockOptions: { variableDefinitions: features } });
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

  describe('with more values than one page holds', () => {
    const LIST = '/api/v2/public/env/values/linked_account';
    const lists = () => sent().filter((r) => r.method === 'GET' && r.path === LIST);
    const all: VariableDefinition[] = features.map((d) => ({ ...d }));
    const input = (screen: ReturnType<typeof renderRefold>, name: string) =>
      screen.getByLabelText(name) as HTMLInputElement;

    it('reads every page before showing the fields: a value from the second page shows as set', async () => {
      expect(storeFeatureValues(mock, 'test-customer', features)).toBe(130);
      const screen = renderRefold(<VariablesForm definitions={all} />, { mock });
      const last = (await screen.findByLabelText('FEATURE_130')) as HTMLInputElement;
      expect(lists().map((r) => r.query)).toEqual([
        { page: '1', limit: '100' },
        { page: '2', limit: '100' },
      ]);
      expect(last.value).toBe('on-FEATURE_130');
      expect(input(screen, 'FEATURE_001').value).toBe('on-FEATURE_001');
      expect(screen.getAllByText('Set', { exact: true })).toHaveLength(130);
      expect(screen.getAllByText('Not set')).toHaveLength(4);
      expect(screen.getAllByRole('button', { name: /^Remove FEATURE_/ })).toHaveLength(130);
    });

    it('keeps what the user typed while every page is read again, and saves it', async () => {
      storeFeatureValues(mock, 'test-customer', features);
      const screen = renderRefold(<VariablesForm definitions={all} />, { mock });
      await userEvent.fill(await screen.findByLabelText('FEATURE_002'), 'mine');

      // Removing a value reads every page again; the second one is held.
      const firstPage = mock.hold({ method: 'GET', path: LIST });
      await userEvent.click(screen.getByRole('button', { name: 'Remove FEATURE_001' }));
      await firstPage.arrived;
      const secondPage = mock.hold({ method: 'GET', path: LIST });
      firstPage.release();
      await secondPage.arrived;
      expect(input(screen, 'FEATURE_002').value).toBe('mine');
      await userEvent.fill(input(screen, 'FEATURE_130'), 'typed meanwhile');
      secondPage.release();

      await expect
        .poll(() => input(screen, 'FEATURE_001').closest('.refold-variables-form__field')?.textContent)
        .toContain('Not set');
      expect(input(screen, 'FEATURE_002').value).toBe('mine');
      expect(input(screen, 'FEATURE_130').value).toBe('typed meanwhile');
      expect(lists()).toHaveLength(4);

      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      await expect.poll(() => writes().length).toBe(2);
      expect(writes().map((r) => r.body)).toEqual([
        { variable_definition_id: features.find((d) => d.name === 'FEATURE_002')!._id, value: 'mine' },
        {
          variable_definition_id: features.find((d) => d.name === 'FEATURE_130')!._id,
          value: 'typed meanwhile',
        },
      ]);
    });
  });
});
