import { within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ExecutionList } from '../../src/components/ExecutionList/index.js';
import type { Execution, Page } from '../../src/core/types.js';
import { MOCK_EXECUTION_STATUSES } from '../../src/testing/mock-refold/index.js';
import type { MockExecution } from '../../src/testing/mock-refold/index.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';
import { countFetches, fakeClock } from '../timing.js';

const LIST_PATH = '/api/v2/public/execution';
const ACCOUNT = 'test-customer';

/** A page envelope around `docs`, as Refold sends it. */
function pageOf(docs: Execution[], page = 1, totalPages = 1): Page<Execution> {
  return {
    docs,
    totalDocs: docs.length,
    limit: 10,
    page,
    totalPages,
    hasNextPage: page < totalPages,
    hasPrevPage: page > 1,
    nextPage: page < totalPages ? page + 1 : null,
    prevPage: page > 1 ? page - 1 : null,
  };
}

describe('ExecutionList', () => {
  const { mock, sent } = setupMockWorker();
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const runs = () => mock.account(ACCOUNT).executions();
  const lists = () => sent().filter((r) => r.method === 'GET' && r.path === LIST_PATH);
  /** The disclosure button of a run. */
  const toggleOf = (container: HTMLElement, id: string) =>
    container.querySelector<HTMLButtonElement>(`button[aria-controls$="-${id}"]`);

  async function renderList(props: Parameters<typeof ExecutionList>[0] = {}) {
    const screen = renderRefold(<ExecutionList {...props} />, { mock });
    await screen.findByRole('list', { name: 'Workflow runs' });
    const root = screen.container.querySelector<HTMLElement>('.refold-execution-list')!;
    return { ...screen, root };
  }

  it('lists runs with a labelled badge for every status and relative times, and passes axe', async () => {
    const screen = await renderList();
    expect(screen.root.dataset.state).toBe('ready');
    const items = within(screen.getByRole('list', { name: 'Workflow runs' })).getAllByRole('listitem');
    expect(items).toHaveLength(10);
    const labels = {
      COMPLETED: 'Completed',
      RUNNING: 'Running',
      ERRORED: 'Failed',
      STOPPED: 'Stopped',
      STOPPING: 'Stopping',
      TIMED_OUT: 'Timed out',
    };
    for (const [status, label] of Object.entries(labels)) {
      const badge = screen.container.querySelector(`.refold-execution-list__status[data-status="${status}"]`);
      expect(badge?.textContent).toContain(label);
      expect(badge?.querySelector('[aria-hidden="true"]')?.textContent).not.toBe('');
    }
    // A status newer than the documented ones (the mock's QUEUED runs): its own text, in a neutral badge.
    const queued = screen.container.querySelector('.refold-execution-list__status[data-status="unknown"]');
    expect(queued?.textContent).toContain('QUEUED');
    expect(queued?.closest('li')).toHaveAttribute('data-status', 'unknown');
    const first = runs()[0]!;
    const time = toggleOf(screen.container, first._id)!.querySelector('time')!;
    expect(time.dateTime).toBe(first.createdAt);
    expect(time.textContent).toBe('1 minute ago');
    expect(time.title).toMatch(/\d{4}/);
    expect(toggleOf(screen.container, first._id)).toHaveAttribute('aria-expanded', 'false');
    await expectNoAxeViolations(screen.container);
  });

  it('filters by status with status= and shows only those runs', async () => {
    const screen = await renderList();
    // The filter offers the documented statuses only.
    const filter = screen.getByRole('combobox', { name: 'Status' });
    expect([...filter.querySelectorAll('option')].map((o) => o.value)).toEqual([
      '',
      ...MOCK_EXECUTION_STATUSES,
    ]);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'ERRORED');
    await expect.poll(() => lists().at(-1)?.query['status']).toBe('ERRORED');
    await expect
      .poll(() =>
        [...screen.container.querySelectorAll('li[data-status]')].map((li) => li.getAttribute('data-status')),
      )
      .toEqual(
        runs()
          .filter((r) => r.status === 'ERRORED')
          .slice(0, 10)
          .map(() => 'ERRORED'),
      );
    expect(screen.root.dataset.state).toBe('ready');
  });

  it('pages next and previous, keeping the shown page while the next one loads', async () => {
    const screen = await renderList();
    const all = runs();
    const nav = screen.getByRole('navigation', { name: 'Pages of runs' });
    expect(nav).toHaveTextContent('Page 1 of 6');
    const previous = within(nav).getByRole('button', { name: 'Previous' });
    expect(previous).toHaveAttribute('aria-disabled', 'true');

    // The next page is held: the shown page stays, however slow the machine.
    const nextPage = mock.hold({ method: 'GET', path: LIST_PATH });
    await userEvent.click(within(nav).getByRole('button', { name: 'Next' }));
    await nextPage.arrived;
    expect(nav).toHaveTextContent('Page 2 of 6');
    expect(screen.root).toHaveAttribute('aria-busy', 'true');
    expect(toggleOf(screen.container, all[0]!._id)).not.toBeNull();
    nextPage.release();
    await expect.poll(() => toggleOf(screen.container, all[10]!._id)).not.toBeNull();
    expect(toggleOf(screen.container, all[0]!._id)).toBeNull();
    expect(screen.root).not.toHaveAttribute('aria-busy');
    expect(lists().at(-1)?.query).toMatchObject({ page: '2', limit: '10' });
    expect(previous).not.toHaveAttribute('aria-disabled');
    await expectNoAxeViolations(screen.container);

    await userEvent.click(previous);
    await expect.poll(() => toggleOf(screen.container, all[0]!._id)).not.toBeNull();
    expect(nav).toHaveTextContent('Page 1 of 6');
    // Previous stays focusable on the first page (no lost focus) but does nothing.
    const before = lists().length;
    previous.focus();
    await userEvent.keyboard('{Enter}');
    expect(document.activeElement).toBe(previous);
    expect(lists()).toHaveLength(before);
  });

  it('expands a run with the keyboard to show its steps and attempts', async () => {
    const screen = await renderList();
    const errored = runs().find((r) => r.status === 'ERRORED')!;
    const toggle = toggleOf(screen.container, errored._id)!;
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    const steps = within(panel).getByRole('list', { name: 'Steps' });
    const rows = within(steps).getAllByRole('listitem');
    expect(rows).toHaveLength(errored.nodes!.length);
    const failed = errored.nodes!.find((n) => n.node_status === 'Errored')!;
    const failedRow = rows.find(
      (row) => row.textContent?.includes(failed.node_name) && row.dataset.status === 'Errored',
    )!;
    expect(failedRow).toHaveTextContent('Attempts: 3/3');
    await expectNoAxeViolations(screen.container);

    await userEvent.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(panel.hidden).toBe(true);
  });

  it('loads the full run when the list’s copy has no steps', async () => {
    const full = runs()[0]!;
    const withoutNodes = { ...full, nodes: undefined } as unknown as Execution;
    mock.inject({ method: 'GET', path: LIST_PATH }, { body: pageOf([withoutNodes]), times: 5 });
    const screen = await renderList();
    await userEvent.click(toggleOf(screen.container, full._id)!);
    const steps = await screen.findByRole('list', { name: 'Steps' });
    expect(within(steps).getAllByRole('listitem')).toHaveLength(full.nodes!.length);
    expect(sent().some((r) => r.path === `${LIST_PATH}/${full._id}`)).toBe(true);
  });

  it('shows a run without _id or createdAt and with an unknown status, its steps from the list', async () => {
    const base = runs()[0]!;
    const { _id: _drop, createdAt: _none, ...rest } = base;
    const odd = { ...rest, name: 'Nightly import', status: 'PAUSED_FOR_REVIEW' };
    // A short page envelope, as real answers may send.
    mock.inject(
      { method: 'GET', path: LIST_PATH },
      {
        body: { docs: [odd], totalDocs: 1, limit: 10, page: 1, totalPages: 1, hasNextPage: false },
        times: 5,
      },
    );
    const screen = await renderList();
    const row = screen.getByRole('listitem');
    expect(row).toHaveAttribute('data-status', 'unknown');
    expect(row.querySelector('.refold-execution-list__status')).toHaveTextContent('PAUSED FOR REVIEW');
    expect(row.querySelector('time')).toBeNull();
    await expectNoAxeViolations(screen.container);
    await userEvent.click(within(row).getByRole('button', { name: /Nightly import/ }));
    const steps = await screen.findByRole('list', { name: 'Steps' });
    expect(within(steps).getAllByRole('listitem')).toHaveLength(base.nodes!.length);
    expect(sent().filter((r) => r.path.startsWith(`${LIST_PATH}/`))).toHaveLength(0);
  });

  it('shows progress of running runs and refreshes them until they finish', async () => {
    const advance = fakeClock();
    const running: MockExecution = {
      ...runs().find((r) => r.status === 'RUNNING')!,
      completion_percentage: 40,
    };
    mock.account(ACCOUNT).setExecutions([running]);
    const screen = await renderList();
    const progress = screen.getByRole('progressbar', { name: '40% complete' });
    expect(progress).toHaveAttribute('value', '40');

    mock.account(ACCOUNT).setExecutions([{ ...running, status: 'COMPLETED', completion_percentage: 100 }]);
    await advance(3_000);
    await expect
      .poll(() => screen.container.querySelector('li[data-status]')?.getAttribute('data-status'))
      .toBe('COMPLETED');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('refreshes a page of queued runs every 3 s until each has ended, then sends nothing more', async () => {
    const advance = fakeClock();
    const fetches = countFetches(LIST_PATH);
    const queued = runs()
      .slice(0, 3)
      .map((run) => ({ ...run, status: 'QUEUED' }));
    mock.account(ACCOUNT).setExecutions(queued);
    const screen = await renderList();
    const statuses = () =>
      [...screen.container.querySelectorAll('li[data-status]')].map((li) => li.getAttribute('data-status'));
    expect(statuses()).toEqual(['unknown', 'unknown', 'unknown']);
    const first = fetches();
    await advance(3_000);
    await expect.poll(fetches).toBe(first + 1);
    await advance(3_000);
    await expect.poll(fetches).toBe(first + 2);

    // One run still waits: the page goes on refreshing.
    mock
      .account(ACCOUNT)
      .setExecutions([queued[0]!, ...queued.slice(1).map((r) => ({ ...r, status: 'COMPLETED' }))]);
    await advance(3_000);
    await expect.poll(statuses).toEqual(['unknown', 'COMPLETED', 'COMPLETED']);
    mock.account(ACCOUNT).setExecutions(queued.map((r) => ({ ...r, status: 'COMPLETED' })));
    await advance(3_000);
    await expect.poll(statuses).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    const settled = fetches();
    await advance(12_000);
    expect(fetches()).toBe(settled);
  });

  it('stops refreshing queued runs once the list unmounts', async () => {
    const advance = fakeClock();
    const fetches = countFetches(LIST_PATH);
    mock.account(ACCOUNT).setExecutions([{ ...runs()[0]!, status: 'QUEUED' }]);
    const screen = await renderList();
    screen.unmount();
    const gone = fetches();
    await advance(12_000);
    expect(fetches()).toBe(gone);
  });

  it('shows “No runs yet” and “No runs match” when there is nothing to list', async () => {
    mock.account(ACCOUNT).setExecutions(runs().filter((r) => r.status !== 'STOPPED'));
    const screen = await renderList();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'STOPPED');
    expect(await screen.findByText('No runs match this filter.')).toBeTruthy();
    expect(screen.root.dataset.state).toBe('empty');
    await expectNoAxeViolations(screen.container);
    screen.unmount();

    mock.account(ACCOUNT).setExecutions([]);
    const empty = renderRefold(<ExecutionList />, { mock });
    expect(await empty.findByText('No runs yet.')).toBeTruthy();
    expect(empty.queryByRole('navigation')).toBeNull();
  });

  it('shows loading, then an error with a retry that recovers', async () => {
    const load = mock.hold({ method: 'GET', path: LIST_PATH });
    mock.inject({ method: 'GET', path: LIST_PATH }, { status: 500 });
    const screen = renderRefold(<ExecutionList />, { mock });
    const root = screen.container.querySelector<HTMLElement>('.refold-execution-list')!;
    expect(root.dataset.state).toBe('loading');
    expect(root).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Loading runs…');
    await load.arrived;
    await expectNoAxeViolations(screen.container);
    load.release();
    const alert = await screen.findByRole('alert');
    expect(root.dataset.state).toBe('error');
    expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    await expectNoAxeViolations(screen.container);
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Workflow runs' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains a rate limit', async () => {
    mock.inject({ method: 'GET', path: LIST_PATH }, { status: 429, headers: { 'retry-after': '60' } });
    const screen = renderRefold(<ExecutionList />, { mock });
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many requests. Try again in 1 minute.');
  });

  it('passes slug, workflowId and page size to Refold', async () => {
    const hubspotRun = runs().find((r) => r.associated_application.name === 'HubSpot')!;
    renderRefold(
      <ExecutionList slug="hubspot" workflowId={hubspotRun.associated_workflow._id} pageSize={5} />,
      {
        mock,
      },
    );
    await expect.poll(() => lists().length).toBeGreaterThan(0);
    expect(lists()[0]!.query).toMatchObject({
      slug: 'hubspot',
      workflow_id: hubspotRun.associated_workflow._id,
      limit: '5',
      page: '1',
    });
  });

  it('renders hostile run, app and step names as text', async () => {
    const hostile = '<img src=x onerror="window.__hacked=1">';
    const base = runs()[0]!;
    const run = {
      ...base,
      name: hostile,
      associated_application: {
        ...base.associated_application,
        name: '<b>App</b>',
        icon: 'javascript:alert(1)',
      },
      nodes: [{ ...base.nodes![0]!, node_name: '<script>alert(1)</script>' }],
    } as Execution;
    // Served as is (the mock would rewrite the icon into one of its own).
    mock.inject({ method: 'GET', path: LIST_PATH }, { body: pageOf([run]), times: 5 });
    const screen = await renderList();
    const toggle = toggleOf(screen.container, base._id)!;
    expect(toggle).toHaveTextContent(hostile);
    expect(toggle).toHaveTextContent('<b>App</b>');
    await userEvent.click(toggle);
    expect(await screen.findByText('<script>alert(1)</script>')).toBeTruthy();
    expect(screen.container.querySelector('img, script, b')).toBeNull();
    expect((window as { __hacked?: number }).__hacked).toBeUndefined();
  });
});
