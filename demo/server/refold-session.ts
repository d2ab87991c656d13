/**
 * The one call that needs your Refold API key: mint a session token for one linked account.
 * Server-side only: the key never leaves this process, the browser only ever gets `{ token, expires_in }`.
 *
 * Plain `fetch` (Node 18+), no dependency: copy this file into your backend as it is.
 *
 * @module
 */

/** Where your backend reaches Refold, and with which key. */
export interface RefoldServerConfig {
  /** Refold's API origin, e.g. `https://app.refold.ai` (no trailing slash). */
  baseUrl: string;
  /** Your API key (`tk…` test, `pk…` live). Keep it in an environment variable or a secret store. */
  apiKey: string;
}

/** What the browser receives: the token and its lifetime, nothing else. */
export interface SessionToken {
  token: string;
  /** Lifetime in seconds, when Refold says. */
  expires_in?: number;
}

/** Why minting failed: `rejected-key` (401/403), `unreachable` (network, timeout), `refold` (any other answer). */
export type SessionTokenFailure = 'rejected-key' | 'unreachable' | 'refold';

/** A failed mint, with a message that is safe to log (it never holds the key or a token). */
export class SessionTokenError extends Error {
  override readonly name = 'SessionTokenError';
  constructor(
    readonly failure: SessionTokenFailure,
    message: string,
  ) {
    super(message);
  }
}

/** How long one mint may take. */
const TIMEOUT_MS = 10_000;

/** Refold's error text (`message`, then `error`), if the body has one; never more than a line. */
function refoldMessage(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const { message, error } = body as Record<string, unknown>;
  const text = typeof message === 'string' ? message : typeof error === 'string' ? error : '';
  return text.replace(/\s+/g, ' ').slice(0, 200);
}

/**
 * Asks Refold for a session token for `linkedAccountId` (`POST /api/v2/public/session-token` with
 * `x-api-key`). `forceRefresh` asks for a new token instead of the current one (use it when the browser
 * says its token was refused). Throws {@link SessionTokenError}.
 */
export async function mintSessionToken(
  config: RefoldServerConfig,
  linkedAccountId: string,
  options: { forceRefresh?: boolean } = {},
): Promise<SessionToken> {
  const url = new URL('/api/v2/public/session-token', config.baseUrl);
  if (options.forceRefresh) url.searchParams.set('force_refresh', 'true');

  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'x-api-key': config.apiKey, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ linked_account_id: linkedAccountId }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const why =
      error instanceof Error && error.name === 'TimeoutError' ? 'no answer in 10 s' : 'network error';
    throw new SessionTokenError('unreachable', `Could not reach Refold at ${url.origin} (${why}).`);
  }

  const body: unknown = await response.json().catch(() => undefined);
  // Refold's own words, minus the key should an answer ever echo it.
  const detail = refoldMessage(body).replaceAll(config.apiKey, '[API key]');
  if (response.status === 401 || response.status === 403) {
    throw new SessionTokenError(
      'rejected-key',
      `Refold rejected the API key (HTTP ${response.status}${detail && `: ${detail}`}). ` +
        'Check REFOLD_API_KEY (and that REFOLD_BASE_URL is the environment the key belongs to).',
    );
  }
  if (!response.ok) {
    throw new SessionTokenError(
      'refold',
      `Refold answered HTTP ${response.status} to the session-token request${detail && `: ${detail}`}.`,
    );
  }
  const { token, expires_in } = (body ?? {}) as Record<string, unknown>;
  if (typeof token !== 'string' || token === '') {
    throw new SessionTokenError('refold', 'Refold answered the session-token request without a token.');
  }
  return typeof expires_in === 'number' && expires_in > 0 ? { token, expires_in } : { token };
}
