import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ExecutionDetail } from '../../src/components/ExecutionDetail/index.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';

const ACCOUNT = 'detail-customer';

describe('ExecutionDetail', () => {
  const { mock, sent } = setupMockWorker();
  const stateOf = (container: HTMLElement) => container.firstElementChild!.getAttribute('data-state');
  const runWith = (status: string) => {
    const account = mock.account(ACCOUNT);
    const runs = account.executions();
    const run = runs.find((r) => (r.nodes?.length ?? 0) > 0)!;
    account.setExecutions([{ ...run, status }, ...runs.filter((r) => r._id !== run._id)]);
    return run;
  };

  it('stops a running run', async () => {
    const run = runWith('RUNNING');
    const screen = renderRefold(<ExecutionDetail executionId={run._id} />, {
      mock,
      linkedAccountId: ACCOUNT,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Stop run' }));
    await expect.poll(() => stateOf(screen.container)).toBe('ended');
    expect(sent().some((r) => r.path === `/api/v2/public/execution/${run._id}/stop`)).toBe(true);
    expect(screen.getByText('Stopped')).toBeTruthy();
    await userEvent.unhover(screen.getByRole('button', { name: 'Run again' }));
    await expectNoAxeViolations(screen.container);
  });

  it('reruns an ended run and hands over the new run’s id', async () => {
    const run = runWith('ERRORED');
    const onRerun = vi.fn();
    const screen = renderRefold(<ExecutionDetail executionId={run._id} onRerun={onRerun} />, {
      mock,
      linkedAccountId: ACCOUNT,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Run again' }));
    await expect.poll(() => onRerun.mock.calls.length).toBe(1);
    expect(onRerun.mock.calls[0]![0]).toMatch(/^67c3/);
    await userEvent.unhover(screen.getByRole('button', { name: 'Run again' }));
    await expectNoAxeViolations(screen.container);
  });

  it('pages through a step’s batches', async () => {
    const run = runWith('COMPLETED');
    // A step with at least three batches (the mock's count per step is fixed by the ids).
    const token = mock.mintToken(ACCOUNT);
    const totals = await Promise.all(
      run.nodes!.map(async (step) => {
        const url = `https://app.refold.ai/api/v2/public/execution/${run._id}/nodes/${step.node_id}/batches?limit=1`;
        const answer = await mock.handler(
          new Request(url, { headers: { authorization: `Bearer ${token}` } }),
        );
        return ((await answer.json()) as { totalDocs: number }).totalDocs;
      }),
    );
    const node = run.nodes![totals.findIndex((total) => total >= 3)]!;
    const screen = renderRefold(<ExecutionDetail executionId={run._id} batchPageSize={2} />, {
      mock,
      linkedAccountId: ACCOUNT,
    });
    await userEvent.click(await screen.findByRole('button', { name: `Show batches of ${node.node_name}` }));
    const list = await screen.findByRole('list', { name: `Batches of ${node.node_name}` });
    expect(list.querySelectorAll('li')).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await expect.poll(() => screen.queryByText('Batch 3')).toBeTruthy();
    const last = sent()
      .filter((r) => r.path.endsWith('/batches'))
      .at(-1);
    expect(last?.path).toBe(`/api/v2/public/execution/${run._id}/nodes/${node.node_id}/batches`);
    expect(last?.query).toEqual({ page: '2', limit: '2' });
    await userEvent.unhover(screen.getByRole('button', { name: 'Next' }));
    await expectNoAxeViolations(screen.container);
  });

  it('says, without an error, when Refold cannot list a run’s batches (501)', async () => {
    const account = mock.account(ACCOUNT);
    const runs = account.executions();
    const run = runs.find((r) => (r.nodes?.length ?? 0) > 0)!;
    account.setExecutions([
      { ...run, status: 'COMPLETED', executed_by_thanos: true },
      ...runs.filter((r) => r !== run),
    ]);
    const node = run.nodes![0]!;
    const screen = renderRefold(<ExecutionDetail executionId={run._id} />, {
      mock,
      linkedAccountId: ACCOUNT,
    });
    await userEvent.click(await screen.findByRole('button', { name: `Show batches of ${node.node_name}` }));
    expect((await screen.findByText('Batches can’t be listed for this run.')).textContent).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
