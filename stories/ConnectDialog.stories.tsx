import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { ConnectDialog } from '../src/components/ConnectDialog/index.js';
import { fakePopup } from './support/popup.js';
import { twoSlackAccounts } from './support/accounts.js';

const meta = {
  title: 'Components/ConnectDialog',
  component: ConnectDialog,
  tags: ['autodocs'],
  args: { onConnected: fn(), onOpenChange: fn() },
} satisfies Meta<typeof ConnectDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

const currentStep = (element: HTMLElement) => element.querySelector('[aria-current="step"]')?.textContent;

/** Closed: only its trigger. */
export const Trigger: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Connect an app' })).toHaveAttribute(
      'aria-haspopup',
      'dialog',
    );
  },
};

/** Step 1: pick an app from the catalog. */
export const PickApp: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Connect an app' }));
    await expect(canvas.getByRole('dialog', { name: 'Connect an app' })).toBeVisible();
    await expect(await canvas.findByRole('listbox')).toBeVisible();
    await expect(currentStep(canvasElement)).toBe('Choose an app');
  },
};

/** Step 2 for an OAuth app (`slug` skips step 1). */
export const SignInOAuth: Story = {
  args: { slug: 'slack' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Connect an app' }));
    await expect(await canvas.findByRole('button', { name: 'Connect Slack' })).toBeVisible();
    await expect(currentStep(canvasElement)).toBe('Sign in');
  },
};

/** Opened on one connection of an app (`slug` + `connectionId`): "Reconnect" signs it in again in place. */
export const Reconnect: Story = {
  args: { slug: 'slack', connectionId: 'conn_home', defaultOpen: true },
  parameters: {
    refold: {
      setup: (mock, id) =>
        void mock.account(id).connect('slack', {
          identifier: 'home@acme.example',
          connectionId: 'conn_home',
          status: 'expired',
        }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Reconnect Slack' })).toBeVisible();
    await expect(await canvas.findByRole('button', { name: 'Reconnect Slack' })).toBeVisible();
  },
};

/** An app already connected: its accounts, Reconnect for the expired one, "Add another account". */
export const AlreadyConnected: Story = {
  args: { slug: 'slack', defaultOpen: true },
  parameters: {
    refold: { setup: twoSlackAccounts },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('list', { name: 'Slack accounts' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Reconnect Slack' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Add another Slack account' })).toBeVisible();
  },
};

/** Step 2 for a key-based app: its credentials form. */
export const SignInKeyBased: Story = {
  args: { slug: 'zendesk' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Connect an app' }));
    await expect(await canvas.findByLabelText(/^API token/)).toBeVisible();
  },
};

/** Step 3: configure the app that just got connected. */
export const Configure: Story = {
  args: { slug: 'quickbooks' },
  play: async ({ canvas, canvasElement, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Connect an app' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect QuickBooks' }));
    await waitFor(() => expect(currentStep(canvasElement)).toBe('Configure'));
    await expect(args.onConnected).toHaveBeenCalledWith('quickbooks');
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Configure QuickBooks' })).toHaveFocus());
  },
};

/** Step 4: done. */
export const Done: Story = {
  args: { slug: 'quickbooks' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Connect an app' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect QuickBooks' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Skip for now' }));
    await expect(currentStep(canvasElement)).toBe('Done');
    await expect(canvas.getByRole('heading', { name: 'QuickBooks is ready' })).toBeVisible();
  },
};

/** The whole flow with the keyboard and the pointer: pick Slack, sign in (the pop-up allows at once), skip, finish. */
export const FullFlow: Story = {
  beforeEach: fakePopup({ complete: true }),
  play: async ({ canvas, canvasElement, userEvent, args }) => {
    const trigger = canvas.getByRole('button', { name: 'Connect an app' });
    await userEvent.click(trigger);
    await userEvent.click(await canvas.findByRole('option', { name: /Slack/ }));
    await expect(currentStep(canvasElement)).toBe('Sign in');
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Slack' }));
    await waitFor(() => expect(currentStep(canvasElement)).toBe('Configure'), { timeout: 5000 });
    await expect(args.onConnected).toHaveBeenCalledWith('slack');
    await userEvent.click(canvas.getByRole('button', { name: 'Skip for now' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Finish' }));
    await waitFor(() => expect(canvasElement.querySelector('dialog')).not.toHaveAttribute('open'));
    await expect(trigger).toHaveFocus();
  },
};

/** Escape closes the dialog and focus returns to the trigger. */
export const EscapeCloses: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    const trigger = canvas.getByRole('button', { name: 'Connect an app' });
    await userEvent.click(trigger);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvasElement.querySelector('dialog')).not.toHaveAttribute('open'));
    await expect(trigger).toHaveFocus();
  },
};

/** Leaving a step with unsaved work (here typed credentials) asks first: keep editing, or discard. */
export const UnsavedChanges: Story = {
  args: { slug: 'zendesk' },
  play: async ({ canvas, canvasElement, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Connect an app' }));
    await userEvent.type(await canvas.findByLabelText(/^Subdomain/), 'acme');
    await userEvent.click(canvas.getByRole('button', { name: 'Close' }));
    await expect(await canvas.findByRole('alertdialog', { name: 'Discard unsaved changes?' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    await expect(canvasElement.querySelector('dialog')).toHaveAttribute('open');
    await expect(args.onOpenChange).not.toHaveBeenCalledWith(false);
  },
};
