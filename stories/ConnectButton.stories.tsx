import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { ConnectButton } from '../src/components/ConnectButton/index.js';
import { fakePopup } from './support/popup.js';

const APP = '/api/v2/f-sdk/application/slack';
const INTEGRATE = '/api/v1/slack/integrate';

const meta = {
  title: 'Components/ConnectButton',
  component: ConnectButton,
  tags: ['autodocs'],
  args: { slug: 'slack', onConnected: fn() },
} satisfies Meta<typeof ConnectButton>;

export default meta;
type Story = StoryObj<typeof meta>;

const stateOf = (element: HTMLElement) =>
  element.querySelector('.refold-connect-button')?.getAttribute('data-status');

/** Ready to connect. */
export const Idle: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByRole('button', { name: 'Connect Slack' })).toBeEnabled();
    await expect(stateOf(canvasElement)).toBe('idle');
  },
};

/** The pop-up is open; Refold has not answered with the provider's address yet. */
export const Opening: Story = {
  beforeEach: fakePopup(),
  parameters: {
    refold: { setup: (mock) => mock.hold({ method: 'POST', path: INTEGRATE }) },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Slack' }));
    await expect(await canvas.findByRole('button', { name: 'Opening Slack…' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeVisible();
  },
};

/** The user is signing in at the provider: a spinner and Cancel. */
export const Waiting: Story = {
  beforeEach: fakePopup(),
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Slack' }));
    await waitFor(() => expect(stateOf(canvasElement)).toBe('waiting'));
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Waiting for Slack… Finish signing in in the pop-up window.',
    );
  },
};

/** The user allowed access: "Connected", and `onConnected` was called. */
export const Connected: Story = {
  beforeEach: fakePopup({ complete: true }),
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Slack' }));
    await expect(await canvas.findByText('Connected', {}, { timeout: 5000 })).toBeVisible();
    await expect(args.onConnected).toHaveBeenCalledOnce();
  },
};

/** The user cancelled while signing in. */
export const Cancelled: Story = {
  beforeEach: fakePopup(),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Slack' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel' }));
    await expect(canvas.getByRole('alert')).toHaveTextContent('The connection was cancelled.');
  },
};

/**
 * The browser blocked the pop-up (`mode="popup"`): a message and a retry (which calls connect() inside its
 * own click).
 */
export const PopupBlocked: Story = {
  beforeEach: fakePopup({ blocked: true }),
  args: { mode: 'popup' },
  play: async ({ canvas, canvasElement, userEvent, refold }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Slack' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your browser blocked the pop-up.');
    await expect(stateOf(canvasElement)).toBe('blocked');
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(refold!.mock.requests.filter((r) => r.path === INTEGRATE)).toHaveLength(0);
  },
};

/**
 * The browser blocked the pop-up in `auto` mode (the default): besides the retry, "Continue in this tab"
 * offers a full-page sign-in that comes back here and finishes.
 */
export const PopupBlockedRedirectOffer: Story = {
  beforeEach: fakePopup({ blocked: true }),
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Slack' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Continue signing in to Slack in this tab',
    );
    await expect(stateOf(canvasElement)).toBe('blocked');
    await expect(canvas.getByRole('button', { name: 'Continue in this tab' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** `connectionId`: "Reconnect" signs that connection in again in place (same id, same config). */
export const Reconnect: Story = {
  args: { connectionId: 'conn_home' },
  parameters: {
    refold: {
      setup: (mock, id) =>
        void mock.account(id).connect('slack', { connectionId: 'conn_home', status: 'expired' }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Reconnect Slack' })).toBeEnabled();
  },
};

/** `addAccount`: another account of an app already connected. */
export const AddAnotherAccount: Story = {
  args: { addAccount: true },
  parameters: { refold: { setup: (mock, id) => void mock.account(id).connect('slack') } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Add another Slack account' })).toBeEnabled();
  },
};

/** Signing in took longer than `timeoutMs` (here 300 ms). */
export const Timeout: Story = {
  beforeEach: fakePopup(),
  args: { timeoutMs: 300, graceMs: 200 },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Slack' }));
    await expect(await canvas.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      'Signing in to Slack took too long. Try again.',
    );
  },
};

/** Refold failed to start the sign-in. */
export const ServerError: Story = {
  beforeEach: fakePopup(),
  parameters: {
    refold: { setup: (mock) => mock.inject({ method: 'POST', path: INTEGRATE }, { status: 500 }) },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Slack' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Something went wrong. Please try again.',
    );
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** Refold keeps answering 429 with `Retry-After: 60`. */
export const RateLimited: Story = {
  parameters: {
    refold: {
      setup: (mock) =>
        mock.inject({ path: APP }, { status: 429, headers: { 'retry-after': '45' }, times: 10 }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Too many requests. Try again in 45 seconds.',
    );
  },
};

/** The session token is refused (401) even after a refresh. */
export const SessionExpired: Story = {
  parameters: { refold: { setup: (mock) => mock.inject({ path: APP }, { status: 401, times: 10 }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your session has expired.');
  },
};

/** QuickBooks connects machine-to-machine: no pop-up at all. */
export const MachineToMachine: Story = {
  args: { slug: 'quickbooks' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect QuickBooks' }));
    await expect(await canvas.findByText('Connected')).toBeVisible();
  },
};

/** A key-based app (Zendesk): the button reveals the credentials form. */
export const KeyBased: Story = {
  args: { slug: 'zendesk' },
  play: async ({ canvas, userEvent }) => {
    const toggle = await canvas.findByRole('button', { name: 'Connect Zendesk', expanded: false });
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(await canvas.findByLabelText(/^API token/)).toBeVisible();
  },
};

/** A connector sub-type app (Twilio, `basic_auth`): the button reveals the credentials form. */
export const ConnectorSubType: Story = {
  args: { slug: 'twilio' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const toggle = await canvas.findByRole('button', { name: 'Connect Twilio', expanded: false });
    await waitFor(() =>
      expect(canvasElement.querySelector('.refold-connect-button')).toHaveAttribute(
        'data-auth-type',
        'keybased',
      ),
    );
    await userEvent.click(toggle);
    await expect(await canvas.findByLabelText(/^Account SID/)).toBeVisible();
    await expect(canvasElement.querySelector('.refold-auth-form')).toHaveAttribute(
      'data-sub-type',
      'basic_auth',
    );
  },
};
