// The session endpoint of the README: mints a Refold session token for the signed-in customer.
import { cookies } from 'next/headers';

const REFOLD_URL = process.env.REFOLD_BASE_URL ?? 'https://app.refold.ai';

export async function POST(request: Request) {
  // Your own authentication decides who the customer is (this cookie stands in for it); never take the
  // linked account from what the browser sends.
  const customerId = (await cookies()).get('customer_id')?.value;
  if (!customerId) return Response.json({ message: 'Sign in first.' }, { status: 401 });

  // After a refused or expired token, ask Refold for a new one (otherwise it answers the same token again).
  const { reason } = (await request.json().catch(() => ({}))) as { reason?: string };
  const url = new URL('/api/v2/public/session-token', REFOLD_URL);
  if (reason === 'unauthorized' || reason === 'expired') url.searchParams.set('force_refresh', 'true');

  const refold = await fetch(url, {
    method: 'POST',
    headers: { 'x-api-key': process.env.REFOLD_API_KEY ?? '', 'content-type': 'application/json' },
    body: JSON.stringify({ linked_account_id: customerId }),
  });
  if (!refold.ok) return Response.json({ message: 'Could not start a Refold session.' }, { status: 502 });
  const { token, expires_in } = (await refold.json()) as { token: string; expires_in?: number };
  return Response.json({ token, expires_in });
}
