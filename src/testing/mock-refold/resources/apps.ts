/**
 * Apps and connections: the app catalog with each account's connections, OAuth (the integrate route and
 * the fake provider's flows), key-based saves, and disconnect. The hosted connect pages and the test-side
 * account view connect through the same functions.
 *
 * @module
 */
import {
  checkAuthValues,
  credentialStyles,
  keybasedIdentifier,
  oauthFields,
  providerRejection,
} from '../credentials.js';
import { HttpError, badRequest, iconUrl, json, notFound } from '../http.js';
import { requireObject } from '../routing.js';
import type { AddRoute, RequestContext } from '../routing.js';
import { appOr404, ensureAccount } from '../state.js';
import type { AccountState, ConnectionRecord, MockState } from '../state.js';
import { randomHex, randomId } from '../tokens.js';
import type { MockApp, MockAuthType, MockConnection, MockConnectionStatus } from '../types.js';
import { linkedAccountToWire } from './session.js';

// --- connections ---------------------------------------------------------------------------------------

/** The account's connections to one app. */
export function connectionsOf(account: AccountState, slug: string): ConnectionRecord[] {
  return account.connections.get(slug) ?? [];
}

/**
 * Adds a connection. The same provider account signed in again (same auth type and identifier), or the
 * connection named by `connectionId`, is updated in place: it keeps its `connection_id` (and its configs).
 * Another account of the same app is a connection of its own (with `connectionId` as its id when given).
 */
export function addConnection(
  state: MockState,
  account: AccountState,
  app: MockApp,
  authType: MockAuthType,
  identifier: unknown,
  status: MockConnectionStatus = 'active',
  connectedAt?: Date | string,
  credentials?: Record<string, unknown>,
  connectionId?: string,
): ConnectionRecord {
  const current = connectionsOf(account, app.slug);
  const same = (connection: ConnectionRecord): boolean =>
    connectionId === undefined
      ? connection.auth_type === authType &&
        JSON.stringify(connection.identifier) === JSON.stringify(identifier)
      : connection.connection_id === connectionId;
  const replaced = current.find(same);
  const record: ConnectionRecord = {
    connection_id: replaced?.connection_id ?? connectionId ?? `conn_${randomHex(16)}`,
    auth_type: authType,
    identifier: structuredClone(identifier),
    connectedAt: toIso(connectedAt, state.settings.now()),
    status,
  };
  if (credentials !== undefined) record.credentials = structuredClone(credentials);
  account.connections.set(
    app.slug,
    replaced === undefined ? [...current, record] : current.map((c) => (c === replaced ? record : c)),
  );
  return record;
}

/** The account's connection `connectionId` to the app; a 404 answer when it has none of that id. */
export function connectionOr404(account: AccountState, app: MockApp, connectionId: string): ConnectionRecord {
  const found = connectionsOf(account, app.slug).find((c) => c.connection_id === connectionId);
  if (found === undefined) throw notFound(`Connection not found: ${connectionId}`);
  return found;
}

function toIso(value: Date | string | undefined, fallback: number): string {
  if (value === undefined) return new Date(fallback).toISOString();
  return typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
}

/**
 * Removes the app's connection `connectionId`, else its connections of `authType` (`keybased` covers
 * sub-types too), or all of them.
 */
export function removeConnections(
  account: AccountState,
  slug: string,
  authType?: MockAuthType,
  connectionId?: string,
): number {
  const current = connectionsOf(account, slug);
  const matches = (connection: ConnectionRecord): boolean =>
    (connectionId === undefined || connection.connection_id === connectionId) &&
    (authType === undefined || ofType(authType)(connection));
  const kept = current.filter((connection) => !matches(connection));
  if (kept.length === 0) account.connections.delete(slug);
  else account.connections.set(slug, kept);
  return current.length - kept.length;
}

