import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';

const quietLogs = new Set(['MODULE_LEVEL_DIRECTIVE', 'PLUGIN_TIMINGS']);

const config: StorybookConfig = {
  framework: {
    name: '@storybook/react-vite',
    options: {
      strictMode: true,
      // Not the root vite.config.ts: that one is the library build (lib mode, no public dir).
      builder: { viteConfigPath: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) },
    },
  },
  stories: ['../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // public/mockServiceWorker.js (MSW's worker), served beside the preview.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      build: {
        // Storybook's own chunks are large; their size says nothing about the library's.
        chunkSizeWarningLimit: 2_000,
        rolldownOptions: {
          // Dependencies' 'use client' directives and the build's plugin timings: noise here.
          onLog(level: string, log: { code?: string }, handler: (level: string, log: unknown) => void) {
            if (log.code && quietLogs.has(log.code)) return;
            handler(level, log);
          },
        },
      },
    }),
};

export default config;
