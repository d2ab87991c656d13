import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import type { BrowserConfigOptions } from 'vitest/node';
import { chromiumLaunchOptions } from './test/browser-setup/chromium.js';

const react18 = (path: string) =>
  fileURLToPath(new URL(`./test/react18/node_modules/${path}`, import.meta.url));

const reactProject = {
  environment: 'jsdom',
  include: ['test/react/**/*.test.{ts,tsx}', 'test/ssr/**/*.test.{ts,tsx}'],
  setupFiles: ['test/react/setup.ts'],
  testTimeout: 20_000,
};

// Real Chromium (Debian's on CI, CHROMIUM_PATH, else Playwright's own), headless. Playwright's default
// --disable-popup-blocking stays on here; test/browser-setup/popup-blocking.ts launches with the blocker.
// Reduced motion: colours never caught half-way through a transition by axe's contrast check. A fresh object
// per project: Vitest writes the project's name into it.
const browser = (): BrowserConfigOptions => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: chromiumLaunchOptions(),
    contextOptions: { reducedMotion: 'reduce' },
  }),
  instances: [{ browser: 'chromium' }],
});

// Node-side Playwright tests (their own Chromium with the popup blocker on), kept out of the browser project.
const popupTests = ['test/components/popup-blocker.test.tsx', 'test/components/**/*.popup.test.{ts,tsx}'];

// Pre-bundled up front, so that the first run never stops to re-optimise and reload (a flaky failure).
const browserDeps = [
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-dom/client',
  '@tanstack/react-query',
  'msw',
  'msw/browser',
  'axe-core',
  '@testing-library/react',
  '@testing-library/dom',
  '@testing-library/user-event',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/testing/**/*.test.ts', 'test/consumer/*.test.ts'],
          testTimeout: 20_000,
          // Type tests of the public signatures, checked by tsc and reported as tests.
          typecheck: { enabled: true, include: ['test/**/*.test-d.{ts,tsx}'], tsconfig: 'tsconfig.json' },
        },
      },
      { test: { name: 'react19', ...reactProject, env: { EXPECTED_REACT_MAJOR: '19' } } },
      {
        // The same tests on React 18, installed apart in test/react18 so that it never meets React 19.
        resolve: {
          alias: [
            { find: /^react$/, replacement: react18('react/index.js') },
            { find: /^react\/jsx-runtime$/, replacement: react18('react/jsx-runtime.js') },
            { find: /^react\/jsx-dev-runtime$/, replacement: react18('react/jsx-dev-runtime.js') },
            { find: /^react-dom$/, replacement: react18('react-dom/index.js') },
            { find: /^react-dom\/client$/, replacement: react18('react-dom/client.js') },
            { find: /^react-dom\/server$/, replacement: react18('react-dom/server.node.js') },
            { find: /^react-dom\/test-utils$/, replacement: react18('react-dom/test-utils.js') },
            // RTL's package has no exports map; its ESM build imports react-dom through the aliases above.
            {
              find: /^@testing-library\/react$/,
              replacement: fileURLToPath(
                new URL(
                  './node_modules/@testing-library/react/dist/@testing-library/react.esm.js',
                  import.meta.url,
                ),
              ),
            },
          ],
        },
        test: {
          name: 'react18',
          ...reactProject,
          env: { EXPECTED_REACT_MAJOR: '18' },
          server: { deps: { inline: [/@testing-library\/react/, /@tanstack\/react-query/] } },
        },
      },
      {
        // Component tests in real Chromium, the mock Refold behind MSW's service worker (public/).
        optimizeDeps: { include: browserDeps },
        test: {
          name: 'components',
          // Polls wait as long as findBy… does (5 s) and then some: CI machines are shared and slow at times.
          expect: { poll: { timeout: 8_000 } },
          include: ['test/components/**/*.test.{ts,tsx}'],
          exclude: popupTests,
          setupFiles: ['test/browser-setup/setup.ts'],
          testTimeout: 20_000,
          browser: browser(),
        },
      },
      // Every story of stories/ as a test in Chromium, with axe (parameters.a11y.test = 'error'): once in the
      // light theme and once in the dark one (.storybook/vitest.dark.ts forces the theme).
      ...(['light', 'dark'] as const).map((theme) => ({
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        optimizeDeps: { include: [...browserDeps, 'msw-storybook-addon/csf3'] },
        test: {
          name: theme === 'light' ? 'storybook' : 'storybook-dark',
          testTimeout: 20_000,
          browser: browser(),
          // A string: the Storybook plugin keeps a string setupFiles and replaces an array.
          ...(theme === 'dark' && { setupFiles: '.storybook/vitest.dark.ts' }),
        },
      })),
      {
        // Chromium with its popup blocker on, driven from Node (test/browser-setup/popup-blocking.ts).
        test: {
          name: 'popup',
          environment: 'node',
          include: popupTests,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The package as users get it: `npm pack` once (global setup), then publint and attw on the tarball,
        // and the tarball installed into fresh apps made from test/consumer/apps (Vite + React 19 and 18,
        // Next.js, Node without React) that type-check, build, render, serve and run their own tests.
        // The installs are cached in the OS temp folder. After every other project, one file at a time.
        test: {
          name: 'consumer',
          environment: 'node',
          include: ['test/consumer/tarball/**/*.test.ts'],
          globalSetup: ['test/consumer/tarball/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 900_000,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The demo (npm start) in Chromium driven from Node: the end-to-end journey, its backend, its layout at
        // 360 and 1,280 px with axe, and screenshots against committed baselines. The global setup builds it.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
