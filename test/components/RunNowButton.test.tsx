import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { RunNowButton } from '../../src/components/RunNowButton/index.js';
import { mockWorkflows } from '../../src/testing/mock-refold/index.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';

const ACCOUNT = 'run-customer';
const workflow = mockWorkflows.find((w) => w.slug === 'slack' && w.published)!;
const EXECUTE = { method: 'POST', path: `/api/v2/public/workflow/${workflow._id}/execute` };

describe('RunNowButton', () => {
  const { mock, sent } = setupMockWorker();
  const stateOf = (container: HTMLElement) => container.firstElementChild!.getAttribute('data-state');

  it('starts the run (slug header, Bearer only), shows it running, then finished, and passes axe', async () => {
    const held = mock.hold(EXECUTE);
    const onFinished = vi.fn();
    const screen = renderRefold(
      <RunNowButton workflowId={workflow._id} slug="slack" onFinished={onFinished} />,
      {
        mock,
        linkedAccountId: ACCOUNT,
      },
    );
    await expectNoAxeViolations(screen.container);
    await userEvent.click(screen.getByRole('button', { name: 'Run now' }));
    const request = await held.arrived;
    expect(request.headers.slug).toBe('slack');
    expect(request.headers['x-api-key']).toBeUndefined();
    expect(stateOf(screen.container)).toBe('starting');
    expect(screen.getByRole('button', { name: 'Run now' }).getAttribute('aria-disabled')).toBe('true');
    held.release();
    await expect.poll(() => stateOf(screen.container)).toBe('running');
    expect(screen.getByRole('status').textContent).toMatch(/^Running…/);
    await expectNoAxeViolations(screen.container);
    // The run ends on Refold's side; the button sees it at its next poll (every 3 s while running).
    const runId = mock.account(ACCOUNT).executions()[0]!._id;
    mock.account(ACCOUNT).setExecutions(
      mock
        .account(ACCOUNT)
        .executions()
        .map((run) =>
          run._id === runId ? { ...run, status: 'COMPLETED', completion_percentage: 100 } : run,
        ),
    );
    await expect.poll(() => stateOf(screen.container), { timeout: 8_000 }).toBe('completed');
    expect(screen.getByRole('status').textContent).toBe('The run completed.');
    expect(onFinished).toHaveBeenCalledOnce();
    expect(sent().filter((r) => r.path === EXECUTE.path)).toHaveLength(1);
  });

  it('shows Refold’s refusal with a retry, keeping the button usable', async () => {
    mock.inject(EXECUTE, {
      status: 400,
      body: { error: 'BAD_REQUEST', message: 'Workflow is not published' },
    });
    const screen = renderRefold(<RunNowButton workflowId={workflow._id} slug="slack" />, { mock });
    await userEvent.click(screen.getByRole('button', { name: 'Run now' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Workflow is not published');
    expect(stateOf(screen.container)).toBe('error');
    await expectNoAxeViolations(screen.container);
  });
});
