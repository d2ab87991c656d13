import { defineConfig } from 'vite';

// Library build: ESM only, peers stay external, the MSW worker never lands in dist/.
export default defineConfig({
  publicDir: false,
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        'core/index': 'src/core/index.ts',
        'testing/index': 'src/testing/index.ts',
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
    },
    cssCodeSplit: true,
    sourcemap: true,
    minify: false,
  },
});
