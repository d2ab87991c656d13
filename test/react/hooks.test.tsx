import { focusManager, onlineManager } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RefoldApiError, RefoldNetworkError } from '../../src/core/errors.js';
import type { Config } from '../../src/core/types.js';
import {
  refoldKeys,
  useApplication,
  useApplications,
  useConfig,
  useConnect,
  useConnectUrl,
  useDisconnect,
  useEnabledWorkflows,
  useExecution,
  useExecutions,
  useFieldOptions,
  useLinkedAccount,
  useSetConfigField,
  useToggleWorkflow,
  useTriggerEvent,
  useUpdateConfig,
  useWorkflows,
} from '../../src/react/index.js';
import { fakeClock } from '../timing.js';
import { renderRefoldHook, testQueryClient, setupMockServer } from './utils.js';

const { mock, sent } = setupMockServer();
const APPS = '/api/v2/f-sdk/application';

afterEach(() => {
  onlineManager.setOnline(true);
  vi.useRealTimers();
});

describe('useApplications', () => {
  it('filters by search, tag and connection with select, sending no extra request', async () => {
    mock.account('customer-a').connect('slack');
    const { result, rerender } = renderRefoldHook(
      mock,
      (filters: Parameters<typeof useApplications>[0]) => useApplications(filters),
      { initialProps: {} },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const all = result.current.data!.length;
    rerender({ search: 'HUB' });
    expect(result.current.data?.map((a) => a.slug)).toEqual(['hubspot']);
    rerender({ tags: ['CRM'] });
    expect(result.current.data!.length).toBeGreaterThan(1);
    expect(result.current.data!.every((a) => a.tags?.includes('CRM'))).toBe(true);
    rerender({ connected: true });
    expect(result.current.data?.map((a) => a.slug)).toEqual(['slack']);
    rerender({ connected: false });
    expect(result.current.data).toHaveLength(all - 1);
    expect(sent()).toHaveLength(1);
  });

  it('lists as connected only the apps whose badge says connected (not expired, not unknown)', async () => {
    const base = { description: '', tags: [] };
    const account = (status?: string) => ({
      identifier: 'x',
      auth_type: 'oauth2',
      connectedAt: '2026-01-01',
      ...(status && { status }),
    });
    mock.inject(
      { path: APPS },
      {
        body: [
          { ...base, name: 'Active', slug: 'active', connected_accounts: [account()] },
          { ...base, name: 'Expired', slug: 'expired', connected_accounts: [account('expired')] },
          { ...base, name: 'Pending', slug: 'pending', connected_accounts: [account('pending')] },
          { ...base, name: 'Old', slug: 'old', connected: true, reauth_required: true },
          { ...base, name: 'Older', slug: 'older', connected: true },
        ],
      },
    );
    const { result } = renderRefoldHook(mock, () => useApplications({ connected: true }));
    await waitFor(() => expect(result.current.data?.map((a) => a.slug)).toEqual(['active', 'older']));
  });

  it('matches search without regard to case or accents', async () => {
    const { result } = renderRefoldHook(mock, () => useApplications({ search: 'ZÉNDÈSK' }));
    await waitFor(() => expect(result.current.data?.map((a) => a.slug)).toEqual(['zendesk']));
  });

  it('shows the error state for a malformed answer instead of crashing', async () => {
    mock.inject({ path: APPS }, { status: 200, body: { apps: 'not a list' } });
    const { result } = renderRefoldHook(mock, () => useApplications());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.name).toBe('RefoldResponseError');
  });
});

