import { ConnectDialog, RefoldProvider } from '@refold/react';
import type { FetchToken } from '@refold/react';
import '@refold/react/styles.css';

// Calls your session endpoint; `reason` tells it when to force a new token, `signal` cancels it.
const fetchToken: FetchToken = async ({ signal, reason }) => {
  const response = await fetch('/api/refold/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason }),
    signal,
  });
  if (!response.ok) throw new Error(`Session endpoint answered ${response.status}`);
  return response.json(); // { token, expires_in }
};

export function IntegrationsPage({ userId }: { userId: string }) {
  return (
    <RefoldProvider fetchToken={fetchToken} scope={userId}>
      <ConnectDialog /> {/* pick an app → authenticate → configure → done */}
    </RefoldProvider>
  );
}
