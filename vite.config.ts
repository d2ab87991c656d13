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
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^msw($|\/)/, /^node:/],
    },
    sourcemap: true,
    minify: false,
  },
});
