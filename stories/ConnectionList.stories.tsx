import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { ConnectionList } from '../src/components/ConnectionList/index.js';
import { twoSlackAccounts } from './support/accounts.js';
import { fakePopup } from './support/popup.js';

const meta = {
  title: 'Components/ConnectionList',
  component: ConnectionList,
  tags: ['autodocs'],
  args: { slug: 'slack' },
} satisfies Meta<typeof ConnectionList>;

export default meta;
type Story = StoryObj<typeof meta>;

const items = (element: HTMLElement) => [
  ...element.querySelectorAll<HTMLElement>('.refold-connection-list__item'),
];

/** Several accounts of one app: each with its label, Reconnect for the expired one, Disconnect for each. */
export const SeveralAccounts: Story = {
  parameters: { refold: { setup: twoSlackAccounts } },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByRole('list', { name: 'Slack accounts' })).toBeVisible();
    await expect(items(canvasElement).map((li) => li.dataset.state)).toEqual(['active', 'expired']);
    await expect(canvas.getByRole('button', { name: 'Reconnect Slack' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Disconnect Slack (home@acme.example)' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Add another Slack account' })).toBeVisible();
  },
};

/** Reconnect in place: the expired account signs in again and works; still two accounts. */
export const Reconnected: Story = {
  beforeEach: fakePopup({ complete: true }),
  parameters: { refold: { setup: twoSlackAccounts } },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Reconnect Slack' }));
    await waitFor(() =>
      expect(items(canvasElement).map((li) => li.dataset.state)).toEqual(['active', 'active']),
    );
  },
};

/** One account, without "Add another account" (`addAccount={false}`). */
export const SingleAccount: Story = {
  args: { addAccount: false },
  parameters: {
    refold: {
      setup: (mock, id) => void mock.account(id).connect('slack', { identifier: 'team@acme.example' }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Connected as team@acme.example')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Add another Slack account' })).toBeNull();
  },
};

/** No account connected yet. */
export const Empty: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText('No Slack account is connected.')).toBeVisible();
    await expect(canvasElement.querySelector('.refold-connection-list')).toHaveAttribute(
      'data-state',
      'empty',
    );
  },
};
