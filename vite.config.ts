import { basename } from 'node:path';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

/**
 * Two files the bundler leaves out:
 * - `styles.css.d.ts`, the types of `import '@refold/react/styles.css'` (its export's `types` condition), so
 *   that a consumer whose TypeScript declares no `*.css` modules still type-checks it (TypeScript 6 checks
 *   side-effect imports);
 * - a source map for an entry made of re-exports only (`core/index.js`), which gets none but still points
 *   at one.
 */
const libraryFiles: Plugin = {
  name: 'refold:library-files',
  generateBundle(_options, bundle) {
    this.emitFile({ type: 'asset', fileName: 'styles.css.d.ts', source: 'export {};\n' });
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || chunk.map !== null || chunk.facadeModuleId?.endsWith('.css')) continue;
      const map = { version: 3, file: basename(chunk.fileName), sources: [], names: [], mappings: '' };
      this.emitFile({ type: 'asset', fileName: `${chunk.fileName}.map`, source: JSON.stringify(map) });
    }
  },
};

// Library build: ESM only, peers stay external, the MSW worker never lands in dist/.
export default defineConfig({
  publicDir: false,
  plugins: [libraryFiles],
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        'core/index': 'src/core/index.ts',
        'testing/index': 'src/testing/index.ts',
        'testing/mock': 'src/testing/mock.ts',
        'testing/msw': 'src/testing/mock-refold/msw.ts',
        'testing/node': 'src/testing/mock-refold/node.ts',
        'testing/react': 'src/testing/render.tsx',
        styles: 'src/styles.css',
        // One module per locale besides English (which ships with the components).
        ...Object.fromEntries(
          ['en', 'es', 'fr', 'de', 'ja'].map((locale) => [
            `locales/${locale}`,
            `src/i18n/locales/${locale}.ts`,
          ]),
        ),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [
        /^react($|\/)/,
        /^react-dom($|\/)/,
        /^@tanstack\/react-query($|\/)/,
        /^@testing-library\//,
        /^msw($|\/)/,
        /^node:/,
      ],
      output: {
        // A chunk shared by the testing kit's entries only (the mock, createMockFetchToken) stays in testing/.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.every((id) => id.includes('/src/testing/'))
            ? 'testing/[name]-[hash].js'
            : '[name]-[hash].js',
      },
      // The bundler warns that it may drop `"use client"` from src/index.ts; it keeps it on dist/index.js
      // (test/consumer checks), so the warning is noise.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
    cssCodeSplit: true,
    sourcemap: true,
    minify: false,
  },
});
