/**
 * Session tokens and who is calling: minting (`POST /session-token`, with the API key), revoking, checking
 * the `Bearer` token or API key of each request ({@link authenticate}), and the active linked account.
 *
 * @module
 */
import { MOCK_ORG_ID } from '../fixtures.js';
import { HttpError, apiError, json } from '../http.js';
import { requireObject } from '../routing.js';
import type { AddRoute, AuthKind } from '../routing.js';
import { ensureAccount } from '../state.js';
import type { AccountState, MockState, TokenRecord } from '../state.js';
import { encodeToken, randomId } from '../tokens.js';

const REFRESH_TTL_SECONDS = 7 * 24 * 3600;

/** Mints a session token for a linked account (created if new); it becomes the account's current token. */
export function mint(state: MockState, linkedAccountId: string, ttlSeconds: number): TokenRecord {
  const account = ensureAccount(state, linkedAccountId);
  const time = state.settings.now();
  const iat = Math.floor(time / 1000);
  const token = encodeToken({
    org_id: MOCK_ORG_ID,
    linked_account_id: linkedAccountId,
    environment: 'test',
    iat,
    exp: iat + ttlSeconds,
    jti: randomId(12),
  });
  const record: TokenRecord = {
    token,
    linkedAccountId,
    expiresAt: time + ttlSeconds * 1000,
    revoked: false,
  };
  state.tokens.set(token, record);
  account.currentToken = token;
  return record;
}

/** The record of a token that is known, not revoked and not expired. */
export function validToken(state: MockState, token: string | undefined): TokenRecord | undefined {
  if (token === undefined) return undefined;
  const record = state.tokens.get(token);
  if (record === undefined || record.revoked || state.settings.now() >= record.expiresAt) return undefined;
  return record;
}

/** The caller of a request: its account (bearer routes) and the key of its rate-limit bucket. */
export interface Caller {
  account?: AccountState;
  limitKey?: string;
}

/** Checks the credentials a route needs: the caller, or the 401 answer. */
export function authenticate(
  state: MockState,
  auth: AuthKind,
  headers: Record<string, string>,
): Caller | Response {
  if (auth === 'bearer') {
    const authorization = headers['authorization'];
    if (authorization === undefined || authorization.trim() === '') {
      return apiError(401, 'INVALID_TOKEN', 'Authorization Token Missing');
    }
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const record = validToken(state, token);
    if (record === undefined || token === undefined) return apiError(401, 'INVALID_TOKEN', 'Invalid token');
    return { account: ensureAccount(state, record.linkedAccountId), limitKey: `token:${token}` };
  }
  if (auth === 'api-key') {
    const key = headers['x-api-key'];
    if (key === undefined || key === '') return apiError(401, 'INVALID_API_KEY', 'API key missing');
    if (key !== state.settings.apiKey) return apiError(401, 'INVALID_API_KEY', 'Invalid API key');
    return { limitKey: `key:${key}` };
  }
  return {};
}

/** The linked account as Refold sends it. */
export function linkedAccountToWire(account: AccountState): Record<string, unknown> {
  return {
    _id: account.objectId,
    account_id: account.id,
    name: account.id,
    environment: 'test',
    associated_org: MOCK_ORG_ID,
    createdAt: account.createdAt,
    updatedAt: account.createdAt,
  };
}

/** The session-token routes (backend, API key), revoke, and the active linked account. */
export function sessionRoutes(state: MockState, route: AddRoute): void {
  route('POST', '/api/v2/public/session-token', 'api-key', (context) => {
    const body = requireObject(context, true);
    const id = body['linked_account_id'];
    if (typeof id !== 'string' || id.trim() === '') {
      throw new HttpError(400, 'INVALID_LINKED_ACCOUNT_ID', 'linked_account_id is required');
    }
    const account = ensureAccount(state, id);
    const force = context.query.get('force_refresh') === 'true';
    const current = force ? undefined : validToken(state, account.currentToken);
    const record = current ?? mint(state, id, state.settings.tokenTtlSeconds);
    return json(200, {
      token: record.token,
      refresh_token: randomId(32),
      expires_in: Math.max(1, Math.floor((record.expiresAt - state.settings.now()) / 1000)),
      refresh_expires_in: REFRESH_TTL_SECONDS,
    });
  });

  route('POST', '/api/v2/public/session-token/revoke', 'bearer', (context) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(context.headers['authorization'] ?? '')?.[1];
    const record = token === undefined ? undefined : state.tokens.get(token);
    let revoked = 0;
    if (record !== undefined && !record.revoked) {
      record.revoked = true;
      revoked = 1;
    }
    return json(200, { success: true, revoked_count: revoked });
  });

  route('GET', '/api/v2/public/session/active-linked-account', 'bearer', (context) =>
    json(200, linkedAccountToWire(context.account)),
  );
}
