import { http as mswHttp } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MOCK_EXECUTION_STATUSES,
  createMockRefold,
  defaultConfigTemplate,
  mockApps,
  mockWorkflows,
} from '../../src/testing/mock-refold/index.js';
import { mockRefoldHandlers } from '../../src/testing/mock-refold/msw.js';
import { arr, obj, useMockServer } from './helpers.js';

const env = useMockServer();

describe('mock Refold: isolation between linked accounts', () => {
  it('never shows customer A’s connections to customer B', async () => {
    const a = await env.token('customer-a');
    const b = await env.token('customer-b');
    env.mock.completeOAuth('customer-a', 'slack');
    await env.call('/api/v2/app/zendesk/save', {
      method: 'POST',
      token: a,
      body: { subdomain: 'acme', email: 'a@acme.test', api_token: 'zd' },
    });
    const appsOf = async (token: string) =>
      arr((await env.call('/api/v2/f-sdk/application', { token })).json);
    const connectedA = (await appsOf(a)).filter((app) => arr(app['connected_accounts']).length > 0);
    expect(connectedA.map((app) => app['slug']).sort()).toEqual(['slack', 'zendesk']);
    const connectedB = (await appsOf(b)).filter((app) => app['connected'] === true);
    expect(connectedB).toEqual([]);
    expect(env.mock.account('customer-b').connections()).toEqual([]);
  });

  it('keeps configs apart: B neither lists nor reads A’s config', async () => {
    const a = env.mock.mintToken('customer-a');
    const b = env.mock.mintToken('customer-b');
    await env.call('/api/v2/f-sdk/config', {
      method: 'POST',
      token: a,
      body: { slug: 'slack', config_id: 'shared-id' },
    });
    await env.call('/api/v2/f-sdk/config', {
      method: 'PUT',
      token: a,
      body: { slug: 'slack', config_id: 'shared-id', fields: { record_prefix: 'A-' } },
    });
    expect((await env.call('/api/v2/public/slug/slack/configs', { token: b })).json).toEqual([]);
    expect((await env.call('/api/v2/f-sdk/slug/slack/config/shared-id', { token: b })).status).toBe(404);
    const own = obj(
      (
        await env.call('/api/v2/f-sdk/config', {
          method: 'POST',
          token: b,
          body: { slug: 'slack', config_id: 'shared-id' },
        })
      ).json,
    );
    const prefix = arr(own['fields']).find((f) => f['id'] === 'record_prefix');
    expect(prefix?.['value']).toBeUndefined();
  });

  it('keeps executions apart: each account has its own, and B cannot read A’s by id', async () => {
    const a = env.mock.mintToken('customer-a');
    const b = env.mock.mintToken('customer-b');
    const listOf = async (token: string) =>
      arr(obj((await env.call('/api/v2/public/execution?limit=100', { token })).json)['docs']);
    const docsA = await listOf(a);
    const docsB = await listOf(b);
    const idsB = new Set(docsB.map((d) => d['_id']));
    expect(docsA.some((d) => idsB.has(d['_id']))).toBe(false);
    expect(docsA.every((d) => d['config_id'] === 'customer-a')).toBe(true);
    expect(
      (await env.call(`/api/v2/public/execution/${String(docsA[0]?.['_id'])}`, { token: b })).status,
    ).toBe(404);
  });
});

