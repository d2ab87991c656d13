/**
 * A stand-in for the OAuth pop-up in stories: `window.open` answers `null` (a blocked pop-up) or a fake
 * window that, when the flow sends it to the provider, may "sign in" at once through the story's mock.
 */
import type { StoryContext } from '@storybook/react-vite';
import type { RefoldStoryState } from '../../.storybook/preview.js';

/** Options of {@link fakePopup}. */
export interface FakePopupOptions {
  /** `window.open` answers `null`, as when the browser blocks the pop-up. */
  blocked?: boolean;
  /** The user allows access as soon as the provider's page opens (`mock.completeOAuth`). */
  complete?: boolean;
}

/** A story `beforeEach` replacing `window.open` for the story, restored afterwards. */
export function fakePopup(options: FakePopupOptions = {}) {
  return (context: StoryContext & { refold?: RefoldStoryState }) => {
    const original = window.open;
    window.open = (_url?: string | URL, name?: string) => {
      if (options.blocked) return null;
      // `refold-connect-{slug}`, or `refold-connect-{slug}:{connectionId}` for a reconnect.
      const slug = (name ?? '').replace(/^refold-connect-/, '').replace(/:.*$/, '');
      const popup = {
        closed: false,
        close() {
          popup.closed = true;
        },
        focus() {},
        location: {
          replace() {
            const state = context.refold;
            if (options.complete && state) state.mock.completeOAuth(state.linkedAccountId, slug);
          },
        },
      };
      return popup as unknown as Window;
    };
    return () => {
      window.open = original;
    };
  };
}
