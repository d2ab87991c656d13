import { AppCard, AppList } from '@refold/react';
import { createMockRefold, renderWithRefold } from '@refold/react/testing';
import { mockRefoldHandlers } from '@refold/react/testing/msw';
import { cleanup } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';

// A consumer's component test, written as the README shows: the mock Refold behind MSW in Node.
const mock = createMockRefold();
const server = setupServer(...mockRefoldHandlers(mock));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  mock.reset();
});
afterAll(() => server.close());

it('shows the connected account', async () => {
  mock.account('test-customer').connect('slack', { identifier: 'team@acme.example' });
  const screen = renderWithRefold(<AppCard slug="slack" />, { mock });
  expect(await screen.findByText('Connected as team@acme.example')).toBeTruthy();
  const sent = mock.requests.filter((request) => request.path.startsWith('/api/v2/f-sdk/'));
  expect(sent.length).toBeGreaterThan(0);
  for (const request of sent) {
    expect(request.headers['authorization']).toMatch(/^Bearer /);
    expect(request.headers['x-api-key']).toBeUndefined();
  }
});

it('lists the catalog', async () => {
  const screen = renderWithRefold(<AppList />, { mock });
  expect(await screen.findByRole('option', { name: /Slack/ })).toBeTruthy();
});

it('shows an error when Refold fails, from an injected fault', async () => {
  mock.inject({ method: 'GET', path: '/api/v2/f-sdk/application' }, { status: 500 });
  const screen = renderWithRefold(<AppList />, { mock });
  expect(await screen.findByRole('alert')).toBeTruthy();
  expect(screen.container.querySelector('[data-state="error"]')).not.toBeNull();
});
