import { HydrationBoundary, QueryClient, dehydrate, useSuspenseQuery } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { createRefoldClient } from '../../src/core/client.js';
import {
  createRefoldQueries,
  refoldKeys,
  refoldQueries,
  refoldStaleTimes,
  useApplications,
  useConfig,
  useRefoldQueries,
} from '../../src/react/index.js';
import { renderWithRefold } from '../../src/testing/render.js';
import { mockFetchToken, renderRefoldHook, setupMockServer, testQueryClient } from './utils.js';

const { mock, sent } = setupMockServer();

/** A client of one's own, as a router loader or a server render makes it. */
const clientFor = (account: string) => createRefoldClient({ fetchToken: mockFetchToken(mock, account) });

function AppNames() {
  const { data } = useApplications();
  return (
    <ul>
      {data?.map((app) => (
        <li key={app.slug}>{app.name}</li>
      ))}
    </ul>
  );
}

describe('query factories', () => {
  it('share one stale-time table, no TanStack retries and the keys of refoldKeys', () => {
    const queryClient = testQueryClient();
    const context = { client: clientFor('customer-a'), scope: 'customer-a', queryClient };
    const config = refoldQueries.config(context, { slug: 'hubspot', configId: 'eu' });
    expect(config.queryKey).toEqual(refoldKeys.config('customer-a', 'hubspot', 'eu'));
    expect(config.staleTime).toBe(refoldStaleTimes.config);
    const all = createRefoldQueries(context);
    const built = [
      all.applications(),
      all.application('hubspot'),
      config,
      all.fieldOptions({ slug: 'hubspot', fieldId: 'stage' }),
      all.ruleOptions({ slug: 'hubspot', fieldId: 'routing_rules', lhs: 'country' }),
      all.workflows({ page: 2 }),
      all.enabledWorkflows(),
      all.executions({ page: 1 }),
      all.execution('run-1'),
      all.linkedAccount(),
    ];
    expect(built.map((options) => options.retry)).toEqual(built.map(() => false));
    expect(
      built.every((options) => options.queryKey[0] === 'refold' && options.queryKey[1] === 'customer-a'),
    ).toBe(true);
    expect(all.workflows({ page: 2 }).queryKey).toEqual(refoldKeys.workflows('customer-a', { page: 2 }));
    expect(all.execution('run-1').queryKey).toEqual(refoldKeys.execution('customer-a', 'run-1'));
  });

  it('prefetched outside React, the hook mounts with the data and sends no second request', async () => {
    const queryClient = testQueryClient();
    const refold = createRefoldQueries({ client: clientFor('customer-a'), scope: 'customer-a', queryClient });
    await queryClient.prefetchQuery(refold.applications());
    expect(sent()).toHaveLength(1);

    const { result } = renderRefoldHook(mock, () => useApplications(), { queryClient, scope: 'customer-a' });
    expect(result.current.isSuccess).toBe(true);
    expect(result.current.data?.map((app) => app.slug)).toContain('hubspot');
    expect(sent()).toHaveLength(1);
  });

  it('prefetched with useRefoldQueries in a component, a config mounts from the cache', async () => {
    const { result, rerender } = renderRefoldHook(
      mock,
      ({ show }: { show: boolean }) => ({
        refold: useRefoldQueries(),
        config: useConfig({ slug: 'hubspot', enabled: show }),
      }),
      { initialProps: { show: false } },
    );
    const { refold } = result.current;
    await act(() => refold.queryClient.prefetchQuery(refold.config({ slug: 'hubspot' })));
    const requests = sent().length;
    expect(requests).toBeGreaterThan(0);

    rerender({ show: true });
    expect(result.current.config.data?.config_id).toBeTruthy();
    expect(result.current.refold).toBe(refold);
    expect(sent()).toHaveLength(requests);
  });

  it('a component renders with useSuspenseQuery(factory) once the data is there', async () => {
    function SuspendedApps() {
      const refold = useRefoldQueries();
      const { data } = useSuspenseQuery(refold.applications(), refold.queryClient);
      return <p>{data.length} apps</p>;
    }
    const screen = renderWithRefold(
      <Suspense fallback={<p>Loading apps</p>}>
        <SuspendedApps />
      </Suspense>,
      { mock },
    );
    expect(screen.getByText('Loading apps')).toBeTruthy();
    expect(await screen.findByText(/^\d+ apps$/)).toBeTruthy();
    expect(screen.queryByText('Loading apps')).toBeNull();
    expect(sent()).toHaveLength(1);
  });

  it('dehydrated on the server, hydrated in a fresh QueryClient, the hook renders the data with no request', async () => {
    const server = new QueryClient();
    const scope = 'customer-a';
    await server.prefetchQuery(
      refoldQueries.applications({ client: clientFor('test-customer'), scope, queryClient: server }),
    );
    const state: unknown = JSON.parse(JSON.stringify(dehydrate(server)));
    server.clear();
    const before = sent().length;
    expect(before).toBe(1);

    const browser = testQueryClient();
    const screen = renderWithRefold(
      <HydrationBoundary state={state as ReturnType<typeof dehydrate>} queryClient={browser}>
        <AppNames />
      </HydrationBoundary>,
      { mock, queryClient: browser, providerProps: { scope } },
    );
    // The first render already has the apps: no loading state, no request.
    expect(screen.getByText('HubSpot')).toBeTruthy();
    await waitFor(() => expect(browser.isFetching()).toBe(0));
    expect(sent()).toHaveLength(before);
    expect(screen.fetchToken.calls).toBe(0);
  });
});
