/**
 * Run controls: stop and rerun a run, a node's batches (paged; 501 for runs of the newer engine), and a
 * workflow run on demand (`POST /workflow/{id}/execute`, header `slug` required, synchronous or not). Runs
 * started here or by an event complete {@link RUN_MS} later on the mock clock.
 *
 * @module
 */
import { MOCK_ORG_ID, hashString, seededRandom } from '../fixtures.js';
import { HttpError, badRequest, json, notFound, paginate } from '../http.js';
import { positiveInt, requireObject } from '../routing.js';
import type { AddRoute } from '../routing.js';
import { appOr404 } from '../state.js';
import type { AccountState, ExecutionRecord, MockState } from '../state.js';
import { randomHex } from '../tokens.js';
import type { MockApp, MockExecution, MockWorkflow } from '../types.js';
import { executionsOf } from './executions.js';

/** How long a run started by an event, a rerun or an asynchronous execute takes (mock clock). */
export const RUN_MS = 3_000;

/** Statuses of a run that is still going: it can be stopped, not rerun. */
const ACTIVE = new Set(['RUNNING', 'QUEUED', 'STOPPING']);

/** What starts a run. */
export interface RunStart {
  /** The workflow's app. */
  app: MockApp;
  /** The workflow that runs. */
  workflow: Pick<MockWorkflow, '_id' | 'name'>;
  /** The config it runs with. */
  configId: string;
  /** The event that started it, if any. */
  event?: string;
  /** What the run receives. */
  input: unknown;
  /** Ends at once (a synchronous execute). */
  completed?: boolean;
}

/** Adds a new run to the account, newest first: RUNNING until {@link RUN_MS} later, or COMPLETED at once. */
export function startRun(state: MockState, account: AccountState, start: RunStart): ExecutionRecord {
  const time = state.settings.now();
  const id = `67c3${randomHex(20)}`;
  const { app, workflow, completed = false } = start;
  const doc: MockExecution = {
    _id: id,
    name: workflow.name,
    status: completed ? 'COMPLETED' : 'RUNNING',
    associated_application: {
      _id: app.app_id,
      name: app.name,
      icon: app.icon ?? `/mock-assets/icons/${app.slug}.svg`,
    },
    associated_workflow: { _id: workflow._id, name: workflow.name },
    environment: 'test',
    config_id: start.configId,
    linked_account_id: account.id,
    org_id: MOCK_ORG_ID,
    createdAt: new Date(time).toISOString(),
    updatedAt: new Date(time).toISOString(),
    completion_percentage: completed ? 100 : 0,
    nodes: [
      {
        node_id: `${id.slice(-6)}-n1`,
        node_name: 'Trigger',
        node_type: 'trigger',
        node_status: completed ? 'Success' : 'Waiting',
        attempts_made: 1,
        maximum_attempts: 3,
        input_data: structuredClone(start.input) ?? null,
        latest_output: null,
      },
    ],
  };
  if (start.event !== undefined) doc.trigger_application_event = start.event;
  const record: ExecutionRecord = { doc, slug: app.slug };
  if (!completed) record.completesAt = time + RUN_MS;
  executionsOf(state, account).unshift(record);
  return record;
}

function runOr404(state: MockState, account: AccountState, id: string | undefined): ExecutionRecord {
  const record = executionsOf(state, account).find((candidate) => candidate.doc._id === id);
  if (record === undefined) throw notFound(`Execution not found: ${id ?? ''}`);
  return record;
}

/** The batches of one node: a stable number (0–24) from its id, some failed. */
function batchesOf(run: MockExecution, nodeId: string): Record<string, unknown>[] {
  const random = seededRandom(hashString(`${run._id}:${nodeId}`));
  const count = Math.floor(random() * 25);
  const at = Date.parse(run.createdAt);
  return Array.from({ length: count }, (_, index) => ({
    _id: `${run._id.slice(-8)}b${String(index).padStart(3, '0')}`,
    batch_index: index,
    status: random() < 0.15 ? 'ERRORED' : 'COMPLETED',
    items: 1 + Math.floor(random() * 50),
    createdAt: new Date(at + index * 1000).toISOString(),
  }));
}

