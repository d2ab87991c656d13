import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { VariablesForm } from '../src/components/VariablesForm/index.js';
import { mockVariableDefinitions } from '../src/testing/mock-refold/index.js';

const meta = {
  title: 'Components/VariablesForm',
  component: VariablesForm,
  tags: ['autodocs'],
  // In an app, the definitions come from your backend (Refold lists them for the API key only).
  args: { definitions: mockVariableDefinitions.map((d) => ({ ...d })), onSaved: fn() },
} satisfies Meta<typeof VariablesForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing set yet: one field per definition, by format; the encrypted one says it is write-only. */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByLabelText('SIGNING_SECRET')).toHaveAttribute('type', 'password');
  },
};

/** Values saved: the encrypted one is "set", never shown. */
export const Saved: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.type(await canvas.findByLabelText('REGION'), 'eu-west-1');
    await userEvent.type(canvas.getByLabelText('SIGNING_SECRET'), 'whsec_story');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText(/A value is stored/)).toBeVisible();
    await expect(args.onSaved).toHaveBeenCalledOnce();
  },
};

/** A value of the wrong format is refused before anything is sent. */
export const Invalid: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText('BATCH_SIZE'), 'e');
    await userEvent.type(canvas.getByLabelText('WEBHOOK_URL'), 'not a url');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText('Enter a web address, such as https://example.com.')).toBeVisible();
  },
};

/** Refold fails to list the values. */
export const LoadError: Story = {
  parameters: {
    refold: {
      setup: (mock) => mock.inject({ path: '/api/v2/public/env/values/linked_account' }, { status: 500 }),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};
