import { describe, expect, it, vi } from 'vitest';
import { RefoldApiError, RefoldNetworkError, RefoldResponseError } from '../../src/core/errors.js';
import type { RefoldError } from '../../src/core/errors.js';
import { useMockRefold } from './setup-mock.js';

const env = useMockRefold();

describe('human tasks over HTTP, without credentials', () => {
  it('reads a task without fetching a token or sending any credential', async () => {
    const { client, fetchToken } = env.client();
    const id = env.mock.createHumanTask();
    const task = await client.humanTasks.get(id);
    expect(task).toMatchObject({ name: 'Approve refund', status: 'WAITING', data: { order: 'SO-1042' } });
    expect(task.form_structure).toMatchObject({ type: 'object', required: ['decision'] });
    expect(task._id).toBe(id);
    expect(fetchToken).not.toHaveBeenCalled();
    const request = env.mock.requests.at(-1)!;
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers['x-api-key']).toBeUndefined();
  });

  it('submits the answer once; a second submission is a 400', async () => {
    const { client, fetchToken } = env.client();
    const id = env.mock.createHumanTask();
    await client.humanTasks.submit(id, { decision: 'approve', comment: 'OK' });
    expect(env.mock.requests.at(-1)!.body).toEqual({ data: { decision: 'approve', comment: 'OK' } });
    expect(env.mock.humanTask(id)).toMatchObject({ status: 'SUBMITTED', data: { decision: 'approve' } });
    const again = await client.humanTasks.submit(id, { decision: 'reject' }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(RefoldApiError);
    expect((again as RefoldApiError).status).toBe(400);
    expect(fetchToken).not.toHaveBeenCalled();
  });

  it('refuses a task without a form as a RefoldResponseError, and a 200 that reports an error as a RefoldApiError', async () => {
    const { client } = env.client();
    env.mock.inject(
      { method: 'GET', path: '/api/v2/public/human-tasks/t1' },
      { status: 200, body: { name: 'x' } },
    );
    await expect(client.humanTasks.get('t1')).rejects.toBeInstanceOf(RefoldResponseError);
    env.mock.inject(
      { method: 'POST', path: '/api/v2/public/human-tasks/t1' },
      { status: 200, body: { error: 'nope' } },
    );
    await expect(client.humanTasks.submit('t1', {})).rejects.toBeInstanceOf(RefoldApiError);
  });

  it('refuses an answer that misses a required field', async () => {
    const { client } = env.client();
    const id = env.mock.createHumanTask();
    const error = await client.humanTasks.submit(id, { comment: 'no decision' }).catch((e: unknown) => e);
    expect((error as RefoldApiError).status).toBe(400);
    expect(env.mock.humanTask(id)?.status).toBe('WAITING');
  });

  it('reads an expired task as TIMEOUT and refuses its answer', async () => {
    const { client } = env.client();
    const id = env.mock.createHumanTask({ expiresInMs: -1 });
    expect((await client.humanTasks.get(id)).status).toBe('TIMEOUT');
    const error = await client.humanTasks.submit(id, { decision: 'approve' }).catch((e: unknown) => e);
    expect((error as RefoldApiError).status).toBe(400);
  });

  it('never puts the task id in an error or the onError report, even when the server quotes it', async () => {
    const onError = vi.fn<(error: RefoldError) => void>();
    const { client } = env.client({ onError, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
    const id = env.mock.createHumanTask();
    env.mock.inject(
      { path: `/api/v2/public/human-tasks/${id}` },
      { status: 404, body: { error: 'NOT_FOUND', message: `Task ${id} not found` } },
    );
    const error = await client.humanTasks.get(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefoldApiError);
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(id);
    expect(onError.mock.calls.flat().map(String).join(' ')).not.toContain(id);
    env.mock.inject({ path: `/api/v2/public/human-tasks/${id}` }, { kind: 'network', times: 3 });
    const failure = await client.humanTasks.get(id).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RefoldNetworkError);
    expect((failure as Error).message).not.toContain(id);
    expect((failure as Error).cause).toBeUndefined();
  });
});