describe('useApplication', () => {
  it('starts from the cached list without a request', async () => {
    const queryClient = testQueryClient();
    const list = renderRefoldHook(mock, () => useApplications(), { queryClient });
    await waitFor(() => expect(list.result.current.isSuccess).toBe(true));
    const one = renderRefoldHook(mock, () => useApplication('slack'), { queryClient });
    expect(one.result.current.data?.slug).toBe('slack');
    expect(queryClient.isFetching()).toBe(0); // mounted, and no fetch started: no request will come
    expect(sent()).toHaveLength(1);
  });

  it('fetches the app when nothing is cached', async () => {
    const { result } = renderRefoldHook(mock, () => useApplication('hubspot'));
    await waitFor(() => expect(result.current.data?.name).toBe('HubSpot'));
    expect(sent().at(-1)?.path).toBe('/api/v2/f-sdk/application/hubspot');
  });
});

describe('useDisconnect', () => {
  it('disconnects, refetches exactly the list and that app, and reports it', async () => {
    mock.account('customer-a').connect('slack');
    const onEvent = vi.fn();
    const queryClient = testQueryClient();
    const { result } = renderRefoldHook(
      mock,
      () => ({
        list: useApplications({ connected: true }),
        slack: useApplication('slack'),
        hubspot: useApplication('hubspot'),
        disconnect: useDisconnect('slack'),
      }),
      { queryClient, onEvent },
    );
    await waitFor(() => expect(result.current.list.data?.map((a) => a.slug)).toEqual(['slack']));
    await waitFor(() => expect(result.current.hubspot.isSuccess).toBe(true));
    const hubspotFetches = () => sent().filter((r) => r.path.endsWith('/application/hubspot')).length;
    const before = hubspotFetches();
    await act(() => result.current.disconnect.mutateAsync({}));
    await waitFor(() => expect(result.current.list.data).toEqual([]));
    expect(result.current.slack.data?.connected_accounts ?? []).toHaveLength(0);
    expect(hubspotFetches()).toBe(before);
    expect(onEvent).toHaveBeenCalledWith({ type: 'disconnected', slug: 'slack' });
  });

  it('puts the app’s connect flow back to idle, so no button mounted later says "connected"', async () => {
    const { result } = renderRefoldHook(mock, () => ({
      connect: useConnect('quickbooks'),
      disconnect: useDisconnect('quickbooks'),
    }));
    await waitFor(() => expect(result.current.connect.app).toBeDefined());
    await act(() => result.current.connect.connect());
    expect(result.current.connect.status).toBe('connected');
    await act(() => result.current.disconnect.mutateAsync({}));
    expect(result.current.connect.status).toBe('idle');
    expect(mock.account('customer-a').connections('quickbooks')).toEqual([]);
  });

  it('useConnect reads idle, not connected, once the app’s refetched data says it was disconnected elsewhere', async () => {
    const queryClient = testQueryClient();
    const { result } = renderRefoldHook(mock, () => useConnect('quickbooks'), { queryClient });
    await waitFor(() => expect(result.current.app).toBeDefined());
    await act(() => result.current.connect());
    await waitFor(() => expect(result.current.app?.connected_accounts?.length).toBe(1));
    expect(result.current.status).toBe('connected');
    mock.account('customer-a').disconnect('quickbooks'); // another tab, or the server
    await act(() => queryClient.invalidateQueries());
    await waitFor(() => expect(result.current.app?.connected_accounts ?? []).toEqual([]));
    expect(result.current.status).toBe('idle');
    expect(result.current.isConnecting).toBe(false);
  });
});

