import { describe, expect, it, vi } from 'vitest';
import { createRefoldClient } from '../../src/core/client.js';
import type { RefoldResponseWarning } from '../../src/core/client.js';
import { RefoldApiError, RefoldResponseError } from '../../src/core/errors.js';
import { connectionOf, isConnected } from '../../src/core/connections.js';
import * as check from '../../src/core/validate.js';
import type { ShapeWarning } from '../../src/core/validate.js';

const app = {
  app_id: '1',
  name: 'Slack',
  slug: 'slack',
  description: 'Chat',
  icon: 'https://x/y.svg',
  tags: ['Communication'],
};

/** Runs `checker` on `value`, collecting its warnings. */
function withWarnings<T>(checker: check.Checker<T>, value: unknown) {
  const warnings: ShapeWarning[] = [];
  const result = checker(value, '$', (w) => warnings.push(w));
  return { result, warnings };
}

/** A client whose every request is answered with `body` (status 200 unless given). */
function clientAnswering(body: unknown, status = 200) {
  const warnings: RefoldResponseWarning[] = [];
  const client = createRefoldClient({
    fetchToken: async () => 'session-token-123',
    rateLimit: false,
    fetch: async () =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    onWarning: (w) => warnings.push(w),
  });
  return { client, warnings };
}

describe('response checks: what the library needs is required', () => {
  it('accepts a documented app list and keeps unknown fields', () => {
    const [first] = check.applicationList([
      {
        ...app,
        future_field: 7,
        connected_accounts: [{ identifier: 'me', auth_type: 'oauth2', connectedAt: '2026-01-01' }],
      },
    ]);
    expect(first).toMatchObject({ slug: 'slack', future_field: 7 });
    expect(first?.connected_accounts?.[0]?.auth_type).toBe('oauth2');
  });

  it('turns null optional fields into absent ones and a missing description into an empty string', () => {
    const parsed = check.application({ name: 'X', slug: 'x', description: null, icon: null });
    expect(parsed.description).toBe('');
    expect('icon' in parsed).toBe(false);
  });

  it('names an app after its slug when it has no name, and refuses one app without slug', () => {
    expect(check.application({ slug: 'acme' }).name).toBe('acme');
    expect(() => check.application({ name: 'No slug' })).toThrowError(check.ShapeError);
  });

  it('reads either { auth_url } or { connected } from the OAuth start', () => {
    expect(check.oauthStart({ auth_url: 'https://p/auth' })).toEqual({ auth_url: 'https://p/auth' });
    expect(check.oauthStart({ connected: true })).toEqual({ connected: true });
    expect(() => check.oauthStart({})).toThrow(check.ShapeError);
  });

  it('fills the pagination envelope from what the server sent', () => {
    const page = check.executionPage({ docs: [], totalDocs: 25, limit: 10, page: 2 });
    expect(page).toMatchObject({
      totalPages: 3,
      hasNextPage: true,
      hasPrevPage: true,
      nextPage: 3,
      prevPage: 1,
    });
  });
});