/** Stop, rerun, node batches and workflow execute. */
export function runControlRoutes(state: MockState, route: AddRoute): void {
  route('POST', '/api/v2/public/execution/:id/stop', 'bearer', (context) => {
    const record = runOr404(state, context.account, context.params['id']);
    const { doc } = record;
    if (!ACTIVE.has(doc.status)) throw badRequest(`Execution is not running (status ${doc.status})`);
    doc.status = 'STOPPED';
    doc.updatedAt = new Date(state.settings.now()).toISOString();
    for (const node of doc.nodes ?? []) if (node.node_status === 'Waiting') node.node_status = 'Stopped';
    record.completesAt = undefined;
    return json(200, { message: 'Execution stopped successfully' });
  });

  route('POST', '/api/v2/public/execution/:id/rerun', 'bearer', (context) => {
    const { doc, slug } = runOr404(state, context.account, context.params['id']);
    if (ACTIVE.has(doc.status)) throw badRequest(`Execution is still running (status ${doc.status})`);
    const app = appOr404(state, slug ?? '');
    const rerun = startRun(state, context.account, {
      app,
      workflow: doc.associated_workflow,
      configId: doc.config_id,
      event: doc.trigger_application_event,
      input: doc.nodes?.[0]?.input_data ?? null,
    });
    return json(200, { status: 'success', id: rerun.doc._id });
  });

  route('GET', '/api/v2/public/execution/:id/nodes/:nodeId/batches', 'bearer', (context) => {
    const { doc } = runOr404(state, context.account, context.params['id']);
    const pageNumber = positiveInt(context.query, 'page', 1);
    const limit = positiveInt(context.query, 'limit', 10, 100);
    if (doc.executed_by_thanos === true) {
      throw new HttpError(501, 'NOT_IMPLEMENTED', 'Batches are not available for this execution');
    }
    const nodeId = context.params['nodeId'] ?? '';
    if (!(doc.nodes ?? []).some((node) => node.node_id === nodeId)) {
      throw notFound(`Node not found: ${nodeId}`);
    }
    const status = context.query.get('status');
    const batches = batchesOf(doc, nodeId).filter(
      (batch) => status === null || status === '' || batch['status'] === status,
    );
    return json(200, paginate(batches, pageNumber, limit));
  });

  route('POST', '/api/v2/public/workflow/:workflowId/execute', 'bearer', (context) => {
    const slug = context.headers['slug'];
    if (slug === undefined || slug === '') throw badRequest('slug header is required');
    const app = appOr404(state, slug);
    const sync = context.headers['sync_execution'];
    if (sync !== undefined && sync !== 'true' && sync !== 'false') {
      throw badRequest('sync_execution must be "true" or "false"');
    }
    const id = context.params['workflowId'] ?? '';
    const workflow = state.workflows.find((candidate) => candidate._id === id);
    if (workflow === undefined || workflow.slug !== app.slug) throw notFound(`Workflow not found: ${id}`);
    if (!workflow.published) throw badRequest('Workflow is not published');
    const configId = context.headers['config_id'];
    if (configId !== undefined && context.account.configs.get(app.slug)?.get(configId) === undefined) {
      throw notFound(`Config not found: ${configId}`);
    }
    const payload = requireObject(context, true);
    const completed = sync === 'true';
    const { doc } = startRun(state, context.account, {
      app,
      workflow,
      configId: configId ?? context.account.id,
      input: payload,
      completed,
    });
    return json(200, {
      execution_id: doc._id,
      ...(completed && { return_value: { received: payload }, errored: false, status_code: 200 }),
      executed_by_thanos: false,
    });
  });
}
