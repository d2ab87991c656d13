// Proves the browser setup: real Chromium, the mock Refold behind MSW's service worker, the provider, axe.
// A placeholder that the component tests may replace.
import { useApplications } from '../../src/react/useApplications.js';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { useState } from 'react';
import { createMockFetchToken } from '../../src/testing/fetch-token.js';
import { expectNoAxeViolations } from '../browser-setup/axe.js';
import { setupMockWorker } from '../browser-setup/msw.js';
import { renderRefold } from '../browser-setup/render.js';

function Apps() {
  const [search, setSearch] = useState('');
  const { data, error, isPending } = useApplications({ search });
  return (
    <section aria-label="Apps">
      <label>
        Search apps <input value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      {isPending && <p role="status">Loading…</p>}
      {error && <p role="alert">{error.message}</p>}
      <ul>
        {data?.map((app) => (
          <li key={app.slug}>{app.name}</li>
        ))}
      </ul>
    </section>
  );
}

describe('browser test setup', () => {
  const { mock, sent } = setupMockWorker();

  it('runs in a real Chromium', () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    expect(navigator.serviceWorker).toBeDefined();
  });

  it('loads apps from the mock through MSW, filters on real typing, and passes axe', async () => {
    const screen = renderRefold(<Apps />, { mock });
    expect(await screen.findByText('Slack')).toBeTruthy();
    expect(screen.getByText('Slack').getBoundingClientRect().height).toBeGreaterThan(0);
    expect(screen.fetchToken).toHaveBeenCalledTimes(1);
    expect(sent().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v2/f-sdk/application']);
    expect(sent()[0]!.headers.authorization).toMatch(/^Bearer /);

    await userEvent.type(page.getByRole('textbox', { name: 'Search apps' }), 'hub');
    await expect.poll(() => screen.queryByText('Slack')).toBeNull();
    expect(screen.getByText('HubSpot')).toBeTruthy();
    expect(sent()).toHaveLength(1);

    await expectNoAxeViolations(screen.container);
  });

  it('waits for a slow fetchToken', async () => {
    const fetchToken = createMockFetchToken(mock);
    const token = fetchToken.hold();
    const screen = renderRefold(<Apps />, { mock, fetchToken });
    await token.arrived;
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    token.release();
    expect(await screen.findByText('Slack')).toBeTruthy();
  });

  it('shows an error when Refold fails', async () => {
    mock.inject({ path: '/api/v2/f-sdk/application' }, { status: 500, times: Infinity });
    const screen = renderRefold(<Apps />, { mock });
    expect(await screen.findByRole('alert')).toBeTruthy();
  });

  it('reports accessibility violations readably', async () => {
    const container = document.body.appendChild(document.createElement('div'));
    const image = container.appendChild(document.createElement('img'));
    image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    try {
      await expect(expectNoAxeViolations(container)).rejects.toThrow(/image-alt \(critical\)/);
    } finally {
      container.remove();
    }
  });
});
