import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ConfigForm } from '../src/components/ConfigForm/index.js';
import { defaultConfigTemplate } from '../src/testing/mock-refold/index.js';
import type { MockConfigField, MockRefoldOptions } from '../src/testing/mock-refold/index.js';

const CONFIG_PATH = '/api/v2/f-sdk/config';

/** HubSpot's config with only the fields named (values overridable), `extra` fields, and no workflows. */
function onlyFields(
  fields: Record<string, Partial<MockConfigField>>,
  extra: MockConfigField[] = [],
): MockRefoldOptions {
  const template = defaultConfigTemplate({ name: 'HubSpot', slug: 'hubspot' }).fields;
  return {
    configs: {
      hubspot: {
        fields: [...template.filter((f) => f.id in fields).map((f) => ({ ...f, ...fields[f.id] })), ...extra],
      },
    },
    workflows: [],
  };
}

const meta = {
  title: 'Components/ConfigForm',
  component: ConfigForm,
  tags: ['autodocs'],
  args: { slug: 'hubspot' },
} satisfies Meta<typeof ConfigForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** HubSpot's configuration: one field of every type, a hidden field (not shown) and two workflows. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Save' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Routing rules' })).toBeVisible();
    await expect(canvas.queryByText('External reference')).toBeNull();
  },
};

/**
 * `stage` depends on `pipeline`: disabled with a hint until a pipeline is chosen; the choice is stored at
 * once (Refold computes the stages from the stored config), then the stages load.
 */
export const DependentField: Story = {
  parameters: { refold: { mockOptions: onlyFields({ pipeline: {}, stage: {} }) } },
  play: async ({ canvas, userEvent }) => {
    const stage = await canvas.findByRole('combobox', { name: 'Default stage' });
    await expect(stage).toBeDisabled();
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Pipeline' }), 'sales');
    await waitFor(() => expect(stage).toBeEnabled());
    await userEvent.selectOptions(stage, 'qualified');
  },
};

/**
 * Field mappings: `map` has one choice per label (a choice may be "Do not sync", whose value is `null`);
 * `map_v2` takes its rows and choices from `mapping` and several values per row.
 */
export const FieldMapping: Story = {
  parameters: {
    refold: {
      mockOptions: onlyFields({ field_mapping: {}, status_mapping: {} }),
    },
  },
  play: async ({ canvas, userEvent }) => {
    const mapping = await canvas.findByRole('group', { name: 'Field mapping' });
    await expect(within(mapping).getByRole('combobox', { name: 'Email' })).toHaveValue('email');
    const status = canvas.getByRole('group', { name: 'Status mapping' });
    const active = within(status).getByRole('listbox', { name: 'Active' }) as HTMLSelectElement;
    await expect([...active.selectedOptions].map((o) => o.value)).toEqual(['customer', 'evangelist']);
    await userEvent.selectOptions(within(status).getByRole('listbox', { name: 'Trial' }), [
      'customer',
      'other',
    ]);
  },
};

