import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { RunNowButton } from '../src/components/RunNowButton/index.js';
import { mockWorkflows } from '../src/testing/mock-refold/index.js';

const workflow = mockWorkflows.find((w) => w.slug === 'slack' && w.published)!;
const EXECUTE = { method: 'POST', path: `/api/v2/public/workflow/${workflow._id}/execute` };

const meta = {
  title: 'Components/RunNowButton',
  component: RunNowButton,
  tags: ['autodocs'],
  args: { workflowId: workflow._id, slug: 'slack', onStarted: fn(), onFinished: fn() },
} satisfies Meta<typeof RunNowButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ready to run. */
export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Run now' })).toBeEnabled();
  },
};

/** Refold accepted the run: progress until it ends (polled every 3 s). */
export const Running: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Run now' }));
    await waitFor(() => expect(args.onStarted).toHaveBeenCalledOnce());
    await expect(await canvas.findByText(/^Running…/)).toBeVisible();
  },
};

/** The request is on its way. */
export const Starting: Story = {
  parameters: { refold: { setup: (mock) => void mock.hold(EXECUTE) } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Run now' }));
    await expect(await canvas.findByText('Starting the run…')).toBeVisible();
  },
};

/** Refold refuses the run: its message and a retry. */
export const Refused: Story = {
  parameters: {
    refold: {
      setup: (mock) =>
        mock.inject(EXECUTE, {
          status: 400,
          body: { error: 'BAD_REQUEST', message: 'Workflow is not published' },
        }),
    },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Run now' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Workflow is not published');
  },
};
