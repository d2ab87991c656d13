import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { DisconnectButton } from '../src/components/DisconnectButton/index.js';

const DELETE = { method: 'DELETE', path: '/api/v1/linked-acc/integration/slack' };

const meta = {
  title: 'Components/DisconnectButton',
  component: DisconnectButton,
  tags: ['autodocs'],
  args: { slug: 'slack', onDisconnected: fn() },
  parameters: { refold: { setup: (mock, account) => void mock.account(account).connect('slack') } },
} satisfies Meta<typeof DisconnectButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Asks before disconnecting; Cancel has the focus and Escape cancels. */
export const Confirm: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Disconnect Slack' }));
    await expect(canvas.getByRole('group', { name: /Disconnect Slack\?/ })).toBeVisible();
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Cancel' })).toHaveFocus());
  },
};

/** The request is under way. */
export const Pending: Story = {
  parameters: {
    refold: {
      setup: (mock, account) => {
        mock.account(account).connect('slack');
        mock.hold(DELETE);
      },
    },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Disconnect Slack' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Disconnect' }));
    await expect(await canvas.findByRole('button', { name: 'Disconnecting…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

/** Refold fails: the error and a retry. */
export const ServerError: Story = {
  parameters: {
    refold: {
      setup: (mock, account) => {
        mock.account(account).connect('slack');
        mock.inject(DELETE, { status: 500 });
      },
    },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Disconnect Slack' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Disconnect' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Something went wrong. Please try again.',
    );
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** Disconnected: announced, and `onDisconnected` called. */
export const Disconnected: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Disconnect Slack' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(args.onDisconnected).toHaveBeenCalledOnce());
    await expect(canvas.getByRole('status')).toHaveTextContent('Slack was disconnected.');
  },
};
