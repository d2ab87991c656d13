import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { HumanTaskForm } from '../src/components/HumanTaskForm/index.js';

const TASK = 'ht_story_0000000000000000000001';

const meta = {
  title: 'Components/HumanTaskForm',
  component: HumanTaskForm,
  tags: ['autodocs'],
  args: { taskId: TASK, onSubmitted: fn() },
  parameters: { refold: { setup: (mock) => void mock.createHumanTask({ _id: TASK }) } },
} satisfies Meta<typeof HumanTaskForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An open task: read-only values, a choice, a comment and a yes/no. */
export const Open: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('radio', { name: 'approve' })).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Order' })).toHaveAttribute('readonly');
  },
};

/** Answered: thanked, no form. */
export const Submitted: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(await canvas.findByRole('radio', { name: 'approve' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Submit' }));
    await expect(await canvas.findByText('Thank you: your answer was sent.')).toBeVisible();
    await expect(args.onSubmitted).toHaveBeenCalledOnce();
  },
};

/** A required field left empty. */
export const MissingAnswer: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Submit' }));
    await expect(await canvas.findByText('This field is required.')).toBeVisible();
  },
};

/** Answered before. */
export const AlreadyAnswered: Story = {
  parameters: { refold: { setup: (mock) => void mock.createHumanTask({ _id: TASK, status: 'SUBMITTED' }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('This task has already been answered.')).toBeVisible();
  },
};

/** Expired. */
export const Expired: Story = {
  parameters: { refold: { setup: (mock) => void mock.createHumanTask({ _id: TASK, expiresInMs: -1000 }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/has expired/)).toBeVisible();
  },
};

/** A link that is not (or no longer) valid. */
export const InvalidLink: Story = {
  args: { taskId: 'ht_story_unknown' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/no longer valid/)).toBeVisible();
  },
};