describe('config hooks', () => {
  it('useConfig gets or creates the default config', async () => {
    const { result } = renderRefoldHook(mock, () => useConfig({ slug: 'hubspot' }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.config_id).toBe('customer-a');
    expect(result.current.data?.fields?.length).toBeGreaterThan(5);
  });

  it('useUpdateConfig saves, replaces the cached config and reports config-saved', async () => {
    const onEvent = vi.fn();
    const queryClient = testQueryClient();
    const { result } = renderRefoldHook(
      mock,
      () => ({ config: useConfig({ slug: 'hubspot' }), save: useUpdateConfig('hubspot') }),
      { queryClient, onEvent },
    );
    await waitFor(() => expect(result.current.config.isSuccess).toBe(true));
    await act(() => result.current.save.mutateAsync({ fields: { record_prefix: 'NEW-' } }));
    const cached = queryClient.getQueryData<Config>(refoldKeys.config('default', 'hubspot'));
    expect(cached?.fields?.find((f) => f.id === 'record_prefix')?.value).toBe('NEW-');
    expect(onEvent).toHaveBeenCalledWith({ type: 'config-saved', slug: 'hubspot', configId: 'customer-a' });
  });

  it('useUpdateConfig exposes Refold’s field errors per field', async () => {
    const { result } = renderRefoldHook(mock, () => ({
      config: useConfig({ slug: 'hubspot' }),
      save: useUpdateConfig('hubspot'),
    }));
    await waitFor(() => expect(result.current.config.isSuccess).toBe(true));
    await act(() =>
      result.current.save.mutateAsync({ fields: { default_owner: 'not an email', batch_size: 'many' } }),
    );
    await waitFor(() => expect(Object.keys(result.current.save.fieldErrors).length).toBeGreaterThan(0));
    expect(result.current.save.fieldErrors.default_owner).toMatch(/.+/);
  });

  it('useUpdateConfig reports a failed save as an error and keeps the cached config', async () => {
    const queryClient = testQueryClient();
    const { result } = renderRefoldHook(
      mock,
      () => ({ config: useConfig({ slug: 'hubspot' }), save: useUpdateConfig('hubspot') }),
      { queryClient },
    );
    await waitFor(() => expect(result.current.config.isSuccess).toBe(true));
    const before = queryClient.getQueryData(refoldKeys.config('default', 'hubspot'));
    mock.inject({ method: 'PUT', path: '/api/v2/f-sdk/config' }, { status: 500 });
    await act(() =>
      result.current.save.mutateAsync({ fields: { record_prefix: 'X' } }).catch(() => undefined),
    );
    await waitFor(() => expect(result.current.save.error).toBeInstanceOf(RefoldApiError));
    expect(queryClient.getQueryData(refoldKeys.config('default', 'hubspot'))).toBe(before);
  });

  it('useFieldOptions waits for the parent’s stored value, then loads the options for it', async () => {
    const { result } = renderRefoldHook(mock, () => {
      const config = useConfig({ slug: 'hubspot' });
      return {
        config,
        setField: useSetConfigField('hubspot'),
        stage: useFieldOptions({
          slug: 'hubspot',
          fieldId: 'stage',
          parent: { id: 'pipeline', value: config.data?.fields?.find((f) => f.id === 'pipeline')?.value },
        }),
      };
    });
    await waitFor(() => expect(result.current.config.isSuccess).toBe(true));
    expect(result.current.stage.fetchStatus).toBe('idle');
    expect(sent().some((r) => r.path.includes('/config/field/stage'))).toBe(false);
    await act(() => result.current.setField.mutateAsync({ fieldId: 'pipeline', value: 'support' }));
    await waitFor(() => expect(result.current.stage.data?.options?.map((o) => o.value)).toContain('solved'));
    await act(() => result.current.setField.mutateAsync({ fieldId: 'pipeline', value: 'sales' }));
    await waitFor(() => expect(result.current.stage.data?.options?.map((o) => o.value)).toContain('won'));
    expect(sent().filter((r) => r.method === 'PUT')).toHaveLength(2);
  });

  it('useToggleWorkflow shows the change at once and rolls it back when Refold refuses', async () => {
    const queryClient = testQueryClient();
    const { result } = renderRefoldHook(
      mock,
      () => ({ config: useConfig({ slug: 'hubspot' }), toggle: useToggleWorkflow('hubspot') }),
      { queryClient },
    );
    await waitFor(() => expect(result.current.config.isSuccess).toBe(true));
    const workflow = result.current.config.data!.workflows![0]!;
    const toggle = { method: 'PATCH', path: /\/workflows\// };
    const held = mock.hold(toggle);
    mock.inject(toggle, { status: 500 });
    act(() => result.current.toggle.mutate({ workflowId: workflow.id, enabled: !workflow.enabled }));
    await held.arrived;
    await waitFor(() =>
      expect(result.current.config.data?.workflows?.find((w) => w.id === workflow.id)?.enabled).toBe(
        !workflow.enabled,
      ),
    );
    held.release();
    await waitFor(() => expect(result.current.toggle.isError).toBe(true));
    expect(result.current.config.data?.workflows?.find((w) => w.id === workflow.id)?.enabled).toBe(
      workflow.enabled,
    );
  });

  it('useToggleWorkflow keeps the change, with no error, when Refold accepts it with the documented answer', async () => {
    const onEvent = vi.fn();
    const { result } = renderRefoldHook(
      mock,
      () => ({
        config: useConfig({ slug: 'hubspot' }),
        toggle: useToggleWorkflow('hubspot'),
        enabled: useEnabledWorkflows(),
      }),
      { onEvent },
    );
    await waitFor(() =>
      expect(result.current.config.isSuccess && result.current.enabled.isSuccess).toBe(true),
    );
    const workflow = result.current.config.data!.workflows![0]!;
    await act(() =>
      result.current.toggle.mutateAsync({ workflowId: workflow.id, enabled: !workflow.enabled }),
    );
    await waitFor(() =>
      expect(result.current.config.data?.workflows?.find((w) => w.id === workflow.id)?.enabled).toBe(
        !workflow.enabled,
      ),
    );
    expect(onEvent).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'workflow-toggled', workflowId: workflow.id }),
    );
    // Refold answered `{ workflows: [{ id, enabled }] }`, without names: a success, never rolled back.
    expect(result.current.toggle.data?.workflows.find((w) => w.id === workflow.id)).toEqual({
      id: workflow.id,
      enabled: !workflow.enabled,
    });
    expect(result.current.toggle.isError).toBe(false);
    expect(onEvent).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'error' }));
    expect(sent().filter((r) => r.path === '/api/v2/public/workflow/enabled')).toHaveLength(2);
  });
});

