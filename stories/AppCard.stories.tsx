import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { AppCard } from '../src/components/AppCard/index.js';
import { twoSlackAccounts } from './support/accounts.js';

const meta = {
  title: 'Components/AppCard',
  component: AppCard,
  tags: ['autodocs'],
  args: { slug: 'hubspot' },
} satisfies Meta<typeof AppCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Connected, with the connected account read from HubSpot's object identifier
 * (`{ portalId, user, hub_domain }`).
 */
export const Connected: Story = {
  parameters: {
    refold: { setup: (mock, id) => void mock.account(id).connect('hubspot') },
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText('Connected as sales@acme.example (acme.hubspot.com)')).toBeVisible();
    await expect(canvasElement.querySelector('.refold-app-card')).toHaveAttribute('data-state', 'connected');
  },
};

/** With `connections`: each account of the app under the card, with its own actions. */
export const WithConnections: Story = {
  args: { slug: 'slack', connections: true },
  parameters: {
    refold: { setup: twoSlackAccounts },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('list', { name: 'Slack accounts' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Reconnect Slack' })).toBeVisible();
  },
};

/** Health at a glance (`health` from `useConnectionHealth`): the last run failed, so it needs attention. */
export const NeedsAttention: Story = {
  args: {
    health: {
      needsAttention: true,
      lastRun: { _id: 'run-1', name: 'Sync deals', status: 'ERRORED', createdAt: '2026-03-05T12:00:00Z' },
    },
  },
  parameters: {
    refold: { setup: (mock, id) => void mock.account(id).connect('hubspot') },
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText('Needs attention')).toBeVisible();
    await expect(canvasElement.querySelector('.refold-app-card')).toHaveAttribute('data-attention');
    await expect(canvasElement.querySelector('.refold-app-card__health')).toHaveTextContent(/: Failed$/);
  },
};

/** A connection whose status the library does not know: a neutral state showing that status. */
export const UnknownStatus: Story = {
  parameters: {
    refold: {
      setup: (mock, id) => void mock.account(id).connect('hubspot', { status: 'pending_verification' }),
    },
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText('Connection status: pending_verification')).toBeVisible();
    await expect(canvasElement.querySelector('.refold-app-card')).toHaveAttribute('data-state', 'unknown');
  },
};

/** Not connected, with an action in the slot. */
export const NotConnected: Story = {
  args: {
    action: (
      <button type="button" className="refold-button">
        Connect
      </button>
    ),
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Not connected')).toBeVisible();
  },
};

/** The connection expired: the customer must sign in again. */
export const Expired: Story = {
  parameters: {
    refold: { setup: (mock, id) => void mock.account(id).connect('hubspot', { status: 'expired' }) },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/^Connection expired for/)).toBeVisible();
  },
};

/** A connect flow is running (shown through `status`; the card follows `useConnect` by itself). */
export const Connecting: Story = {
  args: { status: 'connecting' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Connecting…')).toBeVisible();
  },
};

/** While the app loads. */
export const Loading: Story = {
  parameters: {
    refold: {
      setup: (mock) => mock.hold({ path: /^\/api\/v2\/f-sdk\/application/ }),
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading app…');
  },
};

/** The app cannot be loaded: an error with a retry. */
export const LoadError: Story = {
  parameters: {
    refold: { setup: (mock) => mock.inject({ path: '/api/v2/f-sdk/application/hubspot' }, { status: 500 }) },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByText('HubSpot')).toBeVisible();
  },
};

const long =
  'Synchronises every contact, company, deal, ticket and custom object in both directions. '.repeat(6);

/** A long name and description: the description is clamped, long words wrap. */
export const LongText: Story = {
  args: {
    slug: undefined,
    app: {
      name: 'Enterprise Resource Planning Connector With An Unusually Long Name',
      slug: 'long-text',
      description: long,
      tags: ['ERP', 'Finance', 'Operations'],
      connected_accounts: [
        {
          identifier: 'a.very.long.service.account.identifier@subsidiary.example.com',
          auth_type: 'keybased',
          connectedAt: '2026-01-01T00:00:00Z',
        },
      ],
    },
    status: 'connected',
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(long.trim())).toBeVisible();
  },
};

/** No icon: the initials. */
export const NoIcon: Story = {
  args: {
    slug: undefined,
    app: { name: 'Acme Billing', slug: 'acme-billing', description: 'Invoices and payments.' },
    status: 'disconnected',
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-fallback]')).toHaveTextContent('AB');
  },
};

/** An icon URL outside the allow-list (`javascript:`): the initials, never an `<img>`. */
export const BlockedIcon: Story = {
  args: {
    slug: undefined,
    app: {
      name: 'Evil Corp',
      slug: 'evil',
      description: 'Its icon URL is javascript:.',
      icon: 'javascript:alert(1)',
    },
    status: 'disconnected',
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvasElement.querySelector('[data-fallback]')).toHaveTextContent('EC');
  },
};
