import express from 'express';

const REFOLD_URL = process.env.REFOLD_BASE_URL ?? 'https://app.refold.ai';

/** `POST /api/refold/session`, mounted after your auth middleware (which sets `res.locals.customer`). */
export const refoldSession = express
  .Router()
  .post('/api/refold/session', express.json(), async (req, res) => {
    const customer = res.locals.customer as { refoldLinkedAccountId: string } | undefined;
    if (!customer) {
      res.status(401).json({ message: 'Sign in first.' });
      return;
    }

    // After a refused or expired token, ask Refold for a new one (otherwise it answers the same token again).
    const url = new URL('/api/v2/public/session-token', REFOLD_URL);
    const reason: unknown = req.body?.reason;
    if (reason === 'unauthorized' || reason === 'expired') url.searchParams.set('force_refresh', 'true');

    const refold = await fetch(url, {
      method: 'POST',
      headers: { 'x-api-key': process.env.REFOLD_API_KEY ?? '', 'content-type': 'application/json' },
      body: JSON.stringify({ linked_account_id: customer.refoldLinkedAccountId }),
    });
    if (!refold.ok) {
      res.status(502).json({ message: 'Could not start a Refold session.' });
      return;
    }
    const { token, expires_in } = (await refold.json()) as { token: string; expires_in?: number };
    res.json({ token, expires_in }); // never the API key, never Refold's refresh_token
  });
