import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ExecutionList } from '../src/components/ExecutionList/index.js';
import type { MockAccount, MockExecution } from '../src/testing/mock-refold/index.js';

const LIST_PATH = '/api/v2/public/execution';

/** Replaces the account's runs with `pick(generated runs)`. */
const withRuns = (pick: (runs: MockExecution[]) => MockExecution[]) => (account: MockAccount) =>
  account.setExecutions(pick(account.executions()));

const meta = {
  title: 'Components/ExecutionList',
  component: ExecutionList,
  tags: ['autodocs'],
} satisfies Meta<typeof ExecutionList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The latest runs of every app, ten per page. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('list', { name: 'Workflow runs' })).toBeVisible();
  },
};

/** One run of each status: a label and a glyph, not only a colour. */
export const EveryStatus: Story = {
  parameters: {
    refold: {
      setup: (mock, id) => withRuns((runs) => runs.slice(0, 6))(mock.account(id)),
    },
  },
  play: async ({ canvas }) => {
    const list = await canvas.findByRole('list', { name: 'Workflow runs' });
    for (const label of ['Completed', 'Running', 'Failed', 'Stopped', 'Stopping', 'Timed out']) {
      await expect(within(list).getAllByText(label).length).toBeGreaterThan(0);
    }
  },
};

/**
 * A status Refold added after the documented ones (`QUEUED`, or `PAUSED_FOR_REVIEW` on a run without id or
 * start time): shown as sent, in a neutral badge (`data-status="unknown"`).
 */
export const UnknownStatus: Story = {
  parameters: {
    refold: {
      setup: (mock, id) =>
        withRuns((runs) => [
          ...runs.filter((r) => r.status === 'QUEUED').slice(0, 1),
          { ...runs[0]!, _id: '', name: 'Nightly import', status: 'PAUSED_FOR_REVIEW' },
          ...runs.filter((r) => r.status === 'COMPLETED').slice(0, 1),
        ])(mock.account(id)),
    },
  },
  play: async ({ canvas, canvasElement }) => {
    const list = await canvas.findByRole('list', { name: 'Workflow runs' });
    await expect(within(list).getByText('QUEUED')).toBeVisible();
    await expect(within(list).getByText('PAUSED FOR REVIEW')).toBeVisible();
    await expect(canvasElement.querySelectorAll('[data-status="unknown"].refold-badge')).toHaveLength(2);
  },
};

/** Only failed runs, through the status filter (`status=ERRORED`). */
export const FilteredByStatus: Story = {
  play: async ({ canvas, userEvent }) => {
    const list = await canvas.findByRole('list', { name: 'Workflow runs' });
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), 'ERRORED');
    await waitFor(() => expect(within(list).queryByText('Completed')).toBeNull());
    await expect(within(list).getAllByText('Failed').length).toBeGreaterThan(0);
  },
};

/** Runs still going: their progress, refreshed every few seconds until they finish. */
export const Running: Story = {
  parameters: {
    refold: {
      setup: (mock, id) =>
        withRuns((runs) =>
          runs
            .filter((r) => r.status === 'RUNNING')
            .slice(0, 3)
            .map((r, i) => ({ ...r, completion_percentage: 20 + i * 30 })),
        )(mock.account(id)),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('progressbar', { name: '20% complete' })).toBeVisible();
  },
};

/** A run opened to show its steps, their status and attempts. */
export const ExpandedDetails: Story = {
  parameters: {
    refold: {
      setup: (mock, id) => withRuns((runs) => runs.filter((r) => r.status === 'ERRORED'))(mock.account(id)),
    },
  },
  play: async ({ canvas, userEvent }) => {
    const list = await canvas.findByRole('list', { name: 'Workflow runs' });
    await userEvent.click(within(list).getAllByRole('button', { expanded: false })[0]!);
    await expect(await canvas.findByRole('list', { name: 'Steps' })).toBeVisible();
  },
};

/** The second page of runs. */
export const Paging: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    const nav = await canvas.findByRole('navigation', { name: 'Pages of runs' });
    await userEvent.click(within(nav).getByRole('button', { name: 'Next' }));
    await expect(nav).toHaveTextContent('Page 2 of 6');
    await waitFor(() => expect(canvasElement.querySelector('[aria-busy]')).toBeNull());
  },
};

/** The next page is on its way: the current one stays, with a spinner by the page number. */
export const LoadingNextPage: Story = {
  play: async ({ canvas, userEvent, refold }) => {
    const nav = await canvas.findByRole('navigation', { name: 'Pages of runs' });
    const nextPage = refold!.mock.hold({ method: 'GET', path: LIST_PATH });
    await userEvent.click(within(nav).getByRole('button', { name: 'Next' }));
    await nextPage.arrived;
    await expect(canvas.getByRole('list', { name: 'Workflow runs' })).toBeVisible();
    await expect(nav).toHaveTextContent('Page 2 of 6');
  },
};

/** No runs at all yet. */
export const Empty: Story = {
  parameters: { refold: { setup: (mock, id) => mock.account(id).setExecutions([]) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No runs yet.')).toBeVisible();
  },
};

/** Runs exist, but none with the chosen status. */
export const NoMatch: Story = {
  parameters: {
    refold: {
      setup: (mock, id) => withRuns((runs) => runs.filter((r) => r.status !== 'STOPPED'))(mock.account(id)),
    },
  },
  play: async ({ canvas, userEvent }) => {
    await canvas.findByRole('list', { name: 'Workflow runs' });
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), 'STOPPED');
    await expect(await canvas.findByText('No runs match this filter.')).toBeVisible();
  },
};

/** Waiting for the first page. */
export const Loading: Story = {
  parameters: { refold: { setup: (mock) => mock.hold({ path: LIST_PATH }) } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading runs…');
  },
};

/** The runs failed to load; “Try again” loads them. */
export const LoadError: Story = {
  parameters: { refold: { setup: (mock) => mock.inject({ path: LIST_PATH }, { status: 500 }) } },
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
        mock.inject({ path: LIST_PATH }, { status: 429, headers: { 'retry-after': '45' }, times: 10 }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Too many requests. Try again in 45 seconds.',
    );
  },
};
