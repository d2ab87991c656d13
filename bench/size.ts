/**
 * Bundle sizes, as an app's bundler would ship them: esbuild, minified ESM for browsers, `react`, `react-dom`
 * (and their subpaths, such as `react/jsx-runtime`) and `@tanstack/react-query` external, gzip level 9. Used by
 * `npm run bench` and by the size check in `npm test`. Deterministic: the same sources give the same bytes.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Metafile } from 'esbuild';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where the peer SDKs are installed: `bench/anchors/package.json`, `npm ci --prefix bench/anchors`. A folder of
 * its own, so that the React those SDKs bring along never shadows the project's for the bench's own files.
 */
export const ANCHORS_DIR = join(ROOT, 'bench', 'anchors');

/** Left out of every bundle: the app has them anyway. */
export const EXTERNALS: readonly string[] = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  '@tanstack/react-query',
];

/** Bytes of `data` after gzip at level 9. */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
}

/** One file of a bundle that loads with its entry (the entry itself, or a chunk it imports statically). */
export interface Chunk {
  /** The minified JavaScript. */
  code: string;
  /** Bytes of {@link Chunk.code} after gzip -9. */
  gzip: number;
  /** The source map (with `sourcemap`). */
  map: SourceMap | undefined;
}

/** A chunk the entry reaches only through `import()`: downloaded when the code asks for it, not with the entry. */
export interface LazyChunk {
  /** The module it was split at (`src/i18n/locales/ja.ts`), relative to the repository. */
  module: string;
  /** Minified bytes. */
  minified: number;
  /** gzip -9 bytes. */
  gzip: number;
}

/**
 * One bundle of an entry, split as an app's bundler splits it: what loads with the entry (the entry chunk and
 * the chunks it imports statically) is measured; the chunks reached only through `import()` are listed apart.
 */
export interface Bundle {
  /** The minified JavaScript that loads with the entry (its chunks, joined). */
  code: string;
  /** Bytes of {@link Bundle.code}. */
  minified: number;
  /** gzip -9 bytes of what loads with the entry: the sum over its chunks, each gzipped as it is served. */
  gzip: number;
  /** The chunks that load with the entry, the entry first. */
  chunks: Chunk[];
  /** The chunks reached only through `import()`, by module (e.g. the non-English locales). */
  lazy: LazyChunk[];
  /** CSS the entry imports, bundled apart by esbuild (gzip -9 bytes), if any. */
  cssGzip: number | undefined;
  /** Names the bundle exports. */
  exports: string[];
  /** Bytes each input file contributes to what loads with the entry, by path relative to the repository. */
  inputs: Record<string, number>;
}

interface SourceMap {
  sources: string[];
  mappings: string;
}

/** Options of {@link bundle}. */
export interface BundleOptions {
  /** Directory bare imports resolve from. @defaultValue the repository root */
  resolveDir?: string;
  /** esbuild's `mainFields`. @defaultValue esbuild's for browsers: browser, module, main */
  mainFields?: string[];
  /** Also produce source maps (for the per-module table). @defaultValue false */
  sourcemap?: boolean;
}

