import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RefoldTokenError } from '../../src/core/errors.js';
import { refoldKeys, useApplications } from '../../src/react/index.js';
import { createMockFetchToken } from '../../src/testing/fetch-token.js';
import { renderHookWithRefold, renderWithRefold } from '../../src/testing/render.js';
import { setupMockServer } from './utils.js';

const { mock, sent } = setupMockServer();

function AppCount() {
  const { data, error } = useApplications();
  if (error) return <p role="alert">{error.name}</p>;
  return <p>{data ? `${data.length} apps` : 'loading'}</p>;
}

describe('renderWithRefold (the testing kit)', () => {
  it('renders under a provider whose fetchToken mints one token from the mock', async () => {
    const screen = renderWithRefold(<AppCount />, { mock });
    expect(await screen.findByText(/^\d+ apps$/)).toBeTruthy();
    expect(screen.fetchToken.calls).toBe(1);
    expect(sent().map((r) => r.path)).toEqual(['/api/v2/f-sdk/application']);
    expect(screen.queryClient.getQueryData(refoldKeys.applications('default'))).toBeInstanceOf(Array);
  });

  it('renders in StrictMode with `strict`, and not by default', () => {
    let renders = 0;
    function Probe() {
      renders += 1;
      return null;
    }
    renderWithRefold(<Probe />, { mock });
    expect(renders).toBe(1);
    renders = 0;
    renderWithRefold(<Probe />, { mock, strict: true });
    expect(renders).toBe(2);
  });

  it('shows the state before the session while the token is held, and a failing backend as an error', async () => {
    const fetchToken = createMockFetchToken(mock);
    const token = fetchToken.hold();
    const screen = renderWithRefold(<AppCount />, { mock, fetchToken });
    await token.arrived;
    expect(screen.getByText('loading')).toBeTruthy();
    expect(sent()).toHaveLength(0);
    token.release();
    expect(await screen.findByText(/^\d+ apps$/)).toBeTruthy();
    screen.unmount();

    const failing = renderWithRefold(<AppCount />, {
      mock,
      fetchToken: createMockFetchToken(mock, { error: 'backend down' }),
    });
    expect((await failing.findByRole('alert')).textContent).toBe(RefoldTokenError.name);
  });
});

describe('renderHookWithRefold', () => {
  it('renders a hook with the given customer and provider props', async () => {
    mock.account('customer-b').connect('slack');
    const { result, fetchToken, queryClient } = renderHookWithRefold(
      () => useApplications({ connected: true }),
      { mock, linkedAccountId: 'customer-b', providerProps: { scope: 'b' } },
    );
    await waitFor(() => expect(result.current.data?.map((app) => app.slug)).toEqual(['slack']));
    expect(fetchToken.calls).toBe(1);
    expect(queryClient.getQueryData(refoldKeys.applications('b'))).toBeInstanceOf(Array);
  });
});
