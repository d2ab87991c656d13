// A plain Node script on the framework-free client, with no React installed: lists the catalog of one
// customer from the testing kit's mock Refold served over HTTP, and prints it as JSON.
import { createRefoldClient, isConnected, RefoldApiError } from '@refold/react/core';
import type { TokenResult } from '@refold/react/core';
import { createMockRefold } from '@refold/react/testing/mock';
import { listenMockRefold } from '@refold/react/testing/node';

const mock = createMockRefold();
mock.account('acme').connect('slack', { identifier: 'team@acme.example' });
const server = await listenMockRefold(mock);

try {
  // What your backend does with its API key: mint a session token for one linked account.
  const mint = async (): Promise<TokenResult> => {
    const response = await fetch(`${server.url}/api/v2/public/session-token`, {
      method: 'POST',
      headers: { 'x-api-key': mock.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ linked_account_id: 'acme' }),
    });
    return (await response.json()) as { token: string; expires_in?: number };
  };
  const refold = createRefoldClient({ baseUrl: server.url, fetchToken: mint });
  const apps = await refold.applications.list();
  let missing = '';
  try {
    await refold.applications.get('no-such-app');
  } catch (error) {
    if (error instanceof RefoldApiError) missing = `${error.name} ${error.status}`;
  }
  console.log(
    JSON.stringify({
      apps: apps.length,
      connected: apps.filter(isConnected).map((app) => app.slug),
      missing,
    }),
  );
} finally {
  await server.close();
}
