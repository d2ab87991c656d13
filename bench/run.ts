/**
 * `npm run bench`: every figure of issue 12 in one run, printed beside its goal and written to
 * `bench/results.json`. See bench/README.md for what each figure means and how it is measured.
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  browserFigures,
  DIALOG_CYCLES,
  DIALOG_WARMUP,
  KEYSTROKE_RUNS,
  MOUNT_RUNS,
  OAUTH_RUNS,
} from './browser.js';
import { GOALS, RATE_LIMIT_CALLS } from './goals.js';
import {
  ANCHORS,
  ANCHORS_DIR,
  ROOT,
  contributions,
  libraryGroup,
  measureAnchor,
  measureOwnSizes,
  measureUsage,
  USAGES,
} from './size.js';
import type { AnchorSize, Contribution } from './size.js';
import type { NetworkFigures } from './network.js';

const started = performance.now();
const log = (text: string) => process.stderr.write(`${text}\n`);

/** Installs the peer SDKs (bench/anchors) when they are missing; answers why not, if that failed. */
function installAnchors(): string | undefined {
  if (existsSync(join(ANCHORS_DIR, 'node_modules', '.package-lock.json'))) return undefined;
  log('bench: installing the peer SDKs (npm ci --prefix bench/anchors)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    ['ci', '--prefix', ANCHORS_DIR, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status === 0) return undefined;
  const output = `${result.stderr ?? ''}${result.error?.message ?? ''}`
    .trim()
    .split('\n')
    .slice(-3)
    .join(' ');
  return `npm ci --prefix bench/anchors failed: ${output || `exit ${result.status}`}`;
}

async function sizeFigures() {
  const own = await measureOwnSizes({ sourcemap: true });
  const hooks = contributions(own.coreHooks, libraryGroup);
  const all = contributions(own.all, libraryGroup);
  const merge = (a: Record<string, Contribution>, b: Record<string, Contribution>) =>
    Object.fromEntries(
      [...new Set([...Object.keys(b), ...Object.keys(a)])]
        .sort((x, y) => (b[y]?.gzip ?? 0) - (b[x]?.gzip ?? 0))
        .map((name) => [name, { coreHooks: a[name] ?? null, all: b[name] ?? null }]),
    );
  const installError = installAnchors();
  const anchors: Record<string, AnchorSize> = {};
  for (const anchor of ANCHORS) {
    anchors[anchor.name] = installError
      ? {
          versions: Object.fromEntries(anchor.packages.map((p) => [p, 'not installed'])),
          error: installError,
        }
      : await measureAnchor(anchor);
  }
  const usage: Record<string, { minified: number; gzip: number }> = {};
  for (const use of USAGES) usage[use.name] = await measureUsage(use);
  return {
    coreHooksGzip: own.coreHooks.gzip,
    allGzip: own.all.gzip,
    cssGzip: own.cssGzip,
    coreGzip: own.core.gzip,
    minified: { core: own.core.minified, coreHooks: own.coreHooks.minified, all: own.all.minified },
    coreHooksExports: own.coreHooksExports,
    lazyChunks: { coreHooks: own.coreHooks.lazy, all: own.all.lazy },
    usage,
    anchors,
    modules: { groups: merge(hooks.groups, all.groups), files: merge(hooks.files, all.files) },
  };
}

/** The network figures run in a child process: jsdom's globals must not leak into the rest of the bench. */
function networkFigures() {
  const dir = mkdtempSync(join(tmpdir(), 'refold-bench-'));
  try {
    const out = join(dir, 'network.json');
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'network.ts'), out], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (result.status !== 0) {
      throw new Error(`bench/network.ts failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
    }
    const figures = JSON.parse(readFileSync(out, 'utf8')) as NetworkFigures;
    const warnings = [
      ...new Set(
        `${result.stderr}`
          .split('\n')
          .filter((line) => /warning/i.test(line))
          .map((line) => line.replace(/^\(node:\d+\) /, '')),
      ),
    ];
    return { ...figures, nodeWarnings: warnings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------

log('bench: sizes…');
const size = await sizeFigures();
log('bench: network counts (Node, jsdom, mock over HTTP)…');
const network = networkFigures();
log('bench: Chromium (render, OAuth, memory)…');
const browser = await browserFigures();

const { tokenFetches, requests, refresh, rateLimit } = network;
const lists = browser.render.appList;
const dialog = browser.memory.dialogCycles;

interface Row {
  key: string;
  figure: string;
  value: number;
  unit: string;
  goal: string;
  met: boolean | undefined;
}
const rows: Row[] = [];
const row = (key: string, figure: string, value: number, unit: string, goal?: [string, boolean]) =>
  rows.push({ key, figure, value, unit, goal: goal?.[0] ?? '—', met: goal?.[1] });
const atMost = (value: number, limit: number, unit = ''): [string, boolean] => [
  `≤ ${limit.toLocaleString('en')}${unit}`,
  value <= limit,
];
const exactly = (value: number, target: number): [string, boolean] => [`${target}`, value === target];

row(
  'size.coreHooksGzip',
  'core + provider + hooks, min+gzip',
  size.coreHooksGzip,
  'B',
  atMost(size.coreHooksGzip, GOALS.coreHooksGzip, ' B'),
);
row(
  'size.allGzip',
  'whole entry (with components), min+gzip',
  size.allGzip,
  'B',
  atMost(size.allGzip, GOALS.allGzip, ' B'),
);
row('size.cssGzip', 'styles.css, gzip', size.cssGzip, 'B', atMost(size.cssGzip, GOALS.cssGzip, ' B'));
row('size.coreGzip', 'core alone, min+gzip', size.coreGzip, 'B');
row(
  'tokenFetches.twentyHooks',
  'token fetches, 20 hooks mounting at once',
  tokenFetches.twentyHooks,
  '',
  exactly(tokenFetches.twentyHooks, GOALS.twentyHooksTokenFetches),
);
row(
  'requests.coldFirstList',
  'token fetches + API requests, first app list',
  requests.coldFirstList,
  '',
  atMost(requests.coldFirstList, GOALS.coldFirstListRequests),
);
row(
  'requests.warmRemount',
  'requests, list remount within stale time',
  requests.warmRemount,
  '',
  exactly(requests.warmRemount, GOALS.warmRemountRequests),
);
row(
  'refresh.fiftyConcurrentExpired',
  'token fetches, 50 calls with an expired token',
  refresh.fiftyConcurrentExpired,
  '',
  exactly(refresh.fiftyConcurrentExpired, GOALS.expiredRefreshes),
);
row(
  'refresh.fiftyConcurrentRevoked',
  'token fetches, 50 calls meeting a 401',
  refresh.fiftyConcurrentRevoked,
  '',
  exactly(refresh.fiftyConcurrentRevoked, GOALS.expiredRefreshes),
);
row(
  'rateLimit.surfaced429',
  `429s reaching callers, ${RATE_LIMIT_CALLS} calls at 20 rps/5`,
  rateLimit.surfaced429,
  '',
  exactly(rateLimit.surfaced429, GOALS.surfaced429),
);
const rateBudget = GOALS.rateLimitTimeFactor * rateLimit.limitMs;
row(
  'rateLimit.totalMs',
  `time for those calls (median of ${rateLimit.runs})`,
  Math.round(rateLimit.totalMs),
  'ms',
  [
    `≤ ${GOALS.rateLimitTimeFactor}× ${rateLimit.limitMs} = ${Math.round(rateBudget)} ms`,
    rateLimit.totalMs <= rateBudget,
  ],
);
row('rateLimit.limitMs', "the limit's own time: (100 − 5) / 20 s", rateLimit.limitMs, 'ms');
for (const [count, list] of Object.entries(lists)) {
  const n = Number(count).toLocaleString('en');
  const frame = (value: number) => atMost(value, Math.round(GOALS.filterKeystrokeMs * 10) / 10, ' ms');
  row(
    `render.appList.${count}.appList.mountMs`,
    `AppList mount, ${n} apps`,
    list.appList.mountMs.median,
    'ms',
  );
  row(
    `render.appList.${count}.baseline.mountMs`,
    `plain .map list mount, ${n} apps`,
    list.baseline.mountMs.median,
    'ms',
  );
  row(`render.appList.${count}.ratio.mount`, `  ratio AppList / plain, mount`, list.ratio.mount, '×');
  row(
    `render.appList.${count}.appList.keystrokeMs`,
    `AppList filter keystroke, ${n} apps`,
    list.appList.keystrokeMs.median,
    'ms',
    frame(list.appList.keystrokeMs.median),
  );
  row(
    `render.appList.${count}.baseline.keystrokeMs`,
    `plain .map list filter keystroke, ${n} apps`,
    list.baseline.keystrokeMs.median,
    'ms',
  );
  row(
    `render.appList.${count}.ratio.keystroke`,
    `  ratio AppList / plain, keystroke`,
    list.ratio.keystroke,
    '×',
  );
}
const oauth = browser.oauth.connectedAfterMs;
row(
  'oauth.connectedAfterMs',
  `"Allow" → connected on the page (median of ${oauth.runs})`,
  oauth.median,
  'ms',
  atMost(oauth.median, GOALS.connectedAfterMs, ' ms'),
);
row(
  'memory.dialogCycles.heapGrowthBytes',
  `heap growth, ${DIALOG_CYCLES} ConnectDialog cycles`,
  dialog.heapGrowthBytes,
  'B',
  [`< ${GOALS.heapGrowthBytes.toLocaleString('en')} B`, dialog.heapGrowthBytes < GOALS.heapGrowthBytes],
);
row(
  'memory.dialogCycles.timersLeft',
  'timers left after those cycles',
  dialog.timersLeft,
  '',
  exactly(dialog.timersLeft, GOALS.timersLeft),
);

const durationMs = Math.round(performance.now() - started);
const results = {
  generatedAt: new Date().toISOString(),
  environment: {
    node: process.version,
    browser: browser.browser,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  },
  method: {
    size: 'esbuild, minified ESM for browsers (es2022) with code splitting, react, react-dom (and subpaths) and @tanstack/react-query external, NODE_ENV=production, no legal comments, gzip -9 (node:zlib); a bundle = its entry chunk + the chunks it imports statically, each gzipped; chunks reached only through import() (the non-English locales) are in lazyChunks, not in the bundle; CSS: src/styles.css as shipped, gzip -9. Per-module gzip = what the bundle loses without that code.',
    network:
      'Node + jsdom, the library against the mock Refold over HTTP on 127.0.0.1 (Refold limits: 20 rps, burst 5); a token fetch = one fetchToken call (a pretend backend minting over HTTP)',
    render: `Chromium headless, production React; medians of ${MOUNT_RUNS} mounts and ${KEYSTROKE_RUNS} keystrokes per list and size (3 warm-up runs dropped); mount: from the render call until every app is listed (AppList: listbox aria-setsize) and laid out; keystroke: from keydown of a trusted key press until the list shows the matches and is laid out (paint not included)`,
    oauth: `median of ${OAUTH_RUNS} connections of the mock's "slack": from the click on the mock provider's Allow (in the popup) to data-state="connected" on the page`,
    memory: `CDP HeapProfiler.collectGarbage (twice) + Runtime.getHeapUsage after a 1 s settle, before and after ${DIALOG_CYCLES} mount/unmount cycles of <ConnectDialog open> (after ${DIALOG_WARMUP} warm-up cycles; heapGrowthFromCycle4Bytes counts from cycle 4); timers: setTimeout/setInterval wrapped in the page, live ones counted`,
  },
  goals: rows
    .filter((r) => r.met !== undefined)
    .map(({ key, value, goal, met }) => ({ key, value, goal, met })),
  size,
  tokenFetches,
  requests,
  refresh,
  rateLimit,
  render: browser.render,
  oauth: { connectedAfterMs: oauth.median, connectedAfterMsRuns: oauth },
  memory: browser.memory,
  nodeWarnings: network.nodeWarnings,
  durationMs,
};
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

// ---------------------------------------------------------------------------------------------------------
// The tables

/** A text table: columns sized to their widest cell; columns listed in `right` are right-aligned. */
function table(header: string[], body: string[][], right: number[] = []): string[] {
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((line) => (line[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((text, i) => {
        const gap = ' '.repeat((widths[i] ?? 0) - text.length);
        return right.includes(i) ? gap + text : text + gap;
      })
      .join('   ')
      .trimEnd();
  const rule = '-'.repeat(
    Math.min(
      110,
      widths.reduce((sum, w) => sum + w + 3, -3),
    ),
  );
  return [line(header), rule, ...body.map(line)];
}
const bytes = (value: number | undefined) => (value === undefined ? '—' : value.toLocaleString('en'));
const fmt = (value: number, unit: string) =>
  unit === '×'
    ? `${value.toFixed(2)}×`
    : `${Number.isInteger(value) ? bytes(value) : value.toFixed(1)}${unit && ` ${unit}`}`;

const out: string[] = [''];
out.push(
  ...table(
    ['figure', 'value', 'goal', 'status'],
    rows.map((r) => [
      r.figure,
      fmt(r.value, r.unit),
      r.goal,
      r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
    ]),
    [1],
  ),
);

out.push('', 'Peer SDKs: their main entry, measured the same way (bytes)');
const anchorRows = Object.entries(size.anchors).map(([name, anchor]) => {
  const label = `${name} ${Object.values(anchor.versions).join(' + ')}`;
  if ('error' in anchor) return [label, '—', '—', anchor.error];
  const notes = [
    anchor.cssGzip === undefined ? '' : `+ ${bytes(anchor.cssGzip)} B CSS`,
    anchor.lazyGzip === undefined ? '' : `+ ${bytes(anchor.lazyGzip)} B loaded on demand`,
    anchor.loadsAtRuntime ? `loads its UI at run time from ${anchor.loadsAtRuntime[0]}` : '',
  ];
  return [label, bytes(anchor.gzip), bytes(anchor.minified), notes.filter(Boolean).join('; ')];
});
out.push(
  ...table(
    ['package', 'min+gzip', 'min', 'note'],
    [
      ['@refold/react, whole entry', bytes(size.allGzip), bytes(size.minified.all), ''],
      [
        '@refold/react, core + provider + hooks',
        bytes(size.coreHooksGzip),
        bytes(size.minified.coreHooks),
        '',
      ],
      ...anchorRows,
    ],
    [1, 2],
  ),
);

out.push('', 'What an app ships when it imports only these names (its bundler drops the rest)');
out.push(
  ...table(
    ['imports from @refold/react', 'min+gzip', 'min'],
    Object.entries(size.usage).map(([name, { gzip, minified }]) => [name, bytes(gzip), bytes(minified)]),
    [1, 2],
  ),
);

out.push('', 'Loaded on demand through import(), not in the figures above (whole entry)');
out.push(
  ...table(
    ['chunk', 'min+gzip', 'min'],
    size.lazyChunks.all.map((chunk) => [chunk.module, bytes(chunk.gzip), bytes(chunk.minified)]),
    [1, 2],
  ),
);

const cells = (c: Contribution | null) => [bytes(c?.minified), bytes(c?.gzip)];
out.push('', 'Per module: minified bytes in the bundle; gzip bytes the bundle loses without it');
out.push(
  ...table(
    ['group', 'core+hooks min', 'gzip', 'whole min', 'gzip'],
    Object.entries(size.modules.groups).map(([name, c]) => [name, ...cells(c.coreHooks), ...cells(c.all)]),
    [1, 2, 3, 4],
  ),
);
out.push('', 'Top 10 files of core + provider + hooks');
const top = Object.entries(size.modules.files)
  .filter(([, c]) => c.coreHooks)
  .sort(([, a], [, b]) => (b.coreHooks?.gzip ?? 0) - (a.coreHooks?.gzip ?? 0))
  .slice(0, 10);
out.push(
  ...table(
    ['file', 'min', 'gzip'],
    top.map(([file, c]) => [file, ...cells(c.coreHooks)]),
    [1, 2],
  ),
);

const met = rows.filter((r) => r.met === true).length;
const missed = rows.filter((r) => r.met === false).length;
out.push(
  '',
  `${met} goals met, ${missed} missed. bench/results.json written in ${Math.round(durationMs / 1000)} s.`,
);
console.log(out.join('\n'));
