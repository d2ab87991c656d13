import { describe, expect, it } from 'vitest';
import { RefoldApiError, RefoldArgumentError } from '../../src/core/errors.js';
import { mockWorkflows } from '../../src/testing/mock-refold/index.js';
import { useMockRefold } from './setup-mock.js';

const env = useMockRefold();
const slackWorkflow = mockWorkflows.find((w) => w.slug === 'slack' && w.published)!;

function runOf(status: string, account = 'customer-a') {
  const run = env.mock
    .account(account)
    .executions()
    .find((r) => r.status === status);
  if (run === undefined) throw new Error(`no ${status} run in the fixtures`);
  return run;
}

describe('run controls over HTTP', () => {
  it('runs a workflow now with the slug header, sync_execution false, and the payload as body', async () => {
    const { client } = env.client();
    const result = await client.workflows.execute({
      workflowId: slackWorkflow._id,
      slug: 'slack',
      payload: { channel: '#general' },
    });
    expect(result.execution_id).toMatch(/^67c3/);
    const request = env.dataRequests().at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/api/v2/public/workflow/${slackWorkflow._id}/execute`);
    expect(request.headers.slug).toBe('slack');
    expect(request.headers.sync_execution).toBe('false');
    expect(request.headers.config_id).toBeUndefined();
    expect(request.headers.authorization).toMatch(/^Bearer /);
    expect(request.headers['x-api-key']).toBeUndefined();
    expect(request.body).toEqual({ channel: '#general' });
    const run = await client.executions.get(result.execution_id!);
    expect(run.status).toBe('RUNNING');
  });

  it('runs synchronously and answers what the workflow returned', async () => {
    const { client } = env.client();
    const result = await client.workflows.execute({
      workflowId: slackWorkflow._id,
      slug: 'slack',
      sync: true,
    });
    expect(result).toMatchObject({ errored: false, status_code: 200 });
    expect(result.return_value).toEqual({ received: {} });
    expect(env.dataRequests().at(-1)!.headers.sync_execution).toBe('true');
  });

  it('refuses an execute without a slug before sending anything', () => {
    const { client } = env.client();
    expect(() => client.workflows.execute({ workflowId: slackWorkflow._id, slug: '' })).toThrow(
      RefoldArgumentError,
    );
    expect(env.dataRequests()).toEqual([]);
  });

  it('answers a RefoldApiError 404 for a workflow of another app', async () => {
    const { client } = env.client();
    const error = await client.workflows
      .execute({ workflowId: slackWorkflow._id, slug: 'hubspot' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect((error as RefoldApiError).status).toBe(404);
  });

  it('stops a running run, which then reads STOPPED', async () => {
    const { client } = env.client();
    const { execution_id } = await client.workflows.execute({ workflowId: slackWorkflow._id, slug: 'slack' });
    const answer = await client.executions.stop(execution_id!);
    expect(answer.message).toMatch(/stopped/i);
    expect(env.dataRequests().at(-1)!.path).toBe(`/api/v2/public/execution/${execution_id!}/stop`);
    expect((await client.executions.get(execution_id!)).status).toBe('STOPPED');
  });

  it('answers a RefoldApiError 400 when stopping a run that already ended', async () => {
    const { client } = env.client();
    await client.linkedAccount();
    const error = await client.executions.stop(runOf('COMPLETED')._id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect((error as RefoldApiError).status).toBe(400);
  });

  it('reruns a failed run as a new run with its id', async () => {
    const { client } = env.client();
    await client.linkedAccount();
    const failed = runOf('ERRORED');
    const rerun = await client.executions.rerun(failed._id);
    expect(rerun.id).toMatch(/^67c3/);
    expect(rerun.id).not.toBe(failed._id);
    const run = await client.executions.get(rerun.id!);
    expect(run.name).toBe(failed.name);
    expect(run.status).toBe('RUNNING');
  });

  it('pages through a node’s batches and filters them by status', async () => {
    const { client } = env.client();
    await client.linkedAccount();
    const run = env.mock
      .account('customer-a')
      .executions()
      .find((r) => (r.nodes?.length ?? 0) > 0)!;
    const nodeId = run.nodes![0]!.node_id;
    const first = await client.executions.nodeBatches({ executionId: run._id, nodeId, limit: 5 });
    expect(first.limit).toBe(5);
    expect(first.docs.length).toBeLessThanOrEqual(5);
    expect(first.docs.every((batch) => typeof batch._id === 'string')).toBe(true);
    const request = env.dataRequests().at(-1)!;
    expect(request.path).toBe(`/api/v2/public/execution/${run._id}/nodes/${nodeId}/batches`);
    expect(request.query).toEqual({ limit: '5' });
    const errored = await client.executions.nodeBatches({ executionId: run._id, nodeId, status: 'ERRORED' });
    expect(errored.docs.every((batch) => batch.status === 'ERRORED')).toBe(true);
  });

  it('says why when Refold answers 501 for the batches of a run of its newer engine', async () => {
    const { client } = env.client();
    await client.linkedAccount();
    const account = env.mock.account('customer-a');
    const runs = account.executions();
    const run = runs[0]!;
    account.setExecutions([{ ...run, executed_by_thanos: true }, ...runs.slice(1)]);
    const error = await client.executions
      .nodeBatches({ executionId: run._id, nodeId: run.nodes?.[0]?.node_id ?? 'n1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect((error as RefoldApiError).status).toBe(501);
    expect((error as RefoldApiError).message).toMatch(/newer engine/);
  });
});
