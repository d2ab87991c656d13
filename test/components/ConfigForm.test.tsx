import { within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ConfigForm } from '../../src/components/ConfigForm/index.js';
import type { RecordedRequest } from '../../src/testing/mock-refold/index.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';

const CONFIG_PATH = '/api/v2/f-sdk/config';
const SYNC_CONTACTS = '66b2e1d3f5c0000000000003';

describe('ConfigForm', () => {
  const { mock, sent } = setupMockWorker();

  const saves = () => sent().filter((r) => r.method === 'PUT' && r.path === CONFIG_PATH);
  const lastSave = async (): Promise<RecordedRequest> => {
    await expect.poll(() => saves().length).toBeGreaterThan(0);
    return saves().at(-1)!;
  };
  const bodyOf = (r: RecordedRequest) =>
    r.body as {
      fields: Record<string, unknown>;
      workflows: { id: string; enabled: boolean; fields: object }[];
    };

  async function renderForm(props: Partial<Parameters<typeof ConfigForm>[0]> = {}) {
    const screen = renderRefold(<ConfigForm slug="hubspot" {...props} />, { mock });
    await screen.findByRole('button', { name: 'Save' });
    const root = screen.container.querySelector<HTMLElement>('.refold-config-form')!;
    return { ...screen, root };
  }

  it('renders every config field type labelled, leaves hidden fields out, and passes axe', async () => {
    const screen = await renderForm();
    expect(screen.root.dataset.state).toBe('ready');
    expect(screen.root.classList.contains('refold-root')).toBe(true);
    for (const name of ['Sync frequency', 'Pipeline', 'Default stage']) {
      expect(screen.getByRole('combobox', { name })).toBeTruthy();
    }
    for (const name of ['Default owner email', 'Batch size', 'Callback URL', 'Record name prefix']) {
      expect(screen.getByRole('textbox', { name }).tagName).toBe('INPUT');
    }
    for (const name of ['Notes for your team', 'Extra payload (JSON)']) {
      expect(screen.getByRole('textbox', { name }).tagName).toBe('TEXTAREA');
    }
    expect(screen.getByRole('textbox', { name: 'Default owner email' })).toHaveAttribute('type', 'email');
    expect(screen.getByRole('textbox', { name: 'Callback URL' })).toHaveAttribute('type', 'url');
    expect(screen.getByLabelText('Sync records created after')).toHaveAttribute('type', 'date');
    expect(screen.getByRole('textbox', { name: 'Batch size' })).toHaveValue('100');
    expect(screen.getByRole('textbox', { name: 'Extra payload (JSON)' })).toHaveValue('{"source":"refold"}');

    const objects = screen.getByRole('group', { name: 'HubSpot objects to sync' });
    expect(within(objects).getByRole('checkbox', { name: 'Contacts' })).toBeChecked();
    expect(within(objects).getByRole('checkbox', { name: 'Deals' })).not.toBeChecked();
    const mapping = screen.getByRole('group', { name: 'Field mapping' });
    expect(within(mapping).getAllByRole('combobox')).toHaveLength(3);
    expect(within(mapping).getByRole('combobox', { name: 'Full name' })).toBeTruthy();
    expect(
      within(screen.getByRole('group', { name: 'Status mapping' })).getAllByRole('combobox'),
    ).toHaveLength(2);
    expect(screen.getByRole('group', { name: 'Routing rules' })).toHaveTextContent('No rules yet.');
    expect(screen.getByRole('switch', { name: 'Sync contacts to HubSpot' })).toHaveAttribute(
      'aria-checked',
      'false',
    );
    expect(screen.queryByText('External reference')).toBeNull();

    await expectNoAxeViolations(screen.container);
  });

  it('marks required fields and ties help text and placeholders to their inputs', async () => {
    const screen = await renderForm();
    const frequency = screen.getByRole('combobox', { name: 'Sync frequency' });
    expect(frequency).toBeRequired();
    expect(frequency.closest('.refold-field')?.querySelector('[aria-hidden="true"]')?.textContent).toBe('*');
    expect(screen.getByRole('textbox', { name: 'Batch size' })).toHaveAccessibleDescription(
      'Records per request.',
    );
    expect(screen.getByRole('textbox', { name: 'Default owner email' })).toHaveAttribute(
      'placeholder',
      'owner@example.com',
    );
    expect(screen.getByRole('textbox', { name: 'Record name prefix' })).not.toBeRequired();
  });

  it('loads a dependent field’s options only after its parent is chosen', async () => {
    const screen = await renderForm();
    const stage = screen.getByRole('combobox', { name: 'Default stage' });
    expect(stage).toBeDisabled();
    expect(stage).toHaveAccessibleDescription('Choose a value for “Pipeline” first.');
    expect(sent().some((r) => r.path.includes('/config/field/'))).toBe(false);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Pipeline' }), 'support');
    await expect.poll(() => stage.hasAttribute('disabled')).toBe(false);
    expect(
      within(stage)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose…', 'New', 'Open', 'Pending', 'Solved']);
    const fieldCalls = sent().filter((r) => r.path.includes('/config/field/'));
    expect(fieldCalls.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /api/v2/public/config/field/pipeline',
      'POST /api/v2/public/config/field/stage',
    ]);
    expect(fieldCalls[0]!.body).toEqual({ value: 'support' });
    expect(fieldCalls[1]!.headers['slug']).toBe('hubspot');

    await userEvent.selectOptions(stage, 'pending');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Pipeline' }), 'sales');
    // A new parent clears the dependent choice and loads its options again.
    await expect.poll(() => within(stage).queryByRole('option', { name: 'Qualified' })).not.toBeNull();
    expect(stage).toHaveValue('');
    await expectNoAxeViolations(screen.container);
  });

  it('saves field mappings as an object from label to option', async () => {
    const screen = await renderForm();
    const mapping = screen.getByRole('group', { name: 'Field mapping' });
    await userEvent.selectOptions(within(mapping).getByRole('combobox', { name: 'Email' }), 'email');
    await userEvent.selectOptions(within(mapping).getByRole('combobox', { name: 'Full name' }), 'firstname');
    const status = screen.getByRole('group', { name: 'Status mapping' });
    await userEvent.selectOptions(
      within(status).getByRole('combobox', { name: 'Churned' }),
      'former_customer',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const { fields } = bodyOf(await lastSave());
    expect(fields['field_mapping']).toEqual({ email: 'email', full_name: 'firstname' });
    expect(fields['status_mapping']).toEqual({ churned: 'former_customer' });
    await expect.poll(() => screen.root.dataset.state).toBe('saved');
    expect(mock.account('test-customer').config('hubspot')?.['fields']).toContainEqual(
      expect.objectContaining({ id: 'field_mapping', value: { email: 'email', full_name: 'firstname' } }),
    );
  });

  it('edits rule-engine rows with operators and values loaded per column, and saves them', async () => {
    const screen = await renderForm();
    const rules = screen.getByRole('group', { name: 'Routing rules' });
    await userEvent.click(within(rules).getByRole('button', { name: 'Add rule' }));
    await userEvent.selectOptions(
      within(rules).getByRole('combobox', { name: 'Column of rule 1' }),
      'country',
    );
    const operator = within(rules).getByRole('combobox', { name: 'Operator of rule 1' });
    await expect.poll(() => operator.hasAttribute('disabled')).toBe(false);
    expect(
      within(operator)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose…', 'is', 'is not']);
    await userEvent.selectOptions(operator, 'neq');
    await userEvent.selectOptions(within(rules).getByRole('combobox', { name: 'Value of rule 1' }), 'DE');

    await userEvent.click(within(rules).getByRole('button', { name: 'Add rule' }));
    await userEvent.selectOptions(
      within(rules).getByRole('combobox', { name: 'Column of rule 2' }),
      'amount',
    );
    const amount = within(rules).getByRole('textbox', { name: 'Value of rule 2' });
    await expect.poll(() => amount.hasAttribute('disabled')).toBe(false);
    await userEvent.selectOptions(within(rules).getByRole('combobox', { name: 'Operator of rule 2' }), 'gt');
    await userEvent.fill(amount, '5000');
    await expectNoAxeViolations(screen.container);

    const ruleCalls = sent().filter((r) => r.path === '/api/v2/public/config/rule-engine/routing_rules');
    expect(ruleCalls.map((r) => r.body)).toEqual([
      { rule_column: { lhs: 'country' } },
      { rule_column: { lhs: 'amount' } },
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(bodyOf(await lastSave()).fields['routing_rules']).toEqual({
      rules: [
        { lhs: 'country', operator: 'neq', rhs: 'DE' },
        { lhs: 'amount', operator: 'gt', rhs: '5000' },
      ],
    });

    await userEvent.click(within(rules).getByRole('button', { name: 'Remove rule 1' }));
    expect(within(rules).queryByRole('combobox', { name: 'Column of rule 2' })).toBeNull();
    expect(within(rules).getByRole('combobox', { name: 'Column of rule 1' })).toHaveValue('amount');
    expect(document.activeElement).toBe(within(rules).getByRole('button', { name: 'Add rule' }));
  });

  it('blocks saving invalid JSON with a readable message', async () => {
    const screen = await renderForm();
    const json = screen.getByRole('textbox', { name: 'Extra payload (JSON)' });
    await userEvent.fill(json, '{\n  "source": "refold",\n}');
    expect(json).toHaveAttribute('aria-invalid', 'true');
    expect(json).toHaveAccessibleDescription(/This is not valid JSON: check line 3, column 1\./);

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.root.dataset.state).toBe('error');
    expect(screen.getByRole('status')).toHaveTextContent('1 field needs your attention.');
    expect(document.activeElement).toBe(json);
    expect(saves()).toHaveLength(0);
    await expectNoAxeViolations(screen.container);

    await userEvent.fill(json, '{"source": "app", "priority": 2}');
    expect(json).not.toHaveAttribute('aria-invalid');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(bodyOf(await lastSave()).fields['custom_payload']).toBe('{"source": "app", "priority": 2}');
  });

  it('shows Refold’s field errors per field and keeps every typed value', async () => {
    const screen = await renderForm();
    const email = screen.getByRole('textbox', { name: 'Default owner email' });
    const batch = screen.getByRole('textbox', { name: 'Batch size' });
    const prefix = screen.getByRole('textbox', { name: 'Record name prefix' });
    await userEvent.fill(email, 'not-an-email');
    await userEvent.fill(batch, 'lots');
    await userEvent.fill(prefix, 'ACME-');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(email).toHaveAccessibleDescription('Default owner email must be a valid email address');
    expect(batch).toHaveAttribute('aria-invalid', 'true');
    expect(batch).toHaveAccessibleDescription('Records per request. Batch size must be a number');
    expect(prefix).not.toHaveAttribute('aria-invalid');
    expect([email, batch, prefix].map((i) => (i as HTMLInputElement).value)).toEqual([
      'not-an-email',
      'lots',
      'ACME-',
    ]);
    expect(screen.root.dataset.state).toBe('error');
    expect(screen.getByRole('status')).toHaveTextContent('2 fields need your attention.');
    expect(document.activeElement).toBe(email);
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    await expectNoAxeViolations(screen.container);

    // The error goes once the value it was about changes.
    await userEvent.fill(email, 'owner@acme.test');
    expect(email).not.toHaveAttribute('aria-invalid');
    expect(batch).toHaveAttribute('aria-invalid', 'true');
  });

  it('switches a workflow optimistically, rolls back on a 500, and shows its fields while on', async () => {
    const screen = await renderForm();
    const toggle = screen.getByRole('switch', { name: 'Sync contacts to HubSpot' });
    expect(toggle).toHaveAccessibleDescription('Create or update HubSpot contacts when users sign up.');
    mock.inject({ method: 'PATCH', path: /\/workflows\// }, { status: 500, delayMs: 2_000 });
    toggle.focus();
    await userEvent.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect.poll(() => toggle.getAttribute('aria-checked'), { timeout: 8_000 }).toBe('false');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Couldn’t switch “Sync contacts to HubSpot”. Something went wrong. Please try again.',
    );
    expect(screen.queryByRole('combobox', { name: 'Lifecycle stage' })).toBeNull();

    await userEvent.click(toggle);
    await expect.poll(() => screen.queryByRole('combobox', { name: 'Lifecycle stage' })).not.toBeNull();
    await expect.poll(() => screen.queryByRole('alert')).toBeNull();
    const patch = sent()
      .filter((r) => r.method === 'PATCH')
      .at(-1)!;
    expect(patch.path).toBe(`/api/v2/public/slug/hubspot/config/test-customer/workflows/${SYNC_CONTACTS}`);
    expect(patch.body).toEqual({ enabled: true });
    await expectNoAxeViolations(screen.container);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Lifecycle stage' }), 'customer');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(bodyOf(await lastSave()).workflows).toContainEqual({
      id: SYNC_CONTACTS,
      enabled: true,
      fields: { lifecycle_stage: 'customer' },
    });
  });

  it('shows unsaved changes, guards unload, reports dirtiness, and resets to the loaded values', async () => {
    // MSW's worker treats a real `beforeunload` as the page going away: watch the listener instead.
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const unloadGuards = (spy: typeof added) =>
      spy.mock.calls
        .filter(([type]) => type === 'beforeunload')
        .map(([, listener]) => listener as EventListener);
    const onDirtyChange = vi.fn();
    const screen = await renderForm({ onDirtyChange });
    const prefix = screen.getByRole('textbox', { name: 'Record name prefix' });
    expect(screen.root).not.toHaveAttribute('data-dirty');
    expect(unloadGuards(added)).toHaveLength(0);
    expect(onDirtyChange).not.toHaveBeenCalled();

    await userEvent.type(prefix, 'XY');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sync frequency' }), 'daily');
    expect(screen.root).toHaveAttribute('data-dirty', '');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    const guard = unloadGuards(added).at(-1)!;
    const event = new Event('beforeunload', { cancelable: true });
    guard(event);
    expect(event.defaultPrevented).toBe(true);
    expect(onDirtyChange.mock.calls).toEqual([[true]]);

    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(prefix).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Sync frequency' })).toHaveValue('hourly');
    expect(screen.queryByText('Unsaved changes')).toBeNull();
    expect(screen.root).not.toHaveAttribute('data-dirty');
    expect(unloadGuards(removed)).toContain(guard);
    expect(onDirtyChange.mock.calls).toEqual([[true], [false]]);
    expect(saves()).toHaveLength(0);
    added.mockRestore();
    removed.mockRestore();
  });

  it('shows saving, then announces Saved and calls onSaved', async () => {
    const onSaved = vi.fn();
    const screen = await renderForm({ onSaved });
    mock.inject({ method: 'PUT', path: CONFIG_PATH }, { delayMs: 1500 });
    await userEvent.fill(screen.getByRole('textbox', { name: 'Record name prefix' }), 'ACME-');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.root.dataset.state).toBe('saving');
    expect(screen.root).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Saving…');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => screen.root.dataset.state, { timeout: 5000 }).toBe('saved');
    expect(screen.getByRole('status')).toHaveTextContent('Saved');
    expect(saves()).toHaveLength(1);
    expect(onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ slug: 'hubspot', config_id: 'test-customer' }),
    );
    expect(screen.root).not.toHaveAttribute('data-dirty');
    expect(bodyOf(saves()[0]!).fields).toMatchObject({
      record_prefix: 'ACME-',
      batch_size: 100,
      sync_frequency: 'hourly',
    });
    expect(bodyOf(saves()[0]!).fields).not.toHaveProperty('external_ref');
    await expectNoAxeViolations(screen.container);
  });

  it('keeps what is typed while a save is under way', async () => {
    const screen = await renderForm();
    mock.inject({ method: 'PUT', path: CONFIG_PATH }, { delayMs: 2_000 });
    const prefix = screen.getByRole('textbox', { name: 'Record name prefix' });
    await userEvent.fill(prefix, 'ACME-');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await userEvent.fill(prefix, 'ACME-2');
    await expect.poll(() => saves().length).toBe(1);
    await expect.poll(() => screen.root.dataset.state, { timeout: 8_000 }).toBe('ready');
    expect(prefix).toHaveValue('ACME-2');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    expect(bodyOf(saves()[0]!).fields['record_prefix']).toBe('ACME-');
  });

  it('keeps typed values when a save fails and saves them on retry', async () => {
    const screen = await renderForm();
    mock.inject({ method: 'PUT', path: CONFIG_PATH }, { status: 500 });
    await userEvent.fill(screen.getByRole('textbox', { name: 'Notes for your team' }), 'Keep me');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    expect(screen.root.dataset.state).toBe('error');
    expect(screen.getByRole('textbox', { name: 'Notes for your team' })).toHaveValue('Keep me');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect.poll(() => screen.root.dataset.state).toBe('saved');
    expect(bodyOf(saves().at(-1)!).fields['notes']).toBe('Keep me');
  });

  it('shows loading, then an error with a retry that recovers', async () => {
    mock.inject({ method: 'POST', path: CONFIG_PATH }, { status: 500, delayMs: 300 });
    const screen = renderRefold(<ConfigForm slug="hubspot" />, { mock });
    const root = screen.container.querySelector<HTMLElement>('.refold-config-form')!;
    expect(root.dataset.state).toBe('loading');
    expect(screen.getByRole('status')).toHaveTextContent('Loading settings…');
    await expectNoAxeViolations(screen.container);
    const alert = await screen.findByRole('alert');
    expect(root.dataset.state).toBe('error');
    await expectNoAxeViolations(screen.container);
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Save' })).toBeTruthy();
  });

  it('explains rate limits and expired sessions', async () => {
    mock.inject({ path: CONFIG_PATH }, { status: 429, headers: { 'retry-after': '60' } });
    const limited = renderRefold(<ConfigForm slug="hubspot" />, { mock });
    expect(await limited.findByRole('alert')).toHaveTextContent('Too many requests. Try again in 1 minute.');
    limited.unmount();

    mock.inject({ path: CONFIG_PATH }, { status: 401, times: 10 });
    const expired = renderRefold(<ConfigForm slug="hubspot" />, { mock });
    expect(await expired.findByRole('alert')).toHaveTextContent('Your session has expired.');
  });

  it('renders hostile labels, help text and options as text', async () => {
    const hostile = '<img src=x onerror="window.__hacked=1">';
    mock.inject(
      { method: 'POST', path: CONFIG_PATH },
      {
        body: {
          slug: 'hubspot',
          config_id: 'test-customer',
          fields: [
            { id: 'a', name: hostile, field_type: 'text', help_text: '<script>alert(1)</script>' },
            { id: 'b', name: 'Pick', field_type: 'select', options: [{ name: '<b>bold</b>', value: 'x' }] },
          ],
          workflows: [{ id: 'w', name: '<i>wf</i>', enabled: false }],
        },
      },
    );
    const screen = await renderForm();
    expect(screen.getByRole('textbox', { name: hostile })).toHaveAccessibleDescription(
      '<script>alert(1)</script>',
    );
    expect(screen.getByRole('option', { name: '<b>bold</b>' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: '<i>wf</i>' })).toBeTruthy();
    expect(screen.container.querySelector('img, script, b, i')).toBeNull();
    expect((window as { __hacked?: number }).__hacked).toBeUndefined();
  });

  it('says so when an app has nothing to configure', async () => {
    mock.inject(
      { method: 'POST', path: CONFIG_PATH },
      {
        body: {
          slug: 'hubspot',
          config_id: 'test-customer',
          fields: [{ id: 'ref', name: 'Reference', field_type: 'text', hidden: true }],
          workflows: [],
        },
      },
    );
    const screen = renderRefold(<ConfigForm slug="hubspot" />, { mock });
    expect(await screen.findByText('This app has nothing to configure.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });
});
