import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { run } from './consumer-app.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const bin = (name: string) => fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url));

describe('the packed library', () => {
  it('passes publint', async () => {
    const output = await run(bin('publint'), [inject('refoldTarball')], REPO);
    expect(output).toContain('All good!');
  });

  it('passes attw with the esm-only profile (types resolve for node16 ESM and bundlers)', async () => {
    await run(
      bin('attw'),
      [inject('refoldTarball'), '--profile', 'esm-only', '--format', 'table-flipped'],
      REPO,
    );
  });

  it('holds dist/, the README, the license and package.json only', async () => {
    const listing = await run('tar', ['-tzf', inject('refoldTarball')], REPO);
    const files = listing.trim().split('\n');
    const outside = files.filter((file) => !file.startsWith('package/dist/'));
    expect(outside.sort()).toEqual(['package/LICENSE', 'package/README.md', 'package/package.json']);
    expect(
      files.filter((file) => /\.(test|stories)\.|(^|\/)(test|stories|demo)\/|mockServiceWorker/.test(file)),
    ).toEqual([]);
    expect(files).toContain('package/dist/index.js.map');
    for (const file of files.filter((name) => name.endsWith('.js'))) {
      expect(files, `${file} has a source map`).toContain(`${file}.map`);
    }
  });

  it('has no eval and no new Function in any script', async () => {
    const scripts = await run(
      'tar',
      ['-xzOf', inject('refoldTarball'), '--wildcards', 'package/dist/*.js'],
      REPO,
    );
    expect(scripts.length).toBeGreaterThan(100_000);
    expect(scripts).not.toMatch(/\beval\(|new Function\(/);
    expect(scripts).toMatch(/^["']use client["'];/m);
  });

  it('declares the exports ., ./core, ./testing and ./styles.css, and side effects in CSS only', async () => {
    const manifest = await run('tar', ['-xzOf', inject('refoldTarball'), 'package/package.json'], REPO);
    const pkg = JSON.parse(manifest) as {
      exports: Record<string, unknown>;
      sideEffects: string[];
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
      peerDependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.exports)).toEqual(
      expect.arrayContaining(['.', './core', './testing', './styles.css', './package.json']),
    );
    expect(pkg.sideEffects).toEqual(['**/*.css']);
    expect(pkg.peerDependencies['msw']).toBe('^2 || ^3');
    expect(pkg.peerDependenciesMeta['msw']?.optional).toBe(true);
  });
});