/** Connections of `authType`: `keybased` covers the connector sub-types too. */
const ofType =
  (authType: string) =>
  (connection: ConnectionRecord): boolean =>
    connection.auth_type === authType || (authType === 'keybased' && connection.auth_type !== 'oauth2');

/** A connection as Refold sends it (without credentials). */
export const publicConnection = (record: ConnectionRecord): MockConnection => ({
  ...(record.identifier !== undefined && { identifier: structuredClone(record.identifier) }),
  auth_type: record.auth_type,
  connectedAt: record.connectedAt,
  status: record.status,
  connection_id: record.connection_id,
});

/** An app as Refold sends it to one account: with its connections and the deprecated flags. */
function appToWire(app: MockApp, account: AccountState, origin: string): Record<string, unknown> {
  const connections = connectionsOf(account, app.slug);
  const out: Record<string, unknown> = {
    _id: app.app_id,
    app_id: app.app_id,
    name: app.name,
    slug: app.slug,
    type: app.kind === 'custom' ? 'custom' : app.slug,
    description: app.description,
    icon: iconUrl(origin, app.icon, app.slug),
    tags: [...app.tags],
    kind: app.kind,
    auth_type_options: structuredClone(app.auth_type_options),
    connected_accounts: connections.map(publicConnection),
    connected: connections.length > 0,
    reauth_required: connections.some((connection) => connection.status === 'expired'),
    auth_type: app.auth_type ?? (oauthFields(app) !== undefined ? 'oauth2' : 'keybased'),
    auth_input_map: structuredClone(credentialStyles(app)[0]?.fields ?? []),
  };
  if (app.grant_type !== undefined) out['grant_type'] = app.grant_type;
  return out;
}

// --- OAuth ---------------------------------------------------------------------------------------------

/**
 * Connects the app by OAuth (as if the user allowed it) and forgets the account's pending flows for it. The
 * connection the flow signs in again (`connectionId`, else the last pending flow's) keeps its id.
 */
export function finishOAuth(
  state: MockState,
  linkedAccountId: string,
  slug: string,
  identifier?: unknown,
  connectionId?: string,
): void {
  const app = appOr404(state, slug);
  const account = ensureAccount(state, linkedAccountId);
  const pending = [...state.oauthFlows.values()].filter(
    (flow) => flow.linkedAccountId === linkedAccountId && flow.slug === slug,
  );
  const again = connectionId ?? pending.at(-1)?.connectionId;
  const known = connectionsOf(account, slug).some((connection) => connection.connection_id === again);
  addConnection(
    state,
    account,
    app,
    'oauth2',
    identifier ?? pending.at(-1)?.identifier ?? newOAuthIdentifier(account, app),
    'active',
    undefined,
    undefined,
    known ? again : undefined,
  );
  for (const [key, flow] of state.oauthFlows) {
    if (flow.linkedAccountId === linkedAccountId && flow.slug === slug) state.oauthFlows.delete(key);
  }
}

/**
 * Who signs in at the fake provider for a new connection: the app's `mock.oauthIdentifier` (else
 * `{account}@{slug}.example`) for the first, then `{account}+2@…`, `+3` … for another account of an app
 * already connected (an object identifier stays as it is: signing in again refreshes that connection).
 */
function newOAuthIdentifier(account: AccountState, app: MockApp, instance?: string): unknown {
  const base =
    instance === undefined
      ? (app.mock?.oauthIdentifier ?? `${account.id}@${app.slug}.example`)
      : `${account.id}@${instance}`;
  if (typeof base !== 'string') return base;
  const taken = new Set(connectionsOf(account, app.slug).map((c) => JSON.stringify(c.identifier)));
  const at = base.lastIndexOf('@');
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : at < 0 ? `${base} ${n}` : `${base.slice(0, at)}+${n}${base.slice(at)}`;
    if (!taken.has(JSON.stringify(candidate))) return candidate;
  }
}

