import { within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ConfigForm } from '../../src/components/ConfigForm/index.js';
import { defaultConfigTemplate } from '../../src/testing/mock-refold/index.js';
import type { MockConfigField, RecordedRequest } from '../../src/testing/mock-refold/index.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';

const CONFIG_PATH = '/api/v2/f-sdk/config';
const SYNC_CONTACTS = '66b2e1d3f5c0000000000003';
const CREATE_LEADS = '66b2e1d3f5c0000000000005';

/**
 * Salesforce's config for the round trips: a stored value in every field of every type, plus a field of a
 * type the form does not know, a text field holding an object, a JSON field holding an object and a secret.
 */
const STORED: Record<string, unknown> = {
  pipeline: 'sales',
  stage: 'qualified',
  default_owner: 'owner@acme.test',
  callback_url: 'https://acme.test/hooks/refold',
  sync_start_date: '2025-01-15',
  record_prefix: 'SF-',
  notes: 'Synced nightly.',
};
const ROUND_TRIP_FIELDS: MockConfigField[] = [
  ...defaultConfigTemplate({ name: 'Salesforce', slug: 'salesforce' }).fields.map((f) =>
    f.id in STORED ? { ...f, value: STORED[f.id] } : f,
  ),
  {
    id: 'extra_headers',
    name: 'Extra headers (JSON)',
    field_type: 'json',
    value: { 'x-team': 'ops', retries: 2 },
  },
  { id: 'brand_color', name: 'Brand colour', field_type: 'color', value: '#ff6600' },
  { id: 'legacy_filter', name: 'Legacy filter', field_type: 'text', value: { region: 'EU', tiers: [1, 2] } },
  { id: 'webhook_secret', name: 'Webhook secret', field_type: 'password', value: 'whsec_live_123456' },
];

/** The element, once it is enabled. */
async function enabled(element: HTMLElement) {
  await expect.poll(() => element.hasAttribute('disabled')).toBe(false);
  return element;
}

