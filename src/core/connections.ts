/**
 * The one answer to "is this app connected?": {@link connectionOf} (connected / expired / disconnected
 * / unknown, from `connected_accounts` or the deprecated flags), used by the catalog filter, the badge, the
 * card and the connect flow; the connection a flow added ({@link addedConnectionId}); and readable labels of
 * a connection ({@link accountLabel}).
 *
 * @module
 */
import type { Application, ConnectedAccount } from './types.js';

/**
 * An app's connection as its data tells it: `connected` (a working connection), `expired` (the user must
 * connect again), `disconnected`, or `unknown` (a connection whose status the library does not know).
 */
export type AppConnectionState = 'connected' | 'expired' | 'disconnected' | 'unknown';

/** What {@link connectionOf} finds. */
export interface AppConnection {
  /** The app's state. */
  state: AppConnectionState;
  /** The connection the state is about (none for `disconnected`, nor from servers that send only flags). */
  account: ConnectedAccount | undefined;
}

/**
 * One connection's state. Its own `status` decides when it has one (a status other than active/expired is
 * unknown); without one it is active, unless the app says `reauth_required: true` (documented for answers
 * whose connections carry no status): then it needs a new sign-in.
 */
export function accountState(
  account: ConnectedAccount,
  app?: Pick<Application, 'reauth_required'>,
): 'active' | 'expired' | 'unknown' {
  if (typeof account.status !== 'string') return app?.reauth_required === true ? 'expired' : 'active';
  const status = account.status.toLowerCase();
  return status === 'active' || status === 'expired' ? status : 'unknown';
}

/**
 * The connection state of an app, from `connected_accounts` (or, from older servers, the deprecated
 * `connected`/`reauth_required` flags): connected when any connection works, else expired when one needs a
 * new sign-in, else unknown when a connection has a status the library does not know.
 */
export function connectionOf(app: Application | undefined): AppConnection {
  const accounts = app?.connected_accounts ?? [];
  for (const [wanted, state] of [
    ['active', 'connected'],
    ['expired', 'expired'],
    ['unknown', 'unknown'],
  ] as const) {
    const account = accounts.find((a) => accountState(a, app) === wanted);
    if (account) return { state, account };
  }
  if (app?.connected) return { state: app.reauth_required ? 'expired' : 'connected', account: undefined };
  return { state: 'disconnected', account: undefined };
}

/** One connection of an app, as {@link connectionsOf} lists it. */
export interface AppConnectionItem {
  /** Refold's id of the connection (`connection_id`); absent from servers that send none. */
  connectionId: string | undefined;
  /** The connection as Refold sent it. */
  account: ConnectedAccount;
  /** Its state: see {@link accountState}. */
  state: 'active' | 'expired' | 'unknown';
  /**
   * True when the customer should act: an expired connection (reconnect it), or one whose status the
   * library does not know.
   */
  needsAttention: boolean;
}

/**
 * Every connection of an app, in Refold's order, each with its id and state. Empty when the app has none
 * (or when an older server sends only the deprecated flags: then use {@link connectionOf}).
 *
 * @example
 * const labels = connectionsOf(app).map((c) => `${accountLabel(c.account).text}: ${c.state}`);
 */
export function connectionsOf(app: Application | undefined): AppConnectionItem[] {
  return (app?.connected_accounts ?? []).map((account) => {
    const state = accountState(account, app);
    return { connectionId: account.connection_id, account, state, needsAttention: state !== 'active' };
  });
}

/**
 * The connection a connect flow added, told from the app's data before the flow started and after it
 * ended: the one `connection_id` that `after` lists and `before` did not. `undefined` when that is not
 * certain — no data from before, no new id (servers that send none), several new ones — and when the app
 * now has a single connection, whose config is the default one.
 *
 * @example
 * <ConfigForm slug="slack" connectionId={addedConnectionId(appBefore, appAfter)} />
 */
