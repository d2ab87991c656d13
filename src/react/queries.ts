import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ExecutionListParams, RefoldClient, WorkflowListParams } from '../core/client.js';
import type { RefoldError } from '../core/errors.js';
import type { HumanTask } from '../core/human-tasks.js';
import type { McpServer } from '../core/mcp-servers.js';
import type { PageParams } from '../core/resource.js';
import type { RuleColumnOptions } from '../core/rule-options.js';
import type { ExecutionBatch, NodeBatchesParams } from '../core/run-controls.js';
import type {
  AllVariablesParams,
  VariableListParams,
  VariableValue,
  VariableValueList,
} from '../core/variables.js';
import type {
  Application,
  Config,
  ConfigField,
  EnabledWorkflow,
  Execution,
  LinkedAccount,
  Page,
  Workflow,
} from '../core/types.js';
import { configIdToSend } from './config-id.js';
import { refoldKeys } from './keys.js';
import type { RefoldQueryOptions } from './options.js';

/**
 * What a Refold query reads with. In a component, `useRefoldQueries()` binds the provider's; elsewhere (a
 * router loader, a server render) build it yourself and give it to {@link createRefoldQueries}.
 */
export interface RefoldQueryContext {
  /** The client that sends the requests: `useRefold()` in a component, else `createRefoldClient({ … })`. */
  client: RefoldClient;
  /**
   * The customer, as `RefoldProvider`'s `scope` (`'default'` when the provider has none): the second element
   * of every key, so data prefetched for one customer only ever answers that customer's hooks.
   */
  scope: string;
  /**
   * The QueryClient the data will live in (the one given to `RefoldProvider`). One app starts from its
   * cached app list, and a field read names the cached default config, as the hooks do.
   */
  queryClient: QueryClient;
}

/**
 * How long each kind of Refold data stays fresh, in ms: within it, a remount or another hook reading the same
 * data sends no request. Every factory of {@link refoldQueries} (so every query hook) takes its `staleTime`
 * from here; a hook's own `staleTime` option wins.
 */
export const refoldStaleTimes = {
  /** The app list and single apps (a connect or disconnect refetches them at once). @defaultValue 30 s */
  applications: 30_000,
  /** A config (a save replaces it with Refold's answer). @defaultValue 30 s */
  config: 30_000,
  /** Options of a dynamic or dependent config field. @defaultValue 1 min */
  fieldOptions: 60_000,
  /** Operators and values of a rule-engine column. @defaultValue 5 min */
  ruleOptions: 5 * 60_000,
  /** Workflow pages. @defaultValue 1 min */
  workflows: 60_000,
  /** The workflows enabled for the customer. @defaultValue 30 s */
  enabledWorkflows: 30_000,
  /** Execution pages and single executions (running ones are polled as well). @defaultValue 10 s */
  executions: 10_000,
  /** The customer's linked account. @defaultValue 5 min */
  linkedAccount: 5 * 60_000,
  /** The customer's variable values (a write refetches them). @defaultValue 30 s */
  variables: 30_000,
  /** MCP servers (a write refetches them). @defaultValue 30 s */
  mcpServers: 30_000,
  /** A human task (answering it refetches it). @defaultValue 30 s */
  humanTask: 30_000,
} as const;

/**
 * What every Refold query shares: its key, its freshness from {@link refoldStaleTimes}, and no TanStack
 * retries. Retries live in the core client only (429 backoff with `Retry-After`, network retries of reads,
 * one replay after a 401), so TanStack Query never retries on top of it.
 */
function base<Key extends QueryKey>(resource: keyof typeof refoldStaleTimes, queryKey: Key) {
  return { queryKey, staleTime: refoldStaleTimes[resource], retry: false } as const;
}

/**
 * Polling interval of a run (or page of runs) under way. Like every `refetchInterval` of TanStack Query, it
 * pauses while the page is hidden (`refetchIntervalInBackground` is left off) and ends with the last
 * component reading the query.
 */
