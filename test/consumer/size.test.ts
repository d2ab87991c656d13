// Bundle budgets of issue 12, measured as `npm run bench` measures them (bench/size.ts: esbuild, minified ESM,
// react / react-dom / @tanstack/react-query external, gzip -9). Sizes are deterministic, so they are checked
// on every `npm test`; times are not (they live in `npm run bench` only).
//
// Pending budgets are `it.fails`: they pass while the code is over budget and fail as soon as it meets it,
// which is the signal to turn them into plain `it`. Figures on 4c350d9: core + provider + hooks 28,839 B,
// whole entry 44,422 B, styles.css 3,283 B.
import { beforeAll, describe, expect, it } from 'vitest';
import { GOALS } from '../../bench/goals.js';
import { measureOwnSizes } from '../../bench/size.js';
import type { OwnSizes } from '../../bench/size.js';

describe('bundle budgets (min + gzip -9, peers external)', () => {
  let sizes: OwnSizes;
  beforeAll(async () => {
    sizes = await measureOwnSizes();
  }, 60_000);

  it(`ships styles.css within ${GOALS.cssGzip.toLocaleString('en')} B gzipped`, () => {
    expect(sizes.cssGzip).toBeLessThanOrEqual(GOALS.cssGzip);
  });

  it('builds the hooks-only entry from the provider, every hook and the core, without components', () => {
    expect(sizes.coreHooksExports).toEqual(expect.arrayContaining(['RefoldProvider', 'useApplications']));
    expect(sizes.coreHooksExports).toEqual(expect.arrayContaining(sizes.core.exports));
    expect(sizes.coreHooksExports).not.toContain('AppList');
    expect(sizes.coreHooks.gzip).toBeLessThan(sizes.all.gzip);
  });

  // Pending: 28,839 B on 4c350d9.
  it.fails(`keeps core + provider + hooks within ${GOALS.coreHooksGzip.toLocaleString('en')} B`, () => {
    expect(sizes.coreHooks.gzip).toBeLessThanOrEqual(GOALS.coreHooksGzip);
  });

  // Pending: 44,422 B on 4c350d9.
  it.fails(`keeps the whole entry within ${GOALS.allGzip.toLocaleString('en')} B`, () => {
    expect(sizes.all.gzip).toBeLessThanOrEqual(GOALS.allGzip);
  });
});
