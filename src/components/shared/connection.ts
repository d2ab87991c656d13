import { accountLabel, connectionOf } from '../../core/connections.js';
import type { AppConnectionItem, AppConnectionState } from '../../core/connections.js';
import type { Application, ConnectedAccount } from '../../core/types.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { MessageParams } from '../../i18n/format.js';
import { useApplication } from '../../react/useApplication.js';
import { useConnect } from '../../react/useConnect.js';

/** What a connection badge shows: the app's connection, or a connect flow in progress. */
export type ConnectionState = AppConnectionState | 'connecting';

const AUTH_TYPE_NAMES: Readonly<Record<string, MessageKey>> = {
  oauth2: 'connectionStatus.authType.oauth2',
  keybased: 'connectionStatus.authType.keybased',
  api_key: 'connectionStatus.authType.apiKey',
  basic_auth: 'connectionStatus.authType.basicAuth',
  bearer_token: 'connectionStatus.authType.bearerToken',
  noauth: 'connectionStatus.authType.noauth',
};

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The badge text of `state` for `account`: who is connected (from the identifier), else how and since
 * when; the raw status of a connection whose status is unknown. @internal
 */
export function connectionText(
  state: ConnectionState | 'loading',
  account: ConnectedAccount | undefined,
  t: Translate,
  locale: string,
): string {
  if (state === 'unknown' && typeof account?.status === 'string') {
    return t('connectionStatus.unknownStatus', { status: account.status });
  }
  if ((state !== 'connected' && state !== 'expired') || !account) return t(`connectionStatus.${state}`);
  const label = readableLabel(account, t, locale);
  if (!label.text) return t(`connectionStatus.${state}`);
  if (label.fromIdentifier) return t(`connectionStatus.${state}As`, { identifier: label.text });
  return t(`connectionStatus.${state}With`, { account: label.text });
}

/** The badge state of one connection of a list (`connectionsOf`): `active` reads as `connected`. @internal */
export function itemState(item: AppConnectionItem): 'connected' | 'expired' | 'unknown' {
  return item.state === 'active' ? 'connected' : item.state;
}

function readableLabel(account: ConnectedAccount, t: Translate, locale: string) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return accountLabel(account, {
    authTypeName: (name) => {
      const key = AUTH_TYPE_NAMES[name];
      return key ? t(key) : name;
    },
    formatDate: (iso) => date.format(new Date(iso)),
  });
}

/**
 * A short name for one connection, in the reader's language: who is connected, else how and since when
 * (empty when the connection says nothing). @internal
 */
export function connectionLabel(account: ConnectedAccount, t: Translate, locale: string): string {
  return readableLabel(account, t, locale).text;
}

/**
 * The live connection of one app: its data (loaded, or `given` until it is), and `connecting` while a
 * connect flow of that app runs anywhere under the provider. @internal
 */
export function useConnectionState(slug: string, given?: Application) {
  const query = useApplication(slug);
  const { isConnecting } = useConnect(slug);
  const app = query.data ?? given;
  return {
    app,
    state: isConnecting ? ('connecting' as const) : connectionOf(app).state,
    error: app ? undefined : query.error,
    retry: () => void query.refetch(),
  };
}