describe('response checks: every documented loose answer is accepted', () => {
  it('keeps an object identifier (HubSpot), an unknown auth type and an unknown connection status raw', () => {
    const hubspot = {
      ...app,
      slug: 'hubspot',
      connected_accounts: [
        {
          identifier: { portalId: 24681357, user: 'sales@acme.example', hub_domain: 'acme.hubspot.com' },
          auth_type: 'oauth2',
          connectedAt: '2026-03-01T10:00:00Z',
          status: 'active',
        },
        { identifier: 42, auth_type: 'api_key', connectedAt: '2026-03-02', status: 'revoked' },
        { identifier: ['a', 'b'], auth_type: 'noauth', connectedAt: '2026-03-03' },
      ],
    };
    const { result, warnings } = withWarnings(check.applicationList, [hubspot]);
    expect(warnings).toEqual([]);
    expect(result[0]?.connected_accounts).toEqual(hubspot.connected_accounts);
  });

  it('accepts connections without auth_type or status: they take the app’s auth_type, and reauth_required expires them', () => {
    const broken = {
      ...app,
      auth_type: 'oauth2',
      connected: true,
      reauth_required: true,
      connected_accounts: [{ identifier: 'team-acme', connectedAt: '2024-02-01T10:00:00.000Z' }],
    };
    const { result, warnings } = withWarnings(check.application, broken);
    expect(warnings).toEqual([]);
    expect(result.connected_accounts).toEqual([
      { identifier: 'team-acme', connectedAt: '2024-02-01T10:00:00.000Z', auth_type: 'oauth2' },
    ]);
    expect(connectionOf(result).state).toBe('expired');
    expect(isConnected(result)).toBe(false);
    const healthy = withWarnings(check.application, { ...broken, reauth_required: false }).result;
    expect(connectionOf(healthy)).toMatchObject({ state: 'connected', account: { identifier: 'team-acme' } });
    // A connection's own status wins over the app's flag.
    const own = withWarnings(check.application, {
      ...broken,
      connected_accounts: [{ ...broken.connected_accounts[0], status: 'active' }],
    }).result;
    expect(connectionOf(own).state).toBe('connected');
  });

  it('keeps open strings raw: kind, grant_type, auth_type, field_type, execution status and source', () => {
    const parsed = check.application({
      ...app,
      kind: 'marketplace',
      grant_type: 'device_code',
      auth_type: 'bearer_token',
    });
    expect(parsed).toMatchObject({
      kind: 'marketplace',
      grant_type: 'device_code',
      auth_type: 'bearer_token',
    });
    expect(check.configField({ id: 'f', name: 'F', field_type: 'color_picker' }).field_type).toBe(
      'color_picker',
    );
    expect(
      check.execution({
        _id: 'e',
        name: 'n',
        status: 'QUEUED',
        execution_source: 'schedule',
        createdAt: 'x',
      }),
    ).toMatchObject({ status: 'QUEUED', execution_source: 'schedule' });
  });

  it('accepts auth_type_options with an empty list and with connector sub-type keys', () => {
    const key = { name: 'api_key', label: 'API key', type: 'password', required: true };
    const parsed = check.application({
      ...app,
      auth_type_options: { keybased: [key], oauth2: [], basic_auth: [key], noauth: [] },
    });
    expect(parsed.auth_type_options).toEqual({ keybased: [key], oauth2: [], basic_auth: [key], noauth: [] });
  });

  it('accepts an option whose value is null', () => {
    const field = {
      name: 'region',
      label: 'Region',
      type: 'select',
      required: false,
      options: [{ name: 'Default', value: null }, { value: 'eu' }],
    };
    const parsed = check.application({ ...app, auth_type_options: { keybased: [field] } });
    expect(parsed.auth_type_options?.keybased?.[0]?.options).toEqual(field.options);
  });

  it('accepts an execution without _id or createdAt, and reads `id` when that is what Refold sends', () => {
    const { result, warnings } = withWarnings(check.execution, { name: 'Sync', status: 'COMPLETED' });
    expect(result).toMatchObject({ name: 'Sync', status: 'COMPLETED' });
    expect(result._id).toBeUndefined();
    expect(result.createdAt).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(check.execution({ id: 'x1', status: 'RUNNING' })._id).toBe('x1');
  });

  it('accepts a page carrying only totalDocs, limit, page, totalPages and hasNextPage', () => {
    const page = check.workflowPage({
      docs: [{ _id: 'w1', name: 'W', published: true }],
      totalDocs: 21,
      limit: 10,
      page: 3,
      totalPages: 3,
      hasNextPage: false,
    });
    expect(page).toMatchObject({ hasNextPage: false, hasPrevPage: true, nextPage: null, prevPage: 2 });
  });

  it('accepts the documented toggle answer without workflow names', () => {
    const answer = {
      workflows: [
        { id: 'w1', enabled: true, data_slots: { a: 1 } },
        { id: 'w2', enabled: false },
      ],
    };
    expect(check.toggledWorkflows(answer)).toEqual(answer);
  });

  it('accepts labels as an object or as { name, value } pairs, config_id absent, and keeps mapping and rule_columns raw', () => {
    const cfg = check.config({
      slug: 's',
      labels: { env: 'production' },
      fields: [
        { id: 'a', name: 'A', field_type: 'map', labels: { env: 'production' } },
        { id: 'b', name: 'B', field_type: 'map', labels: [{ name: 'Email', value: 'email' }] },
        {
          id: 'c',
          name: 'C',
          field_type: 'map_v2',
          mapping: { lhs: [{ name: 'Active', value: 'active' }], rhs: [{ value: 'customer' }] },
        },
        { id: 'd', name: 'D', field_type: 'rule_engine', rule_columns: { lhs: [{ value: 'amount' }] } },
      ],
    });
    expect(cfg.config_id).toBeUndefined();
    expect(cfg.labels).toEqual({ env: 'production' });
    expect(cfg.fields?.map((f) => f.labels)).toEqual([
      { env: 'production' },
      [{ name: 'Email', value: 'email' }],
      undefined,
      undefined,
    ]);
    expect(cfg.fields?.[2]?.mapping).toEqual({
      lhs: [{ name: 'Active', value: 'active' }],
      rhs: [{ value: 'customer' }],
    });
    expect(cfg.fields?.[3]?.rule_columns).toEqual({ lhs: [{ value: 'amount' }] });
  });

  it('reads field errors given as { message } or as a plain string', () => {
    const cfg = check.config({
      slug: 's',
      config_id: 'c',
      field_errors: [
        { id: 'f', name: 'F', error: { message: 'bad' } },
        { id: 'g', error: 'Value must be a number' },
      ],
    });
    expect(cfg.field_errors?.map((e) => e.error)).toEqual([
      { message: 'bad' },
      { message: 'Value must be a number' },
    ]);
  });
});

