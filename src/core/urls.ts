/**
 * URL rules of the library: Refold's default origin, which hosts may use plain `http:`, and which URLs a
 * window may be sent to.
 *
 * @module
 */

/** Refold's production API. */
export const DEFAULT_BASE_URL = 'https://app.refold.ai';

/** True for a loopback host name, where plain `http:` is allowed (a local mock or development server). */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname)
  );
}

/**
 * True when `value` is a URL the library may send a window to or call: `https:`, or `http:` on a loopback
 * host only. Everything else (`javascript:`, `data:`, `http:` elsewhere, relative or protocol-relative URLs,
 * credentials in the URL, control characters) is refused.
 */
export function isSafeNavigationUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() !== value || value === '') return false;
  // URL parsing strips tabs and new lines; a URL that needs that is not one Refold sends.
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}
