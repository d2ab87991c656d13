/**
 * A stand-in for the OAuth pop-up in browser tests: `window.open` answers a fake window (or `null`, as a
 * blocked pop-up does), so that tests drive the provider's side themselves.
 */
import { vi } from 'vitest';

/** The fake pop-up window: what the connect flow reads and calls. */
export interface FakePopup {
  closed: boolean;
  /** Where the flow sent it (the provider's authorization URL), once it did. */
  url: string | undefined;
  close(): void;
  focus(): void;
  location: { replace(url: string): void };
}

/** Options of {@link stubPopup}. */
export interface StubPopupOptions {
  /** `window.open` answers `null`, as when the browser blocks the pop-up. */
  blocked?: boolean;
  /** The handle reads `closed` as soon as it navigates (a provider with `Cross-Origin-Opener-Policy`). */
  severOnNavigate?: boolean;
  /** Called when the flow points the pop-up at the provider. */
  onNavigate?: (url: string, popup: FakePopup) => void;
}

/** Replaces `window.open` (restored by `vi.restoreAllMocks()`); answers the spy and the pop-ups it opened. */
export function stubPopup(options: StubPopupOptions = {}) {
  const popups: FakePopup[] = [];
  const open = vi.spyOn(window, 'open').mockImplementation(() => {
    if (options.blocked) return null;
    const popup: FakePopup = {
      closed: false,
      url: undefined,
      close() {
        popup.closed = true;
      },
      focus() {},
      location: {
        replace(url) {
          popup.url = url;
          if (options.severOnNavigate) popup.closed = true;
          options.onNavigate?.(url, popup);
        },
      },
    };
    popups.push(popup);
    return popup as unknown as Window;
  });
  return { open, popups };
}