const RUNNING_REFETCH_INTERVAL = 3_000;

/** True when a stored value counts as set (not empty, not an empty list). @internal */
export function hasValue(value: unknown): boolean {
  return !(
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** True for a non-empty string: the slug or id a query needs before it sends anything. */
const isGiven = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** True while a run is executing: `RUNNING` or `STOPPING` (not a run still waiting to start). */
export function isRunning(execution: Pick<Execution, 'status'>): boolean {
  return execution.status === 'RUNNING' || execution.status === 'STOPPING';
}

/**
 * True while a run is not over: `RUNNING`, `STOPPING`, or `QUEUED` (waiting to start: a status newer than the
 * documented ones). The one definition of "still going": `useExecution` polls a run, and `useExecutions` a
 * page with at least one run, while it holds. `COMPLETED`, `ERRORED`, `STOPPED` and `TIMED_OUT` are over.
 *
 * Any other status (Refold's statuses are an open list) counts as over, so it is **not** polled: it may as
 * well be a final one, and polling forever on it would be worse than a row that refreshes only on the usual
 * occasions (mount, window focus, reconnect, once stale).
 */
export function isUnderWay(execution: Pick<Execution, 'status'>): boolean {
  return isRunning(execution) || execution.status === 'QUEUED';
}

/** Which config {@link refoldQueries}`.config` reads. */
export interface ConfigQueryInput {
  /** App slug. */
  slug: string;
  /** Config id; the customer's default config when left out. */
  configId?: string;
  /** Labels for a config created on first use. */
  labels?: Record<string, string>;
  /** The connection whose config it is, for an app with several connections (sent as `connection_id`). */
  connectionId?: string;
}

/** Which field {@link refoldQueries}`.fieldOptions` reads. */
export interface FieldOptionsQueryInput {
  /** App slug. */
  slug: string;
  /** Field id. */
  fieldId: string;
  /**
   * The config the field belongs to, as given to `useConfig`; left out: the default config. Sent as
   * `config_id` (for the default config, its id once loaded).
   */
  configId?: string;
  /** The workflow the field belongs to, for workflow fields (sent as `workflow_id`). */
  workflowId?: string;
  /** The connection whose config it is, for an app with several connections (sent as `connection_id`). */
  connectionId?: string;
  /**
   * For a dependent field: its parent's id and **stored** value. Nothing loads while that value is empty,
   * and the options are cached per stored value. Reading never writes the parent: Refold computes the
   * options from the stored config, so store a changed parent first, once, with `useSetConfigField`, and
   * pass its value here after that write succeeded.
   */
  parent?: { id: string; value: unknown };
}

/** Which rule-engine options {@link refoldQueries}`.ruleOptions` reads. */
export interface RuleOptionsQueryInput {
  /** App slug. */
  slug: string;
  /** Id of the rule-engine field. */
  fieldId: string;
  /** The left-hand column chosen; nothing is loaded until there is one. */
  lhs: string | undefined;
  /** The config the field belongs to, as given to `useConfig`; left out: the default config. */
  configId?: string;
  /** The workflow the field belongs to, for workflow fields. */
  workflowId?: string;
  /** The connection whose config it is, for an app with several connections. */
  connectionId?: string;
}

/** Which execution page {@link refoldQueries}`.executions` reads. */
export interface ExecutionsQueryInput extends ExecutionListParams {
  /** How often to refetch while a run on the page is under way (see `isUnderWay`), in ms. @defaultValue 3_000 */
  runningRefetchInterval?: number;
}

/**
 * The query options of every Refold resource, built with TanStack Query's `queryOptions`: the key (from
 * `refoldKeys`), the request, the freshness (from {@link refoldStaleTimes}) and no TanStack retries. Every
 * query hook is these options plus the hook's own `enabled` / `staleTime` / `refetchInterval`, so data
 * prefetched, suspended on or hydrated with them is the very data the hooks read.
 *
 * Each factory takes a {@link RefoldQueryContext} first; `useRefoldQueries()` (in a component) and
 * {@link createRefoldQueries} (anywhere) give them with that context already bound.
 *
 * @example
 * // Prefetch (e.g. on hover), then the hook mounts with the data and sends no request.
 * await queryClient.prefetchQuery(refoldQueries.config({ client, scope, queryClient }, { slug: 'hubspot' }));
 *
 * @example
 * // Suspense: the component suspends until the app list is there.
 * const refold = useRefoldQueries();
 * const { data: apps } = useSuspenseQuery(refold.applications(), refold.queryClient);
 */
export const refoldQueries = {
  /** The app catalog with the customer's connections (`useApplications`). */
  applications: (context: RefoldQueryContext) =>
    queryOptions<Application[], RefoldError>({
      ...base('applications', refoldKeys.applications(context.scope)),
      queryFn: ({ signal }) => context.client.applications.list({ signal }),
    }),

  /** One app; starts from the cached app list, with that list's age (`useApplication`). */
  application: (context: RefoldQueryContext, slug: string) => {
    const { client, scope, queryClient } = context;
    const listKey = refoldKeys.applications(scope);
    return queryOptions<Application, RefoldError>({
      ...base('applications', refoldKeys.application(scope, slug)),
      queryFn: ({ signal }) => client.applications.get(slug, { signal }),
      initialData: () => queryClient.getQueryData<Application[]>(listKey)?.find((app) => app.slug === slug),
      initialDataUpdatedAt: () => queryClient.getQueryState(listKey)?.dataUpdatedAt,
      enabled: isGiven(slug),
    });
  },

  /** A config, created with defaults on first use (`useConfig`). */
  config: (context: RefoldQueryContext, input: ConfigQueryInput) => {
    const { slug, configId, labels, connectionId } = input;
    return queryOptions<Config, RefoldError>({
      ...base('config', refoldKeys.config(context.scope, slug, configId, connectionId)),
      queryFn: ({ signal }) =>
        context.client.configs.getOrCreate({ slug, configId, labels, connectionId }, { signal }),
      enabled: isGiven(slug),
    });
  },

  /**
   * A config field with its options: a read (`POST` with an empty body) scoped with `config_id` and
   * `workflow_id`, never a write (`useFieldOptions`).
   */
  fieldOptions: (context: RefoldQueryContext, input: FieldOptionsQueryInput) => {
    const { client, scope, queryClient } = context;
    const { slug, fieldId, configId, workflowId, parent, connectionId } = input;
    const where = { configId, workflowId, parentValue: parent?.value, connectionId };
    return queryOptions<ConfigField, RefoldError>({
      ...base('fieldOptions', refoldKeys.fieldOptions(scope, slug, fieldId, where)),
      queryFn: ({ signal }) =>
        client.configs.field(
          {
            slug,
            fieldId,
            configId: configIdToSend(queryClient, scope, slug, configId, connectionId),
            workflowId,
            connectionId,
          },
          { signal },
        ),
      enabled: (parent === undefined || hasValue(parent.value)) && Boolean(slug) && Boolean(fieldId),
    });
  },

  /** Operators and right-hand choices of a rule-engine column (`useRuleOptions`). */
  ruleOptions: (context: RefoldQueryContext, input: RuleOptionsQueryInput) => {
    const { client, scope, queryClient } = context;
    const { slug, fieldId, lhs = '', configId, workflowId, connectionId } = input;
    return queryOptions<RuleColumnOptions, RefoldError>({
      ...base(
        'ruleOptions',
        refoldKeys.ruleOptions(scope, slug, fieldId, lhs, { configId, workflowId, connectionId }),
      ),
      queryFn: ({ signal }) =>
        client.configs.ruleOptions(
          {
            slug,
            fieldId,
            lhs,
            configId: configIdToSend(queryClient, scope, slug, configId, connectionId),
            workflowId,
            connectionId,
          },
          { signal },
        ),
      enabled: Boolean(slug && fieldId && lhs),
    });
  },

  /** A page of workflows; the previous page stays while the next loads (`useWorkflows`). */
  workflows: (context: RefoldQueryContext, params: WorkflowListParams = {}) =>
    queryOptions<Page<Workflow>, RefoldError>({
      ...base('workflows', refoldKeys.workflows(context.scope, params)),
      queryFn: ({ signal }) => context.client.workflows.list(params, { signal }),
      placeholderData: keepPreviousData,
    }),

  /** The workflows enabled for the customer (`useEnabledWorkflows`). */
  enabledWorkflows: (context: RefoldQueryContext) =>
    queryOptions<EnabledWorkflow[], RefoldError>({
      ...base('enabledWorkflows', refoldKeys.enabledWorkflows(context.scope)),
      queryFn: ({ signal }) => context.client.workflows.enabled({ signal }),
    }),

  /**
   * A page of runs, newest first; the previous page stays while the next loads, and the page refetches
   * while any run on it is under way: queued, running or stopping, as `isUnderWay` says (`useExecutions`).
   */
  executions: (context: RefoldQueryContext, input: ExecutionsQueryInput = {}) => {
    const { runningRefetchInterval = RUNNING_REFETCH_INTERVAL, ...params } = input;
    return queryOptions<Page<Execution>, RefoldError>({
      ...base('executions', refoldKeys.executions(context.scope, params)),
      queryFn: ({ signal }) => context.client.executions.list(params, { signal }),
      placeholderData: keepPreviousData,
      refetchInterval: (query) => (query.state.data?.docs.some(isUnderWay) ? runningRefetchInterval : false),
    });
  },

  /** One run with its nodes; refetched every 3 s while it is under way (`useExecution`). */
  execution: (context: RefoldQueryContext, id: string) =>
    queryOptions<Execution, RefoldError>({
      ...base('executions', refoldKeys.execution(context.scope, id)),
      queryFn: ({ signal }) => context.client.executions.get(id, { signal }),
      enabled: isGiven(id),
      refetchInterval: (query) =>
        query.state.data && isUnderWay(query.state.data) ? RUNNING_REFETCH_INTERVAL : false,
    }),

  /** The linked account the session token belongs to (`useLinkedAccount`). */
  linkedAccount: (context: RefoldQueryContext) =>
    queryOptions<LinkedAccount, RefoldError>({
      ...base('linkedAccount', refoldKeys.linkedAccount(context.scope)),
      queryFn: ({ signal }) => context.client.linkedAccount({ signal }),
    }),

  /** A page of a fan-out node's batches; the previous page stays while the next loads (`useNodeBatches`). */
  nodeBatches: (context: RefoldQueryContext, params: NodeBatchesParams) =>
    queryOptions<Page<ExecutionBatch>, RefoldError>({
      ...base('executions', refoldKeys.nodeBatches(context.scope, params)),
      queryFn: ({ signal }) => context.client.executions.nodeBatches(params, { signal }),
      placeholderData: keepPreviousData,
      enabled: Boolean(params.executionId && params.nodeId),
    }),

  /** A page of the customer's variable values (`useVariables`). */
  variables: (context: RefoldQueryContext, params: VariableListParams = {}) =>
    queryOptions<Page<VariableValue>, RefoldError>({
      ...base('variables', refoldKeys.variables(context.scope, params)),
      queryFn: ({ signal }) => context.client.variables.list(params, { signal }),
    }),

  /** Every value of the customer, read page by page up to a bound (`useAllVariables`). */
  allVariables: (context: RefoldQueryContext, params: AllVariablesParams = {}) =>
    queryOptions<VariableValueList, RefoldError>({
      ...base('variables', refoldKeys.allVariables(context.scope, params)),
      queryFn: ({ signal }) => context.client.variables.listAll(params, { signal }),
    }),

  /** The value of one definition, `null` when none is set (`useVariable`). */
  variable: (context: RefoldQueryContext, definitionId: string) =>
    queryOptions<VariableValue | null, RefoldError>({
      ...base('variables', refoldKeys.variable(context.scope, definitionId)),
      queryFn: ({ signal }) => context.client.variables.get(definitionId, { signal }),
      enabled: isGiven(definitionId),
    }),

  /** A page of MCP servers, newest first (`useMcpServers`). */
  mcpServers: (context: RefoldQueryContext, params: PageParams = {}) =>
    queryOptions<Page<McpServer>, RefoldError>({
      ...base('mcpServers', refoldKeys.mcpServers(context.scope, params)),
      queryFn: ({ signal }) => context.client.mcpServers.list(params, { signal }),
      placeholderData: keepPreviousData,
    }),

  /** One MCP server (`useMcpServer`). */
  mcpServer: (context: RefoldQueryContext, id: string) =>
    queryOptions<McpServer, RefoldError>({
      ...base('mcpServers', refoldKeys.mcpServer(context.scope, id)),
      queryFn: ({ signal }) => context.client.mcpServers.get(id, { signal }),
      enabled: isGiven(id),
    }),

  /** A human task, read without credentials (`useHumanTask`); its key holds no task id. */
  humanTask: (context: RefoldQueryContext, taskId: string) =>
    queryOptions<HumanTask, RefoldError>({
      ...base('humanTask', refoldKeys.humanTask(context.scope, taskId)),
      queryFn: ({ signal }) => context.client.humanTasks.get(taskId, { signal }),
      enabled: isGiven(taskId),
    }),
};

type Bound<Factory> = Factory extends (context: RefoldQueryContext, ...args: infer Args) => infer Options
  ? (...args: Args) => Options
  : never;

/**
 * The factories of {@link refoldQueries} bound to one client, customer and QueryClient, with that
 * QueryClient (give it to `prefetchQuery`, `useSuspenseQuery(options, queryClient)` …).
 */
export type RefoldQueries = {
  readonly [Name in keyof typeof refoldQueries]: Bound<(typeof refoldQueries)[Name]>;
} & {
  /** The QueryClient the options are meant for. */
  readonly queryClient: QueryClient;
};

/**
 * The factories of {@link refoldQueries} bound to `context`, for use outside components: a router loader,
 * an event handler outside the provider, a server render (see the README for hydration). In a component
 * under `RefoldProvider`, `useRefoldQueries()` gives the same, bound to the provider.
 *
 * @example
 * // On the server: the same scope as the browser's RefoldProvider.
 * const queryClient = new QueryClient();
 * const client = createRefoldClient({ fetchToken: () => mintSessionToken(user.id) });
 * const refold = createRefoldQueries({ client, scope: user.id, queryClient });
 * await queryClient.prefetchQuery(refold.applications());
 * const state = dehydrate(queryClient); // → <HydrationBoundary state={state}> in the browser
 */
export function createRefoldQueries(context: RefoldQueryContext): RefoldQueries {
  const bound: Record<string, unknown> = { queryClient: context.queryClient };
  for (const [name, factory] of Object.entries(refoldQueries) as [string, AnyFactory][]) {
    bound[name] = (...args: unknown[]) => factory(context, ...args);
  }
  return bound as RefoldQueries;
}

type AnyFactory = (context: RefoldQueryContext, ...args: unknown[]) => unknown;

/**
 * A factory's options with a hook's own options on top: `enabled: false` holds the request back (a factory's
 * own condition, such as "a slug is given", still applies), and `staleTime` / `refetchInterval` replace the
 * factory's when given. @internal
 */
export function withQueryOptions<Options extends { enabled?: unknown }>(
  options: Options,
  own: RefoldQueryOptions,
): Options {
  return {
    ...options,
    enabled: own.enabled !== false && options.enabled !== false,
    ...(own.staleTime !== undefined && { staleTime: own.staleTime }),
    ...(own.refetchInterval !== undefined && { refetchInterval: own.refetchInterval }),
  };
}
