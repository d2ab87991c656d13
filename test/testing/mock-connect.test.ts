import { describe, expect, it } from 'vitest';
import { createMockRefold } from '../../src/testing/mock-refold/index.js';
import { arr, obj, useMockServer } from './helpers.js';

const env = useMockServer();
const app = (slug: string) => `/api/v2/f-sdk/application/${slug}`;

async function connections(token: string, slug: string): Promise<Record<string, unknown>[]> {
  const answer = await env.call(app(slug), { token });
  return arr(obj(answer.json)['connected_accounts']);
}

/** Start OAuth and answer the state from the auth_url. */
async function startOAuth(token: string, slug: string, body: unknown = {}, query = ''): Promise<string> {
  const answer = await env.call(`/api/v1/${slug}/integrate${query}`, { method: 'POST', token, body });
  expect(answer.status).toBe(200);
  const authUrl = new URL(String(obj(answer.json)['auth_url']));
  expect(authUrl.origin).toBe(env.server.url);
  expect(authUrl.pathname).toBe('/mock-oauth/authorize');
  return authUrl.searchParams.get('state') ?? '';
}

function decide(state: string, decision: 'allow' | 'deny', redirect: RequestRedirect = 'follow') {
  return fetch(`${env.server.url}/mock-oauth/authorize`, {
    method: 'POST',
    body: new URLSearchParams({ state, decision }),
    redirect,
  });
}

