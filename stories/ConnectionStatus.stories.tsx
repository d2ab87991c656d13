import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { ConnectionStatus } from '../src/components/ConnectionStatus/index.js';
import { twoSlackAccounts } from './support/accounts.js';

const meta = {
  title: 'Components/ConnectionStatus',
  component: ConnectionStatus,
  tags: ['autodocs'],
  args: { slug: 'slack' },
} satisfies Meta<typeof ConnectionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Connected, naming the connected account. */
export const Connected: Story = {
  parameters: {
    refold: {
      setup: (mock, id) => void mock.account(id).connect('slack', { identifier: 'team@acme.example' }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Connected as team@acme.example')).toBeVisible();
  },
};

/** HubSpot names its connection with an object (`{ portalId, user, hub_domain }`): read into a label. */
export const ObjectIdentifier: Story = {
  args: { slug: 'hubspot' },
  parameters: {
    refold: { setup: (mock, id) => void mock.account(id).connect('hubspot') },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Connected as sales@acme.example (acme.hubspot.com)')).toBeVisible();
  },
};

/** A connection with no readable identifier (`noauth`): its auth type and connection date. */
export const NoIdentifier: Story = {
  args: { slug: 'public-holidays' },
  parameters: {
    refold: {
      setup: (mock, id) =>
        void mock.account(id).connect('public-holidays', { connectedAt: '2026-03-05T12:00:00Z' }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Connected (No sign-in · Mar 5, 2026)')).toBeVisible();
  },
};

/** A connection status the library does not know: neutral, with the status as Refold sent it. */
export const UnknownStatus: Story = {
  parameters: {
    refold: { setup: (mock, id) => void mock.account(id).connect('slack', { status: 'revoked' }) },
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText('Connection status: revoked')).toBeVisible();
    await expect(canvasElement.querySelector('.refold-connection-status')).toHaveAttribute(
      'data-state',
      'unknown',
    );
  },
};

/** The connection expired. */
export const Expired: Story = {
  parameters: {
    refold: { setup: (mock, id) => void mock.account(id).connect('slack', { status: 'expired' }) },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/^Connection expired for/)).toBeVisible();
  },
};

/** Several accounts of one app: a badge per connection, each with its label and state. */
export const SeveralAccounts: Story = {
  parameters: {
    refold: { setup: twoSlackAccounts },
  },
  play: async ({ canvas }) => {
    const list = await canvas.findByRole('list', { name: 'Slack accounts' });
    await expect(list).toHaveTextContent('Connected as work@acme.example');
    await expect(list).toHaveTextContent('Connection expired for home@acme.example');
  },
};

/** No connection. */
export const NotConnected: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Not connected')).toBeVisible();
  },
};

/** A connect flow is running (forced with `status`; by default it follows `useConnect`). */
export const Connecting: Story = {
  args: { status: 'connecting' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Connecting…')).toBeVisible();
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
    await expect(canvas.getByText('Checking connection…')).toBeVisible();
  },
};

/** The app cannot be loaded: an error with a retry. */
export const LoadError: Story = {
  parameters: {
    refold: {
      setup: (mock) => mock.inject({ path: '/api/v2/f-sdk/application/slack' }, { status: 404, times: 10 }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};

/** Dark theme, every state side by side. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  render: () => (
    <p>
      <ConnectionStatus slug="slack" status="connected" /> <ConnectionStatus slug="slack" status="expired" />{' '}
      <ConnectionStatus slug="slack" status="disconnected" />{' '}
      <ConnectionStatus slug="slack" status="unknown" /> <ConnectionStatus slug="slack" status="connecting" />
    </p>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Connecting…')).toBeVisible();
  },
};
