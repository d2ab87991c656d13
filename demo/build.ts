/**
 * Builds the demo front end with Vite (demo/vite.config.ts) into `outDir` (default demo/dist).
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The default output folder. */
export const DEMO_DIST = fileURLToPath(new URL('./dist', import.meta.url));

/** Builds the front end; answers the folder it wrote. */
export async function buildDemo(outDir: string = DEMO_DIST): Promise<string> {
  await build({
    configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
    build: { outDir },
    logLevel: 'warn',
  });
  return outDir;
}
