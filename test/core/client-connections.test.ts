import { describe, expect, it } from 'vitest';
import { RefoldArgumentError } from '../../src/core/errors.js';
import { CONNECTION_PARAMS, RETURN_URL_PARAM } from '../../src/core/client.js';
import { addedConnectionId, connectionsOf } from '../../src/core/connections.js';
import type { Application } from '../../src/core/types.js';
import { useMockRefold } from './setup-mock.js';

const env = useMockRefold();
const ACCOUNT = 'customer-a';

describe('createRefoldClient: calls on one connection of an app', () => {
  it('sends connectionId as connection_id in the query of integrate, save, disconnect and toggle, in the body of config writes', async () => {
    const { client } = env.client();
    const account = env.mock.account(ACCOUNT);
    const slack = account.connect('slack', { identifier: 'work@acme.test' }).connection_id;
    account.connect('slack', { identifier: 'home@acme.test' });
    const connectionId = slack;

    await client.applications.oauthUrl('slack', {}, { connectionId });
    const config = await client.configs.getOrCreate({ slug: 'slack', connectionId });
    await client.configs.update({ slug: 'slack', connectionId, fields: {} });
    const workflow = config.workflows?.[0];
    if (workflow) {
      await client.configs.toggleWorkflow({
        slug: 'slack',
        configId: config.config_id ?? ACCOUNT,
        workflowId: workflow.id,
        enabled: !workflow.enabled,
        connectionId,
      });
    }
    await client.applications.disconnect('slack', undefined, { connectionId });

    const requests = env.dataRequests();
    const byPath = (method: string, path: string) =>
      requests.find((r) => r.method === method && r.path.startsWith(path));
    expect(byPath('POST', '/api/v1/slack/integrate')?.query).toEqual({ connection_id: slack });
    expect(byPath('POST', '/api/v2/f-sdk/config')?.body).toMatchObject({
      slug: 'slack',
      connection_id: slack,
    });
    expect(byPath('PUT', '/api/v2/f-sdk/config')?.body).toMatchObject({ connection_id: slack });
    if (workflow)
      expect(byPath('PATCH', '/api/v2/public/slug/slack')?.query).toEqual({ connection_id: slack });
    expect(byPath('DELETE', '/api/v1/linked-acc/integration/slack')?.query).toEqual({ connection_id: slack });
    expect(account.connections('slack').map((c) => c.identifier)).toEqual(['home@acme.test']);
    expect(CONNECTION_PARAMS.in.disconnect).toBe('query');
  });

  it('refuses an empty connectionId at once, before any request', () => {
    const { client } = env.client();
    expect(() => client.applications.disconnect('slack', undefined, { connectionId: '' })).toThrow(
      RefoldArgumentError,
    );
    expect(env.dataRequests()).toHaveLength(0);
  });

  it('sends returnTo as the return URL of integrate and refuses one that is not absolute http(s)', async () => {
    const { client } = env.client();
    const back = 'https://host.example/settings';
    await client.applications.oauthUrl('hubspot', {}, { returnTo: back });
    expect(env.dataRequests().at(-1)?.query).toEqual({ [RETURN_URL_PARAM]: back });
    for (const bad of ['/settings', 'javascript:alert(1)', '//evil.example']) {
      await expect(client.applications.oauthUrl('hubspot', {}, { returnTo: bad })).rejects.toBeInstanceOf(
        RefoldArgumentError,
      );
    }
    expect(env.dataRequests()).toHaveLength(1);
  });

  it('filters executions by several apps at once, sent comma-separated', async () => {
    const { client } = env.client();
    await client.executions.list({ slug: ['slack', 'hubspot'] });
    expect(env.dataRequests().at(-1)?.query).toMatchObject({ slug: 'slack,hubspot' });
  });
});

describe('connectionsOf', () => {
  const app = (accounts: Application['connected_accounts'], extra: Partial<Application> = {}) =>
    ({ app_id: 'a', name: 'Slack', slug: 'slack', connected_accounts: accounts, ...extra }) as Application;

  it('lists each connection with its id and state; expired and unknown ones need attention', () => {
    const list = connectionsOf(
      app([
        { identifier: 'a', connectedAt: '', status: 'active', connection_id: 'c1' },
        { identifier: 'b', connectedAt: '', status: 'expired', connection_id: 'c2' },
        { identifier: 'c', connectedAt: '', status: 'paused' },
      ]),
    );
    expect(
      list.map(({ connectionId, state, needsAttention }) => [connectionId, state, needsAttention]),
    ).toEqual([
      ['c1', 'active', false],
      ['c2', 'expired', true],
      [undefined, 'unknown', true],
    ]);
  });

  it('reads a connection without status as expired when the app says reauth_required, and lists none for flags only', () => {
    expect(
      connectionsOf(app([{ identifier: 'a', connectedAt: '' }], { reauth_required: true }))[0]?.state,
    ).toBe('expired');
    expect(connectionsOf(app(undefined, { connected: true }))).toEqual([]);
  });
});

describe('addedConnectionId', () => {
  const app = (...ids: (string | undefined)[]) =>
    ({
      app_id: 'a',
      name: 'Slack',
      slug: 'slack',
      connected_accounts: ids.map((id, i) => ({
        identifier: `user${i}@acme.test`,
        auth_type: 'oauth2',
        connectedAt: '',
        ...(id !== undefined && { connection_id: id }),
      })),
    }) as Application;

  it('names the one connection the flow added beside the others', () => {
    expect(addedConnectionId(app('c1'), app('c1', 'c2'))).toBe('c2');
    expect(addedConnectionId(app('c1', 'c2'), app('c3', 'c1', 'c2'))).toBe('c3');
    // One removed meanwhile (disconnected in the dialog) and one added.
    expect(addedConnectionId(app('c1', 'c2'), app('c2', 'c3'))).toBe('c3');
  });

  it('names none for a first connection, whose config is the default one, unless the app now has several', () => {
    expect(addedConnectionId(app(), app('c1'))).toBeUndefined();
    expect(addedConnectionId(app(), app('c1', 'c2'))).toBeUndefined(); // two new ones: not certain
    expect(addedConnectionId(app(undefined), app(undefined, 'c2'))).toBe('c2');
  });

  it('names none when it cannot be certain: no data before, no id on the new connection, nothing new', () => {
    expect(addedConnectionId(undefined, app('c1', 'c2'))).toBeUndefined();
    expect(addedConnectionId(app('c1'), undefined)).toBeUndefined();
    expect(addedConnectionId(app('c1'), app('c1', undefined))).toBeUndefined();
    expect(addedConnectionId(app('c1', 'c2'), app('c1', 'c2'))).toBeUndefined();
    expect(addedConnectionId(app('c1'), app('c1', ''))).toBeUndefined();
  });
});