/** With `oauthAutoDelayMs`, finishes every OAuth flow started at least that long ago (mock clock). */
export function settleAutoOAuth(state: MockState): void {
  const delay = state.settings.oauthAutoDelayMs;
  if (delay === undefined) return;
  const time = state.settings.now();
  for (const flow of [...state.oauthFlows.values()]) {
    if (state.oauthFlows.has(flow.state) && time >= flow.createdAt + delay) {
      finishOAuth(state, flow.linkedAccountId, flow.slug, flow.identifier);
    }
  }
}

/**
 * Starts an OAuth flow at the fake provider; answers its authorization URL. With `connectionId` the flow
 * signs that connection in again (its account at the provider); `returnTo` is where the provider sends the
 * page back afterwards.
 */
export function startOAuth(
  state: MockState,
  account: AccountState,
  app: MockApp,
  values: Record<string, unknown>,
  origin: string,
  again: { connectionId?: string; returnTo?: string } = {},
): string {
  const flowState = randomId(24);
  const instance = values['instance_url'];
  let host: string | undefined;
  if (typeof instance === 'string') {
    try {
      host = new URL(instance).host;
    } catch {
      // keep the default identifier
    }
  }
  const { connectionId, returnTo } = again;
  state.oauthFlows.set(flowState, {
    state: flowState,
    linkedAccountId: account.id,
    slug: app.slug,
    identifier:
      connectionId === undefined
        ? newOAuthIdentifier(account, app, host)
        : connectionOr404(account, app, connectionId).identifier,
    createdAt: state.settings.now(),
    ...(connectionId !== undefined && { connectionId }),
    ...(returnTo !== undefined && { returnTo }),
  });
  return `${origin}/mock-oauth/authorize?state=${encodeURIComponent(flowState)}`;
}

/** Connects a machine-to-machine app at once (no provider page). */
export function connectServiceAccount(state: MockState, account: AccountState, app: MockApp): void {
  addConnection(state, account, app, 'oauth2', app.mock?.oauthIdentifier ?? `${app.slug} service account`);
}

// --- key-based save ------------------------------------------------------------------------------------

/** What a key-based save did: connected, or the status and message of its refusal. */
export type SaveResult = { ok: true } | { ok: false; status: 400 | 500; message: string };

/**
 * Saves credentials. A connector sub-type app requires its `auth_type` in the body (a plain key-based one
 * takes none); the connection records that auth type.
 */
export function saveCredentials(
  state: MockState,
  account: AccountState,
  app: MockApp,
  input: Record<string, unknown>,
  authType: unknown,
  connectionId?: string,
): SaveResult {
  const styles = credentialStyles(app);
  if (styles.length === 0) {
    return { ok: false, status: 400, message: `${app.name} does not support key-based authentication` };
  }
  const style = styles.find((candidate) =>
    authType === undefined ? candidate.authType === 'keybased' : candidate.authType === authType,
  );
  if (style === undefined) {
    const allowed = styles.map((candidate) => candidate.authType).join(', ');
    const message =
      authType === undefined
        ? `auth_type is required for ${app.name}: one of ${allowed}`
        : `auth_type must be one of ${allowed} for ${app.name}`;
    return { ok: false, status: 400, message };
  }
  const { fields } = style;
  const check = checkAuthValues(fields, input);
  if (!check.ok) return { ok: false, status: 400, message: check.message };
  const once = account.rejectNext.get(app.slug);
  account.rejectNext.delete(app.slug);
  const reason = once ?? providerRejection(app, check.values);
  if (reason !== undefined)
    return { ok: false, status: 500, message: `Failed to verify credentials: ${reason}` };
  addConnection(
    state,
    account,
    app,
    style.authType,
    keybasedIdentifier(app, fields, check.values),
    'active',
    undefined,
    check.values,
    connectionId,
  );
  return { ok: true };
}

// --- routes --------------------------------------------------------------------------------------------

