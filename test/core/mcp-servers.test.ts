import { describe, expect, it } from 'vitest';
import { RefoldApiError, RefoldArgumentError, RefoldResponseError } from '../../src/core/errors.js';
import { useMockRefold } from './setup-mock.js';

const env = useMockRefold();

describe('MCP servers over HTTP', () => {
  it('creates a server with name and description, then reads every field', async () => {
    const { client } = env.client();
    const created = await client.mcpServers.create({ name: 'Support agent', description: 'Answers tickets' });
    expect(created).toMatchObject({ name: 'Support agent', description: 'Answers tickets' });
    expect(env.dataRequests().at(-1)!.body).toEqual({
      name: 'Support agent',
      description: 'Answers tickets',
    });
    const server = await client.mcpServers.get(created._id);
    expect(server).toMatchObject({ _id: created._id, safe_mode: true, environment: 'test' });
    expect(server['notebooks']).toEqual([]);
  });

  it('refuses a create without a description before sending', () => {
    const { client } = env.client();
    expect(() => client.mcpServers.create({ name: 'x', description: '' })).toThrow(RefoldArgumentError);
    expect(env.dataRequests()).toEqual([]);
  });

  it('updates only the fields given', async () => {
    const { client } = env.client();
    const { _id } = await client.mcpServers.create({ name: 'A', description: 'B' });
    const updated = await client.mcpServers.update(_id, {
      safe_mode: false,
      base_prompt: 'Be brief',
      name: undefined,
    });
    expect(env.dataRequests().at(-1)!.body).toEqual({ safe_mode: false, base_prompt: 'Be brief' });
    expect(updated).toMatchObject({ name: 'A', safe_mode: false, base_prompt: 'Be brief' });
  });

  it('lists servers newest first, paged', async () => {
    const { client } = env.client();
    await client.mcpServers.create({ name: 'First', description: '1' });
    await client.mcpServers.create({ name: 'Second', description: '2' });
    const page = await client.mcpServers.list({ limit: 1 });
    expect(page).toMatchObject({ totalDocs: 2, limit: 1, hasNextPage: true });
    expect(page.docs).toHaveLength(1);
  });

  it('keeps unknown fields as sent and refuses a server without an id as a RefoldResponseError', async () => {
    const { client } = env.client();
    env.mock.inject(
      { method: 'GET', path: '/api/v2/public/mcp-servers/s1' },
      { status: 200, body: { _id: 's1', name: 'A', url: 'https://mcp.example.com', safe_mode: 'yes' } },
    );
    const server = await client.mcpServers.get('s1');
    expect(server['url']).toBe('https://mcp.example.com');
    expect(server.safe_mode).toBeUndefined();
    env.mock.inject(
      { method: 'GET', path: '/api/v2/public/mcp-servers/s2' },
      { status: 200, body: { name: 'B' } },
    );
    await expect(client.mcpServers.get('s2')).rejects.toBeInstanceOf(RefoldResponseError);
  });

  it('removes a server (204), after which it is a 404', async () => {
    const { client } = env.client();
    const { _id } = await client.mcpServers.create({ name: 'A', description: 'B' });
    await expect(client.mcpServers.remove(_id)).resolves.toBeUndefined();
    const error = await client.mcpServers.get(_id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect((error as RefoldApiError).status).toBe(404);
  });
});
