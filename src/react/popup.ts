import type { PopupHost, PopupWindow } from '../core/connect.js';
import { browserRedirectHost } from './redirect.js';

const WIDTH = 600;
const HEIGHT = 720;

/**
 * The browser's popup host for connect flows: opens a centred blank popup (synchronously, so call it inside
 * the click) and reports when the page regains focus or becomes visible again. It touches `window` only
 * when called, so it is safe to hold during server rendering (where `open` answers `null`).
 * @internal
 */
export const browserPopupHost: PopupHost = {
  open(name) {
    if (typeof window === 'undefined' || typeof window.open !== 'function') return null;
    const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - WIDTH) / 2));
    const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - HEIGHT) / 2));
    let handle: Window | null;
    try {
      handle = window.open('', name, `popup=yes,width=${WIDTH},height=${HEIGHT},left=${left},top=${top}`);
    } catch {
      handle = null;
    }
    if (!handle) return null;
    const popup = handle;
    // The provider's pages must not reach back into this tab (reverse tabnabbing): cut the opener, and keep
    // the handle, which is all the flow needs to send the popup on and to see it close.
    try {
      popup.opener = null;
    } catch {
      // Some browsers refuse it on a window they consider foreign; the popup still works.
    }
    const wrapped: PopupWindow = {
      get closed() {
        return popup.closed;
      },
      close: () => popup.close(),
      focus: () => popup.focus(),
      navigate: (url) => popup.location.replace(url),
    };
    return wrapped;
  },
  onFocus(listener) {
    if (typeof window === 'undefined') return () => undefined;
    const onVisible = () => {
      if (document.visibilityState === 'visible') listener();
    };
    window.addEventListener('focus', listener);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', listener);
      document.removeEventListener('visibilitychange', onVisible);
    };
  },
  redirect: browserRedirectHost,
};
