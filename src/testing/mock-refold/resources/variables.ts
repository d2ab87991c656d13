/**
 * Environment variables: the org's definitions (API key only, for the host's backend) and each account's
 * values of `linked_account` definitions (session token): get one, upsert, list by scope, delete. An
 * encrypted value is answered as `"[REDACTED]"`, never as stored.
 *
 * @module
 */
import { MOCK_ORG_ID } from '../fixtures.js';
import { HttpError, badRequest, json, notFound, paginate } from '../http.js';
import { positiveInt, requireObject } from '../routing.js';
import type { AddRoute } from '../routing.js';
import type { AccountState, MockState } from '../state.js';
import { randomHex } from '../tokens.js';

/** A variable definition (`VariableDefinition`). */
export interface MockVariableDefinition {
  /** Definition id. */
  _id: string;
  /** Name. */
  name: string;
  /** What it is for. */
  description?: string;
  /** Who owns the values. */
  scope: 'org' | 'workspace' | 'linked_account' | 'workflow';
  /** Format the values are checked against. */
  var_format: 'string' | 'number' | 'url';
  /** Write-only values. */
  encrypted: boolean;
}

/** The default definitions: three per-customer ones (string, url, encrypted) and one org-level. */
export const mockVariableDefinitions: readonly MockVariableDefinition[] = [
  {
    _id: '66a0e0000000000000000001',
    name: 'REGION',
    description: 'Data region of your account',
    scope: 'linked_account',
    var_format: 'string',
    encrypted: false,
  },
  {
    _id: '66a0e0000000000000000002',
    name: 'BATCH_SIZE',
    description: 'Records per sync batch',
    scope: 'linked_account',
    var_format: 'number',
    encrypted: false,
  },
  {
    _id: '66a0e0000000000000000003',
    name: 'WEBHOOK_URL',
    description: 'Where to send sync reports',
    scope: 'linked_account',
    var_format: 'url',
    encrypted: false,
  },
  {
    _id: '66a0e0000000000000000004',
    name: 'SIGNING_SECRET',
    description: 'Secret used to sign outgoing webhooks',
    scope: 'linked_account',
    var_format: 'string',
    encrypted: true,
  },
  {
    _id: '66a0e0000000000000000005',
    name: 'ORG_ENDPOINT',
    scope: 'org',
    var_format: 'url',
    encrypted: false,
  },
];

interface StoredValue {
  _id: string;
  definition: MockVariableDefinition;
  value: string;
  createdAt: string;
  updatedAt: string;
}

const SCOPES = ['org', 'workspace', 'linked_account', 'workflow'];
const REDACTED = '[REDACTED]';
const valuesByAccount = new WeakMap<AccountState, Map<string, StoredValue>>();

function valuesOf(account: AccountState): Map<string, StoredValue> {
  let values = valuesByAccount.get(account);
  if (values === undefined) {
    values = new Map();
    valuesByAccount.set(account, values);
  }
  return values;
}

