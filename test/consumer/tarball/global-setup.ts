/**
 * Packs the library once for the consumer tests: `npm pack` (its `prepack` runs `npm run build`) into a
 * temporary folder, the tarball's path provided to the tests as `refoldTarball`.
 *
 * @module
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { run } from './consumer-app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the packed `@refold/react` tarball. */
    refoldTarball: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), 'refold-pack-'));
  await run('npm', ['pack', '--pack-destination', folder], project.config.root);
  const [tarball] = readdirSync(folder).filter((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball into ${folder}.`);
  project.provide('refoldTarball', join(folder, tarball));
  return () => rmSync(folder, { recursive: true, force: true });
}
