import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noSessionToken } from '../../src/core/human-tasks.js';
import type { FetchToken } from '../../src/core/token.js';
import {
  refoldKeys,
  useCreateMcpServer,
  useExecuteWorkflow,
  useExecution,
  useExecutions,
  useHumanTask,
  useMcpServers,
  useNodeBatches,
  useRemoveMcpServer,
  useRerunExecution,
  useAllVariables,
  useSetVariable,
  useStopExecution,
  useSubmitHumanTask,
  useUpdateMcpServer,
  useVariable,
  useVariables,
} from '../../src/react/index.js';
import { mockVariableDefinitions, mockWorkflows } from '../../src/testing/mock-refold/index.js';
import { manyVariableDefinitions, storeFeatureValues } from '../many-variables.js';
import { fakeClock } from '../timing.js';
import { renderRefoldHook, setupMockServer, testQueryClient } from './utils.js';

const definitions = manyVariableDefinitions(150);
const { mock, sent } = setupMockServer({ variableDefinitions: definitions });
afterEach(() => vi.useRealTimers());
const slackWorkflow = mockWorkflows.find((w) => w.slug === 'slack' && w.published)!;
const REGION = mockVariableDefinitions.find((d) => d.name === 'REGION')!._id;
const SECRET = mockVariableDefinitions.find((d) => d.name === 'SIGNING_SECRET')!._id;

describe('run-control hooks', () => {
  it('useExecuteWorkflow starts a run that useExecution follows, and refetches the run list', async () => {
    const { result } = renderRefoldHook(mock, () => ({ runs: useExecutions(), run: useExecuteWorkflow() }));
    await waitFor(() => expect(result.current.runs.isSuccess).toBe(true));
    const answer = await act(() =>
      result.current.run.mutateAsync({ workflowId: slackWorkflow._id, slug: 'slack' }),
    );
    await waitFor(() => expect(sent().filter((r) => r.path === '/api/v2/public/execution')).toHaveLength(2));
    const follow = renderRefoldHook(mock, () => useExecution(answer.execution_id!));
    await waitFor(() => expect(follow.result.current.data?.status).toBe('RUNNING'));
  });

  it('useStopExecution stops the run and refetches it', async () => {
    const started = renderRefoldHook(mock, () => useExecuteWorkflow());
    const { execution_id } = await act(() =>
      started.result.current.mutateAsync({ workflowId: slackWorkflow._id, slug: 'slack' }),
    );
    const { result } = renderRefoldHook(mock, () => ({
      run: useExecution(execution_id!),
      stop: useStopExecution(),
    }));
    await waitFor(() => expect(result.current.run.data?.status).toBe('RUNNING'));
    await act(() => result.current.stop.mutateAsync(execution_id!));
    await waitFor(() => expect(result.current.run.data?.status).toBe('STOPPED'));
  });

  it('useExecution keeps following a queued run until it ends', async () => {
    const account = mock.account('customer-a');
    const [first, ...rest] = account.executions();
    account.setExecutions([{ ...first!, status: 'QUEUED' }, ...rest]);
    const advance = fakeClock();
    const { result } = renderRefoldHook(mock, () => useExecution(first!._id));
    await waitFor(() => expect(result.current.data?.status).toBe('QUEUED'));
    account.setExecutions([{ ...first!, status: 'COMPLETED' }, ...rest]);
    await advance(3_000);
    await waitFor(() => expect(result.current.data?.status).toBe('COMPLETED'));
  });

  it('useRerunExecution answers the new run’s id', async () => {
    const { result } = renderRefoldHook(mock, () => ({
      runs: useExecutions({ status: 'ERRORED' }),
      rerun: useRerunExecution(),
    }));
    await waitFor(() => expect(result.current.runs.data?.docs.length).toBeGreaterThan(0));
    const failed = result.current.runs.data!.docs[0]!;
    const answer = await act(() => result.current.rerun.mutateAsync(failed._id!));
    expect(answer.id).toBeTruthy();
    expect(answer.id).not.toBe(failed._id);
  });

  it('useNodeBatches reads a page of a node’s batches', async () => {
    const run = mock
      .account('customer-a')
      .executions()
      .find((r) => (r.nodes?.length ?? 0) > 0)!;
    const nodeId = run.nodes![0]!.node_id;
    const { result } = renderRefoldHook(mock, () =>
      useNodeBatches({ executionId: run._id, nodeId, limit: 5 }),
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.limit).toBe(5);
    expect(sent().at(-1)?.path).toBe(`/api/v2/public/execution/${run._id}/nodes/${nodeId}/batches`);
  });
});