describe('mock Refold: fixtures', () => {
  it('has at least 12 apps across CRM, Communication, Support, Finance, Productivity and Marketing', () => {
    expect(mockApps.length).toBeGreaterThanOrEqual(12);
    expect(new Set(mockApps.map((app) => app.slug)).size).toBe(mockApps.length);
    const tags = new Set(mockApps.flatMap((app) => app.tags));
    for (const tag of ['CRM', 'Communication', 'Support', 'Finance', 'Productivity', 'Marketing']) {
      expect(tags.has(tag), tag).toBe(true);
    }
  });

  it('covers every auth style and every key-based input type', () => {
    const bySlug = new Map(mockApps.map((app) => [app.slug, app]));
    expect(bySlug.get('salesforce')?.auth_type_options.oauth2?.map((f) => f.name)).toEqual(['instance_url']);
    expect(bySlug.get('quickbooks')?.grant_type).toBe('client_credentials');
    expect(bySlug.get('intercom')?.auth_type_options).toEqual({ oauth2: [], keybased: expect.any(Array) });
    expect(bySlug.get('zendesk')?.auth_type_options.keybased?.map((f) => f.type)).toEqual([
      'text',
      'email',
      'password',
    ]);
    const projects = bySlug.get('jira')?.auth_type_options.keybased?.find((f) => f.name === 'projects');
    expect(projects).toMatchObject({ type: 'select', multiple: true, options: expect.any(Array) });
    const types = new Set(
      mockApps.flatMap((app) => (app.auth_type_options.keybased ?? []).map((f) => f.type)),
    );
    for (const type of ['text', 'password', 'select', 'number', 'url', 'email', 'textarea', 'checkbox']) {
      expect(types.has(type), type).toBe(true);
    }
    const keybased = mockApps.filter((app) => app.auth_type_options.keybased !== undefined);
    expect(keybased.every((app) => (app.mock?.wrongCredentials ?? []).length > 0)).toBe(true);
  });

  it('has at least 8 workflows and a config template with every config field type', () => {
    expect(mockWorkflows.length).toBeGreaterThanOrEqual(8);
    expect(mockWorkflows.some((wf) => !wf.published)).toBe(true);
    const types = new Set(
      defaultConfigTemplate({ name: 'Any', slug: 'any' }).fields.map((f) => f.field_type),
    );
    expect([...types].sort()).toEqual(
      [
        'date',
        'email',
        'json',
        'map',
        'map_v2',
        'number',
        'rule_engine',
        'select',
        'text',
        'textarea',
        'url',
      ].sort(),
    );
  });

  it('gives every fresh account at least 50 executions across every status, the same for the same id', () => {
    const first = createMockRefold({ now: () => 1_700_000_000_000 })
      .account('fresh-account')
      .executions();
    const second = createMockRefold({ now: () => 1_700_000_000_000 })
      .account('fresh-account')
      .executions();
    expect(first.length).toBeGreaterThanOrEqual(50);
    expect(new Set(first.map((e) => e.status))).toEqual(new Set([...MOCK_EXECUTION_STATUSES, 'QUEUED']));
    expect(first.every((e) => (e.nodes ?? []).length >= 3)).toBe(true);
    expect(second).toEqual(first);
  });
});

describe('mock Refold: MSW handlers', () => {
  const mock = createMockRefold({ rateLimit: false });
  const server = setupServer(
    ...mockRefoldHandlers(mock, 'https://refold.test'),
    mswHttp.all('https://elsewhere.test/*', () => new Response('not the mock')),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
  afterAll(() => server.close());

  it('answers through MSW like over HTTP, and turns a network fault into a fetch TypeError', async () => {
    const token = mock.mintToken('customer-a');
    const headers = { authorization: `Bearer ${token}` };
    const apps = await fetch('https://refold.test/api/v2/f-sdk/application', { headers });
    expect(apps.status).toBe(200);
    const body = arr(await apps.json());
    expect(String(body[0]?.['icon']).startsWith('https://refold.test/mock-assets/icons/')).toBe(true);
    expect((await fetch('https://refold.test/api/v2/f-sdk/application')).status).toBe(401);
    mock.inject({ path: '/api/v2/f-sdk/application' }, { kind: 'network' });
    await expect(fetch('https://refold.test/api/v2/f-sdk/application', { headers })).rejects.toBeInstanceOf(
      TypeError,
    );
    expect(await (await fetch('https://elsewhere.test/x')).text()).toBe('not the mock');
  });
});
