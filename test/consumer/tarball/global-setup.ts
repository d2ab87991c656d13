/**
 * Packs the library once for the consumer tests: `npm pack` (its `prepack` runs `npm run build`) into a
 * temporary folder, the tarball's path provided to the tests as `refoldTarball`.
 *
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { childEnv } from './consumer-app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the packed `@refold/react` tarball. */
    refoldTarball: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), 'refold-pack-'));
  await promisify(execFile)('npm', ['pack', '--pack-destination', folder], {
    cwd: project.config.root,
    env: childEnv(),
    maxBuffer: 64 * 1024 * 1024,
  });
  const [tarball] = readdirSync(folder).filter((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball into ${folder}.`);
  project.provide('refoldTarball', join(folder, tarball));
  return () => rmSync(folder, { recursive: true, force: true });
}
