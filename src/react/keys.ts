import type { ExecutionListParams, WorkflowListParams } from '../core/client.js';
import type { PageParams } from '../core/resource.js';
import type { NodeBatchesParams } from '../core/run-controls.js';
import type { AllVariablesParams, VariableListParams } from '../core/variables.js';

/** Where a config field lives: its config (left out: the default config) and workflow (left out: app-level). */
export interface ConfigFieldScope {
  /** Config id, as given to `useConfig`. */
  configId?: string;
  /** Workflow id, for a workflow's field. */
  workflowId?: string;
  /** The connection whose config it is, for an app with several connections. */
  connectionId?: string;
}

/**
 * The one factory of TanStack Query keys for Refold data. Every key starts with `['refold', scope]`, so one
 * customer's data never answers for another's, and `refoldKeys.all(scope)` reaches all of it.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: refoldKeys.applications(scope) });
 */
export const refoldKeys = {
  /** Everything of one customer. */
  all: (scope: string) => ['refold', scope] as const,
  /** The app list. */
  applications: (scope: string) => ['refold', scope, 'applications'] as const,
  /** One app. */
  application: (scope: string, slug: string) => ['refold', scope, 'applications', slug] as const,
  /** All configs of an app. */
  configs: (scope: string, slug: string) => ['refold', scope, 'configs', slug] as const,
  /**
   * One config of an app (`configId` null: the default config), and of one of its connections when
   * `connectionId` is given.
   */
  config: (scope: string, slug: string, configId?: string, connectionId?: string) =>
    connectionId === undefined
      ? (['refold', scope, 'configs', slug, configId ?? null] as const)
      : (['refold', scope, 'configs', slug, configId ?? null, { connectionId }] as const),
  /**
   * Options of one config field of a config (`configId` left out: the default config) and workflow, for
   * its parent's stored value.
   */
  fieldOptions: (
    scope: string,
    slug: string,
    fieldId: string,
    where: ConfigFieldScope & { parentValue?: unknown } = {},
  ) =>
    [
      'refold',
      scope,
      'configs',
      slug,
      'field',
      fieldId,
      {
        configId: where.configId ?? null,
        workflowId: where.workflowId ?? null,
        parentValue: where.parentValue ?? null,
        ...(where.connectionId !== undefined && { connectionId: where.connectionId }),
      },
    ] as const,
  /** Rule-engine options of a field of a config and workflow, for one left-hand column. */
  ruleOptions: (scope: string, slug: string, fieldId: string, lhs: string, where: ConfigFieldScope = {}) =>
    [
      'refold',
      scope,
      'configs',
      slug,
      'rule',
      fieldId,
      lhs,
      {
        configId: where.configId ?? null,
        workflowId: where.workflowId ?? null,
        ...(where.connectionId !== undefined && { connectionId: where.connectionId }),
      },
    ] as const,
  /** Workflow pages. */
  workflows: (scope: string, params?: WorkflowListParams) =>
    params ? (['refold', scope, 'workflows', params] as const) : (['refold', scope, 'workflows'] as const),
  /** Workflows enabled for the customer. */
  enabledWorkflows: (scope: string) => ['refold', scope, 'enabled-workflows'] as const,
  /** Execution pages (and, below them, single executions). */
  executions: (scope: string, params?: ExecutionListParams) =>
    params
      ? (['refold', scope, 'executions', 'list', params] as const)
      : (['refold', scope, 'executions'] as const),
  /** One execution. */
  execution: (scope: string, id: string) => ['refold', scope, 'executions', 'detail', id] as const,
  /** The customer's linked account. */
  linkedAccount: (scope: string) => ['refold', scope, 'linked-account'] as const,
  /** A page of a run's node batches (below the run's executions key). */
  nodeBatches: (scope: string, params: NodeBatchesParams) =>
    ['refold', scope, 'executions', 'batches', params] as const,
  /** The customer's variable values: pages (`params`) and single values (`definitionId`) below. */
  variables: (scope: string, params?: VariableListParams) =>
    params
      ? (['refold', scope, 'variables', 'list', params] as const)
      : (['refold', scope, 'variables'] as const),
  /** Every value of the customer, read page by page (below the variables key). */
  allVariables: (scope: string, params: AllVariablesParams = {}) =>
    ['refold', scope, 'variables', 'all', params] as const,
  /** The value of one variable definition. */
  variable: (scope: string, definitionId: string) =>
    ['refold', scope, 'variables', 'value', definitionId] as const,
  /** MCP servers: pages (`params`) and single servers below. */
  mcpServers: (scope: string, params?: PageParams) =>
    params
      ? (['refold', scope, 'mcp-servers', 'list', params] as const)
      : (['refold', scope, 'mcp-servers'] as const),
  /** One MCP server. */
  mcpServer: (scope: string, id: string) => ['refold', scope, 'mcp-servers', 'detail', id] as const,
  /**
   * One human task. The key holds a fingerprint of the task id, never the id itself (the id is the task's
   * secret, and keys show in devtools and logs).
   */
  humanTask: (scope: string, taskId: string) => ['refold', scope, 'human-task', fingerprint(taskId)] as const,
};

/** A short non-reversible fingerprint (FNV-1a, 2 × 32 bits) of a secret, for a cache key. */
function fingerprint(secret: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < secret.length; i += 1) {
    const code = secret.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x811c9dc5) >>> 0;
  }
  return a.toString(36) + b.toString(36);
}
