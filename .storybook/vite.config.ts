// Vite config of Storybook's preview (the root vite.config.ts builds the library). Storybook ignores `build`
// here; build options live in main.ts's viteFinal.
import { defineConfig } from 'vite';

export default defineConfig({
  optimizeDeps: {
    // Pre-bundled up front, so that the first run never stops to re-optimise and reload.
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      '@tanstack/react-query',
      'msw',
      'msw/browser',
      'msw-storybook-addon/csf3',
    ],
  },
});
