import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { ConnectionStatus } from '../src/components/ConnectionStatus/index.js';

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

/** The connection expired. */
export const Expired: Story = {
  parameters: {
    refold: { setup: (mock, id) => void mock.account(id).connect('slack', { status: 'expired' }) },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/^Connection expired for/)).toBeVisible();
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
      setup: (mock) => mock.inject({ path: /^\/api\/v2\/f-sdk\/application/ }, { delayMs: 1e9, times: 10 }),
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
      <ConnectionStatus slug="slack" status="connecting" />
    </p>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Connecting…')).toBeVisible();
  },
};
