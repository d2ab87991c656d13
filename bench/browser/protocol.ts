/**
 * What the bench page (page.tsx, bundled for Chromium) offers the driver (bench/browser.ts) on `window.bench`.
 *
 * @module
 */

/** The page's scenarios, picked with `?scenario=`. */
export type Scenario = 'render' | 'oauth' | 'memory';

/** Lists measured side by side: the library's `AppList` and a plain `apps.filter(…).map(<li>)`. */
export type ListKind = 'appList' | 'baseline';

/** `window.bench` in the `render` scenario. */
export interface RenderBench {
  /** Loads the app list through the library (`useApplications`) and answers how many apps it has. */
  load(): Promise<number>;
  /** Letters that match some apps but not all, with how many apps each matches. */
  letters(): { letter: string; matches: number }[];
  /** Mounts a list (apps already cached) and answers the ms until every app is listed and laid out. */
  mount(kind: ListKind): Promise<number>;
  /** Unmounts the list. */
  unmount(): Promise<void>;
  /**
   * Focuses the search of the mounted list and arms the next keystroke: its time runs from `keydown` until the
   * list shows the apps that match `letter` and is laid out. Answers how many apps will match.
   */
  arm(letter: string): number;
  /** The armed keystroke's time, in ms, once the list has updated. */
  keystroke(): Promise<number>;
  /** Empties the search and waits until the whole list is back. */
  clear(): Promise<void>;
}

/** `window.bench` in the `memory` scenario. */
export interface MemoryBench {
  /** Mounts `ConnectDialog` (open), waits until it lists the apps, unmounts it; `count` times. */
  cycles(count: number): Promise<void>;
}

/** Timers live in the page (`setTimeout` not yet fired or cleared, `setInterval` not cleared). */
export interface LiveTimers {
  /** How many. */
  count: number;
  /** Their delays in ms, ascending, with `interval` ones marked `i`. */
  delays: string[];
}
