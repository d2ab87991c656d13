import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { AppList } from '../src/components/AppList/index.js';
import { APPS_PATH, HOSTILE_NAME, hostileApps, manyApps } from '../test/components/catalog-fixtures.js';

const meta = {
  title: 'Components/AppList',
  component: AppList,
  tags: ['autodocs'],
  args: { onSelect: fn() },
} satisfies Meta<typeof AppList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The 18 fixture apps: search, categories, "connected only", and the listbox. */
export const Default: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('18 apps'));
    const list = canvas.getByRole('listbox', { name: 'Apps' });
    list.focus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await expect(args.onSelect).toHaveBeenCalledWith(expect.objectContaining({ slug: 'hubspot' }));
  },
};

/**
 * Health at a glance (`health`): connected apps show their last run and "Needs attention" (an expired
 * HubSpot connection here), and the "Needs attention" filter keeps only those.
 */
export const Health: Story = {
  args: { health: true, defaultNeedsAttentionOnly: true },
  parameters: {
    refold: {
      setup: (mock, id) => {
        const account = mock.account(id);
        account.connect('slack');
        account.connect('hubspot', { status: 'expired' });
      },
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('checkbox', { name: 'Needs attention' })).toBeChecked();
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('1 app'));
    await expect(
      canvas.getByText('Needs attention', { selector: '.refold-app-card__attention' }),
    ).toBeVisible();
  },
};

/** The app list never arrives. */
export const Loading: Story = {
  parameters: { refold: { setup: (mock) => mock.hold({ path: APPS_PATH }) } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading apps…');
  },
};

/** No app at all in the catalog. */
export const Empty: Story = {
  parameters: { refold: { mockOptions: { apps: [] } } },
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('No apps are available yet.'));
  },
};

/** A search that matches nothing, with "Clear filters". */
export const NoMatch: Story = {
  args: { defaultSearch: 'no such app' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Clear filters' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('18 apps');
  },
};

/** Refold answers 500 once: the error and a retry that refetches. */
export const ServerError: Story = {
  parameters: { refold: { setup: (mock) => mock.inject({ path: APPS_PATH }, { status: 500 }) } },
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Something went wrong');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByRole('listbox')).toBeVisible();
  },
};

/**
 * 429 with a `Retry-After` longer than the client waits by itself (30 s): the error says when to try again.
 */
export const RateLimited: Story = {
  parameters: {
    refold: {
      setup: (mock) =>
        mock.inject({ path: APPS_PATH }, { status: 429, headers: { 'retry-after': '45' }, times: 10 }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Try again in 45 seconds');
  },
};

/** Every request answers 401, even with a new token. */
export const SessionExpired: Story = {
  parameters: { refold: { setup: (mock) => mock.inject({ path: APPS_PATH }, { status: 401, times: 10 }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your session has expired');
  },
};

/** Three apps connected, one of them with two accounts. */
export const SomeConnected: Story = {
  parameters: {
    refold: {
      setup: (mock, id) => {
        const account = mock.account(id);
        account.connect('slack', { identifier: 'team@acme.example' });
        account.connect('hubspot');
        account.connect('intercom', { authType: 'oauth2' });
        account.connect('intercom', { authType: 'keybased', identifier: 'support@acme.example' });
      },
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Connected as team@acme.example')).toBeVisible();
  },
};

/** A connection whose credentials expired. */
export const ExpiredConnection: Story = {
  parameters: {
    refold: {
      setup: (mock, id) =>
        void mock.account(id).connect('hubspot', { status: 'expired', identifier: 'ops@acme.example' }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Connection expired for ops@acme.example')).toBeVisible();
  },
};

/** Names and descriptions that are markup, icons outside the allow-list: text and initials only. */
export const HostileData: Story = {
  parameters: {
    refold: { setup: (mock) => mock.inject({ path: APPS_PATH }, { body: hostileApps, times: Infinity }) },
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText(HOSTILE_NAME)).toBeVisible();
    await expect(canvasElement.querySelector('script, img[src="x"], img[src^="javascript:"]')).toBeNull();
  },
};

/** 10,000 apps: only the rows in view are rendered; typing filters without stalling. */
export const TenThousandApps: Story = {
  parameters: {
    refold: {
      setup: (mock) => mock.inject({ path: APPS_PATH }, { body: manyApps(10_000), times: Infinity }),
    },
  },
  play: async ({ canvas, userEvent }) => {
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('10,000 apps'), {
      timeout: 10_000,
    });
    await expect(canvas.getAllByRole('option').length).toBeLessThan(100);
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search apps' }), 'App 09999');
    await waitFor(() => expect(canvas.getAllByRole('option')).toHaveLength(1));
  },
};

/** Opened on the CRM category. */
export const FilteredByTag: Story = {
  args: { defaultTags: ['CRM'] },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'CRM', pressed: true })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('3 apps');
  },
};

/** Opened on connected apps only. */
export const ConnectedOnly: Story = {
  args: { defaultConnectedOnly: true },
  parameters: {
    refold: {
      setup: (mock, id) => {
        mock.account(id).connect('slack');
        mock.account(id).connect('notion');
      },
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('checkbox', { name: 'Connected only' })).toBeChecked();
    await expect(canvas.getByRole('status')).toHaveTextContent('2 apps');
  },
};

/** The dark theme, with a connected and an expired app. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  parameters: {
    refold: {
      setup: (mock, id) => {
        mock.account(id).connect('slack');
        mock.account(id).connect('hubspot', { status: 'expired' });
      },
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('listbox')).toBeVisible();
  },
};
