import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { AuthForm } from '../src/components/AuthForm/index.js';

const meta = {
  title: 'Components/AuthForm',
  component: AuthForm,
  tags: ['autodocs'],
  args: { slug: 'custom-webhook', onConnected: fn() },
} satisfies Meta<typeof AuthForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Custom webhook: URL, password (with show/hide), e-mail, number, textarea and checkbox fields. */
export const EveryFieldType: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByLabelText(/^Endpoint URL/)).toBeRequired();
    await expect(canvas.getByLabelText(/^Signing secret/)).toHaveAttribute('type', 'password');
    await expect(canvas.getByRole('button', { name: 'Show Signing secret' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(canvas.getByLabelText(/Extra headers/)).toHaveAccessibleDescription(
      'One "Name: value" per line.',
    );
    await expect(canvas.getByRole('checkbox', { name: 'Verify TLS certificates' })).not.toBeChecked();
  },
};

/** Jira: a multi-select as a group of checkboxes, beside URL, e-mail and token fields. */
export const JiraMultiSelect: Story = {
  args: { slug: 'jira' },
  play: async ({ canvas, userEvent }) => {
    const group = await canvas.findByRole('group', { name: 'Projects' });
    await expect(group).toHaveAccessibleDescription('Leave empty to sync every project.');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Engineering' }));
    await expect(canvas.getByRole('checkbox', { name: 'Engineering' })).toBeChecked();
  },
};

/** Stripe: a required select. */
export const StripeSelect: Story = {
  args: { slug: 'stripe' },
  play: async ({ canvas, userEvent }) => {
    const mode = await canvas.findByRole('combobox', { name: /Mode/ });
    await userEvent.selectOptions(mode, 'live');
    await expect(mode).toHaveValue('live');
  },
};

/** Freshdesk: a number field and a checkbox. */
export const FreshdeskNumberAndCheckbox: Story = {
  args: { slug: 'freshdesk' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText(/Days of history/), '30');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Include archived tickets' }));
    await expect(canvas.getByRole('checkbox', { name: 'Include archived tickets' })).toBeChecked();
  },
};

/**
 * Twilio, a connector sub-type (`basic_auth`): the credentials form, saved with `auth_type: 'basic_auth'`.
 * Its region option whose value is `null` is the empty choice ("Default").
 */
export const ConnectorSubType: Story = {
  args: { slug: 'twilio' },
  play: async ({ canvas, canvasElement, userEvent, refold }) => {
    await userEvent.type(await canvas.findByLabelText(/^Account SID/), 'AC42');
    await userEvent.type(canvas.getByLabelText(/^Auth token/), 'tw-secret');
    await expect(canvas.getByRole('combobox', { name: /Region/ })).toHaveDisplayValue(
      'Default (United States)',
    );
    await expect(canvasElement.querySelector('.refold-auth-form')).toHaveAttribute(
      'data-sub-type',
      'basic_auth',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Connect Twilio' }));
    await expect(
      await canvas.findByText('Twilio is connected.', { selector: 'p:not([role])' }),
    ).toBeVisible();
    const save = refold!.mock.requests.find((r) => r.path === '/api/v2/app/twilio/save');
    await expect(save?.body).toEqual({
      account_sid: 'AC42',
      auth_token: 'tw-secret',
      auth_type: 'basic_auth',
    });
  },
};

/** Public Holidays (`noauth`): nothing to fill in, Connect saves `{ auth_type: 'noauth' }`. */
export const NoAuth: Story = {
  args: { slug: 'public-holidays' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No details are needed to connect Public Holidays.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Connect Public Holidays' })).toBeEnabled();
  },
};

/** Intercom lists OAuth with no field beside key-based fields (`{ keybased: [...], oauth2: [] }`): key-based. */
export const KeyBasedBesideEmptyOAuth: Story = {
  args: { slug: 'intercom' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByLabelText(/^Access token/)).toHaveAttribute('type', 'password');
  },
};

/** Submitting an empty form: every required field says so, focus goes to the first; nothing is sent. */
export const RequiredErrors: Story = {
  args: { slug: 'zendesk' },
  play: async ({ canvas, userEvent, refold }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Zendesk' }));
    const subdomain = canvas.getByLabelText(/^Subdomain/);
    await waitFor(() => expect(subdomain).toHaveAttribute('aria-invalid', 'true'));
    await expect(subdomain).toHaveFocus();
    await expect(canvas.getAllByText('This field is required.')).toHaveLength(3);
    await expect(refold!.mock.requests.filter((r) => r.path.endsWith('/save'))).toHaveLength(0);
  },
};

/** Refold refuses one field: its message shows by that field. */
export const ServerFieldError: Story = {
  args: { slug: 'zendesk' },
  parameters: {
    refold: {
      setup: (mock) =>
        mock.inject(
          { method: 'POST', path: '/api/v2/app/zendesk/save' },
          {
            status: 400,
            body: {
              message: 'Some values were refused.',
              field_errors: [
                { id: 'subdomain', error: { message: 'No Zendesk account at this subdomain.' } },
              ],
            },
          },
        ),
    },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText(/^Subdomain/), 'nobody');
    await userEvent.type(canvas.getByLabelText(/^Agent email/), 'agent@example.com');
    await userEvent.type(canvas.getByLabelText(/^API token/), 'token{Enter}');
    await expect(await canvas.findByText('No Zendesk account at this subdomain.')).toBeVisible();
    await expect(canvas.getByLabelText(/^Subdomain/)).toHaveAttribute('aria-invalid', 'true');
  },
};

/** The provider refuses the secret (type `wrong`): "Failed to verify credentials", every value kept. */
export const CredentialsRejected: Story = {
  args: { slug: 'stripe' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText(/^Secret key/), 'wrong');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: /Mode/ }), 'test');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect Stripe' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Failed to verify credentials: Stripe rejected the credentials (401 Unauthorized)',
    );
    await expect(canvas.getByLabelText(/^Secret key/)).toHaveValue('wrong');
    await expect(canvas.getByRole('combobox', { name: /Mode/ })).toHaveValue('test');
  },
};

/** The save request is under way. */
export const Saving: Story = {
  args: { slug: 'stripe' },
  parameters: {
    refold: {
      setup: (mock) => mock.hold({ method: 'POST', path: '/api/v2/app/stripe/save' }),
    },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText(/^Secret key/), 'sk_test_123');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: /Mode/ }), 'test');
    await userEvent.click(canvas.getByRole('button', { name: 'Connect Stripe' }));
    await expect(await canvas.findByRole('button', { name: 'Connecting Stripe…' })).toBeVisible();
  },
};

/** The app's description never arrives. */
export const Loading: Story = {
  parameters: {
    refold: {
      setup: (mock) => mock.hold({ path: '/api/v2/f-sdk/application/custom-webhook' }),
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Loading…')).toBeVisible();
  },
};
