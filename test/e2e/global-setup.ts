/**
 * Global setup of the `e2e` project: builds the demo front end once per run into test-results/e2e
 * (ignored), for every test file to serve with its own demo server.
 */
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildDemo } from '../../demo/build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built demo front end. */
    demoDist: string;
  }
}

export default async function setup(project: TestProject) {
  const demoDist = await buildDemo(
    fileURLToPath(new URL('../../test-results/e2e/demo-dist', import.meta.url)),
  );
  project.provide('demoDist', demoDist);
}
