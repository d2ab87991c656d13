/**
 * A few lines of client-side routing (History API): the demo's pages are real URLs that reload fine.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { MouseEvent, RefObject } from 'react';

export type Route = { page: 'integrations'; slug?: string } | { page: 'runs' } | { page: 'marketplace' };

export const paths = {
  integrations: '/settings/integrations',
  app: (slug: string) => `/settings/integrations/${encodeURIComponent(slug)}`,
  runs: '/settings/runs',
  marketplace: '/settings/marketplace',
};

function parse(pathname: string): Route {
  if (pathname === paths.runs) return { page: 'runs' };
  if (pathname === paths.marketplace) return { page: 'marketplace' };
  const slug = /^\/settings\/integrations\/([^/]+)$/.exec(pathname)?.[1];
  return slug ? { page: 'integrations', slug: decodeURIComponent(slug) } : { page: 'integrations' };
}

const listeners = new Set<() => void>();
/** Set by a navigation inside the app: the next page (or panel) that mounts takes the focus. */
let focusPending = false;
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string) {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  focusPending = true;
  for (const listener of listeners) listener();
}

/** The current route (the path, re-read on navigation and Back/Forward). */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => location.pathname);
  return parse(pathname);
}

/** Click handler of an in-app link: navigate without a reload, unless the user wants a new tab. */
export function followLink(event: MouseEvent<HTMLAnchorElement>) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.pathname);
}

/**
 * Moves the focus to `ref` when it shows after an in-app navigation (not on the first page load), so that
 * keyboard and screen-reader users land on the new content. `key`: what the element shows.
 */
export function useFocusAfterNavigation(ref: RefObject<HTMLElement | null>, key: string) {
  useEffect(() => {
    if (!focusPending) return;
    focusPending = false;
    ref.current?.focus();
  }, [ref, key]);
}
