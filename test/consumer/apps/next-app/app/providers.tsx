'use client';

import { RefoldProvider } from '@refold/react';
import type { FetchToken } from '@refold/react/core';
import type { ReactNode } from 'react';

// fetchToken is a function, so the provider sits in a client component.
const fetchToken: FetchToken = async ({ signal, reason }) => {
  const response = await fetch('/api/refold/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason }),
    signal,
  });
  if (!response.ok) throw new Error(`Session endpoint answered ${response.status}`);
  return (await response.json()) as { token: string; expires_in?: number };
};

export function Providers({ children }: { children: ReactNode }) {
  return <RefoldProvider fetchToken={fetchToken}>{children}</RefoldProvider>;
}
