import { render as renderWithoutProvider } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HumanTaskForm } from '../../src/components/HumanTaskForm/index.js';
import { noSessionToken } from '../../src/core/human-tasks.js';
import type { FetchToken } from '../../src/core/token.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';

describe('HumanTaskForm', () => {
  const { mock, sent } = setupMockWorker();
  const stateOf = (container: HTMLElement) => container.firstElementChild!.getAttribute('data-state');
  const render = (taskId: string, onSubmitted = vi.fn()) => {
    const fetchToken = vi.fn<FetchToken>(noSessionToken);
    const screen = renderRefold(<HumanTaskForm taskId={taskId} onSubmitted={onSubmitted} />, {
      mock,
      fetchToken,
    });
    return { screen, fetchToken, onSubmitted };
  };

  it('answers a task end to end without a session token, once, and never shows its id', async () => {
    const id = mock.createHumanTask();
    const submit = mock.hold({ method: 'POST', path: `/api/v2/public/human-tasks/${id}` });
    const { screen, fetchToken, onSubmitted } = render(id);
    const approve = await screen.findByRole('radio', { name: 'approve' });
    expect(screen.getByRole('group', { name: /Decision/ })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Order' }) as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Order' }) as HTMLInputElement).value).toBe('SO-1042');
    expect((screen.getByRole('checkbox', { name: 'Notify the customer' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(screen.getByText('Shown to the customer when rejected.')).toBeTruthy();
    await expectNoAxeViolations(screen.container);

    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(screen.getByText('This field is required.')).toBeTruthy();
    expect(sent().filter((r) => r.method === 'POST')).toHaveLength(0);

    await userEvent.click(approve);
    await userEvent.fill(screen.getByRole('textbox', { name: 'Comment' }), 'Fine by me');
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    const request = await submit.arrived;
    expect(stateOf(screen.container)).toBe('submitting');
    // A second click while the answer is on its way sends nothing (a DOM click: Playwright would wait for
    // the aria-disabled button to enable).
    screen.getByRole('button', { name: 'Submitting…' }).click();
    screen.getByRole('button', { name: 'Submitting…' }).closest('form')!.requestSubmit();
    submit.release();
    await expect.poll(() => stateOf(screen.container)).toBe('submitted');
    expect(screen.getByRole('status').textContent).toBe('Thank you: your answer was sent.');
    await expectNoAxeViolations(screen.container);

    expect(request.body).toEqual({ data: { decision: 'approve', comment: 'Fine by me', notify: true } });
    expect(sent().filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(onSubmitted).toHaveBeenCalledOnce();
    expect(mock.humanTask(id)?.status).toBe('SUBMITTED');
    expect(fetchToken).not.toHaveBeenCalled();
    expect(sent().every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(screen.container.innerHTML).not.toContain(id);
  });

  it('says when the task was already answered, and shows no form', async () => {
    const id = mock.createHumanTask({ status: 'SUBMITTED' });
    const { screen } = render(id);
    await expect.poll(() => stateOf(screen.container)).toBe('answered');
    expect(screen.getByRole('status').textContent).toBe('This task has already been answered.');
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();
    await expectNoAxeViolations(screen.container);
  });

  it('says when the task expired', async () => {
    const id = mock.createHumanTask({ expiresInMs: -1000 });
    const { screen } = render(id);
    await expect.poll(() => stateOf(screen.container)).toBe('expired');
    expect(screen.getByRole('status').textContent).toMatch(/expired/);
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('says when the link is not valid', async () => {
    const { screen } = render('ht_unknown_task_id');
    await expect.poll(() => stateOf(screen.container)).toBe('not-found');
    expect(screen.getByRole('status').textContent).toMatch(/no longer valid/);
    await expectNoAxeViolations(screen.container);
  });

  it('shows the answered state when Refold refuses a late answer', async () => {
    const id = mock.createHumanTask();
    const { screen } = render(id);
    await userEvent.click(await screen.findByRole('radio', { name: 'reject' }));
    // Someone else answers first.
    await fetch(`https://app.refold.ai/api/v2/public/human-tasks/${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { decision: 'approve' } }),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await expect.poll(() => stateOf(screen.container)).toBe('answered');
  });

  it('works on a page with no RefoldProvider at all: no token, no credentials', async () => {
    const id = mock.createHumanTask();
    const screen = renderWithoutProvider(<HumanTaskForm taskId={id} />);
    await userEvent.click(await screen.findByRole('radio', { name: 'reject' }));
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await expect.poll(() => mock.humanTask(id)?.status).toBe('SUBMITTED');
    expect(mock.humanTask(id)?.data['decision']).toBe('reject');
    expect(sent().every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(sent().some((r) => r.path.includes('session-token'))).toBe(false);
    screen.unmount();
  });
});
