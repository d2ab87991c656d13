/**
 * Executions: each account's runs (generated, or copied from the options, on first use), runs started by
 * events completing on the mock clock, and the list (paged, filtered) and single-run routes.
 *
 * @module
 */
import { generateExecutions } from '../fixtures.js';
import { badRequest, iconUrl, json, notFound, paginate } from '../http.js';
import { positiveInt } from '../routing.js';
import type { AddRoute } from '../routing.js';
import type { AccountState, ExecutionRecord, MockState } from '../state.js';
import { MOCK_EXECUTION_STATUSES, MOCK_QUEUED_STATUS } from '../types.js';
import type { MockExecution } from '../types.js';

/** The slug of the app a run belongs to. */
export function slugOfExecution(state: MockState, doc: MockExecution): string | undefined {
  const app = state.apps.find(
    (candidate) =>
      candidate.app_id === doc.associated_application._id ||
      candidate.name === doc.associated_application.name,
  );
  return app?.slug;
}

/** The account's runs (seeded on first use); a run started by an event that is due now completes. */
export function executionsOf(state: MockState, account: AccountState): ExecutionRecord[] {
  const { apps, workflows } = state;
  if (account.executions === undefined) {
    const { executions: source, now } = state.settings;
    const docs =
      source === undefined
        ? generateExecutions({ linkedAccountId: account.id, apps, workflows, now: now() })
        : Array.isArray(source)
          ? structuredClone(source)
          : source({ linkedAccountId: account.id, apps, workflows, now: now() });
    account.executions = docs.map((doc) => ({ doc, slug: slugOfExecution(state, doc) }));
  }
  const time = state.settings.now();
  for (const record of account.executions) {
    if (record.completesAt !== undefined && record.doc.status === 'RUNNING' && time >= record.completesAt) {
      record.doc.status = 'COMPLETED';
      record.doc.completion_percentage = 100;
      record.doc.updatedAt = new Date(record.completesAt).toISOString();
      for (const node of record.doc.nodes ?? []) node.node_status = 'Success';
      record.completesAt = undefined;
    }
  }
  return account.executions;
}

/** A status the list route filters by: a documented one, or the newer `QUEUED`. */
function isExecutionStatus(value: string): boolean {
  return (MOCK_EXECUTION_STATUSES as readonly string[]).includes(value) || value === MOCK_QUEUED_STATUS;
}

/** The run list and one run. */
export function executionRoutes(state: MockState, route: AddRoute): void {
  const executionToWire = (doc: MockExecution, origin: string): MockExecution => {
    const copy = structuredClone(doc);
    const slug = slugOfExecution(state, doc) ?? 'app';
    if (copy.associated_application.icon !== undefined) {
      copy.associated_application.icon = iconUrl(origin, copy.associated_application.icon, slug);
    }
    return copy;
  };

  route('GET', '/api/v2/public/execution', 'bearer', (context) => {
    const { query } = context;
    const pageNumber = positiveInt(query, 'page', 1);
    const limit = positiveInt(query, 'limit', 10, 100);
    const list = (name: string): string[] | undefined => {
      const raw = query.get(name);
      return raw === null || raw === '' ? undefined : raw.split(',').map((part) => part.trim());
    };
    const slugs = list('slug');
    const statuses = list('status');
    const bad = statuses?.find((status) => !isExecutionStatus(status));
    if (bad !== undefined) {
      const allowed = [...MOCK_EXECUTION_STATUSES, MOCK_QUEUED_STATUS].join(', ');
      throw badRequest(`status must be one of ${allowed} (got "${bad}")`);
    }
    const date = (name: string): number | undefined => {
      const raw = query.get(name);
      if (raw === null || raw === '') return undefined;
      const value = Date.parse(raw);
      if (Number.isNaN(value)) throw badRequest(`${name} must be an ISO 8601 date`);
      return value;
    };
    const start = date('start_date');
    const end = date('end_date');
    const workflowIdFilter = query.get('workflow_id');
    const workflowName = query.get('workflow_name')?.toLowerCase();
    const filtered = executionsOf(state, context.account)
      .filter((record) => slugs === undefined || (record.slug !== undefined && slugs.includes(record.slug)))
      .filter((record) => statuses === undefined || statuses.includes(record.doc.status))
      .filter(
        (record) =>
          workflowIdFilter === null ||
          workflowIdFilter === '' ||
          record.doc.associated_workflow._id === workflowIdFilter,
      )
      .filter(
        (record) =>
          workflowName === undefined ||
          workflowName === '' ||
          record.doc.associated_workflow.name.toLowerCase().includes(workflowName),
      )
      .filter((record) => {
        const at = Date.parse(record.doc.createdAt);
        return (start === undefined || at >= start) && (end === undefined || at <= end);
      })
      .sort((a, b) => Date.parse(b.doc.createdAt) - Date.parse(a.doc.createdAt))
      .map((record) => executionToWire(record.doc, context.origin));
    // Real execution pages may carry only totalDocs, limit, page, totalPages and hasNextPage.
    return json(200, paginate(filtered, pageNumber, limit, true));
  });

  route('GET', '/api/v2/public/execution/:id', 'bearer', (context) => {
    const record = executionsOf(state, context.account).find(
      (candidate) => candidate.doc._id === context.params['id'],
    );
    if (record === undefined) throw notFound(`Execution not found: ${context.params['id'] ?? ''}`);
    // The single run comes without its `_id`, as real answers may.
    const { _id: _omitted, ...run } = executionToWire(record.doc, context.origin);
    return json(200, run);
  });
}
