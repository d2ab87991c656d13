import { describe, expect, it } from 'vitest';
import { RefoldApiError, RefoldResponseError } from '../../src/core/errors.js';
import { useMockRefold } from './setup-mock.js';

const env = useMockRefold();

describe('createRefoldClient against the mock Refold over HTTP', () => {
  it('lists apps with their connection status, sending only a Bearer token', async () => {
    const { client } = env.client();
    const apps = await client.applications.list();
    expect(apps.length).toBeGreaterThanOrEqual(12);
    expect(apps.every((a) => typeof a.slug === 'string' && a.slug !== '')).toBe(true);
    const [request] = env.dataRequests();
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/api/v2/f-sdk/application');
    expect(request?.headers.authorization).toMatch(/^Bearer \S+\.\S+\.\S+$/);
    expect(request?.headers['x-api-key']).toBeUndefined();
    expect(request?.headers.linked_account_id).toBeUndefined();
  });

  it('gets one app by slug', async () => {
    const { client } = env.client();
    const app = await client.applications.get('slack');
    expect(app.slug).toBe('slack');
    expect(app.name).toBe('Slack');
  });

  it('answers a RefoldApiError 404 for an unknown app', async () => {
    const { client } = env.client();
    const error = await client.applications.get('no-such-app').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect((error as RefoldApiError).status).toBe(404);
  });

  it('starts OAuth with a POST of the pre-auth values and gets an auth_url', async () => {
    const { client } = env.client();
    const start = await client.applications.oauthUrl('salesforce', {
      instance_url: 'https://acme.my.salesforce.com',
    });
    expect(start.auth_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mock-oauth\/authorize\?/);
    const request = env.dataRequests().at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.body).toEqual({ instance_url: 'https://acme.my.salesforce.com' });
  });

  it('connects a client_credentials app without a popup', async () => {
    const { client } = env.client();
    expect(await client.applications.oauthUrl('quickbooks')).toEqual({ connected: true });
  });

  it('falls back to the legacy GET form of integrate when the server does not know the POST and nothing was typed', async () => {
    const { client } = env.client();
    env.mock.inject(
      { method: 'POST', path: '/api/v1/slack/integrate' },
      { status: 405, body: '<html>Cannot POST</html>' },
    );
    const start = await client.applications.oauthUrl('slack');
    expect(start.auth_url).toBeTruthy();
    const last = env.dataRequests().at(-1);
    expect(last?.method).toBe('GET');
    expect(last?.query).toEqual({});
  });

  it('never puts typed pre-auth values in a query string: a 405 with values is an error, not a GET retry', async () => {
    const { client } = env.client();
    env.mock.inject(
      { method: 'POST', path: '/api/v1/salesforce/integrate' },
      { status: 405, body: '<html>Cannot POST</html>' },
    );
    const secret = 'client-secret-5f4e3d2c1b';
    const error = await client.applications
      .oauthUrl('salesforce', { instance_url: 'https://acme.my.salesforce.com', client_secret: secret })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect((error as RefoldApiError).status).toBe(405);
    const sent = env.dataRequests();
    expect(sent.filter((r) => r.method === 'GET' && r.path.endsWith('/integrate'))).toHaveLength(0);
    for (const r of sent) expect(r.url).not.toContain(secret);
  });

  it('refuses a bare 404 with values the same way, and sends the values only in the POST body', async () => {
    const { client } = env.client();
    env.mock.inject({ method: 'POST', path: '/api/v1/salesforce/integrate' }, { status: 404, body: '' });
    const error = await client.applications
      .oauthUrl('salesforce', { instance_url: 'https://acme.my.salesforce.com' })
      .catch((e: unknown) => e);
    expect((error as RefoldApiError).status).toBe(404);
    expect(env.dataRequests().map((r) => r.method)).toEqual(['POST']);
  });

  it('completes an OAuth connection through the fake provider', async () => {
    const { client } = env.client();
    const before = await client.applications.get('hubspot');
    expect(before.connected_accounts?.some((c) => c.auth_type === 'oauth2') ?? false).toBe(false);
    env.mock.completeOAuth('customer-a', 'hubspot');
    const after = await client.applications.get('hubspot');
    expect(after.connected_accounts?.find((c) => c.auth_type === 'oauth2')?.status ?? 'active').toBe(
      'active',
    );
    expect(after.connected_accounts?.some((c) => c.auth_type === 'oauth2')).toBe(true);
  });

  it('saves key-based credentials as a flat body and shows the connection', async () => {
    const { client } = env.client();
    const app = await client.applications.get('zendesk');
    const values = Object.fromEntries(
      (app.auth_type_options?.keybased ?? []).map((f) => [
        f.name,
        f.type === 'email' ? 'me@acme.test' : 'acme-value',
      ]),
    );
    expect(await client.applications.saveCredentials('zendesk', values)).toMatchObject({ success: true });
    expect(env.dataRequests().at(-1)?.body).toEqual(values);
    const after = await client.applications.get('zendesk');
    expect(after.connected_accounts?.some((c) => c.auth_type === 'keybased')).toBe(true);
  });

  it('reports a failed verification at the provider with Refold’s message', async () => {
    const { client } = env.client();
    const app = await client.applications.get('zendesk');
    env.mock.account('customer-a').rejectNextSave('zendesk', 'invalid subdomain');
    const values = Object.fromEntries((app.auth_type_options?.keybased ?? []).map((f) => [f.name, 'x@y.z']));
    const error = await client.applications.saveCredentials('zendesk', values).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect((error as RefoldApiError).status).toBe(500);
    expect((error as RefoldApiError).message).toMatch(/^Failed to verify credentials: invalid subdomain/);
  });

  it('disconnects one auth type with the auth_type query', async () => {
    const { client } = env.client();
    env.mock.completeOAuth('customer-a', 'slack');
    await client.applications.disconnect('slack', 'oauth2');
    expect(env.dataRequests().at(-1)).toMatchObject({
      method: 'DELETE',
      path: '/api/v1/linked-acc/integration/slack',
      query: { auth_type: 'oauth2' },
    });
    const app = await client.applications.get('slack');
    expect(app.connected_accounts ?? []).toHaveLength(0);
  });

  it('gets or creates a config, reads it back, lists its id and deletes it', async () => {
    const { client } = env.client();
    const created = await client.configs.getOrCreate({ slug: 'hubspot' });
    expect(created.slug).toBe('hubspot');
    expect(created.config_id).toBe('customer-a');
    expect(created.fields?.length).toBeGreaterThan(0);
    expect((await client.configs.get('hubspot')).config_id).toBe('customer-a');
    expect((await client.configs.get('hubspot', 'customer-a')).config_id).toBe('customer-a');
    expect(await client.configs.list('hubspot')).toEqual(
      expect.arrayContaining([expect.objectContaining({ config_id: 'customer-a' })]),
    );
    await client.configs.remove('hubspot', 'customer-a');
    expect(env.dataRequests().at(-1)).toMatchObject({
      method: 'DELETE',
      path: '/api/v2/f-sdk/slug/hubspot/config/customer-a',
    });
  });

  it('updates config fields and workflow toggles with a PUT', async () => {
    const { client } = env.client();
    const config = await client.configs.getOrCreate({ slug: 'hubspot' });
    const text = config.fields?.find((f) => f.field_type === 'text');
    const workflow = config.workflows?.[0];
    expect(text).toBeDefined();
    expect(workflow).toBeDefined();
    const updated = await client.configs.update({
      slug: 'hubspot',
      fields: { [text!.id]: 'new value' },
      workflows: [{ id: workflow!.id, enabled: true, fields: {} }],
    });
    expect(updated.fields?.find((f) => f.id === text!.id)?.value).toBe('new value');
    expect(updated.workflows?.find((w) => w.id === workflow!.id)?.enabled).toBe(true);
    expect(env.dataRequests().at(-1)).toMatchObject({ method: 'PUT', path: '/api/v2/f-sdk/config' });
  });

  it('loads a field’s options with the slug header and an empty body, and sets a field', async () => {
    const { client } = env.client();
    const config = await client.configs.getOrCreate({ slug: 'hubspot' });
    const select = config.fields?.find((f) => f.field_type === 'select');
    expect(select).toBeDefined();
    const field = await client.configs.field({ slug: 'hubspot', fieldId: select!.id });
    expect(field.id).toBe(select!.id);
    expect(env.dataRequests().at(-1)).toMatchObject({ method: 'POST', body: {}, query: {} });
    expect(env.dataRequests().at(-1)?.headers.slug).toBe('hubspot');
    const value = field.options?.[0]?.value;
    const set = await client.configs.setField({ slug: 'hubspot', fieldId: select!.id, value });
    expect(set.value).toEqual(value);
    expect(env.dataRequests().at(-1)).toMatchObject({ method: 'PUT', body: { value } });
    await client.configs.setField({ slug: 'hubspot', fieldId: 'pipeline', value: undefined });
    expect(env.dataRequests().at(-1)?.body).toEqual({ value: null });
  });

  it('scopes field options, set field and rule options with config_id and workflow_id', async () => {
    const { client } = env.client();
    await client.configs.getOrCreate({ slug: 'hubspot', configId: 'eu-workspace' });
    const workflowId = '66b2e1d3f5c0000000000003';
    const where = { slug: 'hubspot', configId: 'eu-workspace' };
    await client.configs.setField({ ...where, fieldId: 'lifecycle_stage', workflowId, value: 'customer' });
    const field = await client.configs.field({ ...where, fieldId: 'lifecycle_stage', workflowId });
    expect(field.value).toBe('customer');
    await client.configs.ruleOptions({ ...where, fieldId: 'routing_rules', lhs: 'amount' });
    const calls = env.dataRequests().slice(-3);
    expect(calls.map((r) => [r.method, r.query, r.headers.slug])).toEqual([
      ['PUT', { config_id: 'eu-workspace', workflow_id: workflowId }, 'hubspot'],
      ['POST', { config_id: 'eu-workspace', workflow_id: workflowId }, 'hubspot'],
      ['POST', { config_id: 'eu-workspace' }, 'hubspot'],
    ]);
    const account = env.mock.account('customer-a');
    expect(account.configValues('hubspot', 'eu-workspace')?.workflows[workflowId]?.fields).toEqual({
      lifecycle_stage: 'customer',
    });
    expect(account.configValues('hubspot')).toBeUndefined();
    expect(() => client.configs.field({ ...where, fieldId: 'stage', configId: ' ' })).toThrow(
      /configId must be a non-empty string/,
    );
  });

  it('asks rule-engine options for a left-hand column and answers operators and right-hand choices', async () => {
    const { client } = env.client();
    const config = await client.configs.getOrCreate({ slug: 'hubspot' });
    const rule = config.fields?.find((f) => f.field_type === 'rule_engine');
    expect(rule?.options?.map((o) => o.value)).toEqual(['amount', 'country']);
    const options = await client.configs.ruleOptions({ slug: 'hubspot', fieldId: rule!.id, lhs: 'amount' });
    expect(env.dataRequests().at(-1)?.body).toEqual({ rule_column: { lhs: 'amount' } });
    expect(options).toEqual({
      operators: [
        { name: 'greater than', value: 'gt' },
        { name: 'less than', value: 'lt' },
        { name: 'equals', value: 'eq' },
      ],
      rhs: { type: 'text', options: [] },
    });
  });

  it('reads both documented rule-option answers, and an unknown answer is a RefoldResponseError', async () => {
    const { client } = env.client();
    const path = '/api/v2/public/config/rule-engine/routing_rules';
    const ask = () =>
      client.configs.ruleOptions({ slug: 'hubspot', fieldId: 'routing_rules', lhs: 'country' });
    // The API reference's example: empty lists, and the stdout of the field's conditional code.
    env.mock.inject(
      { method: 'POST', path },
      {
        body: {
          rule_column: {
            rhs: { name: 'RHS', type: 'text', options: [] },
            operator: { name: 'Operator', type: 'select', options: [] },
          },
          conditional_code_stdout: [],
        },
      },
    );
    expect(await ask()).toEqual({ operators: [], rhs: { type: 'text', options: [] } });
    env.mock.inject(
      { method: 'POST', path },
      {
        body: {
          options: [
            { name: 'Stage', value: 'stage' },
            { name: 'None', value: null },
          ],
        },
      },
    );
    expect(await ask()).toEqual({
      operators: [],
      rhs: {
        type: 'select',
        options: [
          { name: 'Stage', value: 'stage' },
          { name: 'None', value: null },
        ],
      },
    });
    for (const body of [{ operators: ['eq'] }, { rule_column: { rhs: {} } }, [], { rule_column: 'x' }]) {
      env.mock.inject({ method: 'POST', path }, { body });
      const error = await ask().catch((e: unknown) => e);
      expect(error, JSON.stringify(body)).toBeInstanceOf(RefoldResponseError);
    }
  });

  it('toggles one workflow, and a toggle on an unknown config is a 404', async () => {
    const { client } = env.client();
    const config = await client.configs.getOrCreate({ slug: 'hubspot' });
    const workflow = config.workflows![0]!;
    const result = await client.configs.toggleWorkflow({
      slug: 'hubspot',
      configId: config.config_id!,
      workflowId: workflow.id,
      enabled: !workflow.enabled,
    });
    expect(result.workflows.find((w) => w.id === workflow.id)?.enabled).toBe(!workflow.enabled);
    const error = await client.configs
      .toggleWorkflow({ slug: 'hubspot', configId: 'nope', workflowId: workflow.id, enabled: true })
      .catch((e: unknown) => e);
    expect((error as RefoldApiError).status).toBe(404);
  });

  it('lists workflows a page at a time and the enabled ones', async () => {
    const { client } = env.client();
    const page = await client.workflows.list({ page: 1, limit: 3 });
    expect(page.docs.length).toBeLessThanOrEqual(3);
    expect(page.limit).toBe(3);
    expect(env.dataRequests().at(-1)?.query).toMatchObject({ page: '1', limit: '3' });
    expect(Array.isArray(await client.workflows.enabled())).toBe(true);
  });

  it('pages executions with filters and gets one', async () => {
    const { client } = env.client();
    const first = await client.executions.list({ page: 1, limit: 10 });
    expect(first.totalDocs).toBeGreaterThanOrEqual(50);
    expect(first.docs).toHaveLength(10);
    expect(first.hasNextPage).toBe(true);
    const second = await client.executions.list({ page: 2, limit: 10 });
    expect(second.docs[0]?._id).not.toBe(first.docs[0]?._id);
    const errored = await client.executions.list({ status: 'ERRORED', limit: 100 });
    expect(errored.docs.length).toBeGreaterThan(0);
    expect(errored.docs.every((e) => e.status === 'ERRORED')).toBe(true);
    const { _id, ...rest } = first.docs[0]!;
    const one = await client.executions.get(_id!);
    // The single-run answer comes without its `_id`, as real ones may: everything else is the run.
    expect(one).toMatchObject({ ...rest, nodes: expect.any(Array) });
    expect(one._id).toBeUndefined();
  });

  it('sends execution date filters as ISO strings', async () => {
    const { client } = env.client();
    await client.executions.list({
      startDate: new Date(Date.UTC(2026, 0, 1)),
      endDate: '2026-12-31T00:00:00Z',
    });
    expect(env.dataRequests().at(-1)?.query).toMatchObject({
      start_date: '2026-01-01T00:00:00.000Z',
      end_date: '2026-12-31T00:00:00.000Z',
    });
  });

  it('triggers an event with the slug and config_id headers', async () => {
    const { client } = env.client();
    const answer = await client.events.trigger({
      event: 'contact.created',
      payload: { id: 1 },
      slug: 'hubspot',
      configId: 'customer-a',
    });
    expect(typeof answer.message).toBe('string');
    expect(env.dataRequests().at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/v2/public/event/trigger',
      body: { event: 'contact.created', payload: { id: 1 } },
      headers: { slug: 'hubspot', config_id: 'customer-a' },
    });
  });

  it('gets a hosted connect URL', async () => {
    const { client } = env.client();
    const { hosted_url } = await client.connectUrl({ branding: { primaryColor: '#123456' } });
    expect(hosted_url).toMatch(/^https?:\/\//);
  });

  it('tells which linked account the token belongs to', async () => {
    const { client } = env.client({ account: 'customer-b' });
    const account = await client.linkedAccount();
    expect(account.account_id).toBe('customer-b');
  });

  it('keeps customers apart: A’s token never sees B’s connections', async () => {
    const a = env.client({ account: 'customer-a' }).client;
    const b = env.client({ account: 'customer-b' }).client;
    env.mock.completeOAuth('customer-a', 'slack');
    expect((await a.applications.get('slack')).connected_accounts?.length).toBe(1);
    expect((await b.applications.get('slack')).connected_accounts ?? []).toHaveLength(0);
  });
});