/** A stored rule tree: AND/OR per group, a nested group; operators and values load per column. */
export const RuleEngine: Story = {
  parameters: { refold: { mockOptions: onlyFields({ routing_rules: {} }) } },
  play: async ({ canvas, userEvent }) => {
    const inner = await canvas.findByRole('group', { name: 'Group 1.1' });
    await waitFor(() =>
      expect(
        within(inner).getByRole('combobox', { name: 'Operator of condition 1 in group 1.1' }),
      ).toBeEnabled(),
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Add group to group 1' }));
    const added = canvas.getByRole('group', { name: 'Group 1.2' });
    await userEvent.click(within(added).getByRole('button', { name: 'Add condition to group 1.2' }));
    await userEvent.selectOptions(
      within(added).getByRole('combobox', { name: 'Column of condition 1 in group 1.2' }),
      'amount',
    );
  },
};

/**
 * Values the form cannot edit stay as they are, shown read-only: a field type it does not know, an object
 * in a text field. A secret-looking field shows no value at all.
 */
export const ReadOnlyValues: Story = {
  parameters: {
    refold: {
      mockOptions: onlyFields({ record_prefix: {} }, [
        { id: 'brand_color', name: 'Brand colour', field_type: 'color', value: '#ff6600' },
        {
          id: 'legacy_filter',
          name: 'Legacy filter',
          field_type: 'text',
          value: { region: 'EU', tiers: [1, 2] },
          help_text: 'Set up by your administrator.',
        },
        { id: 'webhook_secret', name: 'Webhook secret', field_type: 'password', value: 'whsec_live_123456' },
      ]),
    },
  },
  play: async ({ canvas }) => {
    const legacy = await canvas.findByRole('group', { name: 'Legacy filter' });
    await expect(legacy).toHaveTextContent('"region": "EU"');
    await expect(canvas.getByRole('group', { name: 'Webhook secret' })).toHaveTextContent(
      'A value is stored (hidden).',
    );
  },
};

/** JSON is checked as you type; invalid JSON says where, and blocks saving. */
export const InvalidJson: Story = {
  parameters: { refold: { mockOptions: onlyFields({ custom_payload: {} }) } },
  play: async ({ canvas, userEvent }) => {
    const json = await canvas.findByRole('textbox', { name: 'Extra payload (JSON)' });
    await userEvent.clear(json);
    await userEvent.type(json, '{{"source": "refold",}');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(json).toHaveAccessibleDescription(/not valid JSON: check line 1, column 21/);
  },
};

/** A date field (`<input type="date">`) with a stored value. */
export const DateField: Story = {
  parameters: { refold: { mockOptions: onlyFields({ sync_start_date: { value: '2025-03-01' } }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByLabelText('Sync records created after')).toHaveValue('2025-03-01');
  },
};

/** Workflow switches (optimistic); a workflow's own fields show while it is on. */
export const Workflows: Story = {
  args: { slug: 'slack' },
  parameters: { refold: { mockOptions: { configs: { slack: { fields: [] } } } } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('switch', { name: 'Post new deals to Slack' }));
    await expect(await canvas.findByRole('textbox', { name: 'Minimum amount' })).toBeVisible();
  },
};

/** While Refold saves. */
export const Saving: Story = {
  parameters: {
    refold: { setup: (mock) => mock.hold({ method: 'PUT', path: CONFIG_PATH }) },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText('Saving…')).toBeVisible();
  },
};

/** After a successful save: “Saved” is announced. */
export const Saved: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByRole('textbox', { name: 'Record name prefix' }), 'ACME-');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText('Saved')).toBeVisible();
  },
};

/** Refold refuses two values: each field shows its message, and every typed value stays. */
export const FieldErrors: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByRole('textbox', { name: 'Default owner email' }), 'not-an-email');
    const batch = canvas.getByRole('textbox', { name: 'Batch size' });
    await userEvent.clear(batch);
    await userEvent.type(batch, 'lots');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText('Batch size must be a number')).toBeVisible();
    await expect(canvas.getByText('Default owner email must be a valid email address')).toBeVisible();
  },
};

/** Edited but not saved: the indicator shows, and Reset brings the loaded values back. */
export const UnsavedChanges: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByRole('textbox', { name: 'Notes for your team' }), 'Draft');
    await expect(canvas.getByText('Unsaved changes')).toBeVisible();
  },
};

/** Waiting for the config. */
export const Loading: Story = {
  parameters: { refold: { setup: (mock) => mock.hold({ path: CONFIG_PATH }) } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading settings…');
  },
};

/** The config failed to load; “Try again” loads it. */
export const LoadError: Story = {
  parameters: { refold: { setup: (mock) => mock.inject({ path: CONFIG_PATH }, { status: 500 }) } },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** Too many requests (Retry-After beyond what the client waits for). */
export const RateLimited: Story = {
  parameters: {
    refold: {
      setup: (mock) =>
        mock.inject({ path: CONFIG_PATH }, { status: 429, headers: { 'retry-after': '45' }, times: 10 }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Too many requests. Try again in 45 seconds.',
    );
  },
};

/** The session token keeps being refused. */
export const SessionExpired: Story = {
  parameters: { refold: { setup: (mock) => mock.inject({ path: CONFIG_PATH }, { status: 401, times: 10 }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your session has expired.');
  },
};
