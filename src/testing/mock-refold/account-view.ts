/**
 * `MockRefold.account(id)`: the test-side view of one linked account, to inspect and change its
 * connections, configs, runs, variables and events directly (copies out, never live state).
 *
 * @module
 */
import { configValues, renderConfig } from './config.js';
import { credentialStyles, keybasedIdentifier, oauthFields } from './credentials.js';
import {
  addConnection,
  connectionsOf,
  publicConnection,
  removeConnections,
  settleAutoOAuth,
} from './resources/apps.js';
import { executionsOf, slugOfExecution } from './resources/executions.js';
import { storeVariable } from './resources/variables.js';
import { configContext, ensureAccount, findApp } from './state.js';
import type { AccountState, MockState } from './state.js';
import type { MockAccount, MockConnectOptions } from './types.js';

/** The view of one account (created if new). Settles due OAuth flows first, as a request would. */
export function accountView(state: MockState, linkedAccountId: string): MockAccount {
  settleAutoOAuth(state);
  const account = (): AccountState => ensureAccount(state, linkedAccountId);
  account();
  const storedConfig = (slug: string, configId: string | undefined) => {
    const app = findApp(state, slug);
    const config = account()
      .configs.get(slug)
      ?.get(configId ?? linkedAccountId);
    return app === undefined || config === undefined
      ? undefined
      : { config, context: configContext(state, app) };
  };
  return {
    linkedAccountId,
    connections: (slug) => {
      const current = account();
      const slugs = slug === undefined ? [...current.connections.keys()] : [slug];
      return slugs.flatMap((one) => connectionsOf(current, one).map(publicConnection));
    },
    connect: (slug, connectOptions: MockConnectOptions = {}) => {
      const app = findApp(state, slug);
      if (app === undefined) throw new Error(`Unknown app slug: ${slug}`);
      const styles = credentialStyles(app);
      const authType =
        connectOptions.authType ??
        (oauthFields(app) !== undefined ? 'oauth2' : (styles[0]?.authType ?? 'keybased'));
      const fields =
        styles.find((style) => style.authType === authType)?.fields ?? app.auth_type_options.keybased ?? [];
      const identifier =
        'identifier' in connectOptions
          ? connectOptions.identifier
          : authType === 'oauth2'
            ? (app.mock?.oauthIdentifier ?? `${linkedAccountId}@${slug}.example`)
            : keybasedIdentifier(app, fields, connectOptions.credentials ?? {});
      return publicConnection(
        addConnection(
          state,
          account(),
          app,
          authType,
          identifier,
          connectOptions.status ?? 'active',
          connectOptions.connectedAt,
          connectOptions.credentials,
          connectOptions.connectionId,
        ),
      );
    },
    setConnectionStatus: (slug, status, authType) => {
      for (const connection of connectionsOf(account(), slug)) {
        if (authType === undefined || connection.auth_type === authType) connection.status = status;
      }
    },
    disconnect: (slug, authType) => removeConnections(account(), slug, authType),
    rejectNextSave: (slug, reason) => {
      account().rejectNext.set(slug, reason);
    },
    savedCredentials: (slug) => {
      const record = connectionsOf(account(), slug).find((connection) => connection.auth_type !== 'oauth2');
      return record?.credentials === undefined ? undefined : structuredClone(record.credentials);
    },
    configIds: (slug) => [...(account().configs.get(slug)?.keys() ?? [])],
    config: (slug, configId) => {
      const found = storedConfig(slug, configId);
      return found && renderConfig(found.config, found.context, true);
    },
    configValues: (slug, configId) => {
      const found = storedConfig(slug, configId);
      return found && configValues(found.config, found.context);
    },
    configWrites: (slug) =>
      structuredClone(account().configWrites.filter((write) => slug === undefined || write.slug === slug)),
    executions: () =>
      executionsOf(state, account())
        .map((record) => structuredClone(record.doc))
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)),
    setExecutions: (list) => {
      account().executions = structuredClone(list).map((doc) => ({ doc, slug: slugOfExecution(state, doc) }));
    },
    setVariable: (definitionId, value) => {
      storeVariable(state, account(), definitionId, value);
    },
    events: () => structuredClone(account().events),
    pendingOAuth: () =>
      [...state.oauthFlows.values()]
        .filter((flow) => flow.linkedAccountId === linkedAccountId)
        .map((flow) => ({ slug: flow.slug, state: flow.state })),
  };
}