/** Bundles an ESM entry given as source text (e.g. `export * from './src/index.ts';`), with code splitting. */
export async function bundle(contents: string, options: BundleOptions = {}): Promise<Bundle> {
  const outdir = join(ROOT, 'bench', '.out'); // never written: write is false
  const resolveDir = options.resolveDir ?? ROOT;
  const result = await build({
    stdin: { contents, resolveDir, sourcefile: 'entry.ts', loader: 'ts' },
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    external: [...EXTERNALS],
    define: { 'process.env.NODE_ENV': '"production"' },
    ...(options.mainFields ? { mainFields: options.mainFields } : {}),
    sourcemap: options.sourcemap ? 'external' : false,
    metafile: true,
    write: false,
    outdir,
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((file) => [relative(ROOT, file.path), file]));
  const outputs = result.metafile.outputs;
  const entryPoint = relative(ROOT, join(resolveDir, 'entry.ts')); // how esbuild names stdin
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === entryPoint);
  if (!entry) throw new Error('esbuild produced no entry chunk');
  // The entry, then what it imports statically, breadth first (a stable order: esbuild's own); then what
  // that code can load through import(). A chunk whose import() was tree-shaken away is in neither.
  const reach = (from: string[], kinds: readonly string[]) => {
    const found = [...from];
    for (let i = 0; i < found.length; i++) {
      for (const { path, kind, external } of outputs[found[i] ?? '']?.imports ?? []) {
        if (!external && kinds.includes(kind) && !found.includes(path)) found.push(path);
      }
    }
    return found;
  };
  const loaded = reach([entry], ['import-statement']);
  const chunks = loaded.map((path): Chunk => {
    const js = files.get(path);
    if (!js) throw new Error(`esbuild wrote no ${path}`);
    const mapFile = files.get(`${path}.map`);
    const map = mapFile ? (JSON.parse(mapFile.text) as SourceMap) : undefined;
    if (map) map.sources = map.sources.map((source) => relative(ROOT, resolve(outdir, source)));
    return { code: js.text, gzip: gzipSize(js.contents), map };
  });
  const lazy = reach(loaded, ['import-statement', 'dynamic-import'])
    .filter((path) => !loaded.includes(path))
    .map((path): LazyChunk => {
      const contents = files.get(path)?.contents ?? new Uint8Array();
      const output = outputs[path];
      return {
        module: output?.entryPoint ?? Object.keys(output?.inputs ?? {}).join(' + '),
        minified: contents.length,
        gzip: gzipSize(contents),
      };
    })
    .sort((a, b) => a.module.localeCompare(b.module));
  const css = result.outputFiles.find((file) => file.path.endsWith('.css'));
  const code = chunks.map((chunk) => chunk.code).join('\n');
  return {
    code,
    minified: loaded.reduce((sum, path) => sum + (files.get(path)?.contents.length ?? 0), 0),
    gzip: chunks.reduce((sum, chunk) => sum + chunk.gzip, 0),
    chunks,
    lazy,
    cssGzip: css ? gzipSize(css.contents) : undefined,
    exports: outputs[entry]?.exports ?? [],
    inputs: inputsOf(loaded.map((path) => outputs[path])),
  };
}

function inputsOf(loaded: readonly (Metafile['outputs'][string] | undefined)[]): Record<string, number> {
  const inputs: Record<string, number> = {};
  for (const output of loaded) {
    for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
      if (bytesInOutput > 0) inputs[path] = (inputs[path] ?? 0) + bytesInOutput;
    }
  }
  return inputs;
}

/** The library's entries, built through the public entry points only. */
export interface OwnSizes {
  /** `@refold/react/core` alone. */
  core: Bundle;
  /** Core + `RefoldProvider` + every hook (what a hooks-only app pulls). */
  coreHooks: Bundle;
  /** `@refold/react`, components included. */
  all: Bundle;
  /** The names re-exported by the core + provider + hooks entry. */
  coreHooksExports: string[];
  /** gzip -9 bytes of `src/styles.css` as shipped. */
  cssGzip: number;
}

/**
 * Which exports of the root entry a hooks-only app uses: everything but the components. A component is a
 * PascalCase export that is not the core's and not `Refold…` (the provider, the errors).
 */
export function coreHooksNames(rootExports: readonly string[], coreExports: readonly string[]): string[] {
  const core = new Set(coreExports);
  const isComponent = (name: string) => /^[A-Z]/.test(name) && !name.startsWith('Refold') && !core.has(name);
  return rootExports.filter((name) => !isComponent(name)).sort();
}

/** Builds the core, the core + provider + hooks, and the whole entry; reads the stylesheet. */
export async function measureOwnSizes(options: { sourcemap?: boolean } = {}): Promise<OwnSizes> {
  const [core, all] = await Promise.all([
    bundle("export * from './src/core/index.ts';"),
    bundle("export * from './src/index.ts';", options),
  ]);
  const coreHooksExports = coreHooksNames(all.exports, core.exports);
  const coreHooks = await bundle(`export { ${coreHooksExports.join(', ')} } from './src/index.ts';`, options);
  const cssGzip = gzipSize(readFileSync(join(ROOT, 'src/styles.css')));
  return { core, coreHooks, all, coreHooksExports, cssGzip };
}

// ---------------------------------------------------------------------------------------------------------
// What apps ship

/** A way an app may use the library: the names it imports from `@refold/react`. */
export interface Usage {
  /** Name in the tables. */
  name: string;
  /** Names imported from the root entry. */
  imports: readonly string[];
}

const CONNECT_HOOKS = [
  'useApplications',
  'useApplication',
  'useConnect',
  'useDisconnect',
  'useLinkedAccount',
];

/** Typical imports, from a hooks-only catalog to the components of a whole integrations page. */
export const USAGES: readonly Usage[] = [
  { name: 'RefoldProvider', imports: ['RefoldProvider'] },
  { name: 'RefoldProvider + useApplications', imports: ['RefoldProvider', 'useApplications'] },
  { name: `RefoldProvider + ${CONNECT_HOOKS.join(', ')}`, imports: ['RefoldProvider', ...CONNECT_HOOKS] },
  { name: 'RefoldProvider + ConnectButton', imports: ['RefoldProvider', 'ConnectButton'] },
  { name: 'RefoldProvider + AppList', imports: ['RefoldProvider', 'AppList'] },
  { name: 'RefoldProvider + ConnectDialog', imports: ['RefoldProvider', 'ConnectDialog'] },
  {
    name: 'RefoldProvider + ConnectDialog, ConfigForm, ExecutionList',
    imports: ['RefoldProvider', 'ConnectDialog', 'ConfigForm', 'ExecutionList'],
  },
];

