import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { ExecutionDetail } from '../src/components/ExecutionDetail/index.js';
import type { MockExecution } from '../src/testing/mock-refold/index.js';

const RUN_ID = '67c3000000000000000000aa';
const run = (status: string, extra: Partial<MockExecution> = {}): MockExecution => ({
  _id: RUN_ID,
  name: 'Sync contacts to Slack',
  status,
  associated_application: { _id: 'app-slack', name: 'Slack' },
  associated_workflow: { _id: 'wf-1', name: 'Sync contacts to Slack' },
  environment: 'test',
  config_id: 'demo-customer',
  linked_account_id: 'demo-customer',
  org_id: 'org',
  createdAt: '2026-11-30T09:00:00.000Z',
  completion_percentage: status === 'RUNNING' ? 40 : 100,
  nodes: [
    {
      node_id: 'n-trigger',
      node_name: 'Trigger',
      node_type: 'trigger',
      node_status: 'Success',
      attempts_made: 1,
      maximum_attempts: 3,
    },
    {
      node_id: 'n-loop',
      node_name: 'For each contact',
      node_type: 'loop',
      node_status: status === 'RUNNING' ? 'Waiting' : 'Success',
      attempts_made: 1,
      maximum_attempts: 3,
    },
  ],
  ...extra,
});

const meta = {
  title: 'Components/ExecutionDetail',
  component: ExecutionDetail,
  tags: ['autodocs'],
  args: { executionId: RUN_ID, onRerun: fn() },
} satisfies Meta<typeof ExecutionDetail>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A running run: Stop. */
export const Running: Story = {
  parameters: { refold: { setup: (mock, id) => mock.account(id).setExecutions([run('RUNNING')]) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Stop run' })).toBeVisible();
  },
};

/** A failed run: Run again, and each step's batches on demand. */
export const Failed: Story = {
  parameters: { refold: { setup: (mock, id) => mock.account(id).setExecutions([run('ERRORED')]) } },
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByRole('button', { name: 'Run again' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Show batches of For each contact' }));
    const shown = await canvas.findAllByText(/^Batch \d+|^This step has no batches\.$/);
    await expect(shown[0]).toBeVisible();
  },
};

/** A run of Refold's newer engine: its batches cannot be listed, which is said plainly. */
export const BatchesUnavailable: Story = {
  parameters: {
    refold: {
      setup: (mock, id) => mock.account(id).setExecutions([run('COMPLETED', { executed_by_thanos: true })]),
    },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Show batches of Trigger' }));
    await expect(await canvas.findByText('Batches can’t be listed for this run.')).toBeVisible();
  },
};

/** The run does not exist: the error with a retry. */
export const NotFound: Story = {
  parameters: { refold: { setup: (mock, id) => mock.account(id).setExecutions([]) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};
