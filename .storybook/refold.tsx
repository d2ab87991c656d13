/// <reference types="vite/client" />
/**
 * The mock Refold behind every story: one `createMockRefold()` per story render, served through MSW's
 * worker, and a `RefoldProvider` around the story whose `fetchToken` mints from that mock.
 * Stories customise it with `parameters.refold` (see README.md beside this file).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Decorator } from '@storybook/react-vite';
import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import type { ReactNode } from 'react';
import { action } from 'storybook/actions';
import type { StoryContext } from 'storybook/internal/csf';
import type { RefoldProviderProps } from '../src/react/RefoldProvider.js';
import { createMockFetchToken } from '../src/testing/fetch-token.js';
import type { MockFetchToken, MockTokenHold } from '../src/testing/fetch-token.js';
import { shippedLocale } from '../src/i18n/catalog.js';
import type { RefoldMessages } from '../src/i18n/catalog.js';
import { de } from '../src/i18n/locales/de.js';
import { en } from '../src/i18n/locales/en.js';
import { es } from '../src/i18n/locales/es.js';
import { fr } from '../src/i18n/locales/fr.js';
import { ja } from '../src/i18n/locales/ja.js';
import type { RefoldLocale } from '../src/i18n/types.js';
import { createMockRefold } from '../src/testing/mock-refold/index.js';
import type { MockRefold, MockRefoldOptions } from '../src/testing/mock-refold/types.js';
import { createRefoldWrapper } from '../src/testing/render.js';
import type { RefoldWrapper } from '../src/testing/render.js';

const catalogs: Record<RefoldLocale, RefoldMessages> = { en, es, fr, de, ja };

/** `parameters.refold` of a story (or of a file's `meta`, or of `preview.tsx`). */
export interface RefoldStoryParameters {
  /** Render the story without a provider and mock (for stories that need neither). @default false */
  disable?: boolean;
  /** Options of `createMockRefold()` (apps, workflows, executions, rate limit …). */
  mockOptions?: MockRefoldOptions;
  /** Changes the fresh mock before the story renders: connect apps, inject faults, reject saves … */
  setup?: (mock: MockRefold, linkedAccountId: string) => void;
  /**
   * Holds the first `fetchToken` call (the story shows the UI before the session exists) until the story
   * calls `context.refold.tokenHold.release()`. @default false
   */
  holdToken?: boolean;
  /** Makes `fetchToken` reject (your backend failing), with this message. */
  fetchTokenError?: string;
  /** The customer the tokens are minted for. @default 'demo-customer' */
  linkedAccountId?: string;
  /**
   * Where the mock answers. @default `https://story-N.refold.test`, a new origin for every render, so that a
   * request of an earlier render (or of another story on a docs page) never reaches this render's mock.
   */
  baseUrl?: string;
  /** More provider props (`messages`, `scope`, `onEvent` …). `locale` comes from the toolbar. */
  providerProps?: Partial<Omit<RefoldProviderProps, 'children' | 'fetchToken' | 'queryClient' | 'baseUrl'>>;
}

/** What a story's `beforeEach`, `play` and decorators find in `context.refold`. */
export interface RefoldStoryState {
  /** This render's mock: inspect `mock.requests`, `mock.account(id)`, call `mock.completeOAuth(…)`. */
  mock: MockRefold;
  baseUrl: string;
  linkedAccountId: string;
  /** The provider's `fetchToken`: count its `calls`. */
  fetchToken: MockFetchToken;
  /** With `parameters.refold.holdToken`: the held first token fetch; `release()` it. */
  tokenHold?: MockTokenHold;
  queryClient: QueryClient;
  /** The provider around the story (the testing kit's `createRefoldWrapper`). */
  wrapper: RefoldWrapper<MockFetchToken>['wrapper'];
  /** Unique per render: the provider is keyed on it, so each render starts with no token and no cache. */
  key: string;
}

declare module 'storybook/internal/csf' {
  interface Parameters {
    refold?: RefoldStoryParameters;
  }
  interface StoryContext {
    /** Set by the preview's `beforeEach` unless `parameters.refold.disable`. */
    refold?: RefoldStoryState;
  }
}

export const DEFAULT_LINKED_ACCOUNT_ID = 'demo-customer';

/**
 * The mocks of the renders on the page, by origin. MSW's loader resets the worker's handlers before every
 * story, and a docs page renders many stories at once, so the mocks are served by one initial handler
 * (which survives those resets) that routes each request to the mock of its origin. Each render has an
 * origin of its own: a request an earlier render sent late (say, as its story was torn down) finds no mock,
 * rather than the next story's, whose faults it would use up.
 */
