import type { ExecutionListParams, WorkflowListParams } from '../core/client.js';

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
};