describe('ConfigForm', () => {
  const { mock, sent } = setupMockWorker({
    mockOptions: { configs: { salesforce: { fields: ROUND_TRIP_FIELDS } } },
  });

  const saves = () => sent().filter((r) => r.method === 'PUT' && r.path === CONFIG_PATH);
  const lastSave = async (): Promise<RecordedRequest> => {
    await expect.poll(() => saves().length).toBeGreaterThan(0);
    return saves().at(-1)!;
  };
  const bodyOf = (r: RecordedRequest) =>
    r.body as {
      slug: string;
      config_id?: string;
      fields: Record<string, unknown>;
      workflows?: { id: string; enabled: boolean; fields: object }[];
    };
  const selected = (list: HTMLElement) =>
    [...(list as HTMLSelectElement).selectedOptions].map((option) => option.value);

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
    expect(within(mapping).getByRole('combobox', { name: 'Full name' })).toHaveValue('');
    expect(within(mapping).getByRole('combobox', { name: 'Company' })).toHaveValue('company_name');
    // map_v2: rows from `mapping.lhs`, several values per row.
    const status = screen.getByRole('group', { name: 'Status mapping' });
    expect(within(status).getAllByRole('listbox')).toHaveLength(3);
    expect(selected(within(status).getByRole('listbox', { name: 'Active' }))).toEqual([
      'customer',
      'evangelist',
    ]);
    expect(selected(within(status).getByRole('listbox', { name: 'Trial' }))).toEqual([]);
    // The stored rule tree, nested groups included.
    const rules = screen.getByRole('group', { name: 'Routing rules' });
    expect(
      within(rules).getByRole('combobox', { name: 'How the conditions of group 1 combine' }),
    ).toHaveValue('AND');
    expect(
      within(rules).getByRole('combobox', { name: 'How the conditions of group 1.1 combine' }),
    ).toHaveValue('OR');
    expect(within(rules).getByRole('combobox', { name: 'Column of condition 2 in group 1.1' })).toHaveValue(
      'country',
    );
    expect(screen.getByRole('group', { name: 'Group 1.1' })).toBeTruthy();
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

  it('stores a changed parent once, in the config on screen, then loads the dependent options', async () => {
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
    expect(fieldCalls[1]!.body).toEqual({});
    for (const call of fieldCalls) {
      expect(call.headers['slug']).toBe('hubspot');
      expect(call.query).toEqual({ config_id: 'test-customer' });
    }

    await userEvent.selectOptions(stage, 'pending');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Pipeline' }), 'sales');
    // A new parent clears the dependent choice and loads its options again.
    await expect.poll(() => within(stage).queryByRole('option', { name: 'Qualified' })).not.toBeNull();
    expect(stage).toHaveValue('');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    await expectNoAxeViolations(screen.container);

    // Reset puts the loaded (empty) parent back with one more write.
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await expect.poll(() => mock.account('test-customer').configWrites('hubspot').length).toBe(3);
    expect(
      mock
        .account('test-customer')
        .configWrites('hubspot')
        .map((w) => [w.route, w.config_id, w.fields]),
    ).toEqual([
      ['set-field', 'test-customer', { pipeline: 'support' }],
      ['set-field', 'test-customer', { pipeline: 'sales' }],
      ['set-field', 'test-customer', { pipeline: null }],
    ]);
    await expect.poll(() => stage).toHaveAccessibleDescription('Choose a value for “Pipeline” first.');
    expect(screen.getByRole('combobox', { name: 'Pipeline' })).toHaveValue('');
    expect(mock.account('test-customer').configValues('hubspot')?.fields).not.toHaveProperty('pipeline');
    expect(screen.queryByText('Unsaved changes')).toBeNull();
    expect(saves()).toHaveLength(0);
  });

  it('saves a mapping row by row, with several values per key on map_v2 and a null choice as null', async () => {
    const screen = await renderForm();
    const mapping = screen.getByRole('group', { name: 'Field mapping' });
    await userEvent.selectOptions(within(mapping).getByRole('combobox', { name: 'Full name' }), 'firstname');
    await userEvent.selectOptions(within(mapping).getByRole('combobox', { name: 'Company' }), 'Do not sync');
    const status = screen.getByRole('group', { name: 'Status mapping' });
    await userEvent.selectOptions(within(status).getByRole('listbox', { name: 'Churned' }), [
      'former_customer',
      'other',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const body = bodyOf(await lastSave());
    expect(Object.keys(body.fields).sort()).toEqual(['field_mapping', 'status_mapping']);
    expect(body.fields['field_mapping']).toEqual({ email: 'email', company: null, full_name: 'firstname' });
    expect(body.fields['status_mapping']).toEqual({
      active: ['customer', 'evangelist'],
      churned: ['former_customer', 'other'],
    });
    expect(body).not.toHaveProperty('workflows');
    await expect.poll(() => screen.root.dataset.state).toBe('saved');
    expect(mock.account('test-customer').configValues('hubspot')?.fields['status_mapping']).toEqual({
      active: ['customer', 'evangelist'],
      churned: ['former_customer', 'other'],
    });
  });

  it('edits the stored rule tree: AND/OR per group, nested groups, conditions added and removed', async () => {
    const screen = await renderForm();
    const rules = screen.getByRole('group', { name: 'Routing rules' });
    const inner = screen.getByRole('group', { name: 'Group 1.1' });
    await userEvent.selectOptions(
      within(rules).getByRole('combobox', { name: 'How the conditions of group 1.1 combine' }),
      'AND',
    );
    await userEvent.click(within(inner).getByRole('button', { name: 'Add condition to group 1.1' }));
    await userEvent.selectOptions(
      within(inner).getByRole('combobox', { name: 'Column of condition 3 in group 1.1' }),
      'amount',
    );
    const operator = within(inner).getByRole('combobox', { name: 'Operator of condition 3 in group 1.1' });
    await expect.poll(() => operator.hasAttribute('disabled')).toBe(false);
    expect(
      within(operator)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose…', 'greater than', 'less than', 'equals']);
    await userEvent.selectOptions(operator, 'lt');
    await userEvent.fill(
      within(inner).getByRole('textbox', { name: 'Value of condition 3 in group 1.1' }),
      '100',
    );
    await userEvent.click(within(inner).getByRole('button', { name: 'Remove condition 2 from group 1.1' }));
    expect(document.activeElement).toBe(
      within(inner).getByRole('button', { name: 'Add condition to group 1.1' }),
    );

    // A group added to the root, with one condition, then a group added in it and removed again.
    await userEvent.click(within(rules).getByRole('button', { name: 'Add group to group 1' }));
    const added = screen.getByRole('group', { name: 'Group 1.2' });
    await userEvent.click(within(added).getByRole('button', { name: 'Add group to group 1.2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove group 1.2.1' }));
    expect(screen.queryByRole('group', { name: 'Group 1.2.1' })).toBeNull();
    await userEvent.selectOptions(
      within(added).getByRole('combobox', { name: 'How the conditions of group 1.2 combine' }),
      'OR',
    );
    await userEvent.click(within(added).getByRole('button', { name: 'Add condition to group 1.2' }));
    await userEvent.selectOptions(
      within(added).getByRole('combobox', { name: 'Column of condition 1 in group 1.2' }),
      'country',
    );
    const value = within(added).getByRole('combobox', { name: 'Value of condition 1 in group 1.2' });
    await expect.poll(() => value.hasAttribute('disabled')).toBe(false);
    await userEvent.selectOptions(
      within(added).getByRole('combobox', { name: 'Operator of condition 1 in group 1.2' }),
      'eq',
    );
    await userEvent.selectOptions(value, 'IN');
    await expectNoAxeViolations(screen.container);

    const ruleCalls = sent().filter((r) => r.path === '/api/v2/public/config/rule-engine/routing_rules');
    expect(ruleCalls.map((r) => r.body)).toContainEqual({ rule_column: { lhs: 'amount' } });
    expect(
      ruleCalls.every((r) => r.query['config_id'] === 'test-customer' && r.headers['slug'] === 'hubspot'),
    ).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const body = bodyOf(await lastSave());
    expect(Object.keys(body.fields)).toEqual(['routing_rules']);
    // Exactly the stored shape, unknown keys (`type`) kept on the conditions the user did not touch.
    expect(body.fields['routing_rules']).toEqual({
      logic: 'AND',
      conditions: [
        { lhs: 'country', operator: 'eq', rhs: 'US', type: 'select' },
        {
          logic: 'AND',
          conditions: [
            { lhs: 'amount', operator: 'gt', rhs: '5000', type: 'text' },
            { lhs: 'amount', operator: 'lt', rhs: '100' },
          ],
        },
        { logic: 'OR', conditions: [{ lhs: 'country', operator: 'eq', rhs: 'IN' }] },
      ],
    });
    await expect.poll(() => screen.root.dataset.state).toBe('saved');
  });

  // The stored tree asks for two columns (country, amount) as the form loads.
  const RULES = '/api/v2/public/config/rule-engine/routing_rules';

  it('shows rule options answered as { options } (another documented version) as right-hand choices', async () => {
    mock.inject(
      { method: 'POST', path: RULES },
      {
        times: 2,
        body: {
          options: [
            { name: 'United States', value: 'US' },
            { name: 'Japan', value: 'JP' },
          ],
        },
      },
    );
    const screen = await renderForm();
    const rules = screen.getByRole('group', { name: 'Routing rules' });
    const value = await within(rules).findByRole('combobox', { name: 'Value of condition 1 in group 1' });
    expect(value).toHaveValue('US');
    expect(within(value).getByRole('option', { name: 'Japan' })).toBeTruthy();
    // No operators named: the stored operator shows, and can be typed.
    expect(within(rules).getByRole('textbox', { name: 'Operator of condition 1 in group 1' })).toHaveValue(
      'eq',
    );
    await userEvent.selectOptions(value, 'JP');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const tree = bodyOf(await lastSave()).fields['routing_rules'] as { conditions: unknown[] };
    expect(tree.conditions[0]).toEqual({ lhs: 'country', operator: 'eq', rhs: 'JP', type: 'select' });
  });

  it('shows an unknown rule-option answer as an error, not as a column without operators', async () => {
    mock.inject({ method: 'POST', path: RULES }, { times: 2, body: { something: 'else' } });
    const screen = await renderForm();
    const rules = screen.getByRole('group', { name: 'Routing rules' });
    const alerts = await within(rules).findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('Refold sent an unexpected answer.');
    expect(within(rules).queryByRole('textbox', { name: /^Operator of/ })).toBeNull();
    await expectNoAxeViolations(screen.container);
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
    const workflowSwitch = { method: 'PATCH', path: /\/workflows\// };
    const held = mock.hold(workflowSwitch);
    mock.inject(workflowSwitch, { status: 500 });
    toggle.focus();
    await userEvent.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    await held.arrived;
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    held.release();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
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
    // Only the workflow with a changed field, with its stored switch; no app-level `fields`.
    expect((await lastSave()).body).toEqual({
      slug: 'hubspot',
      config_id: 'test-customer',
      workflows: [{ id: SYNC_CONTACTS, enabled: true, fields: { lifecycle_stage: 'customer' } }],
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
    const save = mock.hold({ method: 'PUT', path: CONFIG_PATH });
    await userEvent.fill(screen.getByRole('textbox', { name: 'Record name prefix' }), 'ACME-');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.root.dataset.state).toBe('saving');
    expect(screen.root).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Saving…');
    await save.arrived;
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.root.dataset.state).toBe('saving');
    save.release();
    await expect.poll(() => screen.root.dataset.state).toBe('saved');
    expect(screen.getByRole('status')).toHaveTextContent('Saved');
    expect(saves()).toHaveLength(1);
    expect(onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ slug: 'hubspot', config_id: 'test-customer' }),
    );
    expect(screen.root).not.toHaveAttribute('data-dirty');
    // Only what the user changed, in the loaded config.
    expect(saves()[0]!.body).toEqual({
      slug: 'hubspot',
      config_id: 'test-customer',
      fields: { record_prefix: 'ACME-' },
    });
    await expectNoAxeViolations(screen.container);
  });

  it('keeps what is typed while a save is under way', async () => {
    const screen = await renderForm();
    const save = mock.hold({ method: 'PUT', path: CONFIG_PATH });
    const prefix = screen.getByRole('textbox', { name: 'Record name prefix' });
    await userEvent.fill(prefix, 'ACME-');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await save.arrived;
    await userEvent.fill(prefix, 'ACME-2');
    expect(screen.root.dataset.state).toBe('saving');
    await expect.poll(() => saves().length).toBe(1);
    save.release();
    await expect.poll(() => screen.root.dataset.state).toBe('ready');
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
    const load = mock.hold({ method: 'POST', path: CONFIG_PATH });
    mock.inject({ method: 'POST', path: CONFIG_PATH }, { status: 500 });
    const screen = renderRefold(<ConfigForm slug="hubspot" />, { mock });
    const root = screen.container.querySelector<HTMLElement>('.refold-config-form')!;
    expect(root.dataset.state).toBe('loading');
    expect(screen.getByRole('status')).toHaveTextContent('Loading settings…');
    await load.arrived;
    await expectNoAxeViolations(screen.container);
    load.release();
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

  describe('round trips: nothing the user did not change is sent or stored', () => {
    type Screen = Awaited<ReturnType<typeof renderForm>>;
    const account = () => mock.account('test-customer');
    const fill = (name: string, text: string) => (screen: Screen) =>
      userEvent.fill(screen.getByRole('textbox', { name }), text);
    const stored = ROUND_TRIP_FIELDS.find((f) => f.id === 'routing_rules')!.value as {
      conditions: [unknown, { conditions: unknown[] }];
    };

    it('shows values it cannot edit read-only, never shows a secret, and saves nothing without edits', async () => {
      const screen = await renderForm({ slug: 'salesforce' });
      const before = account().configValues('salesforce');
      expect(before?.fields['routing_rules']).toEqual(stored);

      expect(screen.getByRole('group', { name: 'Brand colour' })).toHaveTextContent('#ff6600');
      const legacy = screen.getByRole('group', { name: 'Legacy filter' });
      expect(legacy).toHaveAccessibleDescription('This value can’t be edited here; it is kept as it is.');
      expect(legacy.querySelector('pre')?.textContent).toBe(
        JSON.stringify({ region: 'EU', tiers: [1, 2] }, null, 2),
      );
      expect(screen.getByRole('group', { name: 'Webhook secret' })).toHaveTextContent(
        'A value is stored (hidden).',
      );
      expect(screen.container.textContent).not.toContain('whsec_live_123456');
      expect(screen.getByRole('textbox', { name: 'Extra headers (JSON)' })).toHaveValue(
        JSON.stringify({ 'x-team': 'ops', retries: 2 }, null, 2),
      );
      await expectNoAxeViolations(screen.container);

      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      // A save without edits names the config and carries no value at all.
      expect((await lastSave()).body).toEqual({ slug: 'salesforce', config_id: 'test-customer' });
      await expect.poll(() => screen.root.dataset.state).toBe('saved');
      expect(screen.getByRole('status')).toHaveTextContent('Saved');
      expect(account().configValues('salesforce')).toEqual(before);
      expect(account().configWrites('salesforce')).toEqual([]);
      expect(sent().filter((r) => r.method === 'PUT' && r.path !== CONFIG_PATH)).toEqual([]);
    });

    it.each<[string, string, (screen: Screen) => Promise<unknown>, unknown]>([
      ['text', 'record_prefix', fill('Record name prefix', 'SFDC-'), 'SFDC-'],
      ['number', 'batch_size', fill('Batch size', '250'), 250],
      ['email', 'default_owner', fill('Default owner email', 'ops@acme.test'), 'ops@acme.test'],
      [
        'url',
        'callback_url',
        fill('Callback URL', 'https://acme.test/v2/hooks'),
        'https://acme.test/v2/hooks',
      ],
      [
        'date',
        'sync_start_date',
        (screen) => userEvent.fill(screen.getByLabelText('Sync records created after'), '2025-04-01'),
        '2025-04-01',
      ],
      ['textarea', 'notes', fill('Notes for your team', 'Synced hourly.'), 'Synced hourly.'],
      [
        'json (stored as text)',
        'custom_payload',
        fill('Extra payload (JSON)', '{"source":"sf"}'),
        '{"source":"sf"}',
      ],
      [
        'json (stored as an object)',
        'extra_headers',
        fill('Extra headers (JSON)', '{"x-team": "sales"}'),
        { 'x-team': 'sales' },
      ],
      [
        'select',
        'sync_frequency',
        (screen) =>
          userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sync frequency' }), 'daily'),
        'daily',
      ],
      [
        'multi-select',
        'objects',
        (screen) => userEvent.click(screen.getByRole('checkbox', { name: 'Deals' })),
        ['contacts', 'deals'],
      ],
      [
        'map',
        'field_mapping',
        (screen) => userEvent.selectOptions(screen.getByRole('combobox', { name: 'Full name' }), 'lastname'),
        { email: 'email', company: 'company_name', full_name: 'lastname' },
      ],
      [
        'map_v2 with several values per key',
        'status_mapping',
        (screen) =>
          userEvent.selectOptions(screen.getByRole('listbox', { name: 'Trial' }), ['customer', 'other']),
        { active: ['customer', 'evangelist'], churned: ['former_customer'], trial: ['customer', 'other'] },
      ],
      [
        'rule engine with nested groups',
        'routing_rules',
        async (screen) =>
          userEvent.selectOptions(
            await enabled(screen.getByRole('combobox', { name: 'Operator of condition 1 in group 1.1' })),
            'lt',
          ),
        {
          ...stored,
          conditions: [
            stored.conditions[0],
            {
              ...stored.conditions[1],
              conditions: [
                { lhs: 'amount', operator: 'lt', rhs: '5000', type: 'text' },
                stored.conditions[1].conditions[1],
              ],
            },
          ],
        },
      ],
      [
        'dependent select (its parent as loaded)',
        'stage',
        async (screen) =>
          userEvent.selectOptions(
            await enabled(screen.getByRole('combobox', { name: 'Default stage' })),
            'won',
          ),
        'won',
      ],
    ])(
      '%s: an edit sends that field alone and changes no other stored value',
      async (_type, id, edit, wire) => {
        const screen = await renderForm({ slug: 'salesforce' });
        const before = account().configValues('salesforce')!;
        await edit(screen);
        await userEvent.click(screen.getByRole('button', { name: 'Save' }));
        expect((await lastSave()).body).toEqual({
          slug: 'salesforce',
          config_id: 'test-customer',
          fields: { [id]: wire },
        });
        await expect.poll(() => screen.root.dataset.state).toBe('saved');
        expect(account().configValues('salesforce')).toEqual({
          ...before,
          fields: { ...before.fields, [id]: wire },
        });
        expect(
          account()
            .configWrites('salesforce')
            .map((w) => w.route),
        ).toEqual(['update-config']);
      },
    );

    it('a workflow field: sends only that workflow, with its stored switch, and changes nothing else', async () => {
      const screen = await renderForm({ slug: 'salesforce' });
      await userEvent.click(screen.getByRole('switch', { name: 'Create Salesforce leads' }));
      const source = await screen.findByRole('textbox', { name: 'Lead source' });
      await expect
        .poll(() => account().configValues('salesforce')?.workflows[CREATE_LEADS]?.enabled)
        .toBe(true);
      const before = account().configValues('salesforce')!;
      await userEvent.fill(source, 'Webinar');
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      expect((await lastSave()).body).toEqual({
        slug: 'salesforce',
        config_id: 'test-customer',
        workflows: [{ id: CREATE_LEADS, enabled: true, fields: { lead_source: 'Webinar' } }],
      });
      await expect.poll(() => screen.root.dataset.state).toBe('saved');
      const after = account().configValues('salesforce')!;
      expect(after.fields).toEqual(before.fields);
      expect(after.workflows).toEqual({
        ...before.workflows,
        [CREATE_LEADS]: { enabled: true, fields: { lead_source: 'Webinar' } },
      });
    });
  });

  it('keeps every call of a named config in that config, and the default config untouched', async () => {
    const screen = await renderForm({ configId: 'eu-workspace' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Pipeline' }), 'sales');
    await enabled(screen.getByRole('combobox', { name: 'Default stage' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Default stage' }), 'won');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await lastSave()).body).toEqual({
      slug: 'hubspot',
      config_id: 'eu-workspace',
      fields: { pipeline: 'sales', stage: 'won' },
    });
    await expect.poll(() => screen.root.dataset.state).toBe('saved');
    const fieldCalls = sent().filter((r) => r.path.startsWith('/api/v2/public/config/'));
    expect(fieldCalls.length).toBeGreaterThanOrEqual(3);
    expect(fieldCalls.every((r) => r.query['config_id'] === 'eu-workspace')).toBe(true);
    const account = mock.account('test-customer');
    expect(account.configIds('hubspot')).toEqual(['eu-workspace']);
    expect(account.configValues('hubspot', 'eu-workspace')?.fields).toMatchObject({
      pipeline: 'sales',
      stage: 'won',
    });
  });
});