describe('variable hooks', () => {
  it('useSetVariable writes and refetches useVariable and useVariables', async () => {
    const { result } = renderRefoldHook(mock, () => ({
      one: useVariable(REGION),
      all: useVariables(),
      set: useSetVariable(),
    }));
    await waitFor(() => expect(result.current.one.isSuccess).toBe(true));
    expect(result.current.one.data).toBeNull();
    await act(() => result.current.set.mutateAsync({ definitionId: REGION, value: 'eu' }));
    await waitFor(() => expect(result.current.one.data?.value).toBe('eu'));
    await waitFor(() => expect(result.current.all.data?.docs).toHaveLength(1));
  });

  it('useAllVariables reads every page of values, and a write reads them all again', async () => {
    storeFeatureValues(mock, 'customer-a', definitions);
    const lists = () => sent().filter((r) => r.path === '/api/v2/public/env/values/linked_account');
    const { result } = renderRefoldHook(mock, () => ({ all: useAllVariables(), set: useSetVariable() }));
    await waitFor(() => expect(result.current.all.isSuccess).toBe(true));
    expect(result.current.all.data).toMatchObject({ complete: true });
    expect(result.current.all.data!.docs).toHaveLength(150);
    expect(lists().map((r) => r.query['page'])).toEqual(['1', '2']);
    await act(() => result.current.set.mutateAsync({ definitionId: REGION, value: 'eu' }));
    await waitFor(() => expect(result.current.all.data!.docs).toHaveLength(151));
    expect(lists().map((r) => r.query['page'])).toEqual(['1', '2', '1', '2']);
  });

  it('shows an encrypted value as set, never as a value', async () => {
    const { result } = renderRefoldHook(mock, () => ({ one: useVariable(SECRET), set: useSetVariable() }));
    await act(() => result.current.set.mutateAsync({ definitionId: SECRET, value: 'whsec_123456' }));
    await waitFor(() => expect(result.current.one.data?.encrypted).toBe(true));
    expect(JSON.stringify(result.current.one.data)).not.toContain('whsec_123456');
    expect(result.current.one.data?.value).toBeUndefined();
  });
});

describe('MCP server hooks', () => {
  it('create, update and remove refetch the list', async () => {
    const { result } = renderRefoldHook(mock, () => ({
      list: useMcpServers(),
      create: useCreateMcpServer(),
      update: useUpdateMcpServer(),
      remove: useRemoveMcpServer(),
    }));
    await waitFor(() => expect(result.current.list.data?.docs).toEqual([]));
    const created = await act(() =>
      result.current.create.mutateAsync({ name: 'Agent', description: 'Helps' }),
    );
    await waitFor(() => expect(result.current.list.data?.docs).toHaveLength(1));
    await act(() => result.current.update.mutateAsync({ id: created._id, fields: { name: 'Renamed' } }));
    await waitFor(() => expect(result.current.list.data?.docs[0]?.name).toBe('Renamed'));
    await act(() => result.current.remove.mutateAsync(created._id));
    await waitFor(() => expect(result.current.list.data?.docs).toEqual([]));
  });
});

describe('human-task hooks', () => {
  it('read and answer a task with no session token, and keep the id out of the query cache', async () => {
    const id = mock.createHumanTask();
    const fetchToken = vi.fn<FetchToken>(noSessionToken);
    const queryClient = testQueryClient();
    const { result } = renderRefoldHook(
      mock,
      () => ({ task: useHumanTask(id), submit: useSubmitHumanTask(id) }),
      { fetchToken, queryClient },
    );
    await waitFor(() => expect(result.current.task.data?.status).toBe('WAITING'));
    await act(() => result.current.submit.mutateAsync({ decision: 'approve' }));
    await waitFor(() => expect(result.current.task.data?.status).toBe('SUBMITTED'));
    expect(fetchToken).not.toHaveBeenCalled();
    expect(sent().every((r) => r.headers.authorization === undefined)).toBe(true);
    const keys = queryClient
      .getQueryCache()
      .getAll()
      .map((q) => q.queryHash);
    expect(keys.join(' ')).not.toContain(id);
    expect(keys).toContain(JSON.stringify(refoldKeys.humanTask('default', id)));
  });
});
