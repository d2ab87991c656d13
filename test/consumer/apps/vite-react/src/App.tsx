import { AppList, RefoldProvider } from '@refold/react';
import type { FetchToken } from '@refold/react/core';
import { version } from 'react';

/** The integrations page of a consumer app: the catalog under a provider. */
export function App({ fetchToken }: { fetchToken: FetchToken }) {
  return (
    <RefoldProvider fetchToken={fetchToken}>
      <main data-react={version}>
        <h1>Integrations</h1>
        <AppList />
      </main>
    </RefoldProvider>
  );
}