describe('response checks: one odd item never rejects a whole list', () => {
  it.each<[string, unknown, string]>([
    ['an app without slug', { name: 'No slug' }, '$[1].slug'],
    ['a slug that is an object', { ...app, slug: {} }, '$[1].slug'],
    ['an app that is not an object', 'slack', '$[1]'],
  ])('leaves out %s, keeps the good apps and warns with the path', (_label, bad, path) => {
    const good = { ...app, slug: 'hubspot', name: 'HubSpot' };
    const { result, warnings } = withWarnings(check.applicationList, [app, bad, good]);
    expect(result.map((a) => a.slug)).toEqual(['slack', 'hubspot']);
    expect(warnings).toEqual([{ path, message: expect.stringContaining('left $[1] out') }]);
  });

  it('leaves out a bad connection, field or option but keeps the app', () => {
    const { result, warnings } = withWarnings(check.applicationList, [
      {
        ...app,
        connected_accounts: ['not a connection', { identifier: 'y', auth_type: 'oauth2' }],
        auth_type_options: {
          keybased: [{ name: 'k', options: [{ name: 'x' }, { value: 'v' }] }, { label: 'no name' }],
        },
        tags: ['CRM', 7],
        icon: 12,
      },
    ]);
    expect(result).toHaveLength(1);
    expect(result[0]?.connected_accounts?.map((a) => a.identifier)).toEqual(['y']);
    expect(result[0]?.auth_type_options?.keybased?.map((f) => f.options)).toEqual([[{ value: 'v' }]]);
    expect(result[0]?.tags).toEqual(['CRM']);
    expect(result[0]?.icon).toBeUndefined();
    expect(warnings.map((w) => w.path).sort()).toEqual(
      [
        '$[0].icon',
        '$[0].tags[1]',
        '$[0].auth_type_options.keybased[0].options[0].value',
        '$[0].auth_type_options.keybased[1].name',
        '$[0].connected_accounts[0]',
      ].sort(),
    );
  });

  it('leaves a run that is not an object out of an execution page', () => {
    const { result, warnings } = withWarnings(check.executionPage, {
      docs: [{ _id: 'a', status: 'COMPLETED' }, null, { _id: 'b', status: 'QUEUED' }],
      totalDocs: 3,
      limit: 10,
      page: 1,
      totalPages: 1,
      hasNextPage: false,
    });
    expect(result.docs.map((d) => d._id)).toEqual(['a', 'b']);
    expect(warnings).toEqual([{ path: '$.docs[1]', message: expect.stringContaining('an object') }]);
  });

  it('warns without any value of the answer', () => {
    const secret = 'sk_live_very_secret_value';
    const { warnings } = withWarnings(check.applicationList, [{ name: secret, slug: { secret } }]);
    expect(JSON.stringify(warnings)).not.toContain(secret);
  });
});

