import { describe, expect, it } from 'vitest';
import { MOCK_EXECUTION_STATUSES } from '../../src/testing/mock-refold/index.js';
import { arr, obj, useMockServer } from './helpers.js';

const env = useMockServer();

const PAGE_KEYS = [
  'docs',
  'totalDocs',
  'limit',
  'page',
  'totalPages',
  'hasNextPage',
  'hasPrevPage',
  'nextPage',
  'prevPage',
];

function field(config: Record<string, unknown>, id: string): Record<string, unknown> {
  const found = arr(config['fields']).find((candidate) => candidate['id'] === id);
  if (found === undefined) throw new Error(`no field ${id}`);
  return found;
}

async function hubspotConfig(token: string, body: Record<string, unknown> = {}) {
  const answer = await env.call('/api/v2/f-sdk/config', {
    method: 'POST',
    token,
    body: { slug: 'hubspot', ...body },
  });
  expect(answer.status).toBe(200);
  return obj(answer.json);
}

describe('mock Refold: apps, errors, CORS and recording', () => {
  it('answers unknown routes and unknown apps with 404 and Refold’s error body', async () => {
    const token = env.mock.mintToken('customer-a');
    const route = await env.call('/api/v2/public/application', { token });
    expect(route.status).toBe(404);
    expect(route.json).toEqual({
      status_code: 404,
      http_error_type: 'NOT_FOUND',
      error: 'NOT_FOUND',
      message: 'Cannot GET /api/v2/public/application',
    });
    const wrongMethod = await env.call('/api/v2/f-sdk/application', { method: 'DELETE', token });
    expect(wrongMethod.status).toBe(404);
    const app = await env.call('/api/v2/f-sdk/application/no-such-app', { token });
    expect(app.status).toBe(404);
    expect(obj(app.json)).toMatchObject({ status_code: 404, http_error_type: 'NOT_FOUND' });
  });

  it('lists apps in the documented shape, with icons served from the mock’s own origin', async () => {
    const token = env.mock.mintToken('customer-a');
    const apps = arr((await env.call('/api/v2/f-sdk/application', { token })).json);
    for (const app of apps) {
      expect(app).toMatchObject({
        app_id: expect.any(String),
        name: expect.any(String),
        slug: expect.any(String),
        description: expect.any(String),
        icon: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/mock-assets\/icons\/.+\.svg$/),
        tags: expect.any(Array),
        kind: expect.stringMatching(/^(native|custom|universal_connector)$/),
        auth_type_options: expect.any(Object),
        connected_accounts: [],
        connected: false,
      });
      expect(app).not.toHaveProperty('mock');
    }
    const icon = await fetch(String(apps[0]?.['icon']));
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg[\s\S]*>SL<\/text>[\s\S]*<\/svg>$/);
    expect((await fetch(`${env.server.url}/mock-assets/icons/nope.svg`)).status).toBe(404);
  });

  it('answers CORS preflights and adds the CORS headers to every answer', async () => {
    const preflight = await fetch(`${env.server.url}/api/v2/f-sdk/application`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:6006', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, slug, config_id, disable_field_options, sync_execution, x-api-key, linked_account_id',
    );
    const denied = await env.call('/api/v2/f-sdk/application');
    expect(denied.headers.get('access-control-allow-origin')).toBe('*');
    expect(denied.headers.get('access-control-expose-headers')).toBe('retry-after');
  });

  it('records every request with method, path, query, lower-case headers, parsed body and time', async () => {
    const token = env.mock.mintToken('customer-a');
    env.mock.clearRequests();
    await env.call('/api/v2/public/execution?page=2&status=ERRORED', {
      token,
      headers: { 'X-Trace-Id': 'abc' },
    });
    await env.call('/api/v2/f-sdk/config', { method: 'POST', token, body: { slug: 'slack' } });
    const [list, config] = env.mock.requests;
    expect(env.mock.requests).toHaveLength(2);
    expect(list).toMatchObject({
      method: 'GET',
      path: '/api/v2/public/execution',
      url: `${env.server.url}/api/v2/public/execution?page=2&status=ERRORED`,
      query: { page: '2', status: 'ERRORED' },
      body: undefined,
      at: env.clock.now - 100,
    });
    expect(list?.headers['authorization']).toBe(`Bearer ${token}`);
    expect(list?.headers['x-trace-id']).toBe('abc');
    expect(config).toMatchObject({ method: 'POST', path: '/api/v2/f-sdk/config', body: { slug: 'slack' } });
    env.mock.clearRequests();
    expect(env.mock.requests).toEqual([]);
  });

  it('tells the token’s linked account', async () => {
    const token = env.mock.mintToken('customer-b');
    const answer = await env.call('/api/v2/public/session/active-linked-account', { token });
    expect(answer.json).toMatchObject({
      _id: expect.any(String),
      account_id: 'customer-b',
      name: expect.any(String),
      environment: 'test',
    });
  });
});