describe('workflows and runs', () => {
  it('useWorkflows pages and keeps the previous page while the next loads', async () => {
    const { result, rerender } = renderRefoldHook(mock, (page: number) => useWorkflows({ page, limit: 4 }), {
      initialProps: 1,
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const first = result.current.data!.docs[0]!._id;
    const next = mock.hold({ path: '/api/v2/public/workflow' });
    rerender(2);
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.data?.docs[0]?._id).toBe(first);
    await next.arrived;
    expect(result.current.isPlaceholderData).toBe(true);
    next.release();
    await waitFor(() => expect(result.current.data?.page).toBe(2));
    expect(result.current.data?.docs[0]?._id).not.toBe(first);
  });

  it('useExecutions keeps the previous page while the next loads', async () => {
    const { result, rerender } = renderRefoldHook(
      mock,
      (page: number) => useExecutions({ page, limit: 10 }),
      {
        initialProps: 1,
      },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const next = mock.hold({ path: '/api/v2/public/execution' });
    rerender(2);
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.data?.page).toBe(1);
    await next.arrived;
    expect(result.current.data?.page).toBe(1);
    next.release();
    await waitFor(() => expect(result.current.data?.page).toBe(2));
    expect(result.current.isPlaceholderData).toBe(false);
  });

  describe('useExecutions polling', () => {
    const listCalls = () => sent().filter((r) => r.path === '/api/v2/public/execution').length;

    /**
     * Gives the customer's runs the statuses `statusOf` picks and follows the first page, polled every
     * 100 ms on a fake clock; `finish()` completes every run.
     */
    async function followPage(statusOf: (index: number) => string) {
      const account = mock.account('customer-a');
      const runs = account.executions();
      account.setExecutions(runs.map((e, i) => ({ ...e, status: statusOf(i) })));
      const advance = fakeClock();
      const hook = renderRefoldHook(mock, () => useExecutions({ limit: 5, runningRefetchInterval: 100 }));
      await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
      const finish = () => account.setExecutions(runs.map((e) => ({ ...e, status: 'COMPLETED' })));
      /** Four intervals pass: a refetch still scheduled would have started, and every fetch has ended. */
      const settle = async () => {
        await advance(400);
        await waitFor(() => expect(hook.queryClient.isFetching()).toBe(0));
      };
      return { ...hook, advance, finish, settle };
    }

    afterEach(() => focusManager.setFocused(undefined));

    it.each([
      ['one run is RUNNING', (i: number) => (i === 0 ? 'RUNNING' : 'COMPLETED')],
      ['every run is only QUEUED', () => 'QUEUED'],
      ['one run is STOPPING', (i: number) => (i === 2 ? 'STOPPING' : 'TIMED_OUT')],
    ])('refetches while %s until the mock completes them, then stops', async (_, statusOf) => {
      const { result, finish, settle } = await followPage(statusOf);
      const shown = result.current.data?.docs.map((e) => e.status);
      expect(shown).toEqual([0, 1, 2, 3, 4].map(statusOf));
      await waitFor(() => expect(listCalls()).toBeGreaterThanOrEqual(3));
      expect(result.current.data?.docs.map((e) => e.status)).toEqual(shown);
      finish();
      await waitFor(() =>
        expect(result.current.data?.docs.every((e) => e.status === 'COMPLETED')).toBe(true),
      );
      const settled = listCalls();
      await settle();
      expect(listCalls()).toBe(settled);
    });

    it('does not poll a page whose only unfinished-looking runs have a status it does not know', async () => {
      const { result, settle } = await followPage((i) => (i === 0 ? 'PAUSED_FOR_REVIEW' : 'ERRORED'));
      expect(result.current.data?.docs[0]?.status).toBe('PAUSED_FOR_REVIEW');
      await settle();
      expect(listCalls()).toBe(1);
    });

    it('pauses while the page is hidden and goes on when it shows again', async () => {
      const { advance, settle } = await followPage(() => 'QUEUED');
      await waitFor(() => expect(listCalls()).toBeGreaterThanOrEqual(2));
      focusManager.setFocused(false);
      await settle();
      const hidden = listCalls();
      await settle();
      expect(listCalls()).toBe(hidden);
      focusManager.setFocused(true);
      await advance(100);
      await waitFor(() => expect(listCalls()).toBeGreaterThan(hidden));
    });

    it('stops polling when the last component reading the page unmounts', async () => {
      const { unmount, settle } = await followPage(() => 'RUNNING');
      await waitFor(() => expect(listCalls()).toBeGreaterThanOrEqual(2));
      unmount();
      await settle();
      const gone = listCalls();
      await settle();
      expect(listCalls()).toBe(gone);
    });
  });

  it('useExecution loads one run with its nodes, though Refold sends it without its _id', async () => {
    const run = mock.account('customer-a').executions()[0]!;
    const { result } = renderRefoldHook(mock, () => useExecution(run._id));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toMatchObject({
      name: run.name,
      status: run.status,
      nodes: expect.any(Array),
    });
    expect(result.current.data?._id).toBeUndefined();
    expect(sent().at(-1)?.path).toBe(`/api/v2/public/execution/${run._id}`);
  });

  it('useTriggerEvent triggers and refetches the run list', async () => {
    const { result } = renderRefoldHook(mock, () => ({ runs: useExecutions(), trigger: useTriggerEvent() }));
    await waitFor(() => expect(result.current.runs.isSuccess).toBe(true));
    await act(() =>
      result.current.trigger.mutateAsync({ event: 'contact.created', slug: 'hubspot', payload: {} }),
    );
    await waitFor(() => expect(sent().filter((r) => r.path === '/api/v2/public/execution')).toHaveLength(2));
    expect(sent().find((r) => r.path === '/api/v2/public/event/trigger')?.headers.slug).toBe('hubspot');
  });
});

describe('account hooks', () => {
  it('useConnectUrl returns a hosted connect URL', async () => {
    const { result } = renderRefoldHook(mock, () => useConnectUrl());
    const answer = await act(() => result.current.mutateAsync({}));
    expect(answer.hosted_url).toMatch(/^https:\/\/app\.refold\.ai\//);
  });

  it('useLinkedAccount tells which customer the session belongs to', async () => {
    const { result } = renderRefoldHook(mock, () => useLinkedAccount(), { account: 'customer-z' });
    await waitFor(() => expect(result.current.data?.account_id).toBe('customer-z'));
  });
});

describe('unmount, offline and errors', () => {
  it('aborts the request when the hook unmounts first, with no error and no cache write', async () => {
    const queryClient = testQueryClient();
    const held = mock.hold({ path: APPS });
    const { result, unmount } = renderRefoldHook(mock, () => useApplications(), { queryClient });
    await held.arrived;
    expect(sent().some((r) => r.path === APPS)).toBe(true);
    expect(result.current.fetchStatus).toBe('fetching');
    unmount();
    await waitFor(() =>
      expect(queryClient.getQueryState(refoldKeys.applications('default'))?.fetchStatus).toBe('idle'),
    );
    const state = queryClient.getQueryState(refoldKeys.applications('default'));
    expect(state?.data).toBeUndefined();
    expect(state?.error).toBeNull();
  });

  it('lets a write already sent finish after its component unmounts, and puts the answer in the cache', async () => {
    const queryClient = testQueryClient();
    const { result, unmount } = renderRefoldHook(
      mock,
      () => ({ config: useConfig({ slug: 'hubspot' }), save: useUpdateConfig('hubspot') }),
      { queryClient },
    );
    await waitFor(() => expect(result.current.config.isSuccess).toBe(true));
    const held = mock.hold({ method: 'PUT', path: '/api/v2/f-sdk/config' });
    let settled: unknown;
    act(() => {
      result.current.save.mutateAsync({ fields: { record_prefix: 'AFTER-' } }).then(
        (config) => (settled = config),
        (error: unknown) => (settled = error),
      );
    });
    await held.arrived;
    unmount();
    held.release();
    await waitFor(() => expect(settled).toBeDefined());
    expect(settled).not.toBeInstanceOf(Error);
    const cached = queryClient.getQueryData<Config>(refoldKeys.config('default', 'hubspot'));
    expect(cached?.fields?.find((f) => f.id === 'record_prefix')?.value).toBe('AFTER-');
    const stored = mock.account('customer-a').config('hubspot')?.fields as Config['fields'];
    expect(stored?.find((f) => f.id === 'record_prefix')?.value).toBe('AFTER-');
  });

  it('lets a trigger already sent finish after its component unmounts', async () => {
    const held = mock.hold({ method: 'POST', path: '/api/v2/public/event/trigger' });
    const { result, unmount } = renderRefoldHook(mock, () => useTriggerEvent());
    let settled: unknown;
    act(() => {
      result.current.mutateAsync({ event: 'x' }).then(
        () => (settled = 'resolved'),
        (error: unknown) => (settled = error),
      );
    });
    await held.arrived;
    unmount();
    held.release();
    await waitFor(() => expect(settled).toBe('resolved'));
  });

  it('shows a network error, then refetches when the browser is back online', async () => {
    mock.inject({ path: APPS }, { kind: 'network', times: 3 });
    const { result } = renderRefoldHook(mock, () => useApplications());
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 10_000 });
    expect(result.current.error).toBeInstanceOf(RefoldNetworkError);
    act(() => onlineManager.setOnline(false));
    act(() => onlineManager.setOnline(true));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
  });

  it('holds queries while offline and sends them on reconnect', async () => {
    act(() => onlineManager.setOnline(false));
    const { result } = renderRefoldHook(mock, () => useApplications());
    await waitFor(() => expect(result.current.fetchStatus).toBe('paused'));
    expect(sent()).toHaveLength(0);
    act(() => onlineManager.setOnline(true));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
  });
});