/** The app catalog, the OAuth start (POST and the legacy GET), key-based save and disconnect. */
export function appRoutes(state: MockState, route: AddRoute): void {
  route('GET', '/api/v2/f-sdk/application', 'bearer', (context) =>
    json(
      200,
      state.apps.map((app) => appToWire(app, context.account, context.origin)),
    ),
  );

  route('GET', '/api/v2/f-sdk/application/:slug', 'bearer', (context) =>
    json(200, appToWire(appOr404(state, context.params['slug'] ?? ''), context.account, context.origin)),
  );

  const integrate = (context: RequestContext, input: Record<string, unknown>): Response => {
    const app = appOr404(state, context.params['slug'] ?? '');
    const fields = oauthFields(app);
    if (fields === undefined) throw badRequest(`${app.name} does not support OAuth`);
    const check = checkAuthValues(fields, input);
    if (!check.ok) throw badRequest(check.message);
    if (app.grant_type === 'client_credentials') {
      connectServiceAccount(state, context.account, app);
      return json(200, { connected: true });
    }
    const connectionId = context.query.get('connection_id') ?? undefined;
    const returnTo = context.query.get('redirect_url') ?? undefined;
    if (returnTo !== undefined && !/^https?:\/\/[^/]/i.test(returnTo)) {
      throw badRequest('redirect_url must be an absolute http(s) URL');
    }
    const again = { connectionId, returnTo };
    return json(200, {
      auth_url: startOAuth(state, context.account, app, check.values, context.origin, again),
    });
  };
  route('POST', '/api/v1/:slug/integrate', 'bearer', (context) =>
    integrate(context, requireObject(context, true)),
  );
  route('GET', '/api/v1/:slug/integrate', 'bearer', (context) =>
    integrate(context, Object.fromEntries(context.query.entries())),
  );

  route('POST', '/api/v2/app/:slug/save', 'bearer', (context) => {
    const app = appOr404(state, context.params['slug'] ?? '');
    const body = requireObject(context);
    const { auth_type: authType, ...values } = body;
    const connectionId = context.query.get('connection_id') ?? undefined;
    if (connectionId !== undefined) connectionOr404(context.account, app, connectionId);
    const result = saveCredentials(state, context.account, app, values, authType, connectionId);
    if (!result.ok) {
      throw new HttpError(
        result.status,
        result.status === 500 ? 'SERVER_ERROR' : 'BAD_REQUEST',
        result.message,
      );
    }
    return json(200, { success: true });
  });

  route('DELETE', '/api/v1/linked-acc/integration/:slug', 'bearer', (context) => {
    const app = appOr404(state, context.params['slug'] ?? '');
    const authType = context.query.get('auth_type');
    const known = ['oauth2', 'keybased', ...credentialStyles(app).map((style) => style.authType)];
    if (authType !== null && !known.includes(authType)) {
      throw badRequest(`auth_type must be one of ${[...new Set(known)].join(', ')}`);
    }
    const connectionId = context.query.get('connection_id');
    if (connectionId !== null) {
      connectionOr404(context.account, app, connectionId);
      removeConnections(context.account, app.slug, authType ?? undefined, connectionId);
    } else {
      // As Refold: which connection to remove must be said when more than one would go.
      const current = connectionsOf(context.account, app.slug);
      const count = authType === null ? current.length : current.filter(ofType(authType)).length;
      if (count > 1) {
        throw badRequest(`connection_id is required: ${app.name} has ${count} connections`);
      }
      removeConnections(context.account, app.slug, authType ?? undefined);
    }
    const integrations = state.apps.flatMap((candidate) =>
      connectionsOf(context.account, candidate.slug).map((connection) => ({
        type: candidate.slug,
        name: candidate.name,
        identifier: connection.identifier,
        auth_type: connection.auth_type,
        reauth_required: connection.status === 'expired',
        createdAt: connection.connectedAt,
      })),
    );
    return json(200, { ...linkedAccountToWire(context.account), integrations });
  });
}
