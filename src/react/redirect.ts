import type { RedirectHost, RedirectResume } from '../core/connect.js';

/** The query parameter that marks the page's return from a full-page sign-in (its value: the nonce). */
export const RESUME_PARAM = 'refold-resume';
/** The `sessionStorage` key of a full-page sign-in under way: slug, connection id and nonce only. */
export const RESUME_STORAGE_KEY = 'refold:connect-redirect';

/**
 * True where popups cannot work, detected from the page rather than guessed from the user agent: a web app
 * launched from the home screen (`display-mode: standalone`, or iOS's `navigator.standalone`) opens popups
 * in another browser, which never reports back.
 */
function popupsUnsupported(): boolean {
  if (typeof window === 'undefined') return false;
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return standalone || window.matchMedia?.('(display-mode: standalone)').matches === true;
}

/**
 * The browser's full-page sign-in: the provider sends the page back to the current page (or `returnTo`)
 * with `?refold-resume=<nonce>`; the slug, connection id and nonce wait in `sessionStorage` meanwhile
 * (never a token). @internal
 */
export const browserRedirectHost: RedirectHost = {
  returnUrl(nonce, returnTo) {
    const url = new URL(returnTo ?? window.location.href, window.location.href);
    url.searchParams.set(RESUME_PARAM, nonce);
    return url.href;
  },
  go(url, resume) {
    try {
      window.sessionStorage.setItem(RESUME_STORAGE_KEY, JSON.stringify(resume));
    } catch {
      // Storage refused (private mode, policy): the page still signs in; it only cannot show the end.
    }
    window.location.assign(url);
  },
  popupsUnsupported,
};

/**
 * The full-page sign-in this page came back from, if any: the kept slug, connection id and nonce when the
 * URL's nonce matches them. Clears both (the storage entry, and the URL's marker through
 * `history.replaceState`), so a reload never resumes twice. Without the marker, storage is not read.
 * @internal
 */
export function takeRedirectResume(): RedirectResume | undefined {
  if (typeof window === 'undefined') return undefined;
  const url = new URL(window.location.href);
  const nonce = url.searchParams.get(RESUME_PARAM);
  // Storage is touched only on the way back from a full-page sign-in.
  if (nonce === null) return undefined;
  url.searchParams.delete(RESUME_PARAM);
  window.history.replaceState(window.history.state, '', url.href);
  let kept: string | null = null;
  try {
    kept = window.sessionStorage.getItem(RESUME_STORAGE_KEY);
    window.sessionStorage.removeItem(RESUME_STORAGE_KEY);
  } catch {
    return undefined;
  }
  const resume = parse(kept);
  return resume?.nonce === nonce ? resume : undefined;
}

function parse(text: string | null): RedirectResume | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { slug, connectionId, nonce } = value as Record<string, unknown>;
    if (typeof slug !== 'string' || slug === '' || typeof nonce !== 'string') return undefined;
    return typeof connectionId === 'string' ? { slug, connectionId, nonce } : { slug, nonce };
  } catch {
    return undefined;
  }
}
