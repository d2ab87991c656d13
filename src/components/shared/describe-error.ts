import {
  RefoldApiError,
  RefoldAuthError,
  RefoldNetworkError,
  RefoldRateLimitError,
  RefoldResponseError,
  RefoldTimeoutError,
  RefoldTokenError,
} from '../../core/errors.js';
import type { Translator } from './useMessages.js';

/**
 * What to tell the user about an error, in their language. Refold's own message is shown for API errors
 * (as text, never HTML): it is what explains a failed credential check.
 */
export function describeError(error: unknown, t: Translator['t']): string {
  if (error instanceof RefoldRateLimitError) {
    const seconds = error.retryAfter;
    // Seconds, then minutes; past an hour a number says nothing useful.
    if (!seconds) return t('common.error.rateLimitedSoon');
    if (seconds < 60) return t('common.error.rateLimited', { count: seconds });
    if (seconds <= 3600) return t('common.error.rateLimitedMinutes', { count: Math.ceil(seconds / 60) });
    return t('common.error.rateLimitedLater');
  }
  if (error instanceof RefoldAuthError) return t('common.error.sessionExpired');
  if (error instanceof RefoldTokenError) return t('common.error.token');
  if (error instanceof RefoldNetworkError) return t('common.error.network');
  if (error instanceof RefoldTimeoutError) return t('common.error.timeout');
  if (error instanceof RefoldResponseError) return t('common.error.unexpected');
  if (error instanceof RefoldApiError && error.status < 500) return error.message;
  if (error instanceof RefoldApiError && /^Failed to verify credentials/i.test(error.message))
    return error.message;
  return t('common.error.generic');
}

/** A stable kind of error for `data-error` attributes and styling. */
export function errorKind(error: unknown): string {
  if (error instanceof RefoldRateLimitError) return 'rate-limited';
  if (error instanceof RefoldAuthError || error instanceof RefoldTokenError) return 'session';
  if (error instanceof RefoldNetworkError || error instanceof RefoldTimeoutError) return 'network';
  return 'error';
}