describe('mock Refold: configs and fields', () => {
  it('gets or creates a config whose default id is the linked account, lists, reads and deletes it', async () => {
    const token = env.mock.mintToken('customer-a');
    const created = await hubspotConfig(token);
    expect(created).toMatchObject({ slug: 'hubspot', config_id: 'customer-a' });
    await hubspotConfig(token, { config_id: 'eu-workspace' });
    const ids = await env.call('/api/v2/public/slug/hubspot/configs', { token });
    expect(ids.json).toEqual([{ config_id: 'customer-a' }, { config_id: 'eu-workspace' }]);
    const read = await env.call('/api/v2/f-sdk/slug/hubspot/config/eu-workspace', { token });
    expect(obj(read.json)['config_id']).toBe('eu-workspace');
    expect(obj((await env.call('/api/v2/f-sdk/slug/hubspot/config', { token })).json)['config_id']).toBe(
      'customer-a',
    );
    const deleted = await env.call('/api/v2/f-sdk/slug/hubspot/config/eu-workspace', {
      method: 'DELETE',
      token,
    });
    expect(deleted.status).toBe(200);
    expect((await env.call('/api/v2/f-sdk/slug/hubspot/config/eu-workspace', { token })).status).toBe(404);
    expect((await env.call('/api/v2/f-sdk/config', { method: 'POST', token, body: {} })).status).toBe(400);
    expect(
      (await env.call('/api/v2/f-sdk/config', { method: 'POST', token, body: { slug: 'nope' } })).status,
    ).toBe(404);
  });

  it('sends fields of every type with options, and none when disable_field_options is true', async () => {
    const token = env.mock.mintToken('customer-a');
    const config = await hubspotConfig(token);
    const types = new Set(arr(config['fields']).map((f) => f['field_type']));
    for (const type of [
      'text',
      'number',
      'email',
      'url',
      'date',
      'textarea',
      'json',
      'select',
      'map',
      'map_v2',
      'rule_engine',
    ]) {
      expect(types.has(type), type).toBe(true);
    }
    expect(field(config, 'objects')).toMatchObject({ multiple: true, options: expect.any(Array) });
    expect(field(config, 'stage')).toMatchObject({ parent: 'pipeline', options: [] });
    expect(arr(config['workflows'])[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      enabled: false,
    });
    const bare = await env.call('/api/v2/f-sdk/slug/hubspot/config', {
      token,
      headers: { disable_field_options: 'true' },
    });
    expect(arr(obj(bare.json)['fields']).some((f) => 'options' in f)).toBe(false);
  });

  it('stores valid values on update and answers field_errors for invalid ones', async () => {
    const token = env.mock.mintToken('customer-a');
    const config = await hubspotConfig(token);
    const workflow = arr(config['workflows'])[0]!;
    const answer = await env.call('/api/v2/f-sdk/config', {
      method: 'PUT',
      token,
      body: {
        slug: 'hubspot',
        fields: {
          record_prefix: 'ACME-',
          default_owner: 'not-an-email',
          batch_size: 'lots',
          sync_frequency: null,
        },
        workflows: [{ id: workflow['id'], enabled: true, fields: {} }],
      },
    });
    expect(answer.status).toBe(200);
    const updated = obj(answer.json);
    expect(field(updated, 'record_prefix')['value']).toBe('ACME-');
    expect(field(updated, 'sync_frequency')['value']).toBe('hourly');
    expect(
      arr(updated['field_errors'])
        .map((e) => e['id'])
        .sort(),
    ).toEqual(['batch_size', 'default_owner', 'sync_frequency']);
    expect(arr(updated['field_errors'])[0]).toMatchObject({
      name: expect.any(String),
      error: { message: expect.any(String) },
    });
    expect(arr(updated['workflows']).find((w) => w['id'] === workflow['id'])?.['enabled']).toBe(true);
    const unknownWorkflow = await env.call('/api/v2/f-sdk/config', {
      method: 'PUT',
      token,
      body: { slug: 'hubspot', fields: {}, workflows: [{ id: 'nope', enabled: true }] },
    });
    expect(unknownWorkflow.status).toBe(400);
  });

  it('gives a dependent field the options of its parent’s value through the field route', async () => {
    const token = env.mock.mintToken('customer-a');
    await hubspotConfig(token);
    const headers = { slug: 'hubspot' };
    const before = await env.call('/api/v2/public/config/field/stage', {
      method: 'POST',
      token,
      headers,
      body: {},
    });
    expect(obj(before.json)).toMatchObject({ id: 'stage', parent: 'pipeline', options: [] });
    const set = await env.call('/api/v2/public/config/field/pipeline', {
      method: 'PUT',
      token,
      headers,
      body: { value: 'support' },
    });
    expect(obj(set.json)).toMatchObject({ id: 'pipeline', value: 'support' });
    const after = await env.call('/api/v2/public/config/field/stage', {
      method: 'POST',
      token,
      headers,
      body: {},
    });
    expect(arr(obj(after.json)['options']).map((o) => o['value'])).toEqual([
      'new',
      'open',
      'pending',
      'solved',
    ]);
    const invalid = await env.call('/api/v2/public/config/field/stage', {
      method: 'PUT',
      token,
      headers,
      body: { value: 'won' },
    });
    expect(invalid.status).toBe(400);
    const workflowField = await env.call(
      `/api/v2/public/config/field/lifecycle_stage?workflow_id=${'66b2e1d3f5c0000000000003'}`,
      { method: 'POST', token, headers, body: {} },
    );
    expect(obj(workflowField.json)).toMatchObject({ id: 'lifecycle_stage', options: expect.any(Array) });
  });

  it('answers with realistic stored values: nested rules, multi-value map_v2 with mapping, null options, object labels', async () => {
    const token = env.mock.mintToken('customer-a');
    const config = await hubspotConfig(token);
    expect(field(config, 'routing_rules')['value']).toMatchObject({
      logic: 'AND',
      conditions: [
        { lhs: 'country', operator: 'eq', rhs: 'US', type: 'select' },
        { logic: 'OR', conditions: expect.any(Array) },
      ],
    });
    const status = field(config, 'status_mapping');
    expect(status).toMatchObject({
      field_type: 'map_v2',
      mapping: { lhs: { options: expect.any(Array) }, rhs: { options: expect.any(Array) } },
      value: { active: ['customer', 'evangelist'], churned: ['former_customer'] },
    });
    expect(status).not.toHaveProperty('options');
    expect(arr(field(config, 'field_mapping')['options'])).toContainEqual({
      name: 'Do not sync',
      value: null,
    });
    expect(field(config, 'record_prefix')['labels']).toEqual({ env: 'production' });
    const workflow = arr(config['workflows']).find((w) => w['id'] === '66b2e1d3f5c0000000000003');
    expect(arr(workflow?.['fields'])[0]).toMatchObject({ id: 'lifecycle_stage', value: 'lead' });
  });

  it('reaches a named config only with config_id, a workflow’s field only with workflow_id', async () => {
    const token = env.mock.mintToken('customer-a');
    await hubspotConfig(token);
    await hubspotConfig(token, { config_id: 'eu-workspace' });
    const headers = { slug: 'hubspot' };
    const put = (query: string, value: unknown, extra: Record<string, string> = {}) =>
      env.call(`/api/v2/public/config/field/pipeline${query}`, {
        method: 'PUT',
        token,
        headers: { ...headers, ...extra },
        body: { value },
      });
    expect((await put('?config_id=eu-workspace', 'sales')).status).toBe(200);
    // A config_id header is no way in: without the query parameter the default config is written.
    expect((await put('', 'support', { config_id: 'eu-workspace' })).status).toBe(200);
    const account = env.mock.account('customer-a');
    expect(account.configValues('hubspot', 'eu-workspace')?.fields['pipeline']).toBe('sales');
    expect(account.configValues('hubspot')?.fields['pipeline']).toBe('support');
    expect((await put('?config_id=nope', 'sales')).status).toBe(404);

    const workflowId = '66b2e1d3f5c0000000000003';
    const noWorkflow = await env.call('/api/v2/public/config/field/lifecycle_stage?config_id=eu-workspace', {
      method: 'POST',
      token,
      headers,
      body: {},
    });
    expect(noWorkflow.status).toBe(404);
    const inWorkflow = await env.call(
      `/api/v2/public/config/field/lifecycle_stage?config_id=eu-workspace&workflow_id=${workflowId}`,
      { method: 'PUT', token, headers, body: { value: 'customer' } },
    );
    expect(obj(inWorkflow.json)).toMatchObject({ id: 'lifecycle_stage', value: 'customer' });
    expect(account.configValues('hubspot', 'eu-workspace')?.workflows[workflowId]?.fields).toEqual({
      lifecycle_stage: 'customer',
    });
    expect(account.configValues('hubspot')?.workflows[workflowId]?.fields).toEqual({
      lifecycle_stage: 'lead',
    });
    expect(
      account.configWrites('hubspot').map((w) => [w.route, w.config_id, w.workflow_id, w.fields]),
    ).toEqual([
      ['set-field', 'eu-workspace', undefined, { pipeline: 'sales' }],
      ['set-field', 'customer-a', undefined, { pipeline: 'support' }],
      ['set-field', 'eu-workspace', workflowId, { lifecycle_stage: 'customer' }],
    ]);
  });

  it('merges an update per given field id and keeps every other stored value, logging each write', async () => {
    const token = env.mock.mintToken('customer-a');
    await hubspotConfig(token);
    const account = env.mock.account('customer-a');
    const before = account.configValues('hubspot')!;
    const update = (body: Record<string, unknown>) =>
      env.call('/api/v2/f-sdk/config', { method: 'PUT', token, body: { slug: 'hubspot', ...body } });
    expect((await update({ config_id: 'customer-a' })).status).toBe(200);
    expect(account.configValues('hubspot')).toEqual(before);
    expect(account.configWrites()).toEqual([]);

    await update({ fields: { notes: 'Hello', status_mapping: { trial: ['other'] } } });
    expect(account.configValues('hubspot')).toEqual({
      ...before,
      fields: { ...before.fields, notes: 'Hello', status_mapping: { trial: ['other'] } },
    });
    expect(account.configWrites('hubspot')).toEqual([
      {
        route: 'update-config',
        slug: 'hubspot',
        config_id: 'customer-a',
        fields: { notes: 'Hello', status_mapping: { trial: ['other'] } },
        at: expect.any(Number),
      },
    ]);
  });

  it('refuses a rule-engine or mapping value of the wrong structure with a 400 and stores nothing', async () => {
    const token = env.mock.mintToken('customer-a');
    await hubspotConfig(token);
    const account = env.mock.account('customer-a');
    const before = account.configValues('hubspot');
    const nested = {
      logic: 'OR',
      conditions: [
        { lhs: 'amount', operator: 'gt', rhs: 10 },
        { logic: 'AND', conditions: [{ lhs: 'country', operator: 'eq', rhs: 'DE', type: 'select' }] },
      ],
    };
    const setRules = (value: unknown) =>
      env.call('/api/v2/public/config/field/routing_rules', {
        method: 'PUT',
        token,
        headers: { slug: 'hubspot' },
        body: { value },
      });
    for (const value of [
      { rules: [] },
      { logic: 'XOR', conditions: [] },
      { logic: 'AND', conditions: [{ logic: 'AND' }] },
      { logic: 'AND', conditions: [{ lhs: '', operator: 'eq', rhs: 'x' }] },
      { logic: 'AND', conditions: [{ lhs: 'amount', operator: 'gt', rhs: { nested: true } }] },
      [{ lhs: 'amount', operator: 'gt', rhs: 1 }],
    ]) {
      const answer = await setRules(value);
      expect(answer.status, JSON.stringify(value)).toBe(400);
      expect(obj(answer.json)['message']).toMatch(/^Routing rules: value/);
    }
    const bad = await env.call('/api/v2/f-sdk/config', {
      method: 'PUT',
      token,
      body: { slug: 'hubspot', fields: { notes: 'kept out', status_mapping: { active: [1] } } },
    });
    expect(bad.status).toBe(400);
    expect(account.configValues('hubspot')).toEqual(before);
    expect(account.configWrites()).toEqual([]);

    expect((await setRules(nested)).status).toBe(200);
    expect(account.configValues('hubspot')?.fields['routing_rules']).toEqual(nested);
  });

  it('answers 500 “Schema not found” for an unknown slug header and 400 without one on field routes', async () => {
    const token = env.mock.mintToken('customer-a');
    const unknown = await env.call('/api/v2/public/config/field/stage', {
      method: 'POST',
      token,
      headers: { slug: 'nope' },
      body: {},
    });
    expect(unknown.status).toBe(500);
    expect(obj(unknown.json)).toMatchObject({
      status_code: 500,
      error: 'SERVER_ERROR',
      message: expect.stringMatching(/^Schema not found/),
    });
    const missing = await env.call('/api/v2/public/config/field/stage', { method: 'POST', token, body: {} });
    expect(missing.status).toBe(400);
  });

  it('answers rule-engine options for a left-hand column', async () => {
    const token = env.mock.mintToken('customer-a');
    const answer = await env.call('/api/v2/public/config/rule-engine/routing_rules', {
      method: 'POST',
      token,
      headers: { slug: 'hubspot' },
      body: { rule_column: { lhs: 'country' } },
    });
    expect(answer.json).toEqual({
      rule_column: {
        rhs: {
          name: 'value',
          type: 'select',
          options: expect.arrayContaining([{ name: 'Germany', value: 'DE' }]),
        },
        operator: { name: 'operator', type: 'select', options: expect.any(Array) },
      },
    });
    const bad = await env.call('/api/v2/public/config/rule-engine/routing_rules', {
      method: 'POST',
      token,
      headers: { slug: 'hubspot' },
      body: { rule_column: {} },
    });
    expect(bad.status).toBe(400);
  });

  it('toggles a workflow, lists it as enabled, and answers 404 for an unknown config', async () => {
    const token = env.mock.mintToken('customer-a');
    const config = await hubspotConfig(token);
    const workflowId = String(arr(config['workflows'])[0]?.['id']);
    const path = `/api/v2/public/slug/hubspot/config/customer-a/workflows/${workflowId}`;
    const toggled = await env.call(path, { method: 'PATCH', token, body: { enabled: true } });
    // The documented answer: each workflow's id and state, no names.
    const answered = arr(obj(toggled.json)['workflows']);
    expect(answered.find((w) => w['id'] === workflowId)).toEqual({ id: workflowId, enabled: true });
    expect(answered.every((w) => !('name' in w))).toBe(true);
    const enabled = arr((await env.call('/api/v2/public/workflow/enabled', { token })).json);
    expect(enabled).toEqual([
      expect.objectContaining({
        id: workflowId,
        name: expect.any(String),
        description: expect.any(String),
        icon: expect.any(String),
        config_id: 'customer-a',
        application: expect.objectContaining({ slug: 'hubspot' }),
      }),
    ]);
    const unknown = await env.call(`/api/v2/public/slug/hubspot/config/nope/workflows/${workflowId}`, {
      method: 'PATCH',
      token,
      body: { enabled: true },
    });
    expect(unknown.status).toBe(404);
    expect((await env.call(path, { method: 'PATCH', token, body: { enabled: 'yes' } })).status).toBe(400);
  });
});

