import { describe, expect, it } from 'vitest';
import * as check from '../../src/core/validate.js';

const app = {
  app_id: '1',
  name: 'Slack',
  slug: 'slack',
  description: 'Chat',
  icon: 'https://x/y.svg',
  tags: ['Communication'],
};

describe('response checks', () => {
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

  it.each<[string, unknown, string]>([
    ['apps not an array', { apps: [] }, '$'],
    ['an app without slug', [app, { name: 'No slug' }], '$[1].slug'],
    ['a slug that is an object', [{ ...app, slug: {} }], '$[0].slug'],
    [
      'an unknown auth_type on a connection',
      [{ ...app, connected_accounts: [{ auth_type: 'magic' }] }],
      '$[0].connected_accounts[0].auth_type',
    ],
    [
      'an option without value',
      [{ ...app, auth_type_options: { keybased: [{ name: 'k', options: [{ name: 'x' }] }] } }],
      '$[0].auth_type_options.keybased[0].options[0].value',
    ],
  ])('names where the shape broke for %s', (_label, body, path) => {
    expect(() => check.applicationList(body)).toThrowError(check.ShapeError);
    try {
      check.applicationList(body);
    } catch (error) {
      expect((error as check.ShapeError).path).toBe(path);
    }
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

  it('refuses an execution with an undocumented status', () => {
    expect(() => check.execution({ _id: 'e', name: 'n', status: 'DONE', createdAt: '2026-01-01' })).toThrow(
      /status/,
    );
  });

  it('reads either { auth_url } or { connected } from the OAuth start', () => {
    expect(check.oauthStart({ auth_url: 'https://p/auth' })).toEqual({ auth_url: 'https://p/auth' });
    expect(check.oauthStart({ connected: true })).toEqual({ connected: true });
    expect(() => check.oauthStart({})).toThrow(check.ShapeError);
  });

  it('reads field errors of a config', () => {
    const cfg = check.config({
      slug: 's',
      config_id: 'c',
      field_errors: [{ id: 'f', name: 'F', error: { message: 'bad' } }],
    });
    expect(cfg.field_errors?.[0]?.error.message).toBe('bad');
  });
});
