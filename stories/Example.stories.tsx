// Proves the Storybook setup (the mock Refold per story, parameters.refold, theme and locale, axe on every
// story, stories as Vitest tests). A placeholder that the component stories may replace.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { isConnected } from '../src/core/connections.js';
import { useApplications } from '../src/react/useApplications.js';

function ExampleAppList() {
  const { data, error, isPending, refetch } = useApplications();
  if (isPending) return <p role="status">Loading apps…</p>;
  if (error)
    return (
      <div role="alert">
        <p>Could not load the apps: {error.message}</p>
        <button type="button" onClick={() => void refetch()}>
          Retry
        </button>
      </div>
    );
  if (data.length === 0) return <p>No apps yet.</p>;
  return (
    <ul aria-label="Apps">
      {data.map((app) => (
        <li key={app.slug}>
          {app.name} {isConnected(app) ? '(connected)' : ''}
        </li>
      ))}
    </ul>
  );
}

const meta = {
  title: 'Setup/Example',
  component: ExampleAppList,
} satisfies Meta<typeof ExampleAppList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, refold }) => {
    await expect(await canvas.findByText(/Slack/)).toBeVisible();
    await expect(refold!.fetchToken.calls).toBe(1);
    const listed = refold!.mock.requests.filter(
      (r) => r.method === 'GET' && r.path === '/api/v2/f-sdk/application',
    );
    await expect(listed).toHaveLength(1);
  },
};

export const Connected: Story = {
  parameters: { refold: { setup: (mock, account) => void mock.account(account).connect('slack') } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Slack (connected)')).toBeVisible();
  },
};

export const Empty: Story = {
  parameters: { refold: { mockOptions: { apps: [] } } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No apps yet.')).toBeVisible();
  },
};

export const ServerError: Story = {
  parameters: {
    refold: {
      setup: (mock) => mock.inject({ path: '/api/v2/f-sdk/application' }, { status: 500, times: 1 }),
    },
  },
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByText(/Slack/)).toBeVisible();
  },
};

export const SlowToken: Story = {
  parameters: { refold: { holdToken: true } },
  play: async ({ canvas, refold }) => {
    await refold!.tokenHold!.arrived;
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading apps…');
    refold!.tokenHold!.release();
    await waitFor(() => expect(canvas.getByText(/Slack/)).toBeVisible(), { timeout: 5000 });
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByText(/Slack/);
    await expect(canvasElement.querySelector('[data-theme="dark"]')).not.toBeNull();
    await expect(document.documentElement.dataset.theme).toBe('dark');
  },
};
