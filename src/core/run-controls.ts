/**
 * Run controls a session token reaches: stop and rerun a run, page through a fan-out node's batches
 * (`client.executions.stop/rerun/nodeBatches`), and run a workflow now (`client.workflows.execute`). The
 * models, the checks of their answers and the methods, in one place.
 *
 * @module
 */
import { objectArg, optionalTextArg, slugArg, textArg } from './args.js';
import type { RequestOptions } from './client.js';
import { RefoldApiError } from './errors.js';
import { pageQuery } from './resource.js';
import type { PageParams, Send } from './resource.js';
import type { Page } from './types.js';
import {
  bool,
  checker,
  id,
  isDict,
  merge,
  message,
  num,
  obj,
  page,
  reader,
  refuseReportedFailure,
  str,
} from './validate.js';
import type { Check, Checker } from './validate.js';

/** Answer of a stop: Refold's `MessageOnly`. */
export interface StopExecutionResult {
  /** Refold's message; empty when it sent none. */
  message: string;
}

/** Answer of a rerun: the new run (`{ status, id }` in the reference). */
export interface RerunExecutionResult {
  /** Id of the new run, when Refold says (`id`, or `_id`). */
  id?: string;
  /** Its status, as Refold sends it. */
  status?: string;
  /** Anything else Refold sends. */
  [key: string]: unknown;
}

/**
 * One batch of a fan-out node (Refold's `InstanceBatch`). The reference gives it no fields: everything is
 * kept as sent; `_id` and `status` are read when present.
 */
export interface ExecutionBatch {
  /** Batch id, when Refold sends one. */
  _id?: string;
  /** Batch status (open string), when Refold sends one. */
  status?: string;
  /** Anything else Refold sends. */
  [key: string]: unknown;
}

/**
 * Answer of a workflow run (`InstanceExecutionResult`). A synchronous run (`sync: true`) answers once the run
 * ended, with what it returned; an asynchronous one answers at once, usually with `execution_id` only.
 */
export interface WorkflowRunResult {
  /** The run, to follow with `executions.get`; absent when Refold does not say. */
  execution_id?: string;
  /** What the workflow returned (synchronous runs), shaped by its author. */
  return_value?: unknown;
  /** The run failed (synchronous runs). */
  errored?: boolean;
  /** The HTTP status a response node chose. */
  status_code?: number;
  /** Run by Refold's newer engine: its node batches cannot be listed (501). */
  executed_by_thanos?: boolean;
  /** What went wrong, as Refold sends it. */
  execution_error?: Record<string, unknown>;
  /** Anything else Refold sends. */
  [key: string]: unknown;
}

/** Which batches {@link ExecutionControlMethods.nodeBatches} lists. */
export interface NodeBatchesParams extends PageParams {
  /** The run. */
  executionId: string;
  /** The fan-out node of the run (`node_id`). */
  nodeId: string;
  /** Only batches with this status (as Refold names it). */
  status?: string;
}

/** What {@link WorkflowRunMethods.execute} runs. */
export interface ExecuteWorkflowInput {
  /** The workflow (published, and owned by the customer or the org). */
  workflowId: string;
  /** Its app's slug (the `slug` header, which Refold requires). */
  slug: string;
  /** The config to run with (`config_id` header). @defaultValue the customer's default config */
  configId?: string;
  /**
   * Wait for the run to end (`sync_execution: true`) and answer with what it returned. A run longer than
   * the client's `timeoutMs` then fails with a `RefoldTimeoutError` (the run goes on): follow long runs
   * asynchronously. @defaultValue false
   */
  sync?: boolean;
  /** The run's input: the body, which Refold hands the workflow as its `payload`. */
  payload?: Record<string, unknown>;
}

/** Stop, rerun and node batches of a run (part of `client.executions`). */
export interface ExecutionControlMethods {
  /** Stops a running run (Refold marks it stopped). */
  stop(id: string, options?: RequestOptions): Promise<StopExecutionResult>;
  /** Runs a failed or stopped run again with its original input: a new run. */
  rerun(id: string, options?: RequestOptions): Promise<RerunExecutionResult>;
  /**
   * A page of a fan-out node's batches. For a run executed by Refold's newer engine
   * (`executed_by_thanos: true`) Refold answers 501: a `RefoldApiError` with `status` 501 that says so.
   */
  nodeBatches(params: NodeBatchesParams, options?: RequestOptions): Promise<Page<ExecutionBatch>>;
}

