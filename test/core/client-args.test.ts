import { describe, expect, it, vi } from 'vitest';
import { createRefoldClient, normaliseBaseUrl } from '../../src/core/client.js';
import type { RefoldClientOptions } from '../../src/core/client.js';
import { RefoldArgumentError } from '../../src/core/errors.js';

const fetchToken = async () => 'token';

describe('bad input', () => {
  it('refuses a missing options object or fetchToken with a message that says what to pass', () => {
    expect(() => createRefoldClient(undefined as unknown as RefoldClientOptions)).toThrow(/fetchToken/);
    expect(() => createRefoldClient({} as RefoldClientOptions)).toThrow(/fetchToken must be a function/);
  });

  it.each([
    ['http://app.refold.ai', /must use https/],
    ['ftp://example.com', /must use https/],
    ['not a url', /not a valid absolute URL/],
    ['', /must be a URL string/],
    ['https://user:pw@app.refold.ai', /credentials/],
    ['https://app.refold.ai/?x=1', /query/],
  ])('refuses baseUrl %j', (baseUrl, message) => {
    expect(() => createRefoldClient({ fetchToken, baseUrl })).toThrow(message);
  });

  it('accepts https anywhere and http on localhost, and trims a trailing slash', () => {
    expect(normaliseBaseUrl('https://app.refold.ai/')).toBe('https://app.refold.ai');
    expect(normaliseBaseUrl('http://localhost:4010')).toBe('http://localhost:4010');
    expect(normaliseBaseUrl('http://127.0.0.1:4010/')).toBe('http://127.0.0.1:4010');
    expect(normaliseBaseUrl('https://proxy.example.com/refold/')).toBe('https://proxy.example.com/refold');
  });

  it('throws for an empty slug before fetching a token or sending anything', () => {
    const spyFetch = vi.fn<typeof fetch>();
    const token = vi.fn(fetchToken);
    const client = createRefoldClient({ fetchToken: token, fetch: spyFetch });
    expect(() => client.applications.get('')).toThrow(RefoldArgumentError);
    expect(() => client.applications.get('   ')).toThrow(/slug must be an app slug/);
    expect(() => client.configs.getOrCreate({ slug: '' })).toThrow(RefoldArgumentError);
    expect(() => client.applications.disconnect('slack', 'magic' as never)).toThrow(/authType/);
    expect(() => client.executions.list({ page: 0 })).toThrow(/page must be a whole number/);
    expect(() => client.executions.list({ limit: 1000 })).toThrow(/limit/);
    expect(() => client.executions.list({ status: 'DONE' as never })).toThrow(/status must be one of/);
    expect(() => client.executions.list({ startDate: 'yesterday' })).toThrow(/startDate/);
    expect(() => client.applications.saveCredentials('zendesk', { key: { nested: true } } as never)).toThrow(
      /"key"/,
    );
    expect(() =>
      client.configs.toggleWorkflow({ slug: 's', configId: 'c', workflowId: 'w', enabled: 'yes' as never }),
    ).toThrow(/enabled/);
    expect(() => client.events.trigger({ event: '' })).toThrow(/event must be a non-empty string/);
    expect(token).not.toHaveBeenCalled();
    expect(spyFetch).not.toHaveBeenCalled();
  });

  it('exposes no way to read the token', () => {
    const client = createRefoldClient({ fetchToken });
    expect(Object.keys(client).sort()).toEqual(
      [
        'applications',
        'baseUrl',
        'clearToken',
        'configs',
        'connectUrl',
        'dispose',
        'events',
        'executions',
        'humanTasks',
        'linkedAccount',
        'mcpServers',
        'variables',
        'workflows',
      ].sort(),
    );
  });
});
