// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { FetchToken } from '../../src/core/token.js';
import {
  RefoldProvider,
  useApplications,
  useConfig,
  useConnect,
  useExecutions,
  useLinkedAccount,
} from '../../src/react/index.js';

function Page() {
  const apps = useApplications();
  const config = useConfig({ slug: 'hubspot' });
  const connect = useConnect('slack');
  const runs = useExecutions();
  const account = useLinkedAccount();
  return (
    <main>
      <p>{apps.isPending ? 'Loading apps' : 'apps'}</p>
      <p>{config.status}</p>
      <p>connect: {connect.status}</p>
      <p>{runs.status}</p>
      <p>{account.status}</p>
    </main>
  );
}

describe('server rendering', () => {
  it('renders with no window, calls no fetchToken and sends nothing', () => {
    expect(typeof window).toBe('undefined');
    const fetchToken = vi.fn<FetchToken>(async () => 'never');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const html = renderToString(
      <RefoldProvider fetchToken={fetchToken} scope="ssr">
        <Page />
      </RefoldProvider>,
    );
    expect(html).toContain('Loading apps');
    expect(html).toContain('connect: <!-- -->idle');
    expect(html).not.toMatch(/<script|style=/);
    expect(fetchToken).not.toHaveBeenCalled();
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