/** Running a workflow now (part of `client.workflows`). */
export interface WorkflowRunMethods {
  /** Runs a workflow for the customer, synchronously or not (see {@link ExecuteWorkflowInput.sync}). */
  execute(input: ExecuteWorkflowInput, options?: RequestOptions): Promise<WorkflowRunResult>;
}

const dict: Check<Record<string, unknown>> = (value, path) => ({ ...obj(value, path) });

/** Checks a rerun's answer `{ status, id }`; a reported `error` is a failure. */
export const rerunResult: Checker<RerunExecutionResult> = checker((value, path, warn) => {
  const o = isDict(value) ? value : {};
  refuseReportedFailure(o, path);
  const read = reader(o, path, warn);
  return merge<RerunExecutionResult>(o, {
    id: read('id', id) ?? read('_id', id),
    status: read('status', str),
  });
});

/** Checks a page of node batches: each an object, kept as sent. */
export const batchPage = page<ExecutionBatch>((value, path, warn) => {
  const o = obj(value, path);
  const read = reader(o, path, warn);
  return merge<ExecutionBatch>(o, { _id: read('_id', id), status: read('status', str) });
});

/** Checks a workflow run's answer; every field is optional, a reported `error` without a run is a failure. */
export const workflowRunResult: Checker<WorkflowRunResult> = checker((value, path, warn) => {
  const o = isDict(value) ? value : {};
  if (o.execution_id === undefined) refuseReportedFailure(o, path);
  const read = reader(o, path, warn);
  return merge<WorkflowRunResult>(o, {
    execution_id: read('execution_id', id),
    errored: read('errored', bool),
    status_code: read('status_code', num),
    executed_by_thanos: read('executed_by_thanos', bool),
    execution_error: read('execution_error', dict),
  });
});

/** The run-control methods, as the client groups them. @internal */
export function runControlMethods(go: Send): {
  executions: ExecutionControlMethods;
  workflows: WorkflowRunMethods;
} {
  const executions: ExecutionControlMethods = {
    stop: (runId, opts) =>
      go('stopExecution', { id: textArg('executions.stop', 'id', runId) }, message, opts),
    rerun: (runId, opts) =>
      go('rerunExecution', { id: textArg('executions.rerun', 'id', runId) }, rerunResult, opts),
    nodeBatches: (params, opts) => {
      const where = 'executions.nodeBatches';
      const path = {
        id: textArg(where, 'executionId', params?.executionId),
        nodeId: textArg(where, 'nodeId', params.nodeId),
      };
      const query = { ...pageQuery(where, params), status: optionalTextArg(where, 'status', params.status) };
      return go('listNodeBatches', path, batchPage, opts, { query }).catch((error: unknown) => {
        if (!(error instanceof RefoldApiError) || error.status !== 501) throw error;
        throw new RefoldApiError({
          status: 501,
          httpErrorType: error.httpErrorType,
          apiCode: error.apiCode,
          message:
            'Refold does not list node batches of a run executed by its newer engine (executed_by_thanos); ' +
            'only the run and its nodes are available.',
        });
      });
    },
  };
  const workflows: WorkflowRunMethods = {
    execute: (input, opts) => {
      const where = 'workflows.execute';
      const workflowId = textArg(where, 'workflowId', input?.workflowId);
      const headers: Record<string, string> = {
        slug: slugArg(where, input.slug),
        sync_execution: String(input.sync === true),
      };
      const configId = optionalTextArg(where, 'configId', input.configId);
      if (configId !== undefined) headers.config_id = configId;
      return go('executeWorkflow', { workflowId }, workflowRunResult, opts, {
        headers,
        body: objectArg(where, 'payload', input.payload),
      });
    },
  };
  return { executions, workflows };
}