const mocks = new Map<string, MockRefold>();
let renders = 0;

const routeToMock = http.all(
  ({ request }) => {
    const url = new URL(request.url);
    return mocks.has(url.origin) || url.hostname.endsWith('.refold.test');
  },
  async ({ request }) => {
    const mock = mocks.get(new URL(request.url).origin);
    if (!mock) return HttpResponse.error();
    try {
      return await mock.handler(request);
    } catch {
      // A `network` fault: fetch rejects with a TypeError, as on a real network failure.
      return HttpResponse.error();
    }
  },
);

/** `mswLoader`'s setup: the worker, with the mock router as its initial handler. */
export async function startStoryWorker(): Promise<SetupWorker> {
  const worker = setupWorker(routeToMock);
  await worker.start({
    // Beside the page in a static build (which may live under a sub-path), at the root in dev and Vitest.
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    quiet: true,
    onUnhandledRequest(request, print) {
      // Storybook's and Vite's own files pass; anything else not mocked is worth a warning.
      if (new URL(request.url).origin !== location.origin) print.warning();
    },
  });
  return worker;
}

const onEvent = action('RefoldProvider onEvent');

/** Project `beforeEach`: a fresh mock, served at this render's origin, and the state the decorator needs. */
export function refoldBeforeEach(context: StoryContext): (() => void) | undefined {
  const params: RefoldStoryParameters = context.parameters.refold ?? {};
  if (params.disable) return undefined;
  renders += 1;
  const baseUrl = (params.baseUrl ?? `https://story-${renders}.refold.test`).replace(/\/+$/, '');
  const origin = new URL(baseUrl).origin;
  const linkedAccountId = params.linkedAccountId ?? DEFAULT_LINKED_ACCOUNT_ID;
  const mock = createMockRefold(params.mockOptions);
  params.setup?.(mock, linkedAccountId);
  const fetchToken = createMockFetchToken(mock, { linkedAccountId, error: params.fetchTokenError });
  const tokenHold = params.holdToken ? fetchToken.hold() : undefined;
  const { providerProps = {} } = params;
  const locale = providerProps.locale ?? (context.globals.locale as string | undefined) ?? 'en';
  const { wrapper, queryClient } = createRefoldWrapper({
    mock,
    baseUrl,
    fetchToken,
    // Storybook's own strict mode (main.ts) is on already.
    providerProps: {
      onEvent,
      ...providerProps,
      locale,
      // The toolbar's catalog is passed along, so a story renders in its language from the first frame.
      messages: { ...catalogs[shippedLocale(locale) ?? 'en'], ...providerProps.messages },
    },
  });
  mocks.set(origin, mock);
  context.refold = {
    mock,
    baseUrl,
    linkedAccountId,
    fetchToken,
    tokenHold,
    queryClient,
    wrapper,
    key: `render-${renders}`,
  };
  return () => {
    if (mocks.get(origin) === mock) mocks.delete(origin);
    queryClient.clear();
  };
}

/** Wraps the story in the `RefoldProvider` of this render's mock (built in {@link refoldBeforeEach}). */
export const withRefold: Decorator = (Story, context) => {
  const state = context.refold;
  if (!state) return <Story />;
  const { wrapper: Provider, key } = state;
  return (
    <Provider key={key}>
      <Story />
    </Provider>
  );
};

/** Light or dark, from the toolbar: `data-theme` on a wrapper that paints the theme's colours, and on `<html>`. */
export const withTheme: Decorator = (Story, context) => {
  // The dark run of the story tests forces the theme (see .storybook/vitest.dark.ts).
  const forced = (globalThis as { __REFOLD_STORY_THEME__?: string }).__REFOLD_STORY_THEME__;
  const theme = (forced ?? (context.globals.theme as string | undefined)) === 'dark' ? 'dark' : 'light';
  // On a story's own page also on <html> (for portals); a docs page shows stories of both themes at once.
  if (typeof document !== 'undefined') {
    if (context.viewMode === 'story') document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
  }
  return (
    <ThemeFrame theme={theme}>
      <Story />
    </ThemeFrame>
  );
};

function ThemeFrame({ theme, children }: { theme: string; children: ReactNode }) {
  return (
    <div
      data-theme={theme}
      style={{
        background: 'var(--refold-bg, Canvas)',
        color: 'var(--refold-text, CanvasText)',
        colorScheme: theme,
        padding: '1rem',
      }}
    >
      {children}
    </div>
  );
}