export function addedConnectionId(
  before: Application | undefined,
  after: Application | undefined,
): string | undefined {
  const now = connectionsOf(after);
  if (!before || now.length < 2) return undefined;
  const had = new Set(connectionsOf(before).map((c) => c.connectionId));
  const added = new Set(
    now
      .map((c) => c.connectionId)
      .filter((id): id is string => typeof id === 'string' && id !== '' && !had.has(id)),
  );
  return added.size === 1 ? [...added][0] : undefined;
}

/** True when the app has a working connection: the same answer as the badge's `connected` state. */
export function isConnected(app: Application): boolean {
  return connectionOf(app).state === 'connected';
}

// Keys of an identifier object, lower-cased without separators: who is connected, then where.
const WHO = ['name', 'displayname', 'fullname', 'email', 'useremail', 'username', 'user', 'login'];
const WHERE = [
  'hubdomain',
  'domain',
  'subdomain',
  'instanceurl',
  'site',
  'workspace',
  'workspacename',
  'teamname',
  'accountname',
  'organization',
  'orgname',
  'portalid',
  'hubid',
];

function pick(record: Record<string, unknown>, keys: readonly string[], depth: number): string | undefined {
  const byKey = new Map<string, unknown>();
  for (const [key, value] of Object.entries(record))
    byKey.set(key.toLowerCase().replace(/[\s_-]/g, ''), value);
  for (const key of keys) {
    const label = readable(byKey.get(key), depth + 1);
    if (label) return label;
  }
  return undefined;
}

function readable(identifier: unknown, depth: number): string | undefined {
  if (typeof identifier === 'string') return identifier.trim() || undefined;
  if (typeof identifier === 'number') return Number.isFinite(identifier) ? String(identifier) : undefined;
  if (typeof identifier !== 'object' || identifier === null || Array.isArray(identifier) || depth > 2) {
    return undefined;
  }
  const record = identifier as Record<string, unknown>;
  const who = pick(record, WHO, depth);
  const where = pick(record, WHERE, depth);
  return who && where && who !== where ? `${who} (${where})` : (who ?? where);
}

/**
 * A readable name for a connection's `identifier`, which Refold sends as any JSON: a string or number as
 * it is; for an object, who is connected (name, email, username, user …) and where (hub domain, domain,
 * portal id …), e.g. `jane@acme.com (acme.hubspot.com)`. `undefined` when nothing readable is found, never
 * `[object Object]`.
 */
export function identifierLabel(identifier: unknown): string | undefined {
  return readable(identifier, 0);
}

/** Options of {@link accountLabel}. */
export interface AccountLabelOptions {
  /** Names an auth type for people, e.g. a translated "API key". @default the raw name */
  authTypeName?: (authType: string) => string;
  /** Formats the connection date. @default the date part of the ISO string */
  formatDate?: (iso: string) => string;
}

/** What {@link accountLabel} finds: the text, and whether it came from the identifier. */
export interface AccountLabel {
  /** The label; empty when the connection says nothing at all. */
  text: string;
  /** True when `text` names the account (from its identifier), false when it is the auth type and date. */
  fromIdentifier: boolean;
}

/**
 * A readable label for one connection: its {@link identifierLabel}, else its auth type and connection date
 * (`API key · 3 Mar 2026`).
 */
export function accountLabel(account: ConnectedAccount, options: AccountLabelOptions = {}): AccountLabel {
  const named = identifierLabel(account.identifier);
  if (named) return { text: named, fromIdentifier: true };
  const { authTypeName = (name: string) => name, formatDate = (iso: string) => iso.slice(0, 10) } = options;
  const date = Number.isFinite(Date.parse(account.connectedAt)) ? formatDate(account.connectedAt) : '';
  const type =
    typeof account.auth_type === 'string' && account.auth_type ? authTypeName(account.auth_type) : '';
  return { text: [type, date].filter(Boolean).join(' · '), fromIdentifier: false };
}
