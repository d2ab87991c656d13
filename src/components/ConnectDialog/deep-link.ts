/**
 * Deep links into `ConnectDialog`: "Connect Slack" buttons and links anywhere in the host app that open the
 * dialog on one app (or on one connection, to reconnect it). Nothing here is a secret: a slug and a
 * connection id, never a token.
 *
 * @module
 */

/** The app (and connection) a deep link opens `ConnectDialog` on. */
export interface ConnectTarget {
  /** The app, e.g. `"slack"`. */
  slug: string;
  /** A connection of that app to sign in again (`connected_accounts[].connection_id`). */
  connectionId?: string;
}

/** The query parameters of a connect link: the app's slug, and the connection to reconnect. */
export const CONNECT_LINK_PARAMS = { slug: 'refold-connect', connectionId: 'refold-connection' } as const;

/** The window event {@link openConnectDialog} sends and a `ConnectDialog` with `deepLink` listens to. */
export const OPEN_CONNECT_DIALOG_EVENT = 'refold:open-connect-dialog';

/**
 * A link to the page at `base` (default: the current page) that opens its `<ConnectDialog deepLink />` on
 * `target`: for "Connect Slack" links on other pages of the host app, or in e-mails.
 *
 * @example
 * <a href={connectDialogUrl({ slug: 'slack' }, '/settings/integrations')}>Connect Slack</a>
 */
export function connectDialogUrl(target: ConnectTarget, base?: string | URL): string {
  const here = typeof window === 'undefined' ? 'http://localhost/' : window.location.href;
  const url = new URL(base ?? here, here);
  url.searchParams.set(CONNECT_LINK_PARAMS.slug, target.slug);
  if (target.connectionId === undefined) url.searchParams.delete(CONNECT_LINK_PARAMS.connectionId);
  else url.searchParams.set(CONNECT_LINK_PARAMS.connectionId, target.connectionId);
  // Same origin: a path the host can use as it is; another origin: the whole URL.
  return base !== undefined && url.origin !== new URL(here).origin
    ? url.href
    : url.pathname + url.search + url.hash;
}

/** The target of a connect link in `url`, if it carries one. @internal */
export function readConnectLink(url: URL): ConnectTarget | undefined {
  const slug = url.searchParams.get(CONNECT_LINK_PARAMS.slug)?.trim();
  if (!slug) return undefined;
  const connectionId = url.searchParams.get(CONNECT_LINK_PARAMS.connectionId)?.trim();
  return connectionId ? { slug, connectionId } : { slug };
}

/**
 * Opens the page's `<ConnectDialog deepLink />` on `target`, from anywhere in the host app (a "Connect
 * Slack" button in another part of the page). Does nothing during server rendering or when no such dialog
 * is mounted.
 *
 * @example
 * <button onClick={() => openConnectDialog({ slug: 'slack' })}>Connect Slack</button>
 */
export function openConnectDialog(target: ConnectTarget): void {
  if (typeof window === 'undefined') return;
  window.dispatchEvent(new CustomEvent<ConnectTarget>(OPEN_CONNECT_DIALOG_EVENT, { detail: { ...target } }));
}