/** What an app that imports only `usage.imports` ships (its bundler drops the rest): min+gzip, as above. */
export async function measureUsage(usage: Usage): Promise<{ minified: number; gzip: number }> {
  const { minified, gzip } = await bundle(`export { ${usage.imports.join(', ')} } from './src/index.ts';`);
  return { minified, gzip };
}

// ---------------------------------------------------------------------------------------------------------
// Per-module contributions

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's `mappings` into (line, column, source) triples. */
function decodeMappings(mappings: string): { line: number; column: number; source: number }[] {
  const segments: { line: number; column: number; source: number }[] = [];
  let source = 0;
  mappings.split(';').forEach((text, line) => {
    let column = 0;
    for (const segment of text.split(',')) {
      if (segment === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length >= 4) {
        source += values[1] ?? 0;
        segments.push({ line, column, source });
      } else {
        segments.push({ line, column, source: -1 });
      }
    }
  });
  return segments;
}

/** For each character of `code`, the index of the source it came from (-1: esbuild's own glue). */
function ownersOf(code: string, map: SourceMap): Int32Array {
  const owners = new Int32Array(code.length).fill(-1);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const segments = decodeMappings(map.mappings);
  segments.forEach((segment, index) => {
    const start = (lineStarts[segment.line] ?? code.length) + segment.column;
    const next = segments[index + 1];
    const lineEnd = (lineStarts[segment.line + 1] ?? code.length + 1) - 1;
    const end =
      next && next.line === segment.line
        ? (lineStarts[next.line] ?? code.length) + next.column
        : Math.min(lineEnd + 1, code.length);
    owners.fill(segment.source, start, end);
  });
  return owners;
}

/** What one file (or a group of files) costs in a bundle. */
export interface Contribution {
  /** Minified bytes in the bundle (esbuild's `bytesInOutput`). */
  minified: number;
  /** gzip -9 bytes the bundle would lose without it: gzip(bundle) − gzip(bundle without its code). */
  gzip: number;
}

/**
 * What each input file and each group of files costs in `bundle` (built with `sourcemap`). `groupOf` names the
 * group of a file. The gzip figure is marginal: removing two files saves about, not exactly, the sum.
 */
export function contributions(
  target: Bundle,
  groupOf: (file: string) => string,
): { files: Record<string, Contribution>; groups: Record<string, Contribution> } {
  // For each chunk, the file each character came from ('' for esbuild's own glue).
  const owned = target.chunks.map(({ code, map }) => {
    if (!map) throw new Error('contributions() needs a bundle built with sourcemap: true');
    const owners = ownersOf(code, map);
    return { code, fileAt: (i: number) => map.sources[owners[i] ?? -1] ?? '' };
  });
  const without = (drop: ReadonlySet<string>): number => {
    let gzip = 0;
    for (const { code, fileAt } of owned) {
      let kept = '';
      let from = 0;
      for (let i = 0; i <= code.length; i++) {
        const dropped = i < code.length && drop.has(fileAt(i));
        if (dropped || i === code.length) {
          if (i > from) kept += code.slice(from, i);
          from = i + 1;
        }
      }
      gzip += gzipSize(kept);
    }
    return target.gzip - gzip;
  };
  const mapped = new Set(target.chunks.flatMap((chunk) => chunk.map?.sources ?? []));
  const files: Record<string, Contribution> = {};
  const grouped = new Map<string, Set<string>>();
  for (const [file, minified] of Object.entries(target.inputs)) {
    if (!mapped.has(file)) continue;
    files[file] = { minified, gzip: without(new Set([file])) };
    const group = groupOf(file);
    grouped.set(group, (grouped.get(group) ?? new Set()).add(file));
  }
  const groups: Record<string, Contribution> = {};
  for (const [group, members] of grouped) {
    const minified = [...members].reduce((sum, file) => sum + (target.inputs[file] ?? 0), 0);
    groups[group] = { minified, gzip: without(members) };
  }
  return { files, groups };
}

/** The group a library file belongs to in the tables: `core`, `react`, `i18n`, `components/AppList` … */
export function libraryGroup(file: string): string {
  const parts = file.split('/');
  if (parts[0] !== 'src') return parts[0] ?? file;
  if (parts[1] === 'components' && parts.length > 3) return `components/${parts[2]}`;
  return parts.length > 2 ? (parts[1] ?? file) : file;
}

