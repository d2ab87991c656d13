// Bundle budgets of issue 12, measured as `npm run bench` measures them (bench/size.ts: esbuild, minified ESM,
// react / react-dom / @tanstack/react-query external, code splitting, gzip -9: what loads with the entry, not
// the chunks it reaches only through import()). Sizes are deterministic, so they are checked on every
// `npm test`; times are not (they live in `npm run bench` only).
//
// Pending budgets are `it.fails`: they pass while the code is over budget and fail as soon as it meets it,
// which is the signal to turn them into plain `it`. On main at the stop of 2026-12-01 (npm run bench): core +
// provider + hooks 26,414 B, whole entry 52,216 B, styles.css 4,387 B. Why the two are out of reach without a
// decision on scope: bench/README.md, "Where the size goals stand".
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

  it('leaves every control and every string catalog out of the hooks-only entry (useConfigDraft included)', () => {
    const files = Object.keys(sizes.coreHooks.inputs);
    expect(files).toContain('src/components/ConfigForm/useConfigDraft.ts');
    expect(files.filter((file) => file.endsWith('.tsx') || file.startsWith('src/i18n/'))).toEqual([
      'src/react/RefoldProvider.tsx',
    ]);
  });

  it('ships English with the components and each other catalog as a chunk loaded on demand', () => {
    const lazyLocales = ['de', 'es', 'fr', 'ja'].map((locale) => `src/i18n/locales/${locale}.ts`);
    expect(sizes.all.inputs).toHaveProperty(['src/i18n/locales/en.ts']);
    for (const module of lazyLocales) expect(sizes.all.inputs).not.toHaveProperty([module]);
    expect(sizes.all.lazy.map((chunk) => chunk.module)).toEqual(lazyLocales);
    for (const chunk of sizes.all.lazy) expect(chunk.gzip).toBeGreaterThan(1_000);
    // The hooks-only entry has no import() of a catalog left to load.
    expect(sizes.coreHooks.lazy).toEqual([]);
  });

  // Pending: 26,414 B (core alone is 17,490 B).
  it.fails(`keeps core + provider + hooks within ${GOALS.coreHooksGzip.toLocaleString('en')} B`, () => {
    expect(sizes.coreHooks.gzip).toBeLessThanOrEqual(GOALS.coreHooksGzip);
  });

  // Pending: 52,216 B.
  it.fails(`keeps the whole entry within ${GOALS.allGzip.toLocaleString('en')} B`, () => {
    expect(sizes.all.gzip).toBeLessThanOrEqual(GOALS.allGzip);
  });
});