describe('mock Refold: workflows, executions and events', () => {
  it('pages workflows and filters them by slug, name and published', async () => {
    const token = env.mock.mintToken('customer-a');
    const page = obj((await env.call('/api/v2/public/workflow?page=2&limit=5', { token })).json);
    expect(Object.keys(page)).toEqual(expect.arrayContaining(PAGE_KEYS));
    expect(page).toMatchObject({ page: 2, limit: 5, hasPrevPage: true, prevPage: 1 });
    expect(arr(page['docs'])).toHaveLength(5);
    expect(arr(page['docs'])[0]).toEqual({
      _id: expect.any(String),
      name: expect.any(String),
      description: expect.any(String),
      slug: expect.any(String),
      published: expect.any(Boolean),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const slack = obj((await env.call('/api/v2/public/workflow?slug=slack', { token })).json);
    expect(arr(slack['docs']).every((w) => w['slug'] === 'slack')).toBe(true);
    const drafts = obj((await env.call('/api/v2/public/workflow?published=false', { token })).json);
    expect(arr(drafts['docs']).length).toBeGreaterThan(0);
    expect(arr(drafts['docs']).every((w) => w['published'] === false)).toBe(true);
    const named = obj((await env.call('/api/v2/public/workflow?name=jira', { token })).json);
    expect(arr(named['docs']).map((w) => w['name'])).toEqual(['Create Jira issues from bugs']);
  });

  it('pages executions newest first in the short envelope real answers use, 10 per page by default', async () => {
    const token = env.mock.mintToken('customer-a');
    const first = obj((await env.call('/api/v2/public/execution', { token })).json);
    expect(first).toMatchObject({ limit: 10, page: 1, hasNextPage: true });
    expect(Object.keys(first).sort()).toEqual([
      'docs',
      'hasNextPage',
      'limit',
      'page',
      'totalDocs',
      'totalPages',
    ]);
    expect(Number(first['totalDocs'])).toBeGreaterThanOrEqual(50);
    expect(first['totalPages']).toBe(Math.ceil(Number(first['totalDocs']) / 10));
    const docs = arr(first['docs']);
    expect(docs).toHaveLength(10);
    const dates = docs.map((d) => Date.parse(String(d['createdAt'])));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const last = obj(
      (await env.call(`/api/v2/public/execution?page=${String(first['totalPages'])}`, { token })).json,
    );
    expect(last).toMatchObject({ hasNextPage: false, page: first['totalPages'] });
    expect((await env.call('/api/v2/public/execution?page=0', { token })).status).toBe(400);
  });

  it('filters executions by status, slug, workflow_id and date range', async () => {
    const token = env.mock.mintToken('customer-a');
    const all = arr(obj((await env.call('/api/v2/public/execution?limit=100', { token })).json)['docs']);
    const list = async (query: string) =>
      arr(obj((await env.call(`/api/v2/public/execution?limit=100&${query}`, { token })).json)['docs']);
    for (const status of MOCK_EXECUTION_STATUSES) {
      const docs = await list(`status=${status}`);
      expect(docs.length, status).toBeGreaterThan(0);
      expect(docs.every((d) => d['status'] === status)).toBe(true);
    }
    const sample = all[7]!;
    const workflow = obj(sample['associated_workflow']);
    const byWorkflow = await list(`workflow_id=${String(workflow['_id'])}`);
    expect(byWorkflow.every((d) => obj(d['associated_workflow'])['_id'] === workflow['_id'])).toBe(true);
    const bySlug = await list('slug=slack');
    expect(bySlug.every((d) => obj(d['associated_application'])['name'] === 'Slack')).toBe(true);
    const start = String(all[20]?.['createdAt']);
    const end = String(all[10]?.['createdAt']);
    const range = await list(`start_date=${encodeURIComponent(start)}&end_date=${encodeURIComponent(end)}`);
    expect(range.map((d) => d['_id'])).toEqual(all.slice(10, 21).map((d) => d['_id']));
    expect((await env.call('/api/v2/public/execution?status=completed', { token })).status).toBe(400);
    expect((await env.call('/api/v2/public/execution?start_date=yesterday', { token })).status).toBe(400);
  });

  it('answers one execution with its nodes but without its _id (as real answers may), and 404 for an unknown id', async () => {
    const token = env.mock.mintToken('customer-a');
    const first = arr(obj((await env.call('/api/v2/public/execution?limit=1', { token })).json)['docs'])[0]!;
    const one = obj((await env.call(`/api/v2/public/execution/${String(first['_id'])}`, { token })).json);
    expect('_id' in one).toBe(false);
    expect(one).toMatchObject({
      name: first['name'],
      status: expect.any(String),
      associated_application: {
        _id: expect.any(String),
        name: expect.any(String),
        icon: expect.stringMatching(/^http:/),
      },
      associated_workflow: { _id: expect.any(String), name: expect.any(String) },
      environment: 'test',
      config_id: 'customer-a',
      createdAt: expect.any(String),
    });
    expect(arr(one['nodes'])[0]).toMatchObject({
      node_id: expect.any(String),
      node_name: expect.any(String),
      node_status: expect.any(String),
      attempts_made: expect.any(Number),
      maximum_attempts: expect.any(Number),
    });
    expect((await env.call('/api/v2/public/execution/000000000000000000000000', { token })).status).toBe(404);
  });

  it('accepts an event with { message }, records it, and runs the enabled workflows of its config', async () => {
    const token = env.mock.mintToken('customer-a');
    const config = await hubspotConfig(token);
    const workflowId = String(arr(config['workflows'])[0]?.['id']);
    await env.call(`/api/v2/public/slug/hubspot/config/customer-a/workflows/${workflowId}`, {
      method: 'PATCH',
      token,
      body: { enabled: true },
    });
    const answer = await env.call('/api/v2/public/event/trigger', {
      method: 'POST',
      token,
      headers: { slug: 'hubspot', config_id: 'customer-a' },
      body: { event: 'contact.created', payload: { id: 7 } },
    });
    expect(answer.json).toEqual({ message: expect.any(String) });
    expect(env.mock.account('customer-a').events()).toEqual([
      expect.objectContaining({
        event: 'contact.created',
        payload: { id: 7 },
        slug: 'hubspot',
        config_id: 'customer-a',
      }),
    ]);
    const running = arr(
      obj(
        (await env.call(`/api/v2/public/execution?workflow_id=${workflowId}&status=RUNNING`, { token })).json,
      )['docs'],
    );
    expect(running[0]).toMatchObject({ trigger_application_event: 'contact.created', status: 'RUNNING' });
    env.clock.now += 5_000;
    const done = obj(
      (await env.call(`/api/v2/public/execution/${String(running[0]?.['_id'])}`, { token })).json,
    );
    expect(done['status']).toBe('COMPLETED');
    const missing = await env.call('/api/v2/public/event/trigger', {
      method: 'POST',
      token,
      body: { payload: {} },
    });
    expect(missing.status).toBe(400);
  });
});
