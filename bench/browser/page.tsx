/// <reference types="vite/client" />
// The bench page, bundled with Vite in production mode and served beside the mock Refold (bench/browser.ts).
// `?scenario=render|oauth|memory`; `?base=/n1000` picks which mock the page talks to. It uses the library's
// public entries only: `src/index.ts` and `src/styles.css`. The driver calls `window.bench` (protocol.ts).
import { QueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import styles from '../../src/styles.css?inline';
import { AppList, ConnectButton, ConnectDialog, RefoldProvider, useApplications } from '../../src/index.js';
import type { Application } from '../../src/index.js';
import type { ListKind, MemoryBench, RenderBench, Scenario } from './protocol.js';

const params = new URL(location.href).searchParams;
const scenario = (params.get('scenario') ?? 'render') as Scenario;
const baseUrl = `${location.origin}${params.get('base') ?? ''}`;

async function fetchToken({ signal }: { signal: AbortSignal }) {
  const response = await fetch(`${baseUrl}/backend/session-token`, { signal });
  return (await response.json()) as { token: string; expiresIn: number };
}

document.head.appendChild(document.createElement('style')).textContent = styles;
const host = document.body.appendChild(document.createElement('div'));

/** Resolves with `performance.now()` once `condition` holds after a DOM change, style and layout done. */
function when(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!condition()) return;
      observer.disconnect();
      clearTimeout(timer);
      void document.body.offsetHeight; // style and layout of what changed
      resolve(performance.now());
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`bench page: timed out waiting for ${what}`));
    }, timeoutMs);
    check();
  });
}

// What the page shows, switched by the driver.
type View = 'none' | 'loader' | ListKind | 'dialog';
let view: View = 'none';
const viewListeners = new Set<() => void>();
function show(next: View) {
  view = next;
  for (const listener of viewListeners) listener();
}
function useView(): View {
  return useSyncExternalStore(
    (listener) => {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    () => view,
  );
}

// ---------------------------------------------------------------------------------------------------------
// render: AppList against a plain list

let apps: readonly Application[] = [];
let appsLoaded: (list: readonly Application[]) => void = () => {};

/** Loads the list through the library, as AppList does, and hands it to the plain list. */
function Loader() {
  const { data, error } = useApplications();
  useEffect(() => {
    if (data) appsLoaded(data);
    if (error) console.error(`bench page: ${error.message}`);
  }, [data, error]);
  return null;
}

/** The same text the library searches: name, slug, description and tags. */
const haystack = (app: Application) =>
  [app.name, app.slug, app.description ?? '', ...(app.tags ?? [])].join(' ').toLowerCase();
const matching = (search: string) => {
  const query = search.trim().toLowerCase();
  return apps.filter((app) => haystack(app).includes(query));
};

/** The baseline: a controlled search and `apps.filter(…).map(<li>)`, every match in the DOM. */
function PlainList() {
  const [search, setSearch] = useState('');
  return (
    <div>
      <label>
        Search apps <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      </label>
      <ul>
        {matching(search).map((app) => (
          <li key={app.slug}>{app.name}</li>
        ))}
      </ul>
    </div>
  );
}

/** True once the mounted list shows exactly `expected` apps (AppList: its listbox's set size). */
function listShows(kind: ListKind, expected: number): () => boolean {
  if (kind === 'baseline') return () => host.querySelector('ul')?.childElementCount === expected;
  return () =>
    host.querySelector('[role="option"][aria-setsize]')?.getAttribute('aria-setsize') === String(expected);
}

function searchInput(): HTMLInputElement {
  const input =
    host.querySelector<HTMLInputElement>('input[type="search"]') ??
    host.querySelector<HTMLInputElement>('input:not([type="checkbox"])');
  if (!input) throw new Error('bench page: the list has no search field');
  return input;
}

let mounted: ListKind = 'appList';
let armed: Promise<number> = Promise.reject(new Error('bench page: no keystroke armed'));
armed.catch(() => {});

const renderBench: RenderBench = {
  load() {
    return new Promise((resolve) => {
      appsLoaded = (list) => {
        apps = list;
        show('none');
        resolve(list.length);
      };
      show('loader');
    });
  },
  letters() {
    return [...'abcdefghijklmnopqrstuvwxyz']
      .map((letter) => ({ letter, matches: matching(letter).length }))
      .filter(({ matches }) => matches > 0 && matches < apps.length);
  },
  async mount(kind) {
    mounted = kind;
    const start = performance.now();
    show(kind);
    return (await when(listShows(kind, apps.length), `${kind} to list ${apps.length} apps`)) - start;
  },
  async unmount() {
    show('none');
    await when(() => host.childElementCount === 0, 'the list to unmount');
  },
  arm(letter) {
    const expected = matching(letter).length;
    const input = searchInput();
    input.focus();
    armed = new Promise((resolve, reject) => {
      const onKeyDown = () => {
        const start = performance.now();
        when(listShows(mounted, expected), `${mounted} to show ${expected} apps for "${letter}"`).then(
          (end) => resolve(end - start),
          reject,
        );
      };
      input.addEventListener('keydown', onKeyDown, { once: true, capture: true });
    });
    return expected;
  },
  keystroke() {
    return armed;
  },
  async clear() {
    const input = searchInput();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await when(listShows(mounted, apps.length), 'the whole list to come back');
  },
};

// ---------------------------------------------------------------------------------------------------------
// memory: ConnectDialog mounted and unmounted

const memoryBench: MemoryBench = {
  async cycles(count) {
    for (let i = 0; i < count; i++) {
      show('dialog');
      await when(() => document.querySelector('dialog[open] [role="option"]') !== null, 'the dialog');
      show('none');
      await when(() => document.querySelector('dialog') === null, 'the dialog to unmount');
    }
  },
};

// ---------------------------------------------------------------------------------------------------------

function Slot() {
  const current = useView();
  if (current === 'loader') return <Loader />;
  if (current === 'appList') return <AppList />;
  if (current === 'baseline') return <PlainList />;
  if (current === 'dialog') return <ConnectDialog open onOpenChange={() => {}} />;
  return null;
}

/** Reports the connected state through the console (the driver times it against the provider's Allow). */
function reportConnected() {
  void when(() => document.querySelector('[data-state="connected"]') !== null, 'connected', 120_000).then(
    (at) => console.log(`bench: connected ${performance.timeOrigin + at}`),
  );
}

let content: ReactNode;
let queryClient: QueryClient | undefined;
if (scenario === 'oauth') {
  content = <ConnectButton slug={params.get('slug') ?? 'slack'} />;
  reportConnected();
} else {
  content = <Slot />;
  // The render scenario mounts lists again and again from one cached answer: no refetch on mount.
  if (scenario === 'render') {
    queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false, refetchOnMount: false, refetchOnWindowFocus: false } },
    });
  }
  Object.assign(window, { bench: scenario === 'render' ? renderBench : memoryBench });
}

createRoot(host).render(
  <RefoldProvider baseUrl={baseUrl} fetchToken={fetchToken} {...(queryClient ? { queryClient } : {})}>
    {content}
  </RefoldProvider>,
);
