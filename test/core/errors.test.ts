import { describe, expect, it } from 'vitest';
import {
  RefoldApiError,
  RefoldAuthError,
  RefoldError,
  RefoldRateLimitError,
  RefoldResponseError,
  RefoldTokenError,
  isRefoldError,
} from '../../src/core/errors.js';
import { redact } from '../../src/core/redact.js';
import { jwt } from './helpers.js';

describe('errors', () => {
  it('are all RefoldErrors with a stable code', () => {
    const errors = [
      new RefoldApiError({ status: 404, message: 'Not found' }),
      new RefoldAuthError('refused'),
      new RefoldRateLimitError('slow down', 2),
      new RefoldTokenError('no token'),
      new RefoldResponseError('bad shape', { status: 200, path: '$' }),
    ];
    expect(errors.map((e) => e.code)).toEqual(['api', 'auth', 'rate_limited', 'token', 'response']);
    for (const e of errors) {
      expect(e).toBeInstanceOf(RefoldError);
      expect(isRefoldError(e)).toBe(true);
    }
  });

  it('serialise their public fields only, never the cause', () => {
    const secret = jwt({ exp: 1, iat: 0 });
    const error = new RefoldTokenError('fetchToken failed', { cause: new Error(secret) });
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(JSON.parse(JSON.stringify(new RefoldRateLimitError('x', 3)))).toEqual({
      name: 'RefoldRateLimitError',
      code: 'rate_limited',
      message: 'x',
      retryAfter: 3,
    });
  });

  it('redacts JWTs, bearer values and long opaque secrets from foreign text', () => {
    const token = jwt({ exp: 2, iat: 1 });
    expect(redact(`bad token ${token} here`)).toBe('bad token [redacted] here');
    expect(redact('Authorization: Bearer abc123')).toBe('Authorization: Bearer [redacted]');
    expect(redact('key 9f8e7d6c5b4a39281706f5e4d3c2b1a0ffee')).toBe('key [redacted]');
    expect(redact('Failed to verify credentials: invalid subdomain')).toBe(
      'Failed to verify credentials: invalid subdomain',
    );
  });
});
