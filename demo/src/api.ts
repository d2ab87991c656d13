/**
 * The front end's calls to its own backend (demo/server). The browser never names a linked account and
 * never sees the API key: it asks its own server for a session token, and the server decides for whom.
 */
import type { FetchToken } from '@refold/react';

export interface Customer {
  id: string;
  name: string;
  plan: string;
}

/** Who is signed in, who else could be, and where Refold is. */
export interface Me {
  customer: Customer;
  customers: Customer[];
  refold: { baseUrl: string; mode: 'mock' | 'refold' };
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: {
      accept: 'application/json',
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
    },
  });
  const body = (await response.json().catch(() => ({}))) as { message?: unknown };
  if (!response.ok) {
    const message = typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body as T;
}

export const getMe = () => call<Me>('/api/demo/me');

export const signIn = (customer: string) =>
  call<{ customer: Customer }>('/api/demo/sign-in', { method: 'POST', body: JSON.stringify({ customer }) });

/**
 * `RefoldProvider`'s `fetchToken`: a session token for whoever is signed in. `reason` tells the server
 * when the last token was refused or ran out, so that it asks Refold for a fresh one.
 */
export const fetchSessionToken: FetchToken = async ({ signal, reason }) => {
  const response = await fetch('/api/refold/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ reason }),
    signal,
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body['token'] !== 'string') {
    throw new Error(typeof body['message'] === 'string' ? body['message'] : `HTTP ${response.status}`);
  }
  const expiresIn = body['expires_in'];
  return { token: body['token'], ...(typeof expiresIn === 'number' && { expiresIn }) };
};
