/**
 * The one table of the linked-account routes the library calls (method and path, each path written once),
 * and {@link buildPath}, which fills in path parameters safely.
 *
 * @module
 */
import { RefoldArgumentError } from './errors.js';

/** HTTP methods the linked-account API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Every path of the linked-account API, each written once. `{name}` is a path parameter. */
const paths = {
  applications: '/api/v2/f-sdk/application',
  application: '/api/v2/f-sdk/application/{slug}',
  integrate: '/api/v1/{slug}/integrate',
  saveCredentials: '/api/v2/app/{slug}/save',
  integration: '/api/v1/linked-acc/integration/{slug}',
  config: '/api/v2/f-sdk/config',
  slugConfig: '/api/v2/f-sdk/slug/{slug}/config',
  slugConfigById: '/api/v2/f-sdk/slug/{slug}/config/{configId}',
  configIds: '/api/v2/public/slug/{slug}/configs',
  configField: '/api/v2/public/config/field/{fieldId}',
  ruleEngine: '/api/v2/public/config/rule-engine/{fieldId}',
  workflowToggle: '/api/v2/public/slug/{slug}/config/{configId}/workflows/{workflowId}',
  enabledWorkflows: '/api/v2/public/workflow/enabled',
  workflows: '/api/v2/public/workflow',
  executions: '/api/v2/public/execution',
  execution: '/api/v2/public/execution/{id}',
  eventTrigger: '/api/v2/public/event/trigger',
  connectUrl: '/api/v2/public/connect-url',
  activeLinkedAccount: '/api/v2/public/session/active-linked-account',
  // Beyond connect (issue 15): run controls, workflow runs, variables, MCP servers, human tasks.
  executionStop: '/api/v2/public/execution/{id}/stop',
  executionRerun: '/api/v2/public/execution/{id}/rerun',
  nodeBatches: '/api/v2/public/execution/{id}/nodes/{nodeId}/batches',
  workflowExecute: '/api/v2/public/workflow/{workflowId}/execute',
  variableValue: '/api/v2/public/env/value/{definitionId}',
  variableValues: '/api/v2/public/env/values',
  variableValuesOfScope: '/api/v2/public/env/values/{scope}',
  variableValueById: '/api/v2/public/env/values/{valueId}',
  mcpServers: '/api/v2/public/mcp-servers',
  mcpServer: '/api/v2/public/mcp-servers/{id}',
  humanTask: '/api/v2/public/human-tasks/{id}',
} as const;

/**
 * Every linked-account route the library calls: one per row of Refold's route table. All of them take
 * `Authorization: Bearer <session token>` and nothing else that identifies the caller, except the two
 * human-task routes, which take no credentials at all.
 */
export const routes = {
  listApplications: { method: 'GET', path: paths.applications },
  getApplication: { method: 'GET', path: paths.application },
  startOAuth: { method: 'POST', path: paths.integrate },
  saveCredentials: { method: 'POST', path: paths.saveCredentials },
  disconnect: { method: 'DELETE', path: paths.integration },
  getOrCreateConfig: { method: 'POST', path: paths.config },
  getConfig: { method: 'GET', path: paths.slugConfig },
  getConfigById: { method: 'GET', path: paths.slugConfigById },
  updateConfig: { method: 'PUT', path: paths.config },
  deleteConfig: { method: 'DELETE', path: paths.slugConfig },
  deleteConfigById: { method: 'DELETE', path: paths.slugConfigById },
  listConfigs: { method: 'GET', path: paths.configIds },
  getConfigField: { method: 'POST', path: paths.configField },
  setConfigField: { method: 'PUT', path: paths.configField },
  ruleEngineOptions: { method: 'POST', path: paths.ruleEngine },
  toggleWorkflow: { method: 'PATCH', path: paths.workflowToggle },
  enabledWorkflows: { method: 'GET', path: paths.enabledWorkflows },
  listWorkflows: { method: 'GET', path: paths.workflows },
  listExecutions: { method: 'GET', path: paths.executions },
  getExecution: { method: 'GET', path: paths.execution },
  triggerEvent: { method: 'POST', path: paths.eventTrigger },
  connectUrl: { method: 'POST', path: paths.connectUrl },
  activeLinkedAccount: { method: 'GET', path: paths.activeLinkedAccount },
  stopExecution: { method: 'POST', path: paths.executionStop },
  rerunExecution: { method: 'POST', path: paths.executionRerun },
  listNodeBatches: { method: 'GET', path: paths.nodeBatches },
  executeWorkflow: { method: 'POST', path: paths.workflowExecute },
  getVariable: { method: 'GET', path: paths.variableValue },
  setVariable: { method: 'POST', path: paths.variableValues },
  listVariables: { method: 'GET', path: paths.variableValuesOfScope },
  removeVariable: { method: 'DELETE', path: paths.variableValueById },
  listMcpServers: { method: 'GET', path: paths.mcpServers },
  createMcpServer: { method: 'POST', path: paths.mcpServers },
  getMcpServer: { method: 'GET', path: paths.mcpServer },
  updateMcpServer: { method: 'PUT', path: paths.mcpServer },
  removeMcpServer: { method: 'DELETE', path: paths.mcpServer },
  /** No credentials at all (`security: []`): the task id is the secret. */
  getHumanTask: { method: 'GET', path: paths.humanTask },
  /** No credentials at all (`security: []`). */
  submitHumanTask: { method: 'POST', path: paths.humanTask },
} as const satisfies Record<string, { method: HttpMethod; path: string }>;

/** Name of a route in {@link routes}. */
export type RouteName = keyof typeof routes;

type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? N | ParamNames<Rest>
  : never;

/** Path parameters a route needs, e.g. `{ slug: string }`. */
export type RouteParams<R extends RouteName> = { [K in ParamNames<(typeof routes)[R]['path']>]: string };

/**
 * Fills a route's path parameters, each URL-encoded. Throws a {@link RefoldArgumentError} for a missing or
 * empty parameter, for `.` or `..` (dot segments that would walk up the path), or for one the route does not
 * have.
 */
export function buildPath<R extends RouteName>(name: R, params: RouteParams<R>): string {
  const template: string = routes[name].path;
  const given = params as Record<string, unknown>;
  const expected = new Set<string>();
  const path = template.replace(/\{(\w+)\}/g, (_match, key: string) => {
    expected.add(key);
    const value = given[key];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new RefoldArgumentError(
        `Route "${name}" needs a non-empty string "${key}"; got ${describeArg(value)}. Pass it as the ${key} argument.`,
      );
    }
    // "." and ".." are not escaped by encodeURIComponent: URL parsing would resolve them to another route.
    if (value.trim() === '.' || value.trim() === '..') {
      throw new RefoldArgumentError(
        `Route "${name}" cannot take "${value.trim()}" as "${key}": it is not an id and would change the path.`,
      );
    }
    return encodeURIComponent(value);
  });
  for (const key of Object.keys(given)) {
    if (!expected.has(key)) {
      throw new RefoldArgumentError(
        `Route "${name}" has no parameter "${key}"; it takes ${expected.size ? [...expected].join(', ') : 'none'}.`,
      );
    }
  }
  return path;
}

/** A short description of a bad argument for error messages (never echoes the value itself). */
export function describeArg(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a blank string';
  return `a ${typeof value}`;
}
