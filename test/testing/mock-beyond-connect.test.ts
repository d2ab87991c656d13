import { describe, expect, it } from 'vitest';
import { mockVariableDefinitions, mockWorkflows } from '../../src/testing/mock-refold/index.js';
import { START, obj, useMockServer } from './helpers.js';

const env = useMockServer();
const workflow = mockWorkflows.find((w) => w.slug === 'slack' && w.published)!;
const REGION = mockVariableDefinitions.find((d) => d.name === 'REGION')!._id;

/** Every session-token route beyond connect, with a body where it needs one. */
const bearerRoutes: [string, string, unknown?][] = [
  ['POST', '/api/v2/public/execution/x/stop'],
  ['POST', '/api/v2/public/execution/x/rerun'],
  ['GET', '/api/v2/public/execution/x/nodes/n/batches'],
  ['POST', `/api/v2/public/workflow/${workflow._id}/execute`, {}],
  ['GET', `/api/v2/public/env/value/${REGION}`],
  ['POST', '/api/v2/public/env/values', { variable_definition_id: REGION, value: 'eu' }],
  ['GET', '/api/v2/public/env/values/linked_account'],
  ['DELETE', '/api/v2/public/env/values/x'],
  ['GET', '/api/v2/public/mcp-servers'],
  ['POST', '/api/v2/public/mcp-servers', { name: 'A', description: 'B' }],
  ['GET', '/api/v2/public/mcp-servers/x'],
  ['PUT', '/api/v2/public/mcp-servers/x', {}],
  ['DELETE', '/api/v2/public/mcp-servers/x'],
];

describe('mock Refold beyond connect: the same auth rules', () => {
  it.each(bearerRoutes)(
    '%s %s answers 401 without a Bearer token, the API key included',
    async (method, path, body) => {
      expect((await env.call(path, { method, body })).status).toBe(401);
      const withKey = await env.call(path, { method, body, headers: { 'x-api-key': env.mock.apiKey } });
      expect(withKey.status).toBe(401);
    },
  );

  it('answers human tasks with no credentials at all, and 404 for an unknown id', async () => {
    const id = env.mock.createHumanTask();
    const task = await env.call(`/api/v2/public/human-tasks/${id}`);
    expect(task.status).toBe(200);
    expect(obj(task.json)).toMatchObject({ _id: id, status: 'WAITING', name: 'Approve refund' });
    expect(obj(task.json)['expire_in']).toBe(new Date(START + 86_400_000).toISOString());
    expect((await env.call('/api/v2/public/human-tasks/ht_nope')).status).toBe(404);
  });

  it('refuses a human-task answer without a data object, and one of the wrong type', async () => {
    const id = env.mock.createHumanTask();
    const path = `/api/v2/public/human-tasks/${id}`;
    expect((await env.call(path, { body: { decision: 'approve' } })).status).toBe(400);
    expect((await env.call(path, { body: { data: { decision: 'maybe' } } })).status).toBe(400);
    expect((await env.call(path, { body: { data: { decision: 'approve', notify: 'yes' } } })).status).toBe(
      400,
    );
    expect((await env.call(path, { body: { data: { decision: 'approve', order: 'SO-1' } } })).status).toBe(
      400,
    );
    expect(env.mock.humanTask(id)?.status).toBe('WAITING');
  });

  it('expires a waiting task on its clock', async () => {
    const id = env.mock.createHumanTask({ expiresInMs: 1_000 });
    env.clock.now += 2_000;
    expect(obj((await env.call(`/api/v2/public/human-tasks/${id}`)).json)['status']).toBe('TIMEOUT');
  });

  it('takes linked_account_id from the token only, and the linked_account scope only', async () => {
    const token = await env.token();
    const write = { variable_definition_id: REGION, value: 'eu', linked_account_id: 'someone-else' };
    expect((await env.call('/api/v2/public/env/values', { token, body: write })).status).toBe(400);
    expect((await env.call('/api/v2/public/env/values/org', { token })).status).toBe(403);
    expect((await env.call('/api/v2/public/env/values/workflow', { token })).status).toBe(400);
    expect((await env.call('/api/v2/public/env/values/everything', { token })).status).toBe(400);
  });

  it('seeds a value with account.setVariable as the write route stores it, refusing what the route refuses', async () => {
    const account = env.mock.account('customer-a');
    account.setVariable(REGION, 'eu-central-1');
    const token = await env.token('customer-a');
    const listed = obj((await env.call('/api/v2/public/env/values/linked_account', { token })).json);
    expect(listed['docs']).toMatchObject([{ variable_definition_id: REGION, value: 'eu-central-1' }]);
    const byName = (name: string) => mockVariableDefinitions.find((d) => d.name === name)!._id;
    expect(() => account.setVariable('unknown', 'x')).toThrow(/not found/);
    expect(() => account.setVariable(byName('ORG_ENDPOINT'), 'https://a.example')).toThrow(/linked_account/);
    expect(() => account.setVariable(byName('BATCH_SIZE'), 'lots')).toThrow(/must be a number/);
  });

  it('requires the slug header on execute and a published workflow of that app', async () => {
    const token = await env.token();
    const path = `/api/v2/public/workflow/${workflow._id}/execute`;
    expect((await env.call(path, { token, body: {} })).status).toBe(400);
    expect(
      (await env.call(path, { token, body: {}, headers: { slug: 'slack', sync_execution: 'yes' } })).status,
    ).toBe(400);
    const ok = await env.call(path, { token, body: {}, headers: { slug: 'slack' } });
    expect(ok.status).toBe(200);
    expect(obj(ok.json)['execution_id']).toMatch(/^67c3/);
  });

  it('creates MCP servers with 201 and refuses fields the reference does not list', async () => {
    const token = await env.token();
    const created = await env.call('/api/v2/public/mcp-servers', {
      token,
      body: { name: 'A', description: 'B' },
    });
    expect(created.status).toBe(201);
    const id = String(obj(created.json)['_id']);
    const bad = await env.call(`/api/v2/public/mcp-servers/${id}`, {
      token,
      method: 'PUT',
      body: { url: 'x' },
    });
    expect(bad.status).toBe(400);
    const wrongType = await env.call(`/api/v2/public/mcp-servers/${id}`, {
      token,
      method: 'PUT',
      body: { safe_mode: 'no' },
    });
    expect(wrongType.status).toBe(400);
    const other = await env.token('customer-b');
    expect((await env.call(`/api/v2/public/mcp-servers/${id}`, { token: other })).status).toBe(404);
  });
});