function wire(account: AccountState, stored: StoredValue): Record<string, unknown> {
  return {
    _id: stored._id,
    variable_definition_id: stored.definition._id,
    org_id: MOCK_ORG_ID,
    environment: 'test',
    linked_account_id: account.id,
    workflow_id: null,
    value: stored.definition.encrypted ? REDACTED : stored.value,
    created_by: account.id,
    updated_by: account.id,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}

/** Refuses a value that does not match its definition's format. */
function checkFormat(definition: MockVariableDefinition, value: string): void {
  if (definition.var_format === 'number' && (value.trim() === '' || !Number.isFinite(Number(value)))) {
    throw badRequest(`${definition.name} must be a number`, 'VALIDATION_ERROR');
  }
  if (definition.var_format === 'url') {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw badRequest(`${definition.name} must be a URL`, 'VALIDATION_ERROR');
  }
}

/** The org's definitions: the options' or {@link mockVariableDefinitions}. */
function definitionsOf(state: MockState): readonly MockVariableDefinition[] {
  return state.settings.variableDefinitions ?? mockVariableDefinitions;
}

/** The definition with this id, else a 404. */
function definitionOr404(state: MockState, id: string | undefined): MockVariableDefinition {
  const definition = definitionsOf(state).find((candidate) => candidate._id === id);
  if (definition === undefined) throw notFound(`Variable definition not found: ${id ?? ''}`);
  return definition;
}

/** A session token reaches its own linked account's values only. */
function ownScope(definition: MockVariableDefinition): void {
  if (definition.scope !== 'linked_account') {
    throw new HttpError(403, 'FORBIDDEN', 'A session token can only reach linked_account variables');
  }
}

/**
 * Upserts the account's value of a `linked_account` definition, checked as the write route checks it (an
 * `HttpError` otherwise): the write route and `MockAccount.setVariable`. @internal
 */
export function storeVariable(
  state: MockState,
  account: AccountState,
  definitionId: string,
  value: string,
): Record<string, unknown> {
  const definition = definitionOr404(state, definitionId);
  ownScope(definition);
  checkFormat(definition, value);
  const values = valuesOf(account);
  const time = new Date(state.settings.now()).toISOString();
  const previous = values.get(definition._id);
  const stored: StoredValue = {
    _id: previous?._id ?? `66b0${randomHex(20)}`,
    definition,
    value,
    createdAt: previous?.createdAt ?? time,
    updatedAt: time,
  };
  values.set(definition._id, stored);
  return wire(account, stored);
}

/** The variable routes, on the org's definitions (the options' or {@link mockVariableDefinitions}). */
export function variableRoutes(state: MockState, route: AddRoute): void {
  route('GET', '/api/v2/public/env/definitions', 'api-key', (context) => {
    const pageNumber = positiveInt(context.query, 'page', 1);
    const limit = positiveInt(context.query, 'limit', 10);
    const scope = context.query.get('scope');
    const format = context.query.get('var_format');
    const list = definitionsOf(state)
      .filter((definition) => scope === null || definition.scope === scope)
      .filter((definition) => format === null || definition.var_format === format)
      .map((definition) => ({ ...definition, org_id: MOCK_ORG_ID }));
    return json(200, paginate(list, pageNumber, limit));
  });

  route('GET', '/api/v2/public/env/value/:definitionId', 'bearer', (context) => {
    if (context.query.has('linked_account_id')) throw badRequest('linked_account_id comes from the token');
    const definition = definitionOr404(state, context.params['definitionId']);
    ownScope(definition);
    const stored = valuesOf(context.account).get(definition._id);
    return json(200, {
      value: stored === undefined ? null : definition.encrypted ? REDACTED : stored.value,
      encrypted: definition.encrypted,
      name: definition.name,
      scope: definition.scope,
      variable_definition_id: definition._id,
    });
  });

  route('POST', '/api/v2/public/env/values', 'bearer', (context) => {
    const body = requireObject(context);
    if ('linked_account_id' in body) throw badRequest('linked_account_id comes from the token');
    const definitionId = body['variable_definition_id'];
    const value = body['value'];
    if (typeof definitionId !== 'string' || definitionId === '') {
      throw badRequest('variable_definition_id is required');
    }
    if (typeof value !== 'string') throw badRequest('value is required and must be a string');
    return json(200, storeVariable(state, context.account, definitionId, value));
  });

  route('GET', '/api/v2/public/env/values/:scope', 'bearer', (context) => {
    const scope = context.params['scope'] ?? '';
    if (!SCOPES.includes(scope)) throw badRequest(`scope must be one of ${SCOPES.join(', ')}`);
    if (scope === 'workflow' && !context.query.has('workflow_id')) {
      throw badRequest('workflow_id is required for the workflow scope');
    }
    if (context.query.has('linked_account_id')) throw badRequest('linked_account_id comes from the token');
    if (scope !== 'linked_account') {
      throw new HttpError(403, 'FORBIDDEN', 'A session token can only reach linked_account variables');
    }
    const pageNumber = positiveInt(context.query, 'page', 1);
    const limit = positiveInt(context.query, 'limit', 10);
    const only = context.query.get('variable_definition_id');
    const list = [...valuesOf(context.account).values()]
      .filter((stored) => only === null || stored.definition._id === only)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map((stored) => wire(context.account, stored));
    return json(200, { status: 'success', ...paginate(list, pageNumber, limit) });
  });

  route('DELETE', '/api/v2/public/env/values/:valueId', 'bearer', (context) => {
    const values = valuesOf(context.account);
    const id = context.params['valueId'];
    const entry = [...values.entries()].find(([, stored]) => stored._id === id);
    if (entry === undefined) throw notFound(`Variable value not found: ${id ?? ''}`);
    values.delete(entry[0]);
    return json(200, { status: 'success', message: 'Variable value deleted' });
  });
}
