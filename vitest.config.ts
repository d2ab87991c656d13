import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const react18 = (path: string) =>
  fileURLToPath(new URL(`./test/react18/node_modules/${path}`, import.meta.url));

const reactProject = {
  environment: 'jsdom',
  include: ['test/react/**/*.test.{ts,tsx}'],
  setupFiles: ['test/react/setup.ts'],
  testTimeout: 20_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/testing/**/*.test.ts', 'test/consumer/**/*.test.ts'],
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
    ],
  },
});
