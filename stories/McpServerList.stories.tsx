import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { McpServerList } from '../src/components/McpServerList/index.js';

const meta = {
  title: 'Components/McpServerList',
  component: McpServerList,
  tags: ['autodocs'],
} satisfies Meta<typeof McpServerList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No servers yet. */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No MCP servers yet.')).toBeVisible();
  },
};

/** Creating one: name and description are required. */
export const Create: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'New MCP server' }));
    await userEvent.type(canvas.getByRole('textbox', { name: /Name/ }), 'Support agent');
    await userEvent.type(canvas.getByRole('textbox', { name: /Description/ }), 'Answers tickets');
    await userEvent.click(canvas.getByRole('button', { name: 'Create' }));
    await expect(await canvas.findByText('Support agent')).toBeVisible();
  },
};

/** Editing one: agent name, instructions and safe mode too. */
export const Edit: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'New MCP server' }));
    await userEvent.type(canvas.getByRole('textbox', { name: /Name/ }), 'Billing agent');
    await userEvent.type(canvas.getByRole('textbox', { name: /Description/ }), 'Explains invoices');
    await userEvent.click(canvas.getByRole('button', { name: 'Create' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Edit Billing agent' }));
    await expect(await canvas.findByRole('checkbox', { name: /Ask before actions/ })).toBeChecked();
  },
};

/** Refold fails to list the servers. */
export const LoadError: Story = {
  parameters: {
    refold: { setup: (mock) => mock.inject({ path: '/api/v2/public/mcp-servers' }, { status: 500 }) },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};