// ---------------------------------------------------------------------------------------------------------
// Peer SDKs

/** A peer SDK measured beside ours: its packages' entries, bundled together. */
export interface Anchor {
  /** Name in the tables. */
  name: string;
  /** Packages whose main entries are re-exported (`export * from …`). */
  packages: string[];
}

/** The peer SDKs of issue 12. */
export const ANCHORS: readonly Anchor[] = [
  { name: '@cobaltio/cobalt-js', packages: ['@cobaltio/cobalt-js'] },
  {
    name: '@stripe/react-connect-js + @stripe/connect-js',
    packages: ['@stripe/react-connect-js', '@stripe/connect-js'],
  },
  { name: 'react-plaid-link', packages: ['react-plaid-link'] },
  { name: '@mergeapi/react-merge-link', packages: ['@mergeapi/react-merge-link'] },
  { name: '@nangohq/frontend', packages: ['@nangohq/frontend'] },
  { name: '@flatfile/react', packages: ['@flatfile/react'] },
];

/** The size of a peer SDK, or why there is none. */
export type AnchorSize =
  | {
      /** Installed versions, by package. */
      versions: Record<string, string>;
      /** Minified JavaScript bytes. */
      minified: number;
      /** gzip -9 bytes of the JavaScript (the figure compared with ours). */
      gzip: number;
      /** gzip -9 bytes of CSS the entry imports, if any. */
      cssGzip?: number;
      /** gzip -9 bytes of the chunks it reaches only through `import()`, if any (not in {@link gzip}). */
      lazyGzip?: number;
      /** Scripts the bundle loads from the network at run time: its real UI is not in {@link gzip}. */
      loadsAtRuntime?: string[];
    }
  | { versions: Record<string, string>; error: string };

interface PackageJson {
  version?: string;
  module?: unknown;
  browser?: unknown;
}

function readPackage(name: string): { dir: string; json: PackageJson } | undefined {
  const dir = join(ANCHORS_DIR, 'node_modules', name);
  const file = join(dir, 'package.json');
  return existsSync(file) ? { dir, json: JSON.parse(readFileSync(file, 'utf8')) as PackageJson } : undefined;
}

/**
 * Resolves a package as Vite does: its `browser` entry, unless that is a UMD/CommonJS build and the package
 * also has an ESM `module` entry (react-plaid-link's `browser` is a UMD bundle; Vite users get `module`).
 */
function mainFieldsOf(packages: readonly { dir: string; json: PackageJson }[]): string[] | undefined {
  const umdBrowser = packages.some(({ dir, json }) => {
    if (typeof json.browser !== 'string' || typeof json.module !== 'string') return false;
    const browserEntry = readFileSync(join(dir, json.browser), 'utf8');
    return !/(?:^|;|\})\s*(?:import|export)\b/m.test(browserEntry);
  });
  return umdBrowser ? ['module', 'main'] : undefined;
}

/** Bundles one peer SDK from `bench/anchors/node_modules` the same way as ours. */
export async function measureAnchor(anchor: Anchor): Promise<AnchorSize> {
  const found = anchor.packages.map((name) => ({ name, found: readPackage(name) }));
  const versions: Record<string, string> = {};
  for (const { name, found: pkg } of found) versions[name] = pkg?.json.version ?? 'not installed';
  const missing = found.filter((entry) => !entry.found).map((entry) => entry.name);
  if (missing.length > 0) {
    return { versions, error: `not installed in bench/anchors/node_modules: ${missing.join(', ')}` };
  }
  try {
    const installed = found.flatMap((entry) => (entry.found ? [entry.found] : []));
    const mainFields = mainFieldsOf(installed);
    const result = await bundle(anchor.packages.map((name) => `export * from '${name}';`).join('\n'), {
      resolveDir: ANCHORS_DIR,
      ...(mainFields ? { mainFields } : {}),
    });
    const scripts = [...new Set(result.code.match(/https:\/\/[\w.-]+\/[\w./-]*\.js\b/g) ?? [])];
    return {
      versions,
      minified: result.minified,
      gzip: result.gzip,
      ...(result.cssGzip === undefined ? {} : { cssGzip: result.cssGzip }),
      ...(result.lazy.length > 0
        ? { lazyGzip: result.lazy.reduce((sum, chunk) => sum + chunk.gzip, 0) }
        : {}),
      ...(scripts.length > 0 ? { loadsAtRuntime: scripts } : {}),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { versions, error: `esbuild could not bundle it: ${message.split('\n').slice(0, 4).join(' ')}` };
  }
}
