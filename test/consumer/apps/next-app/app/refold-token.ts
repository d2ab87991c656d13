import type { FetchToken } from '@refold/react';

// Calls your session endpoint; `reason` tells it when to force a new token, `signal` cancels it.
export const fetchToken: FetchToken = async ({ signal, reason }) => {
  const response = await fetch('/api/refold/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason }),
    signal,
  });
  if (!response.ok) throw new Error(`Session endpoint answered ${response.status}`);
  return response.json(); // { token, expires_in }
};
