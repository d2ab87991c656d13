// The demo front end, built from the library's source: `@refold/react` is the package entry (src/index.ts)
// and `@refold/react/styles.css` its stylesheet, exactly the imports an app makes from the published package.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@refold\/react$/, replacement: fromRoot('src/index.ts') },
      { find: /^@refold\/react\/styles\.css$/, replacement: fromRoot('src/styles.css') },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One chunk with React, TanStack Query and the library: small enough for a demo.
    chunkSizeWarningLimit: 1_000,
    rolldownOptions: {
      // Dependencies' 'use client' directives mean nothing in a client-only app.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
});
