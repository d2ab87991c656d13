'use client';

import { RefoldProvider } from '@refold/react';
import type { ReactNode } from 'react';
import { fetchToken } from './refold-token';

// fetchToken is a function, so the provider sits in a client component.
export function Providers({ children }: { children: ReactNode }) {
  return <RefoldProvider fetchToken={fetchToken}>{children}</RefoldProvider>;
}
