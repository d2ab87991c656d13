/**
 * The goals of issue 12, in one place: `npm run bench` prints each figure beside its goal, and the size check in
 * `npm test` (test/consumer/size.test.ts) asserts the bundle budgets. 1 kB = 1,000 bytes.
 *
 * @module
 */

/** Rate limit of Refold (and of the mock the bench runs against): 20 requests per second, bursts of 5. */
export const REFOLD_RATE_LIMIT = { perSecond: 20, burst: 5 } as const;

/** Calls sent at once in the rate-limit figure. */
export const RATE_LIMIT_CALLS = 100;

/** The least time {@link RATE_LIMIT_CALLS} requests can take under {@link REFOLD_RATE_LIMIT}, in ms. */
export const RATE_LIMIT_FLOOR_MS =
  ((RATE_LIMIT_CALLS - REFOLD_RATE_LIMIT.burst) / REFOLD_RATE_LIMIT.perSecond) * 1000;

/** One frame at 60 Hz, in ms. */
export const FRAME_MS = 1000 / 60;

/** The goals, by figure. Sizes in bytes (min + gzip -9), times in ms, counts exact. */
export const GOALS = {
  /** Core + `RefoldProvider` + every hook, what a hooks-only app downloads. */
  coreHooksGzip: 8_000,
  /** The whole package entry, components included. */
  allGzip: 25_000,
  /** `styles.css`. */
  cssGzip: 5_000,
  /** Token fetches when twenty hooks mount at once. */
  twentyHooksTokenFetches: 1,
  /** Token fetches + API requests until the first app list renders. */
  coldFirstListRequests: 2,
  /** Requests when the list remounts within its stale time. */
  warmRemountRequests: 0,
  /** Token fetches when 50 calls start with an expired token. */
  expiredRefreshes: 1,
  /** 429 answers that reach callers out of 100 calls. */
  surfaced429: 0,
  /** 100 calls finish within this factor of the limit's own time. */
  rateLimitTimeFactor: 1.15,
  /** Filtering 10,000 apps: one keystroke until the list shows the result. */
  filterKeystrokeMs: FRAME_MS,
  /** From the provider's "Allow" to the connected state on the page. */
  connectedAfterMs: 1_000,
  /** Heap growth after 200 mount/unmount cycles of `ConnectDialog`. */
  heapGrowthBytes: 1_000_000,
  /** Timers left running after those cycles (implied by "no leak"). */
  timersLeft: 0,
} as const;
