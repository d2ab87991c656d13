/**
 * Which Chromium the browser tests launch, and how. Node-side only (Vitest config, Playwright helpers).
 *
 * Order: `CHROMIUM_PATH`, then a system Chromium on the PATH or at a known path (Debian's `chromium`),
 * else `undefined`: Playwright's own browser (`npx playwright install chromium`), so nothing special is
 * needed on machines where Playwright can download it. `PLAYWRIGHT_OWN_BROWSER=1` skips the system one.
 *
 * @module
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser'];
const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium executable to launch, or `undefined` for Playwright's own browser. */
export function chromiumExecutablePath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  if (env.PLAYWRIGHT_OWN_BROWSER === '1') return undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return KNOWN_PATHS.find(isExecutable);
}

/** Flags for headless Chromium in containers and CI (no sandbox, no GPU, no background traffic). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Playwright `launchOptions` for the browser projects: the Chromium above, headless, with {@link CHROMIUM_ARGS}. */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[]; headless: boolean } {
  const executablePath = chromiumExecutablePath();
  return { ...(executablePath ? { executablePath } : {}), args: [...CHROMIUM_ARGS], headless: true };
}