describe('mock Refold: the fake OAuth provider', () => {
  it('serves an authorize page with Allow and Deny forms; Allow connects the app and shows “Connected”', async () => {
    const token = env.mock.mintToken('customer-a');
    const state = await startOAuth(token, 'hubspot');
    expect(state).not.toContain(token);

    const consent = await fetch(`${env.server.url}/mock-oauth/authorize?state=${encodeURIComponent(state)}`);
    const page = await consent.text();
    expect(consent.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page).toContain('<form method="post" action="/mock-oauth/authorize">');
    expect(page).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
    expect(page).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);
    expect(page).not.toContain('<script');
    expect(await connections(token, 'hubspot')).toEqual([]);

    const allowed = await decide(state, 'allow');
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('Connected — you can close this window');
    const after = await connections(token, 'hubspot');
    expect(after).toEqual([
      {
        // HubSpot names a connection with an object, as the real service does.
        identifier: { portalId: 24681357, user: 'sales@acme.example', hub_domain: 'acme.hubspot.com' },
        auth_type: 'oauth2',
        connectedAt: expect.any(String),
        status: 'active',
        connection_id: expect.any(String),
      },
    ]);
    expect(obj((await env.call(app('hubspot'), { token })).json)['connected']).toBe(true);
    // A state works once.
    expect((await decide(state, 'allow')).status).toBe(400);
  });

  it('shows “Access denied” on Deny and leaves the app unconnected', async () => {
    const token = env.mock.mintToken('customer-a');
    const state = await startOAuth(token, 'slack');
    const denied = await decide(state, 'deny');
    expect(await denied.text()).toContain('Access denied');
    expect(await connections(token, 'slack')).toEqual([]);
    expect(env.mock.account('customer-a').pendingOAuth()).toEqual([]);
  });

  it('requires the pre-auth fields of an app (Salesforce instance_url) and names the missing one', async () => {
    const token = env.mock.mintToken('customer-a');
    const missing = await env.call('/api/v1/salesforce/integrate', { method: 'POST', token, body: {} });
    expect(missing.status).toBe(400);
    expect(obj(missing.json)).toMatchObject({
      status_code: 400,
      message: expect.stringContaining('instance_url'),
    });
    const state = await startOAuth(token, 'salesforce', { instance_url: 'https://acme.my.salesforce.com' });
    env.mock.completeOAuth('customer-a', 'salesforce');
    expect(state).not.toBe('');
    expect((await connections(token, 'salesforce'))[0]?.['identifier']).toBe(
      'customer-a@acme.my.salesforce.com',
    );
  });

  it('connects a client_credentials app at once with { connected: true }', async () => {
    const token = env.mock.mintToken('customer-a');
    const answer = await env.call('/api/v1/quickbooks/integrate', { method: 'POST', token, body: {} });
    expect(answer.json).toEqual({ connected: true });
    expect((await connections(token, 'quickbooks'))[0]).toMatchObject({
      auth_type: 'oauth2',
      status: 'active',
    });
  });

  it('accepts the older GET integrate with the values as query, and refuses OAuth on a key-based-only app', async () => {
    const token = env.mock.mintToken('customer-a');
    const legacy = await env.call(
      '/api/v1/salesforce/integrate?instance_url=https%3A%2F%2Fx.my.salesforce.com',
      {
        token,
      },
    );
    expect(String(obj(legacy.json)['auth_url'])).toContain('/mock-oauth/authorize?state=');
    const keyOnly = await env.call('/api/v1/zendesk/integrate', { method: 'POST', token, body: {} });
    expect(keyOnly.status).toBe(400);
    // `{ oauth2: [], keybased: [...] }` is key-based only, as in real answers.
    const emptyOAuth = await env.call('/api/v1/intercom/integrate', { method: 'POST', token, body: {} });
    expect(emptyOAuth.status).toBe(400);
    expect(obj((await env.call(app('intercom'), { token })).json)['auth_type']).toBe('keybased');
  });

  it('completes a started flow by itself after oauthAutoDelayMs of the mock clock', async () => {
    let now = 1_000_000;
    const mock = createMockRefold({ now: () => now, oauthAutoDelayMs: 2_000 });
    const token = mock.mintToken('customer-a');
    const request = (method: string, path: string) =>
      mock.handler(
        new Request(`https://app.refold.ai${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: method === 'POST' ? '{}' : undefined,
        }),
      );
    await request('POST', '/api/v1/notion/integrate');
    now += 1_000;
    const early = (await (await request('GET', app('notion'))).json()) as Record<string, unknown>;
    expect(early['connected_accounts']).toEqual([]);
    now += 1_000;
    const later = (await (await request('GET', app('notion'))).json()) as Record<string, unknown>;
    expect(arr(later['connected_accounts'])[0]).toMatchObject({ auth_type: 'oauth2', status: 'active' });
  });

  it('reports an expired connection and reactivates it in place when OAuth completes with its connection_id', async () => {
    const token = env.mock.mintToken('customer-a');
    const account = env.mock.account('customer-a');
    const { connection_id: id } = account.connect('slack');
    account.setConnectionStatus('slack', 'expired');
    const expired = obj((await env.call(app('slack'), { token })).json);
    expect(arr(expired['connected_accounts'])[0]?.['status']).toBe('expired');
    expect(expired['reauth_required']).toBe(true);
    const state = await startOAuth(token, 'slack', {}, `?connection_id=${id}`);
    await decide(state, 'allow');
    const active = obj((await env.call(app('slack'), { token })).json);
    expect(arr(active['connected_accounts'])).toHaveLength(1);
    expect(arr(active['connected_accounts'])[0]).toMatchObject({ status: 'active', connection_id: id });
    expect(active['reauth_required']).toBe(false);
  });

  it('adds a connection of another account when OAuth completes without connection_id', async () => {
    const token = env.mock.mintToken('customer-a');
    const first = env.mock.account('customer-a').connect('slack');
    await decide(await startOAuth(token, 'slack'), 'allow');
    const accounts = await connections(token, 'slack');
    expect(accounts).toHaveLength(2);
    expect(accounts[0]).toMatchObject({ connection_id: first.connection_id, identifier: first.identifier });
    expect(accounts[1]?.['connection_id']).not.toBe(first.connection_id);
    expect(accounts[1]?.['identifier']).not.toEqual(first.identifier);
  });

  it('answers 404 to an integrate or save naming a connection the app does not have', async () => {
    const token = env.mock.mintToken('customer-a');
    const integrate = await env.call('/api/v1/slack/integrate?connection_id=conn_nope', {
      method: 'POST',
      token,
      body: {},
    });
    expect(integrate.status).toBe(404);
    const save = await env.call('/api/v2/app/zendesk/save?connection_id=conn_nope', {
      method: 'POST',
      token,
      body: { subdomain: 'acme', email: 'agent@acme.test', api_token: 'x' },
    });
    expect(save.status).toBe(404);
  });

  it('sends the page back to redirect_url after Allow or Deny, and refuses a relative one', async () => {
    const token = env.mock.mintToken('customer-a');
    const back = 'https://host.example/settings?tab=apps';
    const query = `?redirect_url=${encodeURIComponent(back)}`;
    for (const decision of ['allow', 'deny'] as const) {
      const answer = await decide(await startOAuth(token, 'hubspot', {}, query), decision, 'manual');
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe(back);
    }
    const relative = await env.call('/api/v1/hubspot/integrate?redirect_url=%2Fsettings', {
      method: 'POST',
      token,
      body: {},
    });
    expect(relative.status).toBe(400);
  });
});

describe('mock Refold: key-based credentials', () => {
  const zendesk = { subdomain: 'acme', email: 'agent@acme.test', api_token: 'zd-secret-123' };

  it('saves valid credentials with { success: true } and shows a key-based connection', async () => {
    const token = env.mock.mintToken('customer-a');
    const answer = await env.call('/api/v2/app/zendesk/save', { method: 'POST', token, body: zendesk });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ success: true });
    expect((await connections(token, 'zendesk'))[0]).toMatchObject({
      auth_type: 'keybased',
      identifier: 'agent@acme.test',
      status: 'active',
    });
    expect(env.mock.account('customer-a').savedCredentials('zendesk')).toEqual(zendesk);
  });

  it('answers 400 naming a required field that is missing or empty', async () => {
    const token = env.mock.mintToken('customer-a');
    const missing = await env.call('/api/v2/app/zendesk/save', {
      method: 'POST',
      token,
      body: { subdomain: 'acme', email: 'agent@acme.test' },
    });
    expect(missing.status).toBe(400);
    expect(obj(missing.json)).toMatchObject({
      status_code: 400,
      http_error_type: 'BAD_REQUEST',
      message: 'Missing required field: api_token',
    });
    const empty = await env.call('/api/v2/app/zendesk/save', {
      method: 'POST',
      token,
      body: { ...zendesk, subdomain: '  ' },
    });
    expect(obj(empty.json)['message']).toBe('Missing required field: subdomain');
    expect(await connections(token, 'zendesk')).toEqual([]);
  });

  it('fails verification with 500 "Failed to verify credentials" for the magic wrong value', async () => {
    const token = env.mock.mintToken('customer-a');
    const answer = await env.call('/api/v2/app/zendesk/save', {
      method: 'POST',
      token,
      body: { ...zendesk, api_token: 'wrong' },
    });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({
      status_code: 500,
      http_error_type: 'INTERNAL_SERVER_ERROR',
      error: 'SERVER_ERROR',
      message: 'Failed to verify credentials: Zendesk rejected the credentials (401 Unauthorized)',
    });
    expect(await connections(token, 'zendesk')).toEqual([]);
  });

  it('fails the next save only after rejectNextSave, with the given reason', async () => {
    const token = env.mock.mintToken('customer-a');
    env.mock.account('customer-a').rejectNextSave('zendesk', 'subdomain not found');
    const first = await env.call('/api/v2/app/zendesk/save', { method: 'POST', token, body: zendesk });
    expect(obj(first.json)['message']).toBe('Failed to verify credentials: subdomain not found');
    const second = await env.call('/api/v2/app/zendesk/save', { method: 'POST', token, body: zendesk });
    expect(second.status).toBe(200);
  });

  it('checks choices, multi-selects, numbers and checkboxes of key-based fields', async () => {
    const token = env.mock.mintToken('customer-a');
    const save = (slug: string, body: unknown) =>
      env.call(`/api/v2/app/${slug}/save`, { method: 'POST', token, body });
    expect((await save('stripe', { secret_key: 'sk_test_1', mode: 'sandbox' })).status).toBe(400);
    expect((await save('stripe', { secret_key: 'sk_test_1', mode: 'test' })).status).toBe(200);
    const jira = { url: 'https://acme.atlassian.net', email: 'me@acme.test', api_token: 't0k' };
    expect((await save('jira', { ...jira, projects: ['ENG', 'NOPE'] })).status).toBe(400);
    expect((await save('jira', { ...jira, url: 'not a url' })).status).toBe(400);
    expect((await save('jira', { ...jira, projects: ['ENG', 'SUP'] })).status).toBe(200);
    expect(env.mock.account('customer-a').savedCredentials('jira')?.['projects']).toEqual(['ENG', 'SUP']);
    const freshdesk = { domain: 'acme.freshdesk.com', api_key: 'fd' };
    expect((await save('freshdesk', { ...freshdesk, sync_window_days: 'many' })).status).toBe(400);
    expect(
      (await save('freshdesk', { ...freshdesk, sync_window_days: '14', include_archived: 'true' })).status,
    ).toBe(200);
    expect(env.mock.account('customer-a').savedCredentials('freshdesk')).toMatchObject({
      sync_window_days: 14,
      include_archived: true,
    });
  });

  it('saves a connector sub-type only with its auth_type, and records the connection under it', async () => {
    const token = env.mock.mintToken('customer-a');
    const save = (slug: string, body: unknown) =>
      env.call(`/api/v2/app/${slug}/save`, { method: 'POST', token, body });
    const twilio = { account_sid: 'AC1', auth_token: 'tw-secret' };
    expect(obj((await env.call(app('twilio'), { token })).json)).toMatchObject({
      auth_type: 'basic_auth',
      auth_type_options: { basic_auth: expect.any(Array) },
    });
    const without = await save('twilio', twilio);
    expect(without.status).toBe(400);
    expect(obj(without.json)['message']).toBe('auth_type is required for Twilio: one of basic_auth');
    expect((await save('twilio', { ...twilio, auth_type: 'api_key' })).status).toBe(400);
    // The region's `null` option means "default": no value is stored.
    expect((await save('twilio', { ...twilio, auth_type: 'basic_auth', region: null })).status).toBe(200);
    expect(env.mock.account('customer-a').savedCredentials('twilio')).toEqual(twilio);
    expect((await connections(token, 'twilio'))[0]).toMatchObject({
      auth_type: 'basic_auth',
      identifier: 'AC1',
    });
    // Sub-type named by the app's auth_type over `keybased` fields; `noauth` with nothing to fill in.
    const statuspage = { page_id: 'p1', api_key: 'sp' };
    expect((await save('statuspage', statuspage)).status).toBe(400);
    expect((await save('statuspage', { ...statuspage, auth_type: 'api_key' })).status).toBe(200);
    expect((await save('public-holidays', {})).status).toBe(400);
    expect((await save('public-holidays', { auth_type: 'noauth' })).status).toBe(200);
    const [holidays] = await connections(token, 'public-holidays');
    expect(holidays).toMatchObject({ auth_type: 'noauth', status: 'active' });
    expect(holidays && 'identifier' in holidays).toBe(false);
    // `keybased` disconnects sub-type connections too.
    await env.call('/api/v1/linked-acc/integration/twilio?auth_type=keybased', { method: 'DELETE', token });
    expect(await connections(token, 'twilio')).toEqual([]);
  });

  it('refuses a key-based save on an OAuth-only app (400) and an unknown app (404)', async () => {
    const token = env.mock.mintToken('customer-a');
    expect((await env.call('/api/v2/app/slack/save', { method: 'POST', token, body: { x: 1 } })).status).toBe(
      400,
    );
    const unknown = await env.call('/api/v2/app/nope/save', { method: 'POST', token, body: {} });
    expect(unknown.status).toBe(404);
    expect(obj(unknown.json)).toMatchObject({ status_code: 404, http_error_type: 'NOT_FOUND' });
  });

  it('disconnects one auth type with auth_type, or every connection of the app without it', async () => {
    const token = env.mock.mintToken('customer-a');
    const account = env.mock.account('customer-a');
    account.connect('intercom', { authType: 'oauth2' });
    account.connect('intercom', { authType: 'keybased', credentials: { access_token: 'x' } });
    expect(await connections(token, 'intercom')).toHaveLength(2);
    const one = await env.call('/api/v1/linked-acc/integration/intercom?auth_type=keybased', {
      method: 'DELETE',
      token,
    });
    expect(one.status).toBe(200);
    expect((await connections(token, 'intercom')).map((c) => c['auth_type'])).toEqual(['oauth2']);
    account.connect('intercom', { authType: 'keybased' });
    await env.call('/api/v1/linked-acc/integration/intercom?auth_type=keybased', { method: 'DELETE', token });
    await env.call('/api/v1/linked-acc/integration/intercom', { method: 'DELETE', token });
    expect(await connections(token, 'intercom')).toEqual([]);
    const bad = await env.call('/api/v1/linked-acc/integration/intercom?auth_type=magic', {
      method: 'DELETE',
      token,
    });
    expect(bad.status).toBe(400);
  });
});

describe('mock Refold: several connections of one app', () => {
  it('disconnects one connection by connection_id and leaves the others', async () => {
    const token = env.mock.mintToken('customer-a');
    const account = env.mock.account('customer-a');
    const work = account.connect('slack', { identifier: 'work@acme.test' });
    const home = account.connect('slack', { identifier: 'home@acme.test' });
    const answer = await env.call(
      `/api/v1/linked-acc/integration/slack?connection_id=${work.connection_id}`,
      {
        method: 'DELETE',
        token,
      },
    );
    expect(answer.status).toBe(200);
    expect(await connections(token, 'slack')).toEqual([home]);
    const unknown = await env.call('/api/v1/linked-acc/integration/slack?connection_id=conn_nope', {
      method: 'DELETE',
      token,
    });
    expect(unknown.status).toBe(404);
  });

  it('answers 400 to a disconnect without connection_id when the app has several connections', async () => {
    const token = env.mock.mintToken('customer-a');
    const account = env.mock.account('customer-a');
    account.connect('slack', { identifier: 'work@acme.test' });
    account.connect('slack', { identifier: 'home@acme.test' });
    const answer = await env.call('/api/v1/linked-acc/integration/slack', { method: 'DELETE', token });
    expect(answer.status).toBe(400);
    expect(obj(answer.json)['message']).toMatch(/connection_id/);
    expect(await connections(token, 'slack')).toHaveLength(2);
  });

  it('saves new credentials for one connection in place: same connection_id, no new connection', async () => {
    const token = env.mock.mintToken('customer-a');
    const account = env.mock.account('customer-a');
    const old = account.connect('zendesk', { status: 'expired', identifier: 'agent@acme.test' });
    account.connect('zendesk', { identifier: 'other@acme.test' });
    const body = { subdomain: 'acme', email: 'new@acme.test', api_token: 'zd-new' };
    const answer = await env.call(`/api/v2/app/zendesk/save?connection_id=${old.connection_id}`, {
      method: 'POST',
      token,
      body,
    });
    expect(answer.status).toBe(200);
    const after = await connections(token, 'zendesk');
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ connection_id: old.connection_id, status: 'active' });
  });
});

describe('mock Refold: hosted connect page', () => {
  it('answers a hosted_url that serves the account’s apps and a working key-based form', async () => {
    const token = env.mock.mintToken('customer-a');
    const answer = await env.call('/api/v2/public/connect-url', {
      method: 'POST',
      token,
      body: { name: 'Acme integrations' },
    });
    const hostedUrl = String(obj(answer.json)['hosted_url']);
    expect(hostedUrl.startsWith(`${env.server.url}/mock-hosted/connect/`)).toBe(true);
    expect(hostedUrl).not.toContain(token);
    const hosted = await fetch(hostedUrl);
    const page = await hosted.text();
    expect(page).toContain('Acme integrations');
    expect(page).toContain('Zendesk');

    const saved = await fetch(`${hostedUrl}/keybased/pipedrive`, {
      method: 'POST',
      body: new URLSearchParams({ company_domain: 'acme', api_token: 'pd-1' }),
      redirect: 'manual',
    });
    expect(saved.status).toBe(303);
    expect((await connections(token, 'pipedrive'))[0]).toMatchObject({
      auth_type: 'keybased',
      identifier: 'acme',
    });
    const oauth = await fetch(`${hostedUrl}/oauth/asana`, { method: 'POST', redirect: 'manual' });
    expect(oauth.headers.get('location')).toContain('/mock-oauth/authorize?state=');
  });
});
