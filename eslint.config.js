// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

/**
 * The import rules of one folder of `src`: nothing there imports the testing kit, plus `patterns`. Flat
 * config replaces (never merges) a rule's options, so each folder lists all of its patterns here.
 * @param {string[]} files
 * @param {...({ group: string[] } | { regex: string }) & { message: string; allowTypeImports?: boolean }} patterns
 */
function layer(files, ...patterns) {
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/testing/**'],
              message: 'Nothing in the library imports the testing kit.',
            },
            ...patterns,
          ],
        },
      ],
    },
  };
}

/** @param {string} folder */
const frameworks = (folder) => ({
  regex: '^(react|react-dom)(/|$)|^@tanstack/',
  message: `${folder} is framework-free.`,
});

/**
 * @param {string[]} layers the folders of src that `folder` must not import
 * @param {string} folder
 */
const imports = (layers, folder) => ({
  group: layers.map((name) => `**/${name}/**`),
  message: `${folder} imports nothing from src/${layers.join(', src/')} (they sit above it).`,
});

/**
 * Components reach Refold through the hooks of src/react. From src/core they may import types (any module)
 * and values only from its pure modules: errors, connection state, auth choice, answer checks, URL rules.
 */
const coreThroughPureModules = {
  // No bare `**/core`: a folder that matches cannot have files let back in by `!`.
  group: [
    '**/core/**',
    ...['errors', 'connections', 'auth', 'validate', 'urls', 'types', 'rule-options'].map(
      (name) => `!**/core/${name}.js`,
    ),
  ],
  allowTypeImports: true,
  message:
    'src/components call Refold through the hooks of src/react; from src/core import types, or values of its pure modules only.',
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'demo/dist',
      'coverage',
      'storybook-static',
      'test-results',
      'node_modules',
      'public/mockServiceWorker.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.configs.strict.rules },
  },
  { files: ['src/**/*.{ts,tsx}'], rules: { 'no-console': 'error' } },
  // The layering, one rule per arrow: core ← react ← components; i18n beside core; testing on top.
  layer(['src/**/*.{ts,tsx}']),
  layer(['src/core/**/*.ts'], frameworks('src/core'), imports(['react', 'components', 'i18n'], 'src/core')),
  layer(['src/i18n/**/*.ts'], frameworks('src/i18n'), imports(['react', 'components'], 'src/i18n')),
  layer(['src/react/**/*.{ts,tsx}'], imports(['components'], 'src/react')),
  layer(['src/components/**/*.{ts,tsx}'], coreThroughPureModules),
  {
    files: ['test/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // The testing kit may import every layer.
  { files: ['src/testing/**/*.{ts,tsx}'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
);
