/**
 * Fresh consumer apps for the packed library: a template of `test/consumer/apps` copied into a folder of the
 * OS temp directory, its dependencies installed with npm and the tarball installed as from the registry.
 *
 * The install is cached: the folder is named after this checkout and the dependency list, and keeps its
 * `node_modules` from one run to the next, so a second run only swaps the tarball (`--prefer-offline` reads npm's cache first;
 * the versions shared with this repository's lockfile are there after `npm ci`).
 *
 * @module
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const TEMPLATES = join(REPO, 'test/consumer/apps');

interface LockEntry {
  version: string;
}
const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry | undefined>;
};

/** The version this repository's lockfile installs at `path` (e.g. `node_modules/vite`), so npm's cache has it. */
export function lockedVersion(name: string, path = `node_modules/${name}`): string {
  const version = lock.packages[path]?.version;
  if (version === undefined) throw new Error(`package-lock.json has no ${path}.`);
  return version;
}

/** The versions of this repository's lockfile for `names`. */
export function locked(...names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, lockedVersion(name)]));
}

/**
 * The environment for commands of a consumer app: this process's, less what Vitest and `npm test` add
 * (`NODE_ENV=test` would make `vite build` a development build; `npm_*` would reach the app's npm, except
 * where npm's cache and registry are; colours would garble the output read), and
 * without this repository's `node_modules/.bin` on the PATH.
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    const kept = /^npm_config_(cache|registry|userconfig)$/i.test(name);
    if (!kept && /^(VITEST|npm_|NODE_ENV$|NODE_OPTIONS$|TEST$|INIT_CWD$|FORCE_COLOR$)/i.test(name)) continue;
    env[name] = value;
  }
  env['PATH'] = (process.env['PATH'] ?? '')
    .split(':')
    .filter((dir) => !dir.includes(`${sep}node_modules${sep}.bin`))
    .join(':');
  env['NEXT_TELEMETRY_DISABLED'] = '1';
  env['NO_COLOR'] = '1';
  return env;
}

/** Runs `command` in `cwd`; resolves with its output, or rejects with the output's end in the message. */
export function run(command: string, args: string[], cwd: string, timeoutMs = 300_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env: childEnv(), timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        if (error)
          reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output.slice(-6000)}`));
        else resolve(output);
      },
    );
  });
}

/** A consumer app installed in its folder. */
export interface ConsumerApp {
  /** The app's folder. */
  dir: string;
  /** Runs one of the app's own binaries (`node_modules/.bin/<bin>`) in its folder. */
  bin(name: string, args: string[], timeoutMs?: number): Promise<string>;
}

/** What {@link installConsumerApp} installs. */
export interface ConsumerAppOptions {
  /** The folder of `test/consumer/apps` to copy. */
  template: string;
  /** The app's dependencies besides `@refold/react` (exact versions). */
  dependencies: Record<string, string>;
  /** The packed library. */
  tarball: string;
  /** Leave peer dependencies out (`npm install --omit=peer`): a consumer without React. @default false */
  omitPeers?: boolean;
}

/** Copies `template` into its cached folder and installs `dependencies` and the tarball, as a user would. */
export async function installConsumerApp(options: ConsumerAppOptions): Promise<ConsumerApp> {
  const { template, dependencies, tarball, omitPeers = false } = options;
  const key = createHash('sha256')
    .update(JSON.stringify({ repo: REPO, dependencies, omitPeers }))
    .digest('hex')
    .slice(0, 12);
  const dir = join(tmpdir(), 'refold-consumer', `${template}-${key}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: `consumer-${template}`, private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  for (const output of ['dist', 'out', '.next', 'public', 'src', 'app', 'next-env.d.ts']) {
    rmSync(join(dir, output), { recursive: true, force: true });
  }
  rmSync(join(dir, 'node_modules/@refold'), { recursive: true, force: true });
  cpSync(join(TEMPLATES, template), dir, { recursive: true });
  const flags = [
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--no-save',
    ...(omitPeers ? ['--omit=peer'] : []),
  ];
  await run('npm', ['install', ...flags, tarball], dir, 600_000);
  return {
    dir,
    bin: (name, args, timeoutMs) => run(join(dir, 'node_modules/.bin', name), args, dir, timeoutMs),
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves a built app's folder on 127.0.0.1 (`/` is `index.html`). */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(root, path === sep ? 'index.html' : path);
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