describe('the client with these checks', () => {
  it('passes the warnings of an answer to onWarning with the route', async () => {
    const { client, warnings } = clientAnswering([app, { name: 'No slug' }]);
    await expect(client.applications.list()).resolves.toHaveLength(1);
    expect(warnings).toEqual([
      {
        route: 'listApplications',
        path: '$[1].slug',
        message: expect.stringContaining('a non-empty string'),
      },
    ]);
  });

  it.each<[string, unknown, string | undefined, string]>([
    ['an error string', { error: 'Something broke' }, undefined, 'Something broke'],
    [
      'an error code and a message',
      { error: 'INVALID_SLUG', message: 'Unknown app' },
      'INVALID_SLUG',
      'Unknown app',
    ],
    [
      'an error object',
      { error: { message: 'Schema not found', code: 'SCHEMA' } },
      'SCHEMA',
      'Schema not found',
    ],
  ])(
    'turns a 200 answer with %s and without the data into a RefoldApiError',
    async (_label, body, code, message) => {
      const { client } = clientAnswering(body);
      const error = await client.applications.get('slack').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RefoldApiError);
      expect(error).toMatchObject({ status: 200, apiCode: code, message });
    },
  );

  it('treats `{ error }` with 200 as a failure on routes whose answer carries no data', async () => {
    const { client } = clientAnswering({ error: 'Credentials rejected', success: false });
    await expect(client.applications.saveCredentials('zendesk', { token: 'abc' })).rejects.toBeInstanceOf(
      RefoldApiError,
    );
    await expect(client.events.trigger({ event: 'x' })).rejects.toBeInstanceOf(RefoldApiError);
    await expect(client.applications.disconnect('zendesk')).rejects.toBeInstanceOf(RefoldApiError);
    await expect(client.executions.get('e1')).rejects.toBeInstanceOf(RefoldApiError);
    await expect(
      client.configs.toggleWorkflow({ slug: 's', configId: 'c', workflowId: 'w', enabled: true }),
    ).rejects.toBeInstanceOf(RefoldApiError);
  });

  it('never echoes a typed secret that a 200 error answer repeats', async () => {
    const secret = 'zd-secret-7f3a9c';
    const { client } = clientAnswering({ error: `Token ${secret} is not valid` });
    const error = await client.applications
      .saveCredentials('zendesk', { api_token: secret })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect(String(error)).not.toContain(secret);
  });

  it('keeps a run whose own `error` field describes its failure', async () => {
    const { client } = clientAnswering({ _id: 'e1', status: 'ERRORED', error: 'Step 2 failed' });
    await expect(client.executions.get('e1')).resolves.toMatchObject({ _id: 'e1', error: 'Step 2 failed' });
  });

  it('is still a RefoldResponseError when a 200 answer lacks the data and says no error', async () => {
    const { client } = clientAnswering({ nothing: true });
    await expect(client.applications.get('slack')).rejects.toBeInstanceOf(RefoldResponseError);
  });

  it('accepts the documented toggle answer', async () => {
    const onWarning = vi.fn();
    const answer = { workflows: [{ id: 'w', enabled: true }] };
    const client = createRefoldClient({
      fetchToken: async () => 'session-token-123',
      rateLimit: false,
      fetch: async () => new Response(JSON.stringify(answer)),
      onWarning,
    });
    await expect(
      client.configs.toggleWorkflow({ slug: 's', configId: 'c', workflowId: 'w', enabled: true }),
    ).resolves.toEqual(answer);
    expect(onWarning).not.toHaveBeenCalled();
  });
});
